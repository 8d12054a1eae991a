#include "mainwindow.h"

#include "checkpoint/rundirectory.h"
#include "engine/trainer.h"
#include "engine/trainingconfig.h"
#include "checkpointbrowser.h"
#include "coreshare.h"
#include "comparisonwindow.h"
#include "datasetmanager.h"
#include "engine/sampler.h"
#include "data/datasetpreview.h"
#include "framescrubber.h"
#include "gifexportdialog.h"
#include "hyperparameterpanel.h"
#include "imageconversion.h"
#include "media/pngio.h"
#include "lossplot.h"
#include "runcontroller.h"
#include "samplegridview.h"
#include "storedrun.h"
#include "trainerworker.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QSettings>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_plot(new LossPlot), m_grid(new SampleGridView), m_scrubber(new FrameScrubber)
{
    setWindowTitle(tr("GANvas"));
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_plot);
    // The grid of the latest epoch, and under it a scrubber over every epoch's grid so far.
    auto *gridColumn = new QWidget;
    auto *gridLayout = new QVBoxLayout(gridColumn);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->addWidget(m_grid, 1);
    gridLayout->addWidget(m_scrubber);
    connect(m_scrubber, &FrameScrubber::currentFrameChanged, this,
            [this](int epoch, const QImage &grid) { m_grid->setGrid(grid, epoch); });
    split->addWidget(gridColumn);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({520, 420}); // room for the grid at 3x on a 1280-wide window
    setCentralWidget(split);
    buildActions();
    buildPanel();
    m_epochLabel = new QLabel(tr("epoch –"));
    m_stepLabel = new QLabel(tr("step –"));
    m_speedLabel = new QLabel(tr("– img/s"));
    m_elapsedLabel = new QLabel(tr("elapsed –"));
    m_etaLabel = new QLabel(tr("ETA –"));
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(240);
    for (QWidget *w : {static_cast<QWidget *>(m_epochLabel), static_cast<QWidget *>(m_stepLabel),
                       static_cast<QWidget *>(m_speedLabel), static_cast<QWidget *>(m_elapsedLabel),
                       static_cast<QWidget *>(m_etaLabel)})
        statusBar()->addWidget(w);
    statusBar()->addPermanentWidget(m_progress);
    setRunning(false);
    resize(1280, 800);
    restoreSettings();
}

MainWindow::~MainWindow()
{
    delete m_comparison;
}

void MainWindow::buildFileMenu()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    auto *newAction = file->addAction(tr("&New run"), this, [this] { newRun(); });
    newAction->setShortcut(QKeySequence::New);
    auto *open = file->addAction(tr("&Open run…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a run directory"), runsRoot());
        if (!dir.isEmpty())
            openRun(dir);
    });
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    file->addSeparator();
    file->addAction(tr("Export &GIF…"), this, [this] {
        if (m_runDir.isEmpty()) {
            m_panel->showError(tr("No run yet: start or open one to export its frames."));
            return;
        }
        GifExportDialog dialog(m_runDir, this);
        dialog.exec();
    });
    file->addAction(tr("Export plot as PNG/PD&F…"), this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export plot"), m_runDir + "/losses.png",
                                                          tr("PNG (*.png);;PDF (*.pdf)"));
        if (file.isEmpty())
            return;
        const bool ok = file.endsWith(".pdf", Qt::CaseInsensitive) ? m_plot->exportPdf(file)
                                                                   : m_plot->exportPng(file, 1600, 1000);
        if (!ok)
            m_panel->showError(tr("Could not write %1").arg(file));
    });
    file->addAction(tr("Export grid as &PNG…"), this, [this] {
        if (m_grid->grid().isNull())
            return;
        const QString file = QFileDialog::getSaveFileName(this, tr("Export grid"), m_runDir + "/grid.png",
                                                          tr("PNG (*.png)"));
        if (!file.isEmpty() && !m_grid->grid().save(file, "PNG"))
            m_panel->showError(tr("Could not write %1").arg(file));
    });
    file->addSeparator();
    auto *compare = file->addAction(tr("&Compare runs…"), this, [this] { showComparison(); });
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    auto *datasets = file->addAction(tr("&Datasets…"), this, [this] { showDatasets(); });
    datasets->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    file->addSeparator();
    auto *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::buildActions()
{
    buildFileMenu();
    auto *tools = addToolBar(tr("Training"));
    tools->setObjectName("trainingToolBar");
    auto *menu = menuBar()->addMenu(tr("&Training"));
    auto add = [&](const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, this);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        tools->addAction(a);
        menu->addAction(a);
        return a;
    };
    m_start = add(tr("Start"), QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { start(); });
    m_pause = add(tr("Pause"), QKeySequence(Qt::CTRL | Qt::Key_P), [this] {
        if (!m_controller)
            return;
        if (m_pause->isChecked())
            m_controller->worker()->requestPause();
        else
            m_controller->worker()->requestResume();
    });
    m_pause->setCheckable(true);
    m_step = add(tr("Step"), QKeySequence(Qt::Key_F10), [this] {
        if (m_controller)
            m_controller->worker()->requestStep();
        m_pause->setChecked(true);
    });
    m_stop = add(tr("Stop"), QKeySequence(Qt::SHIFT | Qt::Key_F5), [this] {
        if (m_controller)
            m_controller->worker()->requestStop();
    });
    m_save = add(tr("Save checkpoint"), QKeySequence::Save, [this] {
        if (m_controller)
            m_controller->worker()->requestCheckpoint();
    });
    tools->addSeparator();
    menu->addSeparator();
    m_previewAction = add(tr("Preview data"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), [this] { previewData(); });
    m_previewAction->setToolTip(tr("Show real training images of the chosen dataset"));
}

