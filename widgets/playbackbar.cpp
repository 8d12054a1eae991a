#include "playbackbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

PlaybackBar::PlaybackBar(const QString &sliderName, const QString &widestLabel, QWidget *parent)
    : QWidget(parent), m_play(new QToolButton(this)), m_slider(new QSlider(Qt::Horizontal, this)),
      m_label(new QLabel(this))
{
    m_play->setObjectName("play");
    m_play->setCheckable(true);
    m_slider->setObjectName(sliderName);
    m_slider->setSingleStep(1);
    m_slider->setPageStep(1);
    m_label->setObjectName("epochLabel");
    // Room for long runs up front, so the slider does not jump as digits are added.
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(widestLabel));
    m_label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 8, 0); // the label's last character clear of the window's edge
    layout->addWidget(m_play);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);

    connect(&m_playback, &EpochPlayback::playingChanged, this, [this](bool playing) {
        updateControls();
        Q_EMIT playingChanged(playing);
    });
    connect(m_play, &QToolButton::toggled, this, &PlaybackBar::setPlaying);
}

void PlaybackBar::setPlaying(bool playing)
{
    m_playback.setPlaying(playing);
    // A refused or repeated request changes nothing there, but the button may have been toggled.
    updateControls();
}

void PlaybackBar::setFramesPerSecond(int fps)
{
    m_playback.setFramesPerSecond(fps);
}

void PlaybackBar::showState(int minimum, int maximum, int value, const QString &label, const QString &playTip,
                            const QString &pauseTip)
{
    const bool playing = isPlaying();
    {
        // Range and value changes here follow the playback; they must not feed back into it.
        const QSignalBlocker blockSlider(m_slider);
        m_slider->setRange(minimum, maximum);
        m_slider->setValue(value);
        m_slider->setEnabled(maximum > minimum);
    }
    {
        const QSignalBlocker blockButton(m_play);
        m_play->setChecked(playing);
        m_play->setEnabled(m_playback.count() > 0);
        m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        // Text shows where the style has no media icons, and is what screen readers say.
        m_play->setText(playing ? tr("Pause") : tr("Play"));
        m_play->setToolTip(playing ? pauseTip : playTip);
    }
    m_label->setText(label);
}
