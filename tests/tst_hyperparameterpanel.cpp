// The settings panel is built from the engine's table of fields: one editor per field with the
// table's kind, range, choices, help and live flag, and a bad value marked by problem.field.
#include "engine/configfields.h"
#include "engine/cpuruntime.h"
#include "engine/presets.h"
#include "panels/hyperparameterpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QApplication>
#include <QWheelEvent>
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
    void numbersAreTakenAsTyped();
    void wheelNeedsFocus();
    void wordsAStudentKnows();
    void onlyLiveFieldsEditableWhileRunning();
    void advancedFieldsFoldAway();
    void deviceListNamesTheGpus();
};

void TestHyperparameterPanel::deviceListNamesTheGpus()
{
    HyperparameterPanel panel;
    auto *device = qobject_cast<QComboBox *>(panel.field("device"));
    QVERIFY(device);
    // This machine, as the engine sees it: a CPU-only libtorch finds no CUDA device, and says so.
    if (ganvas::cudaDevices() <= 0) {
        QCOMPARE(device->itemText(device->findData("cuda")), QString("cuda (no CUDA device found)"));
        QCOMPARE(device->findData("cuda:0"), -1);
    }
    // Two GPUs found: each by its name, chosen by its cuda:N.
    panel.setCudaDevices({"NVIDIA H200, 140 GB", "NVIDIA H100 80GB HBM3, 85 GB"});
    QCOMPARE(device->itemText(device->findData("cuda:0")), QString("cuda:0 — NVIDIA H200, 140 GB"));
    QCOMPARE(device->itemText(device->findData("cuda:1")), QString("cuda:1 — NVIDIA H100 80GB HBM3, 85 GB"));
    QCOMPARE(device->itemText(device->findData("cuda")), QString("cuda (the first GPU)"));
    device->setCurrentIndex(device->findData("cuda:1"));
    QCOMPARE(panel.config().device, std::string("cuda:1"));
    TrainingConfig c;
    c.device = "cuda:0";
    panel.setConfig(c);
    QCOMPARE(device->currentText(), QString("cuda:0 — NVIDIA H200, 140 GB"));
    QCOMPARE(panel.config().device, std::string("cuda:0"));
    // Found again, the list keeps what was chosen; none found, the named entries go.
    panel.setCudaDevices({"NVIDIA H200, 140 GB"});
    QCOMPARE(panel.config().device, std::string("cuda:0"));
    panel.setCudaDevices({});
    QCOMPARE(device->findData("cuda:0"), -1);
    QCOMPARE(panel.config().device, std::string("cuda:0")); // typed values beyond the list still count
}