bool MainWindow::previewData()
{
    // Real images first: what the generator is meant to learn, before any epoch exists.
    if (m_controller && m_controller->isRunning())
        return false;
    try {
        const auto p = ganvas::previewDataset(m_panel->config());
        m_grid->setRealSamples(toQImage(p.grid),
                               tr("Real samples · %1 images · %2×%3 %4")
                                   .arg(QLocale().toString(qlonglong(p.count)))
                                   .arg(p.width)
                                   .arg(p.height)
                                   .arg(p.channels == 3 ? tr("colour") : tr("grey")));
        m_panel->showError({});
        return true;
    } catch (const std::exception &e) {
        m_panel->showError(QString::fromUtf8(e.what()));
        return false;
    }
}

void MainWindow::buildPanel()
{
    m_panel = new HyperparameterPanel;
    connect(m_panel, &HyperparameterPanel::liveSettingsChanged, this, [this] {
        if (m_controller && m_panel->validate().isEmpty())
            m_controller->worker()->updateLiveSettings(QString::fromStdString(m_panel->config().toJson()));
    });
    auto *dock = new QDockWidget(tr("Settings"), this);
    dock->setObjectName("settingsDock");
    dock->setWidget(m_panel);
    dock->setMinimumWidth(300);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    m_checkpoints = new CheckpointBrowser;
    connect(m_checkpoints, &CheckpointBrowser::resumeRequested, this, &MainWindow::resumeFrom);
    connect(m_checkpoints, &CheckpointBrowser::sampleRequested, this, &MainWindow::sampleFrom);
    auto *ckDock = new QDockWidget(tr("Checkpoints"), this);
    ckDock->setObjectName("checkpointDock");
    ckDock->setWidget(m_checkpoints);
    addDockWidget(Qt::LeftDockWidgetArea, ckDock);
    tabifyDockWidget(dock, ckDock);
    dock->raise();
}

QString MainWindow::configJson() const
{
    return QString::fromStdString(m_panel->config().toJson());
}

void MainWindow::setLimit(qint64 limit)
{
    auto c = m_panel->config();
    c.limit = limit;
    m_panel->setConfig(c);
}

QString MainWindow::settingsError() const
{
    return m_panel->errorText();
}

void MainWindow::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_pause->setEnabled(running);
    m_step->setEnabled(running);
    m_stop->setEnabled(running);
    m_save->setEnabled(running);
    m_previewAction->setEnabled(!running);
    if (!running)
        m_pause->setChecked(false);
    m_panel->setRunning(running);
}

QString MainWindow::runsRoot()
{
    const QString root = qEnvironmentVariable("GANVAS_RUNS_DIR");
    return root.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/runs" : root;
}

void MainWindow::newRun()
{
    if (m_controller && m_controller->isRunning())
        return;
    m_openedRun.clear();
    m_runDir.clear();
    m_plot->clear();
    m_grid->setGrid({}, 0);
    m_scrubber->clear();
    m_panel->showError({});
    setWindowTitle(tr("GANvas"));
}

