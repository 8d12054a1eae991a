// QCustomPlot's header uses the plain signals/foreach keywords, which the test targets switch
// off; this file includes no torch, so it may have them back.
#undef QT_NO_KEYWORDS

#include "lossplot.h"

#include <QtTest>
#include <qcustomplot.h>

#include <QCheckBox>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTemporaryDir>
#include <QWheelEvent>

#include <cmath>

class TestLossPlot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsPoints();
    void togglesSeries();
    void smoothingMatchesEma();
    void logScaleSwitchesAxis();
    void readoutShowsNearestStep();
    void readoutFollowsMouse();
    void zoomStopsAutoscaleAndFitRestores();
    void exportsPngAndPdf();
    void decimatesLongRuns();
    void scoreOnItsOwnAxisAndEvents();
    void outputsHaveTheirOwnPane();
    void emptyOutputsPaneReadsZeroToOne();
};

namespace {

// TensorBoard's debiased EMA, computed independently of LossPlot.
double expectedEma(const QVector<double> &values, double w)
{
    double last = 0, weight = 1, out = 0;
    for (double v : values) {
        last = last * w + (1 - w) * v;
        weight *= w;
        out = last / (1 - weight);
    }
    return out;
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

void TestLossPlot::countsPoints()
{
    LossPlot plot;
    QCOMPARE(plot.pointCount(), 0);
    for (int i = 0; i < 5; ++i)
        plot.addPoint(i, 1.0, 2.0, 0.5, 0.4);
    // A non-finite value still counts as a logged row.
    plot.addPoint(5, std::nan(""), 2.0, 0.5, 0.4);
    QCOMPARE(plot.pointCount(), 6);
    plot.markEpoch(3);
    plot.clear();
    QCOMPARE(plot.pointCount(), 0);
}

void TestLossPlot::togglesSeries()
{
    LossPlot plot;
    plot.addPoint(0, 1, 2, 0.5, 0.4);
    for (int s = 0; s < 4; ++s)
        QVERIFY(plot.isSeriesVisible(s));
    plot.setSeriesVisible(LossPlot::GLoss, false);
    QVERIFY(!plot.isSeriesVisible(LossPlot::GLoss));
    QVERIFY(plot.isSeriesVisible(LossPlot::DLoss));
    QVERIFY(plot.isSeriesVisible(LossPlot::DReal));
    QVERIFY(plot.isSeriesVisible(LossPlot::DFake));
    plot.setSeriesVisible(LossPlot::GLoss, true);
    QVERIFY(plot.isSeriesVisible(LossPlot::GLoss));
    QVERIFY(!plot.isSeriesVisible(7));
}

void TestLossPlot::smoothingMatchesEma()
{
    LossPlot plot;
    plot.setSmoothing(0.5);
    QVector<double> values;
    for (int i = 0; i < 50; ++i) {
        const double v = 1.0 + std::sin(i * 0.7) + 0.01 * i;
        values.append(v);
        plot.addPoint(i * 10, v, 2 * v, 0.5, 0.4);
    }
    QVERIFY(near(plot.smoothedValue(LossPlot::DLoss, 49), expectedEma(values, 0.5)));

    // A new factor recomputes the whole curve from the stored raw values.
    plot.setSmoothing(0.9);
    QCOMPARE(plot.smoothing(), 0.9);
    QVERIFY(near(plot.smoothedValue(LossPlot::DLoss, 49), expectedEma(values, 0.9)));
    QVERIFY(!near(expectedEma(values, 0.9), expectedEma(values, 0.5)));
    QVector<double> doubled;
    for (double v : values)
        doubled.append(2 * v);
    QVERIFY(near(plot.smoothedValue(LossPlot::GLoss, 49), expectedEma(doubled, 0.9)));
    // Debiasing: the first smoothed value is the first raw value, not pulled towards zero.
    QVERIFY(near(plot.smoothedValue(LossPlot::DLoss, 0), values[0]));

    // The slider drives the factor; 0 means no smoothing at all.
    auto *slider = plot.findChild<QSlider *>("smoothing");
    QVERIFY(slider);
    slider->setValue(0);
    QCOMPARE(plot.smoothing(), 0.0);
    QVERIFY(near(plot.smoothedValue(LossPlot::DLoss, 49), values[49]));
    slider->setValue(slider->maximum());
    QVERIFY(plot.smoothing() > 0.99 && plot.smoothing() < 1.0);

    plot.setSmoothing(5);
    QVERIFY(plot.smoothing() < 1.0);
}

void TestLossPlot::logScaleSwitchesAxis()
{
    LossPlot plot;
    plot.addPoint(0, 1, 2, 0.5, 0.4);
    plot.addPoint(1, 0.5, 3, 0.6, 0.3);
    QVERIFY(!plot.isLogScale());
    plot.setLogScale(true);
    QVERIFY(plot.isLogScale());
    auto *box = plot.findChild<QCheckBox *>("logScale");
    QVERIFY(box);
    QVERIFY(box->isChecked());
    box->setChecked(false);
    QVERIFY(!plot.isLogScale());
    box->setChecked(true);
    QVERIFY(plot.isLogScale());
    plot.refresh();
}

void TestLossPlot::readoutShowsNearestStep()
{
    LossPlot plot;
    QVERIFY(plot.readoutAt(5).isEmpty());
    plot.addPoint(0, 1.5, 0.75, 0.9, 0.1);
    plot.addPoint(100, 0.25, 2.5, 0.8, 0.3);
    plot.addPoint(200, 0.125, 3.5, 0.7, 0.45);
    QCOMPARE(plot.readoutAt(120), QStringLiteral("step 100: D loss 0.25, G loss 2.5, D(x) 0.8, D(G(z)) 0.3"));
    QVERIFY(plot.readoutAt(160).startsWith("step 200: D loss 0.125, G loss 3.5"));
    QVERIFY(plot.readoutAt(-50).startsWith("step 0: D loss 1.5, G loss 0.75, D(x) 0.9, D(G(z)) 0.1"));
    QVERIFY(plot.readoutAt(1e9).startsWith("step 200:"));
}

void TestLossPlot::readoutFollowsMouse()
{
    LossPlot plot;
    for (int i = 0; i <= 100; ++i)
        plot.addPoint(i, 1.0 + i, 2.0, 0.5, 0.4);
    plot.resize(800, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.refresh();
    auto *area = plot.findChild<QWidget *>("plot");
    auto *readout = plot.findChild<QLabel *>("readout");
    QVERIFY(area && readout);
    QTest::mouseMove(area, area->rect().center());
    QTRY_VERIFY(readout->text().startsWith("step "));
    // The centre of the plot is somewhere in the middle of steps 0..100.
    const int step = readout->text().section(' ', 1, 1).chopped(1).toInt();
    QVERIFY2(step > 10 && step < 90, qPrintable(readout->text()));
}

void TestLossPlot::zoomStopsAutoscaleAndFitRestores()
{
    LossPlot plot;
    for (int i = 0; i <= 100; ++i)
        plot.addPoint(i, 1.0 + i, 2.0, 0.5, 0.4);
    plot.resize(800, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.refresh();
    QVERIFY(plot.isAutoScaling());
    // New data while autoscaling do not count as a user zoom.
    plot.addPoint(101, 2, 2, 0.5, 0.4);
    plot.refresh();
    QVERIFY(plot.isAutoScaling());

    auto *area = plot.findChild<QWidget *>("plot");
    QVERIFY(area);
    const QPointF pos = area->rect().center();
    QWheelEvent wheel(pos, area->mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(area, &wheel);
    QVERIFY(!plot.isAutoScaling());
    plot.addPoint(102, 2, 2, 0.5, 0.4);
    plot.refresh();
    QVERIFY(!plot.isAutoScaling());

    auto *fit = plot.findChild<QPushButton *>("fit");
    QVERIFY(fit);
    fit->click();
    QVERIFY(plot.isAutoScaling());
    plot.refresh();
    QVERIFY(plot.isAutoScaling());
}

void TestLossPlot::exportsPngAndPdf()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    LossPlot plot;
    for (int i = 0; i < 300; ++i)
        plot.addPoint(i, 1.0 / (1 + i), 2.0, 0.5, 0.4);
    plot.markEpoch(150);
    const QString png = dir.filePath("plot.png");
    const QString pdf = dir.filePath("plot.pdf");
    QVERIFY(plot.exportPng(png, 640, 360));
    QVERIFY(plot.exportPdf(pdf));
    QVERIFY(QFileInfo(png).size() > 0);
    QVERIFY(QFileInfo(pdf).size() > 0);
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(640, 360));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(5).startsWith("%PDF"));
}

void TestLossPlot::decimatesLongRuns()
{
    LossPlot plot;
    const int n = 200000;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < n; ++i)
        plot.addPoint(i, 1.0 + std::sin(i * 0.01), 2.0 + 0.5 * std::cos(i * 0.003),
                      0.5 + 0.1 * std::sin(i * 0.1), 0.4);
    const qint64 addMs = timer.elapsed();
    QVERIFY2(addMs < 3000, qPrintable(QString("adding took %1 ms").arg(addMs)));
    QCOMPARE(plot.pointCount(), n);

    // The drawn data are rebuilt lazily by the event loop, not per point.
    QTRY_VERIFY(plot.drawnPointCount(0) > 0);
    for (int s = 0; s < 4; ++s) {
        const int drawn = plot.drawnPointCount(s);
        QVERIFY2(drawn > 1000 && drawn <= 8000, qPrintable(QString("series %1: %2").arg(s).arg(drawn)));
    }

    // A replot of the whole run (rebuild included) stays cheap.
    timer.restart();
    plot.refresh();
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString("refresh took %1 ms").arg(timer.elapsed())));
    QVERIFY(plot.readoutAt(123456.4).startsWith("step 123456:"));
}

