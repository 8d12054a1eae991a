// The settings panel's preset row: the recipe chooser above the fields, its one-line
// description, and the advanced fold's switch (the rest of the panel: hyperparameterpanel.cpp).
#include "panels/hyperparameterpanel.h"

#include "engine/presets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>

using ganvas::TrainingConfig;

namespace {

// A preset's name and one-line description in the GUI's language (the engine's files hold
// the English the command line prints).
QString presetTitle(const std::string &name)
{
    if (name == "mlp")
        return QCoreApplication::translate("HyperparameterPanel", "Fully connected, tuned (default)");
    if (name == "dcgan")
        return QCoreApplication::translate("HyperparameterPanel", "Convolutional (DCGAN)");
    if (name == "lsgan")
        return QCoreApplication::translate("HyperparameterPanel", "Least squares (LSGAN)");
    if (name == "hinge")
        return QCoreApplication::translate("HyperparameterPanel", "Hinge loss");
    if (name == "wgan-gp")
        return QCoreApplication::translate("HyperparameterPanel", "Wasserstein with gradient penalty (WGAN-GP)");
    if (name == "seed")
        return QCoreApplication::translate("HyperparameterPanel", "The tutorial's settings");
    return QString::fromStdString(name);
}

QString presetDescription(const std::string &name)
{
    if (name == "mlp")
        return QCoreApplication::translate("HyperparameterPanel",
                                           "The tutorial's fully connected pair with Adam 2e-4, beta1 0.5, batch 64 "
                                           "and label smoothing: garments show after an epoch or two.");
    if (name == "dcgan")
        return QCoreApplication::translate("HyperparameterPanel",
                                           "A convolutional pair: sharper images, about seven times slower per "
                                           "epoch on a CPU.");
    if (name == "lsgan")
        return QCoreApplication::translate("HyperparameterPanel",
                                           "The fully connected pair with a least-squares loss, whose gradients do "
                                           "not vanish when D is sure.");
    if (name == "hinge")
        return QCoreApplication::translate("HyperparameterPanel",
                                           "The fully connected pair with the hinge loss: D is pushed to a margin, "
                                           "not to certainty.");
    if (name == "wgan-gp")
        return QCoreApplication::translate("HyperparameterPanel",
                                           "A critic instead of a classifier: five critic steps per generator step "
                                           "and a gradient penalty; slower, steadier.");
    if (name == "seed")
        return QCoreApplication::translate("HyperparameterPanel",
                                           "Exactly the tutorial GANvas grew from (Adam 1e-4, beta1 0.9, batch 128): "
                                           "it learns slowly.");
    return {};
}

} // namespace

QWidget *HyperparameterPanel::createPresetRow()
{
    auto *row = new QWidget;
    auto *layout = new QFormLayout(row);
    m_preset = new QComboBox;
    m_preset->setObjectName("preset");
    for (const auto &p : ganvas::presets())
        m_preset->addItem(presetTitle(p.name), QString::fromStdString(p.name));
    m_preset->addItem(tr("Custom settings"), QString());
    m_preset->setToolTip(tr("A tested recipe of model, loss and optimiser settings; editing a field makes "
                            "the settings custom."));
    m_presetNote = new QLabel;
    m_presetNote->setObjectName("presetNote");
    m_presetNote->setWordWrap(true);
    m_presetNote->setEnabled(false); // the grey of secondary text
    auto *label = new QLabel(tr("&Preset"));
    label->setBuddy(m_preset);
    layout->addRow(label, m_preset);
    layout->addRow(m_presetNote);
    m_showAdvanced = new QCheckBox(tr("Show &advanced settings"));
    m_showAdvanced->setObjectName("showAdvanced");
    m_showAdvanced->setToolTip(tr("Also show the settings most runs leave as they are: image size for "
                                  "folders, Adam's beta2, decay, extra tricks, seed, device, threads, "
                                  "checkpoints, logging and the score's details."));
    layout->addRow(m_showAdvanced);
    connect(m_showAdvanced, &QCheckBox::toggled, this, [this] { refreshAdvanced(); });
    connect(m_preset, &QComboBox::activated, this, [this](int index) {
        const QString name = m_preset->itemData(index).toString();
        if (!name.isEmpty())
            applyPreset(name);
        else
            showMatchingPreset();
    });
    return row;
}

void HyperparameterPanel::applyPreset(const QString &name)
{
    TrainingConfig c = config();
    ganvas::applyPreset(name.toStdString(), c);
    setConfig(c);
}

QString HyperparameterPanel::currentPreset() const
{
    return QString::fromStdString(ganvas::matchingPreset(config()));
}

void HyperparameterPanel::showMatchingPreset()
{
    const std::string name = ganvas::matchingPreset(config());
    const QSignalBlocker quiet(m_preset);
    const int index = m_preset->findData(QString::fromStdString(name));
    m_preset->setCurrentIndex(index >= 0 ? index : m_preset->count() - 1);
    m_presetNote->setText(name.empty() ? tr("Your own settings: choose a preset to start again from a tested "
                                            "recipe.")
                                       : presetDescription(name));
}
