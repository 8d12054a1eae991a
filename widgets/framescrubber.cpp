#include "framescrubber.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

FrameScrubber::FrameScrubber(QWidget *parent) : QWidget(parent)
{
    // StrongFocus so that Left/Right/Space reach keyPressEvent after a click on the widget.
    setFocusPolicy(Qt::StrongFocus);

    m_play = new QToolButton(this);
    m_play->setObjectName("play");
    m_play->setCheckable(true);
    // The widget itself handles Space; a focusable button would swallow it as a click and
    // Left/Right as focus moves.
    m_play->setFocusPolicy(Qt::NoFocus);

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName("slider");
    m_slider->setSingleStep(1);
    m_slider->setPageStep(1);
    m_slider->setTracking(true);

    m_label = new QLabel(this);
    m_label->setObjectName("epochLabel");
    // Room for long runs up front, so the slider does not jump as digits are added.
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(tr("Epoch %1 / %2").arg(9999).arg(9999)));
    m_label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_play);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);

    m_timer.setInterval(1000 / m_fps);
    connect(&m_timer, &QTimer::timeout, this, &FrameScrubber::advance);
    connect(m_play, &QToolButton::toggled, this, &FrameScrubber::setPlaying);
    connect(m_slider, &QSlider::valueChanged, this, &FrameScrubber::setCurrentIndex);

    updateControls();
}

void FrameScrubber::addFrame(int epoch, const QImage &grid)
{
    const bool wasAtLatest = m_index == m_frames.size() - 1;
    m_frames.append({epoch, grid});
    if (wasAtLatest) {
        setCurrentIndex(m_frames.size() - 1);
    } else {
        updateControls();
    }
}

void FrameScrubber::clear()
{
    setPlaying(false);
    m_frames.clear();
    m_index = -1;
    updateControls();
}

int FrameScrubber::currentEpoch() const
{
    return m_index >= 0 ? m_frames[m_index].epoch : -1;
}

QImage FrameScrubber::currentFrame() const
{
    return m_index >= 0 ? m_frames[m_index].grid : QImage();
}

void FrameScrubber::setCurrentIndex(int index)
{
    if (m_frames.isEmpty())
        return;
    index = std::clamp(index, 0, int(m_frames.size()) - 1);
    if (index == m_index) {
        // The slider may still disagree, e.g. after a clamp; keep it honest.
        updateControls();
        return;
    }
    m_index = index;
    updateControls();
    Q_EMIT currentFrameChanged(m_frames[m_index].epoch, m_frames[m_index].grid);
}

void FrameScrubber::setPlaying(bool playing)
{
    if (playing && m_frames.isEmpty())
        playing = false;
    if (playing == m_playing) {
        updateControls();
        return;
    }
    m_playing = playing;
    if (m_playing)
        m_timer.start();
    else
        m_timer.stop();
    updateControls();
    Q_EMIT playingChanged(m_playing);
}

void FrameScrubber::setFramesPerSecond(int fps)
{
    m_fps = std::clamp(fps, 1, 60);
    // QTimer::setInterval restarts a running timer with the new period.
    m_timer.setInterval(1000 / m_fps);
}

void FrameScrubber::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
        // Stepping is for looking closely at one frame; the animation would move on at once.
        setPlaying(false);
        setCurrentIndex(m_index + (event->key() == Qt::Key_Left ? -1 : 1));
        break;
    case Qt::Key_Space:
        setPlaying(!m_playing);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void FrameScrubber::advance()
{
    if (m_frames.isEmpty())
        return;
    setCurrentIndex(m_index + 1 < m_frames.size() ? m_index + 1 : 0);
}

void FrameScrubber::updateControls()
{
    const int count = m_frames.size();
    {
        // Range and value changes here follow the model; they must not feed back into it.
        const QSignalBlocker blockSlider(m_slider);
        m_slider->setRange(0, std::max(0, count - 1));
        m_slider->setValue(std::max(0, m_index));
        m_slider->setEnabled(count > 1);
    }
    {
        const QSignalBlocker blockButton(m_play);
        m_play->setChecked(m_playing);
        m_play->setEnabled(count > 0);
        m_play->setIcon(style()->standardIcon(m_playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        // Text shows where the style has no media icons, and is what screen readers say.
        m_play->setText(m_playing ? tr("Pause") : tr("Play"));
        m_play->setToolTip(m_playing ? tr("Pause (Space)") : tr("Play the run as an animation (Space)"));
    }
    if (count == 0)
        m_label->setText(tr("Epoch – / –"));
    else
        m_label->setText(tr("Epoch %1 / %2").arg(m_frames[m_index].epoch).arg(m_frames.last().epoch));
}
