// The interface in Simplified Chinese. ctest runs this program under LANG=zh_CN.UTF-8 (and no
// saved language choice), so the language follows the system: the main window's menus, actions
// and settings labels read Chinese, Qt's own buttons too (qtbase_zh_CN), the help shows the
// Chinese guide at the window's section, lessons and settings problems speak Chinese, and every
// window's labels and buttons fit at 1280x800 without being cut. View → Language remembers
// a choice.
#include "dialogs/datasetmanager.h"
#include "engine/configfields.h"
#include "mainwindowtesthelpers.h"
#include "panels/hyperparameterpanel.h"
#include "panels/lesson.h"
#include "support/language.h"
#include "support/messagebar.h"
#include "windows/comparisonwindow.h"
#include "windows/helpbrowser.h"
#include "windows/latentexplorerwindow.h"
#include "windows/mainwindow.h"
#include "windows/stepthroughwindow.h"
#include "windows/toylabwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

namespace {

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return text.contains(han);
}

// Texts that are the same in every language: numbers, names of things (Fashion-MNIST, mlp,
// D(x)), keys, file names.
bool languageFree(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{4,}"));
    QString t = text;
    t.remove(QLatin1Char('&'));
    for (const char *name : {"GANvas", "Fashion-MNIST", "MNIST", "CIFAR", "English", "WGAN", "LSGAN", "DCGAN",
                             "Adam", "PyTorch", "libtorch", "BLAS", "OpenBLAS", "hinge", "mlp", "dcgan", "lsgan"})
        t.remove(QLatin1String(name), Qt::CaseInsensitive);
    return !t.contains(word);
}

// Every visible label and button of `w` is at least as wide as its text needs (nothing cut off)
// and lies inside the window.
// Qt keeps a dock that is a tab behind another "visible" but moves it out of the window.
bool behindAnotherTab(QWidget *widget, QWidget *window)
{
    for (QWidget *p = widget; p && p != window; p = p->parentWidget())
        if (qobject_cast<QDockWidget *>(p) && !window->rect().intersects(QRect(p->mapTo(window, QPoint(0, 0)), p->size())))
            return true;
    return false;
}

void checkNothingCut(QWidget *w, const QString &where)
{
    for (QLabel *l : w->findChildren<QLabel *>()) {
        if (!l->isVisibleTo(w) || l->text().isEmpty() || l->wordWrap() || !l->pixmap().isNull())
            continue;
        if (l->textFormat() == Qt::RichText || Qt::mightBeRichText(l->text()))
            continue; // rich text wraps by itself
        QVERIFY2(l->width() >= l->minimumSizeHint().width(),
                 qPrintable(QStringLiteral("%1: label \"%2\" is %3 px wide, its text needs %4")
                                .arg(where, l->text())
                                .arg(l->width())
                                .arg(l->minimumSizeHint().width())));
    }
    for (QAbstractButton *b : w->findChildren<QAbstractButton *>()) {
        if (!b->isVisibleTo(w) || b->text().isEmpty())
            continue;
        if (qobject_cast<QTabBar *>(b->parentWidget()) || behindAnotherTab(b, w))
            continue;
        QVERIFY2(b->width() >= b->minimumSizeHint().width(),
                 qPrintable(QStringLiteral("%1: button \"%2\" is %3 px wide, its text needs %4")
                                .arg(where, b->text())
                                .arg(b->width())
                                .arg(b->minimumSizeHint().width())));
        const QRect inWindow(b->mapTo(w, QPoint(0, 0)), b->size());
        QVERIFY2(w->rect().contains(inWindow),
                 qPrintable(QStringLiteral("%1: button \"%2\" lies outside the window").arg(where, b->text())));
    }
}

void fitAndCheck(QWidget *w, const QString &where)
{
    w->resize(1280, 800);
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QCoreApplication::processEvents();
    QVERIFY2(w->minimumSizeHint().width() <= 1280 && w->minimumSizeHint().height() <= 800,
             qPrintable(QStringLiteral("%1 needs %2x%3")
                            .arg(where)
                            .arg(w->minimumSizeHint().width())
                            .arg(w->minimumSizeHint().height())));
    checkNothingCut(w, where);
}

} // namespace

class TestChinese : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void followsTheSystem();
    void mainWindowSpeaksChinese();
    void qtsOwnButtons();
    void helpAndLessons();
    void settingsProblems();
    void windowsFit();
    void languageMenuRemembers();

private:
    QTemporaryDir m_runs;
    bool m_installed = false;
};

