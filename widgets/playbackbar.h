#pragma once

#include "epochplayback.h"

#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

// Play/Pause, a slider over the epochs and an "Epoch N of M" label, driven by an EpochPlayback:
// what the frame scrubber and the comparison's epoch bar have in common. Subclasses decide
// what the slider stands for and what a requested epoch does.
class PlaybackBar : public QWidget
{
    Q_OBJECT

public:
    bool isPlaying() const { return m_playback.isPlaying(); }
    // Ignored while there are no epochs: there is nothing to animate.
    void setPlaying(bool playing);
    int framesPerSecond() const { return m_playback.framesPerSecond(); }
    // Clamped to 1..60.
    void setFramesPerSecond(int fps);

Q_SIGNALS:
    void playingChanged(bool playing);

protected:
    // widestLabel: the longest label text expected, so that the slider keeps its width.
    PlaybackBar(const QString &sliderName, const QString &widestLabel, QWidget *parent);

    // Show the playback's state in the controls; subclasses call showState from it.
    virtual void updateControls() = 0;
    // The slider's range and value, the label and the button (with its tool tips when it
    // offers to play or to pause), without feeding any of it back as a user change.
    void showState(int minimum, int maximum, int value, const QString &label, const QString &playTip,
                   const QString &pauseTip);

    EpochPlayback &playback() { return m_playback; }
    const EpochPlayback &playback() const { return m_playback; }
    QToolButton *playButton() const { return m_play; }
    QSlider *slider() const { return m_slider; }

private:
    EpochPlayback m_playback;
    QToolButton *m_play;
    QSlider *m_slider;
    QLabel *m_label;
};
