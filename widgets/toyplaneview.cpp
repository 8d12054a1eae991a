#include "toyplaneview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

const QColor kReal(0x1b, 0x9e, 0x4b);     // green: real, and where D says "real"
const QColor kFake(0x8e, 0x3b, 0xb5);     // purple: fake, and where D says "fake"
const QColor kNeutral(0xf4, 0xf4, 0xf4);  // D undecided
const QColor kDrawn(0x1f, 0x4e, 0x9c);    // points drawn by hand
const QColor kManifold(0xe0, 0x7b, 0x00); // G's manifold
const QColor kArrow(0x30, 0x30, 0x30);

QColor mix(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

ToyPlaneView::ToyPlaneView(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QColor ToyPlaneView::verdictColour(double p)
{
    return p < 0.5 ? mix(kFake, kNeutral, p * 2) : mix(kNeutral, kReal, (p - 0.5) * 2);
}

void ToyPlaneView::setLayerVisible(Layer layer, bool visible)
{
    m_layers = visible ? (m_layers | layer) : (m_layers & ~layer);
    update();
}

void ToyPlaneView::setLayers(int layers)
{
    m_layers = layers;
    update();
}

void ToyPlaneView::setExtent(double extent)
{
    m_extent = extent > 0 ? extent : 1.0;
    update();
}

void ToyPlaneView::setPoints(const QVector<QPointF> &real, const QVector<QPointF> &fake)
{
    m_real = real;
    m_fake = fake;
    update();
}

void ToyPlaneView::setDecisionMap(const QVector<float> &values, int side, bool probability)
{
    if (side <= 0 || values.size() != side * side) {
        m_map = QImage();
        update();
        return;
    }
    float scale = 1;
    if (!probability) {
        float most = 0;
        for (float v : values)
            most = std::max(most, std::abs(v));
        scale = most > 0 ? most : 1;
    }
    QImage image(side, side, QImage::Format_RGB32);
    for (int y = 0; y < side; ++y) {
        auto *row = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < side; ++x) {
            const float v = values[y * side + x];
            const double p = probability ? v : 0.5 + 0.5 * v / scale;
            row[x] = verdictColour(p).rgb();
        }
    }
    m_map = image;
    update();
}

void ToyPlaneView::setGradients(const QVector<QPointF> &from, const QVector<QPointF> &by)
{
    m_from = from;
    m_by = by.size() == from.size() ? by : QVector<QPointF>();
    update();
}

void ToyPlaneView::setManifold(const QVector<QPointF> &points, int side)
{
    m_manifoldSide = side > 0 && points.size() == side * side ? side : 0;
    m_manifold = m_manifoldSide ? points : QVector<QPointF>();
    update();
}

void ToyPlaneView::clear()
{
    m_real.clear(), m_fake.clear(), m_from.clear(), m_by.clear(), m_manifold.clear();
    m_manifoldSide = 0;
    m_map = QImage();
    update();
}

void ToyPlaneView::setDrawing(bool drawing)
{
    m_drawing = drawing;
    setCursor(drawing ? Qt::CrossCursor : Qt::ArrowCursor);
    update();
}

void ToyPlaneView::setDrawnPoints(const QVector<QPointF> &points)
{
    m_drawn = points;
    update();
    Q_EMIT drawnChanged(int(m_drawn.size()));
}

QRectF ToyPlaneView::plane() const
{
    const double side = std::max(10, std::min(width(), height()) - 8);
    return QRectF((width() - side) / 2.0, (height() - side) / 2.0, side, side);
}

QPointF ToyPlaneView::toScreen(QPointF p) const
{
    const QRectF r = plane();
    return {r.left() + (p.x() + m_extent) / (2 * m_extent) * r.width(),
            r.top() + (m_extent - p.y()) / (2 * m_extent) * r.height()};
}

QPointF ToyPlaneView::toPlane(QPointF s) const
{
    const QRectF r = plane();
    return {(s.x() - r.left()) / r.width() * 2 * m_extent - m_extent,
            m_extent - (s.y() - r.top()) / r.height() * 2 * m_extent};
}

void ToyPlaneView::paintEvent(QPaintEvent *)
{
    ++m_paints;
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const QRectF r = plane();
    if ((m_layers & DecisionMap) && !m_map.isNull()) {
        p.setRenderHint(QPainter::SmoothPixmapTransform, true);
        p.drawImage(r, m_map);
    } else {
        p.fillRect(r, Qt::white);
    }
    p.setRenderHint(QPainter::Antialiasing, true);
    // Light axes through the origin.
    p.setPen(QPen(QColor(0, 0, 0, 40), 1));
    p.drawLine(toScreen({-m_extent, 0}), toScreen({m_extent, 0}));
    p.drawLine(toScreen({0, -m_extent}), toScreen({0, m_extent}));
    p.setClipRect(r);

    const double unit = r.width() / 200.0; // a little more than a pixel at 640 px
    if ((m_layers & Manifold) && m_manifoldSide > 1) {
        p.setPen(QPen(QColor(kManifold.red(), kManifold.green(), kManifold.blue(), 150), std::max(1.0, unit * 0.5)));
        const int n = m_manifoldSide;
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) {
                const QPointF a = toScreen(m_manifold[i * n + j]);
                if (j + 1 < n)
                    p.drawLine(a, toScreen(m_manifold[i * n + j + 1]));
                if (i + 1 < n)
                    p.drawLine(a, toScreen(m_manifold[(i + 1) * n + j]));
            }
    }
    const double radius = std::max(2.0, unit * 1.1);
    auto dots = [&](const QVector<QPointF> &points, const QColor &fill) {
        p.setPen(QPen(fill.darker(150), std::max(0.8, unit * 0.3)));
        p.setBrush(fill);
        for (const QPointF &pt : points)
            p.drawEllipse(toScreen(pt), radius, radius);
    };
    if (m_layers & RealPoints)
        dots(m_real, kReal);
    if (m_layers & FakePoints)
        dots(m_fake, kFake);
    if ((m_layers & Gradients) && !m_by.isEmpty()) {
        // Lengths in proportion, the 80th percentile a twentieth of the plane, none longer than
        // a tenth: a few stragglers with large gradients do not shrink every other arrow away.
        std::vector<double> lengths;
        for (const QPointF &g : m_by)
            lengths.push_back(std::hypot(g.x(), g.y()));
        std::sort(lengths.begin(), lengths.end());
        const double typical = lengths[std::min(lengths.size() - 1, lengths.size() * 4 / 5)];
        if (typical > 0) {
            const double scale = 0.05 * 2 * m_extent / typical, cap = 0.1 * 2 * m_extent;
            p.setPen(QPen(kArrow, std::max(1.0, unit * 0.45)));
            p.setBrush(kArrow);
            for (int i = 0; i < m_from.size(); ++i) {
                QPointF by = m_by[i] * scale;
                const double planeLength = std::hypot(by.x(), by.y());
                if (planeLength > cap)
                    by *= cap / planeLength;
                const QPointF a = toScreen(m_from[i]), b = toScreen(m_from[i] + by);
                const QPointF d = b - a;
                const double len = std::hypot(d.x(), d.y());
                if (len < 1)
                    continue;
                p.drawLine(a, b);
                const QPointF u = d / len, n(-u.y(), u.x());
                const double head = std::min(len * 0.4, unit * 3.5);
                QPainterPath tip;
                tip.moveTo(b);
                tip.lineTo(b - u * head + n * head * 0.5);
                tip.lineTo(b - u * head - n * head * 0.5);
                tip.closeSubpath();
                p.drawPath(tip);
            }
        }
    }
    if (!m_drawn.isEmpty() && (m_drawing || m_real.isEmpty()))
        dots(m_drawn, kDrawn);
    p.setClipping(false);
    p.setPen(QPen(QColor(0, 0, 0, 90), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
}

void ToyPlaneView::addDrawn(QPointF screen)
{
    const QPointF pt = toPlane(screen);
    if (std::abs(pt.x()) > m_extent || std::abs(pt.y()) > m_extent)
        return;
    // A stroke becomes points about 0.03 apart, however fast the mouse moves.
    if (!m_drawn.isEmpty()) {
        const QPointF last = m_drawn.last();
        const double gap = std::hypot(pt.x() - last.x(), pt.y() - last.y());
        if (gap < 0.03)
            return;
    }
    m_drawn.append(pt);
    update();
    Q_EMIT drawnChanged(int(m_drawn.size()));
}

void ToyPlaneView::mousePressEvent(QMouseEvent *event)
{
    if (m_drawing && event->button() == Qt::LeftButton)
        addDrawn(event->position());
    QWidget::mousePressEvent(event);
}

void ToyPlaneView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drawing && (event->buttons() & Qt::LeftButton))
        addDrawn(event->position());
    QWidget::mouseMoveEvent(event);
}
