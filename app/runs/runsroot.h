#pragma once

#include <QString>

// Where new runs go: $GANVAS_RUNS_DIR, else the application's data folder + /runs.
QString runsRoot();
// A new run folder under runsRoot(): <prefix>-<date and time to the millisecond>.
QString newRunDirectory(const QString &prefix = QStringLiteral("run"));
