// The main window's Start decision, Step from idle, failed starts, settings files and Help
// (the rest of the main window's tests are in tst_mainwindow.cpp).
#include "dialogs/aboutdialog.h"
#include "lossplot.h"
#include "panels/checkpointbrowser.h"
#include "panels/runview.h"
#include "framescrubber.h"
#include "panels/hyperparameterpanel.h"
#include "support/messagebar.h"
#include "windows/helpbrowser.h"
#include "windows/comparisonwindow.h"
#include "windows/mainwindow.h"
#include "windows/latentexplorerwindow.h"
#include "windows/stepthroughwindow.h"
#include "windows/toylabwindow.h"
#include "samplegridview.h"
#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QAbstractButton>
#include <QPushButton>
#include <QScrollBar>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>
#include <QTextBrowser>
#include <QtTest>
#include <filesystem>
#include <functional>
#include "mainwindowtesthelpers.h"

class TestMainWindowStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void failedStartLeavesNothing();
    void settingsErrorFollowsTheFields();
    void scoreLineForgetsAScoreThatWillNotCome();
    void emptyCheckpointListSaysWhenTheyCome();
    void startAfterStopWithChangedSettingsMakesANewRun();
    void stepFromIdleShowsTheGrid();
    void settingsFilesOpenAndSave();
    void helpOpensAtThisWindow();
    void desktopManners();

private:
    QTemporaryDir m_dir;
};

