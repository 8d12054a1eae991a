// TrainingConfig: JSON in and out, and a refusal naming the field for every bad value.
#include "engine/trainingconfig.h"

#include <QtTest>

using ganvas::ConfigError;
using ganvas::TrainingConfig;

class TestTrainingConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreTheSeeds();
    void jsonRoundTrip();
    void partialJsonKeepsDefaults();
    void badJson_data();
    void badJson();
    void invalidValue_data();
    void invalidValue();
    void shippedConfigsAreValid();
};

void TestTrainingConfig::defaultsAreTheSeeds()
{
    const TrainingConfig c;
    QCOMPARE(c.dataset, std::string("fashion-mnist"));
    QCOMPARE(c.model, std::string("mlp"));
    QCOMPARE(c.latentSize, 100);
    QCOMPARE(c.lrG, 1e-4);
    QCOMPARE(c.lrD, 1e-4);
    QCOMPARE(c.batchSize, 128);
    QCOMPARE(c.epochs, 50);
    QCOMPARE(c.checkpointEvery, 15);
    QVERIFY(c.validate().empty());
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
    QCOMPARE(c.batchSize, 128);
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
    QTest::newRow("epochs 0") << R"({"epochs": 0})" << "epochs:";
    QTest::newRow("batch 0") << R"({"batch_size": 0})" << "batch_size:";
    QTest::newRow("batch > limit") << R"({"batch_size": 64, "limit": 10})" << "batch_size:";
    QTest::newRow("limit 0") << R"({"limit": 0})" << "limit:";
    QTest::newRow("model") << R"({"model": "resnet"})" << "model:";
    QTest::newRow("loss") << R"({"loss": "kl"})" << "loss:";
    QTest::newRow("lr_g") << R"({"lr_g": -0.1})" << "lr_g:";
    QTest::newRow("lr_d") << R"({"lr_d": 0})" << "lr_d:";
    QTest::newRow("beta1_g") << R"({"beta1_g": 1.0})" << "beta1_g:";
    QTest::newRow("beta2_d") << R"({"beta2_d": -0.5})" << "beta2_d:";
    QTest::newRow("latent") << R"({"latent_size": 0})" << "latent_size:";
    QTest::newRow("d steps") << R"({"d_steps_per_g": 0})" << "d_steps_per_g:";
    QTest::newRow("smoothing") << R"({"label_smoothing": 0.7})" << "label_smoothing:";
    QTest::newRow("flip") << R"({"label_flip_prob": 0.5})" << "label_flip_prob:";
    QTest::newRow("smoothing with hinge") << R"({"label_smoothing": 0.1, "loss": "hinge"})" << "only apply";
    QTest::newRow("instance noise") << R"({"instance_noise": -1})" << "instance_noise:";
    QTest::newRow("anneal") << R"({"instance_noise_anneal_epochs": -2})" << "instance_noise_anneal_epochs:";
    QTest::newRow("decay") << R"({"lr_decay": "cosine"})" << "lr_decay:";
    QTest::newRow("gamma") << R"({"lr_decay_gamma": 0})" << "lr_decay_gamma:";
    QTest::newRow("device") << R"({"device": "tpu"})" << "device:";
    QTest::newRow("threads") << R"({"threads": -1})" << "threads:";
    QTest::newRow("checkpoint") << R"({"checkpoint_every": -1})" << "checkpoint_every:";
    QTest::newRow("log") << R"({"log_every": 0})" << "log_every:";
    QTest::newRow("dataset") << R"({"dataset": ""})" << "dataset:";
    QTest::newRow("image size") << R"({"image_size": 48})" << "image_size:";
    QTest::newRow("image channels") << R"({"image_channels": 2})" << "image_channels:";
}

void TestTrainingConfig::invalidValue()
{
    QFETCH(QString, json);
    QFETCH(QString, field);
    const auto errors = TrainingConfig::fromJson(json.toStdString()).validate();
    QCOMPARE(int(errors.size()), 1);
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

QTEST_GUILESS_MAIN(TestTrainingConfig)
#include "tst_trainingconfig.moc"
