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
    m_caption.clear();
    update();
    Q_EMIT changed();
}

void SampleGridView::setStepGrid(const QImage &grid, int epoch, qint64 step)
{
    setGrid(grid, epoch);
    m_caption = tr("Epoch %1, after step %2").arg(epoch).arg(step);
    update();
    Q_EMIT changed();
}

void SampleGridView::setRealSamples(const QImage &grid, const QString &caption)
{
    m_grid = grid;
    m_epoch = 0;
    m_caption = caption;
    update();
    Q_EMIT changed();
}

QString SampleGridView::caption() const
{
    return m_caption.isEmpty() ? tr("Epoch %1").arg(m_epoch) : m_caption;
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
               caption());
}
