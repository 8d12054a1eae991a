#pragma once

#include <QFrame>

#include <functional>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

// The one component that shows the user what went wrong (or right) in a window: a bar across
// the top of the window's content, red for errors, with a close button. Every message is also
// logged (category ganvas.ui), so a problem seen on screen can be found in the log and
// the other way round. A new message replaces the one shown.
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    explicit MessageBar(QWidget *parent = nullptr);

    // The message on show ("" when the bar is hidden), and whether it is an error.
    QString text() const;
    bool isError() const { return m_error; }
    void showError(const QString &message);
    void showInfo(const QString &message);
    // A button on the message on show ("Roll back", "Keep paused"): pressing it runs `handler`
    // and hides the bar. The next message takes the buttons away.
    QPushButton *addAction(const QString &text, std::function<void()> handler);
    void clear();

Q_SIGNALS:
    void shown(const QString &message, bool error);

private:
    void present(const QString &message, bool error);

    void removeActions();

    QHBoxLayout *m_layout;
    QList<QPushButton *> m_actions;
    QLabel *m_text;
    QToolButton *m_close;
    bool m_error = false;
};
