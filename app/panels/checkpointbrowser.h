#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;

// The checkpoints of the current run: epoch, step, when, losses at that step, the quality score
// of that epoch (the best one marked) and a thumbnail
// of that epoch's grid; actions Resume from here, Sample, Delete (asks), Show in folder.
class CheckpointBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit CheckpointBrowser(QWidget *parent = nullptr);

    void setRunDirectory(const QString &runDir);
    void refresh();
    int count() const;
    QString checkpointAt(int row) const;
    QString selectedCheckpoint() const;
    void select(int row);
    // The row of the checkpoint with the lowest FD score, -1 when none was scored.
    int bestRow() const;
    // The FD column's text of a row ("19.8", "12.4 ★" for the best, or "" unscored).
    QString scoreText(int row) const;
    // Deletes a checkpoint file, asking first when `confirm`; returns whether it is gone.
    bool deleteCheckpoint(const QString &path, bool confirm = true);

Q_SIGNALS:
    void resumeRequested(const QString &checkpoint);
    void sampleRequested(const QString &checkpoint);
    // Something went wrong (a checkpoint could not be deleted): for the window's message bar.
    void problem(const QString &message);

private:
    QString m_runDir;
    QTreeWidget *m_list;
    QLabel *m_empty; // shown while the list is empty: when checkpoints come
};
