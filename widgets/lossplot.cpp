#include "lossplot.h"

#include "plotdecimation.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// Buckets per series over the visible range: min and max per bucket keep spikes visible in
// the raw curve while staying at most 2 * kBuckets points, well under what a replot can afford.
constexpr int kBuckets = 2000;
constexpr double kMaxSmoothing = 0.999;
constexpr int kSliderSteps = 1000;

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const QCPRange kProbabilityRange(-0.03, 1.03); // a probability: always the whole of 0 to 1

QString formatValue(double v) { return QString::number(v, 'g', 4); }

} // namespace

LossPlot::LossPlot(QWidget *parent)
    : CurvePlot(parent),
      m_smoothingSlider(new QSlider(Qt::Horizontal, this)),
      m_smoothingLabel(new QLabel(this)),
      m_logScaleBox(new QCheckBox(tr("Log scale"), this)),
      m_readout(new QLabel(this))
{
    QCustomPlot *plot = customPlot();
    plot->setObjectName("plot");
    m_smoothingSlider->setObjectName("smoothing");
    m_logScaleBox->setObjectName("logScale");
    m_readout->setObjectName("readout");

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Smoothing"), this));
    controls->addWidget(m_smoothingSlider, 1);
    controls->addWidget(m_smoothingLabel);
    controls->addWidget(m_logScaleBox);
    controls->addWidget(createFitButton(tr("Show all data and follow new data again")));
    addBelowPlot(controls);
    addBelowPlot(m_readout);

    const struct { QString name; QColor colour; } series[SeriesCount] = {
        {tr("D loss"), QColor(0xd6, 0x27, 0x28)},
        {tr("G loss"), QColor(0x1f, 0x77, 0xb4)},
        {tr("D(x)"), QColor(0x2c, 0xa0, 0x2c)},
        {tr("D(G(z))"), QColor(0xff, 0x7f, 0x0e)},
    };
    // Two panes on one step axis: the losses above, D's outputs below, each on its own scale.
    QCPAxisRect *lossRect = plot->axisRect();
    m_outputRect = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(1, 0, m_outputRect);
    auto *margins = new QCPMarginGroup(plot);
    lossRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_outputRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    QCPAxis *outputX = m_outputRect->axis(QCPAxis::atBottom);
    QCPAxis *outputY = m_outputRect->axis(QCPAxis::atLeft);
    m_outputRect->axis(QCPAxis::atRight)->setVisible(true); // as wide as the FD axis above, for aligned panes
    m_outputRect->axis(QCPAxis::atRight)->setTicks(false);
    m_outputRect->axis(QCPAxis::atRight)->setTickLabels(false);
    m_outputRect->axis(QCPAxis::atRight)->setBasePen(Qt::NoPen);
    auto inPane = [&](int s) { return s == DReal || s == DFake; };

    // Raw graphs first so that they are drawn beneath every smoothed line.
    plot->setAutoAddPlottableToLegend(false);
    for (int s = 0; s < SeriesCount; ++s) {
        QColor faint = series[s].colour;
        faint.setAlpha(60);
        m_rawGraph[s] = inPane(s) ? plot->addGraph(outputX, outputY) : plot->addGraph();
        m_rawGraph[s]->setName(tr("%1 (raw)").arg(series[s].name));
        m_rawGraph[s]->setPen(QPen(faint, 1));
    }
    for (int s = 0; s < SeriesCount; ++s) {
        m_smoothGraph[s] = inPane(s) ? plot->addGraph(outputX, outputY) : plot->addGraph();
        m_smoothGraph[s]->setName(series[s].name);
        m_smoothGraph[s]->setPen(QPen(series[s].colour, 1.5));
        m_smoothGraph[s]->addToLegend();
        m_visible[s] = true;
        m_emaLast[s] = 0;
        m_emaWeight[s] = 1;
    }
    // The score has its own scale (the feature network's) and its own axis.
    m_scoreGraph = plot->addGraph(plot->xAxis, plot->yAxis2);
    m_scoreGraph->setName(tr("FD score"));
    m_scoreGraph->setPen(QPen(QColor(0x94, 0x67, 0xbd), 2));
    m_scoreGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m_scoreGraph->setVisible(false);
    plot->yAxis2->setLabel(tr("FD score (lower is better)"));
    plot->yAxis2->setVisible(false);
    // Steps are whole numbers: ticks at multiples of 1, 2, 5, 10, ... The step is named once,
    // under the lower pane; the upper one shows the same ticks without labels.
    for (QCPAxis *x : {plot->xAxis, outputX}) {
        auto steps = QSharedPointer<QCPAxisTickerFixed>::create();
        steps->setTickStep(1);
        steps->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        x->setTicker(steps);
    }
    plot->xAxis->setTickLabels(false);
    outputX->setLabel(tr("step"));
    plot->yAxis->setLabel(tr("loss"));
    setProbabilityOutputs(true);
    connect(plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            [this, outputX] { syncSteps(customPlot()->xAxis, outputX); });
    connect(outputX, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            [this, outputX] { syncSteps(outputX, customPlot()->xAxis); });
    watchAxis(outputY, false);
    plot->legend->setVisible(true);
    // The legend gets a row of its own above the axes, so it never covers a curve.
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, plot->legend);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setWrap(6);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setMargins(QMargins(4, 2, 4, 2));
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    plot->plotLayout()->setRowStretchFactor(1, 3); // the losses
    plot->plotLayout()->setRowStretchFactor(2, 2); // D's outputs
    plot->plotLayout()->setRowSpacing(0);

    m_smoothingSlider->setRange(0, kSliderSteps - 1);
    m_smoothingSlider->setValue(qRound(m_smoothing * kSliderSteps));
    m_smoothingLabel->setText(QString::number(m_smoothing, 'f', 3));
    m_smoothingLabel->setMinimumWidth(m_smoothingLabel->fontMetrics().horizontalAdvance("0.000"));
    updateGraphVisibility();

    connect(plot, &QCustomPlot::legendClick, this, &LossPlot::onLegendClick);
    connect(plot, &QCustomPlot::mouseMove, this, &LossPlot::onMouseMove);
    connect(m_smoothingSlider, &QSlider::valueChanged, this,
            [this](int v) { setSmoothing(double(v) / kSliderSteps); });
    connect(m_logScaleBox, &QCheckBox::toggled, this, &LossPlot::setLogScale);

    setMinimumSize(320, 240);
}

