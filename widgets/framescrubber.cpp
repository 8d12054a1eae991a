#include "framescrubber.h"

#include <QKeyEvent>
#include <QSlider>
#include <QToolButton>

#include <algorithm>

FrameScrubber::FrameScrubber(QWidget *parent)
    : PlaybackBar("slider", tr("Epoch %1 / %2").arg(9999).arg(9999), parent)
{
    // StrongFocus so that Left/Right/Space reach keyPressEvent after a click on the widget.
    setFocusPolicy(Qt::StrongFocus);
    // The widget itself handles Space; a focusable button would swallow it as a click and
    // Left/Right as focus moves.
    playButton()->setFocusPolicy(Qt::NoFocus);
    slider()->setTracking(true);

    // Every epoch with a frame may be shown: requests need no check.
    connect(&playback(), &EpochPlayback::epochRequested, &playback(), &EpochPlayback::setCurrentEpoch);
    connect(&playback(), &EpochPlayback::currentEpochChanged, this, [this](int epoch) {
        updateControls();
        Q_EMIT currentFrameChanged(epoch, currentFrame());
    });
    connect(slider(), &QSlider::valueChanged, this, &FrameScrubber::setCurrentIndex);
    updateControls();
}

void FrameScrubber::addFrame(int epoch, const QImage &grid)
{
    const bool wasAtLatest = currentIndex() == m_frames.size() - 1;
    const int count = playback().count();
    const int index = playback().insertEpoch(epoch);
    if (playback().count() == count) {
        // A second grid for an epoch replaces the first, and is shown if that one was.
        m_frames[index] = grid;
        if (index == currentIndex())
            Q_EMIT currentFrameChanged(epoch, grid);
    } else {
        m_frames.insert(index, grid);
    }
    if (wasAtLatest)
        setCurrentIndex(m_frames.size() - 1);
    else
        updateControls();
}

void FrameScrubber::clear()
{
    // Frames first: stopping the playback updates the controls, which must find none.
    m_frames.clear();
    playback().clear();
    updateControls();
}

int FrameScrubber::currentEpoch() const
{
    const int index = currentIndex();
    return index >= 0 ? playback().epochs()[index] : -1;
}

QImage FrameScrubber::currentFrame() const
{
    const int index = currentIndex();
    return index >= 0 ? m_frames[index] : QImage();
}

void FrameScrubber::setCurrentIndex(int index)
{
    if (m_frames.isEmpty())
        return;
    index = std::clamp(index, 0, int(m_frames.size()) - 1);
    if (index == currentIndex()) {
        // The slider may still disagree, e.g. after a clamp; keep it honest.
        updateControls();
        return;
    }
    // Updates the controls and emits currentFrameChanged through currentEpochChanged.
    playback().setCurrentEpoch(playback().epochs()[index]);
}

void FrameScrubber::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
        // Stepping is for looking closely at one frame; the animation would move on at once.
        setPlaying(false);
        playback().step(event->key() == Qt::Key_Left ? -1 : 1);
        break;
    case Qt::Key_Space:
        setPlaying(!isPlaying());
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void FrameScrubber::updateControls()
{
    const int count = m_frames.size();
    const QString label = count == 0 ? tr("Epoch – / –")
                                     : tr("Epoch %1 / %2").arg(currentEpoch()).arg(playback().epochs().last());
    showState(0, std::max(0, count - 1), std::max(0, currentIndex()), label,
              tr("Play the run as an animation (Space)"), tr("Pause (Space)"));
}
