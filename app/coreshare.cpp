#include "coreshare.h"

#include "engine/cpuruntime.h"
#include "trainerworker.h"

#include <QStringList>

CoreShare &CoreShare::instance()
{
    static CoreShare share;
    return share;
}

int CoreShare::cores() const
{
    return ganvas::availableCores();
}

void CoreShare::setTraining(QObject *run, TrainerWorker *worker, bool training)
{
    if (!run)
        return;
    const bool known = m_order.contains(run);
    if (training == known)
        return;
    if (training) {
        m_order.append(run);
        m_workers.insert(run, worker);
        if (!m_watched.contains(run)) {
            m_watched.insert(run);
            connect(run, &QObject::destroyed, this, [this, run] {
                m_watched.remove(run);
                setTraining(run, nullptr, false);
            });
        }
    } else {
        m_order.removeAll(run);
        m_workers.remove(run);
        m_shares.remove(run);
    }
    rebalance();
}

int CoreShare::shareOf(const QObject *run) const
{
    return m_shares.value(run, 0);
}

void CoreShare::rebalance()
{
    const std::vector<int> shares = ganvas::fairThreadShares(cores(), int(m_order.size()));
    for (int k = 0; k < m_order.size(); ++k) {
        QObject *run = m_order[k];
        if (m_shares.value(run, 0) == shares[size_t(k)])
            continue;
        m_shares.insert(run, shares[size_t(k)]);
        if (TrainerWorker *w = m_workers.value(run))
            w->requestThreads(shares[size_t(k)]);
    }
    Q_EMIT sharesChanged();
}

QString CoreShare::summary() const
{
    if (m_order.isEmpty())
        return tr("CPU: %n core(s), no run training.", nullptr, cores());
    QStringList shares;
    for (QObject *run : m_order)
        shares << QString::number(m_shares.value(run));
    shares.removeDuplicates();
    return tr("CPU: %1 core(s) shared fairly by %2 training run(s): %3 thread(s) each.")
        .arg(cores())
        .arg(m_order.size())
        .arg(shares.join(tr(" or ")));
}
