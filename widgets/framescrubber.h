#pragma once

#include "playbackbar.h"

#include <QImage>
#include <QVector>

// Sits under the sample grid: keeps every epoch's grid seen so far so that a person can drag
// back through the run, step frame by frame, or play it as a looping animation. Grids are tiny
// (at most 160x160), so keeping them all as QImages costs a few MB even for long runs.
class FrameScrubber : public PlaybackBar
{
    Q_OBJECT

public:
    explicit FrameScrubber(QWidget *parent = nullptr);

    // Frames arrive in epoch order, one per epoch. If the latest frame was being shown, the
    // scrubber follows to the new one; otherwise it stays where the user put it.
    void addFrame(int epoch, const QImage &grid);
    void clear();

    int frameCount() const { return m_frames.size(); }
    int currentIndex() const { return m_frames.isEmpty() ? -1 : playback().currentIndex(); }
    // -1 while there are no frames (epochs themselves start at 1).
    int currentEpoch() const;
    QImage currentFrame() const;
    // Out-of-range indices are clamped; showing the same frame again emits nothing.
    void setCurrentIndex(int index);

Q_SIGNALS:
    void currentFrameChanged(int epoch, const QImage &grid);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void updateControls() override;

private:
    // The grids in the order of the playback's epochs, one per epoch.
    QVector<QImage> m_frames;
};
