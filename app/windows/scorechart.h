#pragma once

#include <QString>
#include <QStringList>

// `ganvas --plot-scores OUT.png DIR...`: the FD score per epoch of several runs (each DIR's
// quality.csv) as one chart, for docs/QUALITY.md. Runs named "<tool>-<preset>" share their
// preset's colour; those of a tool other than "ganvas" are dashed.
bool writeScoreChart(const QStringList &runDirs, const QString &pngPath, QString *error);
