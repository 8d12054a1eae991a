#include "runs/runmanager.h"

#include "engine/cpuruntime.h"
#include "runs/logging.h"
#include "runs/runcontroller.h"
#include "runs/trainerworker.h"

#include <QStringList>

RunManager::RunManager(QObject *parent) : QObject(parent) {}

RunManager::~RunManager()
{
    // No share is handed out while the runs go.
    m_training.clear();
    m_shares.clear();
    for (RunController *run : std::as_const(m_runs)) {
        disconnect(run, nullptr, this, nullptr);
        delete run;
    }
}

RunController *RunManager::createRun()
{
    auto *run = new RunController(this);
    m_runs.append(run);
    connect(run, &RunController::trainingChanged, this, [this, run](bool training) { follow(run, training); });
    return run;
}

void RunManager::releaseRun(RunController *run)
{
    if (!run || !m_runs.contains(run))
        return;
    m_runs.removeAll(run);
    disconnect(run, nullptr, this, nullptr);
    follow(run, false); // out of the share: the others get its cores from their next step
    delete run;         // stops it with a checkpoint and waits
}

void RunManager::follow(RunController *run, bool training)
{
    training = training && m_runs.contains(run) && run->sharesCores();
    const int at = int(m_training.indexOf(run));
    if (training == (at >= 0))
        return;
    if (training) {
        m_training.append(run);
        m_shares.append(0);
    } else {
        m_training.removeAt(at);
        m_shares.removeAt(at);
    }
    qCDebug(lcRuns) << "runs training in the share:" << m_training.size();
    rebalance();
}

void RunManager::rebalance()
{
    const std::vector<int> shares = ganvas::fairThreadShares(cores(), int(m_training.size()));
    for (int k = 0; k < m_training.size(); ++k) {
        if (m_shares[k] == shares[size_t(k)])
            continue;
        m_shares[k] = shares[size_t(k)];
        m_training[k]->worker()->requestThreads(m_shares[k]);
    }
    Q_EMIT sharesChanged();
}

int RunManager::threadsOf(const RunController *run) const
{
    const int at = int(m_training.indexOf(const_cast<RunController *>(run)));
    return at >= 0 ? m_shares[at] : 0;
}

int RunManager::cores() const
{
    return ganvas::availableCores();
}

QString RunManager::summary() const
{
    if (m_training.isEmpty())
        return tr("CPU cores: %n; no run is training.", nullptr, cores());
    QStringList shares;
    for (int share : m_shares)
        shares << QString::number(share);
    shares.removeDuplicates();
    return tr("CPU cores: %1, shared fairly · runs training: %2 · threads per run: %3")
        .arg(cores())
        .arg(m_training.size())
        .arg(shares.join(tr(" or ")));
}
