// TrainingConfig: JSON in and out, a refusal naming the field for every bad value, and the
// table of fields (configFields()) agreeing with JSON, validate() and the trainer.
#include "engine/configfields.h"
#include "engine/trainer.h"
#include "engine/presets.h"
#include "engine/trainingconfig.h"
#include "testhelpers.h"

#include <QtTest>

using ganvas::ConfigError;
using ganvas::ConfigField;
using ganvas::ConfigProblem;
using ganvas::FieldKind;
using ganvas::FieldValue;
using ganvas::TrainingConfig;
using ganvas::applyPreset;
using ganvas::defaultPresetName;
using ganvas::matchingPreset;
using ganvas::presets;
using ganvas::problemsText;

class TestTrainingConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreTheDefaultPreset();
    void jsonRoundTrip();
    void partialJsonKeepsDefaults();
    void badJson_data();
    void badJson();
    void invalidValue_data();
    void invalidValue();
    void shippedConfigsAreValid();
    void oneTableEntryPerJsonKey();
    void presetsAreSoundAndDistinct();
    void presetInConfigFile();
    void tableRangesAreValidates_data();
    void tableRangesAreValidates();
    void liveFlagsAreWhatTheTrainerApplies();
};

void TestTrainingConfig::defaultsAreTheDefaultPreset()
{
    const TrainingConfig c;
    QCOMPARE(c.dataset, std::string("fashion-mnist"));
    QCOMPARE(c.model, std::string("mlp"));
    QCOMPARE(c.latentSize, 100);
    QCOMPARE(c.lrG, 2e-4);
    QCOMPARE(c.lrD, 2e-4);
    QCOMPARE(c.beta1G, 0.5);
    QCOMPARE(c.batchSize, 64);
    QCOMPARE(c.labelSmoothing, 0.1);
    QCOMPARE(c.epochs, 20);
    QCOMPARE(c.checkpointEvery, 15);
    QCOMPARE(c.scoreEvery, 1);
    QVERIFY(c.validate().empty());
    // The struct's defaults and the default preset's file say the same.
    QCOMPARE(QString::fromStdString(matchingPreset(c)), QString(defaultPresetName()));
    QCOMPARE(QString::fromStdString(presets().front().name), QString(defaultPresetName()));
}

void TestTrainingConfig::presetsAreSoundAndDistinct()
{
    const QStringList expected = {"mlp", "dcgan", "hinge", "lsgan", "seed", "wgan-gp"};
    QStringList names;
    for (const auto &p : presets()) {
        names << QString::fromStdString(p.name);
        QVERIFY2(!p.title.empty() && p.description.size() > 20, p.name.c_str());
        TrainingConfig c;
        c.dataset = "mnist";
        c.threads = 2;
        applyPreset(p.name, c);
        QVERIFY2(c.validate().empty(), (p.name + ": " + problemsText(c.validate())).c_str());
        QCOMPARE(QString::fromStdString(matchingPreset(c)), QString::fromStdString(p.name));
        // A preset leaves the data and the machine alone.
        QCOMPARE(c.dataset, std::string("mnist"));
        QCOMPARE(c.threads, 2);
    }
    QCOMPARE(names, expected);
    // The tutorial's exact settings.
    TrainingConfig seed;
    applyPreset("seed", seed);
    QCOMPARE(seed.lrG, 1e-4);
    QCOMPARE(seed.beta1D, 0.9);
    QCOMPARE(seed.batchSize, 128);
    QCOMPARE(seed.labelSmoothing, 0.0);
    QCOMPARE(seed.epochs, 50);
    // Applying one preset after another leaves nothing of the first.
    TrainingConfig c;
    applyPreset("wgan-gp", c);
    QCOMPARE(c.beta2G, 0.9);
    applyPreset("mlp", c);
    QCOMPARE(c.beta2G, 0.999);
    QCOMPARE(c.dStepsPerG, 1);
    c.lrG = 0.00033;
    QCOMPARE(QString::fromStdString(matchingPreset(c)), QString());
}

void TestTrainingConfig::presetInConfigFile()
{
    const auto c = TrainingConfig::fromJson(R"({"preset": "wgan-gp", "lr_g": 0.0003, "dataset": "mnist"})");
    QCOMPARE(c.loss, std::string("wgan-gp"));
    QCOMPARE(c.dStepsPerG, 5);
    QCOMPARE(c.lrG, 0.0003); // the file's own field over the preset's
    QCOMPARE(c.lrD, 1e-4);
    QCOMPARE(c.dataset, std::string("mnist"));
    try {
        TrainingConfig::fromJson(R"({"preset": "fast"})", "lesson.json");
        QFAIL("an unknown preset was accepted");
    } catch (const ConfigError &e) {
        const QString what = e.what();
        QVERIFY2(what.contains("lesson.json") && what.contains("\"fast\"") && what.contains("wgan-gp"),
                 e.what());
    }
    QVERIFY_THROWS_EXCEPTION(ConfigError, TrainingConfig::fromJson(R"({"preset": 3})"));
}

