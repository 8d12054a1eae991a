#pragma once

#include <QImage>
#include <QPointF>
#include <QVector>
#include <QWidget>

// The 2-D lab's plane (after GAN Lab): layers drawn over [-extent, extent]^2 — D's verdict as a
// heatmap (green where D says "real", purple where it says "fake"), G's manifold (its image of
// a regular grid of noise), the real points (green), the fakes (purple) and arrows showing
// where G's next update moves a subset of the fakes. In drawing mode the mouse draws the
// points of a shape of one's own.
class ToyPlaneView : public QWidget
{
    Q_OBJECT

public:
    enum Layer { RealPoints = 1, FakePoints = 2, DecisionMap = 4, Gradients = 8, Manifold = 16 };

    explicit ToyPlaneView(QWidget *parent = nullptr);

    void setLayerVisible(Layer layer, bool visible);
    bool isLayerVisible(Layer layer) const { return m_layers & layer; }
    // All layers at once, as Layer flags or-ed together.
    int layers() const { return m_layers; }
    void setLayers(int layers);
    void setExtent(double extent);
    double extent() const { return m_extent; }

    void setPoints(const QVector<QPointF> &real, const QVector<QPointF> &fake);
    // side x side values, row 0 at the top: a probability when `probability`, else a raw score
    // (coloured by sign, scaled by the largest magnitude).
    void setDecisionMap(const QVector<float> &values, int side, bool probability);
    void setGradients(const QVector<QPointF> &from, const QVector<QPointF> &by);
    void setManifold(const QVector<QPointF> &points, int side);
    // Everything above at once, then one repaint.
    void clear();

    void setDrawing(bool drawing);
    bool isDrawing() const { return m_drawing; }
    QVector<QPointF> drawnPoints() const { return m_drawn; }
    void setDrawnPoints(const QVector<QPointF> &points);

    // How many times the plane was painted (the window shows the rate).
    qint64 paintCount() const { return m_paints; }
    // The colour of D's verdict `p` (0 = fake, 1 = real), as the heatmap draws it.
    static QColor verdictColour(double p);

    QSize sizeHint() const override { return {640, 640}; }
    QSize minimumSizeHint() const override { return {320, 320}; }

Q_SIGNALS:
    void drawnChanged(int points);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QRectF plane() const;
    QPointF toScreen(QPointF p) const;
    QPointF toPlane(QPointF screen) const;
    void addDrawn(QPointF screen);

    int m_layers = RealPoints | FakePoints | DecisionMap | Gradients;
    double m_extent = 1.6;
    QVector<QPointF> m_real, m_fake, m_from, m_by, m_manifold, m_drawn;
    int m_manifoldSide = 0;
    QImage m_map;
    bool m_drawing = false;
    qint64 m_paints = 0;
};
