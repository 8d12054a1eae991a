#include "comparisonplot.h"

#include "plotdecimation.h"

#include <qcustomplot.h>

#include "scoretexts.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QCheckBox>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace {

// Min/max buckets per curve over the visible range: spikes stay visible while each graph holds
// at most 2 * kBuckets points, however long the runs are (the same scheme as LossPlot).
constexpr int kBuckets = 1000;

QVector<double> smoothed(const QVector<double> &raw, double w)
{
    QVector<double> out(raw.size());
    double ema = 0, weight = 1;
    for (int i = 0; i < raw.size(); ++i) {
        if (!std::isfinite(raw[i])) {
            out[i] = raw[i];
            continue;
        }
        ema = ema * w + (1 - w) * raw[i];
        weight *= w;
        out[i] = ema / (1 - weight);
    }
    return out;
}

} // namespace

ComparisonPlot::ComparisonPlot(QWidget *parent)
    : CurvePlot(parent)
{
    QCustomPlot *plot = customPlot();
    plot->setObjectName("comparisonPlot");
    m_hint = new QLabel(this);
    m_hint->setEnabled(false);
    m_hint->setWordWrap(true);
    m_curvesBox = new QComboBox(this);
    m_curvesBox->setObjectName("curves");
    m_curvesBox->addItem(tr("Losses"));
    m_curvesBox->addItem(tr("Quality score (FD)"));
    m_curvesBox->setToolTip(ScoreTexts::fd());
    connect(m_curvesBox, &QComboBox::activated, this,
            [this](int index) { setCurves(index == 1 ? Curves::Scores : Curves::Losses); });
    m_smoothingSlider = new QSlider(Qt::Horizontal, this);
    m_smoothingSlider->setObjectName("comparisonSmoothing");
    m_smoothingSlider->setRange(0, 99);
    m_smoothingSlider->setMaximumWidth(140);
    m_smoothingSlider->setToolTip(tr("Smoothing of the loss curves (an exponential moving average, as in "
                                     "TensorBoard)"));
    connect(m_smoothingSlider, &QSlider::valueChanged, this, [this](int v) { setSmoothing(v / 100.0); });
    m_logScale = new QCheckBox(tr("Log scale"), this);
    m_logScale->setObjectName("comparisonLogScale");
    connect(m_logScale, &QCheckBox::toggled, this, &ComparisonPlot::setLogScale);
    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(6, 0, 0, 0);
    controls->addWidget(m_curvesBox);
    controls->addWidget(new QLabel(tr("Smoothing"), this));
    controls->addWidget(m_smoothingSlider);
    controls->addWidget(m_logScale);
    controls->addWidget(m_hint, 1);
    controls->addWidget(createFitButton(tr("Show all data and follow new data again (or double-click the plot)")));
    addBelowPlot(controls);

    plot->setAutoAddPlottableToLegend(false);
    plot->xAxis->setLabel(tr("epoch"));
    plot->yAxis->setLabel(tr("loss"));
    plot->legend->setVisible(true);
    // The legend gets a column of its own right of the axes: with up to eight entries it would
    // otherwise cover the curves. Top-aligned by an empty element that takes the rest.
    auto *side = new QCPLayoutGrid;
    plot->plotLayout()->addElement(0, 1, side);
    side->addElement(0, 0, plot->legend);
    side->addElement(1, 0, new QCPLayoutElement(plot));
    side->setRowStretchFactor(0, 0.001);
    // Room around the legend's frame, which would otherwise lie on the widget's edge.
    side->setMinimumMargins(QMargins(4, 10, 8, 10));
    side->setMargins(QMargins(4, 10, 8, 10));
    plot->plotLayout()->setColumnStretchFactor(1, 0.001);

    m_marker = new QCPItemStraightLine(plot);
    // Vertical in axis-rect ratio so that it spans the plot whatever the y range is.
    m_marker->point1->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_marker->point2->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_marker->setPen(QPen(QColor(90, 90, 90), 1, Qt::DashDotLine));
    m_marker->setVisible(false);

    connect(plot, &QCustomPlot::mouseDoubleClick, this, [this] { fit(); });
    updateCurves();

    setMinimumSize(320, 160);
}

