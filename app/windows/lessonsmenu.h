#pragma once

#include "panels/lesson.h"

#include <QObject>

class MainWindow;
class QMenu;

// The main window's Lessons menu: the shipped lessons, Open lesson…, Save as lesson… (the
// settings shown, with the fields hidden or locked now, and texts typed in) and End lesson. A
// lesson sets the settings, hides and locks what it says, opens its window and shows its texts
// there.
class LessonsMenu : public QObject
{
    Q_OBJECT

public:
    LessonsMenu(QMenu *menu, MainWindow *window);

    // Applies the lesson; false (and the reason in the message bar) when it cannot.
    bool start(const Lesson &lesson);
    void end();
    bool isActive() const { return m_active; }
    const Lesson &current() const { return m_lesson; }
    // The lesson "Save as lesson" would write (title and texts as given).
    Lesson lessonFromWindow(const QString &title, const QStringList &steps, const QStringList &hidden,
                            const QStringList &locked) const;

private:
    void openLesson();
    void saveLesson();

    MainWindow *m_window;
    Lesson m_lesson;
    bool m_active = false;
};
