#pragma once

#include "curveplot.h"

#include <QColor>
#include <QString>
#include <QVector>

class QCPGraph;
class QCheckBox;
class QComboBox;
class QSlider;
class QLabel;
class QCPItemStraightLine;

// The loss curves of several runs overlaid in one plot: per run G loss solid and D loss dashed
// in the run's colour. The x axis is a fractional epoch, so runs over datasets of different
// sizes line up. As in LossPlot, raw values stay here and the graphs hold a decimated copy that
// CurvePlot has rebuilt lazily just before a replot.
class ComparisonPlot : public CurvePlot
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

    // The quality score (FD) of a run after an epoch. Shown instead of the losses when the
    // plot shows scores (the choice under the plot).
    void addScore(int run, int epoch, double fd);
    int scoreCount(int run) const;
    enum class Curves { Losses, Scores };
    void setCurves(Curves curves);
    Curves curves() const { return m_curves; }

    // TensorBoard-style smoothing of the loss curves, 0 (raw) to 0.99, and a log value axis.
    void setSmoothing(double factor);
    double smoothing() const { return m_smoothing; }
    void setLogScale(bool on);
    bool isLogScale() const;

    // Where the vertical epoch marker stands; hidden for epoch < 1.
    void setMarkerEpoch(int epoch);

    QCPGraph *gGraph(int run) const;
    QCPGraph *dGraph(int run) const;
    QCPGraph *scoreGraph(int run) const;

    // The plot as an image of the given size, with fresh drawn data.
    QPixmap render(int width, int height);

protected:
    void rebuildData() override;
    void applyAutoRange() override;

private:
    void updateNames();
    bool compactLegend() const;

    struct Run
    {
        QString title;
        QCPGraph *g = nullptr;
        QCPGraph *d = nullptr;
        QCPGraph *fd = nullptr;
        QVector<double> scoreEpochs, scores;
        QVector<double> x;
        QVector<double> dLoss;
        QVector<double> gLoss;
        bool sorted = true;
    };

    void updateCurves();

    QCPItemStraightLine *m_marker;
    QComboBox *m_curvesBox;
    QLabel *m_hint;
    Curves m_curves = Curves::Losses;
    QSlider *m_smoothingSlider;
    QCheckBox *m_logScale;
    double m_smoothing = 0;
    QVector<Run> m_runs;
    int m_markerEpoch = 0;
};
