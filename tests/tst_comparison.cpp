// The comparison window with real runs: two trainings at once in their own threads, sharing
// the cores, each paused on its own; a run added from disk; the PNG and GIF exports.
#include "comparisontable.h"
#include "comparisonview.h"
#include "windows/comparisonwindow.h"
#include "runs/runmanager.h"
#include "panels/hyperparameterpanel.h"
#include "windows/mainwindow.h"
#include "engine/cpuruntime.h"
#include "media/gifwriter.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <filesystem>

namespace {

// What the comparison window shows: its view, found as a user finds it, in the window.
ComparisonView *view(const ComparisonWindow &w)
{
    return w.findChild<ComparisonView *>();
}

} // namespace

class TestComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void twoRunsTrainSideBySide();
    void pausingOneLeavesItsCoresToTheOther();
    void exportsPngAndGif();
    void runFromDiskJoins();
    void refusesBadRunsClearly();
    void damagedFrameIsLeftOut();
    void mainWindowRunSharesTheCores();

private:
    ganvas::TrainingConfig greyConfig() const;
    ganvas::TrainingConfig colourConfig() const;
    QTemporaryDir m_dir;
    QString m_colourFolder;
    QString m_finishedRun;
};

void TestComparison::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("GANVAS_RUNS_DIR", m_dir.filePath("runs").toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    // A colour dataset of our own: discs of different colours on a dark background, as PNGs.
    m_colourFolder = m_dir.filePath("discs");
    QDir().mkpath(m_colourFolder + "/sub");
    const QColor colours[] = {Qt::red, Qt::green, Qt::blue, Qt::yellow, Qt::cyan, Qt::magenta};
    for (int i = 0; i < 192; ++i) {
        QImage im(40, 40, QImage::Format_RGB32);
        im.fill(QColor(20, 20, 40));
        QPainter p(&im);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(colours[i % 6]);
        p.setPen(Qt::NoPen);
        const int r = 8 + i % 9;
        p.drawEllipse(QPoint(20, 20), r, r);
        p.end();
        QVERIFY(im.save(QStringLiteral("%1/%2/disc-%3.png").arg(m_colourFolder, i % 2 ? "sub" : ".").arg(i)));
    }
}

ganvas::TrainingConfig TestComparison::greyConfig() const
{
    ganvas::TrainingConfig c;
    c.dataset = "fashion-mnist";
    c.limit = 256;
    c.batchSize = 32;
    c.epochs = 3;
    c.logEvery = 2;
    c.checkpointEvery = 1;
    return c;
}

ganvas::TrainingConfig TestComparison::colourConfig() const
{
    ganvas::TrainingConfig c = greyConfig();
    c.dataset = m_colourFolder.toStdString();
    c.imageSize = 32;
    c.imageChannels = 3;
    c.loss = "lsgan";
    return c;
}

