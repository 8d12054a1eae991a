#pragma once

#include <QImage>
#include <QTimer>
#include <QVector>
#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

// Sits under the sample grid: keeps every epoch's grid seen so far so that a person can drag
// back through the run, step frame by frame, or play it as a looping animation. Grids are tiny
// (at most 160x160), so keeping them all as QImages costs a few MB even for long runs.
class FrameScrubber : public QWidget
{
    Q_OBJECT

public:
    explicit FrameScrubber(QWidget *parent = nullptr);

    // Frames arrive in epoch order, one per epoch. If the latest frame was being shown, the
    // scrubber follows to the new one; otherwise it stays where the user put it.
    void addFrame(int epoch, const QImage &grid);
    void clear();

    int frameCount() const { return m_frames.size(); }
    int currentIndex() const { return m_index; }
    // -1 while there are no frames (epochs themselves start at 1).
    int currentEpoch() const;
    QImage currentFrame() const;
    // Out-of-range indices are clamped; showing the same frame again emits nothing.
    void setCurrentIndex(int index);

    bool isPlaying() const { return m_playing; }
    // Ignored while there are no frames: there is nothing to animate.
    void setPlaying(bool playing);
    int framesPerSecond() const { return m_fps; }
    // Clamped to 1..60.
    void setFramesPerSecond(int fps);

Q_SIGNALS:
    void currentFrameChanged(int epoch, const QImage &grid);
    void playingChanged(bool playing);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void advance();
    void updateControls();

    struct Frame
    {
        int epoch;
        QImage grid;
    };
    QVector<Frame> m_frames;
    int m_index = -1;
    bool m_playing = false;
    int m_fps = 4;
    QTimer m_timer;
    QToolButton *m_play = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_label = nullptr;
};
