#include "comparisonwindow.h"

#include "checkpoint/rundirectory.h"
#include "comparisonexport.h"
#include "coreshare.h"
#include "comparisonview.h"
#include "data/datasetpreview.h"
#include "engine/cpuruntime.h"
#include "engine/trainer.h"
#include "imageconversion.h"
#include "mainwindow.h"
#include "media/pngio.h"
#include "runcontroller.h"
#include "runsetupdialog.h"
#include "storedrun.h"
#include "trainerworker.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>
#include <cmath>

struct ComparisonWindow::Run
{
    int id = 0;                 // stable across removals (indices shift)
    QString name;
    QString runDir;
    ganvas::TrainingConfig config;
    RunController *controller = nullptr;
    RunState state = RunState::Ready;
    QString detail;             // the failure message
    int batchesPerEpoch = 0;
    int epochsDone = 0;
    ganvas::StepStats last;
    bool haveStats = false;
    int threads = 0;            // the share it was given while training
};

namespace {

int g_nextRunId = 1;

QString fileStem(const QString &dataset)
{
    const QFileInfo info(dataset);
    return info.fileName().isEmpty() ? dataset : info.fileName();
}

QString formatNumber(double v, int decimals)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

} // namespace

ComparisonWindow::ComparisonWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("GANvas — compare runs"));
    m_pool.setMaxThreadCount(1);
    buildUi();
    // A run starting or pausing in the main window changes the shares here too.
    connect(&CoreShare::instance(), &CoreShare::sharesChanged, this, [this] {
        for (Run *r : m_runs)
            if (r->controller && r->state == RunState::Training)
                r->threads = CoreShare::instance().shareOf(r->controller);
        refreshRunTable();
    });
    resize(1280, 860);
}

ComparisonWindow::~ComparisonWindow()
{
    // Deleting the controllers below tells CoreShare, whose signal must not reach this half-
    // destroyed window.
    disconnect(&CoreShare::instance(), nullptr, this, nullptr);
    stopAll();
    m_pool.waitForDone();
    for (Run *r : m_runs) {
        delete std::exchange(r->controller, nullptr);
        delete r;
    }
    m_runs.clear();
}

void ComparisonWindow::buildUi()
{
    m_view = new ComparisonView(this);
    setCentralWidget(m_view);

    auto *bar = addToolBar(tr("Runs"));
    bar->setObjectName("compareToolbar");
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *add = bar->addAction(tr("Add run…"), this, &ComparisonWindow::askAndAddRun);
    add->setShortcut(QKeySequence::New);
    bar->addAction(tr("Add run from disk…"), this, &ComparisonWindow::askAndAddRunFromDisk)
        ->setShortcut(QKeySequence::Open);
    bar->addSeparator();
    bar->addAction(tr("Start all"), this, &ComparisonWindow::startAll);
    bar->addAction(tr("Pause all"), this, [this] { pauseAll(true); });
    bar->addAction(tr("Stop all"), this, &ComparisonWindow::stopAll);
    bar->addSeparator();
    bar->addAction(tr("Export PNG…"), this, &ComparisonWindow::askAndExportPng);
    bar->addAction(tr("Export GIF…"), this, &ComparisonWindow::askAndExportGif);

    // The runs, one row each, with the controls for the selected one.
    auto *dock = new QDockWidget(tr("Runs"), this);
    dock->setObjectName("runsDock");
    auto *box = new QWidget(dock);
    auto *layout = new QVBoxLayout(box);
    m_runTable = new QTableWidget(0, 5, box);
    m_runTable->setHorizontalHeaderLabels({tr("Run"), tr("Dataset"), tr("State"), tr("Threads"), tr("Epoch")});
    m_runTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runTable->verticalHeader()->hide();
    m_runTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runTable->horizontalHeader()->setStretchLastSection(false);
    m_runTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    // Room for four runs; the comparison itself gets the rest of the window.
    m_runTable->setMaximumHeight(m_runTable->horizontalHeader()->sizeHint().height() +
                                 kMaxRuns * m_runTable->verticalHeader()->defaultSectionSize() + 6);
    layout->addWidget(m_runTable);
    auto *runBar = new QToolBar(box);
    m_startAction = runBar->addAction(tr("Start"), this, [this] { startRun(selectedRun()); });
    m_pauseAction = runBar->addAction(tr("Pause"), this, [this] {
        const int run = selectedRun();
        if (run >= 0)
            pauseRun(run, runState(run) != RunState::Paused);
    });
    m_stopAction = runBar->addAction(tr("Stop"), this, [this] { stopRun(selectedRun()); });
    m_removeAction = runBar->addAction(tr("Remove"), this, [this] { removeRun(selectedRun()); });
    m_threadsLabel = new QLabel(box);
    m_threadsLabel->setObjectName("threadsLabel");
    auto *controls = new QHBoxLayout;
    controls->addWidget(runBar);
    controls->addStretch(1);
    controls->addWidget(m_threadsLabel);
    layout->addLayout(controls);
    layout->setContentsMargins(6, 0, 6, 4);
    dock->setWidget(box);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    connect(m_runTable, &QTableWidget::itemSelectionChanged, this, &ComparisonWindow::refreshRunTable);
    statusBar()->addPermanentWidget(new QLabel(tr("%n CPU core(s)", nullptr, ganvas::availableCores()), this));
    refreshRunTable();
}