void ComparisonPlot::addRun(const QString &title, const QColor &colour)
{
    Run run;
    run.title = title;
    run.g = customPlot()->addGraph();
    run.g->setPen(QPen(colour, 2));
    run.d = customPlot()->addGraph();
    run.d->setPen(QPen(colour, 1.5, Qt::DashLine));
    run.fd = customPlot()->addGraph();
    run.fd->setPen(QPen(colour, 2));
    run.fd->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m_runs.append(run);
    updateCurves();
    updateNames();
    customPlot()->replot(QCustomPlot::rpQueuedReplot);
}

void ComparisonPlot::removeRun(int run)
{
    if (run < 0 || run >= m_runs.size())
        return;
    // removeGraph also takes the graph's legend item away.
    customPlot()->removeGraph(m_runs[run].g);
    customPlot()->removeGraph(m_runs[run].d);
    customPlot()->removeGraph(m_runs[run].fd);
    m_runs.remove(run);
    updateCurves();
    invalidate();
}

void ComparisonPlot::setRunTitle(int run, const QString &title)
{
    if (run < 0 || run >= m_runs.size())
        return;
    m_runs[run].title = title;
    updateNames();
    customPlot()->replot(QCustomPlot::rpQueuedReplot);
}

void ComparisonPlot::addLosses(int run, const QVector<double> &epochX, const QVector<double> &dLoss,
                               const QVector<double> &gLoss)
{
    if (run < 0 || run >= m_runs.size())
        return;
    Run &r = m_runs[run];
    const int n = std::min({epochX.size(), dLoss.size(), gLoss.size()});
    for (int i = 0; i < n; ++i) {
        if (!r.x.isEmpty() && epochX[i] < r.x.last())
            r.sorted = false;
        r.x.append(epochX[i]);
        r.dLoss.append(dLoss[i]);
        r.gLoss.append(gLoss[i]);
    }
    scheduleRebuild();
}

void ComparisonPlot::clearLosses(int run)
{
    if (run < 0 || run >= m_runs.size())
        return;
    Run &r = m_runs[run];
    r.x.clear();
    r.dLoss.clear();
    r.gLoss.clear();
    r.sorted = true;
    invalidate();
}

void ComparisonPlot::addScore(int run, int epoch, double fd)
{
    if (run < 0 || run >= m_runs.size() || !std::isfinite(fd))
        return;
    Run &r = m_runs[run];
    r.scoreEpochs.append(epoch);
    r.scores.append(fd);
    r.fd->addData(epoch, fd);
    if (m_curves == Curves::Scores)
        invalidate();
}

int ComparisonPlot::scoreCount(int run) const
{
    return run >= 0 && run < m_runs.size() ? m_runs[run].scores.size() : 0;
}

void ComparisonPlot::setCurves(Curves curves)
{
    m_curves = curves;
    {
        const QSignalBlocker quiet(m_curvesBox);
        m_curvesBox->setCurrentIndex(curves == Curves::Scores ? 1 : 0);
    }
    updateCurves();
    fit();
}

void ComparisonPlot::setSmoothing(double factor)
{
    factor = std::clamp(std::isfinite(factor) ? factor : 0.0, 0.0, 0.99);
    {
        const QSignalBlocker quiet(m_smoothingSlider);
        m_smoothingSlider->setValue(qRound(factor * 100));
    }
    if (factor == m_smoothing)
        return;
    m_smoothing = factor;
    invalidate();
}

