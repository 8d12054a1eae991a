#pragma once

#include <QLoggingCategory>

// The app's logging categories: info and above by default (QT_LOGGING_RULES="ganvas.*.debug=true"
// for more). Every error that reaches the app layer is logged under one of these as well as
// shown to the user.
Q_DECLARE_LOGGING_CATEGORY(lcRuns)     // ganvas.runs: training runs, checkpoints, stored runs
Q_DECLARE_LOGGING_CATEGORY(lcJobs)     // ganvas.jobs: background jobs (exports, fetches, previews)
Q_DECLARE_LOGGING_CATEGORY(lcUi)       // ganvas.ui: what the windows showed the user
