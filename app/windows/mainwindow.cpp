#include "windows/mainwindow.h"

#include "lossplot.h"

#include "checkpoint/rundirectory.h"
#include "data/datasetpreview.h"
#include "dialogs/datasetmanager.h"
#include "engine/checkpointpreview.h"
#include "engine/configfields.h"
#include "panels/checkpointbrowser.h"
#include "panels/hyperparameterpanel.h"
#include "panels/runview.h"
#include "samplegridview.h"
#include "runs/runcontroller.h"
#include "runs/runmanager.h"
#include "runs/runsroot.h"
#include "runs/storedrun.h"
#include "runs/logging.h"
#include "runs/trainerworker.h"
#include "support/divergencenotice.h"
#include "support/imageconversion.h"
#include "support/messagebar.h"
#include "support/screenfit.h"
#include "windows/comparisonwindow.h"
#include "windows/discriminatordock.h"
#include "windows/filemenu.h"
#include "windows/lessonsmenu.h"
#include "panels/lessonbar.h"
#include "windows/helpmenu.h"
#include "windows/languagemenu.h"
#include "windows/runexports.h"
#include "windows/trainingactions.h"
#include "windows/presentermode.h"
#include "windows/stepthroughwindow.h"
#include "windows/latentexplorerwindow.h"
#include "windows/toylabwindow.h"
#include "windows/trainingstatus.h"

#include <algorithm>

#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

MainWindow::MainWindow(RunManager *runs, QWidget *parent)
    : QMainWindow(parent), m_runs(runs ? runs : new RunManager(this)), m_view(new RunView),
      m_messages(new MessageBar)
{
    setWindowTitle(tr("GANvas"));
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_messages);
    m_lessonBar = new LessonBar;
    layout->addWidget(m_lessonBar);
    layout->addWidget(m_view, 1);
    auto *pages = new QStackedWidget; // the normal view, and presenter mode's
    pages->addWidget(central);
    setCentralWidget(pages);
    m_exports = new RunExports(this, m_view->plot(), m_view->grid(), m_messages);
    buildActions();
    buildDocks();
    m_presenter = new PresenterMode(this, pages, m_view->grid(), m_actions);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_presenter->action());
    m_viewMenu->addSeparator();
    new LanguageMenu(m_viewMenu, this, m_messages);
    m_status = new TrainingStatus(statusBar());
    setRunning(false);
    fitToScreen(this);
    restoreSettings();
}

MainWindow::~MainWindow()
{
    delete m_comparison;
    delete m_lab;
    delete m_stepThrough;
    delete m_latent;
    if (m_controller)
        m_runs->releaseRun(std::exchange(m_controller, nullptr));
}

QString MainWindow::stateText() const
{
    return TrainingStatus::stateText(m_status->state());
}

bool MainWindow::isTraining() const
{
    return m_controller && m_controller->isRunning();
}

void MainWindow::buildActions()
{
    m_fileMenu = new FileMenu(menuBar()->addMenu(tr("&File")), this);
    connectFileMenu();
    m_actions = new TrainingActions(this);
    m_viewMenu = menuBar()->addMenu(tr("&View")); // filled by buildDocks()
    m_lessons = new LessonsMenu(menuBar()->addMenu(tr("&Lessons")), this);
    new HelpMenu(menuBar()->addMenu(tr("&Help")), this, ""); // the guide from its top: a newcomer begins there (its title, What is a GAN?, Getting started)
    auto worker = [this] { return m_controller ? m_controller->worker() : nullptr; };
    connect(m_actions, &TrainingActions::startRequested, this, &MainWindow::start);
    connect(m_actions, &TrainingActions::pauseRequested, this, [worker](bool pause) {
        if (auto *w = worker())
            pause ? w->requestPause() : w->requestResume();
    });
    connect(m_actions, &TrainingActions::stepRequested, this, [this, worker] {
        if (isTraining()) {
            if (auto *w = worker())
                w->requestStep();
            return;
        }
        // Idle: the run starts paused after one step.
        m_startWithOneStep = true;
        start();
        m_startWithOneStep = false;
        if (!isTraining())
            m_actions->showPaused(false); // refused or cancelled: nothing is paused
    });
    connect(m_actions, &TrainingActions::stopRequested, this, [this] {
        if (isTraining())
            m_status->setState(TrainingStatus::State::Stopping);
    });
    connect(m_actions, &TrainingActions::stopRequested, this, [worker] {
        if (auto *w = worker())
            w->requestStop();
    });
    connect(m_actions, &TrainingActions::saveRequested, this, [worker] {
        if (auto *w = worker())
            w->requestCheckpoint();
    });
    connect(m_actions, &TrainingActions::previewRequested, this, &MainWindow::previewData);
    connect(m_actions, &TrainingActions::stepThroughRequested, this, &MainWindow::showStepThrough);
}

