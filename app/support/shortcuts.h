#pragma once

#include <QKeySequence>
#include <QList>

// Close (Ctrl+W) and Quit (Ctrl+Q) as every desktop user expects them, whatever the platform's
// own bindings say (some give Close only Ctrl+F4); the platform's keys are kept as well.
QList<QKeySequence> closeShortcuts();
QList<QKeySequence> quitShortcuts();
