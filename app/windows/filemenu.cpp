#include "windows/filemenu.h"

#include "support/shortcuts.h"
#include "runs/runsroot.h"

#include <QFileDialog>
#include <QMenu>
#include <QSettings>

FileMenu::FileMenu(QMenu *file, QWidget *window) : QObject(window), m_window(window)
{
    file->addAction(tr("&New run"), QKeySequence::New, this, &FileMenu::newRunRequested);
    file->addAction(tr("&Open run…"), QKeySequence::Open, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(m_window, tr("Open a run directory"), runsRoot());
        if (!dir.isEmpty())
            Q_EMIT openRunRequested(dir);
    });
    m_recentMenu = file->addMenu(tr("Open &recent"));
    file->addSeparator();
    file->addAction(tr("Open &settings…"), this, &FileMenu::openSettingsRequested);
    file->addAction(tr("Save settings &as…"), this, &FileMenu::saveSettingsRequested);
    file->addSeparator();
    file->addAction(tr("Export &GIF…"), this, &FileMenu::exportGifRequested);
    file->addAction(tr("Export plot as PNG/PD&F…"), this, &FileMenu::exportPlotRequested);
    file->addAction(tr("Export grid as &PNG…"), this, &FileMenu::exportGridRequested);
    file->addSeparator();
    file->addAction(tr("&Compare runs…"), QKeySequence(Qt::CTRL | Qt::Key_K), this, &FileMenu::compareRequested);
    file->addAction(tr("&Datasets…"), QKeySequence(Qt::CTRL | Qt::Key_D), this, &FileMenu::datasetsRequested);
    file->addAction(tr("2-D la&b…"), QKeySequence(Qt::CTRL | Qt::Key_L), this, &FileMenu::labRequested);
    file->addAction(tr("Latent &explorer…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                    &FileMenu::latentExplorerRequested);
    file->addSeparator();
    file->addAction(tr("C&lose window"), window, &QWidget::close)->setShortcuts(closeShortcuts());
    file->addAction(tr("&Quit"), this, &FileMenu::quitRequested)->setShortcuts(quitShortcuts());
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

void FileMenu::forgetRun(const QString &runDir)
{
    QSettings settings;
    QStringList recent = settings.value("recentRuns").toStringList();
    recent.removeAll(runDir);
    settings.setValue("recentRuns", recent);
    if (settings.value("lastRun").toString() == runDir)
        settings.setValue("lastRun", recent.value(0));
    updateRecentMenu();
}

void FileMenu::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value("recentRuns").toStringList();
    for (const QString &dir : recent)
        m_recentMenu->addAction(dir, this, [this, dir] { Q_EMIT openRunRequested(dir); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}
