#pragma once

#include "curveplot.h"

#include <QString>
#include <QVector>

class QCheckBox;
class QCPAbstractLegendItem;
class QCPAxisRect;
class QCPGraph;
class QCPLegend;
class QLabel;
class QMouseEvent;
class QPen;
class QSlider;

// Live curves against the training step in two panes that share the step axis: D loss and G loss
// above (with the quality score, FD, after each epoch on an axis of its own at the right), and
// D's mean output on real images, D(x), and on generated ones, D(G(z)), below: a probability
// from 0 to 1 with the bce loss, a score on its own scale with the others.
//
// All raw values are kept here; the QCPGraphs only ever hold a decimated copy of the visible
// range (a few thousand points per series), rebuilt lazily by CurvePlot, so runs with hundreds
// of thousands of logged steps stay responsive.
class LossPlot : public CurvePlot
{
    Q_OBJECT

public:
    // Indices of the four series, in the order addPoint takes them.
    enum Series { DLoss = 0, GLoss = 1, DReal = 2, DFake = 3, SeriesCount = 4 };

    explicit LossPlot(QWidget *parent = nullptr);

    // One logged row: step and the four values; the plot replots at most at the screen's pace.
    void addPoint(double step, double dLoss, double gLoss, double dReal, double dFake);
    void markEpoch(double step);
    // A quality score after an epoch, drawn on its own axis at the right (FD; lower is better).
    void addScore(double step, int epoch, double fd, double kid, double precision, double recall);
    int scoreCount() const { return m_scoreSteps.size(); }
    bool isScoreVisible() const;
    // A run event at a step (a rollback after a divergence): a red line with its label on top.
    void markEvent(double step, const QString &label);
    int eventCount() const { return m_eventCount; }
    void clear();
    // Number of raw rows added since construction or clear().
    int pointCount() const;

    void setSeriesVisible(int index, bool visible);
    bool isSeriesVisible(int index) const;

    // Exponential moving average factor in [0, 0.999], as TensorBoard's smoothing slider.
    void setSmoothing(double factor);
    double smoothing() const { return m_smoothing; }
    // The debiased EMA of series at row index (NaN where the raw value was not finite).
    double smoothedValue(int series, int index) const;

    // Whether D(x) and D(G(z)) are probabilities (the bce loss): the lower pane then shows 0 to 1.
    void setProbabilityOutputs(bool probabilities);
    bool hasProbabilityOutputs() const { return m_probabilities; }
    // The lower pane, of D(x) and D(G(z)).
    QCPAxisRect *outputPane() const { return m_outputRect; }

    // A log scale for the losses (the upper pane).
    void setLogScale(bool on);
    bool isLogScale() const;

    // "step N: D loss x, G loss y, D(x) z, D(G(z)) w" for the logged row nearest to step.
    QString readoutAt(double step) const;

    bool exportPng(const QString &fileName, int width, int height);
    bool exportPdf(const QString &fileName);

    // Data points handed to QCustomPlot for a series (faint raw graph plus solid smoothed one).
    int drawnPointCount(int series) const;

protected:
    void rebuildData() override;
    void applyAutoRange() override;

private:
    double smoothNext(int series, double value);
    void recomputeSmoothing();
    void updateGraphVisibility();
    void onLegendClick(QCPLegend *legend, QCPAbstractLegendItem *item, QMouseEvent *event);
    void onMouseMove(QMouseEvent *event);
    int nearestIndex(double step) const;
    void addVerticalLine(double step, const QPen &pen);
    void syncSteps(QCPAxis *from, QCPAxis *to);

    QSlider *m_smoothingSlider;
    QLabel *m_smoothingLabel;
    QCheckBox *m_logScaleBox;
    QLabel *m_readout;

    QCPAxisRect *m_outputRect;
    bool m_probabilities = true;
    QCPGraph *m_scoreGraph;
    QVector<double> m_scoreSteps, m_scoreEpochs, m_fd, m_kid, m_precision, m_recall;
    bool m_scoreShown = true;
    int m_eventCount = 0;

    QCPGraph *m_rawGraph[SeriesCount];
    QCPGraph *m_smoothGraph[SeriesCount];
    bool m_visible[SeriesCount];

    QVector<double> m_steps;
    QVector<double> m_raw[SeriesCount];
    QVector<double> m_smooth[SeriesCount];
    // Running EMA state: the biased average and the weight w^k of its zero start.
    double m_emaLast[SeriesCount];
    double m_emaWeight[SeriesCount];

    double m_smoothing = 0.6;
    bool m_sorted = true;
};
