#pragma once

#include <QDialog>

#include <atomic>
#include <thread>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QSpinBox;

// File → Export GIF: a run's epoch frames as an animated GIF, written by the same writer as
// `ganvas-cli gif` (giflib), in a background thread with a progress bar and Cancel.
class GifExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GifExportDialog(const QString &runDir, QWidget *parent = nullptr);
    ~GifExportDialog() override;

    int frameCount() const { return m_epochs.size(); }
    void setRange(int firstEpoch, int lastEpoch);
    void setFramesPerSecond(int fps);
    void setScale(int scale);
    void setLoop(bool loop);
    void setEpochLabels(bool on);
    // Starts writing `file` in the background; finished() tells how it ended.
    void exportTo(const QString &file);
    void cancel() { m_cancel = true; }

Q_SIGNALS:
    void finished(bool written, const QString &message);

private:
    void chooseFileAndExport();
    void onDone(bool written, const QString &message);

    QString m_runDir;
    QVector<int> m_epochs; // epochs that have a frame, ascending
    QSpinBox *m_from, *m_to, *m_fps, *m_scale;
    QCheckBox *m_loop, *m_labels;
    QProgressBar *m_progress;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    std::thread m_worker;
    std::atomic<bool> m_cancel{false};
};
