#include "epochplayback.h"
#include "framescrubber.h"

#include <QtTest>

#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QToolButton>

class TestFrameScrubber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsFramesAndShowsThem();
    void followsLatestOnlyAtTheEnd();
    void setCurrentIndexEmitsFrame();
    void sliderDrivesFrame();
    void playAdvancesAndLoops();
    void playButtonToggles();
    void keyboardStepsAndToggles();
    void clearResets();
    void playbackPlaysEpochsInOrderAndLoops();
    void playbackOnlyProposesEpochs();
    void playbackStepsWithoutWrapping();
    void playbackStopsWithoutEpochs();
};

namespace {

// A grid whose pixels say which epoch it belongs to, so that a wrong frame cannot pass.
QImage gridFor(int epoch)
{
    QImage image(32, 32, QImage::Format_RGB888);
    image.fill(QColor(epoch * 7 % 256, epoch * 13 % 256, epoch * 29 % 256));
    image.setPixelColor(epoch % 32, 0, Qt::white);
    return image;
}

void addEpochs(FrameScrubber &scrubber, int first, int last)
{
    for (int e = first; e <= last; ++e)
        scrubber.addFrame(e, gridFor(e));
}

bool samePixels(const QImage &a, const QImage &b)
{
    return !a.isNull() && a.size() == b.size()
        && a.convertToFormat(QImage::Format_RGB32) == b.convertToFormat(QImage::Format_RGB32);
}

} // namespace

void TestFrameScrubber::countsFramesAndShowsThem()
{
    FrameScrubber scrubber;
    auto *slider = scrubber.findChild<QSlider *>("slider");
    auto *label = scrubber.findChild<QLabel *>("epochLabel");
    auto *play = scrubber.findChild<QToolButton *>("play");
    QVERIFY(slider && label && play);
    QCOMPARE(slider->orientation(), Qt::Horizontal);
    QCOMPARE(scrubber.frameCount(), 0);
    QCOMPARE(scrubber.currentEpoch(), -1);
    QVERIFY(scrubber.currentFrame().isNull());
    QVERIFY(!play->isEnabled());

    addEpochs(scrubber, 1, 5);
    QCOMPARE(scrubber.frameCount(), 5);
    QCOMPARE(slider->minimum(), 0);
    QCOMPARE(slider->maximum(), 4);
    QCOMPARE(slider->value(), 4);
    QCOMPARE(scrubber.currentEpoch(), 5);
    QVERIFY(samePixels(scrubber.currentFrame(), gridFor(5)));
    QCOMPARE(label->text(), QStringLiteral("Epoch 5 / 5"));
    QVERIFY(play->isEnabled());

    scrubber.setCurrentIndex(1);
    QCOMPARE(label->text(), QStringLiteral("Epoch 2 / 5"));
    QCOMPARE(slider->value(), 1);
}

void TestFrameScrubber::followsLatestOnlyAtTheEnd()
{
    FrameScrubber scrubber;
    QSignalSpy spy(&scrubber, &FrameScrubber::currentFrameChanged);
    // The first frame is "the latest" of an empty scrubber, so it is shown at once.
    scrubber.addFrame(1, gridFor(1));
    QCOMPARE(scrubber.currentEpoch(), 1);
    QCOMPARE(spy.count(), 1);
    addEpochs(scrubber, 2, 3);
    QCOMPARE(scrubber.currentEpoch(), 3);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.last().at(0).toInt(), 3);

    // The user moves back: new frames must not pull the view away.
    scrubber.setCurrentIndex(0);
    spy.clear();
    addEpochs(scrubber, 4, 6);
    QCOMPARE(scrubber.currentEpoch(), 1);
    QVERIFY(samePixels(scrubber.currentFrame(), gridFor(1)));
    QCOMPARE(spy.count(), 0);
    auto *label = scrubber.findChild<QLabel *>("epochLabel");
    QCOMPARE(label->text(), QStringLiteral("Epoch 1 / 6"));
    QCOMPARE(scrubber.findChild<QSlider *>("slider")->maximum(), 5);
    QCOMPARE(scrubber.findChild<QSlider *>("slider")->value(), 0);

    // Back at the end, it follows again.
    scrubber.setCurrentIndex(scrubber.frameCount() - 1);
    scrubber.addFrame(7, gridFor(7));
    QCOMPARE(scrubber.currentEpoch(), 7);
    QVERIFY(samePixels(scrubber.currentFrame(), gridFor(7)));
}

