#pragma once

#include <QObject>

class MessageBar;
class QMenu;
class QWidget;

// View → Language: System, English, 简体中文 (each language named in itself), one checked. A new
// choice is remembered at once (language::choose) and takes effect when GANvas starts again; the
// window's message bar says so and offers "Restart now", which closes the window the usual way
// (asking first while training runs) and starts GANvas again.
class LanguageMenu : public QObject
{
    Q_OBJECT

public:
    LanguageMenu(QMenu *menu, QWidget *window, MessageBar *messages);

private:
    void restart();

    QWidget *m_window;
    MessageBar *m_messages;
};
