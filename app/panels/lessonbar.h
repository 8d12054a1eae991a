#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;
class QPushButton;

// The text of a lesson's step, above the view of the window the lesson runs in: its title, the
// step's text, Back and Next between the steps, End lesson.
class LessonBar : public QFrame
{
    Q_OBJECT

public:
    explicit LessonBar(QWidget *parent = nullptr);

    void start(const QString &title, const QStringList &steps);
    void end();
    bool isActive() const { return !m_steps.isEmpty(); }
    int step() const { return m_step; }
    void setStep(int step);
    QString text() const;
    QString title() const { return m_title; }

Q_SIGNALS:
    void started();
    void ended();

private:
    void refresh();

    QString m_title;
    QStringList m_steps;
    int m_step = 0;
    QLabel *m_heading, *m_text;
    QPushButton *m_back, *m_next, *m_end;
};
