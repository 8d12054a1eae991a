// The windows the main window opens beside itself: the comparison, the dataset manager, the
// step-through, the latent explorer and the 2-D lab. The rest of MainWindow is in mainwindow.cpp.
#include "windows/mainwindow.h"

#include "checkpoint/rundirectory.h"
#include "dialogs/datasetmanager.h"
#include "panels/checkpointbrowser.h"
#include "panels/hyperparameterpanel.h"
#include "runs/runcontroller.h"
#include "runs/trainerworker.h"
#include "support/messagebar.h"
#include "windows/comparisonwindow.h"
#include "windows/latentexplorerwindow.h"
#include "windows/stepthroughwindow.h"
#include "windows/toylabwindow.h"

namespace {

// A window of its own, made on first use (by `make`), kept when closed, deleted with the main
// window; shown and brought to the front.
template <typename Window, typename Make> Window *present(Window *&window, Make make)
{
    if (!window) {
        window = make();
        window->setAttribute(Qt::WA_DeleteOnClose, false);
    }
    window->show();
    window->raise();
    return window;
}

template <typename Window> Window *present(Window *&window)
{
    return present(window, [] { return new Window; });
}

} // namespace

StepThroughWindow *MainWindow::showStepThrough()
{
    present(m_stepThrough)->open(m_panel->config(), m_checkpoints->selectedCheckpoint());
    return m_stepThrough;
}

LatentExplorerWindow *MainWindow::showLatentExplorer()
{
    present(m_latent);
    QString checkpoint = m_checkpoints->selectedCheckpoint();
    if (checkpoint.isEmpty() && isTraining()) {
        // The generator as it is now: a checkpoint of this moment, opened once written.
        TrainerWorker *w = m_controller->worker();
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(w, &TrainerWorker::checkpointWritten, m_latent, [this, once](const QString &path, int) {
            disconnect(*once);
            m_latent->open(path);
        });
        m_latent->messages()->showInfo(tr("Saving a checkpoint of the generator as it is now…"));
        w->requestCheckpoint();
        return m_latent;
    }
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
    return m_latent;
}

ToyLabWindow *MainWindow::showLab()
{
    return present(m_lab);
}

ComparisonWindow *MainWindow::showComparison()
{
    present(m_comparison, [this] { return new ComparisonWindow(m_runs); })->setTemplateConfig(m_panel->config());
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