void TestChinese::initTestCase()
{
    isolateWindowState(m_runs.path());
    m_installed = language::installTranslators(*QCoreApplication::instance());
}

void TestChinese::followsTheSystem()
{
    QVERIFY2(qgetenv("LANG").startsWith("zh_CN"), "ctest runs this under LANG=zh_CN.UTF-8");
    QCOMPARE(int(language::chosen()), int(language::Choice::System));
    QCOMPARE(language::interfaceLocale().language(), QLocale::Chinese);
    QVERIFY2(m_installed, "ganvas_zh_CN.qm and qtbase_zh_CN.qm both load");
    QVERIFY(language::chineseInUse());
    QCOMPARE(language::localizedKey("title"), QString("title[zh_CN]"));
}

void TestChinese::mainWindowSpeaksChinese()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QStringList menus;
    for (QAction *m : w.menuBar()->actions())
        menus << m->text();
    QCOMPARE(menus, QStringList({"文件(&F)", "训练(&T)", "视图(&V)", "课程(&L)", "帮助(&H)"}));
    // Every action of every menu, submenus included.
    int actions = 0;
    QStringList english;
    std::function<void(QMenu *)> walk = [&](QMenu *menu) {
        for (QAction *a : menu->actions()) {
            if (a->isSeparator())
                continue;
            if (a->menu())
                walk(a->menu());
            ++actions;
            if (!hasChinese(a->text()) && !languageFree(a->text()))
                english << a->text();
        }
    };
    for (QAction *m : w.menuBar()->actions())
        walk(m->menu());
    QVERIFY2(actions > 40, qPrintable(QString::number(actions)));
    QVERIFY2(english.isEmpty(), qPrintable("actions not in Chinese: " + english.join(" | ")));
    // The labels of the settings panel, and the docks' titles.
    auto *panel = w.findChild<HyperparameterPanel *>();
    QVERIFY(panel);
    int labels = 0;
    QStringList untranslated;
    for (QLabel *l : panel->findChildren<QLabel *>()) {
        if (l->text().isEmpty() || !l->isVisibleTo(panel))
            continue;
        ++labels;
        if (!hasChinese(l->text()) && !languageFree(l->text()))
            untranslated << l->text();
    }
    QVERIFY2(labels >= 10, qPrintable(QString::number(labels)));
    QVERIFY2(untranslated.isEmpty(), qPrintable("labels not in Chinese: " + untranslated.join(" | ")));
    for (QDockWidget *d : w.findChildren<QDockWidget *>())
        QVERIFY2(hasChinese(d->windowTitle()), qPrintable(d->windowTitle()));
    QVERIFY(hasChinese(w.stateText()));
}

void TestChinese::qtsOwnButtons()
{
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Close);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(QRegularExpression("\\(&.\\)")), QString("取消"));
    QVERIFY(hasChinese(box.button(QDialogButtonBox::Ok)->text()));
    QVERIFY(hasChinese(box.button(QDialogButtonBox::Close)->text()));
}

void TestChinese::helpAndLessons()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::keyClick(&w, Qt::Key_F1);
    HelpBrowser *help = HelpBrowser::instance();
    QTRY_VERIFY(help->isVisible());
    QVERIFY(help->currentSection().isEmpty()); // the guide from its top
    help->showPage(HelpBrowser::Page::Guide, "The 2-D lab");
    QCOMPARE(help->currentSection(), QString("二维实验室"));
    QVERIFY(help->browser()->toPlainText().contains("键盘快捷键"));
    help->showPage(HelpBrowser::Page::WhatIsAGan);
    QVERIFY(hasChinese(help->browser()->toPlainText().left(200)));
    QVERIFY(hasChinese(help->windowTitle()));
    help->close();
    // The shipped lessons: Chinese titles and texts, as many texts as the English.
    for (const QString &name : {"what-d-and-g-do", "d-too-strong", "mode-collapse", "tricks-that-help",
                                "grey-against-colour"}) {
        const Lesson l = Lesson::fromFile(":/lessons/" + name + ".json");
        QVERIFY2(hasChinese(l.title), qPrintable(name + ": " + l.title));
        QVERIFY(!l.steps.isEmpty());
        for (const QString &step : l.steps)
            QVERIFY2(hasChinese(step), qPrintable(name + ": " + step));
    }
    // A translation with a text missing is refused, named.
    const QByteArray bad = R"({"title": "T", "title[zh_CN]": "题", "steps": ["a", "b"], "steps[zh_CN]": ["甲"]})";
    try {
        Lesson::fromJson(bad, "bad.json");
        QFAIL("a lesson with one translation for two steps was read");
    } catch (const std::exception &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("bad.json"), e.what());
        QVERIFY2(QString::fromUtf8(e.what()).contains("steps[zh_CN]"), e.what());
    }
}

