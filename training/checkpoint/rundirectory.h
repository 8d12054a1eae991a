#pragma once

#include "engine/observer.h"
#include "quality/qualityscore.h"

#include <string>
#include <vector>

namespace ganvas {

// runs/<name>/ as docs/ARCHITECTURE.md fixes it: config.json, metrics.csv, events.csv, quality.csv,
// frames/epoch-NNNN.png,
// checkpoints/epoch-NNNN.ckpt. A checkpoint written when a run stops mid-epoch is
// checkpoints/epoch-NNNN-step-SSSSSSSS.ckpt (NNNN: epochs completed, S: the global step).
class RunDirectory
{
public:
    // Creates the folders when missing; throws FileWriteError naming the folder.
    explicit RunDirectory(std::string root);

    const std::string &root() const { return m_root; }
    std::string configPath() const { return m_root + "/config.json"; }
    std::string metricsPath() const { return m_root + "/metrics.csv"; }
    std::string eventsPath() const { return m_root + "/events.csv"; }
    std::string qualityPath() const { return m_root + "/quality.csv"; }
    std::string framePath(int epoch) const;
    std::string checkpointPath(int epochsDone, int64_t step, bool midEpoch) const;

    void writeConfig(const std::string &json) const;
    // Replaces metrics.csv with the header and `rows` (a new run, or a resume that drops
    // rows logged after its checkpoint), then appendMetric adds rows as they come.
    void rewriteMetrics(const std::vector<StepStats> &rows) const;
    // A non-finite value is written as an empty field (read back as NaN), never as "nan"/"inf".
    void appendMetric(const StepStats &row) const;
    // One row of events.csv (epoch,step,kind,detail; the header when the file is new), written
    // with one append and flushed; `detail` is quoted when it holds a comma or a quote.
    void appendEvent(int epoch, int64_t step, const std::string &kind, const std::string &detail) const;

    // quality.csv: the header and `rows` (a new run: none; a resume: the checkpoint's scores),
    // then appendQuality adds one row per score. Written only once there is a score.
    void rewriteQuality(const std::vector<QualityScore> &rows) const;
    void appendQuality(const QualityScore &row) const;

    // One row of events.csv.
    struct Event
    {
        int epoch = 0;
        int64_t step = 0;
        std::string kind;   // divergence, rollback, pause, stop
        std::string detail;
    };
    // Reads events.csv; rows it cannot parse are skipped. Missing file: no events.
    static std::vector<Event> readEvents(const std::string &path);

    static const char *metricsHeader();
    static const char *eventsHeader() { return "epoch,step,kind,detail"; }
    // Reads metrics.csv; throws FileWriteError naming the file and line of a malformed row.
    static std::vector<StepStats> readMetrics(const std::string &path);

    struct CheckpointEntry
    {
        std::string path;
        int epochsDone = 0;
        int64_t step = -1; // -1 for an end-of-epoch checkpoint
    };
    // Checkpoints in root/checkpoints, oldest first.
    static std::vector<CheckpointEntry> listCheckpoints(const std::string &root);
    // A checkpoint file as given, or the newest checkpoint of a run directory.
    // Throws FileWriteError when there is none.
    static std::string resolveCheckpoint(const std::string &checkpointOrRunDir);

private:
    std::string m_root;
};

} // namespace ganvas
