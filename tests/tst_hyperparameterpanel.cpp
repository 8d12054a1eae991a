// The settings panel is built from the engine's table of fields: one editor per field with the
// table's kind, range, choices, help and live flag, and a bad value marked by problem.field.
#include "engine/configfields.h"
#include "engine/presets.h"
#include "panels/hyperparameterpanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QtTest>

using ganvas::ConfigField;
using ganvas::FieldKind;
using ganvas::TrainingConfig;

class TestHyperparameterPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editorsFollowTheTable();
    void configRoundTrips();
    void problemFieldsAreMarked();
    void presetChooserSetsAndFollowsTheFields();
    void onlyLiveFieldsEditableWhileRunning();
};

void TestHyperparameterPanel::editorsFollowTheTable()
{
    HyperparameterPanel panel;
    QStringList labels;
    for (const QLabel *l : panel.findChildren<QLabel *>())
        labels << l->text();
    for (const ConfigField &f : ganvas::configFields()) {
        QWidget *w = panel.field(f.name);
        QVERIFY2(w, f.name);
        QCOMPARE(w->toolTip(), QString(f.help));
        QVERIFY2(labels.contains(QString(f.label)), f.label);
        switch (f.kind) {
        case FieldKind::Text:
            QVERIFY2(qobject_cast<QLineEdit *>(w), f.name);
            break;
        case FieldKind::Choice: {
            auto *c = qobject_cast<QComboBox *>(w);
            QVERIFY2(c, f.name);
            QCOMPARE(c->count(), int(f.choices.size()));
            for (int i = 0; i < c->count(); ++i)
                QCOMPARE(c->itemText(i).toStdString(), f.choices[size_t(i)]);
            QCOMPARE(c->isEditable(), f.editableChoice);
            break;
        }
        case FieldKind::Int: {
            auto *s = qobject_cast<QSpinBox *>(w);
            QVERIFY2(s, f.name);
            QCOMPARE(double(s->minimum()), f.special ? std::min(f.min, double(*f.special)) : f.min);
            if (f.hasMax)
                QCOMPARE(double(s->maximum()), f.max);
            break;
        }
        case FieldKind::Real: {
            auto *s = qobject_cast<QDoubleSpinBox *>(w);
            QVERIFY2(s, f.name);
            QCOMPARE(s->decimals(), f.decimals);
            // An open end is not offered; a closed one is.
            QVERIFY2(f.minOpen ? s->minimum() > f.min : s->minimum() == f.min, f.name);
            QVERIFY2(f.maxOpen ? s->maximum() < f.max : s->maximum() == f.max, f.name);
            break;
        }
        }
    }
}

void TestHyperparameterPanel::configRoundTrips()
{
    TrainingConfig c;
    c.dataset = "/data/pictures";
    c.imageSize = 64;
    c.model = "dcgan";
    c.loss = "wgan-gp";
    c.lrG = 0.0003;
    c.beta1D = 0.5;
    c.instanceNoiseAnnealEpochs = 7;
    c.device = "cuda:1";
    c.limit = -1;
    HyperparameterPanel panel;
    panel.setConfig(c);
    QCOMPARE(panel.config().toJson(), c.toJson());
}

void TestHyperparameterPanel::presetChooserSetsAndFollowsTheFields()
{
    HyperparameterPanel panel;
    QComboBox *box = panel.presetBox();
    QVERIFY(box);
    // Defaults are the default preset, and the chooser says so.
    QCOMPARE(box->currentData().toString(), QString(ganvas::defaultPresetName()));
    QCOMPARE(panel.currentPreset(), QString(ganvas::defaultPresetName()));
    auto *dataset = qobject_cast<QLineEdit *>(panel.field("dataset"));
    QVERIFY(dataset);
    dataset->setText("mnist");
    // Choosing a preset the way a user does sets its fields and keeps the data.
    const int wgan = box->findData("wgan-gp");
    QVERIFY(wgan >= 0);
    box->setCurrentIndex(wgan);
    Q_EMIT box->activated(wgan);
    QCOMPARE(panel.config().loss, std::string("wgan-gp"));
    QCOMPARE(panel.config().dStepsPerG, 5);
    QCOMPARE(panel.config().dataset, std::string("mnist"));
    QVERIFY(panel.validate().isEmpty());
    auto *note = panel.findChild<QLabel *>("presetNote");
    QVERIFY(note && note->text().contains("critic"));
    // Editing a field makes the settings custom; setting it back finds the preset again.
    auto *lr = qobject_cast<QDoubleSpinBox *>(panel.field("lr_g"));
    QVERIFY(lr);
    lr->setValue(0.0005);
    QCOMPARE(box->currentData().toString(), QString());
    QCOMPARE(panel.currentPreset(), QString());
    lr->setValue(0.0001);
    QCOMPARE(box->currentData().toString(), QString("wgan-gp"));
    // Locked while training: a preset sets fields that cannot change mid-run.
    panel.setRunning(true);
    QVERIFY(!box->isEnabled());
    panel.setRunning(false);
    QVERIFY(box->isEnabled());
}

void TestHyperparameterPanel::problemFieldsAreMarked()
{
    TrainingConfig c;
    c.loss = "hinge";
    c.labelSmoothing = 0.2;
    HyperparameterPanel panel;
    panel.setConfig(c);
    const QString error = panel.validate();
    QVERIFY2(error.contains("only apply"), qPrintable(error));
    for (const char *marked : {"label_smoothing", "label_flip_prob"})
        QVERIFY2(panel.field(marked)->styleSheet().contains("border"), marked);
    for (const char *clean : {"loss", "lr_g", "batch_size"})
        QVERIFY2(panel.field(clean)->styleSheet().isEmpty(), clean);
    c.labelSmoothing = 0;
    panel.setConfig(c);
    QVERIFY(panel.validate().isEmpty());
    QVERIFY(panel.field("label_smoothing")->styleSheet().isEmpty());
}

void TestHyperparameterPanel::onlyLiveFieldsEditableWhileRunning()
{
    HyperparameterPanel panel;
    panel.setRunning(true);
    for (const ConfigField &f : ganvas::configFields())
        QVERIFY2(panel.field(f.name)->isEnabled() == f.live(), f.name);
    panel.setRunning(false);
    for (const ConfigField &f : ganvas::configFields())
        QVERIFY2(panel.field(f.name)->isEnabled(), f.name);
}

QTEST_MAIN(TestHyperparameterPanel)
#include "tst_hyperparameterpanel.moc"
