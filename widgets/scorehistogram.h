#pragma once

#include <QVector>
#include <QWidget>

// D's verdicts on a batch as two histograms on one axis: real images in green, fakes in purple;
// optionally the verdicts after an update drawn over them as outlines. With probabilities the
// axis runs 0 ("fake") to 1 ("real"); raw scores get the range of the values.
class ScoreHistogram : public QWidget
{
    Q_OBJECT

public:
    explicit ScoreHistogram(QWidget *parent = nullptr);

    void setScores(const QVector<double> &real, const QVector<double> &fake, bool probability);
    // The same batch after an update (empty: none).
    void setScoresAfter(const QVector<double> &real, const QVector<double> &fake);
    void clear();
    // Counts per bin (for tests): `bins` equal bins over the axis.
    static QVector<int> histogram(const QVector<double> &values, double low, double high, int bins);

    QSize sizeHint() const override { return {420, 170}; }
    QSize minimumSizeHint() const override { return {260, 120}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QVector<double> m_real, m_fake, m_realAfter, m_fakeAfter;
    bool m_probability = true;
};
