#include "comparisonplot.h"

#include "plotdecimation.h"

#include <qcustomplot.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

// Min/max buckets per curve over the visible range: spikes stay visible while each graph holds
// at most 2 * kBuckets points, however long the runs are (the same scheme as LossPlot).
constexpr int kBuckets = 1000;
// Bounds the O(n) rebuild to a few times a second however fast points arrive.
constexpr int kRebuildIntervalMs = 50;

} // namespace

ComparisonPlot::ComparisonPlot(QWidget *parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_rebuildTimer(new QTimer(this))
{
    m_plot->setObjectName("comparisonPlot");
    auto *fitButton = new QPushButton(tr("Fit"), this);
    fitButton->setObjectName("fit");
    fitButton->setToolTip(tr("Show all data and follow new data again (or double-click the plot)"));

    auto *hint = new QLabel(tr("G loss solid, D loss dashed. Drag to pan, scroll to zoom."), this);
    hint->setEnabled(false);
    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(6, 0, 0, 0);
    controls->addWidget(hint, 1);
    controls->addWidget(fitButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    layout->addLayout(controls);

    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->xAxis->setLabel(tr("epoch"));
    m_plot->yAxis->setLabel(tr("loss"));
    m_plot->legend->setVisible(true);
    // The legend gets a column of its own right of the axes: with up to eight entries it would
    // otherwise cover the curves. Top-aligned by an empty element that takes the rest.
    auto *side = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(0, 1, side);
    side->addElement(0, 0, m_plot->legend);
    side->addElement(1, 0, new QCPLayoutElement(m_plot));
    side->setRowStretchFactor(0, 0.001);
    // Room around the legend's frame, which would otherwise lie on the widget's edge.
    side->setMinimumMargins(QMargins(4, 10, 8, 10));
    side->setMargins(QMargins(4, 10, 8, 10));
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    m_marker = new QCPItemStraightLine(m_plot);
    // Vertical in axis-rect ratio so that it spans the plot whatever the y range is.
    m_marker->point1->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_marker->point2->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_marker->setPen(QPen(QColor(90, 90, 90), 1, Qt::DashDotLine));
    m_marker->setVisible(false);

    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(kRebuildIntervalMs);
    connect(m_rebuildTimer, &QTimer::timeout, this, [this] {
        m_dirty = true;
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] {
        if (m_dirty)
            rebuildGraphs();
    });
    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            [this] { onRangeChanged(true); });
    connect(m_plot->yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            [this] { onRangeChanged(false); });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { fit(); });
    connect(fitButton, &QPushButton::clicked, this, &ComparisonPlot::fit);

    setMinimumSize(320, 220);
}