void ComparisonPlot::setLogScale(bool on)
{
    {
        const QSignalBlocker quiet(m_logScale);
        m_logScale->setChecked(on);
    }
    if (on == isLogScale())
        return;
    {
        const OwnRangeChange own(this);
        QCPAxis *y = customPlot()->yAxis;
        y->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (on)
            y->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        else
            y->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    fit();
}

bool ComparisonPlot::isLogScale() const
{
    return customPlot()->yAxis->scaleType() == QCPAxis::stLogarithmic;
}

void ComparisonPlot::updateCurves()
{
    const bool scores = m_curves == Curves::Scores;
    QCustomPlot *plot = customPlot();
    plot->legend->clearItems();
    for (const Run &r : std::as_const(m_runs)) {
        r.g->setVisible(!scores);
        r.d->setVisible(!scores);
        r.fd->setVisible(scores);
        if (scores) {
            r.fd->addToLegend();
        } else {
            r.g->addToLegend();
            if (!compactLegend())
                r.d->addToLegend();
        }
    }
    plot->legend->setVisible(plot->legend->itemCount() > 0); // no empty frame before any run
    plot->yAxis->setLabel(scores ? tr("FD score (lower is better)") : tr("loss"));
    m_hint->setText(scores ? tr("One point per scored epoch. Drag to pan, scroll to zoom.")
                           : tr("G loss solid, D loss dashed. Drag to pan, scroll to zoom."));
    updateNames();
    plot->replot(QCustomPlot::rpQueuedReplot);
}

int ComparisonPlot::pointCount(int run) const
{
    return run >= 0 && run < m_runs.size() ? m_runs[run].x.size() : 0;
}

void ComparisonPlot::setMarkerEpoch(int epoch)
{
    m_markerEpoch = epoch;
    // The autoscaled x range reaches the marker.
    if (isAutoScaling())
        markDirty();
    m_marker->setVisible(epoch >= 1);
    m_marker->point1->setCoords(epoch, 0);
    m_marker->point2->setCoords(epoch, 1);
    customPlot()->replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph *ComparisonPlot::gGraph(int run) const
{
    return run >= 0 && run < m_runs.size() ? m_runs[run].g : nullptr;
}

QCPGraph *ComparisonPlot::scoreGraph(int run) const
{
    return run >= 0 && run < m_runs.size() ? m_runs[run].fd : nullptr;
}

QCPGraph *ComparisonPlot::dGraph(int run) const
{
    return run >= 0 && run < m_runs.size() ? m_runs[run].d : nullptr;
}

QPixmap ComparisonPlot::render(int width, int height)
{
    rebuildNow();
    // toPixmap lays the plot out for the requested size; an autoscaled range is size-independent.
    const QPixmap pixmap = customPlot()->toPixmap(width, height);
    // Lay the on-screen plot out for its own size again.
    customPlot()->replot(QCustomPlot::rpQueuedReplot);
    return pixmap;
}

void ComparisonPlot::rebuildData()
{
    QVector<QCPGraphData> points;
    for (const Run &r : std::as_const(m_runs)) {
        int first = 0, last = 0;
        visibleRows(r.x, r.sorted, &first, &last);
        // Smoothed with the debiased EMA LossPlot uses; NaN (a diverged report) stays a gap.
        const bool smooth = m_smoothing > 0;
        decimateCurve(r.x, smooth ? smoothed(r.gLoss, m_smoothing) : r.gLoss, first, last, kBuckets, !smooth, points);
        r.g->data()->set(points, r.sorted);
        decimateCurve(r.x, smooth ? smoothed(r.dLoss, m_smoothing) : r.dLoss, first, last, kBuckets, !smooth,
                      points);
        r.d->data()->set(points, r.sorted);
    }
}

void ComparisonPlot::applyAutoRange()
{
    bool any = false;
    for (const Run &r : std::as_const(m_runs))
        any = any || (r.g->visible() && !r.g->data()->isEmpty()) || (r.d->visible() && !r.d->data()->isEmpty()) ||
              (r.fd->visible() && !r.fd->data()->isEmpty());
    QCustomPlot *plot = customPlot();
    if (!any) {
        plot->xAxis->setRange(0, 1);
        plot->yAxis->setRange(0, 1);
        return;
    }
    plot->rescaleAxes(true);
    const QCPRange x = plot->xAxis->range();
    // Up to the epoch marker at least (a frame arrives when its epoch's last points do, and
    // the marker would sit on the plot's edge), and to epoch 1 from the start.
    plot->xAxis->setRange(std::min(0.0, x.lower), std::max({1.0, x.upper, m_markerEpoch + 0.05}));
    padValueAxis();
    if (m_curves == Curves::Scores)
        plot->yAxis->setRangeLower(0); // a distance: read from zero
}

bool ComparisonPlot::compactLegend() const
{
    // Eight entries would not fit a low plot: with three or four runs, one entry per run (its
    // colour); the hint under the plot says which line is G and which D.
    return m_runs.size() > 2;
}

void ComparisonPlot::updateNames()
{
    for (const Run &r : std::as_const(m_runs)) {
        r.g->setName(compactLegend() ? r.title : tr("%1 G").arg(r.title));
        r.d->setName(tr("%1 D").arg(r.title));
        r.fd->setName(tr("%1 FD").arg(r.title));
    }
}
