#pragma once

#include <QString>
#include <QVector>

// The FD score per epoch of several runs as one chart written to a PNG (docs/QUALITY.md's
// figure). Runs named "<tool>-<preset>" share their preset's colour; those of a tool other
// than "ganvas" are dashed.
struct ScoreSeries
{
    QString name;
    QVector<double> epochs;
    QVector<double> fd;
};

bool saveScoreChart(const QVector<ScoreSeries> &series, const QString &pngPath, int width = 1000, int height = 560);
