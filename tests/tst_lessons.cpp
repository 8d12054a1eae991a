// Lessons: the five shipped lessons read and say what they should; a lesson hides and locks the
// settings it names in the real main window, shows its texts, opens its window; a saved lesson
// reads back the same; a bad lesson file is refused with the file and the key named.
#include "panels/hyperparameterpanel.h"
#include "panels/lesson.h"
#include "panels/lessonbar.h"
#include "support/messagebar.h"
#include "runs/comparisonruns.h"
#include "windows/comparisonwindow.h"
#include "windows/lessonsmenu.h"
#include "mainwindowtesthelpers.h"
#include "windows/mainwindow.h"
#include "windows/stepthroughwindow.h"
#include "windows/toylabwindow.h"

#include <QDoubleSpinBox>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QtTest>

class TestLessons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shippedLessons();
    void lessonHidesWhatItSays();
    void lessonsOpenTheirWindows();
    void savedLessonReadsBack();
    void badLessonsAreNamed();

private:
    static Lesson byTitle(const QString &title)
    {
        for (const Lesson &l : Lesson::shipped())
            if (l.title == title)
                return l;
        return {};
    }
    QTemporaryDir m_dir;
};

void TestLessons::initTestCase()
{
    QVERIFY(m_dir.isValid());
    isolateWindowState(m_dir.path());
}

void TestLessons::shippedLessons()
{
    const auto lessons = Lesson::shipped();
    QStringList titles;
    for (const Lesson &l : lessons) {
        titles << l.title;
        QVERIFY2(l.steps.size() >= 2, qPrintable(l.title));
        QVERIFY2(l.config.validate().empty(), qPrintable(l.title));
    }
    QCOMPARE(titles, QStringList({"What D and G do", "When D is too strong", "Mode collapse", "Tricks that help",
                                  "Grey against colour"}));
    const Lesson strong = byTitle("When D is too strong");
    QCOMPARE(strong.config.lrD, 25 * strong.config.lrG); // lr_D 25 times lr_G, as its text says
    QCOMPARE(strong.config.labelSmoothing, 0.0);
    QCOMPARE(byTitle("What D and G do").opens, Lesson::Opens::StepThrough);
    QCOMPARE(byTitle("What D and G do").config.dataset, std::string("fashion-mnist"));
    const Lesson collapse = byTitle("Mode collapse");
    QCOMPARE(collapse.opens, Lesson::Opens::Lab);
    QCOMPARE(collapse.labShape, QString("ring"));
    const Lesson tricks = byTitle("Tricks that help");
    QVERIFY(tricks.config.labelSmoothing > 0 && tricks.config.instanceNoise > 0);
    const Lesson colour = byTitle("Grey against colour");
    QCOMPARE(colour.opens, Lesson::Opens::Compare);
    QCOMPARE(colour.compare, QStringList({"fashion-mnist", "cifar10"}));
}

void TestLessons::lessonHidesWhatItSays()
{
    MainWindow w;
    w.setAskBeforeClosing(false);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    HyperparameterPanel *panel = w.panel();
    QVERIFY(panel->field("model")->isVisible());
    const Lesson strong = byTitle("When D is too strong");
    QVERIFY(w.lessons()->start(strong));
    // Hidden: the field and its label gone; locked: shown, not editable, and the tooltip says why.
    for (const QString &name : strong.hidden)
        QVERIFY2(!panel->field(name)->isVisible(), qPrintable(name));
    for (const QString &name : strong.locked) {
        QVERIFY2(panel->field(name)->isVisible() && !panel->field(name)->isEnabled(), qPrintable(name));
        QVERIFY(panel->field(name)->toolTip().contains("Locked by the lesson"));
    }
    QVERIFY(panel->field("epochs")->isVisible() && panel->field("epochs")->isEnabled());
    QCOMPARE(qobject_cast<QDoubleSpinBox *>(panel->field("lr_d"))->value(), 0.0005);
    // The texts above the view, step by step.
    LessonBar *bar = w.lessonBar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->text(), strong.steps[0]);
    bar->setStep(1);
    QCOMPARE(bar->text(), strong.steps[1]);
    // End lesson: everything shown and editable again.
    w.lessons()->end();
    QVERIFY(!bar->isVisible());
    for (const QString &name : strong.hidden)
        QVERIFY2(panel->field(name)->isVisible(), qPrintable(name));
    for (const QString &name : strong.locked)
        QVERIFY2(panel->field(name)->isEnabled(), qPrintable(name));
    // The menu lists the lessons.
    QMenu *lessons = nullptr;
    for (QAction *a : w.menuBar()->actions())
        if (a->text().remove('&') == "Lessons")
            lessons = a->menu();
    QVERIFY(lessons);
    QStringList items;
    for (QAction *a : lessons->actions())
        items << a->text().remove('&');
    QVERIFY2(items.contains("3 Mode collapse") && items.contains("Save as lesson…") && items.contains("End lesson"),
             qPrintable(items.join(", ")));
}