void MainWindow::connectFileMenu()
{
    connect(m_fileMenu, &FileMenu::newRunRequested, this, &MainWindow::newRun);
    connect(m_fileMenu, &FileMenu::openRunRequested, this, &MainWindow::openRun);
    connect(m_fileMenu, &FileMenu::exportGifRequested, m_exports, &RunExports::exportGif);
    connect(m_fileMenu, &FileMenu::exportPlotRequested, m_exports, &RunExports::exportPlot);
    connect(m_fileMenu, &FileMenu::exportGridRequested, m_exports, &RunExports::exportGrid);
    connect(m_fileMenu, &FileMenu::compareRequested, this, &MainWindow::showComparison);
    connect(m_fileMenu, &FileMenu::datasetsRequested, this, &MainWindow::showDatasets);
    connect(m_fileMenu, &FileMenu::labRequested, this, &MainWindow::showLab);
    connect(m_fileMenu, &FileMenu::latentExplorerRequested, this, &MainWindow::showLatentExplorer);
    connect(m_fileMenu, &FileMenu::quitRequested, this, &QWidget::close);
    connect(m_fileMenu, &FileMenu::openSettingsRequested, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Open settings"), QDir::homePath(),
                                                          tr("Settings (*.json)"));
        if (!file.isEmpty())
            openSettings(file);
    });
    connect(m_fileMenu, &FileMenu::saveSettingsRequested, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Save settings as"),
                                                          QDir::home().filePath("settings.json"), tr("Settings (*.json)"));
        if (!file.isEmpty())
            saveSettings(file);
    });
}

void MainWindow::buildDocks()
{
    m_panel = new HyperparameterPanel;
    connect(m_panel, &HyperparameterPanel::edited, this, &MainWindow::followSettingsProblems);
    connect(m_messages, &MessageBar::shown, this, [this](const QString &message) {
        if (message != m_settingsProblems) // another message took the bar: not followed any more
            m_settingsProblems.clear();
    });
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
    connect(m_checkpoints, &CheckpointBrowser::problem, m_messages, &MessageBar::showError);
    auto *ckDock = new QDockWidget(tr("Checkpoints"), this);
    ckDock->setObjectName("checkpointDock");
    ckDock->setWidget(m_checkpoints);
    addDockWidget(Qt::LeftDockWidgetArea, ckDock);
    tabifyDockWidget(dock, ckDock);
    // A closed panel comes back from the View menu.
    QAction *showSettings = dock->toggleViewAction();
    showSettings->setText(tr("&Settings panel"));
    showSettings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *showCheckpoints = ckDock->toggleViewAction();
    showCheckpoints->setText(tr("&Checkpoints panel"));
    showCheckpoints->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_viewMenu->addAction(showSettings);
    m_viewMenu->addAction(showCheckpoints);
    m_dView = new DiscriminatorDock(this); // a third tab, hidden until asked for
    addDockWidget(Qt::LeftDockWidgetArea, m_dView);
    tabifyDockWidget(ckDock, m_dView);
    m_dView->hide();
    dock->raise(); // the settings are the tab in front on a first start (tabifying made the last one current)
    QAction *showDView = m_dView->toggleViewAction();
    showDView->setText(tr("&D's view"));
    showDView->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    m_viewMenu->addAction(showDView);
}

