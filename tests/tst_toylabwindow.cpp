// The 2-D lab's window, trained for real: it learns the ring while redrawing several times a
// second, a step is one step, half steps leave the other network alone, layers switch, a drawn
// shape is learnt, and it fits a 1280x800 screen.
#include "numberfield.h"
#include "support/messagebar.h"
#include "toyplaneview.h"
#include "windows/toylabstepthrough.h"
#include "windows/toylabwindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <cstdio>

class TestToyLabWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void learnsTheRingWhileRedrawing();
    void stepsAreExact();
    void layersSwitch();
    void learnsADrawing();
    void changingTheLossStartsOver();
    void stepsThroughInPhases();
    void fitsASmallScreen();

private:
    // Waits for the next snapshot after whatever was just asked of the lab.
    static bool nextSnapshot(ToyLabWindow &w, int timeoutMs = 30000) // generous: a loaded 2-core CI machine
    {
        QSignalSpy spy(&w, &ToyLabWindow::snapshotShown);
        return spy.wait(timeoutMs);
    }
    // The first snapshot after the window is made: it may already have arrived while the window
    // was being shown (the lab computes it on its own thread), so it is not waited for twice.
    static bool firstSnapshot(ToyLabWindow &w) { return w.hasSnapshot() || nextSnapshot(w); }
    static QPushButton *button(ToyLabWindow &w, const QString &text)
    {
        for (auto *b : w.findChildren<QPushButton *>())
            if (b->text().remove('&') == text)
                return b;
        return nullptr;
    }
};

void TestToyLabWindow::learnsTheRingWhileRedrawing()
{
    ToyLabWindow w;
    w.resize(1280, 760);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(firstSnapshot(w));
    QCOMPARE(w.lastSnapshot().steps, 0);
    QCOMPARE(w.lastSnapshot().modes, 8);
    QCOMPARE(w.lastSnapshot().fake.size(), 512);
    QCOMPARE(w.lastSnapshot().map.size(), w.lastSnapshot().mapSide * w.lastSnapshot().mapSide);

    QElapsedTimer clock;
    clock.start();
    w.setRunning(true);
    QVERIFY(w.lab()->isRunning());
    QCOMPARE(button(w, "Pause") != nullptr, true);
    const qint64 paints = w.plane()->paintCount();
    int best = 0;
    double secondsTo6 = -1;
    while (clock.elapsed() < 60000) {
        QTest::qWait(100);
        best = std::max(best, w.lastSnapshot().covered);
        if (w.lastSnapshot().covered >= 6 && secondsTo6 < 0)
            secondsTo6 = clock.elapsed() / 1000.0;
        if (secondsTo6 >= 0 && clock.elapsed() > 3000)
            break;
    }
    const double seconds = clock.elapsed() / 1000.0;
    const double redraws = double(w.plane()->paintCount() - paints) / seconds;
    std::printf("2-D lab: %.1f redraws/s over %.1f s, %lld steps, %d of 8 modes covered; 6 of 8 after %.1f s\n",
                redraws, seconds, static_cast<long long>(w.lastSnapshot().steps), w.lastSnapshot().covered,
                secondsTo6);
    QVERIFY2(secondsTo6 >= 0, qPrintable(QString("best coverage in a minute: %1 of 8").arg(best)));
    QVERIFY(w.lastSnapshot().steps > 100);
    // The pictures follow the training (the rate itself is printed, not timed: a loaded machine
    // draws fewer).
    QVERIFY2(w.plane()->paintCount() - paints >= 10, qPrintable(QString::number(redraws)));
    QVERIFY(w.coverageText().contains("of 8 modes covered"));
    w.setRunning(false);
    QVERIFY(!w.lab()->isRunning());
    // Closing the window pauses it: nothing trains on unseen.
    w.setRunning(true);
    QVERIFY(w.lab()->isRunning());
    w.close();
    QVERIFY(!w.lab()->isRunning());
}

