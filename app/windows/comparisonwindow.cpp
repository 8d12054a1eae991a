#include "windows/comparisonwindow.h"

#include "support/shortcuts.h"
#include "support/icons.h"

#include "comparisontable.h"
#include "comparisonview.h"
#include "data/datasetpreview.h"
#include "dialogs/runsetupdialog.h"
#include "engine/configfields.h"
#include "engine/cpuruntime.h"
#include "panels/lessonbar.h"
#include "panels/runtablemodel.h"
#include "runs/backgroundjob.h"
#include "runs/runmanager.h"
#include "runs/runsroot.h"
#include "runs/storedrun.h"
#include "support/imageconversion.h"
#include "support/messagebar.h"
#include "support/screenfit.h"
#include "windows/comparisonexport.h"
#include "windows/helpmenu.h"
#include "scoretexts.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenu>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <cmath>

namespace {

QString formatNumber(double v, int decimals)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

} // namespace

ComparisonWindow::ComparisonWindow(RunManager *runs, QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("GANvas — compare runs"));
    m_runs = new ComparisonRuns(runs ? runs : new RunManager(this), this);
    m_view = new ComparisonView(this);
    ComparisonTableModel *table = m_view->comparisonTable()->model();
    table->setExplanation(tr("FD"), ScoreTexts::fd());
    table->setExplanation(tr("best FD"), ScoreTexts::fd());
    table->setExplanation(tr("KID"), ScoreTexts::kid());
    table->setExplanation(tr("precision"), ScoreTexts::precision());
    table->setExplanation(tr("recall"), ScoreTexts::recall());
    m_messages = new MessageBar(this);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_messages);
    layout->addWidget(m_view, 1);
    setCentralWidget(central);
    buildToolBar();
    buildRunsDock();
    new HelpMenu(menuBar()->addMenu(tr("&Help")), this, QT_TRANSLATE_NOOP("HelpSection", "Comparing runs"));
    connectRuns();
    fitToScreen(this);
}

ComparisonWindow::~ComparisonWindow()
{
    // Releasing the runs shares the cores again, and nothing they report on the way may
    // reach this half-destroyed window.
    disconnect(m_runs, nullptr, nullptr, nullptr);
    m_runs->stopAll();
    delete m_runs;
}

void ComparisonWindow::connectRuns()
{
    connect(m_runs, &ComparisonRuns::statsReady, this, [this](int run, const ganvas::StepStats &s) {
        const int batches = m_runs->run(run).batchesPerEpoch;
        if (batches > 0)
            m_view->addLosses(run, {double(s.step) / batches}, {s.dLoss}, {s.gLoss});
        refreshFigures(run);
    });
    connect(m_runs, &ComparisonRuns::epochFinished, this, [this](int run, int epoch, const ganvas::Image8 &grid) {
        m_view->setFrame(run, epoch, toQImage(grid));
        refreshFigures(run);
        Q_EMIT runEpoch(run, epoch);
    });
    connect(m_runs, &ComparisonRuns::scoreReady, this, [this](int run, const ganvas::QualityScore &s) {
        m_view->addScore(run, s.epoch, s.fd);
        refreshFigures(run);
    });
    connect(m_runs, &ComparisonRuns::stateChanged, this, [this](int run) {
        refreshControls();
        if (m_runs->state(run) == RunState::Failed)
            showError(tr("%1 failed: %2").arg(m_runs->run(run).name, m_runs->run(run).detail));
        Q_EMIT runStateChanged(run);
    });
    connect(m_runs, &ComparisonRuns::finished, this, &ComparisonWindow::runFinished);
    connect(m_runs, &ComparisonRuns::removed, m_view, &ComparisonView::removeRun);
    connect(m_runs, &ComparisonRuns::startRefused, this, [this](int, const QString &reason) { showError(reason); });
    // A run starting or pausing here or in the main window changes every share.
    connect(m_runs, &ComparisonRuns::threadsChanged, this, &ComparisonWindow::refreshControls);
}

