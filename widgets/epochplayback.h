#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

// Playing through a run's epochs, for the frame scrubber and the comparison's epoch bar alike:
// the epochs there are (ascending), the one shown now, and a timer that steps on while playing.
// Stepping only proposes an epoch (epochRequested); the owner shows it and says so with
// setCurrentEpoch, so an owner that must check the epoch first (the comparison clamps it to its
// runs) can. An owner without such a rule connects epochRequested to setCurrentEpoch.
class EpochPlayback : public QObject
{
    Q_OBJECT

public:
    explicit EpochPlayback(QObject *parent = nullptr);

    // Epochs must be ascending and distinct; current may be any epoch (0: none shown). The
    // owner sets both itself, so neither emits currentEpochChanged; no epochs stop playing.
    void setEpochs(const QList<int> &epochs, int current);
    // Adds epoch in order (nothing when it is there already) and returns its index.
    int insertEpoch(int epoch);
    // No epochs and none current, as at the start; stops playing.
    void clear();
    const QList<int> &epochs() const { return m_epochs; }
    int count() const { return m_epochs.size(); }

    int currentEpoch() const { return m_current; }
    // Index of the current epoch in epochs(), -1 when it is none of them.
    int currentIndex() const;
    void setCurrentEpoch(int epoch);

    // The epoch after the current one, the first again after the last; 0 without epochs.
    int nextEpoch() const;
    // The epoch delta places from the current one, held at the first and the last.
    int epochAt(int delta) const;

    bool isPlaying() const { return m_playing; }
    // Ignored while there are no epochs: there is nothing to play.
    void setPlaying(bool playing);
    int framesPerSecond() const { return m_fps; }
    // Clamped to 1..60.
    void setFramesPerSecond(int fps);

public Q_SLOTS:
    // What a tick while playing does: request nextEpoch(), so that playing loops.
    void next();
    // Stepping by hand: request epochAt(delta), which does not wrap.
    void step(int delta);

Q_SIGNALS:
    void epochRequested(int epoch);
    void currentEpochChanged(int epoch);
    void playingChanged(bool playing);

private:
    QList<int> m_epochs;
    int m_current = 0;
    bool m_playing = false;
    int m_fps = 4;
    QTimer m_timer;
};