QString ComparisonWindow::runsRoot()
{
    return MainWindow::runsRoot();
}

int ComparisonWindow::indexOf(const Run *run) const
{
    const auto it = std::find(m_runs.begin(), m_runs.end(), run);
    return it == m_runs.end() ? -1 : int(it - m_runs.begin());
}

ComparisonWindow::RunState ComparisonWindow::runState(int run) const
{
    return run >= 0 && run < runCount() ? m_runs[run]->state : RunState::Ready;
}

QString ComparisonWindow::runDirectory(int run) const
{
    return run >= 0 && run < runCount() ? m_runs[run]->runDir : QString();
}

int ComparisonWindow::epochsDone(int run) const
{
    return run >= 0 && run < runCount() ? m_runs[run]->epochsDone : 0;
}

ganvas::StepStats ComparisonWindow::lastStats(int run) const
{
    return run >= 0 && run < runCount() ? m_runs[run]->last : ganvas::StepStats{};
}

int ComparisonWindow::threadsOf(int run) const
{
    if (run < 0 || run >= runCount() || m_runs[run]->state != RunState::Training)
        return 0;
    return m_runs[run]->threads;
}

int ComparisonWindow::selectedRun() const
{
    const auto rows = m_runTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

int ComparisonWindow::addRun(const ganvas::TrainingConfig &config, const QString &name)
{
    if (runCount() >= kMaxRuns) {
        m_lastError = tr("At most %1 runs can be compared; remove one first.").arg(kMaxRuns);
        return -1;
    }
    const auto problems = config.validate();
    if (!problems.empty()) {
        QStringList all;
        for (const auto &p : problems)
            all << QString::fromStdString(p);
        m_lastError = tr("Invalid settings: %1").arg(all.join("; "));
        return -1;
    }
    auto *r = new Run;
    r->id = g_nextRunId++;
    r->config = config;
    r->name = name.isEmpty() ? QStringLiteral("%1 · %2").arg(fileStem(QString::fromStdString(config.dataset)),
                                                             QString::fromStdString(config.loss))
                             : name;
    const QString stamp = QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss-zzz");
    r->runDir = QStringLiteral("%1/compare-%2-%3").arg(runsRoot(), stamp).arg(r->id);
    const int index = attach(r);
    if (index >= 0)
        showAdded(index);
    return index;
}

int ComparisonWindow::addRunFromDisk(const QString &runDir)
{
    if (runCount() >= kMaxRuns) {
        m_lastError = tr("At most %1 runs can be compared; remove one first.").arg(kMaxRuns);
        return -1;
    }
    StoredRun stored;
    try {
        stored = readStoredRun(runDir);
    } catch (const std::exception &e) {
        m_lastError = tr("Cannot open %1: %2").arg(runDir, QString::fromUtf8(e.what()));
        return -1;
    }
    auto *r = new Run;
    r->id = g_nextRunId++;
    r->runDir = stored.root;
    r->name = QDir(stored.root).dirName();
    r->state = RunState::OnDisk;
    r->config = stored.config;
    r->batchesPerEpoch = stored.batchesPerEpoch;
    r->epochsDone = stored.lastEpoch();
    const int index = attach(r);
    if (index < 0)
        return -1;
    if (r->batchesPerEpoch > 0) {
        QVector<double> x, d, g;
        for (const auto &row : stored.metrics) {
            x << double(row.step) / r->batchesPerEpoch;
            d << row.dLoss;
            g << row.gLoss;
        }
        m_view->addLosses(index, x, d, g);
    }
    if (!stored.metrics.empty()) {
        r->last = stored.metrics.back();
        r->haveStats = true;
    }
    for (auto it = stored.frames.cbegin(); it != stored.frames.cend(); ++it)
        m_view->setFrame(index, it.key(), it.value());
    showAdded(index);
    return index;
}

int ComparisonWindow::attach(Run *run)
{
    const int index = m_view->addRun(run->name);
    if (index < 0) {
        delete run;
        m_lastError = tr("The comparison view is full.");
        return -1;
    }
    m_runs.push_back(run);
    return index;
}

void ComparisonWindow::showAdded(int run)
{
    loadRealSamples(run);
    refreshSettings();
    refreshFigures(run);
    refreshRunTable();
}

void ComparisonWindow::removeRun(int run)
{
    if (run < 0 || run >= runCount())
        return;
    Run *r = m_runs[run];
    // Stops the run (a checkpoint is written) and waits for its thread.
    delete std::exchange(r->controller, nullptr);
    m_runs.erase(m_runs.begin() + run);
    m_view->removeRun(run);
    delete r;
    rebalanceThreads();
    refreshSettings();
    refreshRunTable();
}

void ComparisonWindow::loadRealSamples(int run)
{
    // Reading a dataset takes a moment: off the GUI thread, one at a time.
    const int id = m_runs[run]->id;
    const ganvas::TrainingConfig config = m_runs[run]->config;
    m_pool.start([this, id, config] {
        QImage grid;
        QString info;
        try {
            const auto preview = ganvas::previewDataset(config);
            grid = toQImage(preview.grid);
        } catch (const std::exception &) {
            // The run itself reports a dataset it cannot read when it starts.
        }
        QMetaObject::invokeMethod(this, [this, id, grid] {
            for (int i = 0; i < runCount(); ++i)
                if (m_runs[i]->id == id && !grid.isNull())
                    m_view->setRealSamples(i, grid);
        }, Qt::QueuedConnection);
    });
}

void ComparisonWindow::startRun(int run)
{
    if (run < 0 || run >= runCount())
        return;
    Run *r = m_runs[run];
    if (r->state == RunState::Training || r->state == RunState::Paused)
        return;
    QString checkpoint;
    if (r->state != RunState::Ready) {
        // Continue from the newest checkpoint (a stopped run, or one added from disk).
        try {
            checkpoint = QString::fromStdString(ganvas::RunDirectory::resolveCheckpoint(r->runDir.toStdString()));
        } catch (const std::exception &e) {
            setState(run, RunState::Failed, QString::fromUtf8(e.what()));
            return;
        }
        if (r->epochsDone >= r->config.epochs) {
            m_lastError = tr("%1 has trained all its %2 epochs.").arg(r->name).arg(r->config.epochs);
            statusBar()->showMessage(m_lastError, 5000);
            return;
        }
    }
    launch(run, checkpoint);
}

void ComparisonWindow::launch(int run, const QString &checkpoint)
{
    Run *r = m_runs[run];
    delete std::exchange(r->controller, nullptr);
    r->controller = new RunController(this);
    auto *w = r->controller->worker();
    // The controller is the context: signals still queued when a run is removed are dropped.
    connect(w, &TrainerWorker::started, r->controller, [this, r](int batches, int, qint64) {
        r->batchesPerEpoch = batches;
    });
    connect(w, &TrainerWorker::statsReady, r->controller, [this, r](const ganvas::StepStats &s) {
        const int i = indexOf(r);
        r->last = s;
        r->haveStats = true;
        if (r->batchesPerEpoch > 0)
            m_view->addLosses(i, {double(s.step) / r->batchesPerEpoch}, {s.dLoss}, {s.gLoss});
        refreshFigures(i);
    });
    connect(w, &TrainerWorker::epochFinished, r->controller, [this, r](int epoch, qint64, const QImage &grid) {
        const int i = indexOf(r);
        r->epochsDone = epoch;
        m_view->setFrame(i, epoch, grid);
        refreshFigures(i);
        refreshRunTable();
        Q_EMIT runEpoch(i, epoch);
    });
    connect(w, &TrainerWorker::paused, r->controller, [this, r](bool paused) {
        const int i = indexOf(r);
        if (r->state == RunState::Training || r->state == RunState::Paused)
            setState(i, paused ? RunState::Paused : RunState::Training);
    });
    connect(w, &TrainerWorker::failed, r->controller, [this, r](const QString &message) {
        setState(indexOf(r), RunState::Failed, message);
    });
    connect(w, &TrainerWorker::finished, r->controller, [this, r](bool completed) {
        const int i = indexOf(r);
        if (r->state != RunState::Failed)
            setState(i, completed ? RunState::Finished : RunState::Stopped);
        Q_EMIT runFinished(i, completed);
    });
    QDir().mkpath(r->runDir);
    r->detail.clear();
    setState(run, RunState::Training); // counts it in the share before it starts
    ganvas::TrainingConfig config = r->config;
    config.threads = r->threads;
    r->controller->start(QString::fromStdString(config.toJson()), r->runDir, checkpoint);
}

void ComparisonWindow::pauseRun(int run, bool pause)
{
    if (run < 0 || run >= runCount() || !m_runs[run]->controller)
        return;
    auto *w = m_runs[run]->controller->worker();
    if (pause)
        w->requestPause();
    else
        w->requestResume();
}

void ComparisonWindow::stopRun(int run)
{
    if (run < 0 || run >= runCount() || !m_runs[run]->controller)
        return;
    m_runs[run]->controller->worker()->requestStop();
}

void ComparisonWindow::startAll()
{
    for (int i = 0; i < runCount(); ++i) {
        if (runState(i) == RunState::Paused)
            pauseRun(i, false);
        else if (runState(i) == RunState::Ready || runState(i) == RunState::Stopped)
            startRun(i);
    }
}

void ComparisonWindow::pauseAll(bool pause)
{
    for (int i = 0; i < runCount(); ++i)
        pauseRun(i, pause);
}

void ComparisonWindow::stopAll()
{
    for (Run *r : m_runs)
        if (r->controller)
            r->controller->stopAndWait();
}

void ComparisonWindow::setState(int run, RunState state, const QString &detail)
{
    if (run < 0 || run >= runCount())
        return;
    Run *r = m_runs[run];
    r->state = state;
    if (!detail.isEmpty())
        r->detail = detail;
    rebalanceThreads();
    refreshRunTable();
    Q_EMIT runStateChanged(run);
}

void ComparisonWindow::rebalanceThreads()
{
    // The cores are shared by every run training in this process (the main window's too).
    auto &share = CoreShare::instance();
    for (Run *r : m_runs)
        if (r->controller)
            share.setTraining(r->controller, r->controller->worker(), r->state == RunState::Training);
    for (Run *r : m_runs)
        if (r->controller && r->state == RunState::Training)
            r->threads = share.shareOf(r->controller);
    m_threadsLabel->setText(threadSummary());
}

QString ComparisonWindow::threadSummary() const
{
    return CoreShare::instance().summary();
}

QString ComparisonWindow::stateText(RunState state)
{
    switch (state) {
    case RunState::Ready: return tr("ready");
    case RunState::Training: return tr("training");
    case RunState::Paused: return tr("paused");
    case RunState::Finished: return tr("finished");
    case RunState::Stopped: return tr("stopped");
    case RunState::Failed: return tr("failed");
    case RunState::OnDisk: return tr("from disk");
    }
    return {};
}

void ComparisonWindow::refreshRunTable()
{
    const int selected = selectedRun();
    m_runTable->setRowCount(runCount());
    for (int i = 0; i < runCount(); ++i) {
        const Run *r = m_runs[i];
        auto set = [this, i](int column, const QString &text) {
            auto *item = m_runTable->item(i, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_runTable->setItem(i, column, item);
            }
            item->setText(text);
            return item;
        };
        auto *name = set(0, r->name);
        name->setForeground(m_view->runColor(i));
        name->setToolTip(r->runDir);
        set(1, QString::fromStdString(r->config.dataset));
        QString state = stateText(r->state);
        if (!r->detail.isEmpty())
            state += ": " + r->detail;
        set(2, state)->setToolTip(r->detail);
        set(3, r->state == RunState::Training ? QString::number(r->threads) : QStringLiteral("–"));
        set(4, QStringLiteral("%1 / %2").arg(r->epochsDone).arg(r->config.epochs));
        QString status = state;
        if (r->state == RunState::Training)
            status += tr(" · %n thread(s)", nullptr, r->threads);
        m_view->setRunStatus(i, status);
    }
    const RunState s = runState(selected);
    const bool any = selected >= 0;
    m_startAction->setEnabled(any && s != RunState::Training && s != RunState::Paused);
    m_pauseAction->setEnabled(any && (s == RunState::Training || s == RunState::Paused));
    m_pauseAction->setText(s == RunState::Paused ? tr("Resume") : tr("Pause"));
    m_stopAction->setEnabled(any && (s == RunState::Training || s == RunState::Paused));
    m_removeAction->setEnabled(any);
    m_threadsLabel->setText(threadSummary());
}

void ComparisonWindow::refreshSettings()
{
    for (int i = 0; i < runCount(); ++i) {
        const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(m_runs[i]->config.toJson())).object();
        QVector<QPair<QString, QString>> settings;
        for (auto it = json.begin(); it != json.end(); ++it) {
            if (it.key() == "threads")
                continue; // the share of the cores, not a setting of the run
            settings.append({it.key(), it.value().toVariant().toString()});
        }
        m_view->setSettings(i, settings);
    }
}

