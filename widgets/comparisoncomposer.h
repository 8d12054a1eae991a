#pragma once

#include <QColor>
#include <QImage>
#include <QString>
#include <QVector>

// Draws the comparison's grids side by side into one image, for the GIF frames and the PNG
// snapshot. Kept apart from the widgets so that export never depends on on-screen sizes.
class ComparisonComposer
{
public:
    struct Cell
    {
        QString title;
        QColor colour;
        QImage image;       // null: a placeholder is drawn
        bool dimmed = false;
        QString note;       // drawn over the image when not empty
        QString placeholder; // drawn when image is null; "No samples yet" when empty
    };

    // Each cell's image scaled by nearest neighbour into a side x side square under a title
    // strip in its colour, with caption centred under all of them. The result's size depends
    // only on the number of cells and side, so every frame of a GIF comes out the same size.
    // Format_RGB888; at least one (placeholder) column when cells is empty.
    static QImage compose(const QVector<Cell> &cells, int side, const QString &caption);

    // parts one under the other, each centred, on white with margin around and between them;
    // null parts are left out.
    static QImage stack(const QVector<QImage> &parts, int margin);

    // Black or white, whichever reads better on background.
    static QColor textColourOn(const QColor &background);
};
