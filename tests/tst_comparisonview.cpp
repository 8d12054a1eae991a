// QCustomPlot's header uses the plain signals/foreach keywords, which the test targets switch
// off; this file includes no torch, so it may have them back.
#undef QT_NO_KEYWORDS

#include "comparisongridview.h"
#include "comparisonplot.h"
#include "comparisontable.h"
#include "comparisontablemodel.h"
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
    void plotOverlaysRunsWithLegend();
    void plotDecimatesLongRuns();
    void tableShowsDifferingSettingsAndFigures();
    void tableModelHasRowsAndColumns();
    void tableModelUpdatesCellsWithoutReset();
    void removeRunShrinksEverything();
    void realSamplesAndStatus();
    void exportsPng();
};

namespace {

// A 4x4 grid of tile x tile squares with 2-px padding, like the engine's grids.
QImage makeGrid(QImage::Format format, int tile, const QColor &colour)
{
    const int side = 4 * tile + 5 * 2;
    QImage image(side, side, format);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const bool pad = (x % (tile + 2)) < 2 || (y % (tile + 2)) < 2;
            image.setPixelColor(x, y, pad ? QColor(Qt::black) : colour);
        }
    return image;
}

QColor greyOf(int epoch)
{
    return QColor(40 * epoch + 20, 40 * epoch + 20, 40 * epoch + 20);
}

QColor colourOf(int epoch)
{
    static const QColor colours[] = {QColor(200, 30, 60), QColor(20, 180, 40), QColor(30, 60, 210), QColor(230, 200, 10)};
    return colours[(epoch - 1) % 4];
}

QImage grey(int epoch)
{
    return makeGrid(QImage::Format_Grayscale8, 28, greyOf(epoch)); // 122 x 122
}

QImage colour(int epoch)
{
    return makeGrid(QImage::Format_RGB888, 32, colourOf(epoch)); // 138 x 138
}

// Run 0 grey with epochs 1..3, run 1 colour with epochs 1..2.
void fill(ComparisonView &view)
{
    QCOMPARE(view.addRun("mnist"), 0);
    QCOMPARE(view.addRun("cifar"), 1);
    for (int epoch = 1; epoch <= 3; ++epoch) {
        view.setFrame(0, epoch, grey(epoch));
        if (epoch < 3)
            view.setFrame(1, epoch, colour(epoch));
    }
}

// Pixels in rect exactly equal to colour.
int countPixels(const QImage &image, const QRect &rect, const QColor &colour)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            if (rgb.pixel(x, y) == colour.rgb())
                ++count;
    return count;
}

// Through the view's model, as a person sees it: the row whose header reads name.
int rowOf(QTableView *table, const QString &name)
{
    const QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->headerData(row, Qt::Vertical).toString() == name)
            return row;
    return -1;
}

QString cellText(QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}

QString columnTitle(QTableView *table, int column)
{
    return table->model()->headerData(column, Qt::Horizontal).toString();
}

} // namespace

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
    QCOMPARE(view.plot()->graphCount(), 8);
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

void TestComparisonView::plotOverlaysRunsWithLegend()
{
    ComparisonView view;
    fill(view);
    QVector<double> x, d, g;
    for (int i = 0; i < 10; ++i) {
        x.append(i / 5.0);
        d.append(1.0 + i);
        g.append(2.0 - i * 0.1);
    }
    view.addLosses(0, x, d, g);
    view.addLosses(1, x.mid(0, 7), d.mid(0, 7), g.mid(0, 7));
    QCustomPlot *plot = view.plot();
    QCOMPARE(plot->legend->itemCount(), 4);
    QStringList names;
    for (int i = 0; i < 4; ++i) {
        auto *item = qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(i));
        QVERIFY(item);
        const int run = i / 2;
        QCOMPARE(item->plottable()->pen().color(), view.runColor(run));
        names.append(item->plottable()->name());
    }
    QCOMPARE(names, QStringList({"mnist G", "mnist D", "cifar G", "cifar D"}));
    ComparisonPlot *panel = view.comparisonPlot();
    QCOMPARE(panel->gGraph(0)->pen().style(), Qt::SolidLine);
    QCOMPARE(panel->dGraph(0)->pen().style(), Qt::DashLine);
    QTRY_COMPARE(panel->gGraph(0)->dataCount(), 10);
    QTRY_COMPARE(panel->dGraph(1)->dataCount(), 7);
    QCOMPARE(panel->dGraph(0)->dataCount(), 10);
    QCOMPARE(panel->gGraph(1)->dataCount(), 7);
    QCOMPARE(panel->dGraph(1)->data()->at(6)->value, 7.0);

    view.setRunTitle(1, "cifar-10");
    QCOMPARE(panel->gGraph(1)->name(), QString("cifar-10 G"));
    view.clearLosses(0);
    panel->refresh();
    QCOMPARE(panel->gGraph(0)->dataCount(), 0);
    QCOMPARE(panel->gGraph(1)->dataCount(), 7);
}

