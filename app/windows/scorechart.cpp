#include "windows/scorechart.h"

#include "quality/qualityscore.h"
#include "scorechartimage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

bool writeScoreChart(const QStringList &runDirs, const QString &pngPath, QString *error)
{
    QVector<ScoreSeries> series;
    for (const QString &dir : runDirs) {
        const auto scores = ganvas::readQualityCsv((dir + "/quality.csv").toStdString());
        if (scores.empty()) {
            if (error)
                *error = QCoreApplication::translate("ScoreChart", "%1: no quality.csv with scores").arg(dir);
            return false;
        }
        ScoreSeries s;
        s.name = QFileInfo(QDir::cleanPath(dir)).fileName();
        for (const auto &row : scores) {
            s.epochs << row.epoch;
            s.fd << row.fd;
        }
        series << s;
    }
    if (!saveScoreChart(series, pngPath)) {
        if (error)
            *error = QCoreApplication::translate("ScoreChart", "%1: cannot write the chart").arg(pngPath);
        return false;
    }
    return true;
}
