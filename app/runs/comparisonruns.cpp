#include "runs/comparisonruns.h"

#include "runs/configtexts.h"

#include "engine/configfields.h"

#include "checkpoint/rundirectory.h"
#include "runs/runmanager.h"
#include "runs/runsroot.h"
#include "runs/runcontroller.h"
#include "runs/storedrun.h"
#include "runs/trainerworker.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <utility>

namespace {

int g_nextRunId = 1;

QString fileStem(const QString &dataset)
{
    const QFileInfo info(dataset);
    return info.fileName().isEmpty() ? dataset : info.fileName();
}

} // namespace

ComparisonRuns::ComparisonRuns(RunManager *manager, QObject *parent) : QObject(parent), m_manager(manager)
{
    // A run starting or pausing here or in the main window changes every share.
    connect(m_manager, &RunManager::sharesChanged, this, &ComparisonRuns::threadsChanged);
}

ComparisonRuns::~ComparisonRuns()
{
    // Releasing the runs shares the cores again; that news must not reach this half-destroyed
    // object.
    disconnect(m_manager, nullptr, this, nullptr);
    stopAll();
    for (Run *r : m_runs) {
        m_manager->releaseRun(std::exchange(r->controller, nullptr));
        delete r;
    }
    m_runs.clear();
}

int ComparisonRuns::indexOf(const Run *run) const
{
    const auto it = std::find(m_runs.begin(), m_runs.end(), run);
    return it == m_runs.end() ? -1 : int(it - m_runs.begin());
}

ComparisonRuns::RunState ComparisonRuns::state(int run) const
{
    return run >= 0 && run < count() ? m_runs[run]->state : RunState::Ready;
}

QString ComparisonRuns::directory(int run) const
{
    return run >= 0 && run < count() ? m_runs[run]->runDir : QString();
}

int ComparisonRuns::epochsDone(int run) const
{
    return run >= 0 && run < count() ? m_runs[run]->epochsDone : 0;
}

ganvas::StepStats ComparisonRuns::lastStats(int run) const
{
    return run >= 0 && run < count() ? m_runs[run]->last : ganvas::StepStats{};
}

int ComparisonRuns::threadsOf(int run) const
{
    if (run < 0 || run >= count() || m_runs[run]->state != RunState::Training || !m_runs[run]->controller)
        return 0;
    return m_manager->threadsOf(m_runs[run]->controller);
}

QString ComparisonRuns::uniqueName(const QString &wanted, const ganvas::TrainingConfig &config) const
{
    auto taken = [this](const QString &n) {
        return std::any_of(m_runs.begin(), m_runs.end(), [&n](const Run *r) { return r->name == n; });
    };
    if (!taken(wanted))
        return wanted;
    // Named after what differs from the run of the same name: "fashion-mnist · bce · lr_d 0.0001".
    for (const Run *other : m_runs) {
        if (other->name != wanted)
            continue;
        QStringList differs;
        for (const auto &f : ganvas::configFields())
            if (std::string(f.name) != "threads" && f.get(other->config) != f.get(config))
                differs << QStringLiteral("%1 %2").arg(QString::fromLatin1(f.name),
                                                        QString::fromStdString(ganvas::showFieldValue(f.get(config)))
                                                            .remove('"'));
        if (!differs.isEmpty()) {
            const QString named = wanted + QStringLiteral(" · ") + differs.mid(0, 2).join(QStringLiteral(", "));
            if (!taken(named))
                return named;
        }
    }
    for (int i = 2;; ++i)
        if (!taken(QStringLiteral("%1 (%2)").arg(wanted).arg(i)))
            return QStringLiteral("%1 (%2)").arg(wanted).arg(i);
}

int ComparisonRuns::add(const ganvas::TrainingConfig &config, const QString &name)
{
    if (count() >= kMaxRuns) {
        m_lastError = tr("At most %1 runs can be compared; remove one first.").arg(kMaxRuns);
        return -1;
    }
    const auto problems = config.validate();
    if (!problems.empty()) {
        QStringList texts;
        for (const auto &problem : problems)
            texts << ConfigTexts::problemWithLabel(problem);
        m_lastError = tr("Invalid settings: %1").arg(texts.join(tr("; ", "between the problems of a list")));
        return -1;
    }
    auto *r = new Run;
    r->id = g_nextRunId++;
    r->config = config;
    r->name = name.isEmpty() ? QStringLiteral("%1 · %2").arg(fileStem(QString::fromStdString(config.dataset)),
                                                             QString::fromStdString(config.loss))
                             : name;
    r->name = uniqueName(r->name, config);
    r->runDir = QStringLiteral("%1-%2").arg(newRunDirectory(QStringLiteral("compare"))).arg(r->id);
    m_runs.push_back(r);
    return count() - 1;
}

int ComparisonRuns::addFromDisk(const QString &runDir, StoredRun *stored)
{
    if (count() >= kMaxRuns) {
        m_lastError = tr("At most %1 runs can be compared; remove one first.").arg(kMaxRuns);
        return -1;
    }
    StoredRun read;
    try {
        read = readStoredRun(runDir);
    } catch (const std::exception &e) {
        m_lastError = tr("Cannot open %1: %2").arg(runDir, QString::fromUtf8(e.what()));
        return -1;
    }
    auto *r = new Run;
    r->id = g_nextRunId++;
    r->runDir = read.root;
    r->name = QDir(read.root).dirName();
    r->state = RunState::OnDisk;
    r->config = read.config;
    r->batchesPerEpoch = read.batchesPerEpoch;
    r->epochsDone = read.lastEpoch();
    r->scores = read.scores;
    if (!read.metrics.empty()) {
        r->last = read.metrics.back();
        r->haveStats = true;
    }
    m_runs.push_back(r);
    if (stored)
        *stored = std::move(read);
    return count() - 1;
}

