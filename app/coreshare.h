#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

class TrainerWorker;

// The CPU cores of this process, shared fairly between every run that is training in it
// (the main window's and the comparison window's alike): each gets an equal number of
// threads, handed to its worker, which applies it from its next step. A paused run takes
// none. Lives in the GUI thread.
class CoreShare : public QObject
{
    Q_OBJECT

public:
    static CoreShare &instance();

    // Marks the run (identified by its controller or any QObject that lives as long) as
    // training or not and shares the cores again. Forgotten when `run` is destroyed.
    void setTraining(QObject *run, TrainerWorker *worker, bool training);
    // Threads the run has now (0 when it is not training).
    int shareOf(const QObject *run) const;
    int trainingRuns() const { return int(m_order.size()); }
    int cores() const;
    // "CPU: 2 cores shared fairly by 2 training runs: 1 thread each."
    QString summary() const;

Q_SIGNALS:
    void sharesChanged();

private:
    CoreShare() = default;
    void rebalance();

    QList<QObject *> m_order;              // training runs, oldest first
    QHash<QObject *, TrainerWorker *> m_workers;
    QHash<const QObject *, int> m_shares;
    QSet<QObject *> m_watched;             // runs whose destruction we follow
};