void TestChinese::settingsProblems()
{
    HyperparameterPanel panel;
    ganvas::TrainingConfig c = panel.config();
    c.lrG = -1;
    c.batchSize = 512;
    c.limit = 100;
    panel.setConfig(c);
    const QString problems = panel.validate();
    // "学习率 G：必须大于 0 且小于 1（当前为 -1）": the label, the rule and the value, in Chinese.
    QVERIFY2(hasChinese(problems), qPrintable(problems));
    QVERIFY2(problems.contains("-1") && problems.contains("512") && problems.contains("100"), qPrintable(problems));
    QVERIFY2(!problems.contains("must be") && !problems.contains("got"), qPrintable(problems));
    // Choices that are words read in Chinese; the value behind them stays the CLI's.
    auto *precision = qobject_cast<QComboBox *>(panel.field("precision"));
    auto *divergence = qobject_cast<QComboBox *>(panel.field("on_divergence"));
    QVERIFY(precision && divergence);
    QCOMPARE(precision->currentText(), QString("自动"));
    QCOMPARE(divergence->currentText(), QString("回退"));
    divergence->setCurrentIndex(divergence->findData("stop"));
    QCOMPARE(divergence->currentText(), QString("停止"));
    QCOMPARE(panel.config().onDivergence, std::string("stop"));
    QCOMPARE(panel.config().precision, std::string("auto"));
}

void TestChinese::windowsFit()
{
    {
        MainWindow w;
        fitAndCheck(&w, "main window");
        // The settings panel with the advanced settings shown is the longest form.
        auto *panel = w.findChild<HyperparameterPanel *>();
        panel->setAdvancedShown(true);
        QCoreApplication::processEvents();
        checkNothingCut(&w, "main window, advanced settings");
        // The tabs behind the settings, each in front in turn.
        for (const char *name : {"checkpointDock", "discriminatorDock"}) {
            auto *dock = w.findChild<QDockWidget *>(name);
            QVERIFY2(dock, name);
            dock->show();
            dock->raise();
            QTest::qWait(50);
            QVERIFY2(!behindAnotherTab(dock, &w), name);
            checkNothingCut(&w, QStringLiteral("main window, %1").arg(name));
        }
    }
    {
        ToyLabWindow lab;
        fitAndCheck(&lab, "2-D lab");
    }
    {
        ComparisonWindow comparison;
        fitAndCheck(&comparison, "comparison");
    }
    {
        LatentExplorerWindow latent;
        fitAndCheck(&latent, "latent explorer");
    }
    {
        StepThroughWindow step;
        fitAndCheck(&step, "step-through");
    }
    {
        DatasetManager datasets;
        fitAndCheck(&datasets, "dataset manager");
    }
}

void TestChinese::languageMenuRemembers()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *menu = w.findChild<QMenu *>("languageMenu");
    QVERIFY(menu);
    QCOMPARE(menu->title(), QString("语言(&L)"));
    QStringList items;
    QAction *english = nullptr;
    for (QAction *a : menu->actions()) {
        items << a->text();
        if (a->isChecked())
            QCOMPARE(a->text(), QString("跟随系统(&S)"));
        if (a->text() == "&English")
            english = a;
    }
    QCOMPARE(items, QStringList({"跟随系统(&S)", "&English", "简体中文(&Z)"}));
    QVERIFY(english);
    english->trigger();
    QCOMPARE(QSettings().value("language").toString(), QString("en"));
    QCOMPARE(int(language::chosen()), int(language::Choice::English));
    QCOMPARE(language::interfaceLocale().language(), QLocale::English);
    auto *bar = w.findChild<MessageBar *>();
    QVERIFY(bar && hasChinese(bar->text()));
    // A button added to a visible layout is shown on the next turn of the event loop.
    auto offersRestart = [bar] {
        for (QAbstractButton *b : bar->findChildren<QAbstractButton *>())
            if (b->isVisibleTo(bar) && b->text() == "立即重启")
                return true;
        return false;
    };
    QTRY_VERIFY2(offersRestart(), "the message offers to restart now");
    language::choose(language::Choice::System);
    QCOMPARE(int(language::chosen()), int(language::Choice::System));
}

QTEST_MAIN(TestChinese)
#include "tst_chinese.moc"