void ComparisonRuns::remove(int run)
{
    if (run < 0 || run >= count())
        return;
    Run *r = m_runs[run];
    // Stops the run (a checkpoint is written) and waits for it.
    m_manager->releaseRun(std::exchange(r->controller, nullptr));
    m_runs.erase(m_runs.begin() + run);
    Q_EMIT removed(run);
    delete r;
}

void ComparisonRuns::start(int run)
{
    if (run < 0 || run >= count())
        return;
    Run *r = m_runs[run];
    if (r->state == RunState::Training || r->state == RunState::Paused)
        return;
    QString checkpoint;
    if (r->state != RunState::Ready) {
        // Continue from the newest checkpoint (a stopped run, or one added from disk).
        try {
            checkpoint = QString::fromStdString(ganvas::RunDirectory::resolveCheckpoint(r->runDir.toStdString()));
        } catch (const std::exception &e) {
            setState(run, RunState::Failed, QString::fromUtf8(e.what()));
            return;
        }
        if (r->epochsDone >= r->config.epochs) {
            m_lastError = tr("%1 has trained all its %2 epochs.").arg(r->name).arg(r->config.epochs);
            Q_EMIT startRefused(run, m_lastError);
            return;
        }
    }
    launch(run, checkpoint);
}

void ComparisonRuns::launch(int run, const QString &checkpoint)
{
    Run *r = m_runs[run];
    m_manager->releaseRun(std::exchange(r->controller, nullptr));
    r->controller = m_manager->createRun();
    auto *w = r->controller->worker();
    // The controller is the context: signals still queued when a run is removed are dropped.
    connect(w, &TrainerWorker::started, r->controller, [r](int batches, int, qint64) {
        r->batchesPerEpoch = batches;
    });
    connect(w, &TrainerWorker::statsReady, r->controller, [this, r](const ganvas::StepStats &s) {
        r->last = s;
        r->haveStats = true;
        Q_EMIT statsReady(indexOf(r), s);
    });
    connect(w, &TrainerWorker::epochFinished, r->controller, [this, r](int epoch, qint64, const ganvas::Image8 &grid) {
        r->epochsDone = epoch;
        Q_EMIT epochFinished(indexOf(r), epoch, grid);
    });
    connect(w, &TrainerWorker::scoreReady, r->controller, [this, r](const ganvas::QualityScore &s) {
        r->scores.push_back(s);
        Q_EMIT scoreReady(indexOf(r), s);
    });
    connect(w, &TrainerWorker::paused, r->controller, [this, r](bool paused) {
        const int i = indexOf(r);
        if (r->state == RunState::Training || r->state == RunState::Paused)
            setState(i, paused ? RunState::Paused : RunState::Training);
    });
    connect(w, &TrainerWorker::failed, r->controller, [this, r](const QString &message) {
        setState(indexOf(r), RunState::Failed, message);
    });
    connect(w, &TrainerWorker::finished, r->controller, [this, r](bool completed) {
        const int i = indexOf(r);
        if (r->state != RunState::Failed)
            setState(i, completed ? RunState::Finished : RunState::Stopped);
        Q_EMIT finished(i, completed);
    });
    QDir().mkpath(r->runDir);
    r->detail.clear();
    setState(run, RunState::Training);
    // Threads 0: the run takes its share of the cores from the manager.
    ganvas::TrainingConfig config = r->config;
    config.threads = 0;
    r->controller->start(config, r->runDir, checkpoint);
}

void ComparisonRuns::pause(int run, bool pause)
{
    if (run < 0 || run >= count() || !m_runs[run]->controller)
        return;
    auto *w = m_runs[run]->controller->worker();
    if (pause)
        w->requestPause();
    else
        w->requestResume();
}

void ComparisonRuns::stop(int run)
{
    if (run < 0 || run >= count() || !m_runs[run]->controller)
        return;
    m_runs[run]->controller->worker()->requestStop();
}

void ComparisonRuns::startAll()
{
    for (int i = 0; i < count(); ++i) {
        if (state(i) == RunState::Paused)
            pause(i, false);
        else if (state(i) == RunState::Ready || state(i) == RunState::Stopped)
            start(i);
    }
}

void ComparisonRuns::pauseAll(bool pause)
{
    for (int i = 0; i < count(); ++i)
        this->pause(i, pause);
}

void ComparisonRuns::stopAll()
{
    for (Run *r : m_runs)
        if (r->controller)
            r->controller->stopAndWait();
}

void ComparisonRuns::setState(int run, RunState state, const QString &detail)
{
    if (run < 0 || run >= count())
        return;
    Run *r = m_runs[run];
    r->state = state;
    if (!detail.isEmpty())
        r->detail = detail;
    Q_EMIT stateChanged(run);
}

QString ComparisonRuns::threadSummary() const
{
    return m_manager->summary();
}