void TestTrainingConfig::jsonRoundTrip()
{
    TrainingConfig c;
    c.dataset = "/data/my images";
    c.model = "dcgan";
    c.loss = "wgan-gp";
    c.lrG = 3e-4;
    c.beta1D = 0.25;
    c.dStepsPerG = 5;
    c.instanceNoise = 0.1;
    c.instanceNoiseAnnealEpochs = 9;
    c.lrDecay = "exponential";
    c.seed = 1234567890123ULL;
    c.limit = 999;
    c.device = "cuda:1";
    const TrainingConfig back = TrainingConfig::fromJson(c.toJson());
    QCOMPARE(back.toJson(), c.toJson());
    QCOMPARE(back.seed, c.seed);
    QCOMPARE(back.dataset, c.dataset);
    QCOMPARE(back.dStepsPerG, 5);
    QCOMPARE(back.beta1D, 0.25);
}

void TestTrainingConfig::partialJsonKeepsDefaults()
{
    const auto c = TrainingConfig::fromJson(R"({"epochs": 3, "loss": "hinge", "app_version": "0.1.0"})");
    QCOMPARE(c.epochs, 3);
    QCOMPARE(c.loss, std::string("hinge"));
    QCOMPARE(c.batchSize, 64);
}

void TestTrainingConfig::badJson_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << "{epochs: 3" << "not valid JSON";
    QTest::newRow("not an object") << "[1, 2]" << "JSON object";
    QTest::newRow("unknown field") << R"({"lr_gg": 0.1})" << "unknown field 'lr_gg'";
    QTest::newRow("string for int") << R"({"epochs": "ten"})" << "field 'epochs' must be an integer";
    QTest::newRow("float for int") << R"({"batch_size": 12.5})" << "field 'batch_size' must be an integer";
    QTest::newRow("number for string") << R"({"model": 3})" << "field 'model' must be a string";
    QTest::newRow("negative seed") << R"({"seed": -1})" << "field 'seed' must be a non-negative integer";
}

void TestTrainingConfig::badJson()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    try {
        TrainingConfig::fromJson(json.toStdString(), "my.json");
        QFAIL("no error");
    } catch (const ConfigError &e) {
        const QString what = QString::fromStdString(e.what());
        QVERIFY2(what.contains("my.json"), qPrintable(what));
        QVERIFY2(what.contains(expected), qPrintable(what));
    }
}

void TestTrainingConfig::invalidValue_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("name"); // what ConfigProblem::field must say
    QTest::newRow("epochs 0") << R"({"epochs": 0})" << "epochs:" << "epochs";
    QTest::newRow("batch 0") << R"({"batch_size": 0})" << "batch_size:" << "batch_size";
    QTest::newRow("batch > limit") << R"({"batch_size": 64, "limit": 10})" << "batch_size:" << "batch_size";
    QTest::newRow("limit 0") << R"({"limit": 0})" << "limit:" << "limit";
    QTest::newRow("model") << R"({"model": "resnet"})" << "model:" << "model";
    QTest::newRow("loss") << R"({"loss": "kl"})" << "loss:" << "loss";
    QTest::newRow("lr_g") << R"({"lr_g": -0.1})" << "lr_g:" << "lr_g";
    QTest::newRow("lr_d") << R"({"lr_d": 0})" << "lr_d:" << "lr_d";
    QTest::newRow("beta1_g") << R"({"beta1_g": 1.0})" << "beta1_g:" << "beta1_g";
    QTest::newRow("beta2_d") << R"({"beta2_d": -0.5})" << "beta2_d:" << "beta2_d";
    QTest::newRow("latent") << R"({"latent_size": 0})" << "latent_size:" << "latent_size";
    QTest::newRow("d steps") << R"({"d_steps_per_g": 0})" << "d_steps_per_g:" << "d_steps_per_g";
    QTest::newRow("smoothing") << R"({"label_smoothing": 0.7})" << "label_smoothing:" << "label_smoothing";
    QTest::newRow("flip") << R"({"label_flip_prob": 0.5})" << "label_flip_prob:" << "label_flip_prob";
    QTest::newRow("smoothing with hinge") << R"({"label_smoothing": 0.2, "loss": "hinge"})" << "only apply"
        << "label_smoothing";
    QTest::newRow("flip with wgan-gp") << R"({"label_flip_prob": 0.1, "loss": "wgan-gp"})"
        << "label_smoothing/label_flip_prob: only apply" << "label_smoothing";
    QTest::newRow("instance noise") << R"({"instance_noise": -1})" << "instance_noise:" << "instance_noise";
    QTest::newRow("anneal") << R"({"instance_noise_anneal_epochs": -2})" << "instance_noise_anneal_epochs:"
        << "instance_noise_anneal_epochs";
    QTest::newRow("decay") << R"({"lr_decay": "cosine"})" << "lr_decay:" << "lr_decay";
    QTest::newRow("gamma") << R"({"lr_decay_gamma": 0})" << "lr_decay_gamma:" << "lr_decay_gamma";
    QTest::newRow("device") << R"({"device": "tpu"})" << "device:" << "device";
    QTest::newRow("threads") << R"({"threads": -1})" << "threads:" << "threads";
    QTest::newRow("checkpoint") << R"({"checkpoint_every": -1})" << "checkpoint_every:" << "checkpoint_every";
    QTest::newRow("log") << R"({"log_every": 0})" << "log_every:" << "log_every";
    QTest::newRow("dataset") << R"({"dataset": ""})" << "dataset:" << "dataset";
    QTest::newRow("image size") << R"({"image_size": 48})" << "image_size:" << "image_size";
    QTest::newRow("image channels") << R"({"image_channels": 2})" << "image_channels:" << "image_channels";
}

