#include "curveplot.h"

#include <qcustomplot.h>

#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

// How long new points may wait before the drawn data are rebuilt: bounds the O(n) rebuild to a
// few times a second however fast points arrive, which keeps appending O(1) amortised.
constexpr int kRebuildIntervalMs = 50;

} // namespace

CurvePlot::CurvePlot(QWidget *parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_rebuildTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(kRebuildIntervalMs);
    connect(m_rebuildTimer, &QTimer::timeout, this, &CurvePlot::invalidate);
    // Lazy: whatever asks for a replot (new points, drag, zoom, resize) gets fresh drawn data once.
    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] {
        if (m_dirty)
            rebuildGraphs();
    });
    watchAxis(m_plot->xAxis, true);
    watchAxis(m_plot->yAxis, false);
}

void CurvePlot::watchAxis(QCPAxis *axis, bool keyAxis)
{
    connect(axis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            [this, keyAxis] { onRangeChanged(keyAxis); });
}

void CurvePlot::fit()
{
    m_autoScale = true;
    invalidate();
}

void CurvePlot::refresh()
{
    m_rebuildTimer->stop();
    m_dirty = true;
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    // replot() is a no-op while a replot is running; make sure the data are rebuilt anyway.
    if (m_dirty)
        rebuildGraphs();
}

QPushButton *CurvePlot::createFitButton(const QString &toolTip)
{
    auto *button = new QPushButton(tr("Fit"), this);
    button->setObjectName("fit");
    button->setToolTip(toolTip);
    connect(button, &QPushButton::clicked, this, &CurvePlot::fit);
    return button;
}

void CurvePlot::addBelowPlot(QLayout *layout)
{
    static_cast<QVBoxLayout *>(this->layout())->addLayout(layout);
}

void CurvePlot::addBelowPlot(QWidget *widget)
{
    layout()->addWidget(widget);
}

void CurvePlot::scheduleRebuild()
{
    if (!m_rebuildTimer->isActive())
        m_rebuildTimer->start();
}

void CurvePlot::invalidate()
{
    m_dirty = true;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlot::rebuildNow()
{
    m_rebuildTimer->stop();
    rebuildGraphs();
}

void CurvePlot::visibleRows(const QVector<double> &x, bool sorted, int *first, int *last) const
{
    const int n = x.size();
    *first = 0;
    *last = n;
    // Unsorted x (a restarted run) cannot be cut by binary search: all rows then.
    if (m_autoScale || !sorted || n == 0)
        return;
    const QCPRange range = m_plot->xAxis->range();
    const int lower = int(std::lower_bound(x.cbegin(), x.cend(), range.lower) - x.cbegin());
    const int upper = int(std::upper_bound(x.cbegin(), x.cend(), range.upper) - x.cbegin());
    *first = std::max(0, lower - 1);
    *last = std::min(n, upper + 1);
}

void CurvePlot::padValueAxis()
{
    padAxis(m_plot->yAxis);
}

void CurvePlot::padAxis(QCPAxis *axis)
{
    const QCPRange y = axis->range();
    if (axis->scaleType() == QCPAxis::stLogarithmic) {
        const double f = y.upper > y.lower ? std::pow(y.upper / y.lower, 0.05) : 2.0;
        axis->setRange(y.lower / f, y.upper * f);
    } else {
        const double span = y.upper - y.lower;
        const double pad = span > 0 ? 0.05 * span : std::max(0.5, std::abs(y.lower) * 0.1);
        axis->setRange(y.lower - pad, y.upper + pad);
    }
}

void CurvePlot::rebuildGraphs()
{
    m_dirty = false;
    rebuildData();
    if (m_autoScale) {
        const OwnRangeChange own(this);
        applyAutoRange();
    }
}

void CurvePlot::onRangeChanged(bool keyAxis)
{
    if (m_applyingRange)
        return;
    // The user zoomed or dragged: stop following the data until fit().
    m_autoScale = false;
    // A new x range needs other rows drawn; a new y range only shows the same ones differently.
    if (keyAxis)
        m_dirty = true;
}