QTEST_MAIN(TestLossPlot)
void TestLossPlot::scoreOnItsOwnAxisAndEvents()
{
    LossPlot plot;
    for (int i = 1; i <= 20; ++i)
        plot.addPoint(i * 10, 1.0, 2.0, 0.6, 0.3);
    QCustomPlot *qcp = plot.findChild<QCustomPlot *>("plot");
    QVERIFY(qcp);
    QVERIFY(!qcp->yAxis2->visible()); // no score, no score axis
    plot.addScore(100, 1, 40.0, 3.0, 0.5, 0.1);
    plot.addScore(200, 2, 20.0, 2.0, 0.6, 0.2);
    plot.addScore(200, 3, std::nan(""), 0, 0, 0); // not a score: left out
    QCOMPARE(plot.scoreCount(), 2);
    QVERIFY(plot.isScoreVisible());
    QVERIFY(qcp->yAxis2->visible());
    QVERIFY(qcp->yAxis2->label().contains("FD"));
    plot.refresh();
    // Its own scale: from 0 to above the largest FD, while the losses keep theirs.
    QCOMPARE(qcp->yAxis2->range().lower, 0.0);
    QVERIFY(qcp->yAxis2->range().upper >= 40.0);
    QVERIFY(qcp->yAxis->range().upper < 10.0);
    QVERIFY2(plot.readoutAt(150).contains("after epoch 1: FD 40"), qPrintable(plot.readoutAt(150)));
    QVERIFY2(plot.readoutAt(200).contains("after epoch 2: FD 20"), qPrintable(plot.readoutAt(200)));
    plot.markEvent(150, "rollback");
    QCOMPARE(plot.eventCount(), 1);
    plot.clear();
    QCOMPARE(plot.scoreCount(), 0);
    QCOMPARE(plot.eventCount(), 0);
    QVERIFY(!qcp->yAxis2->visible());
}