void TestTrainingConfig::invalidValue()
{
    QFETCH(QString, json);
    QFETCH(QString, field);
    QFETCH(QString, name);
    const auto errors = TrainingConfig::fromJson(json.toStdString()).validate();
    QCOMPARE(int(errors.size()), 1);
    QCOMPARE(QString::fromStdString(errors.front().field), name);
    const QString message = QString::fromStdString(errors.front().text());
    QVERIFY2(message.startsWith(field) || message.contains(field), qPrintable(message));
    QVERIFY2(message.contains("got") || message.contains("loss is"), qPrintable(message));
}

void TestTrainingConfig::shippedConfigsAreValid()
{
    const QDir dir(QStringLiteral(GANVAS_SOURCE_DIR "/resources/configs"));
    const auto files = dir.entryList({"*.json"}, QDir::Files);
    QVERIFY(files.size() >= 3);
    for (const QString &f : files) {
        const auto c = TrainingConfig::fromJsonFile(dir.filePath(f).toStdString());
        QVERIFY2(c.validate().empty(), qPrintable(f));
    }
}

void TestTrainingConfig::oneTableEntryPerJsonKey()
{
    const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(TrainingConfig().toJson())).object();
    QVERIFY(json.size() >= 29);
    QSet<QString> names;
    for (const ConfigField &f : ganvas::configFields()) {
        QVERIFY2(!names.contains(f.name), f.name); // described once
        names.insert(f.name);
        QVERIFY2(json.contains(f.name), f.name);
        QVERIFY2(*f.label && *f.help && *f.group, f.name);
        QCOMPARE(ganvas::findConfigField(f.name), &f);
    }
    for (const QString &key : json.keys())
        QVERIFY2(names.contains(key), qPrintable(key));
    QCOMPARE(names.size(), int(json.size()));
}

namespace {

// The value of `f` that `text` says, in the member's kind.
FieldValue valueOf(const ConfigField &f, const QString &text)
{
    if (std::holds_alternative<int64_t>(f.defaultValue()))
        return int64_t(text.toLongLong());
    if (std::holds_alternative<double>(f.defaultValue()))
        return text.toDouble();
    return text.toStdString();
}

} // namespace

