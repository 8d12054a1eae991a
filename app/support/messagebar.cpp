#include "support/messagebar.h"

#include "runs/logging.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

MessageBar::MessageBar(QWidget *parent) : QFrame(parent)
{
    setObjectName("messageBar");
    setFrameShape(QFrame::StyledPanel);
    m_text = new QLabel(this);
    m_text->setObjectName("messageText");
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close = new QToolButton(this);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Hide this message"));
    connect(m_close, &QToolButton::clicked, this, &MessageBar::clear);
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(8, 4, 4, 4);
    m_layout->addWidget(m_text, 1);
    m_layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void MessageBar::showError(const QString &message)
{
    qCWarning(lcUi).noquote() << message;
    present(message, true);
}

void MessageBar::showInfo(const QString &message)
{
    qCInfo(lcUi).noquote() << message;
    present(message, false);
}

void MessageBar::present(const QString &message, bool error)
{
    if (message.isEmpty()) {
        clear();
        return;
    }
    removeActions();
    m_error = error;
    setStyleSheet(error ? "#messageBar { background: #fde7ea; border: 1px solid #b00020; } #messageText { color: #8a0018; }"
                        : "#messageBar { background: #e8f1fb; border: 1px solid #2a6ebb; } #messageText { color: #123f70; }");
    m_text->setText(message);
    show();
    Q_EMIT shown(message, error);
}

QPushButton *MessageBar::addAction(const QString &text, std::function<void()> handler)
{
    auto *button = new QPushButton(text, this);
    m_layout->insertWidget(m_layout->count() - 1, button, 0, Qt::AlignTop); // before the close button
    connect(button, &QPushButton::clicked, this, [this, handler = std::move(handler)] {
        clear();
        handler();
    });
    m_actions.append(button);
    return button;
}

void MessageBar::removeActions()
{
    for (QPushButton *b : std::as_const(m_actions))
        b->deleteLater();
    m_actions.clear();
}

void MessageBar::clear()
{
    removeActions();
    m_text->clear();
    m_error = false;
    hide();
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}
