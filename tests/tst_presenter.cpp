// Presenter mode: the view fits a 1280x800 projector and a 1920x1080 screen without clipping,
// with big type and a crisp, whole-number enlargement of the grid; F11 enters it from the main
// window (the bars hidden), Esc leaves it (the bars back), the buttons drive the training.
#include "presenterview.h"
#include "samplegridview.h"
#include "windows/mainwindow.h"
#include "windows/presentermode.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolBar>
#include <QtTest>

class TestPresenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fitsTheScreen_data();
    void fitsTheScreen();
    void entersAndLeaves();

private:
    static QImage grid()
    {
        // A 4x4 grid of 28x28 tiles with 2-pixel gaps, as the trainer makes it (122 x 122).
        QImage g(122, 122, QImage::Format_Grayscale8);
        for (int y = 0; y < g.height(); ++y)
            for (int x = 0; x < g.width(); ++x)
                g.bits()[y * g.bytesPerLine() + x] = uchar((x * 7 + y * 3) % 256);
        return g;
    }
};

void TestPresenter::fitsTheScreen_data()
{
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<int>("minText");
    QTest::addColumn<int>("minScale");
    QTest::newRow("1280x800 projector") << QSize(1280, 800) << 24 << 4;
    QTest::newRow("1920x1080") << QSize(1920, 1080) << 24 << 6;
    // Beside the settings panel on a 1280x800 projector: smaller text, all of it still shown.
    QTest::newRow("880x800 beside the settings") << QSize(880, 800) << 14 << 4;
}

void TestPresenter::fitsTheScreen()
{
    QFETCH(QSize, screen);
    QFETCH(int, minText);
    QFETCH(int, minScale);
    PresenterView v;
    v.setFigures({{"Epoch", "12 of 20"}, {"D loss", "1.234"}, {"G loss", "12.345"}, {"D(x)", "0.71"},
                  {"D(G(z))", "0.29"}, {"FD of epoch 11 (lower is better)", "123.4"}});
    v.setGrid(grid(), "Epoch 11");
    v.setTrainingState("Resume", true);
    v.resize(screen);
    v.show();
    QVERIFY(QTest::qWaitForWindowExposed(&v));
    QCOMPARE(v.size(), screen);
    QVERIFY2(v.smallestTextPixels() >= minText, qPrintable(QString::number(v.smallestTextPixels())));
    // The grid: inside, between the numbers and the buttons, a whole-number enlargement.
    const QRect g = v.gridRect();
    QVERIFY(v.rect().contains(g));
    QVERIFY2(v.scale() >= minScale, qPrintable(QString::number(v.scale())));
    QCOMPARE(g.width(), 122 * v.scale());
    // Every label and button is on screen and shows its whole text.
    for (QLabel *l : v.findChildren<QLabel *>()) {
        if (!l->isVisible())
            continue;
        const QRect r(l->mapTo(&v, QPoint(0, 0)), l->size());
        QVERIFY2(v.rect().contains(r), qPrintable(l->text()));
        QVERIFY2(l->fontMetrics().horizontalAdvance(l->text()) <= l->width(), qPrintable(l->text()));
        QVERIFY2(l->fontInfo().pixelSize() >= minText, qPrintable(l->text()));
        QVERIFY2(r.bottom() < g.top(), qPrintable(l->text()));
    }
    for (QPushButton *b : v.findChildren<QPushButton *>()) {
        const QRect r(b->mapTo(&v, QPoint(0, 0)), b->size());
        QVERIFY2(v.rect().contains(r), qPrintable(b->text()));
        QVERIFY2(b->fontMetrics().horizontalAdvance(b->text()) < b->width(), qPrintable(b->text()));
        QVERIFY2(r.top() > g.bottom(), qPrintable(b->text()));
    }
    // Crisp: the enlarged grid's pixels are copies of the grid's, not blends.
    const QImage shot = v.grab().toImage().convertToFormat(QImage::Format_Grayscale8);
    const int s = v.scale();
    for (int y : {0, 5, 60, 121})
        for (int x : {0, 7, 61, 120})
            for (int dy = 0; dy < s; dy += s - 1)
                for (int dx = 0; dx < s; dx += s - 1)
                    QCOMPARE(int(shot.pixelColor(g.x() + x * s + dx, g.y() + y * s + dy).value()),
                             int(grid().pixelColor(x, y).value()));
}

void TestPresenter::entersAndLeaves()
{
    MainWindow w;
    w.setAskBeforeClosing(false);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    PresenterMode *p = w.presenter();
    QAction *f11 = nullptr;
    for (QAction *a : w.actions())
        if (a->shortcut() == QKeySequence(Qt::Key_F11))
            f11 = a;
    QVERIFY(f11);
    QCOMPARE(f11, p->action());
    auto *stack = qobject_cast<QStackedWidget *>(w.centralWidget());
    QVERIFY(stack);
    QVERIFY(stack->currentWidget() != p->view());
    QVERIFY(w.menuBar()->isVisible());

    QTest::keyClick(&w, Qt::Key_F11);
    QVERIFY(p->isActive());
    QCOMPARE(stack->currentWidget(), p->view());
    QVERIFY(!w.menuBar()->isVisible());
    for (auto *t : w.findChildren<QToolBar *>())
        QVERIFY(!t->isVisible());
    QVERIFY(w.windowState() & Qt::WindowFullScreen);
    QCOMPARE(p->view()->startPauseButton()->text(), QString("Start"));
    // The grid shown follows the main window's grid.
    w.findChild<SampleGridView *>()->setRealSamples(grid(), "Real images");
    QCOMPARE(p->view()->grid(), grid());
    // Settings behind a toggle.
    p->view()->settingsButton()->click();
    QVERIFY(w.findChild<QWidget *>("settingsDock")->isVisible());
    p->view()->settingsButton()->click();
    QVERIFY(!w.findChild<QWidget *>("settingsDock")->isVisible());

    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(!p->isActive());
    QVERIFY(!p->action()->isChecked());
    QVERIFY(w.menuBar()->isVisible());
    QVERIFY(w.findChild<QWidget *>("settingsDock")->isVisible()); // as it was before
    QVERIFY(!(w.windowState() & Qt::WindowFullScreen));
    // F11 twice: in and out again.
    QTest::keyClick(&w, Qt::Key_F11);
    QVERIFY(p->isActive());
    QTest::keyClick(&w, Qt::Key_F11);
    QVERIFY(!p->isActive());
}

QTEST_MAIN(TestPresenter)
#include "tst_presenter.moc"
