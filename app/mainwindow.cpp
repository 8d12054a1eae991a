#include "mainwindow.h"

#include "checkpoint/rundirectory.h"
#include "engine/trainer.h"
#include "engine/trainingconfig.h"
#include "checkpointbrowser.h"
#include "coreshare.h"
#include "comparisonwindow.h"
#include "datasetmanager.h"
#include "filemenu.h"
#include "engine/sampler.h"
#include "data/datasetpreview.h"
#include "framescrubber.h"
#include "hyperparameterpanel.h"
#include "imageconversion.h"
#include "media/pngio.h"
#include "lossplot.h"
#include "runcontroller.h"
#include "samplegridview.h"
#include "storedrun.h"
#include "trainerworker.h"
#include "trainingstatus.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDockWidget>
#include <QSettings>
#include <QFileInfo>
#include <QFormLayout>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
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
    m_status = new TrainingStatus(statusBar());
    setRunning(false);
    resize(1280, 800);
    restoreSettings();
}

MainWindow::~MainWindow()
{
    delete m_comparison;
}

void MainWindow::buildActions()
{
    m_fileMenu = new FileMenu(this, menuBar()->addMenu(tr("&File")));
    connect(m_fileMenu, &FileMenu::newRunRequested, this, &MainWindow::newRun);
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
    m_fileMenu->rememberRun(m_openedRun);
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
    m_fileMenu->rememberRun(runDir);
    m_checkpoints->setRunDirectory(runDir);
    setWindowTitle(tr("GANvas — %1").arg(QDir(m_runDir).dirName()));
    delete m_controller;
    m_controller = new RunController(this);
    auto *w = m_controller->worker();
    connect(w, &TrainerWorker::started, this,
            [this](int batches, int epochs, qint64) { m_status->setRunSize(batches, epochs); });
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
    m_status->showStats(s);
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
