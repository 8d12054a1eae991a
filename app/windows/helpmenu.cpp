#include "windows/helpmenu.h"

#include "dialogs/aboutdialog.h"
#include "windows/helpbrowser.h"

#include <QAction>
#include <QMenu>

HelpMenu::HelpMenu(QMenu *menu, QWidget *window, const char *section)
    : QObject(window), m_window(window), m_section(section)
{
    QAction *guide = menu->addAction(tr("&User Guide"), this, &HelpMenu::showGuide);
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setShortcutContext(Qt::WindowShortcut);
    menu->addAction(tr("&What is a GAN?"), this,
                    [] { HelpBrowser::instance()->showPage(HelpBrowser::Page::WhatIsAGan); });
    menu->addAction(tr("&Keyboard Shortcuts"), this,
                    [] { HelpBrowser::instance()->showPage(HelpBrowser::Page::Guide, QT_TRANSLATE_NOOP("HelpSection", "Keyboard shortcuts")); });
    menu->addSeparator();
    menu->addAction(tr("&About GANvas"), this, &HelpMenu::showAbout);
}

void HelpMenu::showGuide()
{
    HelpBrowser::instance()->showPage(HelpBrowser::Page::Guide, m_section);
}

void HelpMenu::showAbout()
{
    AboutDialog dialog(m_window);
    dialog.exec();
}
