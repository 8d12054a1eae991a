#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

class QAction;

// Close (Ctrl+W) and Quit (Ctrl+Q) as every desktop user expects them, whatever the platform's
// own bindings say (some give Close only Ctrl+F4); the platform's keys are kept as well.
QList<QKeySequence> closeShortcuts();
QList<QKeySequence> quitShortcuts();

// A tooltip that says what the action does and, where it has a key, the key too:
// "Pause the training, or go on (Ctrl+P)".
void setActionToolTip(QAction *action, const QString &what);
