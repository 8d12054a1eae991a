#pragma once

#include <QObject>

class MainWindow;
class QMenu;

// The main window's File menu: new and open (with the runs opened lately, kept in the
// settings), the exports of the run with their dialogs (an animated GIF of its frames, the
// loss plot as PNG or PDF, the grid on show as PNG), the comparison and dataset windows, quit.
// It works through the window's public API; problems show in the settings panel, like the
// window's own.
class FileMenu : public QObject
{
    Q_OBJECT

public:
    // Fills `menu` (the window's File menu).
    FileMenu(MainWindow *window, QMenu *menu);

    // Puts the run first in Open recent and remembers it as the last run.
    void rememberRun(const QString &runDir);
    void exportGif();
    void exportPlot();
    void exportGrid();

Q_SIGNALS:
    void newRunRequested();

private:
    void updateRecentMenu();

    MainWindow *m_window;
    QMenu *m_recentMenu;
};
