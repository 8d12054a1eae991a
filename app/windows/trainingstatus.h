#pragma once

#include "engine/observer.h"

#include <QObject>

class QLabel;
class QProgressBar;
class QStatusBar;

// The status bar's account of the training run: epoch, step, speed and threads, the time
// elapsed, the time left, and a progress bar over every step of the run.
class TrainingStatus : public QObject
{
    Q_OBJECT

public:
    // Adds its labels and the progress bar to `bar`.
    explicit TrainingStatus(QStatusBar *bar);

    // The run has started (or continued): the size it has in all.
    void setRunSize(int batchesPerEpoch, int epochs);
    void showStats(const ganvas::StepStats &s);

private:
    QLabel *m_epochLabel, *m_stepLabel, *m_speedLabel, *m_elapsedLabel, *m_etaLabel;
    QProgressBar *m_progress;
    int m_batchesPerEpoch = 0;
    int m_totalEpochs = 0;
};
