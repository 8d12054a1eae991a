#pragma once

#include <QColor>
#include <QImage>
#include <QString>
#include <QWidget>

// One run's column in the comparison: a colour swatch and the title, the generated 4x4 grid
// scaled by nearest neighbour to fill the square it is given (so 28-px and 32-px grids of
// different runs come out the same size on screen), optionally the real samples beside it,
// and the run's status under it. A grid from an earlier epoch is drawn dimmed with a note.
class ComparisonGridView : public QWidget
{
    Q_OBJECT

public:
    explicit ComparisonGridView(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QString title() const { return m_title; }
    void setColour(const QColor &colour);
    QColor colour() const { return m_colour; }
    void setStatus(const QString &status);
    QString status() const { return m_status; }

    // grid may be null (placeholder); note is drawn over a dimmed grid when not empty.
    void setGrid(const QImage &grid, bool dimmed, const QString &note);
    QImage grid() const { return m_grid; }
    bool isDimmed() const { return m_dimmed; }
    QString note() const { return m_note; }

    void setRealSamples(const QImage &real);
    QImage realSamples() const { return m_real; }
    // Reserves room for real samples beside the grid (all columns alike, so grids stay equal).
    void setRealShown(bool shown);

    // Where the generated grid is drawn at the current size.
    QRect gridRect() const;
    QSize sizeHint() const override { return {280, 320}; }
    QSize minimumSizeHint() const override { return {140, 180}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QRect gridArea() const;
    QRect realRect() const;

    QString m_title;
    QColor m_colour;
    QString m_status;
    QImage m_grid;
    bool m_dimmed = false;
    QString m_note;
    QImage m_real;
    bool m_realShown = false;
};
