#pragma once

#include <QObject>

class QMenu;
class QWidget;

// The main window's File menu: new and open (with the runs opened lately, kept in the
// settings), the exports, the comparison and dataset windows, quit. It knows no window: each
// item is a signal the main window connects to.
class FileMenu : public QObject
{
    Q_OBJECT

public:
    // Fills `menu`; the Open dialog opens over `window`.
    FileMenu(QMenu *menu, QWidget *window);

    // Puts the run first in Open recent and remembers it as the last run.
    void rememberRun(const QString &runDir);
    // A run that never trained (its start failed) leaves Open recent again.
    void forgetRun(const QString &runDir);

Q_SIGNALS:
    void newRunRequested();
    void openRunRequested(const QString &runDir);
    void openSettingsRequested();
    void saveSettingsRequested();
    void exportGifRequested();
    void exportPlotRequested();
    void exportGridRequested();
    void compareRequested();
    void datasetsRequested();
    void labRequested();
    void latentExplorerRequested();
    void quitRequested();

private:
    void updateRecentMenu();

    QWidget *m_window;
    QMenu *m_recentMenu;
};
