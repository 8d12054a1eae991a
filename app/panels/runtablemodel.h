#pragma once

#include <QAbstractTableModel>
#include <QColor>

#include <functional>

class ComparisonRuns;

// The comparison window's runs, one row each: name (in the run's colour), dataset, state,
// threads, epochs. Follows ComparisonRuns' signals and updates the rows that changed.
class RunTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Dataset, State, Threads, Epoch, ColumnCount };

    // `colour(row)` is the colour the comparison view draws that run in.
    RunTableModel(ComparisonRuns *runs, std::function<QColor(int)> colour, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "training", "paused: …", as the State column says.
    QString stateText(int row) const;
    // A run was added at the end of the list.
    void runAdded();

private:
    void rowChanged(int row, int firstColumn = Name, int lastColumn = ColumnCount - 1);

    ComparisonRuns *m_runs;
    std::function<QColor(int)> m_colour;
    int m_rows = 0; // the rows the views know of
};