void LossPlot::addPoint(double step, double dLoss, double gLoss, double dReal, double dFake)
{
    if (!m_steps.isEmpty() && step < m_steps.last())
        m_sorted = false;
    m_steps.append(step);
    const double values[SeriesCount] = {dLoss, gLoss, dReal, dFake};
    for (int s = 0; s < SeriesCount; ++s) {
        // Non-finite values (a diverged run) are kept as gaps, not drawn and not averaged.
        const double v = std::isfinite(values[s]) ? values[s] : kNaN;
        m_raw[s].append(v);
        m_smooth[s].append(smoothNext(s, v));
    }
    scheduleRebuild();
}

void LossPlot::markEpoch(double step)
{
    addVerticalLine(step, QPen(QColor(160, 160, 160), 1, Qt::DashLine));
    customPlot()->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::addVerticalLine(double step, const QPen &pen)
{
    // In both panes; vertical in axis-rect ratio so that it also works on a log axis, where
    // y = 0 is undefined.
    for (QCPAxisRect *rect : {customPlot()->axisRect(), m_outputRect}) {
        auto *line = new QCPItemStraightLine(customPlot());
        line->setClipAxisRect(rect);
        for (QCPItemPosition *p : {line->point1, line->point2}) {
            p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            p->setAxisRect(rect);
            p->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        line->point1->setCoords(step, 0);
        line->point2->setCoords(step, 1);
        line->setPen(pen);
    }
}

void LossPlot::syncSteps(QCPAxis *from, QCPAxis *to)
{
    if (to->range() != from->range())
        to->setRange(from->range());
}

void LossPlot::setProbabilityOutputs(bool probabilities)
{
    m_probabilities = probabilities;
    QCPAxis *outputs = m_outputRect->axis(QCPAxis::atLeft);
    outputs->setLabel(probabilities ? tr("D says “real” (0–1)") : tr("D's mean output"));
    if (probabilities) // the scale its label names, before the first point too
        outputs->setRange(kProbabilityRange);
    invalidate();
}

void LossPlot::addScore(double step, int epoch, double fd, double kid, double precision, double recall)
{
    if (!std::isfinite(fd))
        return;
    m_scoreSteps.append(step);
    m_scoreEpochs.append(epoch);
    m_fd.append(fd);
    m_kid.append(kid);
    m_precision.append(precision);
    m_recall.append(recall);
    m_scoreGraph->data()->set({}, true);
    for (int i = 0; i < m_scoreSteps.size(); ++i)
        m_scoreGraph->addData(m_scoreSteps[i], m_fd[i]);
    if (m_scoreSteps.size() == 1) {
        m_scoreGraph->addToLegend();
        customPlot()->yAxis2->setVisible(true);
        updateGraphVisibility();
    }
    invalidate();
}

bool LossPlot::isScoreVisible() const
{
    return m_scoreGraph->visible();
}

void LossPlot::markEvent(double step, const QString &label)
{
    QCustomPlot *plot = customPlot();
    const QColor red(0xc0, 0x1c, 0x28);
    addVerticalLine(step, QPen(red, 2));
    auto *text = new QCPItemText(plot);
    text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(step, 0.02);
    text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    text->setPadding(QMargins(4, 0, 0, 0));
    text->setColor(red);
    text->setText(label);
    ++m_eventCount;
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::clear()
{
    m_steps.clear();
    for (QVector<double> *v : {&m_scoreSteps, &m_scoreEpochs, &m_fd, &m_kid, &m_precision, &m_recall})
        v->clear();
    m_scoreGraph->data()->clear();
    m_scoreGraph->removeFromLegend();
    m_scoreGraph->setVisible(false);
    customPlot()->yAxis2->setVisible(false);
    m_eventCount = 0;
    for (int s = 0; s < SeriesCount; ++s) {
        m_raw[s].clear();
        m_smooth[s].clear();
        m_emaLast[s] = 0;
        m_emaWeight[s] = 1;
    }
    m_sorted = true;
    customPlot()->clearItems();
    m_readout->clear();
    // A new run: follow its data again.
    fit();
}

int LossPlot::pointCount() const
{
    return m_steps.size();
}

void LossPlot::setSeriesVisible(int index, bool visible)
{
    if (index < 0 || index >= SeriesCount || m_visible[index] == visible)
        return;
    m_visible[index] = visible;
    updateGraphVisibility();
    // The autoscaled y range depends on which series are shown.
    invalidate();
}

bool LossPlot::isSeriesVisible(int index) const
{
    if (index < 0 || index >= SeriesCount)
        return false;
    return m_smoothGraph[index]->visible();
}

void LossPlot::setSmoothing(double factor)
{
    factor = std::clamp(std::isfinite(factor) ? factor : 0.0, 0.0, kMaxSmoothing);
    {
        const QSignalBlocker blocker(m_smoothingSlider);
        m_smoothingSlider->setValue(qRound(factor * kSliderSteps));
    }
    m_smoothingLabel->setText(QString::number(factor, 'f', 3));
    if (factor == m_smoothing)
        return;
    m_smoothing = factor;
    recomputeSmoothing();
    updateGraphVisibility();
    invalidate();
}

double LossPlot::smoothedValue(int series, int index) const
{
    if (series < 0 || series >= SeriesCount || index < 0 || index >= m_smooth[series].size())
        return kNaN;
    return m_smooth[series][index];
}

void LossPlot::setLogScale(bool on)
{
    {
        const QSignalBlocker blocker(m_logScaleBox);
        m_logScaleBox->setChecked(on);
    }
    if (on == isLogScale())
        return;
    {
        const OwnRangeChange own(this);
        QCPAxis *y = customPlot()->yAxis;
        if (on) {
            y->setScaleType(QCPAxis::stLogarithmic);
            y->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        } else {
            y->setScaleType(QCPAxis::stLinear);
            y->setTicker(QSharedPointer<QCPAxisTicker>::create());
        }
    }
    invalidate();
}

bool LossPlot::isLogScale() const
{
    return customPlot()->yAxis->scaleType() == QCPAxis::stLogarithmic;
}

QString LossPlot::readoutAt(double step) const
{
    const int i = nearestIndex(step);
    if (i < 0)
        return QString();
    QString text = tr("step %1: D loss %2, G loss %3, D(x) %4, D(G(z)) %5")
                       .arg(QString::number(m_steps[i], 'g', 12), formatValue(m_raw[DLoss][i]),
                            formatValue(m_raw[GLoss][i]), formatValue(m_raw[DReal][i]),
                            formatValue(m_raw[DFake][i]));
    // The latest score at or before that step.
    int s = -1;
    for (int k = 0; k < m_scoreSteps.size(); ++k)
        if (m_scoreSteps[k] <= m_steps[i] && (s < 0 || m_scoreSteps[k] >= m_scoreSteps[s]))
            s = k;
    if (s >= 0)
        text += tr(" · after epoch %1: FD %2, KID %3, precision %4, recall %5")
                    .arg(int(m_scoreEpochs[s]))
                    .arg(formatValue(m_fd[s]), formatValue(m_kid[s]), QString::number(m_precision[s], 'f', 2),
                         QString::number(m_recall[s], 'f', 2));
    return text;
}

bool LossPlot::exportPng(const QString &fileName, int width, int height)
{
    refresh();
    return customPlot()->savePng(fileName, width, height);
}

bool LossPlot::exportPdf(const QString &fileName)
{
    refresh();
    QCustomPlot *plot = customPlot();
    // A plot never shown has no useful size of its own; give the page a sensible one.
    const bool sized = plot->width() >= 200 && plot->height() >= 150;
    return plot->savePdf(fileName, sized ? plot->width() : 800, sized ? plot->height() : 500);
}

int LossPlot::drawnPointCount(int series) const
{
    if (series < 0 || series >= SeriesCount)
        return 0;
    return m_rawGraph[series]->dataCount() + m_smoothGraph[series]->dataCount();
}

// TensorBoard's smoothing: an EMA started at 0 and divided by (1 - w^k) to remove that bias,
// so the first values are not pulled towards zero.
double LossPlot::smoothNext(int series, double value)
{
    if (std::isnan(value))
        return kNaN;
    const double w = m_smoothing;
    m_emaLast[series] = m_emaLast[series] * w + (1 - w) * value;
    m_emaWeight[series] *= w;
    const double debias = 1 - m_emaWeight[series];
    return debias > 0 ? m_emaLast[series] / debias : value;
}

void LossPlot::recomputeSmoothing()
{
    for (int s = 0; s < SeriesCount; ++s) {
        m_emaLast[s] = 0;
        m_emaWeight[s] = 1;
        QVector<double> &smooth = m_smooth[s];
        const QVector<double> &raw = m_raw[s];
        for (int i = 0; i < raw.size(); ++i)
            smooth[i] = smoothNext(s, raw[i]);
    }
}

void LossPlot::rebuildData()
{
    int first = 0, last = 0;
    visibleRows(m_steps, m_sorted, &first, &last);
    QVector<QCPGraphData> points;
    for (int s = 0; s < SeriesCount; ++s) {
        decimateCurve(m_steps, m_raw[s], first, last, kBuckets, true, points);
        m_rawGraph[s]->data()->set(points, m_sorted);
        // Unsmoothed, the solid line is the raw data and must keep its spikes.
        decimateCurve(m_steps, m_smooth[s], first, last, kBuckets, m_smoothing == 0, points);
        m_smoothGraph[s]->data()->set(points, m_sorted);
    }
}

void LossPlot::applyAutoRange()
{
    bool any = false;
    for (int s = 0; s < SeriesCount; ++s)
        any = any || (m_smoothGraph[s]->visible() && !m_smoothGraph[s]->data()->isEmpty());
    if (!any && !m_scoreGraph->visible())
        return;
    // Only visible graphs count; on a log axis QCustomPlot considers positive values only.
    customPlot()->rescaleAxes(true);
    padValueAxis();
    QCPAxis *outputs = m_outputRect->axis(QCPAxis::atLeft);
    if (m_probabilities)
        outputs->setRange(kProbabilityRange);
    else
        padAxis(outputs);
    if (m_scoreGraph->visible() && !m_fd.isEmpty()) {
        // From zero, so that a falling score reads as the distance it is.
        const double top = *std::max_element(m_fd.cbegin(), m_fd.cend());
        customPlot()->yAxis2->setRange(0, top > 0 ? top * 1.08 : 1);
    }
}

void LossPlot::updateGraphVisibility()
{
    for (int s = 0; s < SeriesCount; ++s) {
        m_smoothGraph[s]->setVisible(m_visible[s]);
        // Without smoothing the raw curve would only lie under an identical solid one.
        m_rawGraph[s]->setVisible(m_visible[s] && m_smoothing > 0);
        if (QCPPlottableLegendItem *item = customPlot()->legend->itemWithPlottable(m_smoothGraph[s]))
            item->setTextColor(m_visible[s] ? QColor(Qt::black) : QColor(Qt::gray));
    }
    const bool scores = !m_scoreSteps.isEmpty();
    m_scoreGraph->setVisible(scores && m_scoreShown);
    customPlot()->yAxis2->setVisible(scores && m_scoreShown);
    if (QCPPlottableLegendItem *item = customPlot()->legend->itemWithPlottable(m_scoreGraph))
        item->setTextColor(m_scoreShown ? QColor(Qt::black) : QColor(Qt::gray));
}

void LossPlot::onLegendClick(QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *)
{
    auto *plottableItem = qobject_cast<QCPPlottableLegendItem *>(item);
    if (!plottableItem)
        return;
    for (int s = 0; s < SeriesCount; ++s)
        if (plottableItem->plottable() == m_smoothGraph[s])
            setSeriesVisible(s, !m_visible[s]);
    if (plottableItem->plottable() == m_scoreGraph) {
        m_scoreShown = !m_scoreShown;
        updateGraphVisibility();
        invalidate();
    }
}

void LossPlot::onMouseMove(QMouseEvent *event)
{
    if (m_steps.isEmpty())
        return;
    m_readout->setText(readoutAt(customPlot()->xAxis->pixelToCoord(event->position().x())));
}

int LossPlot::nearestIndex(double step) const
{
    const int n = m_steps.size();
    if (n == 0 || std::isnan(step))
        return -1;
    if (!m_sorted) {
        int best = 0;
        for (int i = 1; i < n; ++i)
            if (std::abs(m_steps[i] - step) < std::abs(m_steps[best] - step))
                best = i;
        return best;
    }
    const int i = int(std::lower_bound(m_steps.cbegin(), m_steps.cend(), step) - m_steps.cbegin());
    if (i == 0)
        return 0;
    if (i == n)
        return n - 1;
    return step - m_steps[i - 1] <= m_steps[i] - step ? i - 1 : i;
}