void TestLossPlot::emptyOutputsPaneReadsZeroToOne()
{
    // Before the first point the pane labelled 0-1 shows 0 to 1 (it showed QCustomPlot's 0-5).
    LossPlot plot;
    QCPAxis *outputs = plot.outputPane()->axis(QCPAxis::atLeft);
    QVERIFY(outputs->range().lower <= 0.0 && outputs->range().lower > -0.1);
    QVERIFY(outputs->range().upper >= 1.0 && outputs->range().upper < 1.1);
    // Back from another loss's scale to bce, still empty: 0 to 1 again.
    plot.setProbabilityOutputs(false);
    outputs->setRange(3, 9);
    plot.clear();
    plot.setProbabilityOutputs(true);
    QVERIFY(outputs->range().lower <= 0.0 && outputs->range().upper >= 1.0 && outputs->range().upper < 1.1);
}

void TestLossPlot::outputsHaveTheirOwnPane()
{
    LossPlot plot;
    for (int i = 0; i <= 50; ++i)
        plot.addPoint(i, 20.0 + i, 30.0, 0.7, 0.2);
    plot.resize(800, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.refresh();
    QCustomPlot *qcp = plot.findChild<QCustomPlot *>("plot");
    QVERIFY(qcp);
    QCPAxisRect *pane = plot.outputPane();
    QVERIFY(pane && pane != qcp->axisRect());
    // The losses above on "loss"; D(x) and D(G(z)) below on an axis of their own.
    int inPane = 0, above = 0;
    for (int g = 0; g < qcp->graphCount(); ++g) {
        const QString name = qcp->graph(g)->name();
        if (name.startsWith("D(x)") || name.startsWith("D(G(z))")) {
            QCOMPARE(qcp->graph(g)->valueAxis()->axisRect(), pane);
            ++inPane;
        } else if (name.contains("loss")) {
            QCOMPARE(qcp->graph(g)->valueAxis(), qcp->yAxis);
            ++above;
        }
    }
    QCOMPARE(inPane, 4); // raw and smoothed of each
    QCOMPARE(above, 4);
    QCOMPARE(qcp->yAxis->label(), QStringLiteral("loss"));
    QCPAxis *outputs = pane->axis(QCPAxis::atLeft);
    QVERIFY(outputs->label().contains("real"));
    // bce: a probability, shown from 0 to 1 however large the losses are.
    QVERIFY(outputs->range().lower <= 0.0 && outputs->range().upper >= 1.0 && outputs->range().upper < 1.1);
    QVERIFY(qcp->yAxis->range().upper >= 70.0);
    // Another loss: D's mean output on its own scale.
    plot.setProbabilityOutputs(false);
    plot.refresh();
    QVERIFY(!outputs->label().contains("real"));
    QVERIFY(outputs->range().lower > 0.1 && outputs->range().upper < 0.8);
    // One step axis: a zoom in the upper pane moves the lower one too, and stops the autoscale.
    qcp->xAxis->setRange(10, 20);
    QCOMPARE(pane->axis(QCPAxis::atBottom)->range().lower, 10.0);
    QCOMPARE(pane->axis(QCPAxis::atBottom)->range().upper, 20.0);
    QVERIFY(!plot.isAutoScaling());
    plot.fit();
    plot.refresh();
    QVERIFY(plot.isAutoScaling());
    // Dragging the lower pane's values is a user change too.
    outputs->setRange(0, 5);
    QVERIFY(!plot.isAutoScaling());
    // A log scale is for the losses; the outputs stay linear.
    plot.setLogScale(true);
    QCOMPARE(outputs->scaleType(), QCPAxis::stLinear);
    // Epoch lines reach both panes.
    const int itemsBefore = qcp->itemCount();
    plot.markEpoch(25);
    QCOMPARE(qcp->itemCount(), itemsBefore + 2);
}

#include "tst_lossplot.moc"
