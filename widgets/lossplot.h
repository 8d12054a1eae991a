#pragma once

#include <QVector>
#include <QWidget>

class QCustomPlot;

// Live curves of D loss, G loss, mean D(x) and mean D(G(z)) against the training step.
class LossPlot : public QWidget
{
    Q_OBJECT

public:
    explicit LossPlot(QWidget *parent = nullptr);

    // One logged row: step and the four values; the plot replots at most at the screen's pace.
    void addPoint(double step, double dLoss, double gLoss, double dReal, double dFake);
    void markEpoch(double step);
    void clear();
    int pointCount() const;

private:
    QCustomPlot *m_plot;
};