void TestComparison::twoRunsTrainSideBySide()
{
    ComparisonWindow w;
    w.show();
    const int a = w.addRun(greyConfig(), "grey");
    const int b = w.addRun(colourConfig(), "colour");
    QCOMPARE(a, 0);
    QCOMPARE(b, 1);
    QCOMPARE(view(w)->runCount(), 2);
    QSignalSpy epochs(&w, &ComparisonWindow::runEpoch);
    QSignalSpy finished(&w, &ComparisonWindow::runFinished);
    w.runs()->startAll();
    QCOMPARE(w.runs()->state(0), ComparisonRuns::RunState::Training);
    QCOMPARE(w.runs()->state(1), ComparisonRuns::RunState::Training);
    // Both train at once, each on its fair share of the cores.
    const int cores = ganvas::availableCores();
    const int share = std::max(1, cores / 2);
    QCOMPARE(w.runs()->threadsOf(0) + w.runs()->threadsOf(1), std::max(cores, 2));
    QTRY_VERIFY_WITH_TIMEOUT(w.runs()->lastStats(0).step > 0 && w.runs()->lastStats(1).step > 0, 60000);
    QVERIFY(w.runs()->lastStats(0).threads >= share - 0 && w.runs()->lastStats(0).threads <= share + 1);
    QVERIFY(w.runs()->lastStats(1).threads >= share - 0 && w.runs()->lastStats(1).threads <= share + 1);
    QVERIFY(w.runs()->threadSummary().contains("runs training: 2"));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, 180000);
    QCOMPARE(w.runs()->state(0), ComparisonRuns::RunState::Finished);
    QCOMPARE(w.runs()->state(1), ComparisonRuns::RunState::Finished);
    // Both grids updated every epoch, and the epochs of the two runs interleaved in time.
    QCOMPARE(epochs.count(), 6);
    QList<int> order;
    for (const auto &e : epochs)
        order << e.at(0).toInt();
    QVERIFY2(order.indexOf(1) < order.lastIndexOf(0) && order.indexOf(0) < order.lastIndexOf(1),
             "one run trained entirely before the other");
    QCOMPARE(view(w)->epochsAvailable(), (QList<int>{1, 2, 3}));
    view(w)->setCurrentEpoch(2);
    const QImage grey = view(w)->displayedFrame(0);
    const QImage colour = view(w)->displayedFrame(1);
    QCOMPARE(grey.size(), QSize(4 * 28 + 5 * 2, 4 * 28 + 5 * 2));
    QCOMPARE(colour.size(), QSize(4 * 32 + 5 * 2, 4 * 32 + 5 * 2));
    QVERIFY(grey.isGrayscale());
    QVERIFY(!colour.isGrayscale());
    m_finishedRun = w.runs()->directory(0);
    QVERIFY(QFile::exists(m_finishedRun + "/frames/epoch-0003.png"));
}

void TestComparison::pausingOneLeavesItsCoresToTheOther()
{
    ComparisonWindow w;
    auto grey = greyConfig();
    grey.epochs = 200; // long enough to pause in the middle
    auto colour = colourConfig();
    colour.epochs = 200;
    QVERIFY(w.addRun(grey) == 0 && w.addRun(colour) == 1);
    w.runs()->startAll();
    QTRY_VERIFY_WITH_TIMEOUT(w.runs()->lastStats(0).step > 0 && w.runs()->lastStats(1).step > 0, 60000);
    w.runs()->pause(0, true);
    QTRY_COMPARE_WITH_TIMEOUT(w.runs()->state(0), ComparisonRuns::RunState::Paused, 20000);
    const qint64 pausedAt = w.runs()->lastStats(0).step;
    const qint64 otherAt = w.runs()->lastStats(1).step;
    // The other run goes on, now with every core.
    QTRY_VERIFY_WITH_TIMEOUT(w.runs()->lastStats(1).step > otherAt + 8, 60000);
    QCOMPARE(w.runs()->threadsOf(1), ganvas::availableCores());
    QTRY_COMPARE_WITH_TIMEOUT(w.runs()->lastStats(1).threads, ganvas::availableCores(), 30000);
    QVERIFY(w.runs()->lastStats(0).step <= pausedAt + 2);
    QCOMPARE(w.runs()->state(1), ComparisonRuns::RunState::Training);
    // Stopping one leaves the other training; each stop writes a checkpoint.
    w.runs()->pause(0, false);
    QTRY_COMPARE_WITH_TIMEOUT(w.runs()->state(0), ComparisonRuns::RunState::Training, 20000);
    QSignalSpy finished(&w, &ComparisonWindow::runFinished);
    w.runs()->stop(1);
    QTRY_COMPARE_WITH_TIMEOUT(w.runs()->state(1), ComparisonRuns::RunState::Stopped, 30000);
    QCOMPARE(w.runs()->state(0), ComparisonRuns::RunState::Training);
    QVERIFY(!QDir(w.runs()->directory(1) + "/checkpoints").entryList({"*.ckpt"}).isEmpty());
    w.runs()->stopAll();
    QTRY_COMPARE_WITH_TIMEOUT(w.runs()->state(0), ComparisonRuns::RunState::Stopped, 30000);
}

