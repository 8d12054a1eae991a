#include "windows/discriminatordock.h"

#include "panels/discriminatorpanel.h"
#include "runs/trainerworker.h"

#include <QAction>

DiscriminatorDock::DiscriminatorDock(QWidget *parent) : QDockWidget(tr("D's view"), parent)
{
    setObjectName("discriminatorDock");
    m_panel = new DiscriminatorPanel;
    setWidget(m_panel);
    setMinimumWidth(300);
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (m_worker)
            m_worker->requestDiscriminatorView(visible);
    });
    // Shown from the View menu: in front of the other tabs.
    connect(toggleViewAction(), &QAction::triggered, this, [this](bool on) {
        if (on)
            raise();
    });
}

void DiscriminatorDock::attach(TrainerWorker *worker)
{
    if (m_worker)
        disconnect(m_worker, nullptr, this, nullptr);
    m_worker = worker;
    m_panel->clear();
    if (!worker)
        return;
    worker->requestDiscriminatorView(isVisible());
    connect(worker, &TrainerWorker::discriminatorView, m_panel, &DiscriminatorPanel::showView);
    connect(worker, &TrainerWorker::scoreReady, m_panel, &DiscriminatorPanel::showScore);
}