void TestComparisonView::plotDecimatesLongRuns()
{
    ComparisonView view;
    view.addRun("long");
    QVector<double> x, d, g;
    for (int i = 0; i < 50000; ++i) {
        x.append(i / 500.0);
        d.append(i % 2 ? 1.0 : 0.5);
        g.append(i == 31234 ? 9.0 : 2.0);
    }
    view.addLosses(0, x, d, g);
    ComparisonPlot *panel = view.comparisonPlot();
    panel->refresh();
    QCOMPARE(panel->pointCount(0), 50000);
    QVERIFY(panel->gGraph(0)->dataCount() > 0);
    QVERIFY(panel->gGraph(0)->dataCount() <= 2000);
    // The min/max buckets keep the one spike.
    bool found = false;
    QCPRange range = panel->gGraph(0)->getValueRange(found);
    QVERIFY(found);
    QCOMPARE(range.upper, 9.0);
    QVERIFY(view.plot()->yAxis->range().upper >= 9.0);
}

void TestComparisonView::tableShowsDifferingSettingsAndFigures()
{
    ComparisonView view;
    QCOMPARE(view.addRun("mnist"), 0);
    view.setSettings(0, {{"dataset", "mnist"}, {"lr_g", "1e-4"}, {"seed", "42"}});
    QTableView *table = view.table();
    // One run: every setting is shown.
    QVERIFY(rowOf(table, "seed") >= 0);

    QCOMPARE(view.addRun("cifar"), 1);
    view.setSettings(1, {{"dataset", "cifar10"}, {"lr_g", "2e-4"}, {"seed", "42"}, {"loss", "hinge"}});
    const ComparisonView::Entries figures = {{"d_loss", "0.61"}, {"g_loss", "1.9"}, {"D(x)", "0.7"},
                                             {"D(G(z))", "0.3"}, {"images/s", "5200"}, {"epochs done", "3"}};
    view.setFigures(0, figures);
    view.setFigures(1, {{"d_loss", "0.55"}, {"epochs done", "2"}});

    QCOMPARE(table->model()->columnCount(), 2);
    QCOMPARE(columnTitle(table, 0), QString("mnist"));
    QCOMPARE(columnTitle(table, 1), QString("cifar"));
    QVERIFY(!table->model()->headerData(1, Qt::Horizontal, Qt::DecorationRole).value<QIcon>().isNull());
    const int lr = rowOf(table, "lr_g");
    QVERIFY(lr >= 0);
    QCOMPARE(cellText(table, lr, 0), QString("1e-4"));
    QCOMPARE(cellText(table, lr, 1), QString("2e-4"));
    QVERIFY(rowOf(table, "dataset") >= 0);
    QCOMPARE(rowOf(table, "seed"), -1);
    // Set in one run only: different, with a dash where it is missing.
    const int loss = rowOf(table, "loss");
    QVERIFY(loss >= 0);
    QCOMPARE(cellText(table, loss, 0), QString("–"));

    // Figures come after the settings, all of them.
    for (const auto &figure : figures)
        QVERIFY2(rowOf(table, figure.first) > lr, qPrintable(figure.first));
    const int done = rowOf(table, "epochs done");
    QCOMPARE(cellText(table, done, 0), QString("3"));
    QCOMPARE(cellText(table, done, 1), QString("2"));
    QCOMPARE(cellText(table, rowOf(table, "images/s"), 1), QString("–"));

    auto *showAll = view.findChild<QCheckBox *>("showAllSettings");
    QVERIFY(showAll);
    showAll->click();
    const int seed = rowOf(table, "seed");
    QVERIFY(seed >= 0);
    QCOMPARE(cellText(table, seed, 1), QString("42"));
    showAll->click();
    QCOMPARE(rowOf(table, "seed"), -1);
}