void TestMainWindowStart::initTestCase()
{
    if (!std::filesystem::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"))
        QSKIP("dataset-fashion-mnist is not installed");
    qputenv("GANVAS_RUNS_DIR", m_dir.path().toUtf8());
    QStandardPaths::setTestModeEnabled(true); // QSettings away from the user's own
}

void TestMainWindowStart::init()
{
    QSettings().clear();
}

void TestMainWindowStart::failedStartLeavesNothing()
{
    const int runsBefore = QDir(m_dir.path()).entryList({"run-*"}, QDir::Dirs).size();
    MainWindow w;
    w.setAskBeforeClosing(false);
    const QString title = w.windowTitle();
    w.findChild<QLineEdit *>("dataset")->setText(m_dir.filePath("no-such-folder"));
    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.startAction()->trigger();
    QVERIFY(finished.wait(60000));
    QTRY_VERIFY(w.settingsError().contains("no-such-folder"));
    QVERIFY2(w.settingsError().startsWith("Training failed"), qPrintable(w.settingsError()));
    QCOMPARE(QDir(m_dir.path()).entryList({"run-*"}, QDir::Dirs).size(), runsBefore);
    QCOMPARE(w.windowTitle(), title);
    QVERIFY(QSettings().value("recentRuns").toStringList().isEmpty());
    QVERIFY(w.startAction()->isEnabled());
}

void TestMainWindowStart::scoreLineForgetsAScoreThatWillNotCome()
{
    RunView v;
    ganvas::ScoreStatus st;
    st.kind = ganvas::ScoreStatus::Kind::Preparing;
    v.showScoreStatus(st);
    QVERIFY(!v.scoreLine()->isHidden());
    QVERIFY(v.scoreLine()->text().contains("Preparing"));
    v.runEnded(); // stopped before the first score: "Preparing…" would be stale
    QVERIFY(v.scoreLine()->isHidden());
    // Why there is no score stays said after the run.
    st.kind = ganvas::ScoreStatus::Kind::Unavailable;
    st.reason = "no feature network";
    v.showScoreStatus(st);
    v.runEnded();
    QVERIFY(!v.scoreLine()->isHidden());
    QVERIFY(v.scoreLine()->text().contains("no feature network"));
}

void TestMainWindowStart::emptyCheckpointListSaysWhenTheyCome()
{
    // An empty list says when checkpoints come, rather than nothing.
    CheckpointBrowser empty;
    empty.setRunDirectory(m_dir.filePath("no-such-run"));
    QVERIFY(!empty.findChild<QLabel *>("noCheckpoints")->isHidden());
    QVERIFY(empty.findChild<QLabel *>("noCheckpoints")->text().contains("Checkpoint every"));
}

void TestMainWindowStart::settingsErrorFollowsTheFields()
{
    MainWindow w;
    w.setAskBeforeClosing(false);
    auto *lrG = qobject_cast<QDoubleSpinBox *>(w.panel()->field("lr_g"));
    auto *lrD = qobject_cast<QDoubleSpinBox *>(w.panel()->field("lr_d"));
    QVERIFY(lrG && lrD);
    lrG->setValue(10);
    lrD->setValue(10);
    w.startAction()->trigger(); // refused: both named
    QVERIFY(!w.isTraining());
    QVERIFY2(w.settingsError().contains("Learning rate G") && w.settingsError().contains("Learning rate D"),
             qPrintable(w.settingsError()));
    lrG->setValue(0.0002); // one fixed: the error names only the other now
    QVERIFY2(!w.settingsError().contains("Learning rate G") && w.settingsError().contains("Learning rate D"),
             qPrintable(w.settingsError()));
    lrD->setValue(0.0002); // all fixed: no stale error left above the plot
    QVERIFY2(w.settingsError().isEmpty(), qPrintable(w.settingsError()));
    // Another message is not taken away by editing.
    lrG->setValue(10);
    w.startAction()->trigger();
    w.messages()->showInfo("something else");
    lrG->setValue(0.0002);
    QCOMPARE(w.messages()->text(), QString("something else"));
}

void TestMainWindowStart::startAfterStopWithChangedSettingsMakesANewRun()
{
    MainWindow w;
    w.setAskBeforeClosing(false);
    auto config = ganvas::TrainingConfig();
    config.limit = 256;
    config.epochs = 1;
    config.scoreEvery = 0;
    w.setConfig(config);
    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.startAction()->trigger();
    QVERIFY(finished.wait(120000));
    const QString first = w.runDirectory();
    // A finished run: Start offers a new run with the panel's settings, which then train.
    auto *model = w.findChild<QComboBox *>("model");
    model->setCurrentIndex(model->findData("dcgan"));
    QString asked;
    answerStart("newRun", &asked);
    finished.clear();
    w.startAction()->trigger();
    QVERIFY2(asked.contains("Model"), qPrintable(asked));
    QVERIFY(finished.wait(240000));
    QVERIFY(w.runDirectory() != first);
    const auto trained = ganvas::TrainingConfig::fromJsonFile((w.runDirectory() + "/config.json").toStdString());
    QCOMPARE(trained.model, std::string("dcgan"));
    QCOMPARE(ganvas::TrainingConfig::fromJsonFile((first + "/config.json").toStdString()).model, std::string("mlp"));
    // Cancel starts nothing.
    answerStart("", &asked);
    w.startAction()->trigger();
    QVERIFY(!w.isTraining());
}


void TestMainWindowStart::stepFromIdleShowsTheGrid()
{
    MainWindow w;
    w.setAskBeforeClosing(false);
    auto config = ganvas::TrainingConfig();
    config.limit = 512;
    config.epochs = 3;
    config.scoreEvery = 0;
    w.setConfig(config);
    w.show();
    // Step while idle: the run starts, takes one step and waits paused, the grid showing G now.
    QVERIFY(w.stepAction()->isEnabled());
    w.stepAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(w.lastStep() == 1, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(w.stateText(), QString("Paused"), 30000);
    auto *grid = w.findChild<SampleGridView *>();
    QTRY_VERIFY(grid->caption().contains("after step 1"));
    const QImage first = grid->grid();
    QVERIFY(!first.isNull());
    // Each further step changes the grid and the count by exactly one.
    w.stepAction()->trigger();
    QTRY_VERIFY(grid->caption().contains("after step 2"));
    QCOMPARE(w.lastStep(), qint64(2));
    QVERIFY(grid->grid() != first);
    w.stopAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!w.isTraining(), 30000);
}


void TestMainWindowStart::settingsFilesOpenAndSave()
{
    MainWindow w;
    const QString file = m_dir.filePath("lesson.json");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"preset": "wgan-gp", "epochs": 7})");
    f.close();
    QVERIFY(w.openSettings(file));
    auto *panel = w.findChild<HyperparameterPanel *>();
    QCOMPARE(panel->config().loss, std::string("wgan-gp"));
    QCOMPARE(panel->config().epochs, 7);
    QCOMPARE(panel->currentPreset(), QString("wgan-gp"));
    const QString saved = m_dir.filePath("saved.json");
    QVERIFY(w.saveSettings(saved));
    QCOMPARE(ganvas::TrainingConfig::fromJsonFile(saved.toStdString()).toJson(), panel->config().toJson());
    // A bad file is named in the message bar and changes nothing.
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"lr_gg": 1})");
    f.close();
    QVERIFY(!w.openSettings(file));
    QVERIFY2(w.settingsError().contains("lesson.json") && w.settingsError().contains("lr_gg"),
             qPrintable(w.settingsError()));
    QCOMPARE(panel->config().loss, std::string("wgan-gp"));
}


