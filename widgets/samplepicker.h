#pragma once

#include <QImage>
#include <QVector>
#include <QWidget>

// A grid of sample images to choose from: a click marks a tile A, a right click (or Shift+click)
// marks it B; the two are framed and lettered. Tiles are enlarged crisply.
class SamplePicker : public QWidget
{
    Q_OBJECT

public:
    explicit SamplePicker(QWidget *parent = nullptr);

    void setImages(const QVector<QImage> &tiles, int columns);
    void setChosen(int a, int b);
    int chosenA() const { return m_a; }
    int chosenB() const { return m_b; }
    // The tile under a point (-1 for none), for tests and clicks.
    int tileAt(QPoint p) const;
    QRect tileRect(int i) const;

    QSize sizeHint() const override { return {360, 360}; }
    QSize minimumSizeHint() const override { return {200, 200}; }

Q_SIGNALS:
    void chosen(int a, int b);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QVector<QImage> m_tiles;
    int m_columns = 4;
    int m_a = -1, m_b = -1;
};
