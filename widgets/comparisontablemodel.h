#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QPair>
#include <QString>
#include <QVector>

// The rows behind ComparisonTable: a heading, the settings whose values differ between the runs
// (all of them with one run, or when asked to show all), a second heading and each run's
// latest figures, one column per run. Changes touch only the rows and cells they change, so a
// view keeps its scroll position and the figures can update many times a second.
class ComparisonTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using Entries = QVector<QPair<QString, QString>>;

    explicit ComparisonTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Runs are columns, addressed by position; removing one shifts the later ones left.
    void addRun(const QString &title, const QColor &colour);
    void removeRun(int run);
    void setRunTitle(int run, const QString &title);
    void setSettings(int run, const Entries &settings);
    void setFigures(int run, const Entries &figures);
    QString runTitle(int run) const;
    QColor runColour(int run) const;

    // What a setting or figure means, shown as the tooltip of its row (the scores' one line each).
    void setExplanation(const QString &name, const QString &text) { m_explanations.insert(name, text); }

    bool showsAllSettings() const { return m_showAll; }
    void setShowAllSettings(bool all);

    // A heading row: its text stands in column 0 and spans the table.
    bool isHeading(int row) const;
    // Row of the setting or figure called name, -1 when it is not shown.
    int rowOf(const QString &name) const;

private:
    enum class Kind { SettingsHeading, Setting, FiguresHeading, Figure };
    struct Row
    {
        Kind kind;
        // The setting's or figure's name, or a heading's text.
        QString text;
        bool sameRowAs(const Row &other) const;
    };
    struct Run
    {
        QString title;
        QColor colour;
        Entries settings;
        Entries figures;
    };

    bool isValid(int run) const { return run >= 0 && run < m_runs.size(); }
    QVector<Row> wantedRows() const;
    // Setting names in order of first appearance over the runs, only those that differ unless
    // all are to be shown.
    QStringList settingNames() const;
    // Turns m_rows into wanted by removing, moving and inserting single rows.
    void syncRows(const QVector<Row> &wanted);
    // Stores a run's settings (kind Setting) or figures (Figure) and updates rows and cells.
    void setEntries(int run, Kind kind, const Entries &entries);
    // dataChanged for the cells of run whose value of kind differs between before and now.
    void emitChangedCells(int run, Kind kind, const Entries &before, const Entries &now);

    QVector<Run> m_runs;
    QVector<Row> m_rows;
    bool m_showAll = false;
    QHash<QString, QString> m_explanations;
};
