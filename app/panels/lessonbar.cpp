#include "panels/lessonbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

LessonBar::LessonBar(QWidget *parent) : QFrame(parent)
{
    setObjectName("lessonBar");
    setStyleSheet(QStringLiteral("#lessonBar { background: #e8f1fb; border: 1px solid #9cbfe6; border-radius: 4px; }"
                                 "#lessonBar QLabel { color: #10283f; }"));
    auto *h = new QHBoxLayout(this);
    auto *texts = new QVBoxLayout;
    m_heading = new QLabel;
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_text = new QLabel;
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    texts->addWidget(m_heading);
    texts->addWidget(m_text);
    texts->addStretch(1); // in a tall dock the text stays at the top
    h->addLayout(texts, 1);
    auto *buttons = new QVBoxLayout;
    auto *row = new QHBoxLayout;
    m_back = new QPushButton(tr("Back"));
    m_next = new QPushButton(tr("Next"));
    row->addWidget(m_back);
    row->addWidget(m_next);
    buttons->addLayout(row);
    m_end = new QPushButton(tr("End lesson"));
    buttons->addWidget(m_end);
    buttons->addStretch(1);
    h->addLayout(buttons);
    connect(m_back, &QPushButton::clicked, this, [this] { setStep(m_step - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { setStep(m_step + 1); });
    connect(m_end, &QPushButton::clicked, this, &LessonBar::end);
    hide();
}

void LessonBar::start(const QString &title, const QStringList &steps)
{
    m_title = title;
    m_steps = steps;
    m_step = 0;
    refresh();
    setVisible(!steps.isEmpty());
    if (!steps.isEmpty())
        Q_EMIT started();
}

void LessonBar::end()
{
    const bool was = isActive();
    m_steps.clear();
    m_title.clear();
    hide();
    if (was)
        Q_EMIT ended();
}

void LessonBar::setStep(int step)
{
    if (m_steps.isEmpty())
        return;
    m_step = std::clamp(step, 0, int(m_steps.size()) - 1);
    refresh();
}

QString LessonBar::text() const
{
    return m_steps.value(m_step);
}

void LessonBar::refresh()
{
    m_heading->setText(tr("Lesson: %1 — step %2 of %3").arg(m_title).arg(m_step + 1).arg(m_steps.size()));
    m_text->setText(text());
    m_back->setEnabled(m_step > 0);
    m_next->setEnabled(m_step + 1 < m_steps.size());
}
