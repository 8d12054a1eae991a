#pragma once

#include "engine/trainingconfig.h"
#include "runs/backgroundjob.h"

#include <QFuture>
#include <QObject>
#include <QString>

class TrainerWorker;

// One training run: its worker, trained in a background job (runs/backgroundjob.h). Made and
// owned by the RunManager, which shares the CPU cores between the runs that are training;
// the windows connect to worker()'s signals and call its controls. The destructor stops the
// run (which writes a checkpoint) and waits for the job.
class RunController : public QObject
{
    Q_OBJECT

public:
    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    TrainerWorker *worker() const { return m_worker; }
    bool isRunning() const;
    // Whether the run takes its threads from the shared cores (its settings say threads 0).
    bool sharesCores() const { return m_sharesCores; }
    // Whether it is training now (started, not paused, not ended).
    bool isTraining() const { return m_training; }
    void start(const ganvas::TrainingConfig &config, const QString &runDir, const QString &checkpoint = {});
    void stopAndWait();

Q_SIGNALS:
    // Training began, paused, resumed or ended: the cores are shared again.
    void trainingChanged(bool training);

private:
    void setTraining(bool training);

    TrainerWorker *m_worker;
    QFuture<JobOutcome<std::monostate>> m_job;
    bool m_sharesCores = false;
    bool m_training = false;
};
