#include "runs/logging.h"

Q_LOGGING_CATEGORY(lcRuns, "ganvas.runs", QtInfoMsg)
Q_LOGGING_CATEGORY(lcJobs, "ganvas.jobs", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "ganvas.ui", QtInfoMsg)