bool MainWindow::previewData()
{
    // Real images first: what the generator is meant to learn, before any epoch exists.
    if (isTraining())
        return false;
    try {
        m_view->showPreview(ganvas::previewDataset(m_panel->config()));
        m_messages->clear();
        return true;
    } catch (const std::exception &e) {
        m_messages->showError(tr("Cannot preview the data: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
}

void MainWindow::setConfig(const ganvas::TrainingConfig &config)
{
    m_panel->setConfig(config);
}

void MainWindow::editConfig(const std::function<void(ganvas::TrainingConfig &)> &edit)
{
    auto c = m_panel->config();
    edit(c);
    m_panel->setConfig(c);
}

void MainWindow::setLimit(qint64 limit) { editConfig([&](auto &c) { c.limit = limit; }); }
void MainWindow::setDataset(const QString &dataset) { editConfig([&](auto &c) { c.dataset = dataset.toStdString(); }); }
void MainWindow::setEpochs(int epochs) { editConfig([&](auto &c) { c.epochs = epochs; }); }

QString MainWindow::settingsError() const
{
    return m_messages->text();
}

void MainWindow::setRunning(bool running)
{
    m_actions->setRunning(running);
    m_panel->setRunning(running);
}

void MainWindow::newRun()
{
    if (isTraining())
        return;
    m_openedRun.clear();
    m_runDir.clear();
    m_exports->setRunDirectory({});
    m_view->clear();
    m_presenter->clearFigures();
    m_messages->clear();
    m_status->reset();
    setWindowTitle(tr("GANvas"));
}

void MainWindow::setRunDirectory(const QString &runDir)
{
    m_runDir = runDir;
    m_openedRun = runDir; // Start continues it
    m_exports->setRunDirectory(runDir);
    m_fileMenu->rememberRun(runDir);
    m_checkpoints->setRunDirectory(runDir);
    setWindowTitle(tr("GANvas — %1").arg(QDir(runDir).dirName()));
}

bool MainWindow::openRun(const QString &runDir)
{
    StoredRun run;
    try {
        run = readStoredRun(runDir);
    } catch (const std::exception &e) {
        m_messages->showError(tr("Cannot open %1: %2").arg(runDir, QString::fromUtf8(e.what())));
        return false;
    }
    m_panel->setConfig(run.config);
    m_view->showStored(run);
    m_messages->clear();
    // The status bar tells where the run stands: its last figures, and whether it has ended.
    m_status->reset();
    m_presenter->clearFigures();
    if (!run.metrics.empty())
        m_presenter->showStats(run.metrics.back(), run.config.epochs);
    if (!run.scores.empty())
        m_presenter->showScore(run.scores.back().fd, run.scores.back().epoch);
    if (run.batchesPerEpoch > 0)
        m_status->setRunSize(run.batchesPerEpoch, run.config.epochs);
    if (!run.metrics.empty())
        m_status->showStats(run.metrics.back());
    if (!run.scores.empty())
        m_status->showScore(run.scores.back());
    if (!run.metrics.empty() || run.lastEpoch() > 0) {
        const int epochsDone = std::max(run.lastEpoch(), run.metrics.empty() ? 0 : run.metrics.back().epoch);
        m_status->setState(epochsDone >= run.config.epochs ? TrainingStatus::State::Finished
                                                           : TrainingStatus::State::Stopped);
    }
    setRunDirectory(run.root);
    return true;
}

void MainWindow::resumeFrom(const QString &checkpoint)
{
    if (isTraining())
        return;
    try {
        auto config = ganvas::checkpointSettings(checkpoint.toStdString());
        config.epochs = std::max(config.epochs, m_panel->config().epochs);
        m_panel->setConfig(config);
        QDir runDir = QFileInfo(checkpoint).absoluteDir(); // <run>/checkpoints
        runDir.cdUp();
        launch(config, runDir.absolutePath(), checkpoint);
    } catch (const std::exception &e) {
        m_messages->showError(tr("Cannot continue from the checkpoint: %1").arg(QString::fromUtf8(e.what())));
    }
}

bool MainWindow::sampleFrom(const QString &checkpoint)
{
    try {
        const auto sampled = ganvas::sampleCheckpointGrid(checkpoint.toStdString(), QRandomGenerator::global()->generate64());
        m_view->grid()->setGrid(toQImage(sampled.grid), sampled.epochsDone);
        statusBar()->showMessage(tr("New samples from %1").arg(QFileInfo(checkpoint).fileName()), 5000);
        return true;
    } catch (const std::exception &e) {
        m_messages->showError(tr("Cannot draw new samples: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
}

void MainWindow::startNewRun()
{
    const QString runDir = newRunDirectory();
    QDir().mkpath(runDir);
    m_view->clear();
    m_presenter->clearFigures();
    m_status->reset();
    launch(m_panel->config(), runDir, {});
}

void MainWindow::launch(const ganvas::TrainingConfig &config, const QString &runDir, const QString &checkpoint)
{
    setRunDirectory(runDir);
    m_view->plot()->setProbabilityOutputs(config.loss == "bce");
    m_messages->clear();
    if (m_controller)
        m_runs->releaseRun(std::exchange(m_controller, nullptr));
    m_controller = m_runs->createRun();
    if (m_startWithOneStep)
        m_controller->worker()->startWithOneStep();
    m_stepsSeen = false;
    m_status->setState(TrainingStatus::State::Starting);
    connectRun();
    setRunning(true);
    // In the window a divergence pauses the run and the message bar offers the rollback.
    ganvas::TrainingConfig run = config;
    if (run.onDivergence == "rollback")
        run.onDivergence = "pause";
    m_controller->start(run, m_runDir, checkpoint);
}

void MainWindow::connectRun()
{
    auto *w = m_controller->worker();
    m_dView->attach(w);
    connect(w, &TrainerWorker::started, this,
            [this](int batches, int epochs, qint64) { m_status->setRunSize(batches, epochs); });
    connect(w, &TrainerWorker::statsReady, this, &MainWindow::onStats);
    connect(w, &TrainerWorker::epochFinished, this, &MainWindow::onEpoch);
    connect(w, &TrainerWorker::stepGrid, this, [this](int epoch, qint64 step, const ganvas::Image8 &grid) {
        m_view->showStepGrid(epoch, step, toQImage(grid));
    });
    connect(w, &TrainerWorker::paused, m_actions, &TrainingActions::showPaused);
    connect(w, &TrainerWorker::started, this, [this] { m_status->setState(TrainingStatus::State::Training); });
    connect(w, &TrainerWorker::paused, this, [this](bool paused) {
        if (m_status->state() == TrainingStatus::State::Stopping)
            return;
        if (!paused)
            m_status->setState(TrainingStatus::State::Training);
        else if (m_status->state() != TrainingStatus::State::Diverged)
            m_status->setState(TrainingStatus::State::Paused);
    });
    connect(w, &TrainerWorker::checkpointWritten, this, [this](const QString &path, int) {
        statusBar()->showMessage(tr("Checkpoint %1").arg(path), 5000);
        m_checkpoints->refresh();
    });
    connect(w, &TrainerWorker::warning, m_messages, &MessageBar::showError);
    connect(w, &TrainerWorker::scoreReady, this, [this](const ganvas::QualityScore &s) {
        m_view->addScore(s);
        m_status->showScore(s);
        m_presenter->showScore(s.fd, s.epoch);
        m_checkpoints->refresh();
    });
    connect(w, &TrainerWorker::scoreStatus, m_view, &RunView::showScoreStatus);
    connect(w, &TrainerWorker::diverged, this, [this, w](const ganvas::DivergenceEvent &e) {
        if (e.action == ganvas::DivergenceAction::RolledBack) {
            editConfig([&](auto &c) { c.lrG = e.lrG; c.lrD = e.lrD; }); // the panel shows the rates in use
            m_view->markRollback(e.step, e.toEpoch);
        }
        if (e.action != ganvas::DivergenceAction::RolledBack)
            m_status->setState(TrainingStatus::State::Diverged);
        DivergenceNotice::show(m_messages, e, [w] { w->requestRollback(); });
    });
    connect(w, &TrainerWorker::failed, this, [this](const QString &message) {
        // In the message bar rather than a modal box: a failed run must not block the window.
        const QString runDir = m_runDir;
        if (!runDir.isEmpty() && !m_stepsSeen) {
            // A start that failed before its first step leaves nothing behind: no folder, no
            // recent entry, the window as it was.
            const bool fresh = ganvas::RunDirectory::listCheckpoints(runDir.toStdString()).empty();
            if (fresh) {
                QDir(runDir).removeRecursively();
                m_fileMenu->forgetRun(runDir);
                newRun();
            }
        }
        m_messages->showError(tr("Training failed: %1").arg(message));
        m_status->setState(TrainingStatus::State::Failed);
    });
    connect(w, &TrainerWorker::finished, this, [this](bool completed) {
        setRunning(false);
        m_view->runEnded();
        using State = TrainingStatus::State;
        if (completed)
            m_status->setState(State::Finished);
        else if (m_status->state() != State::Failed && m_status->state() != State::Diverged)
            m_status->setState(State::Stopped);
        Q_EMIT runFinished(completed);
    });
}

void MainWindow::onStats(const ganvas::StepStats &s)
{
    m_stepsSeen = true;
    m_lastStats = s;
    m_view->addStats(s);
    m_status->showStats(s);
    m_presenter->showStats(s, m_panel->config().epochs);
}

void MainWindow::onEpoch(int epoch, qint64 step, const ganvas::Image8 &frame)
{
    m_view->addEpoch(epoch, step, toQImage(frame));
    Q_EMIT epochShown(epoch);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isTraining()) {
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
