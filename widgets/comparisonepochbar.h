#pragma once

#include "playbackbar.h"

#include <QList>

// The comparison's one epoch control: Play/Pause, a slider over the epochs there are and
// "Epoch N of M". It only proposes epochs (epochRequested); the owner decides and shows the
// result with setCurrentEpoch, so that every grid, the plot marker and the slider agree.
class ComparisonEpochBar : public PlaybackBar
{
    Q_OBJECT

public:
    explicit ComparisonEpochBar(QWidget *parent = nullptr);

    // The epoch the owner shows now, between or on the epochs there are.
    void setCurrentEpoch(int epoch);
    // Epochs with a frame in any run, ascending; current is 0 while there are none. Without
    // epochs, playing stops; at the end it starts over from the first.
    void setEpochs(const QList<int> &epochs, int current);

Q_SIGNALS:
    void epochRequested(int epoch);

protected:
    void updateControls() override;
};
