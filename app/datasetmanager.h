#pragma once

#include <QDialog>
#include <QImage>

#include <atomic>
#include <thread>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

// File → Datasets: which datasets are here (the installed Fashion-MNIST counts), fetching
// MNIST, Fashion-MNIST and CIFAR-10 with progress and Cancel (the same code as
// `ganvas-cli datasets fetch`), verifying a copy, and a preview of any dataset or image
// folder: a grid of real samples with its count, size and channels.
class DatasetManager : public QDialog
{
    Q_OBJECT

public:
    explicit DatasetManager(QWidget *parent = nullptr);
    ~DatasetManager() override;

    void setDataDir(const QString &dir);
    QString dataDir() const;
    void setMirror(const QString &url);
    QTableWidget *table() const { return m_table; }
    QProgressBar *progressBar() const { return m_progress; }
    // The status column of a dataset ("not installed", "installed at …", "fetched to …").
    QString statusOf(const QString &name) const;

    // Starts fetching in the background; fetchFinished() tells how it ended.
    bool fetch(const QString &name);
    void cancelFetch() { m_cancel = true; }
    bool isFetching() const { return m_fetching; }
    // Checks the copy the locator finds; returns "" when it is fine, else the problems.
    QString verify(const QString &name);
    // Shows real samples of a dataset name or folder (image folders at this size and colour).
    bool preview(const QString &nameOrPath, int imageSize = 32, int imageChannels = 0);
    QImage previewImage() const { return m_previewImage; }
    QString previewInfo() const;
    QString message() const;

Q_SIGNALS:
    void fetchFinished(bool ok, const QString &message);
    // "Use for training": the dataset (name or folder) the user picked.
    void datasetChosen(const QString &dataset);

private:
    void refresh();
    QString selectedName() const;
    void onProgress(const QString &phase, const QString &file, int index, int count, qint64 bytes, qint64 total);
    void onFetchDone(bool ok, const QString &message);
    void setBusy(bool busy);
    void setMessage(const QString &text, bool error);

    QLineEdit *m_dataDir, *m_mirror;
    QTableWidget *m_table;
    QPushButton *m_fetch, *m_cancelButton, *m_verify, *m_preview, *m_folder, *m_use;
    QComboBox *m_size, *m_channels;
    QProgressBar *m_progress;
    QLabel *m_message, *m_previewLabel, *m_previewInfo;
    QImage m_previewImage;
    QString m_previewSource;
    std::thread m_worker;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_fetching{false};
};
