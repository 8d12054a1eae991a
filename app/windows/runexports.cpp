#include "windows/runexports.h"

#include "dialogs/gifexportdialog.h"
#include "lossplot.h"
#include "samplegridview.h"
#include "support/messagebar.h"

#include <QFileDialog>
#include <QImage>

RunExports::RunExports(QWidget *window, LossPlot *plot, SampleGridView *grid, MessageBar *messages)
    : QObject(window), m_window(window), m_plot(plot), m_grid(grid), m_messages(messages)
{
}

void RunExports::exportGif()
{
    if (m_runDir.isEmpty()) {
        m_messages->showError(tr("No run yet: start or open one to export its frames."));
        return;
    }
    GifExportDialog dialog(m_runDir, m_window);
    dialog.exec();
}

void RunExports::exportPlot()
{
    const QString file = QFileDialog::getSaveFileName(m_window, tr("Export plot"), m_runDir + "/losses.png",
                                                      tr("PNG (*.png);;PDF (*.pdf)"));
    if (file.isEmpty())
        return;
    const bool ok = file.endsWith(".pdf", Qt::CaseInsensitive) ? m_plot->exportPdf(file)
                                                               : m_plot->exportPng(file, 1600, 1000);
    if (!ok)
        m_messages->showError(tr("Could not write %1").arg(file));
}

void RunExports::exportGrid()
{
    if (m_grid->grid().isNull()) {
        m_messages->showError(tr("No grid to export yet: train an epoch or open a run first."));
        return;
    }
    const QString file = QFileDialog::getSaveFileName(m_window, tr("Export grid"), m_runDir + "/grid.png",
                                                      tr("PNG (*.png)"));
    // The grid on show when the dialog closes: training goes on behind it.
    if (!file.isEmpty() && !m_grid->grid().save(file, "PNG"))
        m_messages->showError(tr("Could not write %1").arg(file));
}
