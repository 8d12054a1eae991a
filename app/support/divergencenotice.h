#pragma once

#include "engine/divergence.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class MessageBar;

// A diverged loss in plain words, in the window's message bar: what happened (which loss, at
// which step), what the trainer did, and when it paused the run, the choice between rolling
// back with halved learning rates and staying paused.
class DivergenceNotice
{
    Q_DECLARE_TR_FUNCTIONS(DivergenceNotice)

public:
    static QString sentence(const ganvas::DivergenceEvent &event);
    // `rollBack` runs when the user picks "Roll back" on a paused run.
    static void show(MessageBar *bar, const ganvas::DivergenceEvent &event, const std::function<void()> &rollBack);
};
