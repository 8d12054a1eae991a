#pragma once

#include <QImage>
#include <QVector>
#include <QWidget>

// A row of images (one strip of `count` tiles, as the engine tiles them) enlarged crisply, with
// D's verdict written under each, and where given the verdict after an update beside it
// ("0.31 → 0.12"), coloured green for "real", purple for "fake".
class ScoredImageStrip : public QWidget
{
    Q_OBJECT

public:
    explicit ScoredImageStrip(QWidget *parent = nullptr);

    void setImages(const QImage &strip, int count);
    void setScores(const QVector<double> &scores, const QVector<double> &after, bool probability);
    void clear();
    QImage strip() const { return m_strip; }
    // The text under tile i ("" without a score).
    QString scoreText(int i) const;

    QSize sizeHint() const override { return {640, 150}; }
    QSize minimumSizeHint() const override { return {320, 90}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QImage m_strip;
    int m_count = 0;
    QVector<double> m_scores, m_after;
    bool m_probability = true;
};
