#include "scoredimagestrip.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

ScoredImageStrip::ScoredImageStrip(QWidget *parent) : QWidget(parent) {}

void ScoredImageStrip::setImages(const QImage &strip, int count)
{
    m_strip = strip;
    m_count = count;
    m_scores.clear();
    m_after.clear();
    update();
}

void ScoredImageStrip::setScores(const QVector<double> &scores, const QVector<double> &after, bool probability)
{
    m_scores = scores;
    m_after = after;
    m_probability = probability;
    update();
}

void ScoredImageStrip::clear()
{
    m_strip = QImage();
    m_count = 0;
    m_scores.clear();
    m_after.clear();
    update();
}

QString ScoredImageStrip::scoreText(int i) const
{
    if (i < 0 || i >= m_scores.size() || i >= m_count)
        return {};
    const auto f = [](double v) { return std::isfinite(v) ? QString::number(v, 'f', 2) : QStringLiteral("–"); };
    return i < m_after.size() ? f(m_scores[i]) + QStringLiteral(" → ") + f(m_after[i]) : f(m_scores[i]);
}

void ScoredImageStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    if (m_strip.isNull() || m_count <= 0)
        return;
    const int text = fontMetrics().height() + 4;
    const QRect area = rect().adjusted(2, 2, -2, -2 - (m_scores.isEmpty() ? 0 : text));
    const int scale = std::max(1, std::min(area.width() / m_strip.width(), area.height() / m_strip.height()));
    const QSize size = m_strip.size() * scale;
    const QRect target(area.x() + (area.width() - size.width()) / 2, area.y(), size.width(), size.height());
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(target, m_strip);
    if (m_scores.isEmpty())
        return;
    const double tile = target.width() / double(m_count);
    for (int i = 0; i < m_count && i < m_scores.size(); ++i) {
        // Colour by the latest verdict: green when D says real, purple when it says fake.
        const double v = i < m_after.size() ? m_after[i] : m_scores[i];
        const bool real = m_probability ? v >= 0.5 : v >= 0;
        p.setPen(real ? QColor(0x1b, 0x7e, 0x3b) : QColor(0x7e, 0x2b, 0xa5));
        p.drawText(QRectF(target.left() + i * tile, target.bottom() + 2, tile, text), Qt::AlignHCenter | Qt::AlignTop,
                   scoreText(i));
    }
}