void ComparisonWindow::buildToolBar()
{
    auto *bar = addToolBar(tr("Runs"));
    bar->setObjectName("compareToolbar");
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // The same actions in a menu (with access keys) and on the toolbar.
    QMenu *menu = menuBar()->addMenu(tr("&Runs"));
    auto add = [&](const QString &text, const QKeySequence &key, ActionIcon icon, auto slot) {
        QAction *a = menu->addAction(actionIcon(icon), text, this, slot);
        a->setShortcut(key);
        QString plain = text;
        bar->addAction(a);
        a->setIconText(plain.remove('&'));
        return a;
    };
    // Tooltips say what an action does, and its key where it has one.
    setActionToolTip(add(tr("&Add run…"), QKeySequence::New, ActionIcon::Add, [this] { askAndAddRun(); }),
            tr("Set up one more run to train beside the others"));
    setActionToolTip(add(tr("Add run from &disk…"), QKeySequence::Open, ActionIcon::Open, [this] { askAndAddRunFromDisk(); }),
            tr("Show a run trained earlier (its folder under runs/) beside the others"));
    menu->addSeparator();
    bar->addSeparator();
    setActionToolTip(add(tr("&Start all"), QKeySequence(), ActionIcon::Start, [this] { m_runs->startAll(); }),
            tr("Start or continue every run, sharing the CPU cores between them"));
    setActionToolTip(add(tr("&Pause all"), QKeySequence(), ActionIcon::Pause, [this] { m_runs->pauseAll(true); }),
            tr("Pause every run that is training"));
    setActionToolTip(add(tr("S&top all"), QKeySequence(), ActionIcon::Stop, [this] { m_runs->stopAll(); }),
            tr("End every run and save its checkpoint"));
    menu->addSeparator();
    bar->addSeparator();
    setActionToolTip(add(tr("E&xport PNG…"), QKeySequence(), ActionIcon::Export, [this] { askAndExportPng(); }),
            tr("Save the grids of the epoch shown, side by side, as one picture"));
    setActionToolTip(add(tr("Export &GIF…"), QKeySequence(), ActionIcon::Animation, [this] { askAndExportGif(); }),
            tr("Save every epoch's grids, side by side, as an animated GIF"));
    menu->addSeparator();
    menu->addAction(tr("&Close window"), this, &QWidget::close)->setShortcuts(closeShortcuts());
    menu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows)->setShortcuts(quitShortcuts());
}

void ComparisonWindow::buildRunsDock()
{
    // The runs, one row each, with the controls for the selected one.
    auto *dock = new QDockWidget(tr("Runs"), this);
    dock->setObjectName("runsDock");
    auto *box = new QWidget(dock);
    auto *layout = new QVBoxLayout(box);
    m_runTable = new QTableView(box);
    m_runTable->setObjectName("runTable");
    m_runModel = new RunTableModel(m_runs, [this](int row) { return m_view->runColor(row); }, this);
    m_runTable->setModel(m_runModel);
    m_runTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runTable->verticalHeader()->hide();
    auto *header = m_runTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(RunTableModel::Dataset, QHeaderView::Stretch);
    // Room for all four runs, in compact rows; the comparison itself gets the rest of the window.
    m_runTable->verticalHeader()->setDefaultSectionSize(m_runTable->fontMetrics().height() + 8);
    const int fourRows = header->sizeHint().height() + kMaxRuns * m_runTable->verticalHeader()->defaultSectionSize() + 6;
    m_runTable->setMinimumHeight(fourRows);
    m_runTable->setMaximumHeight(fourRows);
    layout->addWidget(m_runTable);
    auto *runBar = new QToolBar(box);
    runBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_startAction = runBar->addAction(actionIcon(ActionIcon::Start), tr("Start"), this, [this] { m_runs->start(selectedRun()); });
    m_pauseAction = runBar->addAction(actionIcon(ActionIcon::Pause), tr("Pause"), this, [this] {
        const int run = selectedRun();
        if (run >= 0)
            m_runs->pause(run, m_runs->state(run) != RunState::Paused);
    });
    m_stopAction = runBar->addAction(actionIcon(ActionIcon::Stop), tr("Stop"), this, [this] { m_runs->stop(selectedRun()); });
    m_removeAction = runBar->addAction(actionIcon(ActionIcon::Remove), tr("Remove"), this, [this] { removeRun(selectedRun()); });
    m_startAction->setToolTip(tr("Start or continue the run selected above"));
    m_pauseAction->setToolTip(tr("Pause the selected run, or go on"));
    m_stopAction->setToolTip(tr("End the selected run and save its checkpoint"));
    m_removeAction->setToolTip(tr("Take the selected run out of the comparison (its folder stays on disk)"));
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
    // A lesson's texts in a tab beside the runs: the window keeps its height on a 1280x800 screen.
    auto *lessonDock = new QDockWidget(tr("Lesson"), this);
    lessonDock->setObjectName("lessonDock");
    m_lessonBar = new LessonBar;
    lessonDock->setWidget(m_lessonBar);
    addDockWidget(Qt::BottomDockWidgetArea, lessonDock);
    tabifyDockWidget(dock, lessonDock);
    lessonDock->hide();
    connect(m_lessonBar, &LessonBar::started, lessonDock, [lessonDock] {
        lessonDock->show();
        lessonDock->raise();
    });
    connect(m_lessonBar, &LessonBar::ended, lessonDock, &QWidget::hide);
    connect(m_runTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ComparisonWindow::refreshControls);
    refreshControls();
}

