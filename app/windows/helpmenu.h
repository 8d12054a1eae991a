#pragma once

#include <QObject>

class QMenu;
class QWidget;

// The Help menu of a window: About GANvas (and, as they come, the user guide).
class HelpMenu : public QObject
{
    Q_OBJECT

public:
    // Fills `menu`; the dialogs open over `window`.
    HelpMenu(QMenu *menu, QWidget *window);

    void showAbout();

private:
    QWidget *m_window;
};
