#include "panels/runtablemodel.h"

#include "runs/comparisonruns.h"

RunTableModel::RunTableModel(ComparisonRuns *runs, std::function<QColor(int)> colour, QObject *parent)
    : QAbstractTableModel(parent), m_runs(runs), m_colour(std::move(colour))
{
    connect(m_runs, &ComparisonRuns::stateChanged, this, [this](int run) { rowChanged(run); });
    connect(m_runs, &ComparisonRuns::epochFinished, this, [this](int run, int, const auto &) {
        rowChanged(run, Epoch, Epoch);
    });
    connect(m_runs, &ComparisonRuns::threadsChanged, this, [this] {
        if (m_rows > 0)
            Q_EMIT dataChanged(index(0, Threads), index(m_rows - 1, Threads));
    });
    connect(m_runs, &ComparisonRuns::removed, this, [this](int run) {
        beginRemoveRows({}, run, run);
        --m_rows;
        endRemoveRows();
    });
}

void RunTableModel::runAdded()
{
    while (m_rows < m_runs->count()) {
        beginInsertRows({}, m_rows, m_rows);
        ++m_rows;
        endInsertRows();
    }
}

void RunTableModel::rowChanged(int row, int firstColumn, int lastColumn)
{
    if (row >= 0 && row < m_rows)
        Q_EMIT dataChanged(index(row, firstColumn), index(row, lastColumn));
}

int RunTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int RunTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunTableModel::stateText(int row) const
{
    using S = ComparisonRuns::RunState;
    const auto &r = m_runs->run(row);
    QString text;
    switch (r.state) {
    case S::Ready: text = tr("ready"); break;
    case S::Training: text = tr("training"); break;
    case S::Paused: text = tr("paused"); break;
    case S::Finished: text = tr("finished"); break;
    case S::Stopped: text = tr("stopped"); break;
    case S::Failed: text = tr("failed"); break;
    case S::OnDisk: text = tr("from disk"); break;
    }
    return r.detail.isEmpty() ? text : tr("%1: %2").arg(text, r.detail);
}

QVariant RunTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows || index.row() >= m_runs->count())
        return {};
    const auto &r = m_runs->run(index.row());
    if (role == Qt::ForegroundRole && index.column() == Name)
        return m_colour(index.row());
    if (role == Qt::ToolTipRole)
        return index.column() == State ? r.detail : r.runDir;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name: return r.name;
    case Dataset: return QString::fromStdString(r.config.dataset);
    case State: return stateText(index.row());
    case Threads:
        return r.state == ComparisonRuns::RunState::Training ? QString::number(m_runs->threadsOf(index.row()))
                                                              : QStringLiteral("–");
    case Epoch: return QStringLiteral("%1 / %2").arg(r.epochsDone).arg(r.config.epochs);
    }
    return {};
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    const QStringList titles = {tr("Run"), tr("Dataset"), tr("State"), tr("Threads"), tr("Epoch")};
    return titles.value(section);
}
