#include "windows/helpmenu.h"

#include "dialogs/aboutdialog.h"

#include <QMenu>

HelpMenu::HelpMenu(QMenu *menu, QWidget *window) : QObject(window), m_window(window)
{
    menu->addAction(tr("&About GANvas"), this, &HelpMenu::showAbout);
}

void HelpMenu::showAbout()
{
    AboutDialog dialog(m_window);
    dialog.exec();
}
