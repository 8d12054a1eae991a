// QCustomPlot's header uses the plain signals/foreach keywords, which the test targets switch
// off; this file includes no torch, so it may have them back.
#undef QT_NO_KEYWORDS

#include "comparisongridview.h"
#include "comparisonplot.h"
#include "comparisontable.h"
#include "comparisontablemodel.h"
#include "comparisontesthelpers.h"
#include "comparisonview.h"

#include <qcustomplot.h>

#include <QtTest>

#include <QCheckBox>
#include <QHeaderView>
#include <QImage>
#include <QSlider>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>

class TestComparisonView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addsRunsWithColoursAndRefusesAFifth();
    void sliderDrivesEveryGrid();
    void missingEpochShowsEarlierFrameOrPlaceholder();
    void playAdvancesAndLoops();
    void followsLatestOnlyFromTheEnd();
    void gridsShareOnScreenSizeAndColours();
    void composedFramesKeepSizeAndColours();
    void removeRunShrinksEverything();
    void realSamplesAndStatus();
    void exportsPng();
};


void TestComparisonView::addsRunsWithColoursAndRefusesAFifth()
{
    ComparisonView view;
    const QColor expected[] = {QColor("#1f77b4"), QColor("#d62728"), QColor("#2ca02c"), QColor("#ff7f0e")};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(view.addRun(QString("run %1").arg(i)), i);
        QCOMPARE(view.runColor(i), expected[i]);
    }
    QCOMPARE(view.addRun("fifth"), -1);
    QCOMPARE(view.runCount(), 4);
    QCOMPARE(view.plot()->graphCount(), 12); // G, D and the FD score per run
    QCOMPARE(view.table()->model()->columnCount(), 4);
    QVERIFY(!view.runColor(4).isValid());
    // A freed colour goes to the next run, so colours stay distinct.
    view.removeRun(1);
    QCOMPARE(view.addRun("again"), 3);
    QCOMPARE(view.runColor(3), expected[1]);
    QCOMPARE(view.runTitle(3), QString("again"));
}

void TestComparisonView::sliderDrivesEveryGrid()
{
    ComparisonView view;
    fill(view);
    auto *slider = view.findChild<QSlider *>("epochSlider");
    QVERIFY(slider);
    QCOMPARE(view.maxEpoch(), 3);
    QCOMPARE(view.epochsAvailable(), QList<int>({1, 2, 3}));
    QCOMPARE(slider->maximum(), 3);
    QCOMPARE(slider->minimum(), 1);
    QCOMPARE(view.currentEpoch(), 3);

    QSignalSpy spy(&view, &ComparisonView::epochChanged);
    slider->setValue(1);
    QCOMPARE(view.currentEpoch(), 1);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 1);
    QCOMPARE(view.displayedFrame(0), grey(1));
    QCOMPARE(view.displayedFrame(1), colour(1));

    slider->setValue(2);
    QCOMPARE(view.displayedFrame(0), grey(2));
    QCOMPARE(view.displayedFrame(1), colour(2));
    QVERIFY(view.frameNote(1).isEmpty());
    auto *label = view.findChild<QLabel *>("epochLabel");
    QVERIFY(label);
    QCOMPARE(label->text(), QString("Epoch 2 of 3"));

    view.setCurrentEpoch(99);
    QCOMPARE(view.currentEpoch(), 3);
    QCOMPARE(slider->value(), 3);
    // The marker in the plot follows.
    auto *marker = qobject_cast<QCPItemStraightLine *>(view.plot()->item(0));
    QVERIFY(marker);
    QVERIFY(marker->visible());
    QCOMPARE(marker->point1->coords().x(), 3.0);
}

void TestComparisonView::missingEpochShowsEarlierFrameOrPlaceholder()
{
    ComparisonView view;
    fill(view);
    view.setCurrentEpoch(3);
    QCOMPARE(view.displayedFrame(0), grey(3));
    QCOMPARE(view.displayedFrame(1), colour(2));
    QVERIFY(view.frameNote(1).contains("epoch 3 not reached"));
    QVERIFY(view.gridView(1)->isDimmed());
    QVERIFY(!view.gridView(0)->isDimmed());

    // A run whose first frame comes later has nothing to show before it.
    QCOMPARE(view.addRun("late"), 2);
    view.setFrame(2, 2, colour(4));
    view.setCurrentEpoch(1);
    QVERIFY(view.displayedFrame(2).isNull());
    view.setCurrentEpoch(2);
    QCOMPARE(view.displayedFrame(2), colour(4));
}

