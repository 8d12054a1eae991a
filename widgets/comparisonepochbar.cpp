#include "comparisonepochbar.h"

#include <QSlider>

ComparisonEpochBar::ComparisonEpochBar(QWidget *parent)
    : PlaybackBar("epochSlider", tr("Epoch %1 of %2").arg(9999).arg(9999), parent)
{
    // Only proposed: the owner clamps the epoch to its runs and answers with setCurrentEpoch.
    connect(&playback(), &EpochPlayback::epochRequested, this, &ComparisonEpochBar::epochRequested);
    connect(slider(), &QSlider::valueChanged, this, &ComparisonEpochBar::epochRequested);
    // Grabbing the slider means looking at one epoch; the animation would move on at once.
    connect(slider(), &QSlider::sliderPressed, this, [this] { setPlaying(false); });
    updateControls();
}

void ComparisonEpochBar::setEpochs(const QList<int> &epochs, int current)
{
    playback().setEpochs(epochs, current);
    updateControls();
}

void ComparisonEpochBar::setCurrentEpoch(int epoch)
{
    playback().setCurrentEpoch(epoch);
    updateControls();
}

void ComparisonEpochBar::updateControls()
{
    const QList<int> &epochs = playback().epochs();
    const bool none = epochs.isEmpty();
    const QString label = none ? tr("Epoch – of –") : tr("Epoch %1 of %2").arg(playback().currentEpoch()).arg(epochs.last());
    showState(none ? 0 : epochs.first(), none ? 0 : epochs.last(), playback().currentEpoch(), label,
              tr("Play the epochs of all runs together"), tr("Pause"));
}
