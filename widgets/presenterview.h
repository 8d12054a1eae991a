#pragma once

#include <QImage>
#include <QList>
#include <QPair>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;

// What a class sees on the projector: the 4x4 grid as large as the screen allows (whole-number
// enlargement, nearest neighbour: crisp pixels), one line of big numbers above it, big buttons
// below; light type on black. Text scales with the screen and is never under 24 px.
class PresenterView : public QWidget
{
    Q_OBJECT

public:
    explicit PresenterView(QWidget *parent = nullptr);

    // The line of numbers: (label, value) pairs, e.g. ("Epoch", "3 of 20").
    void setFigures(const QList<QPair<QString, QString>> &figures);
    void setGrid(const QImage &grid, const QString &caption);
    // The first button's word: Start, Pause or Resume; whether Step can be pressed.
    void setTrainingState(const QString &startPauseText, bool canStep);
    // Whether the settings are shown (the Settings button is pressed).
    void setSettingsShown(bool shown);

    QImage grid() const { return m_grid; }
    // The rectangle the grid is drawn in (for tests: whole-number enlargement, inside the view).
    QRect gridRect() const;
    int scale() const;
    // The pixel size of the smallest text on show.
    int smallestTextPixels() const;
    QList<QLabel *> figureLabels() const { return m_values; }
    QPushButton *startPauseButton() const { return m_startPause; }
    QPushButton *stepButton() const { return m_step; }
    QPushButton *settingsButton() const { return m_settings; }
    QPushButton *leaveButton() const { return m_leave; }

Q_SIGNALS:
    void startPauseClicked();
    void stepClicked();
    void settingsToggled(bool shown);
    void leaveRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // Pixels the row of figures or of buttons takes at text size px, whichever is wider.
    int widthNeeded(int px) const;
    int figureWidth(int i, int px) const; // figure i's name or value, whichever is wider, and a gap
    void applySizes();
    QRect gridArea() const;

    QImage m_grid;
    QString m_caption;
    QHBoxLayout *m_figuresRow;
    QWidget *m_figuresBox;
    QWidget *m_buttonsBox;
    QList<QLabel *> m_names, m_values;
    QPushButton *m_startPause, *m_step, *m_settings, *m_leave;
    int m_textPx = 24;
};