void TestLessons::lessonsOpenTheirWindows()
{
    MainWindow w;
    w.setAskBeforeClosing(false);
    w.show();
    QVERIFY(w.lessons()->start(byTitle("Mode collapse")));
    ToyLabWindow *lab = w.showLab();
    QVERIFY(lab->isVisible());
    QCOMPARE(lab->settings().shape, QString("ring"));
    QCOMPARE(lab->settings().lrD, 0.0001);
    QVERIFY(lab->lessonBar()->isVisible());
    QVERIFY(lab->lessonBar()->text().contains("ring"));
    QVERIFY(w.lessons()->start(byTitle("What D and G do")));
    QVERIFY(!lab->lessonBar()->isVisible()); // the previous lesson ended
    StepThroughWindow *st = w.showStepThrough();
    QVERIFY(st->lessonBar()->isVisible());
    QCOMPARE(st->lessonBar()->title(), QString("What D and G do"));
    // Grey against colour: the comparison with one run per dataset, the same settings.
    QVERIFY(w.lessons()->start(byTitle("Grey against colour")));
    ComparisonWindow *cmp = w.showComparison();
    QCOMPARE(cmp->runs()->count(), 2);
    QVERIFY(cmp->lessonBar()->isVisible());
    QVERIFY(!st->lessonBar()->isVisible());
    w.lessons()->end();
    QVERIFY(!cmp->lessonBar()->isVisible());
    lab->close();
    st->close();
    cmp->close();
}

void TestLessons::savedLessonReadsBack()
{
    MainWindow w;
    w.setLimit(777);
    const Lesson l = w.lessons()->lessonFromWindow("My lesson", {"First do this.", "Then that."}, {"loss", "model"},
                                                   {"lr_g"});
    const QString path = m_dir.filePath("my-lesson.json");
    l.save(path);
    const Lesson back = Lesson::fromFile(path);
    QCOMPARE(back.title, QString("My lesson"));
    QCOMPARE(back.steps, l.steps);
    QCOMPARE(back.hidden, QStringList({"loss", "model"}));
    QCOMPARE(back.locked, QStringList({"lr_g"}));
    QCOMPARE(back.config.limit, 777);
    QCOMPARE(back.config.toJson(), l.config.toJson());
    // Started, it hides what it says.
    w.show();
    QVERIFY(w.lessons()->start(back));
    QVERIFY(!w.panel()->field("loss")->isVisible());
    QVERIFY(!w.panel()->field("lr_g")->isEnabled());
}

void TestLessons::badLessonsAreNamed()
{
    const auto refused = [](const QByteArray &json) {
        try {
            Lesson::fromJson(json, "bad.json");
        } catch (const std::invalid_argument &e) {
            return QString::fromUtf8(e.what());
        }
        return QString();
    };
    QVERIFY(refused("{").startsWith("bad.json: not valid JSON"));
    QVERIFY(refused(R"({"steps": ["x"]})").contains("\"title\" is missing"));
    QVERIFY(refused(R"({"title": "t", "steps": ["x"], "hidden": ["colour"]})").contains("\"colour\" is not a settings field"));
    QVERIFY(refused(R"({"title": "t", "steps": ["x"], "opens": "kitchen"})").contains("kitchen"));
    QVERIFY(refused(R"({"title": "t"})").contains("\"steps\" is missing"));
    QVERIFY(refused(R"({"title": "t", "steps": ["x"], "settings": {"lr_g": "fast"}})").contains("lr_g"));
    QVERIFY(refused(R"({"title": "t", "steps": ["x"], "preset": "nonesuch"})").contains("nonesuch"));
    QVERIFY(refused(R"({"title": "t", "steps": ["x"], "opens": "compare", "compare": ["mnist"]})").contains("two datasets"));
    QVERIFY(refused(R"({"title": "t", "steps": ["x"]})").isEmpty());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Lesson::fromFile("/nonexistent/lesson.json"));
}

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
