#pragma once

#include <QColor>
#include <QImage>
#include <QPair>
#include <QString>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QTableWidget;

// One column per run: first the settings whose values differ between the runs (all of them
// with one run, or with "Show all settings" ticked), then each run's latest figures. Names and
// values are plain strings from the app, so the table knows nothing about training.
class ComparisonTable : public QWidget
{
    Q_OBJECT

public:
    using Entries = QVector<QPair<QString, QString>>;

    explicit ComparisonTable(QWidget *parent = nullptr);

    // Runs are addressed by position; removing one shifts the later ones down.
    void addRun(const QString &title, const QColor &colour);
    void removeRun(int run);
    void setRunTitle(int run, const QString &title);
    void setSettings(int run, const Entries &settings);
    void setFigures(int run, const Entries &figures);

    bool showsAllSettings() const;
    void setShowAllSettings(bool all);

    QTableWidget *table() const { return m_table; }
    // Row of the setting or figure called name, -1 when it is not shown.
    int rowOf(const QString &name) const;
    // The table drawn as a plain image, width pixels wide, for the PNG export.
    QImage render(int width) const;

private:
    void rebuild();
    // Setting names in order of first appearance over the runs, filtered by the check-box.
    QStringList settingRows() const;
    QStringList figureRows() const;
    void addSectionRow(const QString &text);
    void addValueRow(const QString &name, const QVector<const Entries *> &columns);

    struct Run
    {
        QString title;
        QColor colour;
        Entries settings;
        Entries figures;
    };

    QTableWidget *m_table;
    QCheckBox *m_showAll;
    QVector<Run> m_runs;
};
