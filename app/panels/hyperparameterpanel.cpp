#include "panels/hyperparameterpanel.h"

#include "engine/configfields.h"
#include "engine/presets.h"

#include <QCoreApplication>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using ganvas::ConfigField;
using ganvas::FieldKind;
using ganvas::FieldValue;
using ganvas::TrainingConfig;

namespace {

// The engine's source strings, in the GUI's language.
QString translated(const char *text)
{
    return QCoreApplication::translate("TrainingConfig", text);
}

QString shown(const FieldValue &v)
{
    return std::visit(
        [](const auto &x) {
            if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::string>)
                return QString::fromStdString(x);
            else
                return QString::number(x);
        },
        v);
}

// Editors cannot hold an open end or no end at all: the nearest value they can show instead.
double lowest(const ConfigField &f, double step)
{
    const double lo = f.special ? std::min(f.min, double(*f.special)) : f.min;
    return f.minOpen ? lo + step : lo;
}

double highest(const ConfigField &f, double step, double cap)
{
    if (!f.hasMax)
        return cap;
    return std::min(cap, f.maxOpen ? f.max - step : f.max);
}

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

HyperparameterPanel::HyperparameterPanel(QWidget *parent) : QWidget(parent)
{
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    QString group;
    QFormLayout *form = nullptr;
    for (const auto &f : ganvas::configFields()) {
        if (group != f.group) {
            group = f.group;
            auto *box = new QGroupBox(translated(f.group));
            form = new QFormLayout(box);
            column->addWidget(box);
        }
        addField(f, form);
    }
    column->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(createPresetRow()); // above the scrolled fields: always in sight
    outer->addWidget(scroll);
    setConfig(TrainingConfig());
}

HyperparameterPanel::~HyperparameterPanel() = default;

void HyperparameterPanel::addField(const ConfigField &f, QFormLayout *form)
{
    QWidget *w = nullptr;
    const bool live = f.live();
    auto changed = [this, live] {
        showMatchingPreset();
        if (m_running && live)
            Q_EMIT liveSettingsChanged();
    };
    switch (f.kind) {
    case FieldKind::Text: {
        auto *e = new QLineEdit;
        connect(e, &QLineEdit::textEdited, this, changed);
        w = e;
        break;
    }
    case FieldKind::Choice: {
        auto *c = new QComboBox;
        for (const auto &choice : f.choices)
            c->addItem(QString::fromStdString(choice));
        c->setEditable(f.editableChoice);
        connect(c, &QComboBox::currentTextChanged, this, changed);
        w = c;
        break;
    }
    case FieldKind::Int: {
        auto *s = new QSpinBox;
        s->setRange(int(lowest(f, 1)), int(highest(f, 1, 2e9)));
        connect(s, &QSpinBox::valueChanged, this, changed);
        w = s;
        break;
    }
    case FieldKind::Real: {
        auto *s = new QDoubleSpinBox;
        const double step = std::pow(10.0, -f.decimals);
        s->setDecimals(f.decimals);
        s->setRange(lowest(f, step), highest(f, step, 1e9));
        s->setSingleStep(std::pow(10.0, -std::max(1, f.decimals - 1)));
        connect(s, &QDoubleSpinBox::valueChanged, this, changed);
        w = s;
        break;
    }
    }
    const QString name = QString::fromLatin1(f.name);
    w->setObjectName(name);
    w->setToolTip(translated(f.help));
    auto *label = new QLabel(translated(f.label));
    label->setToolTip(translated(f.help));
    form->addRow(label, w);
    m_fields.insert(name, w);
    m_live.insert(name, live);
}

TrainingConfig HyperparameterPanel::config() const
{
    TrainingConfig c;
    for (const auto &f : ganvas::configFields()) {
        QWidget *w = m_fields.value(QString::fromLatin1(f.name));
        FieldValue v;
        if (auto *e = qobject_cast<QLineEdit *>(w))
            v = e->text().trimmed().toStdString();
        else if (auto *b = qobject_cast<QComboBox *>(w))
            v = b->currentText().trimmed().toStdString();
        else if (auto *s = qobject_cast<QSpinBox *>(w))
            v = int64_t(s->value());
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
            v = d->value();
        f.set(c, v);
    }
    return c;
}

void HyperparameterPanel::setConfig(const TrainingConfig &c)
{
    for (const auto &f : ganvas::configFields()) {
        QWidget *w = m_fields.value(QString::fromLatin1(f.name));
        const FieldValue v = f.get(c);
        const QSignalBlocker quiet(w);
        if (auto *e = qobject_cast<QLineEdit *>(w))
            e->setText(shown(v));
        else if (auto *b = qobject_cast<QComboBox *>(w))
            b->setCurrentText(shown(v));
        else if (auto *s = qobject_cast<QSpinBox *>(w))
            s->setValue(int(std::get<int64_t>(v)));
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
            d->setValue(std::get<double>(v));
    }
    showMatchingPreset();
}

QString HyperparameterPanel::validate()
{
    for (QWidget *w : std::as_const(m_fields))
        w->setStyleSheet({});
    QStringList reasons;
    for (const auto &problem : config().validate()) {
        reasons << QString::fromStdString(problem.text());
        std::vector<std::string> names = problem.others;
        names.push_back(problem.field);
        for (const auto &name : names)
            if (QWidget *w = m_fields.value(QString::fromStdString(name)))
                w->setStyleSheet("border: 1px solid #b00020;");
    }
    return reasons.join('\n');
}

void HyperparameterPanel::setRunning(bool running)
{
    m_running = running;
    m_preset->setEnabled(!running); // a preset sets fields fixed for the run
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        it.value()->setEnabled(!running || m_live.value(it.key()));
        if (running && !m_live.value(it.key()))
            it.value()->setToolTip(it.value()->toolTip().section("\n", 0, 0) + tr("\nLocked while training."));
        else
            it.value()->setToolTip(it.value()->toolTip().section("\n", 0, 0));
    }
}