void ComparisonPlot::addRun(const QString &title, const QColor &colour)
{
    Run run;
    run.title = title;
    run.g = m_plot->addGraph();
    run.g->setPen(QPen(colour, 2));
    run.d = m_plot->addGraph();
    run.d->setPen(QPen(colour, 1.5, Qt::DashLine));
    run.g->addToLegend();
    run.d->addToLegend();
    m_runs.append(run);
    updateNames();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ComparisonPlot::removeRun(int run)
{
    if (run < 0 || run >= m_runs.size())
        return;
    // removeGraph also takes the graph's legend item away.
    m_plot->removeGraph(m_runs[run].g);
    m_plot->removeGraph(m_runs[run].d);
    m_runs.remove(run);
    m_dirty = true;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ComparisonPlot::setRunTitle(int run, const QString &title)
{
    if (run < 0 || run >= m_runs.size())
        return;
    m_runs[run].title = title;
    updateNames();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
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
    m_dirty = true;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int ComparisonPlot::pointCount(int run) const
{
    return run >= 0 && run < m_runs.size() ? m_runs[run].x.size() : 0;
}

void ComparisonPlot::setMarkerEpoch(int epoch)
{
    m_markerEpoch = epoch;
    if (m_autoScale)
        m_dirty = true;
    m_marker->setVisible(epoch >= 1);
    m_marker->point1->setCoords(epoch, 0);
    m_marker->point2->setCoords(epoch, 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph *ComparisonPlot::gGraph(int run) const
{
    return run >= 0 && run < m_runs.size() ? m_runs[run].g : nullptr;
}

QCPGraph *ComparisonPlot::dGraph(int run) const
{
    return run >= 0 && run < m_runs.size() ? m_runs[run].d : nullptr;
}

QPixmap ComparisonPlot::render(int width, int height)
{
    m_rebuildTimer->stop();
    rebuildGraphs();
    // toPixmap lays the plot out for the requested size; an autoscaled range is size-independent.
    const QPixmap pixmap = m_plot->toPixmap(width, height);
    // Lay the on-screen plot out for its own size again.
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    return pixmap;
}

void ComparisonPlot::fit()
{
    m_autoScale = true;
    m_dirty = true;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ComparisonPlot::refresh()
{
    m_rebuildTimer->stop();
    m_dirty = true;
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    // replot() is a no-op while a replot is running; make sure the data are rebuilt anyway.
    if (m_dirty)
        rebuildGraphs();
}

void ComparisonPlot::scheduleRebuild()
{
    if (!m_rebuildTimer->isActive())
        m_rebuildTimer->start();
}

void ComparisonPlot::rebuildGraphs()
{
    m_dirty = false;
    const QCPRange range = m_plot->xAxis->range();
    QVector<QCPGraphData> points;
    for (const Run &r : std::as_const(m_runs)) {
        const int n = r.x.size();
        int first = 0, last = n;
        // When zoomed, decimate only what is visible plus one neighbour each side so the lines
        // run to the edges; unsorted x (a restarted run) falls back to all points.
        if (!m_autoScale && r.sorted && n > 0) {
            first = int(std::lower_bound(r.x.cbegin(), r.x.cend(), range.lower) - r.x.cbegin());
            last = int(std::upper_bound(r.x.cbegin(), r.x.cend(), range.upper) - r.x.cbegin());
            first = std::max(0, first - 1);
            last = std::min(n, last + 1);
        }
        decimateCurve(r.x, r.gLoss, first, last, kBuckets, true, points);
        r.g->data()->set(points, r.sorted);
        decimateCurve(r.x, r.dLoss, first, last, kBuckets, true, points);
        r.d->data()->set(points, r.sorted);
    }
    if (m_autoScale)
        applyAutoRange();
}

void ComparisonPlot::applyAutoRange()
{
    bool any = false;
    for (const Run &r : std::as_const(m_runs))
        any = any || !r.g->data()->isEmpty() || !r.d->data()->isEmpty();
    m_applyingRange = true;
    if (!any) {
        m_plot->xAxis->setRange(0, 1);
        m_plot->yAxis->setRange(0, 1);
        m_applyingRange = false;
        return;
    }
    m_plot->rescaleAxes(true);
    const QCPRange x = m_plot->xAxis->range();
    // Up to the epoch marker at least (a frame arrives when its epoch's last points do, and
    // the marker would sit on the plot's edge), and to epoch 1 from the start.
    m_plot->xAxis->setRange(std::min(0.0, x.lower), std::max({1.0, x.upper, m_markerEpoch + 0.05}));
    const QCPRange y = m_plot->yAxis->range();
    const double span = y.upper - y.lower;
    const double pad = span > 0 ? 0.05 * span : std::max(0.5, std::abs(y.lower) * 0.1);
    m_plot->yAxis->setRange(y.lower - pad, y.upper + pad);
    m_applyingRange = false;
}

void ComparisonPlot::onRangeChanged(bool keyAxis)
{
    if (m_applyingRange)
        return;
    // The user zoomed or dragged: stop following the data until fit().
    m_autoScale = false;
    if (keyAxis)
        m_dirty = true;
}

void ComparisonPlot::updateNames()
{
    for (const Run &r : std::as_const(m_runs)) {
        r.g->setName(tr("%1 G").arg(r.title));
        r.d->setName(tr("%1 D").arg(r.title));
    }
}
