#include "windows/trainingactions.h"

#include "support/icons.h"
#include "support/shortcuts.h"

#include <QAction>
#include <QMainWindow>
#include <QMenuBar>
#include <QSignalBlocker>
#include <QToolBar>

TrainingActions::TrainingActions(QMainWindow *window) : QObject(window)
{
    auto *tools = window->addToolBar(tr("Training"));
    tools->setObjectName("trainingToolBar");
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon); // a newcomer reads the words
    auto *menu = window->menuBar()->addMenu(tr("&Training"));
    auto add = [&](const QString &text, const QKeySequence &key, ActionIcon icon) {
        auto *a = new QAction(actionIcon(icon), text, window);
        a->setShortcut(key);
        tools->addAction(a);
        menu->addAction(a);
        return a;
    };
    m_start = add(tr("&Start"), QKeySequence(Qt::CTRL | Qt::Key_Return), ActionIcon::Start);
    m_pause = add(tr("&Pause"), QKeySequence(Qt::CTRL | Qt::Key_P), ActionIcon::Pause);
    m_pause->setCheckable(true);
    m_step = add(tr("S&tep"), QKeySequence(Qt::Key_F10), ActionIcon::Step);
    m_stop = add(tr("St&op"), QKeySequence(Qt::SHIFT | Qt::Key_F5), ActionIcon::Stop);
    m_save = add(tr("Save &checkpoint"), QKeySequence::Save, ActionIcon::Save);
    tools->addSeparator();
    menu->addSeparator();
    m_preview = add(tr("Pre&view data"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), ActionIcon::Preview);
    m_stepThrough = menu->addAction(tr("Step t&hrough one batch…"));
    m_stepThrough->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    // Tooltips say what an action does and its key, not only its name again.
    const struct { QAction *action; QString what; } tips[] = {
        {m_start, tr("Train the settings on the left (or continue the run shown)")},
        {m_pause, tr("Pause the training, or go on")},
        {m_step, tr("Train one batch and show the grid after it")},
        {m_stop, tr("End the run and save a checkpoint")},
        {m_save, tr("Save a checkpoint now and keep training")},
        {m_preview, tr("Show real training images of the chosen dataset")},
        {m_stepThrough, tr("Walk through one training step in five phases, each explained")},
    };
    for (const auto &t : tips)
        setActionToolTip(t.action, t.what);
    connect(m_start, &QAction::triggered, this, &TrainingActions::startRequested);
    connect(m_pause, &QAction::triggered, this, &TrainingActions::pauseRequested);
    connect(m_step, &QAction::triggered, this, [this] {
        showPaused(true); // a step leaves the run paused after it
        Q_EMIT stepRequested();
    });
    connect(m_stop, &QAction::triggered, this, &TrainingActions::stopRequested);
    connect(m_save, &QAction::triggered, this, &TrainingActions::saveRequested);
    connect(m_preview, &QAction::triggered, this, &TrainingActions::previewRequested);
    connect(m_stepThrough, &QAction::triggered, this, &TrainingActions::stepThroughRequested);
}

void TrainingActions::setRunning(bool running)
{
    m_start->setEnabled(!running);
    for (QAction *a : {m_pause, m_stop, m_save})
        a->setEnabled(running);
    m_step->setEnabled(true); // idle, it starts the run paused after one step
    m_preview->setEnabled(!running);
    if (!running)
        showPaused(false);
}

void TrainingActions::showPaused(bool paused)
{
    const QSignalBlocker quiet(m_pause);
    m_pause->setChecked(paused);
}