int ComparisonWindow::selectedRun() const
{
    const auto rows = m_runTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

int ComparisonWindow::addRun(const ganvas::TrainingConfig &config, const QString &name)
{
    const int index = attach(m_runs->add(config, name));
    if (index >= 0)
        showAdded(index);
    return index;
}

int ComparisonWindow::addRunFromDisk(const QString &runDir)
{
    StoredRun stored;
    const int index = attach(m_runs->addFromDisk(runDir, &stored));
    if (index < 0)
        return -1;
    const int batchesPerEpoch = m_runs->run(index).batchesPerEpoch;
    if (batchesPerEpoch > 0) {
        QVector<double> x, d, g;
        for (const auto &row : stored.metrics) {
            x << double(row.step) / batchesPerEpoch;
            d << row.dLoss;
            g << row.gLoss;
        }
        m_view->addLosses(index, x, d, g);
    }
    for (auto it = stored.frames.cbegin(); it != stored.frames.cend(); ++it)
        m_view->setFrame(index, it.key(), toQImage(it.value()));
    for (const auto &score : stored.scores)
        m_view->addScore(index, score.epoch, score.fd);
    showAdded(index);
    return index;
}

int ComparisonWindow::attach(int run)
{
    if (run < 0) {
        m_lastError = m_runs->lastError();
        return -1;
    }
    const int index = m_view->addRun(m_runs->run(run).name);
    if (index < 0) {
        // Not in the view, so the view must not hear of its removal; a new run has no share.
        const QSignalBlocker quiet(m_runs);
        m_runs->remove(run);
        m_lastError = tr("The comparison view is full.");
        return -1;
    }
    return index;
}

void ComparisonWindow::showAdded(int run)
{
    m_runModel->runAdded();
    loadRealSamples(run);
    refreshSettings();
    refreshFigures(run);
    refreshControls();
}

void ComparisonWindow::removeRun(int run)
{
    if (run < 0 || run >= m_runs->count())
        return;
    m_runs->remove(run); // the view and the table drop it on ComparisonRuns::removed
    refreshSettings();
    refreshControls();
}

void ComparisonWindow::showError(const QString &message)
{
    m_lastError = message;
    m_messages->showError(message);
}

void ComparisonWindow::loadRealSamples(int run)
{
    // Reading a dataset takes a moment: in the background. A dataset it cannot read is
    // reported by the run itself when it starts.
    const int id = m_runs->run(run).id;
    const ganvas::TrainingConfig config = m_runs->run(run).config;
    runInBackground(this, "dataset preview", [config] { return ganvas::previewDataset(config).grid; },
                    [this, id](const JobOutcome<ganvas::Image8> &outcome) {
                        if (!outcome.ok())
                            return; // logged by the job; the run says it when it starts
                        for (int i = 0; i < m_runs->count(); ++i)
                            if (m_runs->run(i).id == id)
                                m_view->setRealSamples(i, toQImage(outcome.value));
                    });
}

void ComparisonWindow::refreshControls()
{
    for (int i = 0; i < m_runs->count(); ++i) {
        QString status = m_runModel->stateText(i);
        if (m_runs->state(i) == RunState::Training)
            status += tr(" · threads: %n", nullptr, m_runs->threadsOf(i));
        m_view->setRunStatus(i, status);
    }
    const int selected = selectedRun();
    const RunState s = m_runs->state(selected);
    const bool any = selected >= 0;
    const bool live = s == RunState::Training || s == RunState::Paused;
    m_startAction->setEnabled(any && !live);
    m_pauseAction->setEnabled(any && live);
    m_pauseAction->setText(s == RunState::Paused ? tr("Resume") : tr("Pause"));
    m_stopAction->setEnabled(any && live);
    m_removeAction->setEnabled(any);
    m_threadsLabel->setText(m_runs->threadSummary());
}

void ComparisonWindow::refreshSettings()
{
    ComparisonTableModel *table = m_view->comparisonTable()->model();
    for (int i = 0; i < m_runs->count(); ++i) {
        const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(m_runs->run(i).config.toJson())).object();
        QVector<QPair<QString, QString>> settings;
        for (auto it = json.begin(); it != json.end(); ++it) {
            if (it.key() == "threads")
                continue; // the share of the cores, not a setting of the run
            // Named as the settings panel names it ("Learning rate D"), explained by its help.
            QString name = it.key();
            if (const ganvas::ConfigField *f = ganvas::findConfigField(it.key().toStdString())) {
                name = QCoreApplication::translate("TrainingConfig", f->label);
                table->setExplanation(name, QCoreApplication::translate("TrainingConfig", f->help));
            }
            const QJsonValue v = it.value();
            settings.append({name, v.isDouble() ? QString::number(v.toDouble(), 'g', 4) : v.toVariant().toString()});
        }
        m_view->setSettings(i, settings);
    }
}

