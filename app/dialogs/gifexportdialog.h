#pragma once

#include "runs/backgroundjob.h"

#include <QDialog>

#include <atomic>
#include <memory>
#include <variant>

class QLabel;
class QPushButton;

namespace Ui {
class GifExportDialog;
}

// File → Export GIF: a run's epoch frames as an animated GIF, written by the same writer as
// `ganvas-cli gif` (giflib), as a background job with a progress bar and Cancel. The layout is
// the form ui/gifexportdialog.ui.
class GifExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GifExportDialog(const QString &runDir, QWidget *parent = nullptr);
    ~GifExportDialog() override;

    int frameCount() const { return int(m_epochs.size()); }
    int scale() const;
    bool epochLabels() const;
    void setRange(int firstEpoch, int lastEpoch);
    void setFramesPerSecond(int fps);
    void setScale(int scale);
    void setLoop(bool loop);
    void setEpochLabels(bool on);
    // Starts writing `file` in the background; finished() tells how it ended.
    void exportTo(const QString &file);
    void cancel() { m_cancel = true; }
    bool isExporting() const { return m_exporting; }

Q_SIGNALS:
    void finished(bool written, const QString &message);

private:
    void chooseFileAndExport();
    void onDone(const JobOutcome<bool> &outcome, const QString &file, int frames);

    std::unique_ptr<Ui::GifExportDialog> m_ui;
    QString m_runDir;
    QVector<int> m_epochs; // epochs that have a frame, ascending
    QFuture<JobOutcome<bool>> m_job;
    bool m_exporting = false;
    std::atomic<bool> m_cancel{false};
    QLabel *m_preview = nullptr;          // the last frame, as the GIF will show it
    QPushButton *m_showFile = nullptr;    // after a GIF is written: its folder
    QString m_written;
};
