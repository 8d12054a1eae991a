#include "comparisonepochbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

ComparisonEpochBar::ComparisonEpochBar(QWidget *parent)
    : QWidget(parent), m_play(new QToolButton(this)), m_slider(new QSlider(Qt::Horizontal, this)),
      m_label(new QLabel(this))
{
    m_play->setObjectName("play");
    m_play->setCheckable(true);
    m_slider->setObjectName("epochSlider");
    m_slider->setSingleStep(1);
    m_slider->setPageStep(1);
    m_label->setObjectName("epochLabel");
    // Room for long runs up front, so the slider does not jump as digits are added.
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(tr("Epoch %1 of %2").arg(9999).arg(9999)));
    m_label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_play);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);

    setFramesPerSecond(4);
    connect(&m_timer, &QTimer::timeout, this, &ComparisonEpochBar::advance);
    connect(m_play, &QToolButton::toggled, this, &ComparisonEpochBar::setPlaying);
    connect(m_slider, &QSlider::valueChanged, this, &ComparisonEpochBar::epochRequested);
    // Grabbing the slider means looking at one epoch; the animation would move on at once.
    connect(m_slider, &QSlider::sliderPressed, this, [this] { setPlaying(false); });
    updateControls();
}

void ComparisonEpochBar::setEpochs(const QList<int> &epochs, int current)
{
    m_epochs = epochs;
    m_epoch = current;
    if (m_epochs.isEmpty())
        setPlaying(false);
    updateControls();
}

void ComparisonEpochBar::setCurrentEpoch(int epoch)
{
    m_epoch = epoch;
    updateControls();
}

void ComparisonEpochBar::setPlaying(bool playing)
{
    if (playing && m_epochs.isEmpty())
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

void ComparisonEpochBar::setFramesPerSecond(int fps)
{
    // QTimer::setInterval restarts a running timer with the new period.
    m_timer.setInterval(1000 / std::clamp(fps, 1, 60));
}

void ComparisonEpochBar::advance()
{
    if (m_epochs.isEmpty())
        return;
    const auto next = std::upper_bound(m_epochs.cbegin(), m_epochs.cend(), m_epoch);
    Q_EMIT epochRequested(next != m_epochs.cend() ? *next : m_epochs.first());
}

void ComparisonEpochBar::updateControls()
{
    const bool none = m_epochs.isEmpty();
    {
        // Range and value changes here follow the owner; they must not feed back into it.
        const QSignalBlocker blockSlider(m_slider);
        m_slider->setRange(none ? 0 : m_epochs.first(), none ? 0 : m_epochs.last());
        m_slider->setValue(m_epoch);
        m_slider->setEnabled(m_epochs.size() > 1);
    }
    {
        const QSignalBlocker blockButton(m_play);
        m_play->setChecked(m_playing);
        m_play->setEnabled(!none);
        m_play->setIcon(style()->standardIcon(m_playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        // Text shows where the style has no media icons, and is what screen readers say.
        m_play->setText(m_playing ? tr("Pause") : tr("Play"));
        m_play->setToolTip(m_playing ? tr("Pause") : tr("Play the epochs of all runs together"));
    }
    m_label->setText(none ? tr("Epoch – of –") : tr("Epoch %1 of %2").arg(m_epoch).arg(m_epochs.last()));
}
