#include "runs/runsroot.h"

#include <QDateTime>
#include <QStandardPaths>

QString runsRoot()
{
    const QString root = qEnvironmentVariable("GANVAS_RUNS_DIR");
    return root.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/runs" : root;
}

QString newRunDirectory(const QString &prefix)
{
    return runsRoot() + "/" + prefix + "-" + QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss-zzz");
}