void TestComparison::exportsPngAndGif()
{
    QVERIFY(!m_finishedRun.isEmpty());
    ComparisonWindow w;
    // Two runs from disk (the same run twice is enough to compare exports) plus nothing else.
    QCOMPARE(w.addRunFromDisk(m_finishedRun), 0);
    const QString png = m_dir.filePath("comparison.png");
    QString error;
    QVERIFY2(w.exportPng(png, &error), qPrintable(error));
    const QImage shot(png);
    QVERIFY(!shot.isNull());
    QVERIFY(shot.width() > 200 && shot.height() > 200);
    const QString gif = m_dir.filePath("comparison.gif");
    QVERIFY2(w.exportGif(gif, 4, &error), qPrintable(error));
    const auto frames = ganvas::readGif(gif.toStdString());
    QCOMPARE(int(frames.size()), 3);
    for (const auto &f : frames) {
        QCOMPARE(f.width, frames[0].width);
        QCOMPARE(f.height, frames[0].height);
    }
    QVERIFY(frames[0].width >= 4 * 28 + 10);
    QVERIFY(frames[0].pixels != frames[2].pixels); // the grid changed over the epochs
}

void TestComparison::runFromDiskJoins()
{
    QVERIFY(!m_finishedRun.isEmpty());
    ComparisonWindow w;
    QCOMPARE(w.addRun(colourConfig(), "new"), 0);
    QCOMPARE(w.addRunFromDisk(m_finishedRun), 1);
    QCOMPARE(w.runs()->state(1), ComparisonRuns::RunState::OnDisk);
    QCOMPARE(w.runs()->epochsDone(1), 3);
    QCOMPARE(view(w)->epochsAvailable(), (QList<int>{1, 2, 3}));
    QVERIFY(!view(w)->displayedFrame(1).isNull());
    QVERIFY(w.runs()->lastStats(1).step > 0); // its curves and latest figures came from metrics.csv
    // Settings that differ between the two (dataset, loss) are what the table shows.
    QCOMPARE(w.findChild<QTableView *>("runTable")->model()->rowCount(), 2);
    // A folder that is not a run is refused with a message naming it.
    QCOMPARE(w.addRunFromDisk(m_dir.filePath("nothing-here")), -1);
    QVERIFY(w.lastError().contains("nothing-here"));
    QCOMPARE(w.runs()->count(), 2);
}

void TestComparison::refusesBadRunsClearly()
{
    ComparisonWindow w;
    auto bad = greyConfig();
    bad.lrG = -1;
    QCOMPARE(w.addRun(bad), -1);
    QVERIFY2(w.lastError().contains("Learning rate G") && w.lastError().contains("-1"), qPrintable(w.lastError()));
    for (int i = 0; i < ComparisonWindow::kMaxRuns; ++i)
        QCOMPARE(w.addRun(greyConfig()), i);
    QCOMPARE(w.addRun(greyConfig()), -1);
    QVERIFY(w.lastError().contains("At most 4"));
    // Four runs of the same settings get four names.
    QStringList names;
    for (int i = 0; i < w.runs()->count(); ++i)
        names << w.runs()->run(i).name;
    QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), 4);
    w.removeRun(1);
    QCOMPARE(w.runs()->count(), 3);
    QCOMPARE(view(w)->runCount(), 3);
    // A run that differs is named after the difference.
    w.removeRun(2);
    auto slower = greyConfig();
    slower.lrD = 0.0001;
    const int other = w.addRun(slower);
    QVERIFY2(w.runs()->run(other).name.contains("lr_d 0.0001"), qPrintable(w.runs()->run(other).name));
    // The table names the difference as the settings panel does, and explains it on hover.
    ComparisonTable *table = view(w)->comparisonTable();
    const int lrRow = table->rowOf("Learning rate D");
    QVERIFY(lrRow >= 0);
    QCOMPARE(table->rowOf("lr_d"), -1);
    QVERIFY(!table->model()->headerData(lrRow, Qt::Vertical, Qt::ToolTipRole).toString().isEmpty());
    // Four runs' rows are all readable in the run list of a window on a 1280x800 screen.
    w.addRun(greyConfig());
    QCOMPARE(w.runs()->count(), 4);
    w.resize(1280, 760);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *runTable = w.findChild<QTableView *>("runTable");
    QCOMPARE(runTable->model()->rowCount(), 4);
    for (int row = 0; row < 4; ++row) {
        const QRect cell = runTable->visualRect(runTable->model()->index(row, 0));
        QVERIFY2(cell.top() >= 0 && cell.bottom() < runTable->viewport()->height(),
                 qPrintable(QString("run row %1 at %2..%3, list %4 high")
                                .arg(row).arg(cell.top()).arg(cell.bottom()).arg(runTable->viewport()->height())));
    }
    // A fifth run is refused in the message bar, and the window still fits the screen with it open.
    QAction *addAction = nullptr;
    for (QAction *a : w.findChildren<QAction *>())
        if (a->iconText() == QString("Add run…"))
            addAction = a;
    QVERIFY(addAction);
    addAction->trigger();
    QApplication::processEvents();
    QVERIFY2(w.minimumSizeHint().height() <= 770, qPrintable(QString::number(w.minimumSizeHint().height())));
    w.hide();
    w.removeRun(3);
    w.removeRun(other);
    // A run whose dataset cannot be read fails on its own, with the file named.
    auto missing = greyConfig();
    missing.dataset = m_dir.filePath("no-such-folder").toStdString();
    const int run = w.addRun(missing);
    QCOMPARE(run, w.runs()->count() - 1);
    w.runs()->start(run);
    QTRY_COMPARE_WITH_TIMEOUT(w.runs()->state(run), ComparisonRuns::RunState::Failed, 30000);
}

