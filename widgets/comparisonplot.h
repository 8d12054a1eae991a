#pragma once

#include <QColor>
#include <QString>
#include <QVector>
#include <QWidget>

class QCPGraph;
class QCPItemStraightLine;
class QCustomPlot;
class QMouseEvent;
class QTimer;

// The loss curves of several runs overlaid in one plot: per run G loss solid and D loss dashed
// in the run's colour. The x axis is a fractional epoch, so runs over datasets of different
// sizes line up. As in LossPlot, raw values stay here and the graphs hold a decimated copy that
// is rebuilt lazily just before a replot.
class ComparisonPlot : public QWidget
{
    Q_OBJECT

public:
    explicit ComparisonPlot(QWidget *parent = nullptr);

    // Runs are addressed by position; removing one shifts the later ones down.
    void addRun(const QString &title, const QColor &colour);
    void removeRun(int run);
    void setRunTitle(int run, const QString &title);
    int runCount() const { return m_runs.size(); }

    // Appends points; the three vectors are cut to the shortest one.
    void addLosses(int run, const QVector<double> &epochX, const QVector<double> &dLoss,
                   const QVector<double> &gLoss);
    void clearLosses(int run);
    int pointCount(int run) const;

    // Where the vertical epoch marker stands; hidden for epoch < 1.
    void setMarkerEpoch(int epoch);
    bool isAutoScaling() const { return m_autoScale; }

    QCustomPlot *customPlot() const { return m_plot; }
    QCPGraph *gGraph(int run) const;
    QCPGraph *dGraph(int run) const;

    // The plot as an image of the given size, with fresh drawn data.
    QPixmap render(int width, int height);

public Q_SLOTS:
    // Show all data and follow new data again.
    void fit();
    // Rebuild the drawn data now and repaint (normally this happens lazily).
    void refresh();

private:
    void scheduleRebuild();
    void rebuildGraphs();
    void applyAutoRange();
    void onRangeChanged(bool keyAxis);
    void updateNames();

    struct Run
    {
        QString title;
        QCPGraph *g = nullptr;
        QCPGraph *d = nullptr;
        QVector<double> x;
        QVector<double> dLoss;
        QVector<double> gLoss;
        bool sorted = true;
    };

    QCustomPlot *m_plot;
    QCPItemStraightLine *m_marker;
    QTimer *m_rebuildTimer;
    QVector<Run> m_runs;
    int m_markerEpoch = 0;
    bool m_autoScale = true;
    bool m_dirty = false;
    // Set while this class changes axis ranges itself, so that only user changes stop autoscale.
    bool m_applyingRange = false;
};
