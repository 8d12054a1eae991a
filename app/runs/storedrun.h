#pragma once

#include "checkpoint/rundirectory.h"
#include "engine/observer.h"
#include "engine/trainingconfig.h"
#include "media/image8.h"

#include <QMap>
#include <QString>

#include <vector>

// A run directory as the windows show it: its settings, metrics, scores, events and epoch frames.
struct StoredRun
{
    QString root;                            // absolute path
    ganvas::TrainingConfig config;
    std::vector<ganvas::StepStats> metrics;  // metrics.csv, empty when there is none yet
    QMap<int, ganvas::Image8> frames;        // frames/epoch-NNNN.png by epoch
    std::vector<ganvas::QualityScore> scores; // quality.csv, empty when the run was not scored
    std::vector<ganvas::RunDirectory::Event> events; // events.csv: divergences and rollbacks
    int batchesPerEpoch = 0;                 // from the metrics; 0 when unknown

    int lastEpoch() const { return frames.isEmpty() ? 0 : frames.lastKey(); }
};

// Reads config.json, metrics.csv, quality.csv, events.csv and the frames of a run directory (written by ganvas or
// ganvas-cli). Throws std::exception naming the file when the settings or the metrics cannot
// be read; a damaged frame is left out (the others still show).
StoredRun readStoredRun(const QString &runDir);
