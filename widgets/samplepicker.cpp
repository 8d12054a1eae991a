#include "samplepicker.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

SamplePicker::SamplePicker(QWidget *parent) : QWidget(parent)
{
    setCursor(Qt::PointingHandCursor);
}

void SamplePicker::setImages(const QVector<QImage> &tiles, int columns)
{
    m_tiles = tiles;
    m_columns = std::max(1, columns);
    update();
}

void SamplePicker::setChosen(int a, int b)
{
    m_a = a;
    m_b = b;
    update();
}

QRect SamplePicker::tileRect(int i) const
{
    if (m_tiles.isEmpty() || i < 0 || i >= m_tiles.size())
        return {};
    const int rows = (int(m_tiles.size()) + m_columns - 1) / m_columns;
    const int cell = std::max(8, std::min(width() / m_columns, height() / rows));
    const int x0 = (width() - cell * m_columns) / 2, y0 = (height() - cell * rows) / 2;
    return QRect(x0 + (i % m_columns) * cell, y0 + (i / m_columns) * cell, cell, cell).adjusted(3, 3, -3, -3);
}

int SamplePicker::tileAt(QPoint p) const
{
    for (int i = 0; i < m_tiles.size(); ++i)
        if (tileRect(i).contains(p))
            return i;
    return -1;
}

void SamplePicker::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    for (int i = 0; i < m_tiles.size(); ++i) {
        const QRect r = tileRect(i);
        // Whole-number enlargement inside the cell.
        const QImage &t = m_tiles[i];
        const int s = std::max(1, std::min(r.width() / std::max(1, t.width()), r.height() / std::max(1, t.height())));
        const QSize size = t.size() * s;
        const QRect target(r.x() + (r.width() - size.width()) / 2, r.y() + (r.height() - size.height()) / 2,
                           size.width(), size.height());
        p.drawImage(target, t);
        const bool isA = i == m_a, isB = i == m_b;
        if (isA || isB) {
            const QColor c = isA ? QColor(0x1f, 0x77, 0xd0) : QColor(0xe0, 0x7b, 0x00);
            p.setPen(QPen(c, 3));
            p.setBrush(Qt::NoBrush);
            p.drawRect(target.adjusted(-2, -2, 1, 1));
            const QRect badge(target.x(), target.y(), 20, 20);
            p.fillRect(badge, c);
            p.setPen(Qt::white);
            p.drawText(badge, Qt::AlignCenter, isA ? QStringLiteral("A") : QStringLiteral("B"));
        }
    }
}

void SamplePicker::mousePressEvent(QMouseEvent *event)
{
    const int i = tileAt(event->position().toPoint());
    if (i < 0)
        return;
    const bool b = event->button() == Qt::RightButton || (event->modifiers() & Qt::ShiftModifier);
    if (b)
        m_b = i;
    else
        m_a = i;
    update();
    Q_EMIT chosen(m_a, m_b);
}