void ComparisonWindow::refreshFigures(int run)
{
    if (run < 0 || run >= m_runs->count())
        return;
    const ComparisonRuns::Run *r = &m_runs->run(run);
    const auto &s = r->last;
    const bool have = r->haveStats;
    auto value = [have](double v, int decimals) { return have ? formatNumber(v, decimals) : QStringLiteral("–"); };
    const QString dash = QStringLiteral("–");
    const ganvas::QualityScore *score = r->scores.empty() ? nullptr : &r->scores.back();
    const ganvas::QualityScore *best = ganvas::bestScore(r->scores);
    m_view->setFigures(run, {
        {tr("epochs done"), QStringLiteral("%1 / %2").arg(r->epochsDone).arg(r->config.epochs)},
        {tr("D loss"), value(s.dLoss, 3)},
        {tr("G loss"), value(s.gLoss, 3)},
        {tr("D(x)"), value(s.dReal, 3)},
        {tr("D(G(z))"), value(s.dFake, 3)},
        {tr("images/s"), value(s.imagesPerSec, 0)},
        {tr("step"), have ? QString::number(s.step) : QStringLiteral("–")},
        {tr("FD"), score ? formatNumber(score->fd, 2) : dash},
        {tr("KID"), score ? QString::number(score->kid, 'g', 3) : dash},
        {tr("precision"), score ? formatNumber(score->precision, 2) : dash},
        {tr("recall"), score ? formatNumber(score->recall, 2) : dash},
        {tr("best FD"), best ? tr("%1 (epoch %2)").arg(formatNumber(best->fd, 2)).arg(best->epoch) : dash},
    });
}

void ComparisonWindow::showEpoch(int epoch)
{
    m_view->setCurrentEpoch(epoch);
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
    if (m_runs->count() >= kMaxRuns) {
        showError(tr("At most %1 runs can be compared; remove one first.").arg(kMaxRuns));
        return;
    }
    // Start from the last run's settings: a comparison usually changes one thing.
    const ganvas::TrainingConfig base = m_runs->count() == 0 ? m_template : m_runs->run(m_runs->count() - 1).config;
    RunSetupDialog dialog(base, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const int run = addRun(dialog.config(), dialog.name());
    if (run < 0) {
        showError(m_lastError);
        return;
    }
    m_runs->start(run);
}

void ComparisonWindow::askAndAddRunFromDisk()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add a run directory"), runsRoot());
    if (!dir.isEmpty() && addRunFromDisk(dir) < 0)
        showError(m_lastError);
}

QString ComparisonWindow::askExportFile(const QString &title, const QString &name, const QString &filter)
{
    return QFileDialog::getSaveFileName(this, title, QDir::home().filePath(name), filter);
}

void ComparisonWindow::askAndExportPng()
{
    const QString file = askExportFile(tr("Export the comparison as PNG"), "comparison.png", tr("PNG images (*.png)"));
    QString error;
    if (file.isEmpty())
        return;
    if (!exportPng(file, &error))
        showError(error);
    else
        statusBar()->showMessage(tr("Wrote %1").arg(file), 5000);
}

void ComparisonWindow::askAndExportGif()
{
    const QString file = askExportFile(tr("Export the comparison as GIF"), "comparison.gif", tr("GIF images (*.gif)"));
    if (file.isEmpty())
        return;
    statusBar()->showMessage(tr("Writing %1…").arg(file));
    writeComparisonGifInBackground(*m_view, file, 4, this, [this, file](const QString &error) {
        if (!error.isEmpty())
            showError(error);
        else
            statusBar()->showMessage(tr("Wrote %1").arg(file), 5000);
    });
}

void ComparisonWindow::closeEvent(QCloseEvent *event)
{
    // Every training run stops with a checkpoint, so it can be continued later.
    m_runs->stopAll();
    event->accept();
}
