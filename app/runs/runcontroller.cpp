#include "runs/runcontroller.h"

#include "runs/backgroundjob.h"
#include "runs/trainerworker.h"

RunController::RunController(QObject *parent) : QObject(parent), m_worker(new TrainerWorker)
{
    m_worker->setParent(this);
    connect(m_worker, &TrainerWorker::paused, this, [this](bool paused) { setTraining(!paused); });
    connect(m_worker, &TrainerWorker::finished, this, [this] { setTraining(false); });
}

RunController::~RunController()
{
    stopAndWait();
}

bool RunController::isRunning() const
{
    return m_worker->isRunning();
}

void RunController::start(const ganvas::TrainingConfig &config, const QString &runDir, const QString &checkpoint)
{
    stopAndWait(); // one job at a time
    m_sharesCores = config.threads == 0;
    setTraining(true); // counted in the share before its first step
    const QString json = QString::fromStdString(config.toJson());
    // train() reports its own errors through failed(); the outcome only marks the job done.
    m_job = runInBackground(this, "training", [w = m_worker, json, runDir, checkpoint] {
        w->train(json, runDir, checkpoint);
    }, [](const auto &) {});
}

void RunController::stopAndWait()
{
    m_worker->requestStop();
    // The loop notices within one step.
    m_job.waitForFinished();
}

void RunController::setTraining(bool training)
{
    if (m_training == training)
        return;
    m_training = training;
    Q_EMIT trainingChanged(training);
}