void ComparisonWindow::refreshFigures(int run)
{
    if (run < 0 || run >= runCount())
        return;
    const Run *r = m_runs[run];
    const auto &s = r->last;
    const bool have = r->haveStats;
    auto value = [have](double v, int decimals) { return have ? formatNumber(v, decimals) : QStringLiteral("–"); };
    m_view->setFigures(run, {
        {tr("epochs done"), QStringLiteral("%1 / %2").arg(r->epochsDone).arg(r->config.epochs)},
        {tr("D loss"), value(s.dLoss, 3)},
        {tr("G loss"), value(s.gLoss, 3)},
        {tr("D(x)"), value(s.dReal, 3)},
        {tr("D(G(z))"), value(s.dFake, 3)},
        {tr("images/s"), value(s.imagesPerSec, 0)},
        {tr("step"), have ? QString::number(s.step) : QStringLiteral("–")},
    });
}

bool ComparisonWindow::exportPng(const QString &path, QString *error) const
{
    return m_view->exportPng(path, error);
}

bool ComparisonWindow::exportGif(const QString &path, int fps, QString *error) const
{
    return writeComparisonGif(*m_view, path, fps, error);
}

void ComparisonWindow::askAndAddRun()
{
    if (runCount() >= kMaxRuns) {
        QMessageBox::information(this, tr("Compare runs"), tr("At most %1 runs can be compared.").arg(kMaxRuns));
        return;
    }
    // Start from the last run's settings: a comparison usually changes one thing.
    const ganvas::TrainingConfig base = m_runs.empty() ? m_template : m_runs.back()->config;
    RunSetupDialog dialog(base, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const int run = addRun(dialog.config(), dialog.name());
    if (run < 0) {
        QMessageBox::warning(this, tr("Add run"), m_lastError);
        return;
    }
    startRun(run);
}

void ComparisonWindow::askAndAddRunFromDisk()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add a run directory"), runsRoot());
    if (dir.isEmpty())
        return;
    if (addRunFromDisk(dir) < 0)
        QMessageBox::warning(this, tr("Add run from disk"), m_lastError);
}

void ComparisonWindow::askAndExportPng()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the comparison as PNG"),
                                                      QDir::home().filePath("comparison.png"), tr("PNG images (*.png)"));
    if (file.isEmpty())
        return;
    QString error;
    if (!exportPng(file, &error))
        QMessageBox::warning(this, tr("Export PNG"), error);
    else
        statusBar()->showMessage(tr("Wrote %1").arg(file), 5000);
}

void ComparisonWindow::askAndExportGif()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the comparison as GIF"),
                                                      QDir::home().filePath("comparison.gif"), tr("GIF images (*.gif)"));
    if (file.isEmpty())
        return;
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = exportGif(file, 4, &error);
    QApplication::restoreOverrideCursor();
    if (!ok)
        QMessageBox::warning(this, tr("Export GIF"), error);
    else
        statusBar()->showMessage(tr("Wrote %1").arg(file), 5000);
}

void ComparisonWindow::closeEvent(QCloseEvent *event)
{
    // Every training run stops with a checkpoint, so it can be continued later.
    stopAll();
    event->accept();
}