void TestFrameScrubber::setCurrentIndexEmitsFrame()
{
    FrameScrubber scrubber;
    // A resumed run: epochs need not start at 1, the index and the epoch differ.
    addEpochs(scrubber, 16, 25);
    QSignalSpy spy(&scrubber, &FrameScrubber::currentFrameChanged);
    scrubber.setCurrentIndex(3);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 19);
    const QImage emitted = spy.at(0).at(1).value<QImage>();
    QVERIFY(samePixels(emitted, gridFor(19)));
    QVERIFY(!samePixels(emitted, gridFor(18)));
    QCOMPARE(scrubber.currentEpoch(), 19);

    // Same index again: nothing new to show.
    scrubber.setCurrentIndex(3);
    QCOMPARE(spy.count(), 1);
    // Out of range clamps to the ends.
    scrubber.setCurrentIndex(100);
    QCOMPARE(scrubber.currentEpoch(), 25);
    scrubber.setCurrentIndex(-4);
    QCOMPARE(scrubber.currentEpoch(), 16);
    QCOMPARE(spy.count(), 3);
}

void TestFrameScrubber::sliderDrivesFrame()
{
    FrameScrubber scrubber;
    addEpochs(scrubber, 1, 8);
    QSignalSpy spy(&scrubber, &FrameScrubber::currentFrameChanged);
    auto *slider = scrubber.findChild<QSlider *>("slider");
    QVERIFY(slider);
    slider->setValue(2);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 3);
    QCOMPARE(scrubber.currentEpoch(), 3);
    QCOMPARE(scrubber.findChild<QLabel *>("epochLabel")->text(), QStringLiteral("Epoch 3 / 8"));
}

void TestFrameScrubber::playAdvancesAndLoops()
{
    FrameScrubber scrubber;
    addEpochs(scrubber, 1, 3);
    scrubber.setFramesPerSecond(50);
    scrubber.setCurrentIndex(0);
    QSignalSpy spy(&scrubber, &FrameScrubber::currentFrameChanged);
    QVERIFY(!scrubber.isPlaying());
    scrubber.setPlaying(true);
    QVERIFY(scrubber.isPlaying());
    // 1 → 2 → 3 → back to 1 → 2.
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 4, 5000);
    QCOMPARE(spy.at(0).at(0).toInt(), 2);
    QCOMPARE(spy.at(1).at(0).toInt(), 3);
    QCOMPARE(spy.at(2).at(0).toInt(), 1);
    QCOMPARE(spy.at(3).at(0).toInt(), 2);
    QVERIFY(samePixels(spy.at(2).at(1).value<QImage>(), gridFor(1)));

    scrubber.setPlaying(false);
    QVERIFY(!scrubber.isPlaying());
    const int stoppedAt = spy.count();
    const int epoch = scrubber.currentEpoch();
    QTest::qWait(100);
    QCOMPARE(spy.count(), stoppedAt);
    QCOMPARE(scrubber.currentEpoch(), epoch);
}

void TestFrameScrubber::playButtonToggles()
{
    FrameScrubber scrubber;
    auto *play = scrubber.findChild<QToolButton *>("play");
    QVERIFY(play);
    // Nothing to play yet.
    scrubber.setPlaying(true);
    QVERIFY(!scrubber.isPlaying());

    addEpochs(scrubber, 1, 4);
    QSignalSpy playing(&scrubber, &FrameScrubber::playingChanged);
    play->click();
    QVERIFY(scrubber.isPlaying());
    QVERIFY(play->isChecked());
    play->click();
    QVERIFY(!scrubber.isPlaying());
    QVERIFY(!play->isChecked());
    // The button follows the API too.
    scrubber.setPlaying(true);
    QVERIFY(play->isChecked());
    QCOMPARE(playing.count(), 3);
}

