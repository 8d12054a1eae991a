#include "scorechartimage.h"

#include <qcustomplot.h>

#include <algorithm>
#include <map>

bool saveScoreChart(const QVector<ScoreSeries> &series, const QString &pngPath, int width, int height)
{
    static const QColor palette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                                     QColor(0xff, 0x7f, 0x0e), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                     QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f)};
    QCustomPlot plot;
    plot.setAutoAddPlottableToLegend(true);
    std::map<QString, QColor> colours; // by preset
    double top = 0, bottom = 1e300, last = 1;
    for (const ScoreSeries &s : series) {
        const int dash = s.name.indexOf('-');
        const QString tool = dash > 0 ? s.name.left(dash) : s.name;
        const QString preset = dash > 0 ? s.name.mid(dash + 1) : s.name;
        if (!colours.count(preset)) {
            const size_t i = colours.size();
            colours[preset] = palette[i % (sizeof palette / sizeof palette[0])];
        }
        QCPGraph *g = plot.addGraph();
        g->setName(s.name);
        g->setPen(QPen(colours[preset], 2, tool == "ganvas" ? Qt::SolidLine : Qt::DashLine));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
        const int n = std::min(s.epochs.size(), s.fd.size());
        for (int i = 0; i < n; ++i) {
            g->addData(s.epochs[i], s.fd[i]);
            top = std::max(top, s.fd[i]);
            bottom = std::min(bottom, s.fd[i]);
            last = std::max(last, s.epochs[i]);
        }
    }
    if (top <= 0)
        return false;
    plot.xAxis->setLabel(QCoreApplication::translate("ScoreChart", "epoch"));
    plot.yAxis->setLabel(QCoreApplication::translate("ScoreChart", "FD score (log scale, lower is better)"));
    plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot.yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    plot.yAxis->setRange(bottom / 1.2, top * 1.2);
    plot.xAxis->setRange(0.5, last + 0.5);
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1);
    plot.xAxis->setTicker(ticker);
    plot.legend->setVisible(true);
    auto *side = new QCPLayoutGrid;
    plot.plotLayout()->addElement(0, 1, side);
    side->addElement(0, 0, plot.legend);
    side->addElement(1, 0, new QCPLayoutElement(&plot));
    side->setRowStretchFactor(0, 0.001);
    plot.plotLayout()->setColumnStretchFactor(1, 0.001);
    return plot.savePng(pngPath, width, height);
}
