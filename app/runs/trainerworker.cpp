#include "runs/trainerworker.h"

#include "data/datasetlocator.h"
#include "engine/trainer.h"
#include "runs/logging.h"

TrainerWorker::TrainerWorker()
{
    qRegisterMetaType<ganvas::StepStats>();
    qRegisterMetaType<ganvas::Image8>();
    qRegisterMetaType<ganvas::DivergenceEvent>();
    qRegisterMetaType<ganvas::QualityScore>();
    qRegisterMetaType<ganvas::ScoreStatus>();
    qRegisterMetaType<ganvas::DiscriminatorView>();
}

TrainerWorker::~TrainerWorker() = default;


void TrainerWorker::train(const QString &configJson, const QString &runDir, const QString &checkpoint)
{
    m_running = true;
    m_stopEarly = false;
    try {
        const auto config = ganvas::TrainingConfig::fromJson(configJson.toStdString());
        const auto data = ganvas::loadDataset(config);
        m_trainer = std::make_unique<ganvas::Trainer>(config, data, runDir.toStdString());
        if (!checkpoint.isEmpty())
            m_trainer->restore(checkpoint.toStdString());
        m_trainer->setObserver(this);
        m_live = m_trainer.get();
        if (m_stopEarly)
            m_trainer->requestStop();
        if (const int threads = m_pendingThreads.exchange(-1); threads >= 0)
            m_trainer->requestThreads(threads);
        if (m_startWithOneStep.exchange(false)) {
            m_trainer->requestPause();
            m_trainer->requestStep();
        }
        Q_EMIT started(m_trainer->batchesPerEpoch(), config.epochs, m_trainer->globalStep());
        const bool completed = m_trainer->run();
        m_live = nullptr;
        m_running = false;
        Q_EMIT finished(completed);
    } catch (const std::exception &e) {
        m_live = nullptr;
        m_running = false;
        qCWarning(lcRuns).noquote() << runDir << "failed:" << e.what();
        Q_EMIT failed(QString::fromStdString(e.what()));
        Q_EMIT finished(false);
    }
}

void TrainerWorker::requestPause()
{
    withTrainer([](ganvas::Trainer &t) { t.requestPause(); });
}

void TrainerWorker::requestResume()
{
    withTrainer([](ganvas::Trainer &t) { t.requestResume(); });
}

void TrainerWorker::requestStep()
{
    withTrainer([](ganvas::Trainer &t) { t.requestStep(); });
}

void TrainerWorker::startWithOneStep()
{
    m_startWithOneStep = true;
}

void TrainerWorker::requestStop()
{
    m_stopEarly = true; // a trainer still being built stops as soon as it exists
    withTrainer([](ganvas::Trainer &t) { t.requestStop(); });
}

void TrainerWorker::withTrainer(const std::function<void(ganvas::Trainer &)> &call)
{
    if (auto *t = m_live.load())
        call(*t);
}

void TrainerWorker::requestThreads(int threads)
{
    m_pendingThreads = threads;
    // Hand it over if the trainer exists; a trainer built later picks up the pending value.
    if (auto *t = m_live.load()) {
        if (const int pending = m_pendingThreads.exchange(-1); pending >= 0)
            t->requestThreads(pending);
    }
}

void TrainerWorker::requestRollback()
{
    withTrainer([](ganvas::Trainer &t) { t.requestRollback(); });
}

void TrainerWorker::requestCheckpoint()
{
    withTrainer([](ganvas::Trainer &t) { t.requestCheckpoint(); });
}

void TrainerWorker::updateLiveSettings(const QString &configJson)
{
    if (auto *t = m_live.load())
        t->updateLiveSettings(ganvas::TrainingConfig::fromJson(configJson.toStdString()));
}

void TrainerWorker::onStepStats(const ganvas::StepStats &s)
{
    Q_EMIT statsReady(s);
}

void TrainerWorker::onEpochEnd(const ganvas::EpochResult &r)
{
    Q_EMIT epochFinished(r.epoch, r.step, r.grid);
}

void TrainerWorker::onStepGrid(const ganvas::Image8 &grid, int epoch, int64_t step)
{
    Q_EMIT stepGrid(epoch, step, grid);
}

void TrainerWorker::onCheckpointWritten(const std::string &path, int epoch, int64_t)
{
    Q_EMIT checkpointWritten(QString::fromStdString(path), epoch);
}

void TrainerWorker::onStateChanged(ganvas::TrainerState state)
{
    if (state == ganvas::TrainerState::Paused)
        Q_EMIT paused(true);
    else if (state == ganvas::TrainerState::Running)
        Q_EMIT paused(false);
}

void TrainerWorker::onError(const std::string &message)
{
    qCWarning(lcRuns).noquote() << QString::fromStdString(message);
    Q_EMIT warning(QString::fromStdString(message));
}

void TrainerWorker::onDivergence(const ganvas::DivergenceEvent &event)
{
    qCWarning(lcRuns).noquote() << QString::fromStdString(event.message);
    Q_EMIT diverged(event);
}

void TrainerWorker::onQualityScore(const ganvas::QualityScore &score)
{
    Q_EMIT scoreReady(score);
}

void TrainerWorker::onScoreStatus(const ganvas::ScoreStatus &status)
{
    if (status.kind == ganvas::ScoreStatus::Kind::Unavailable)
        qCWarning(lcRuns).noquote() << "no quality score:" << QString::fromStdString(status.reason);
    Q_EMIT scoreStatus(status);
}