void TestMainWindowStart::helpOpensAtThisWindow()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::keyClick(&w, Qt::Key_F1);
    HelpBrowser *help = HelpBrowser::instance();
    QTRY_VERIFY(help->isVisible());
    QCOMPARE(int(help->page()), int(HelpBrowser::Page::Guide));
    QVERIFY(help->currentSection().isEmpty()); // the top: a newcomer begins there, not a screen further down
    QTRY_COMPARE(help->browser()->verticalScrollBar()->value(), 0);
    QVERIFY(help->browser()->toPlainText().contains("Keyboard shortcuts"));
    // docs/'s screenshots are left out inside the program (no broken pictures).
    QVERIFY(!help->browser()->toHtml().contains("<img"));
    QVERIFY(help->browser()->toPlainText().contains("Comparing runs"));
    QStringList helpKeys;
    for (QAction *a : help->actions())
        for (const QKeySequence &k : a->shortcuts())
            helpKeys << k.toString();
    QVERIFY(helpKeys.contains("Ctrl+W") && helpKeys.contains("Ctrl+Q"));
    help->showPage(HelpBrowser::Page::WhatIsAGan);
    QVERIFY(help->browser()->toPlainText().contains("The discriminator, D"));
    help->close();
    // About: version, libtorch, device, BLAS and licence, as a bug report needs them.
    AboutDialog about;
    QString text;
    for (QLabel *l : about.findChildren<QLabel *>())
        text += l->text() + "\n";
    for (const QString &part : {QString("Version " GANVAS_VERSION), QString("Trains on "), QString("BLAS"),
                                QString("GNU General Public License")})
        QVERIFY2(text.contains(part), qPrintable(part + " not in: " + text));
    QVERIFY2(text.contains("libtorch 1.") || text.contains("libtorch 2."), qPrintable(text));
}

// Every window: a menu bar whose items all have access keys, Close on Ctrl+W and Quit on Ctrl+Q;
// every toolbar action has an icon even on a desktop without an icon theme, and a tooltip that
// says more than its label (with the shortcut, where it has one).
static void checkManners(QMainWindow &w, bool hasToolBar = true)
{
    const QString name = w.metaObject()->className();
    QStringList keys;
    const QList<QAction *> menus = w.menuBar()->actions();
    QVERIFY2(!menus.isEmpty(), qPrintable(name));
    // The letter after '&' (the access key), lower-cased.
    const auto accessKey = [](const QString &text) {
        const int at = text.indexOf('&');
        return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toLower() : QChar();
    };
    std::function<void(QMenu *)> walk = [&](QMenu *menu) {
        QHash<QChar, QString> used; // two items of one menu never share an access key
        for (QAction *a : menu->actions()) {
            if (a->isSeparator() || a->text().isEmpty())
                continue;
            QVERIFY2(a->text().contains('&'), qPrintable(name + ": " + a->text()));
            const QChar key = accessKey(a->text());
            QVERIFY2(!used.contains(key), qPrintable(name + ": " + a->text() + " and " + used.value(key)));
            used.insert(key, a->text());
            for (const QKeySequence &k : a->shortcuts())
                keys << k.toString();
            if (a->menu())
                walk(a->menu());
        }
    };
    for (QAction *top : menus) {
        QVERIFY2(top->text().contains('&'), qPrintable(name + ": " + top->text()));
        walk(top->menu());
    }
    QVERIFY2(keys.contains(QKeySequence(Qt::CTRL | Qt::Key_W).toString()), qPrintable(name));
    QVERIFY2(keys.contains(QKeySequence(Qt::CTRL | Qt::Key_Q).toString()), qPrintable(name));
    const auto bars = w.findChildren<QToolBar *>();
    QVERIFY2(bars.isEmpty() != hasToolBar, qPrintable(name)); // the windows with buttons of their own have none
    for (QToolBar *bar : bars)
        for (QAction *a : bar->actions()) {
            if (a->isSeparator() || a->text().isEmpty() || bar->widgetForAction(a) == nullptr)
                continue;
            const QString label = QString(a->text()).remove('&');
            QVERIFY2(!a->icon().isNull() && !a->icon().pixmap(24, 24).isNull(), qPrintable(name + ": " + label));
            QVERIFY2(a->toolTip() != label && a->toolTip().size() > label.size(), qPrintable(name + ": " + a->toolTip()));
            if (!a->shortcut().isEmpty())
                QVERIFY2(a->toolTip().contains(a->shortcut().toString(QKeySequence::NativeText)),
                         qPrintable(name + ": " + a->toolTip()));
        }
}

void TestMainWindowStart::desktopManners()
{
    QIcon::setThemeName(QString()); // no theme: the bundled icons must stand in
    QIcon::setFallbackSearchPaths({});
    MainWindow main;
    checkManners(main);
    ComparisonWindow comparison;
    checkManners(comparison);
    // The classroom's windows too.
    ToyLabWindow lab;
    checkManners(lab);
    StepThroughWindow stepThrough;
    checkManners(stepThrough, false);
    LatentExplorerWindow latent;
    checkManners(latent, false);
}


QTEST_MAIN(TestMainWindowStart)
#include "tst_mainwindowstart.moc"
