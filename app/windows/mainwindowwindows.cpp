// The windows the main window opens beside itself: the comparison, the dataset manager and the
// 2-D lab. The rest of MainWindow is in mainwindow.cpp.
#include "windows/mainwindow.h"

#include "dialogs/datasetmanager.h"
#include "panels/hyperparameterpanel.h"
#include "windows/comparisonwindow.h"
#include "panels/checkpointbrowser.h"
#include "windows/stepthroughwindow.h"
#include "checkpoint/rundirectory.h"
#include "support/messagebar.h"
#include "windows/latentexplorerwindow.h"
#include "windows/toylabwindow.h"

StepThroughWindow *MainWindow::showStepThrough()
{
    if (!m_stepThrough) {
        m_stepThrough = new StepThroughWindow; // a window of its own, closed with this one
        m_stepThrough->setAttribute(Qt::WA_DeleteOnClose, false);
    }
    m_stepThrough->open(m_panel->config(), m_checkpoints->selectedCheckpoint());
    m_stepThrough->show();
    m_stepThrough->raise();
    return m_stepThrough;
}

LatentExplorerWindow *MainWindow::showLatentExplorer()
{
    if (!m_latent) {
        m_latent = new LatentExplorerWindow; // a window of its own, closed with this one
        m_latent->setAttribute(Qt::WA_DeleteOnClose, false);
    }
    QString checkpoint = m_checkpoints->selectedCheckpoint();
    if (checkpoint.isEmpty() && !m_runDir.isEmpty()) {
        try {
            checkpoint = QString::fromStdString(ganvas::RunDirectory::resolveCheckpoint(m_runDir.toStdString()));
        } catch (const std::exception &) {
            // no checkpoint yet: the explorer says how to open one
        }
    }
    if (!checkpoint.isEmpty())
        m_latent->open(checkpoint);
    else if (!m_latent->isOpen())
        m_latent->messages()->showInfo(tr("This run has no checkpoint yet: train an epoch first, or open a "
                                          "checkpoint here (Explorer → Open checkpoint…, Ctrl+O)."));
    m_latent->show();
    m_latent->raise();
    return m_latent;
}

ToyLabWindow *MainWindow::showLab()
{
    if (!m_lab) {
        m_lab = new ToyLabWindow; // a window of its own, closed with this one
        m_lab->setAttribute(Qt::WA_DeleteOnClose, false);
    }
    m_lab->show();
    m_lab->raise();
    return m_lab;
}

ComparisonWindow *MainWindow::showComparison()
{
    if (!m_comparison) {
        m_comparison = new ComparisonWindow(m_runs); // a window of its own, closed with this one
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
            if (!isTraining())
                setDataset(dataset);
        });
    }
    m_datasets->show();
    m_datasets->raise();
    return m_datasets;
}