void TestToyLabWindow::stepsAreExact()
{
    ToyLabWindow w;
    w.show();
    QVERIFY(firstSnapshot(w));
    QPushButton *step = button(w, "Step"), *onlyD = button(w, "Train D only"), *onlyG = button(w, "Train G only");
    QVERIFY(step && onlyD && onlyG);
    QVERIFY(step->isEnabled());
    step->click();
    QVERIFY(nextSnapshot(w));
    QCOMPARE(w.lastSnapshot().steps, 1);
    step->click();
    QVERIFY(nextSnapshot(w));
    QCOMPARE(w.lastSnapshot().steps, 2);

    // D alone: G's points for the fixed noise stay exactly where they were; D's map moves.
    const ToySnapshot before = w.lastSnapshot();
    onlyD->click();
    QVERIFY(nextSnapshot(w));
    QCOMPARE(w.lastSnapshot().steps, 3);
    QCOMPARE(w.lastSnapshot().fake, before.fake);
    QVERIFY(w.lastSnapshot().map != before.map);
    // G alone: D's map stays exactly as it was; the fakes move.
    const ToySnapshot afterD = w.lastSnapshot();
    onlyG->click();
    QVERIFY(nextSnapshot(w));
    QCOMPARE(w.lastSnapshot().steps, 4);
    QCOMPARE(w.lastSnapshot().map, afterD.map);
    QVERIFY(w.lastSnapshot().fake != afterD.fake);
    // Every arrow starts at a fake and says where G's update moves it.
    QCOMPARE(w.lastSnapshot().arrowFrom.size(), w.lastSnapshot().arrowBy.size());
    QCOMPARE(w.lastSnapshot().arrowFrom.first(), w.lastSnapshot().fake.first());
    // While running, the step buttons are off.
    w.setRunning(true);
    QVERIFY(!step->isEnabled() && !onlyD->isEnabled());
    w.setRunning(false);
    QVERIFY(step->isEnabled());
}

void TestToyLabWindow::layersSwitch()
{
    ToyLabWindow w;
    w.show();
    QVERIFY(firstSnapshot(w));
    const auto boxes = w.findChildren<QCheckBox *>();
    QCOMPARE(boxes.size(), 5);
    QCheckBox *manifold = nullptr, *map = nullptr;
    for (auto *b : boxes) {
        if (b->text().contains("manifold"))
            manifold = b;
        if (b->text().contains("verdict"))
            map = b;
    }
    QVERIFY(manifold && map);
    QCOMPARE(manifold->isChecked(), w.plane()->isLayerVisible(ToyPlaneView::Manifold));
    manifold->setChecked(true);
    QVERIFY(w.plane()->isLayerVisible(ToyPlaneView::Manifold));
    map->setChecked(false);
    QVERIFY(!w.plane()->isLayerVisible(ToyPlaneView::DecisionMap));
    // The manifold is G's image of a regular grid of noise.
    QCOMPARE(w.lastSnapshot().manifold.size(), w.lastSnapshot().manifoldSide * w.lastSnapshot().manifoldSide);
    QVERIFY(w.lastSnapshot().manifoldSide >= 8);
    // The heatmap's colours: purple for "fake", green for "real".
    const QColor fake = ToyPlaneView::verdictColour(0), real = ToyPlaneView::verdictColour(1);
    QVERIFY(real.green() > real.red() && fake.blue() > fake.green());
}

