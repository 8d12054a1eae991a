#include "comparisontablemodel.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QIcon>
#include <QPalette>
#include <QPixmap>

#include <algorithm>
#include <utility>

namespace {

// The value of name in entries; a null string when the run has no such entry.
QString valueOf(const ComparisonTableModel::Entries &entries, const QString &name)
{
    for (const auto &entry : entries)
        if (entry.first == name)
            return entry.second;
    return QString();
}

void appendNames(const ComparisonTableModel::Entries &entries, QStringList &names)
{
    for (const auto &entry : entries)
        if (!names.contains(entry.first))
            names.append(entry.first);
}

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(colour);
    return QIcon(pixmap);
}

// What a missing value shows, so that "absent" reads differently from an empty value.
const QString kMissing = QStringLiteral("–");

} // namespace

bool ComparisonTableModel::Row::sameRowAs(const Row &other) const
{
    // A heading stays the same row when its text changes, so a view only repaints it.
    const bool heading = kind == Kind::SettingsHeading || kind == Kind::FiguresHeading;
    return kind == other.kind && (heading || text == other.text);
}

ComparisonTableModel::ComparisonTableModel(QObject *parent) : QAbstractTableModel(parent) {}

int ComparisonTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int ComparisonTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_runs.size();
}

QVariant ComparisonTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || !isValid(index.column()))
        return QVariant();
    const Row &row = m_rows[index.row()];
    if (isHeading(index.row())) {
        if (role == Qt::DisplayRole)
            return index.column() == 0 ? row.text : QString();
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (role == Qt::BackgroundRole)
            return QGuiApplication::palette().alternateBase();
        return QVariant();
    }
    if (role == Qt::ToolTipRole)
        return m_explanations.value(row.text);
    if (role != Qt::DisplayRole)
        return QVariant();
    const Run &run = m_runs[index.column()];
    const QString value = valueOf(row.kind == Kind::Setting ? run.settings : run.figures, row.text);
    return value.isNull() ? kMissing : value;
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::ToolTipRole && section >= 0 && section < m_rows.size())
            return m_explanations.value(m_rows[section].text);
        if (role != Qt::DisplayRole || section < 0 || section >= m_rows.size())
            return QVariant();
        return isHeading(section) ? QString() : m_rows[section].text;
    }
    if (!isValid(section))
        return QVariant();
    const Run &run = m_runs[section];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return run.title;
    case Qt::DecorationRole:
        return swatch(run.colour);
    case Qt::ForegroundRole:
        return QBrush(run.colour.darker(120));
    case Qt::TextAlignmentRole:
        // Left-aligned so that a long title is elided at its end instead of clipped at both.
        // Not bold: the header elides by the view's font and would clip a bold title instead.
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return QVariant();
    }
}

Qt::ItemFlags ComparisonTableModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled : Qt::NoItemFlags;
}

void ComparisonTableModel::addRun(const QString &title, const QColor &colour)
{
    beginInsertColumns(QModelIndex(), m_runs.size(), m_runs.size());
    m_runs.append({title, colour, {}, {}});
    endInsertColumns();
    syncRows(wantedRows());
}

void ComparisonTableModel::removeRun(int run)
{
    if (!isValid(run))
        return;
    beginRemoveColumns(QModelIndex(), run, run);
    m_runs.remove(run);
    endRemoveColumns();
    syncRows(wantedRows());
}

void ComparisonTableModel::setRunTitle(int run, const QString &title)
{
    if (!isValid(run))
        return;
    m_runs[run].title = title;
    Q_EMIT headerDataChanged(Qt::Horizontal, run, run);
}

void ComparisonTableModel::setSettings(int run, const Entries &settings)
{
    setEntries(run, Kind::Setting, settings);
}

void ComparisonTableModel::setFigures(int run, const Entries &figures)
{
    setEntries(run, Kind::Figure, figures);
}

QString ComparisonTableModel::runTitle(int run) const
{
    return isValid(run) ? m_runs[run].title : QString();
}

QColor ComparisonTableModel::runColour(int run) const
{
    return isValid(run) ? m_runs[run].colour : QColor();
}

void ComparisonTableModel::setShowAllSettings(bool all)
{
    if (all == m_showAll)
        return;
    m_showAll = all;
    syncRows(wantedRows());
}

bool ComparisonTableModel::isHeading(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return false;
    return m_rows[row].kind == Kind::SettingsHeading || m_rows[row].kind == Kind::FiguresHeading;
}

int ComparisonTableModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (!isHeading(row) && m_rows[row].text == name)
            return row;
    return -1;
}

QVector<ComparisonTableModel::Row> ComparisonTableModel::wantedRows() const
{
    QVector<Row> rows;
    if (m_runs.isEmpty())
        return rows;
    const QStringList settings = settingNames();
    // With one run nothing can differ; every setting is worth showing.
    if (m_showAll || m_runs.size() <= 1)
        rows.append({Kind::SettingsHeading, tr("Settings")});
    else if (settings.isEmpty())
        rows.append({Kind::SettingsHeading, tr("Settings: all the same")});
    else
        rows.append({Kind::SettingsHeading, tr("Settings that differ")});
    for (const QString &name : settings)
        rows.append({Kind::Setting, name});

    rows.append({Kind::FiguresHeading, tr("Latest figures")});
    QStringList figures;
    for (const Run &run : m_runs)
        appendNames(run.figures, figures);
    for (const QString &name : std::as_const(figures))
        rows.append({Kind::Figure, name});
    return rows;
}

QStringList ComparisonTableModel::settingNames() const
{
    QStringList names;
    for (const Run &run : m_runs)
        appendNames(run.settings, names);
    if (m_showAll || m_runs.size() <= 1)
        return names;
    QStringList differing;
    for (const QString &name : std::as_const(names)) {
        // A setting one run lacks counts as different: its value is unknown there.
        const QString first = valueOf(m_runs.first().settings, name);
        const bool same = std::all_of(m_runs.cbegin(), m_runs.cend(), [&](const Run &run) {
            const QString value = valueOf(run.settings, name);
            return !value.isNull() && !first.isNull() && value.trimmed() == first.trimmed();
        });
        if (!same)
            differing.append(name);
    }
    return differing;
}

void ComparisonTableModel::syncRows(const QVector<Row> &wanted)
{
    const auto wantedHas = [&](const Row &row) {
        return std::any_of(wanted.cbegin(), wanted.cend(), [&](const Row &w) { return w.sameRowAs(row); });
    };
    for (int i = 0; i < wanted.size(); ++i) {
        // Rows before i match wanted already; what stands at i and is not wanted goes.
        while (i < m_rows.size() && !wantedHas(m_rows[i])) {
            beginRemoveRows(QModelIndex(), i, i);
            m_rows.remove(i);
            endRemoveRows();
        }
        if (i < m_rows.size() && m_rows[i].sameRowAs(wanted[i])) {
            if (m_rows[i].text != wanted[i].text) {
                m_rows[i].text = wanted[i].text;
                Q_EMIT dataChanged(index(i, 0), index(i, std::max(0, columnCount() - 1)));
                Q_EMIT headerDataChanged(Qt::Vertical, i, i);
            }
            continue;
        }
        int from = i + 1;
        while (from < m_rows.size() && !m_rows[from].sameRowAs(wanted[i]))
            ++from;
        if (from < m_rows.size()) {
            // Further down (another run's entries came first): move it up.
            beginMoveRows(QModelIndex(), from, from, QModelIndex(), i);
            m_rows.move(from, i);
            endMoveRows();
        } else {
            beginInsertRows(QModelIndex(), i, i);
            m_rows.insert(i, wanted[i]);
            endInsertRows();
        }
    }
    if (m_rows.size() > wanted.size()) {
        beginRemoveRows(QModelIndex(), wanted.size(), m_rows.size() - 1);
        m_rows.resize(wanted.size());
        endRemoveRows();
    }
}

void ComparisonTableModel::setEntries(int run, Kind kind, const Entries &entries)
{
    if (!isValid(run))
        return;
    Entries &stored = kind == Kind::Setting ? m_runs[run].settings : m_runs[run].figures;
    const Entries before = std::exchange(stored, entries);
    // Rows first: a new name needs its row before its cell can change.
    syncRows(wantedRows());
    emitChangedCells(run, kind, before, entries);
}

void ComparisonTableModel::emitChangedCells(int run, Kind kind, const Entries &before, const Entries &now)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        const QString &name = m_rows[row].text;
        const QString was = valueOf(before, name);
        const QString is = valueOf(now, name);
        // A null value (missing, shown as a dash) equals an empty one for QString's operator==.
        if (m_rows[row].kind == kind && (was != is || was.isNull() != is.isNull()))
            Q_EMIT dataChanged(index(row, run), index(row, run), {Qt::DisplayRole});
    }
}