void TestComparisonView::playAdvancesAndLoops()
{
    ComparisonView view;
    fill(view);
    view.setCurrentEpoch(1);
    QSignalSpy spy(&view, &ComparisonView::epochChanged);
    auto *play = view.findChild<QToolButton *>("play");
    QVERIFY(play);
    play->click();
    QVERIFY(view.isPlaying());
    QVERIFY(spy.wait(2000));
    QCOMPARE(view.currentEpoch(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(view.currentEpoch(), 3, 2000);
    // At the end it starts over.
    QTRY_COMPARE_WITH_TIMEOUT(view.currentEpoch(), 1, 2000);
    play->click();
    QVERIFY(!view.isPlaying());
    const int stoppedAt = view.currentEpoch();
    QTest::qWait(700);
    QCOMPARE(view.currentEpoch(), stoppedAt);

    // Nothing to play without frames.
    ComparisonView empty;
    empty.addRun("nothing yet");
    empty.setPlaying(true);
    QVERIFY(!empty.isPlaying());
}

void TestComparisonView::followsLatestOnlyFromTheEnd()
{
    ComparisonView view;
    fill(view);
    QCOMPARE(view.currentEpoch(), 3);
    view.setFrame(1, 3, colour(3));
    view.setFrame(0, 4, grey(4));
    QCOMPARE(view.currentEpoch(), 4);
    QCOMPARE(view.displayedFrame(0), grey(4));
    // A lagging run's older frame does not pull the view back.
    view.setFrame(1, 4, colour(4));
    QCOMPARE(view.currentEpoch(), 4);
    QCOMPARE(view.displayedFrame(1), colour(4));

    view.setCurrentEpoch(2);
    view.setFrame(0, 5, grey(5));
    QCOMPARE(view.currentEpoch(), 2);
    QCOMPARE(view.maxEpoch(), 5);
    QCOMPARE(view.findChild<QSlider *>("epochSlider")->maximum(), 5);
}

void TestComparisonView::gridsShareOnScreenSizeAndColours()
{
    ComparisonView view;
    fill(view);
    view.setCurrentEpoch(1);
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRect greyRect = view.gridView(0)->gridRect();
    const QRect colourRect = view.gridView(1)->gridRect();
    QCOMPARE(greyRect.size(), colourRect.size());
    QVERIFY(greyRect.width() > 138);

    // Tile (1, 1) of each grid, well inside: grey stays grey, colour stays that colour.
    const auto tileCentre = [](const QRect &r, int tile) {
        const double at = (tile + 2 + tile / 2.0 + 2) / double(4 * tile + 10);
        return QPoint(r.x() + int(at * r.width()), r.y() + int(at * r.height()));
    };
    const QImage greyShot = view.gridView(0)->grab().toImage();
    const QImage colourShot = view.gridView(1)->grab().toImage();
    QCOMPARE(greyShot.pixelColor(tileCentre(greyRect, 28)), greyOf(1));
    QCOMPARE(colourShot.pixelColor(tileCentre(colourRect, 32)), colourOf(1));
    // Nearest neighbour: no blended edge pixels, only the padding and the tile colour.
    const int total = greyRect.width() * greyRect.height();
    QCOMPARE(countPixels(greyShot, greyRect, Qt::black) + countPixels(greyShot, greyRect, greyOf(1)), total);
    QCOMPARE(countPixels(colourShot, colourRect, Qt::black) + countPixels(colourShot, colourRect, colourOf(1)), total);
}

void TestComparisonView::composedFramesKeepSizeAndColours()
{
    ComparisonView view;
    fill(view);
    const QImage first = view.composeFrame(1);
    const QImage last = view.composeFrame(3);
    QCOMPARE(first.format(), QImage::Format_RGB888);
    QCOMPARE(first.size(), last.size());
    QVERIFY(first.width() > 122 + 138);
    QCOMPARE(view.composeFrame(2, 200).size(), view.composeFrame(3, 200).size());
    QVERIFY(view.composeFrame(1, 200).width() < first.width());

    // Run 0 is the left half, run 1 the right half; every grid is scaled to the same side,
    // twice the largest grid here: (1 - 10/138)^2 of 276^2 pixels are tiles of the colour.
    const QRect left(0, 0, first.width() / 2, first.height());
    const QRect right(first.width() / 2, 0, first.width() - first.width() / 2, first.height());
    const int tiles = int(0.8 * 276 * 276 * (128.0 / 138) * (128.0 / 138));
    QVERIFY(countPixels(first, right, colourOf(1)) > tiles);
    QCOMPARE(countPixels(first, left, colourOf(1)), 0);
    QVERIFY(countPixels(first, left, greyOf(1)) > int(0.8 * 276 * 276 * (112.0 / 122) * (112.0 / 122)));
    QCOMPARE(countPixels(first, right, greyOf(1)), 0);

    // Epoch 3: run 1 only reached epoch 2, drawn dimmed, so not its exact colour any more.
    QVERIFY(countPixels(last, left, greyOf(3)) > tiles / 2);
    QVERIFY(countPixels(last, right, colourOf(2)) < tiles / 10);
    QCOMPARE(countPixels(last, right, colourOf(3)), 0);
}

void TestComparisonView::removeRunShrinksEverything()
{
    ComparisonView view;
    fill(view);
    const int twoWide = view.composeFrame(1).width();
    view.removeRun(0);
    QCOMPARE(view.runCount(), 1);
    QCOMPARE(view.runTitle(0), QString("cifar"));
    QCOMPARE(view.plot()->graphCount(), 3);
    QCOMPARE(view.plot()->legend->itemCount(), 2);
    QCOMPARE(view.table()->model()->columnCount(), 1);
    QCOMPARE(view.findChildren<ComparisonGridView *>().size(), 1);
    QVERIFY(view.composeFrame(1).width() < twoWide);
    // Run 0 had the only epoch 3.
    QCOMPARE(view.maxEpoch(), 2);
    QCOMPARE(view.currentEpoch(), 2);
    QCOMPARE(view.displayedFrame(0), colour(2));
    view.removeRun(5);
    QCOMPARE(view.runCount(), 1);
    view.removeRun(0);
    QCOMPARE(view.runCount(), 0);
    QCOMPARE(view.currentEpoch(), 0);
    QVERIFY(view.epochsAvailable().isEmpty());
}

void TestComparisonView::realSamplesAndStatus()
{
    ComparisonView view;
    fill(view);
    const QImage real = colour(4);
    view.setRealSamples(1, real);
    QCOMPARE(view.realSamples(1), real);
    QCOMPARE(view.gridView(1)->realSamples(), real);
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Room for the real grid in every column, so the generated grids stay the same size.
    const QRect withReal = view.gridView(0)->gridRect();
    QCOMPARE(withReal.size(), view.gridView(1)->gridRect().size());
    view.setShowRealSamples(false);
    QVERIFY(!view.showsRealSamples());
    QVERIFY(view.gridView(0)->gridRect().width() > withReal.width());

    view.setRunStatus(0, "training 1 thread");
    QCOMPARE(view.runStatus(0), QString("training 1 thread"));
    QCOMPARE(view.gridView(0)->status(), QString("training 1 thread"));
}

void TestComparisonView::exportsPng()
{
    ComparisonView view;
    fill(view);
    view.setRealSamples(0, grey(2));
    view.addLosses(0, {0.5, 1.0, 1.5}, {1, 0.9, 0.8}, {2, 1.8, 1.7});
    view.setSettings(0, {{"lr_g", "1e-4"}});
    view.setSettings(1, {{"lr_g", "2e-4"}});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("comparison.png");
    QString error;
    QVERIFY2(view.exportPng(path, &error), qPrintable(error));
    const QImage loaded(path);
    QVERIFY(!loaded.isNull());
    const QImage frame = view.composeFrame(view.currentEpoch());
    QVERIFY(loaded.width() >= frame.width());
    // Grids, real samples, a plot and a table stacked.
    QVERIFY(loaded.height() > frame.height() + 400);
    QCOMPARE(loaded.size(), view.renderSnapshot().size());

    QVERIFY(!view.exportPng(dir.filePath("missing/dir/comparison.png"), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestComparisonView)
#include "tst_comparisonview.moc"