void TestToyLabWindow::learnsADrawing()
{
    ToyLabWindow w;
    w.resize(1200, 760);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(firstSnapshot(w));
    w.setShape("drawn");
    QPushButton *draw = button(w, "Done drawing"), *start = button(w, "Start");
    QVERIFY(draw && start);
    QVERIFY(draw->isVisible() && draw->isChecked());
    QVERIFY(!start->isEnabled()); // nothing drawn yet: nothing to learn
    QCOMPARE(w.coverageText(), QString("Draw some points first"));
    QVERIFY(w.messages()->text().isEmpty()); // an instruction, not an error
    QVERIFY(!nextSnapshot(w, 1000)); // nor does the ring of before come back

    // A stroke across the upper right quarter of the plane.
    ToyPlaneView *plane = w.plane();
    const QPoint c = plane->rect().center();
    const int r = std::min(plane->width(), plane->height()) / 2 - 10;
    const double e = plane->extent();
    QTest::mousePress(plane, Qt::LeftButton, {}, c + QPoint(r / 8, -r / 8));
    for (int i = 1; i <= 40; ++i) {
        QMouseEvent move(QEvent::MouseMove, QPointF(c + QPoint(r / 8 + i * r / 80, -r / 8 - i * r / 80)),
                         plane->mapToGlobal(QPointF(c)), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(plane, &move);
    }
    QTest::mouseRelease(plane, Qt::LeftButton, {}, c + QPoint(r / 8 + r / 2, -r / 8 - r / 2));
    const auto drawn = plane->drawnPoints();
    QVERIFY2(drawn.size() >= 10, qPrintable(QString::number(drawn.size())));
    for (const QPointF &p : drawn)
        QVERIFY2(p.x() > 0 && p.y() > 0 && p.x() < e && p.y() < e, qPrintable(QString("%1 %2").arg(p.x()).arg(p.y())));
    QVERIFY(w.coverageText().contains("points drawn"));

    draw->click(); // done drawing: the lab starts over on the drawing
    QCOMPARE(draw->text().remove('&'), QString("Draw"));
    QVERIFY(nextSnapshot(w));
    QVERIFY(start->isEnabled());
    QCOMPARE(w.lastSnapshot().steps, 0);
    // The real points lie around the stroke.
    for (const QPointF &p : w.lastSnapshot().real) {
        double nearest = 1e9;
        for (const QPointF &d : drawn)
            nearest = std::min(nearest, std::hypot(p.x() - d.x(), p.y() - d.y()));
        QVERIFY2(nearest < 0.25, qPrintable(QString::number(nearest)));
    }
    QCOMPARE(w.lastSnapshot().modes, 0); // no separate modes to count on a drawing
}

void TestToyLabWindow::changingTheLossStartsOver()
{
    ToyLabWindow w;
    w.show();
    QVERIFY(firstSnapshot(w));
    button(w, "Step")->click();
    QVERIFY(nextSnapshot(w));
    QCOMPARE(w.lastSnapshot().steps, 1);
    auto *loss = w.findChildren<QComboBox *>().at(1);
    QCOMPARE(loss->currentData().toString(), QString("bce"));
    loss->setCurrentIndex(loss->findData("wgan-gp"));
    QVERIFY(nextSnapshot(w));
    QCOMPARE(w.lastSnapshot().steps, 0);
    QVERIFY(!w.lastSnapshot().probability); // a critic's score, not a probability
    QCOMPARE(w.settings().loss, QString("wgan-gp"));
    // A learning rate applies from the next step without starting over.
    auto fields = w.findChildren<NumberField *>();
    QCOMPARE(fields.size(), 2);
    fields[0]->setValue(1e-4);
    button(w, "Step")->click();
    QVERIFY(nextSnapshot(w));
    QCOMPARE(w.lastSnapshot().steps, 1);
    QCOMPARE(w.settings().lrG, 1e-4);
}

void TestToyLabWindow::stepsThroughInPhases()
{
    ToyLabWindow w;
    w.show();
    QVERIFY(firstSnapshot(w));
    ToyPlaneView *plane = w.plane();
    plane->setLayerVisible(ToyPlaneView::Manifold, true); // the user's own choice, to come back
    ToyLabStepThrough *st = w.stepThrough();
    button(w, "Step through")->click();
    QVERIFY(st->isVisible());
    QCOMPARE(st->phase(), 1);
    QVERIFY(plane->isLayerVisible(ToyPlaneView::RealPoints));
    QVERIFY(!plane->isLayerVisible(ToyPlaneView::FakePoints) && !plane->isLayerVisible(ToyPlaneView::DecisionMap));
    st->next();
    QCOMPARE(st->phase(), 2);
    QVERIFY(plane->isLayerVisible(ToyPlaneView::FakePoints));
    st->next();
    QCOMPARE(st->phase(), 3);
    QVERIFY(plane->isLayerVisible(ToyPlaneView::DecisionMap));
    QCOMPARE(w.lastSnapshot().steps, 0); // nothing trained by looking
    const ToySnapshot before = w.lastSnapshot();
    st->next(); // D's update
    QVERIFY(nextSnapshot(w));
    QCOMPARE(st->phase(), 4);
    QCOMPARE(w.lastSnapshot().steps, 1);
    QCOMPARE(w.lastSnapshot().fake, before.fake); // G untouched
    st->next(); // G's update
    QVERIFY(nextSnapshot(w));
    QCOMPARE(st->phase(), 5);
    QCOMPARE(w.lastSnapshot().steps, 2);
    QVERIFY(plane->isLayerVisible(ToyPlaneView::Gradients));
    QVERIFY(w.lastSnapshot().fake != before.fake);
    st->back();
    QCOMPARE(st->phase(), 4);
    st->next();
    QCOMPARE(st->phase(), 5);
    QVERIFY(!nextSnapshot(w, 500)); // shown again, not trained again
    QCOMPARE(w.lastSnapshot().steps, 2);
    st->next(); // the next batch
    QCOMPARE(st->phase(), 1);
    st->end();
    QVERIFY(!st->isVisible());
    QVERIFY(plane->isLayerVisible(ToyPlaneView::Manifold)); // the user's layers are back
    QVERIFY(plane->isLayerVisible(ToyPlaneView::FakePoints));
}

void TestToyLabWindow::fitsASmallScreen()
{
    ToyLabWindow w;
    const QSize hint = w.minimumSizeHint();
    QVERIFY2(hint.width() <= 1280 && hint.height() <= 770,
             qPrintable(QString("%1x%2").arg(hint.width()).arg(hint.height())));
    w.resize(1280, 770);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // Every button and checkbox lies inside the window.
    for (QWidget *c : w.findChildren<QWidget *>()) {
        if (!c->isVisible() || !(qobject_cast<QPushButton *>(c) || qobject_cast<QCheckBox *>(c)))
            continue;
        const QRect r(c->mapTo(&w, QPoint(0, 0)), c->size());
        QVERIFY2(w.rect().contains(r), qPrintable(c->objectName() + " " + qobject_cast<QAbstractButton *>(c)->text()));
    }
}

QTEST_MAIN(TestToyLabWindow)
#include "tst_toylabwindow.moc"
