// The GIF export dialog: epoch range, scale, loop and labels reach the file, which decodes;
// cancel leaves nothing behind.
#include "dialogs/gifexportdialog.h"
#include "media/gifwriter.h"
#include "media/pngio.h"

#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

class TestGifExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportRange();
    void labelsDrawn();
    void defaultsSuitASlide();
    void cancelLeavesNothing();

private:
    QTemporaryDir m_dir;
    QString m_run;
};

void TestGifExport::initTestCase()
{
    m_run = m_dir.filePath("run");
    QDir().mkpath(m_run + "/frames");
    // Six 4x4-grid-sized grey frames, each a different flat level.
    for (int e = 1; e <= 6; ++e) {
        ganvas::Image8 im;
        im.width = im.height = 122;
        im.channels = 1;
        im.pixels.assign(size_t(122 * 122), uint8_t(30 * e));
        ganvas::writePng(QString("%1/frames/epoch-%2.png").arg(m_run).arg(e, 4, 10, QChar('0')).toStdString(), im);
    }
}

void TestGifExport::exportRange()
{
    GifExportDialog d(m_run);
    QCOMPARE(d.frameCount(), 6);
    d.setRange(2, 5);
    d.setScale(3);
    d.setFramesPerSecond(10);
    d.setLoop(false);
    d.setEpochLabels(false); // the corner pixel is the frame's own
    QSignalSpy done(&d, &GifExportDialog::finished);
    const QString out = m_dir.filePath("range.gif");
    d.exportTo(out);
    QVERIFY(done.wait(30000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    int loops = 5;
    const auto frames = ganvas::readGif(out.toStdString(), &loops);
    QCOMPARE(int(frames.size()), 4);
    QCOMPARE(frames.front().width, 366);
    QCOMPARE(int(frames.front().pixels[0]), 60); // epoch 2's level, exact
    QCOMPARE(int(frames.back().pixels[0]), 150); // epoch 5's
    QCOMPARE(loops, -1);                         // plays once
}

void TestGifExport::defaultsSuitASlide()
{
    GifExportDialog d(m_run);
    // At least 480 pixels a side, epoch numbers on, a preview of the last frame.
    QVERIFY2(d.scale() * 122 >= 480, qPrintable(QString::number(d.scale())));
    QVERIFY(d.epochLabels());
    auto *preview = d.findChild<QLabel *>("preview");
    QVERIFY(preview && !preview->pixmap().isNull());
    QVERIFY(!d.findChild<QPushButton *>("showFile"));
    // The size it will have is said, and follows the scale.
    auto *status = d.findChild<QLabel *>("status");
    QVERIFY(status);
    const QString side = QString::number(d.scale() * 122);
    QVERIFY2(status->text().contains(side + " × " + side + " pixels"), qPrintable(status->text()));
    d.findChild<QSpinBox *>("scale")->setValue(d.scale() + 1);
    QVERIFY2(status->text().contains(QString::number(d.scale() * 122) + " × "), qPrintable(status->text()));
    QSignalSpy done(&d, &GifExportDialog::finished);
    const QString out = m_dir.filePath("slide.gif");
    d.exportTo(out);
    QVERIFY(done.wait(30000));
    QVERIFY(done.first().at(0).toBool());
    QCOMPARE(ganvas::readGif(out.toStdString()).front().width, d.scale() * 122);
    // Done: Close, and the file one click away.
    QVERIFY(d.findChild<QPushButton *>("showFile"));
    bool closeShown = false;
    for (auto *b : d.findChildren<QPushButton *>())
        closeShown = closeShown || b->text() == "Close";
    QVERIFY(closeShown);
}

void TestGifExport::labelsDrawn()
{
    GifExportDialog d(m_run);
    d.setEpochLabels(true);
    d.setScale(1);
    QSignalSpy done(&d, &GifExportDialog::finished);
    const QString out = m_dir.filePath("labels.gif");
    d.exportTo(out);
    QVERIFY(done.wait(30000));
    QVERIFY(done.first().at(0).toBool());
    const auto frames = ganvas::readGif(out.toStdString());
    QCOMPARE(int(frames.size()), 6);
    // The top-left corner holds the label (dark box, yellow digits), the rest the flat level.
    const auto &f = frames[3];
    bool labelled = false;
    for (int y = 0; y < 10; ++y)
        for (int x = 0; x < 10; ++x)
            labelled = labelled || f.pixels[size_t(y * f.width + x) * 3] != 120;
    QVERIFY(labelled);
    QCOMPARE(int(f.pixels[size_t(100 * f.width + 100) * 3]), 120);
}

void TestGifExport::cancelLeavesNothing()
{
    GifExportDialog d(m_run);
    d.setScale(16); // ~2000 px frames: slow enough that Cancel lands mid-way
    QSignalSpy done(&d, &GifExportDialog::finished);
    const QString out = m_dir.filePath("cancelled.gif");
    d.exportTo(out);
    d.cancel();
    QVERIFY(done.wait(60000));
    QCOMPARE(done.first().at(0).toBool(), false);
    QVERIFY(done.first().at(1).toString().contains("Cancelled"));
    QVERIFY(QDir(m_dir.path()).entryList({"cancelled.gif*"}).isEmpty()); // no file, no temporary
}

QTEST_MAIN(TestGifExport)
#include "tst_gifexport.moc"
