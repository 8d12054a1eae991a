#pragma once

#include <QList>
#include <QObject>
#include <QString>

class RunController;

// Owns every training run of the process, the main window's and the comparison window's
// alike, and shares the CPU cores fairly between the runs that are training and take their
// threads from the shared cores (settings with threads 0): each gets an equal number of
// threads, applied from its next step; a paused or ended run takes none. main() makes one and
// hands it to each window, which asks it for runs and gives them back. Lives in the GUI thread.
class RunManager : public QObject
{
    Q_OBJECT

public:
    explicit RunManager(QObject *parent = nullptr);
    // Stops every run (each writes a checkpoint) and waits for them.
    ~RunManager() override;

    // A new run, owned by the manager until released.
    RunController *createRun();
    // Stops the run (a checkpoint is written), waits for it and deletes it.
    void releaseRun(RunController *run);
    // Threads the run has from the shared cores now (0 when it is not training in the share).
    int threadsOf(const RunController *run) const;
    int trainingRuns() const { return int(m_training.size()); }
    int cores() const;
    // "CPU: 2 cores shared fairly by 2 training runs: 1 thread each."
    QString summary() const;

Q_SIGNALS:
    // The threads of the training runs changed (a run started, paused, resumed or ended).
    void sharesChanged();

private:
    void follow(RunController *run, bool training);
    void rebalance();

    QList<RunController *> m_runs;     // every run, in the order made
    QList<RunController *> m_training; // the runs in the share, oldest first
    QList<int> m_shares;               // m_training's threads, index for index
};
