#pragma once

#include "runs/backgroundjob.h"

#include <QDialog>
#include <QImage>

#include <atomic>
#include <memory>

class DatasetListModel;
class QAction;
class QProgressBar;
class QTableView;

namespace Ui {
class DatasetManager;
}

// File → Datasets: which datasets are here (the installed Fashion-MNIST counts), fetching
// MNIST, Fashion-MNIST and CIFAR-10 with progress and Cancel (the same code as
// `ganvas-cli datasets fetch`, as a background job), verifying a copy, and a preview of any
// dataset or image folder: a grid of real samples with its count, size and channels. The frame
// is the form ui/datasetmanager.ui.
class DatasetManager : public QDialog
{
    Q_OBJECT

public:
    explicit DatasetManager(QWidget *parent = nullptr);
    ~DatasetManager() override;

    void setDataDir(const QString &dir);
    QString dataDir() const;
    void setMirror(const QString &url);
    QTableView *table() const;
    QProgressBar *progressBar() const;
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
    // The message on show: what a fetch, a verify or a preview said.
    QString message() const;

Q_SIGNALS:
    void fetchFinished(bool ok, const QString &message);
    // "Use for training": the dataset (name or folder) the user picked.
    void datasetChosen(const QString &dataset);

private:
    void connectButtons();
    void buildMenu();
    void refresh();
    QString selectedName() const;
    void onProgress(const QString &phase, const QString &file, int index, int count, qint64 bytes, qint64 total);
    void onFetchDone(bool ok, const QString &message);
    void setBusy(bool busy);
    void setMessage(const QString &text, bool error);

    std::unique_ptr<Ui::DatasetManager> m_ui;
    DatasetListModel *m_model;
    QImage m_previewImage;
    QString m_previewSource;
    QFuture<JobOutcome<QString>> m_job;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_fetching{false};
    QAction *m_menuActions[4] = {}; // Fetch, Verify, Preview, Use: enabled as their buttons
};