void TestComparison::damagedFrameIsLeftOut()
{
    QVERIFY(!m_finishedRun.isEmpty());
    const QString copy = m_dir.filePath("damaged-run");
    std::filesystem::copy(m_finishedRun.toStdString(), copy.toStdString(), std::filesystem::copy_options::recursive);
    QFile frame(copy + "/frames/epoch-0002.png");
    QVERIFY(frame.open(QIODevice::WriteOnly | QIODevice::Truncate));
    frame.write("not a png");
    frame.close();
    ComparisonWindow w;
    QCOMPARE(w.addRunFromDisk(copy), 0);
    QCOMPARE(view(w)->epochsAvailable(), (QList<int>{1, 3}));
    QCOMPARE(w.runs()->epochsDone(0), 3);
}

void TestComparison::mainWindowRunSharesTheCores()
{
    // A run in the main window and one in the comparison window share the cores too.
    const int cores = ganvas::availableCores();
    const std::vector<int> two = ganvas::fairThreadShares(cores, 2);
    RunManager runs; // one owner of every run, as main() makes it
    MainWindow m(&runs);
    m.setAskBeforeClosing(false);
    auto config = greyConfig();
    config.epochs = 500;
    config.threads = 0; // all cores: shared
    m.setConfig(config);
    m.startAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m.lastStats().step > 0, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(m.lastStats().threads, cores, 30000);
    ComparisonWindow w(&runs);
    QCOMPARE(w.addRun(config), 0);
    w.runs()->start(0);
    QCOMPARE(runs.trainingRuns(), 2);
    QVERIFY2(w.runs()->threadSummary().contains("runs training: 2"), qPrintable(w.runs()->threadSummary()));
    QTRY_COMPARE_WITH_TIMEOUT(m.lastStats().threads, two[0], 30000);
    QTRY_COMPARE_WITH_TIMEOUT(w.runs()->lastStats(0).threads, two[1], 60000);
    // The comparison run stops: the main window's run gets every core back.
    w.runs()->stopAll();
    QTRY_COMPARE_WITH_TIMEOUT(w.runs()->state(0), ComparisonRuns::RunState::Stopped, 30000);
    QCOMPARE(runs.trainingRuns(), 1);
    const qint64 after = m.lastStats().step;
    QTRY_VERIFY_WITH_TIMEOUT(m.lastStats().step > after && m.lastStats().threads == cores, 30000);
    QSignalSpy finished(&m, &MainWindow::runFinished);
    m.stopAction()->trigger();
    QVERIFY(finished.wait(30000));
    QCOMPARE(runs.trainingRuns(), 0);
}

QTEST_MAIN(TestComparison)
#include "tst_comparison.moc"
