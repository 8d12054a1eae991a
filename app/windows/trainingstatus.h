#pragma once

#include "engine/observer.h"

#include <QObject>

class QLabel;
class QProgressBar;
class QStatusBar;

// The status bar's account of the training run: its state in a word, the latest losses and
// mean D outputs, the latest quality score, epoch and step, speed and threads, the time
// elapsed, the time left (only while training), and a progress bar over every step.
class TrainingStatus : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Starting, Training, Paused, Stopping, Stopped, Finished, Diverged, Failed };

    // Adds its labels and the progress bar to `bar`.
    explicit TrainingStatus(QStatusBar *bar);

    // The run has started (or continued): the size it has in all.
    void setRunSize(int batchesPerEpoch, int epochs);
    void showStats(const ganvas::StepStats &s);
    void showScore(const ganvas::QualityScore &score);
    void setState(State state);
    State state() const { return m_state; }
    // Idle, with every figure blank (a new run).
    void reset();
    // The state as the status bar says it ("Paused").
    static QString stateText(State state);

private:
    QLabel *m_stateLabel, *m_figuresLabel, *m_scoreLabel, *m_epochLabel, *m_stepLabel, *m_speedLabel,
        *m_elapsedLabel, *m_etaLabel;
    QProgressBar *m_progress;
    int m_batchesPerEpoch = 0;
    int m_totalEpochs = 0;
    State m_state = State::Idle;
};
