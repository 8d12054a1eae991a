// The latent explorer window on a real checkpoint: A and B chosen, the walk between them in the
// frames asked for, exported as a GIF that decodes to that many frames and as a PNG strip; the
// sliders move A; a random walk runs and stops; a bad checkpoint is said, not shown.
#include "engine/trainer.h"
#include "media/gifwriter.h"
#include "media/pngio.h"
#include "samplepicker.h"
#include "support/messagebar.h"
#include "testhelpers.h"
#include "windows/latentexplorerwindow.h"
#include "mainwindowtesthelpers.h"
#include "windows/mainwindow.h"


#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace ganvas::test;

class TestLatentExplorer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void walksAndExports();
    void slidersAndRandomWalk();
    void badCheckpointIsSaid();
    void opensTheGeneratorBeingTrained();

private:
    QTemporaryDir m_dir;
    QString m_checkpoint;
};

void TestLatentExplorer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    ganvas::Trainer t(smallConfig(), syntheticImages(64, 3, 32)); // a colour model
    for (int i = 0; i < 3; ++i)
        t.trainStep();
    m_checkpoint = m_dir.filePath("epoch-0001.ckpt");
    t.saveCheckpointTo(m_checkpoint.toStdString());
}

void TestLatentExplorer::walksAndExports()
{
    LatentExplorerWindow w;
    w.show();
    QVERIFY(w.open(m_checkpoint));
    QVERIFY(w.isOpen());
    QCOMPARE(w.current().width(), 32);
    QVERIFY(w.current().format() != QImage::Format_Grayscale8); // colour stays colour
    auto *picker = w.findChild<SamplePicker *>();
    QVERIFY(picker);
    // A click picks A, a right click B.
    QTest::mouseClick(picker, Qt::LeftButton, {}, picker->tileRect(5).center());
    QTest::mouseClick(picker, Qt::RightButton, {}, picker->tileRect(9).center());
    QCOMPARE(picker->chosenA(), 5);
    QCOMPARE(picker->chosenB(), 9);
    w.findChild<QSpinBox *>()->setValue(12);
    w.walkAToB();
    QCOMPARE(w.walkFrames(), 12);
    const QString gif = m_dir.filePath("walk.gif"), png = m_dir.filePath("walk.png");
    QString error;
    QVERIFY2(w.exportGif(gif, &error), qPrintable(error));
    const auto frames = ganvas::readGif(gif.toStdString());
    QCOMPARE(int(frames.size()), 12);
    QCOMPARE(frames[0].width, 32 * 4);
    QVERIFY2(w.exportStrip(png, &error), qPrintable(error));
    const auto strip = ganvas::readPng(png.toStdString());
    QCOMPARE(strip.width, 12 * 34 + 2);
    QCOMPARE(strip.channels, 3);
    QVERIFY(w.messages()->text().contains("walk.png"));
    // Writing where no file can be written says so, and names the file.
    QVERIFY(!w.exportGif("/nonexistent/dir/walk.gif", &error));
    QVERIFY2(error.contains("/nonexistent/dir/walk.gif"), qPrintable(error));
}

void TestLatentExplorer::slidersAndRandomWalk()
{
    LatentExplorerWindow w;
    w.show();
    QVERIFY(w.open(m_checkpoint));
    const QImage before = w.current();
    w.setSlider(0, 3.0);
    QVERIFY(w.current() != before);
    w.setSlider(0, 0.0);
    QCOMPARE(w.current(), before);
    w.setRandomWalk(true);
    QTRY_VERIFY_WITH_TIMEOUT(w.walkFrames() >= 6, 10000);
    QVERIFY(w.current() != before);
    w.setRandomWalk(false);
    const int frames = w.walkFrames();
    QTest::qWait(400);
    QCOMPARE(w.walkFrames(), frames);
    const QString gif = m_dir.filePath("random.gif");
    QVERIFY(w.exportGif(gif));
    QCOMPARE(int(ganvas::readGif(gif.toStdString()).size()), frames);
}

void TestLatentExplorer::badCheckpointIsSaid()
{
    LatentExplorerWindow w;
    w.show();
    const QString bad = m_dir.filePath("bad.ckpt");
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a checkpoint");
    f.close();
    QVERIFY(!w.open(bad));
    QVERIFY(w.messages()->isError());
    QVERIFY2(w.messages()->text().contains("bad.ckpt"), qPrintable(w.messages()->text()));
    QVERIFY(!w.isOpen());
    QString error;
    QVERIFY(!w.exportGif(m_dir.filePath("x.gif"), &error));
    QVERIFY(!QFile::exists(m_dir.filePath("x.gif")));
}

void TestLatentExplorer::opensTheGeneratorBeingTrained()
{
    if (!haveFashionMnist())
        QSKIP("dataset-fashion-mnist is not installed");
    isolateWindowState(m_dir.path());
    MainWindow w;
    w.setAskBeforeClosing(false);
    w.setLimit(1024);
    w.setEpochs(200);
    w.findChild<QSpinBox *>("score_every")->setValue(0);
    w.show();
    w.startAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(w.lastStep() > 0, 60000);
    LatentExplorerWindow *explorer = w.showLatentExplorer();
    QTRY_VERIFY_WITH_TIMEOUT(explorer->isOpen(), 60000); // a checkpoint of now, written and opened
    QVERIFY(explorer->walkFrames() >= 2);
    QVERIFY(w.isTraining()); // the run goes on
    w.stopAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!w.isTraining(), 60000);
}

QTEST_MAIN(TestLatentExplorer)
#include "tst_latentexplorer.moc"