void TestTrainingConfig::tableRangesAreValidates_data()
{
    // Every numeric field at the edges of its range (just inside accepted, just outside refused),
    // every choice accepted, a value beyond the choices refused: all read from the table.
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("accepted");
    auto row = [](const ConfigField &f, double v, bool ok, const char *what) {
        QTest::addRow("%s %s %g", f.name, what, v) << QString(f.name) << QString::number(v, 'g', 17) << ok;
    };
    int numeric = 0;
    for (const ConfigField &f : ganvas::configFields()) {
        if (f.kind == FieldKind::Int || f.kind == FieldKind::Real) {
            ++numeric;
            const double d = f.kind == FieldKind::Int ? 1 : 1e-6;
            row(f, f.min, !f.minOpen, "min");
            row(f, f.minOpen ? f.min + d : f.min - d, f.minOpen, f.minOpen ? "above min" : "below min");
            if (f.hasMax) {
                row(f, f.max, !f.maxOpen, "max");
                row(f, f.maxOpen ? f.max - d : f.max + d, f.maxOpen, f.maxOpen ? "below max" : "above max");
            } else {
                row(f, 1e9, true, "large");
            }
            if (f.special)
                row(f, double(*f.special), true, "special");
        } else if (f.kind == FieldKind::Choice) {
            for (const auto &c : f.choices)
                QTest::addRow("%s %s", f.name, c.c_str()) << QString(f.name) << QString::fromStdString(c) << true;
            const bool number = std::holds_alternative<int64_t>(f.defaultValue());
            QTest::addRow("%s bogus", f.name) << QString(f.name) << (number ? "7777" : "bogus") << false;
        }
    }
    QVERIFY(numeric >= 20);
}

void TestTrainingConfig::tableRangesAreValidates()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, accepted);
    const ConfigField *f = ganvas::findConfigField(name.toStdString());
    QVERIFY(f);
    if (std::holds_alternative<uint64_t TrainingConfig::*>(f->member) && value.toDouble() < 0)
        QSKIP("an unsigned member cannot hold a value below 0 (fromJson refuses it)");
    TrainingConfig c;
    f->set(c, valueOf(*f, value));
    QVERIFY(f->get(c) == valueOf(*f, value));
    const auto problems = c.validate();
    const auto named = std::find_if(problems.begin(), problems.end(),
                                    [&](const ConfigProblem &p) { return p.names(f->name); });
    if (accepted) {
        QVERIFY2(named == problems.end(), named == problems.end() ? "" : named->text().c_str());
        return;
    }
    QVERIFY2(named != problems.end(), qPrintable(name + " " + value + " was accepted"));
    QCOMPARE(QString::fromStdString(named->field), name);
    const QString text = QString::fromStdString(named->text());
    QVERIFY2(text.startsWith(name + ": " + QString::fromStdString(f->ruleText()) + " (got "), qPrintable(text));
}

void TestTrainingConfig::liveFlagsAreWhatTheTrainerApplies()
{
    QStringList live;
    for (const ConfigField &f : ganvas::configFields())
        if (f.live())
            live << f.name;
    QCOMPARE(live, (QStringList{"lr_g", "lr_d", "label_smoothing", "label_flip_prob", "instance_noise",
                                "instance_noise_anneal_epochs", "score_every", "score_samples"}));

    // Change one field at a time mid-run: only the live ones may reach the running config.
    // Learning rates of 0.5 may diverge: "stop" leaves the config as it is (rollback halves them).
    TrainingConfig start = ganvas::test::smallConfig();
    start.onDivergence = "stop";
    // Turning the score on mid-run must not train a classifier here: no held-out images.
    start.dataset = "/nonexistent/held-out";
    ganvas::Trainer t(start, ganvas::test::syntheticImages(64));
    t.trainStep();
    for (const ConfigField &f : ganvas::configFields()) {
        TrainingConfig changed = t.config();
        const FieldValue before = f.get(changed);
        if (f.kind == FieldKind::Choice) {
            for (const auto &choice : f.choices)
                if (valueOf(f, QString::fromStdString(choice)) != before) {
                    f.set(changed, valueOf(f, QString::fromStdString(choice)));
                    break;
                }
        } else if (f.kind == FieldKind::Real) {
            const double mid = (f.min + f.max) / 2;
            f.set(changed, mid != std::get<double>(before) ? mid : (f.min + 3 * f.max) / 4);
        } else if (f.kind == FieldKind::Int) {
            const int64_t now = std::get<int64_t>(before);
            const int64_t next = f.special && now == *f.special ? int64_t(f.min) + 1000 : now + 1;
            f.set(changed, f.hasMax && next > f.max ? now - 1 : next);
        } else {
            f.set(changed, std::get<std::string>(before) + "x");
        }
        const FieldValue after = f.get(changed);
        QVERIFY2(after != before, f.name);
        // A valid change, so a live field refused as invalid cannot pass for an ignored one.
        const std::string problems = ganvas::problemsText(changed.validate());
        QVERIFY2(problems.empty(), qPrintable(QString(f.name) + ": " + QString::fromStdString(problems)));
        t.updateLiveSettings(changed);
        t.trainStep();
        QVERIFY2(f.get(t.config()) == (f.live() ? after : before), f.name);
    }
}

QTEST_GUILESS_MAIN(TestTrainingConfig)
#include "tst_trainingconfig.moc"