void TestComparisonView::tableModelHasRowsAndColumns()
{
    ComparisonTableModel model;
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    model.addRun("a", Qt::red);
    // One run: both headings, no entries yet.
    QCOMPARE(model.columnCount(), 1);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.isHeading(0) && model.isHeading(1));
    QCOMPARE(model.index(0, 0).data().toString(), QString("Settings"));
    QCOMPARE(model.index(1, 0).data().toString(), QString("Latest figures"));
    model.setSettings(0, {{"lr", "1"}, {"seed", "7"}});
    model.setFigures(0, {{"d_loss", "0.5"}});
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.rowOf("seed"), 2);
    QCOMPARE(model.rowOf("d_loss"), 4);
    QCOMPARE(model.headerData(2, Qt::Vertical).toString(), QString("seed"));
    QVERIFY(model.headerData(0, Qt::Vertical).toString().isEmpty());
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QString("a"));
    QCOMPARE(model.index(4, 0).data().toString(), QString("0.5"));

    // A second run: only the differing setting stays, and every figure gets a column.
    model.addRun("b", Qt::blue);
    model.setSettings(1, {{"lr", "2"}, {"seed", "7"}});
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), QString("Settings that differ"));
    QCOMPARE(model.rowOf("lr"), 1);
    QCOMPARE(model.rowOf("seed"), -1);
    QCOMPARE(model.index(model.rowOf("d_loss"), 1).data().toString(), QString("–"));
    model.setShowAllSettings(true);
    QCOMPARE(model.rowOf("seed"), 2);
    model.removeRun(0);
    QCOMPARE(model.columnCount(), 1);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QString("b"));
    QCOMPARE(model.rowOf("d_loss"), -1);
}

void TestComparisonView::tableModelUpdatesCellsWithoutReset()
{
    ComparisonTable table;
    ComparisonTableModel *model = table.model();
    QCOMPARE(table.table()->model(), model);
    table.addRun("a", Qt::red);
    table.addRun("b", Qt::blue);
    table.setSettings(0, {{"lr", "1"}});
    table.setSettings(1, {{"lr", "2"}});
    table.setFigures(0, {{"d_loss", "0.5"}, {"g_loss", "1.5"}});
    table.setFigures(1, {{"d_loss", "0.4"}});
    const int dLoss = model->rowOf("d_loss");
    const int gLoss = model->rowOf("g_loss");
    QVERIFY(dLoss > 0 && gLoss > dLoss);
    // Headings span both columns in the view.
    QCOMPARE(table.table()->columnSpan(0, 0), 2);

    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy layout(model, &QAbstractItemModel::layoutChanged);
    // New figures for run 0: only the cell whose value changed.
    table.setFigures(0, {{"d_loss", "0.45"}, {"g_loss", "1.5"}});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(layout.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft, model->index(dLoss, 0));
    QCOMPARE(bottomRight, model->index(dLoss, 0));
    QCOMPARE(model->index(dLoss, 0).data().toString(), QString("0.45"));

    // A figure new to every run is one inserted row, at the end.
    changed.clear();
    table.setFigures(1, {{"d_loss", "0.4"}, {"images/s", "900"}});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), model->rowCount() - 1);
    QCOMPARE(model->rowOf("images/s"), model->rowCount() - 1);
    QCOMPARE(model->index(model->rowOf("images/s"), 1).data().toString(), QString("900"));

    // Settings made equal: the row goes, the heading says so, nothing is reset.
    changed.clear();
    table.setSettings(1, {{"lr", "1"}});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model->rowOf("lr"), -1);
    QCOMPARE(model->index(0, 0).data().toString(), QString("Settings: all the same"));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    // The rows moved up; the spans followed them.
    const int figures = model->rowOf("d_loss") - 1;
    QVERIFY(model->isHeading(figures));
    QCOMPARE(table.table()->columnSpan(figures, 0), 2);
    QCOMPARE(table.table()->columnSpan(model->rowOf("d_loss"), 0), 1);

    table.setRunTitle(1, "b2");
    QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QString("b2"));
    QCOMPARE(reset.count(), 0);
}

void TestComparisonView::removeRunShrinksEverything()
{
    ComparisonView view;
    fill(view);
    const int twoWide = view.composeFrame(1).width();
    view.removeRun(0);
    QCOMPARE(view.runCount(), 1);
    QCOMPARE(view.runTitle(0), QString("cifar"));
    QCOMPARE(view.plot()->graphCount(), 2);
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
