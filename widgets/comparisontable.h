#pragma once

#include "comparisontablemodel.h"

#include <QColor>
#include <QImage>
#include <QString>
#include <QWidget>

class QCheckBox;
class QTableView;

// One column per run: first the settings whose values differ between the runs (all of them
// with one run, or with "Show all settings" ticked), then each run's latest figures. Names and
// values are plain strings from the app, so the table knows nothing about training. The rows
// live in a ComparisonTableModel; this widget shows them and draws them for the PNG export.
class ComparisonTable : public QWidget
{
    Q_OBJECT

public:
    using Entries = ComparisonTableModel::Entries;

    explicit ComparisonTable(QWidget *parent = nullptr);

    // Runs are addressed by position; removing one shifts the later ones down.
    void addRun(const QString &title, const QColor &colour);
    void removeRun(int run);
    void setRunTitle(int run, const QString &title);
    void setSettings(int run, const Entries &settings);
    void setFigures(int run, const Entries &figures);

    bool showsAllSettings() const;
    void setShowAllSettings(bool all);

    QTableView *table() const { return m_table; }
    ComparisonTableModel *model() const { return m_model; }
    // Row of the setting or figure called name, -1 when it is not shown.
    int rowOf(const QString &name) const { return m_model->rowOf(name); }
    // The table drawn as a plain image, width pixels wide, for the PNG export.
    QImage render(int width) const;

private:
    // Headings span the table; spans belong to the view, so they follow the model's rows here.
    void updateSpans();

    ComparisonTableModel *m_model;
    QTableView *m_table;
    QCheckBox *m_showAll;
};