void TestFrameScrubber::keyboardStepsAndToggles()
{
    FrameScrubber scrubber;
    addEpochs(scrubber, 1, 5);
    scrubber.setCurrentIndex(2);
    QSignalSpy spy(&scrubber, &FrameScrubber::currentFrameChanged);

    QTest::keyClick(&scrubber, Qt::Key_Left);
    QCOMPARE(scrubber.currentEpoch(), 2);
    QTest::keyClick(&scrubber, Qt::Key_Left);
    QCOMPARE(scrubber.currentEpoch(), 1);
    // No wrap when stepping by hand.
    QTest::keyClick(&scrubber, Qt::Key_Left);
    QCOMPARE(scrubber.currentEpoch(), 1);
    QTest::keyClick(&scrubber, Qt::Key_Right);
    QTest::keyClick(&scrubber, Qt::Key_Right);
    QTest::keyClick(&scrubber, Qt::Key_Right);
    QCOMPARE(scrubber.currentEpoch(), 4);
    QCOMPARE(spy.count(), 5);
    QCOMPARE(spy.last().at(0).toInt(), 4);
    QVERIFY(samePixels(spy.last().at(1).value<QImage>(), gridFor(4)));
    QCOMPARE(scrubber.findChild<QSlider *>("slider")->value(), 3);

    QTest::keyClick(&scrubber, Qt::Key_Space);
    QVERIFY(scrubber.isPlaying());
    // Stepping pauses: the animation would move on from the frame at once.
    QTest::keyClick(&scrubber, Qt::Key_Right);
    QVERIFY(!scrubber.isPlaying());
    QTest::keyClick(&scrubber, Qt::Key_Space);
    QVERIFY(scrubber.isPlaying());
    QTest::keyClick(&scrubber, Qt::Key_Space);
    QVERIFY(!scrubber.isPlaying());
}

void TestFrameScrubber::clearResets()
{
    FrameScrubber scrubber;
    addEpochs(scrubber, 1, 6);
    scrubber.setPlaying(true);
    scrubber.clear();
    QCOMPARE(scrubber.frameCount(), 0);
    QCOMPARE(scrubber.currentEpoch(), -1);
    QVERIFY(scrubber.currentFrame().isNull());
    QVERIFY(!scrubber.isPlaying());
    auto *slider = scrubber.findChild<QSlider *>("slider");
    QCOMPARE(slider->maximum(), 0);
    QCOMPARE(slider->value(), 0);
    QVERIFY(!scrubber.findChild<QToolButton *>("play")->isEnabled());
    QVERIFY(!scrubber.findChild<QLabel *>("epochLabel")->text().contains('6'));

    // After a clear the next run starts fresh and is followed again.
    addEpochs(scrubber, 1, 2);
    QCOMPARE(scrubber.frameCount(), 2);
    QCOMPARE(scrubber.currentEpoch(), 2);
    QCOMPARE(scrubber.findChild<QLabel *>("epochLabel")->text(), QStringLiteral("Epoch 2 / 2"));
}

