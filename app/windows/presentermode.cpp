#include "windows/presentermode.h"

#include "presenterview.h"
#include "samplegridview.h"
#include "support/shortcuts.h"
#include "windows/trainingactions.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

#include <cmath>

namespace {

QString figure(double v, int decimals = 3)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

} // namespace

PresenterMode::PresenterMode(QMainWindow *window, QStackedWidget *stack, SampleGridView *grid,
                             TrainingActions *actions)
    : QObject(window), m_window(window), m_stack(stack), m_grid(grid), m_actions(actions), m_view(new PresenterView)
{
    m_stack->addWidget(m_view);
    m_action = new QAction(tr("&Presenter mode"), this);
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(Qt::Key_F11));
    setActionToolTip(m_action, tr("Full screen for a class: the grid large, big numbers, few controls"));
    m_window->addAction(m_action); // its key works while the menu bar is hidden
    connect(m_action, &QAction::toggled, this, &PresenterMode::setActive);
    m_escape = new QAction(this);
    m_escape->setShortcut(QKeySequence(Qt::Key_Escape));
    m_escape->setEnabled(false);
    m_window->addAction(m_escape);
    connect(m_escape, &QAction::triggered, this, [this] { setActive(false); });
    // The training keys (Ctrl+Return, Ctrl+P, F10, ...) keep working with the menus hidden.
    m_window->addActions({actions->start(), actions->pause(), actions->step(), actions->stop(), actions->save()});

    connect(m_grid, &SampleGridView::changed, this, &PresenterMode::refreshGrid);
    for (QAction *a : {actions->start(), actions->pause(), actions->step()})
        connect(a, &QAction::changed, this, &PresenterMode::refreshButtons);
    connect(m_view, &PresenterView::startPauseClicked, this, [this] {
        if (m_actions->start()->isEnabled())
            m_actions->start()->trigger();
        else if (m_actions->pause()->isEnabled())
            m_actions->pause()->trigger();
    });
    connect(m_view, &PresenterView::stepClicked, m_actions->step(), &QAction::trigger);
    connect(m_view, &PresenterView::leaveRequested, this, [this] { setActive(false); });
    connect(m_view, &PresenterView::settingsToggled, this, [this](bool shown) {
        if (auto *dock = m_window->findChild<QDockWidget *>("settingsDock")) {
            dock->setVisible(shown);
            if (shown)
                dock->raise();
        }
    });
    refreshFigures();
    refreshButtons();
    refreshGrid();
}

bool PresenterMode::isActive() const
{
    return m_stack->currentWidget() == m_view;
}

void PresenterMode::setActive(bool active)
{
    if (active != isActive())
        active ? enter() : leave();
    const QSignalBlocker block(m_action);
    m_action->setChecked(active);
}

void PresenterMode::enter()
{
    m_normalPage = m_stack->currentWidget();
    m_hidden.clear();
    QList<QWidget *> bars{m_window->menuBar(), m_window->statusBar()};
    for (auto *t : m_window->findChildren<QToolBar *>())
        bars.append(t);
    for (auto *d : m_window->findChildren<QDockWidget *>())
        bars.append(d);
    for (QWidget *w : bars)
        if (w->isVisible()) {
            m_hidden.append(w);
            w->hide();
        }
    m_view->setSettingsShown(false);
    m_stack->setCurrentWidget(m_view);
    m_escape->setEnabled(true);
    m_wasMaximized = m_window->isMaximized();
    m_window->showFullScreen();
    refreshGrid();
    refreshFigures();
    refreshButtons();
}

void PresenterMode::leave()
{
    m_escape->setEnabled(false);
    if (auto *dock = m_window->findChild<QDockWidget *>("settingsDock"); dock && !m_hidden.contains(dock))
        dock->hide(); // shown only for the presentation
    for (QWidget *w : std::as_const(m_hidden))
        w->show();
    m_hidden.clear();
    m_stack->setCurrentWidget(m_normalPage ? m_normalPage : m_stack->widget(0));
    m_wasMaximized ? m_window->showMaximized() : m_window->showNormal();
}

void PresenterMode::showStats(const ganvas::StepStats &stats, int epochs)
{
    m_stats = stats;
    m_epochs = epochs;
    if (isActive())
        refreshFigures();
}

void PresenterMode::showScore(double fd, int epoch)
{
    m_fd = fd;
    m_fdEpoch = epoch;
    if (isActive())
        refreshFigures();
}

void PresenterMode::clearFigures()
{
    m_stats.reset();
    m_fd = -1;
    m_fdEpoch = 0;
    refreshFigures();
}

void PresenterMode::refreshFigures()
{
    const QString none = QStringLiteral("–");
    const auto &s = m_stats;
    const QString epoch = !s ? none : m_epochs > 0 ? tr("%1 of %2").arg(s->epoch).arg(m_epochs) : QString::number(s->epoch);
    m_view->setFigures({
        {tr("Epoch"), epoch},
        {tr("D loss"), s ? figure(s->dLoss) : none},
        {tr("G loss"), s ? figure(s->gLoss) : none},
        {tr("D(x)"), s ? figure(s->dReal, 2) : none},
        {tr("D(G(z))"), s ? figure(s->dFake, 2) : none},
        // The epoch the score is of: the grid's, one behind the epoch in training.
        {m_fd >= 0 && m_fdEpoch > 0 ? tr("FD of epoch %1 (lower is better)").arg(m_fdEpoch) : tr("FD (lower is better)"),
         m_fd >= 0 ? figure(m_fd, 1) : none},
    });
}

void PresenterMode::refreshButtons()
{
    const QString text = m_actions->start()->isEnabled() ? tr("Start")
                         : m_actions->pause()->isChecked() ? tr("Resume")
                                                           : tr("Pause");
    m_view->setTrainingState(text, m_actions->step()->isEnabled());
}

void PresenterMode::refreshGrid()
{
    m_view->setGrid(m_grid->grid(), m_grid->grid().isNull() ? QString() : m_grid->caption());
}
