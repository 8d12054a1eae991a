#include "comparisongridview.h"

#include <QPainter>

#include <algorithm>

namespace {

constexpr int kMargin = 4;
constexpr int kGap = 8;

// Fits image into box keeping its aspect ratio, centred.
QRect fitted(const QSize &image, const QRect &box)
{
    const QSize size = image.scaled(box.size(), Qt::KeepAspectRatio);
    return QRect(box.x() + (box.width() - size.width()) / 2, box.y() + (box.height() - size.height()) / 2,
                 size.width(), size.height());
}

} // namespace

ComparisonGridView::ComparisonGridView(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ComparisonGridView::setTitle(const QString &title)
{
    m_title = title;
    setToolTip(title);
    update();
}

void ComparisonGridView::setColour(const QColor &colour)
{
    m_colour = colour;
    update();
}

void ComparisonGridView::setStatus(const QString &status)
{
    m_status = status;
    update();
}

void ComparisonGridView::setGrid(const QImage &grid, bool dimmed, const QString &note)
{
    m_grid = grid;
    m_dimmed = dimmed && !grid.isNull();
    m_note = note;
    update();
}

void ComparisonGridView::setRealSamples(const QImage &real)
{
    m_real = real;
    update();
}

void ComparisonGridView::setRealShown(bool shown)
{
    m_realShown = shown;
    update();
}

QRect ComparisonGridView::gridArea() const
{
    const int line = fontMetrics().height() + 6;
    // Title line above, status line below.
    return rect().adjusted(kMargin, kMargin + line, -kMargin, -kMargin - line);
}

QRect ComparisonGridView::gridRect() const
{
    const QRect area = gridArea();
    // With real samples: the generated grid takes two thirds, the real grid half its side.
    int side = m_realShown ? std::min(area.height(), (area.width() - kGap) * 2 / 3)
                           : std::min(area.width(), area.height());
    side = std::max(side, 1);
    const int total = m_realShown ? side + kGap + side / 2 : side;
    // Top-aligned, so that the title and the status stay next to the grid.
    return QRect(area.x() + (area.width() - total) / 2, area.y(), side, side);
}

QRect ComparisonGridView::realRect() const
{
    const QRect grid = gridRect();
    return QRect(grid.right() + 1 + kGap, grid.y(), grid.width() / 2, grid.width() / 2);
}

void ComparisonGridView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.height() + 6;

    const QRect box = gridRect();
    // Title and status line up with the grids (and the real samples) rather than the column.
    const int contentWidth = m_realShown ? realRect().right() - box.x() + 1 : box.width();
    // Title row: swatch and title in the run's colour, as in the plot's legend and the table.
    const QRect titleRow(box.x(), kMargin, contentWidth, line);
    p.fillRect(QRect(titleRow.x(), titleRow.center().y() - 6, 12, 12), m_colour);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().windowText().color());
    p.drawText(titleRow.adjusted(18, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
               QFontMetrics(bold).elidedText(m_title, Qt::ElideRight, titleRow.width() - 18));
    p.setFont(font());

    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    if (m_grid.isNull()) {
        p.fillRect(box, palette().alternateBase());
        p.setPen(palette().placeholderText().color());
        p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, tr("No samples yet"));
    } else {
        p.drawImage(fitted(m_grid.size(), box), m_grid);
        if (m_dimmed)
            p.fillRect(box, QColor(255, 255, 255, 150));
    }
    if (!m_note.isEmpty() && !m_grid.isNull()) {
        const QRect noteRect(box.x(), box.bottom() - line, box.width(), line);
        p.fillRect(noteRect, QColor(0, 0, 0, 170));
        p.setPen(Qt::white);
        p.drawText(noteRect, Qt::AlignCenter, metrics.elidedText(m_note, Qt::ElideRight, noteRect.width() - 4));
    }

    if (m_realShown) {
        const QRect real = realRect();
        if (m_real.isNull()) {
            p.fillRect(real, palette().alternateBase());
        } else {
            p.drawImage(fitted(m_real.size(), real), m_real);
        }
        p.setPen(palette().windowText().color());
        p.drawText(QRect(real.x(), real.bottom() + 2, real.width(), line), Qt::AlignHCenter | Qt::AlignTop,
                   m_real.isNull() ? tr("no real") : tr("real"));
    }

    p.setPen(palette().placeholderText().color());
    const QRect statusRow(box.x(), box.bottom() + 1, box.width(), line);
    p.drawText(statusRow, Qt::AlignVCenter | Qt::AlignLeft,
               metrics.elidedText(m_status, Qt::ElideRight, statusRow.width()));
}
