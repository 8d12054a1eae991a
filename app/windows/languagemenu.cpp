#include "windows/languagemenu.h"

#include "support/language.h"
#include "support/messagebar.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>
#include <QProcess>
#include <QWidget>

LanguageMenu::LanguageMenu(QMenu *menu, QWidget *window, MessageBar *messages)
    : QObject(window), m_window(window), m_messages(messages)
{
    QMenu *languages = menu->addMenu(tr("&Language"));
    languages->setObjectName("languageMenu");
    auto *group = new QActionGroup(this);
    struct Item
    {
        QString text;
        language::Choice choice;
    };
    // The languages are named in themselves, as a reader who does not know the other finds them.
    const Item items[] = {{tr("&System"), language::Choice::System},
                          {QStringLiteral("&English"), language::Choice::English},
                          {QStringLiteral("简体中文(&Z)"), language::Choice::Chinese}};
    const language::Choice now = language::chosen();
    for (const Item &item : items) {
        QAction *a = languages->addAction(item.text);
        a->setCheckable(true);
        a->setChecked(item.choice == now);
        a->setData(int(item.choice));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, choice = item.choice] {
            if (choice == language::chosen())
                return;
            language::choose(choice);
            m_messages->showInfo(tr("The language changes when GANvas starts again."));
            m_messages->addAction(tr("Restart now"), [this] { restart(); });
        });
    }
}

void LanguageMenu::restart()
{
    if (!m_window->close())
        return; // training runs and the user kept it
    QProcess::startDetached(QCoreApplication::applicationFilePath(), {});
    QCoreApplication::quit();
}