void MainWindow::rememberRun(const QString &runDir)
{
    QSettings settings;
    QStringList recent = settings.value("recentRuns").toStringList();
    recent.removeAll(runDir);
    recent.prepend(runDir);
    while (recent.size() > 8)
        recent.removeLast();
    settings.setValue("recentRuns", recent);
    settings.setValue("lastRun", runDir);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value("recentRuns").toStringList();
    for (const QString &dir : recent)
        m_recentMenu->addAction(dir, this, [this, dir] { openRun(dir); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray());
    const QString last = settings.value("lastConfig").toString();
    if (!last.isEmpty()) {
        try {
            m_panel->setConfig(ganvas::TrainingConfig::fromJson(last.toStdString(), "saved settings"));
        } catch (const std::exception &) {
            // Settings from another version: keep the defaults.
        }
    }
    updateRecentMenu();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    settings.setValue("lastConfig", configJson());
}

bool MainWindow::openRun(const QString &runDir)
{
    StoredRun run;
    try {
        run = readStoredRun(runDir);
    } catch (const std::exception &e) {
        m_panel->showError(tr("Cannot open %1: %2").arg(runDir, QString::fromUtf8(e.what())));
        return false;
    }
    m_panel->setConfig(run.config);
    m_plot->clear();
    const auto &rows = run.metrics;
    for (size_t i = 0; i < rows.size(); ++i) {
        const auto &r = rows[i];
        m_plot->addPoint(double(r.step), r.dLoss, r.gLoss, r.dReal, r.dFake);
        if (i + 1 < rows.size() && rows[i + 1].epoch != r.epoch)
            m_plot->markEpoch(double(r.step));
    }
    m_scrubber->clear();
    m_grid->setGrid({}, 0);
    for (auto it = run.frames.cbegin(); it != run.frames.cend(); ++it)
        m_scrubber->addFrame(it.key(), it.value());
    m_panel->showError({});
    m_openedRun = run.root;
    m_runDir = m_openedRun;
    rememberRun(m_openedRun);
    m_checkpoints->setRunDirectory(m_openedRun);
    setWindowTitle(tr("GANvas — %1").arg(QDir(m_openedRun).dirName()));
    return true;
}

void MainWindow::resumeFrom(const QString &checkpoint)
{
    if (m_controller && m_controller->isRunning())
        return;
    try {
        auto config = ganvas::Trainer::checkpointConfig(checkpoint.toStdString());
        config.epochs = std::max(config.epochs, m_panel->config().epochs);
        m_panel->setConfig(config);
        QDir runDir = QFileInfo(checkpoint).absoluteDir(); // <run>/checkpoints
        runDir.cdUp();
        launch(QString::fromStdString(config.toJson()), runDir.absolutePath(), checkpoint);
    } catch (const std::exception &e) {
        m_panel->showError(QString::fromUtf8(e.what()));
    }
}

bool MainWindow::sampleFrom(const QString &checkpoint)
{
    try {
        auto loaded = ganvas::loadGenerator(checkpoint.toStdString());
        const auto noise = torch::randn({16, loaded.config.latentSize});
        m_grid->setGrid(toQImage(ganvas::sampleGrid(loaded.generator, noise, 4)), loaded.epochsDone);
        statusBar()->showMessage(tr("New samples from %1").arg(QFileInfo(checkpoint).fileName()), 5000);
        return true;
    } catch (const std::exception &e) {
        m_panel->showError(QString::fromUtf8(e.what()));
        return false;
    }
}

void MainWindow::start()
{
    if (!m_panel->validate().isEmpty())
        return;
    if (!m_openedRun.isEmpty()) {
        // Continue the opened run from its newest checkpoint, to the epochs now set.
        QString checkpoint;
        std::string json;
        try {
            const std::string path = ganvas::RunDirectory::resolveCheckpoint(m_openedRun.toStdString());
            auto config = ganvas::Trainer::checkpointConfig(path);
            config.epochs = m_panel->config().epochs;
            checkpoint = QString::fromStdString(path);
            json = config.toJson();
        } catch (const std::exception &e) {
            m_panel->showError(QString::fromUtf8(e.what()));
            return;
        }
        launch(QString::fromStdString(json), m_openedRun, checkpoint);
        return;
    }
    if (!m_panel->validate().isEmpty())
        return;
    const QString runDir = runsRoot() + "/run-" + QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss-zzz");
    QDir().mkpath(runDir);
    m_plot->clear();
    m_scrubber->clear();
    launch(configJson(), runDir, {});
}

void MainWindow::launch(const QString &configJson, const QString &runDir, const QString &checkpoint)
{
    m_runDir = runDir;
    m_openedRun = runDir; // Start after this run stops continues it
    rememberRun(runDir);
    m_checkpoints->setRunDirectory(runDir);
    setWindowTitle(tr("GANvas — %1").arg(QDir(m_runDir).dirName()));
    delete m_controller;
    m_controller = new RunController(this);
    auto *w = m_controller->worker();
    connect(w, &TrainerWorker::started, this, [this](int batches, int epochs, qint64) {
        m_batchesPerEpoch = batches;
        m_totalEpochs = epochs;
        m_progress->setRange(0, batches * epochs);
    });
    connect(w, &TrainerWorker::statsReady, this, &MainWindow::onStats);
    connect(w, &TrainerWorker::epochFinished, this, &MainWindow::onEpoch);
    // With threads left at 0 (all cores) the run shares them with runs in the comparison window.
    bool shared = false;
    try {
        shared = ganvas::TrainingConfig::fromJson(configJson.toStdString()).threads == 0;
    } catch (const std::exception &) {
    }
    auto *controller = m_controller;
    connect(w, &TrainerWorker::paused, this, [this, controller, w, shared](bool p) {
        m_pause->setChecked(p);
        if (shared)
            CoreShare::instance().setTraining(controller, w, !p);
    });
    connect(w, &TrainerWorker::checkpointWritten, this, [this](const QString &path, int) {
        statusBar()->showMessage(tr("Checkpoint %1").arg(path), 5000);
        m_checkpoints->refresh();
    });
    connect(w, &TrainerWorker::failed, this, [this](const QString &message) {
        // In the panel rather than a modal box: a failed run must not block the window.
        m_panel->showError(tr("Training failed: %1").arg(message));
    });
    connect(w, &TrainerWorker::finished, this, [this, controller](bool completed) {
        CoreShare::instance().setTraining(controller, nullptr, false);
        setRunning(false);
        Q_EMIT runFinished(completed);
    });
    setRunning(true);
    if (shared)
        CoreShare::instance().setTraining(m_controller, w, true);
    m_controller->start(configJson, m_runDir, checkpoint);
}

void MainWindow::onStats(const ganvas::StepStats &s)
{
    m_lastStep = s.step;
    m_lastStats = s;
    m_plot->addPoint(double(s.step), s.dLoss, s.gLoss, s.dReal, s.dFake);
    m_epochLabel->setText(tr("epoch %1/%2").arg(s.epoch).arg(m_totalEpochs));
    m_stepLabel->setText(tr("step %1").arg(s.step));
    m_speedLabel->setText(tr("%1 img/s · %n thread(s)", nullptr, s.threads).arg(s.imagesPerSec, 0, 'f', 0));
    const qint64 total = qint64(m_batchesPerEpoch) * m_totalEpochs;
    const double rate = s.elapsedSec > 0 ? s.step / s.elapsedSec : 0;
    const qint64 eta = rate > 0 ? qint64((total - s.step) / rate) : -1;
    const qint64 elapsed = qint64(s.elapsedSec);
    m_elapsedLabel->setText(tr("elapsed %1:%2").arg(elapsed / 60).arg(elapsed % 60, 2, 10, QChar('0')));
    m_etaLabel->setText(eta >= 0 ? tr("ETA %1:%2").arg(eta / 60).arg(eta % 60, 2, 10, QChar('0')) : tr("ETA –"));
    m_progress->setValue(int(std::min<qint64>(s.step, total)));
}

void MainWindow::onEpoch(int epoch, qint64 step, const QImage &grid)
{
    m_scrubber->addFrame(epoch, grid); // shows it when the scrubber is at the latest frame
    if (m_scrubber->currentEpoch() != epoch && !m_scrubber->isPlaying())
        m_grid->setGrid(grid, epoch);
    m_plot->markEpoch(double(step));
    Q_EMIT epochShown(epoch);
}

ComparisonWindow *MainWindow::showComparison()
{
    if (!m_comparison) {
        m_comparison = new ComparisonWindow; // a window of its own, closed with the main one
        m_comparison->setAttribute(Qt::WA_DeleteOnClose, false);
    }
    m_comparison->setTemplateConfig(m_panel->config());
    m_comparison->show();
    m_comparison->raise();
    return m_comparison;
}

DatasetManager *MainWindow::showDatasets()
{
    if (!m_datasets) {
        m_datasets = new DatasetManager(this);
        connect(m_datasets, &DatasetManager::datasetChosen, this, [this](const QString &dataset) {
            if (!(m_controller && m_controller->isRunning()))
                setDataset(dataset);
        });
    }
    m_datasets->show();
    m_datasets->raise();
    return m_datasets;
}

void MainWindow::setDataset(const QString &dataset)
{
    auto c = m_panel->config();
    c.dataset = dataset.toStdString();
    m_panel->setConfig(c);
}

void MainWindow::setEpochs(int epochs)
{
    auto c = m_panel->config();
    c.epochs = epochs;
    m_panel->setConfig(c);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_controller && m_controller->isRunning()) {
        const auto answer =
            !m_askBeforeClosing
                ? QMessageBox::Yes
                : QMessageBox::question(this, tr("Stop training?"),
                                        tr("Training is running. Stop it and save a checkpoint?"));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_controller->stopAndWait();
    }
    if (m_comparison)
        m_comparison->close(); // its runs stop with checkpoints too
    saveSettings();
    event->accept();
}
