#pragma once

#include <QList>
#include <QTimer>
#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

// The comparison's one epoch control: Play/Pause, a slider over the epochs there are and
// "Epoch N of M". It only proposes epochs (epochRequested); the owner decides and shows the
// result with setCurrentEpoch, so that every grid, the plot marker and the slider agree.
class ComparisonEpochBar : public QWidget
{
    Q_OBJECT

public:
    explicit ComparisonEpochBar(QWidget *parent = nullptr);

    // Epochs with a frame in any run, ascending; current is 0 while there are none.
    void setEpochs(const QList<int> &epochs, int current);
    void setCurrentEpoch(int epoch);

    bool isPlaying() const { return m_playing; }
    // Ignored while there are no epochs; at the end it starts over from the first.
    void setPlaying(bool playing);
    void setFramesPerSecond(int fps);

Q_SIGNALS:
    void epochRequested(int epoch);
    void playingChanged(bool playing);

private:
    void advance();
    void updateControls();

    QList<int> m_epochs;
    int m_epoch = 0;
    bool m_playing = false;
    QTimer m_timer;
    QToolButton *m_play;
    QSlider *m_slider;
    QLabel *m_label;
};
