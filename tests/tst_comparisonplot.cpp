// QCustomPlot's header uses the plain signals/foreach keywords, which the test targets switch
// off; this file includes no torch, so it may have them back.
#undef QT_NO_KEYWORDS

// The comparison's plot: every run's curves overlaid in its colour, with a legend, x in epochs,
// long runs decimated for drawing.
#include "comparisonplot.h"
#include "comparisontesthelpers.h"
#include "comparisonview.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QSlider>
#include <QLabel>
#include <QtTest>

#include <cmath>

class TestComparisonPlot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plotOverlaysRunsWithLegend();
    void plotDecimatesLongRuns();
    void scoreCurvesOnTheirOwn();
    void smoothingAndLogScale();
};

void TestComparisonPlot::plotOverlaysRunsWithLegend()
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
    // Three or four runs: one legend entry per run (eight would not fit a low plot); the hint
    // says which line is which. Back to two, G and D apart again.
    view.addRun("svhn");
    view.addRun("celeba");
    QCOMPARE(plot->legend->itemCount(), 4);
    QCOMPARE(qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(1))->plottable()->name(), QString("cifar-10"));
    bool hinted = false;
    for (QLabel *l : panel->findChildren<QLabel *>())
        hinted |= l->text().contains("G loss solid, D loss dashed");
    QVERIFY(hinted);
    view.removeRun(3);
    view.removeRun(2);
    QCOMPARE(plot->legend->itemCount(), 4);
    QCOMPARE(qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(1))->plottable()->name(), QString("mnist D"));
    view.clearLosses(0);
    panel->refresh();
    QCOMPARE(panel->gGraph(0)->dataCount(), 0);
    QCOMPARE(panel->gGraph(1)->dataCount(), 7);
}

void TestComparisonPlot::scoreCurvesOnTheirOwn()
{
    ComparisonView view;
    fill(view);
    ComparisonPlot *panel = view.comparisonPlot();
    view.addLosses(0, {0.5, 1.0}, {1.0, 1.1}, {2.0, 1.9});
    for (int epoch = 1; epoch <= 3; ++epoch) {
        view.addScore(0, epoch, 100.0 / epoch);
        view.addScore(1, epoch, 80.0 / epoch);
    }
    view.addScore(1, 4, std::nan("")); // not a score: left out
    QCOMPARE(panel->scoreCount(0), 3);
    QCOMPARE(panel->scoreCount(1), 3);
    // Losses by default; the scores are a choice of their own, not mixed with them.
    QVERIFY(!panel->scoreGraph(0)->visible());
    auto *curves = panel->findChild<QComboBox *>("curves");
    QVERIFY(curves);
    curves->setCurrentIndex(1);
    Q_EMIT curves->activated(1);
    QCOMPARE(panel->curves(), ComparisonPlot::Curves::Scores);
    QVERIFY(panel->scoreGraph(0)->visible() && panel->scoreGraph(1)->visible());
    QVERIFY(!panel->gGraph(0)->visible() && !panel->dGraph(0)->visible());
    QCustomPlot *plot = view.plot();
    QCOMPARE(plot->legend->itemCount(), 2);
    QCOMPARE(qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(1))->plottable()->name(),
             QString("cifar FD"));
    QVERIFY(plot->yAxis->label().contains("FD"));
    QCOMPARE(panel->scoreGraph(1)->data()->at(2)->value, 80.0 / 3);
    panel->refresh();
    QCOMPARE(plot->yAxis->range().lower, 0.0);
    QVERIFY(plot->yAxis->range().upper >= 100.0);
    panel->setCurves(ComparisonPlot::Curves::Losses);
    QCOMPARE(plot->legend->itemCount(), 4);
    QVERIFY(!panel->scoreGraph(0)->visible());
}

void TestComparisonPlot::smoothingAndLogScale()
{
    ComparisonView view;
    fill(view);
    ComparisonPlot *panel = view.comparisonPlot();
    QVector<double> x, d, g;
    for (int i = 0; i < 200; ++i) {
        x.append(i / 100.0);
        g.append(i % 2 ? 3.0 : 1.0); // a zigzag that smoothing flattens
        d.append(0.5);
    }
    view.addLosses(0, x, d, g);
    panel->refresh();
    auto spread = [&] {
        double lo = 1e9, hi = -1e9;
        auto data = panel->gGraph(0)->data();
        for (auto it = data->constBegin() + data->size() / 2; it != data->constEnd(); ++it)
            lo = std::min(lo, it->value), hi = std::max(hi, it->value);
        return hi - lo;
    };
    QVERIFY(spread() > 1.9);
    auto *slider = panel->findChild<QSlider *>("comparisonSmoothing");
    QVERIFY(slider);
    slider->setValue(90);
    QCOMPARE(panel->smoothing(), 0.9);
    panel->refresh();
    QVERIFY2(spread() < 0.5, qPrintable(QString::number(spread())));
    auto *log = panel->findChild<QCheckBox *>("comparisonLogScale");
    QVERIFY(log);
    log->setChecked(true);
    QVERIFY(panel->isLogScale());
    QCOMPARE(view.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
}

void TestComparisonPlot::plotDecimatesLongRuns()
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

QTEST_MAIN(TestComparisonPlot)
#include "tst_comparisonplot.moc"
