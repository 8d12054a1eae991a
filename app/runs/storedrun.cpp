#include "runs/storedrun.h"

#include "checkpoint/rundirectory.h"
#include "runs/logging.h"
#include "media/pngio.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

StoredRun readStoredRun(const QString &runDir)
{
    StoredRun run;
    run.root = QDir(runDir).absolutePath();
    const std::string root = run.root.toStdString();
    run.config = ganvas::TrainingConfig::fromJsonFile(root + "/config.json");
    const std::string metrics = root + "/metrics.csv";
    if (QFileInfo::exists(QString::fromStdString(metrics)))
        run.metrics = ganvas::RunDirectory::readMetrics(metrics);
    run.scores = ganvas::readQualityCsv(root + "/quality.csv");
    run.events = ganvas::RunDirectory::readEvents(root + "/events.csv");
    // The last logged step of epoch 1 is the number of batches per epoch (the trainer always
    // logs an epoch's last step); a run stopped inside epoch 1 gives an estimate.
    for (const auto &row : run.metrics)
        if (row.epoch == 1)
            run.batchesPerEpoch = int(std::max<int64_t>(run.batchesPerEpoch, row.step));
    const QDir frames(run.root + "/frames");
    for (const QString &file : frames.entryList({"epoch-*.png"}, QDir::Files, QDir::Name)) {
        bool ok = false;
        const int epoch = file.mid(6, file.size() - 10).toInt(&ok);
        if (!ok || epoch < 1)
            continue;
        try {
            run.frames.insert(epoch, ganvas::readPng(frames.filePath(file).toStdString()));
        } catch (const std::exception &e) {
            // A damaged frame leaves a gap; the others still show.
            qCWarning(lcRuns).noquote() << "frame left out:" << e.what();
        }
    }
    return run;
}
