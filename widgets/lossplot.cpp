#include "lossplot.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

LossPlot::LossPlot(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    const struct { const char *name; QColor colour; } series[] = {
        {"D loss", QColor(0xd6, 0x27, 0x28)},
        {"G loss", QColor(0x1f, 0x77, 0xb4)},
        {"D(x)", QColor(0x2c, 0xa0, 0x2c)},
        {"D(G(z))", QColor(0xff, 0x7f, 0x0e)},
    };
    for (const auto &s : series) {
        auto *g = m_plot->addGraph();
        g->setName(s.name);
        g->setPen(QPen(s.colour, 1.5));
    }
    m_plot->xAxis->setLabel("step");
    m_plot->yAxis->setLabel("value");
    m_plot->legend->setVisible(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom | QCP::iSelectLegend);
    setMinimumSize(320, 200);
}

void LossPlot::addPoint(double step, double dLoss, double gLoss, double dReal, double dFake)
{
    const double values[] = {dLoss, gLoss, dReal, dFake};
    for (int i = 0; i < 4; ++i)
        if (std::isfinite(values[i]))
            m_plot->graph(i)->addData(step, values[i]);
    m_plot->rescaleAxes();
    // Queued: many points arriving at once cost one repaint.
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::markEpoch(double step)
{
    auto *line = new QCPItemStraightLine(m_plot);
    line->point1->setCoords(step, 0);
    line->point2->setCoords(step, 1);
    line->setPen(QPen(QColor(160, 160, 160), 1, Qt::DashLine));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::clear()
{
    for (int i = 0; i < m_plot->graphCount(); ++i)
        m_plot->graph(i)->data()->clear();
    m_plot->clearItems();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int LossPlot::pointCount() const
{
    return m_plot->graph(0)->dataCount();
}
