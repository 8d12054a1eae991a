#include "filemenu.h"

#include "gifexportdialog.h"
#include "hyperparameterpanel.h"
#include "lossplot.h"
#include "mainwindow.h"
#include "samplegridview.h"

#include <QFileDialog>
#include <QImage>
#include <QMenu>
#include <QSettings>

FileMenu::FileMenu(MainWindow *window, QMenu *file) : QObject(window), m_window(window)
{
    auto *newAction = file->addAction(tr("&New run"), this, [this] { Q_EMIT newRunRequested(); });
    newAction->setShortcut(QKeySequence::New);
    auto *open = file->addAction(tr("&Open run…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(m_window, tr("Open a run directory"), MainWindow::runsRoot());
        if (!dir.isEmpty())
            m_window->openRun(dir);
    });
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    file->addSeparator();
    file->addAction(tr("Export &GIF…"), this, &FileMenu::exportGif);
    file->addAction(tr("Export plot as PNG/PD&F…"), this, &FileMenu::exportPlot);
    file->addAction(tr("Export grid as &PNG…"), this, &FileMenu::exportGrid);
    file->addSeparator();
    auto *compare = file->addAction(tr("&Compare runs…"), this, [this] { m_window->showComparison(); });
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    auto *datasets = file->addAction(tr("&Datasets…"), this, [this] { m_window->showDatasets(); });
    datasets->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    file->addSeparator();
    auto *quit = file->addAction(tr("&Quit"), m_window, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    updateRecentMenu();
}

void FileMenu::rememberRun(const QString &runDir)
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

void FileMenu::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value("recentRuns").toStringList();
    for (const QString &dir : recent)
        m_recentMenu->addAction(dir, this, [this, dir] { m_window->openRun(dir); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void FileMenu::exportGif()
{
    const QString runDir = m_window->runDirectory();
    if (runDir.isEmpty()) {
        m_window->panel()->showError(tr("No run yet: start or open one to export its frames."));
        return;
    }
    GifExportDialog dialog(runDir, m_window);
    dialog.exec();
}

void FileMenu::exportPlot()
{
    const QString file = QFileDialog::getSaveFileName(m_window, tr("Export plot"), m_window->runDirectory() + "/losses.png",
                                                      tr("PNG (*.png);;PDF (*.pdf)"));
    if (file.isEmpty())
        return;
    LossPlot *plot = m_window->lossPlot();
    const bool ok = file.endsWith(".pdf", Qt::CaseInsensitive) ? plot->exportPdf(file)
                                                               : plot->exportPng(file, 1600, 1000);
    if (!ok)
        m_window->panel()->showError(tr("Could not write %1").arg(file));
}

void FileMenu::exportGrid()
{
    SampleGridView *grid = m_window->gridView();
    if (grid->grid().isNull())
        return;
    const QString file = QFileDialog::getSaveFileName(m_window, tr("Export grid"), m_window->runDirectory() + "/grid.png",
                                                      tr("PNG (*.png)"));
    // The grid on show when the dialog closes: training goes on behind it.
    if (!file.isEmpty() && !grid->grid().save(file, "PNG"))
        m_window->panel()->showError(tr("Could not write %1").arg(file));
}
