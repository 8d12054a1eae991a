#pragma once

#include <QVector>
#include <QWidget>

class QCPAxis;
class QCustomPlot;
class QLayout;
class QPushButton;
class QTimer;

// What LossPlot and ComparisonPlot share: the subclass keeps the raw values and its graphs hold
// only a decimated copy of the visible range, rebuilt lazily just before a replot (and at most
// every few tens of milliseconds while data stream in); the axes follow the data until the user
// zooms or pans, and fit() makes them follow again.
class CurvePlot : public QWidget
{
    Q_OBJECT

public:
    explicit CurvePlot(QWidget *parent = nullptr);

    // True while the axes follow the data; a user zoom or pan turns it off, fit() back on.
    bool isAutoScaling() const { return m_autoScale; }
    QCustomPlot *customPlot() const { return m_plot; }

public Q_SLOTS:
    // Show all data and follow new data again.
    void fit();
    // Rebuild the drawn data now and repaint (normally this happens lazily).
    void refresh();

protected:
    // While one lives, axis range changes are this class's own and do not stop autoscaling.
    class OwnRangeChange
    {
    public:
        explicit OwnRangeChange(CurvePlot *plot) : m_owner(plot) { m_owner->m_applyingRange = true; }
        ~OwnRangeChange() { m_owner->m_applyingRange = false; }
        OwnRangeChange(const OwnRangeChange &) = delete;
        OwnRangeChange &operator=(const OwnRangeChange &) = delete;

    private:
        CurvePlot *m_owner;
    };

    // Fill the graphs from the raw data (visibleRows says which rows matter).
    virtual void rebuildData() = 0;
    // Set the axes to the drawn data; called after a rebuild while autoscaling.
    virtual void applyAutoRange() = 0;

    // The "Fit" button under the plot, wired to fit().
    QPushButton *createFitButton(const QString &toolTip);
    void addBelowPlot(QLayout *layout);
    void addBelowPlot(QWidget *widget);

    // New raw data: rebuild soon, but not more often than the rebuild interval.
    void scheduleRebuild();
    // The drawn data are stale: the next replot rebuilds them.
    void markDirty() { m_dirty = true; }
    // markDirty() and queue that replot.
    void invalidate();
    // Rebuild the drawn data at once, without a replot (for rendering off screen).
    void rebuildNow();
    // [first, last) of the rows of x worth drawing: all of them, unless zoomed in on sorted x,
    // then the visible ones plus one neighbour each side so that the lines run to the edges.
    void visibleRows(const QVector<double> &x, bool sorted, int *first, int *last) const;
    // Pad the value axis by 5% of its span (a factor on a log axis) so no curve sits on an edge.
    void padValueAxis();
    static void padAxis(QCPAxis *axis);
    // Another axis whose user changes (a drag, a zoom in a second pane) stop the autoscaling.
    void watchAxis(QCPAxis *axis, bool keyAxis);

private:
    void rebuildGraphs();
    void onRangeChanged(bool keyAxis);

    QCustomPlot *m_plot;
    QTimer *m_rebuildTimer;
    bool m_autoScale = true;
    bool m_dirty = false;
    // Set while this class changes axis ranges itself, so that only user changes stop autoscale.
    bool m_applyingRange = false;
};
