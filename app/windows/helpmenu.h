#pragma once

#include <QObject>
#include <QString>

class QMenu;
class QWidget;

// The Help menu of a window: the user guide (F1 opens it at this window's section), What is a
// GAN?, the keyboard shortcuts, About GANvas.
class HelpMenu : public QObject
{
    Q_OBJECT

public:
    // Fills `menu`; `section` is the guide's heading about this window, in English and marked
    // QT_TRANSLATE_NOOP("HelpSection", …): the Chinese guide's heading is its translation.
    HelpMenu(QMenu *menu, QWidget *window, const char *section = "");

    void showGuide();
    void showAbout();

private:
    QWidget *m_window;
    const char *m_section;
};
