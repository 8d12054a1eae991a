#include "comparisoncomposer.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>

QImage ComparisonComposer::compose(const QVector<Cell> &cells, int side, const QString &caption)
{
    side = std::max(side, 16);
    // Text scales with the grids but stays readable on small ones; pixel sizes, so that the
    // result does not depend on the screen's DPI.
    QFont font;
    font.setPixelSize(std::clamp(side / 16, 11, 28));
    font.setBold(true);
    const QFontMetrics metrics(font);
    const int margin = std::max(8, side / 24);
    const int gap = margin;
    const int strip = metrics.height() + margin / 2 + 4;
    const int footer = metrics.height() + margin;
    const int columns = std::max<int>(1, cells.size());

    QImage image(2 * margin + columns * side + (columns - 1) * gap, margin + strip + side + footer + margin / 2,
                 QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setFont(font);
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);

    for (int c = 0; c < columns; ++c) {
        const int x = margin + c * (side + gap);
        const QRect box(x, margin + strip, side, side);
        const Cell cell = c < cells.size() ? cells[c] : Cell{};

        const QRect stripRect(x, margin, side, strip);
        const QColor colour = cell.colour.isValid() ? cell.colour : QColor(120, 120, 120);
        p.fillRect(stripRect, colour);
        p.setPen(textColourOn(colour));
        p.drawText(stripRect.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft,
                   metrics.elidedText(cell.title, Qt::ElideRight, stripRect.width() - 12));

        p.fillRect(box, QColor(235, 235, 235));
        if (cell.image.isNull()) {
            p.setPen(QColor(110, 110, 110));
            p.drawText(box.adjusted(4, 0, -4, 0), Qt::AlignCenter | Qt::TextWordWrap,
                       cell.placeholder.isEmpty()
                           ? QCoreApplication::translate("ComparisonComposer", "No samples yet")
                           : cell.placeholder);
        } else {
            // Scaled here rather than by the painter so that it is nearest neighbour for sure.
            const QImage scaled = cell.image.scaled(side, side, Qt::KeepAspectRatio, Qt::FastTransformation);
            p.drawImage(QPoint(x + (side - scaled.width()) / 2, box.y() + (side - scaled.height()) / 2), scaled);
            if (cell.dimmed)
                p.fillRect(box, QColor(255, 255, 255, 150));
        }
        if (!cell.note.isEmpty() && !cell.image.isNull()) {
            const QRect noteRect(x, box.bottom() + 1 - strip, side, strip);
            p.fillRect(noteRect, QColor(0, 0, 0, 170));
            p.setPen(Qt::white);
            p.drawText(noteRect, Qt::AlignCenter, metrics.elidedText(cell.note, Qt::ElideRight, side - 8));
        }
    }

    p.setPen(QColor(40, 40, 40));
    p.drawText(QRect(0, margin + strip + side, image.width(), footer), Qt::AlignCenter, caption);
    p.end();
    return image.convertToFormat(QImage::Format_RGB888);
}

QImage ComparisonComposer::stack(const QVector<QImage> &parts, int margin)
{
    int width = 0, height = margin;
    for (const QImage &part : parts) {
        if (part.isNull())
            continue;
        width = std::max(width, part.width());
        height += part.height() + margin;
    }
    QImage image(width + 2 * margin, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    int y = margin;
    for (const QImage &part : parts) {
        if (part.isNull())
            continue;
        p.drawImage((image.width() - part.width()) / 2, y, part);
        y += part.height() + margin;
    }
    return image;
}

QColor ComparisonComposer::textColourOn(const QColor &background)
{
    // Relative luminance with the sRGB weights; the orange of the palette takes black text.
    const double luminance = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.5 ? QColor(Qt::black) : QColor(Qt::white);
}
