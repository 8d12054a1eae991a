#include "samplegridview.h"

#include <QPainter>

SampleGridView::SampleGridView(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(200, 220);
}

void SampleGridView::setGrid(const QImage &grid, int epoch)
{
    m_grid = grid;
    m_epoch = epoch;
    update();
}

void SampleGridView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const int captionHeight = fontMetrics().height() + 6;
    if (m_grid.isNull()) {
        p.drawText(rect(), Qt::AlignCenter, tr("Samples appear after the first epoch"));
        return;
    }
    const QRect area = rect().adjusted(4, 4, -4, -4 - captionHeight);
    const int scale = std::max(1, std::min(area.width() / m_grid.width(), area.height() / m_grid.height()));
    const QSize size = m_grid.size() * scale;
    const QRect target(area.x() + (area.width() - size.width()) / 2, area.y() + (area.height() - size.height()) / 2,
                       size.width(), size.height());
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(target, m_grid);
    p.drawText(QRect(0, target.bottom() + 4, width(), captionHeight), Qt::AlignHCenter | Qt::AlignTop,
               tr("Epoch %1").arg(m_epoch));
}