void TestFrameScrubber::playbackPlaysEpochsInOrderAndLoops()
{
    EpochPlayback playback;
    // Inserted out of order and once twice: kept ascending and distinct.
    for (int epoch : {3, 1, 7, 3})
        playback.insertEpoch(epoch);
    QCOMPARE(playback.epochs(), QList<int>({1, 3, 7}));
    QCOMPARE(playback.currentIndex(), -1);
    connect(&playback, &EpochPlayback::epochRequested, &playback, &EpochPlayback::setCurrentEpoch);
    playback.setCurrentEpoch(1);
    QCOMPARE(playback.currentIndex(), 0);
    playback.setFramesPerSecond(100);
    QCOMPARE(playback.framesPerSecond(), 60);
    playback.setFramesPerSecond(50);
    QSignalSpy requested(&playback, &EpochPlayback::epochRequested);
    QSignalSpy changed(&playback, &EpochPlayback::currentEpochChanged);
    QSignalSpy playing(&playback, &EpochPlayback::playingChanged);
    playback.setPlaying(true);
    QCOMPARE(playing.count(), 1);
    QCOMPARE(playing.at(0).at(0).toBool(), true);
    // 1 → 3 → 7 → back to 1 → 3, each epoch carried by the signals.
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 4, 5000);
    playback.setPlaying(false);
    QCOMPARE(playing.count(), 2);
    QCOMPARE(playing.at(1).at(0).toBool(), false);
    const QList<int> expected = {3, 7, 1, 3};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(requested.at(i).at(0).toInt(), expected[i]);
        QCOMPARE(changed.at(i).at(0).toInt(), expected[i]);
    }
    const int stoppedAt = changed.count();
    QTest::qWait(100);
    QCOMPARE(changed.count(), stoppedAt);
    QCOMPARE(playback.currentEpoch(), changed.last().at(0).toInt());
}

void TestFrameScrubber::playbackOnlyProposesEpochs()
{
    EpochPlayback playback;
    playback.setEpochs({2, 4, 6}, 4);
    QSignalSpy requested(&playback, &EpochPlayback::epochRequested);
    QSignalSpy changed(&playback, &EpochPlayback::currentEpochChanged);
    // Unconnected, a request changes nothing: the owner decides.
    playback.next();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toInt(), 6);
    QCOMPARE(playback.currentEpoch(), 4);
    QCOMPARE(changed.count(), 0);
    // The owner may show an epoch between the ones there are; the next is the one after it.
    playback.setCurrentEpoch(3);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toInt(), 3);
    QCOMPARE(playback.currentIndex(), -1);
    QCOMPARE(playback.nextEpoch(), 4);
    playback.setCurrentEpoch(6);
    QCOMPARE(playback.nextEpoch(), 2);
    // The same epoch again is no change.
    playback.setCurrentEpoch(6);
    QCOMPARE(changed.count(), 2);
}

void TestFrameScrubber::playbackStepsWithoutWrapping()
{
    EpochPlayback playback;
    playback.setEpochs({5, 6, 9}, 6);
    QCOMPARE(playback.epochAt(1), 9);
    QCOMPARE(playback.epochAt(2), 9);
    QCOMPARE(playback.epochAt(-1), 5);
    QCOMPARE(playback.epochAt(-5), 5);
    QSignalSpy requested(&playback, &EpochPlayback::epochRequested);
    playback.step(-1);
    playback.step(1);
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.at(0).at(0).toInt(), 5);
    QCOMPARE(requested.at(1).at(0).toInt(), 9);
}

void TestFrameScrubber::playbackStopsWithoutEpochs()
{
    EpochPlayback playback;
    QSignalSpy playing(&playback, &EpochPlayback::playingChanged);
    QSignalSpy requested(&playback, &EpochPlayback::epochRequested);
    playback.setPlaying(true);
    QVERIFY(!playback.isPlaying());
    playback.next();
    playback.step(1);
    QCOMPARE(requested.count(), 0);
    QCOMPARE(playing.count(), 0);

    playback.setEpochs({1, 2}, 1);
    playback.setPlaying(true);
    QVERIFY(playback.isPlaying());
    // Losing every epoch stops the animation, and says so.
    playback.setEpochs({}, 0);
    QVERIFY(!playback.isPlaying());
    QCOMPARE(playing.count(), 2);
    playback.setEpochs({1, 2}, 1);
    playback.setPlaying(true);
    playback.clear();
    QVERIFY(!playback.isPlaying());
    QCOMPARE(playback.count(), 0);
    QCOMPARE(playback.currentEpoch(), 0);
}

QTEST_MAIN(TestFrameScrubber)
#include "tst_framescrubber.moc"