void TestHyperparameterPanel::editorsFollowTheTable()
{
    HyperparameterPanel panel;
    QStringList labels;
    for (const QLabel *l : panel.findChildren<QLabel *>())
        labels << l->text();
    for (const ConfigField &f : ganvas::configFields()) {
        QWidget *w = panel.field(f.name);
        QVERIFY2(w, f.name);
        QVERIFY2(w->toolTip().startsWith(QString(f.help)), f.name); // and why it is off, if it is
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
                QCOMPARE(c->itemData(i).toString().toStdString(), f.choices[size_t(i)]);
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
            // Any number can be typed and is kept as typed; the table's range is checked by
            // validate(), which marks the field (numbersAreTakenAsTyped).
            QVERIFY2(s->minimum() < f.min && (!f.hasMax || s->maximum() > f.max), f.name);
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
        QVERIFY2(panel.hasProblem(marked), marked);
    for (const char *clean : {"loss", "lr_g", "batch_size"})
        QVERIFY2(!panel.hasProblem(clean), clean);
    // Named as the panel shows it, and still editable so it can be set back.
    QVERIFY2(error.startsWith("Label smoothing: "), qPrintable(error));
    QVERIFY(panel.field("label_smoothing")->isEnabled());
    QVERIFY(panel.field("label_smoothing")->toolTip().contains("Not accepted"));
    c.labelSmoothing = 0;
    panel.setConfig(c);
    QVERIFY(panel.validate().isEmpty());
    QVERIFY(!panel.hasProblem("label_smoothing"));
    // Now it does not apply to hinge: disabled, with the reason.
    QVERIFY(!panel.field("label_smoothing")->isEnabled());
    QVERIFY2(panel.field("label_smoothing")->toolTip().contains("Used only with these losses: bce, lsgan"),
             qPrintable(panel.field("label_smoothing")->toolTip()));
}

void TestHyperparameterPanel::numbersAreTakenAsTyped()
{
    HyperparameterPanel panel;
    panel.show();
    auto *lr = qobject_cast<QDoubleSpinBox *>(panel.field("lr_g"));
    QVERIFY(lr);
    // Scientific notation, and more digits than six decimals.
    lr->setFocus();
    lr->selectAll();
    QTest::keyClicks(lr, "1e-7");
    QTest::keyClick(lr, Qt::Key_Tab);
    QCOMPARE(panel.config().lrG, 1e-7);
    QVERIFY(panel.validate().isEmpty());
    // Out of range: kept as typed and said, not clamped to 1.
    lr->setFocus();
    lr->selectAll();
    QTest::keyClicks(lr, "10");
    QTest::keyClick(lr, Qt::Key_Tab);
    QCOMPARE(panel.config().lrG, 10.0);
    QVERIFY(panel.hasProblem("lr_g"));
    const QString error = panel.validate();
    QVERIFY2(error.contains("Learning rate G: ") && error.contains("(got 10)"), qPrintable(error));
    QTRY_VERIFY(lr->hasFocus()); // the first bad field has the focus
    // -0.01 stays -0.01; 0 reads as 0, never -0.
    lr->setValue(-0.01);
    QCOMPARE(panel.config().lrG, -0.01);
    lr->setValue(-0.0);
    QVERIFY2(panel.validate().contains("(got 0)"), qPrintable(panel.validate()));
    // A config's lr 10 is reported as 10 too.
    TrainingConfig c;
    c.lrD = 10;
    panel.setConfig(c);
    QVERIFY2(panel.validate().contains("Learning rate D: must be > 0 and < 1 (got 10)"), qPrintable(panel.validate()));
}

void TestHyperparameterPanel::wheelNeedsFocus()
{
    HyperparameterPanel panel;
    panel.resize(400, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *beta = qobject_cast<QDoubleSpinBox *>(panel.field("beta1_d"));
    auto *model = qobject_cast<QComboBox *>(panel.field("model"));
    auto *epochs = qobject_cast<QSpinBox *>(panel.field("epochs"));
    QVERIFY(beta && model && epochs);
    panel.presetBox()->setFocus();
    const double before = beta->value();
    const int modelBefore = model->currentIndex();
    const int epochsBefore = epochs->value();
    for (QWidget *w : {static_cast<QWidget *>(beta), static_cast<QWidget *>(model), static_cast<QWidget *>(epochs)}) {
        QWheelEvent wheel(QPointF(5, 5), w->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(w, &wheel);
    }
    QCOMPARE(beta->value(), before);
    QCOMPARE(model->currentIndex(), modelBefore);
    QCOMPARE(epochs->value(), epochsBefore);
    // With the focus, the wheel edits as usual.
    epochs->setFocus();
    QWheelEvent wheel(QPointF(5, 5), epochs->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(epochs, &wheel);
    QCOMPARE(epochs->value(), epochsBefore + 1);
}

void TestHyperparameterPanel::wordsAStudentKnows()
{
    HyperparameterPanel panel;
    auto *limit = qobject_cast<QSpinBox *>(panel.field("limit"));
    QVERIFY(limit);
    QCOMPARE(limit->value(), -1);
    QCOMPARE(limit->text(), QString("All images"));
    auto *channels = qobject_cast<QComboBox *>(panel.field("image_channels"));
    QCOMPARE(channels->currentText(), QString("Automatic"));
    QCOMPARE(panel.config().imageChannels, 0);
    // GP weight only with wgan-gp; the decay factor only with exponential decay.
    QVERIFY(!panel.field("gp_weight")->isEnabled());
    QVERIFY(panel.field("gp_weight")->toolTip().contains("wgan-gp"));
    QVERIFY(!panel.field("lr_decay_gamma")->isEnabled());
    auto *decay = qobject_cast<QComboBox *>(panel.field("lr_decay"));
    decay->setCurrentIndex(decay->findData("exponential"));
    QVERIFY(panel.field("lr_decay_gamma")->isEnabled());
    // Image size and channels are for folders of pictures only.
    QVERIFY(!panel.field("image_size")->isEnabled());
    auto *dataset = qobject_cast<QLineEdit *>(panel.field("dataset"));
    dataset->setText("/data/pictures");
    Q_EMIT dataset->textEdited(dataset->text());
    QVERIFY(panel.field("image_size")->isEnabled());
}

void TestHyperparameterPanel::onlyLiveFieldsEditableWhileRunning()
{
    // Settings where every field applies: a folder of pictures, wgan-gp, exponential decay.
    TrainingConfig c;
    c.dataset = "/data/pictures";
    c.loss = "wgan-gp";
    c.labelSmoothing = 0;
    c.lrDecay = "exponential";
    HyperparameterPanel panel;
    panel.setConfig(c);
    panel.setRunning(true);
    for (const ConfigField &f : ganvas::configFields())
        if (f.appliesToLoss(c.loss))
            QVERIFY2(panel.field(f.name)->isEnabled() == f.live(), f.name);
    panel.setRunning(false);
    for (const ConfigField &f : ganvas::configFields())
        QVERIFY2(panel.field(f.name)->isEnabled() == f.appliesToLoss(c.loss), f.name);
}

QTEST_MAIN(TestHyperparameterPanel)
void TestHyperparameterPanel::advancedFieldsFoldAway()
{
    HyperparameterPanel panel;
    panel.resize(400, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *toggle = panel.findChild<QCheckBox *>("showAdvanced");
    QVERIFY(toggle);
    QVERIFY(!panel.isAdvancedShown());
    // Folded: the everyday fields show, the rare ones do not.
    int folded = 0;
    for (const ConfigField &f : ganvas::configFields()) {
        QCOMPARE(panel.field(f.name)->isVisible(), !f.advanced);
        QCOMPARE(panel.isFieldShown(f.name), !f.advanced);
        folded += f.advanced ? 1 : 0;
    }
    QVERIFY2(folded >= 10, "most of the thirty fields are rarely changed");
    for (const char *everyday : {"dataset", "model", "loss", "lr_g", "lr_d", "epochs", "batch_size"})
        QVERIFY2(panel.field(everyday)->isVisible(), everyday);
    toggle->click();
    QVERIFY(panel.isAdvancedShown());
    for (const ConfigField &f : ganvas::configFields())
        QVERIFY2(panel.field(f.name)->isVisible(), f.name);
    toggle->click();
    QVERIFY(!panel.field("seed")->isVisible());

    // A changed value folded away is counted on the toggle.
    ganvas::TrainingConfig c = panel.config();
    c.seed = 7;
    c.threads = 1;
    panel.setConfig(c);
    QVERIFY2(toggle->text().contains("2 changed"), qPrintable(toggle->text()));
    // A refused advanced field is unfolded and focused when Start asks.
    c.threads = -5;
    panel.setConfig(c);
    QVERIFY(!panel.field("threads")->isVisible());
    QCOMPARE(panel.config().threads, -5); // as the file said: not clamped to 0
    const QString reasons = panel.validate();
    QVERIFY2(reasons.contains("Threads"), qPrintable(reasons));
    QVERIFY(panel.isAdvancedShown());
    QVERIFY(panel.field("threads")->isVisible());
    QTRY_VERIFY(panel.field("threads")->hasFocus());

    // One label column: fields of different groups start at the same x.
    const int x = panel.field("dataset")->mapTo(&panel, QPoint()).x();
    for (const char *name : {"model", "loss", "lr_g", "label_smoothing", "epochs", "score_every"})
        QCOMPARE(panel.field(name)->mapTo(&panel, QPoint()).x(), x);
}

#include "tst_hyperparameterpanel.moc"
