#pragma once

#include <QImage>
#include <QWidget>

// The 4x4 grid of the latest epoch, enlarged by whole multiples with nearest neighbour so that
// pixels stay crisp, centred, with the epoch number under it.
class SampleGridView : public QWidget
{
    Q_OBJECT

public:
    explicit SampleGridView(QWidget *parent = nullptr);

    void setGrid(const QImage &grid, int epoch);
    // A grid in the middle of an epoch, after a single step: the caption says so.
    void setStepGrid(const QImage &grid, int epoch, qint64 step);
    // Real training images before a run starts: shown with `caption` instead of an epoch.
    void setRealSamples(const QImage &grid, const QString &caption);
    QImage grid() const { return m_grid; }
    QString caption() const;
    int epoch() const { return m_epoch; }
    QSize sizeHint() const override { return {360, 380}; }

Q_SIGNALS:
    // Another grid or caption is on show.
    void changed();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QImage m_grid;
    int m_epoch = 0;
    QString m_caption; // set for real samples
};
