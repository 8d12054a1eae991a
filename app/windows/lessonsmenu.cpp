#include "windows/lessonsmenu.h"

#include "engine/configfields.h"
#include "panels/hyperparameterpanel.h"
#include "panels/lessonbar.h"
#include "support/messagebar.h"
#include "windows/comparisonwindow.h"
#include "windows/mainwindow.h"
#include "windows/stepthroughwindow.h"
#include "windows/toylabwindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QVBoxLayout>

LessonsMenu::LessonsMenu(QMenu *menu, MainWindow *window) : QObject(window), m_window(window)
{
    try {
        int n = 0;
        for (const Lesson &l : Lesson::shipped()) // numbered: the number is the access key
            menu->addAction(QStringLiteral("&%1 %2").arg(++n).arg(l.title), this, [this, l] { start(l); });
    } catch (const std::exception &e) {
        menu->addAction(tr("(the lessons could not be read: %1)").arg(QString::fromUtf8(e.what())))->setEnabled(false);
    }
    menu->addSeparator();
    menu->addAction(tr("&Open lesson…"), this, &LessonsMenu::openLesson);
    menu->addAction(tr("&Save as lesson…"), this, &LessonsMenu::saveLesson);
    menu->addSeparator();
    menu->addAction(tr("&End lesson"), this, &LessonsMenu::end);
    connect(window->lessonBar(), &LessonBar::ended, this, &LessonsMenu::end);
}

bool LessonsMenu::start(const Lesson &lesson)
{
    if (m_window->isTraining()) {
        m_window->messages()->showError(tr("Stop the run first: a lesson starts from settings of its own."));
        return false;
    }
    end();
    m_lesson = lesson;
    m_active = true;
    if (lesson.opens == Lesson::Opens::Main)
        m_window->newRun(); // the lesson's own run: not a continuation of what was shown before
    m_window->setConfig(lesson.config);
    m_window->panel()->setLessonControls(lesson.hidden, lesson.locked);
    m_window->messages()->clear();
    switch (lesson.opens) {
    case Lesson::Opens::Main:
        m_window->lessonBar()->start(lesson.title, lesson.steps);
        break;
    case Lesson::Opens::StepThrough: {
        StepThroughWindow *w = m_window->showStepThrough();
        w->lessonBar()->start(lesson.title, lesson.steps);
        break;
    }
    case Lesson::Opens::Lab: {
        ToyLabWindow *w = m_window->showLab();
        w->applyLesson(lesson.labShape, lesson.labLoss, lesson.labLrG, lesson.labLrD);
        w->lessonBar()->start(lesson.title, lesson.steps);
        break;
    }
    case Lesson::Opens::Compare: {
        ComparisonWindow *w = m_window->showComparison();
        for (const QString &dataset : lesson.compare) {
            auto c = lesson.config;
            c.dataset = dataset.toStdString();
            w->addRun(c, dataset);
        }
        w->lessonBar()->start(lesson.title, lesson.steps);
        break;
    }
    }
    return true;
}

void LessonsMenu::end()
{
    if (!m_active)
        return;
    m_active = false;
    m_window->panel()->setLessonControls({}, {});
    // The main window's bar and those of the lab, step-through and comparison windows.
    for (QWidget *top : QApplication::topLevelWidgets())
        for (LessonBar *bar : top->findChildren<LessonBar *>())
            bar->end();
}

void LessonsMenu::openLesson()
{
    const QString file =
        QFileDialog::getOpenFileName(m_window, tr("Open a lesson"), QDir::homePath(), tr("Lessons (*.json)"));
    if (file.isEmpty())
        return;
    try {
        start(Lesson::fromFile(file));
    } catch (const std::exception &e) {
        m_window->messages()->showError(tr("Cannot open the lesson: %1").arg(QString::fromUtf8(e.what())));
    }
}

Lesson LessonsMenu::lessonFromWindow(const QString &title, const QStringList &steps, const QStringList &hidden,
                                     const QStringList &locked) const
{
    Lesson l;
    l.title = title;
    l.opens = Lesson::Opens::Main;
    l.config = m_window->panel()->config();
    l.hidden = hidden;
    l.locked = locked;
    l.steps = steps;
    return l;
}

void LessonsMenu::saveLesson()
{
    // Title, texts (one step per paragraph) and which fields to hide or lock.
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Save as lesson"));
    auto *v = new QVBoxLayout(&dialog);
    auto *form = new QFormLayout;
    auto *title = new QLineEdit(m_active ? m_lesson.title : QString());
    form->addRow(tr("&Title"), title);
    auto *texts = new QPlainTextEdit(m_active ? m_lesson.steps.join("\n\n") : QString());
    texts->setPlaceholderText(tr("One step per paragraph: what to do, and what to look for."));
    form->addRow(tr("Te&xts"), texts);
    v->addLayout(form);
    v->addWidget(new QLabel(tr("Settings the class should not see, or see but not change:")));
    auto *grid = new QGridLayout;
    QList<QPair<QString, QPair<QCheckBox *, QCheckBox *>>> rows;
    int row = 0;
    grid->addWidget(new QLabel(tr("Hide")), row, 1);
    grid->addWidget(new QLabel(tr("Lock")), row, 2);
    for (const auto &f : ganvas::configFields()) {
        const QString name = QString::fromLatin1(f.name);
        ++row;
        grid->addWidget(new QLabel(QCoreApplication::translate("TrainingConfig", f.label)), row, 0);
        auto *hide = new QCheckBox, *lock = new QCheckBox;
        hide->setChecked(m_window->panel()->hiddenFields().contains(name));
        lock->setChecked(m_window->panel()->lockedFields().contains(name));
        grid->addWidget(hide, row, 1);
        grid->addWidget(lock, row, 2);
        rows.append({name, {hide, lock}});
    }
    auto *inner = new QWidget;
    inner->setLayout(grid);
    auto *scroll = new QScrollArea;
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    v->addWidget(scroll, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    v->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.resize(560, 620);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QStringList hidden, locked, steps;
    for (const auto &r : rows) {
        if (r.second.first->isChecked())
            hidden << r.first;
        if (r.second.second->isChecked())
            locked << r.first;
    }
    for (const QString &p : texts->toPlainText().split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            steps << p.trimmed();
    if (title->text().trimmed().isEmpty() || steps.isEmpty()) {
        m_window->messages()->showError(tr("A lesson needs a title and at least one text; nothing was saved."));
        return;
    }
    const QString file = QFileDialog::getSaveFileName(m_window, tr("Save the lesson"),
                                                      QDir::home().filePath("lesson.json"), tr("Lessons (*.json)"));
    if (file.isEmpty())
        return;
    try {
        lessonFromWindow(title->text().trimmed(), steps, hidden, locked).save(file);
        m_window->messages()->showInfo(tr("Lesson saved to %1").arg(file));
    } catch (const std::exception &e) {
        m_window->messages()->showError(tr("Cannot save the lesson: %1").arg(QString::fromUtf8(e.what())));
    }
}
