#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ganvas {

// One row of runs/<name>/quality.csv: how good the generator's samples were at a point.
// Torch-free, so the windows can read and show scores.
struct QualityScore
{
    int epoch = 0;
    int64_t step = 0;
    double fd = 0;        // Fréchet distance on the feature network's features (lower is better)
    double kid = 0;       // kernel distance, KID (lower is better)
    double precision = 0; // share of samples that look like real images (higher is better)
    double recall = 0;    // share of real images the samples cover; low = mode collapse
    int samples = 0;
    std::string featureNet; // the network the scores are measured with
    double seconds = 0;     // how long scoring took (not stored in quality.csv)
};

// How the preparation of a run's quality score goes, or why the run has none; each front end
// words it in its own language.
struct ScoreStatus
{
    enum class Kind {
        Preparing,       // loading or making the feature network and the real images' features
        TrainingNetwork, // training GANvas's classifier: epoch of epochs (once per dataset)
        NetworkReady,    // the classifier is trained: accuracy
        Unavailable,     // no scores for this run: reason
    };
    Kind kind = Kind::Preparing;
    std::string what;     // Preparing: the dataset or the feature network file
    int epoch = 0, epochs = 0;
    double accuracy = 0;  // test accuracy in [0, 1]
    std::string reason;

    // The English line the command line prints.
    std::string text() const;
};

// "epoch,step,fd,kid,precision,recall,samples,feature_net": quality.csv's header and rows.
std::string qualityCsvHeader();
std::string qualityCsvRow(const QualityScore &s);
// Reads quality.csv; rows it cannot parse are skipped. Missing file: no rows.
std::vector<QualityScore> readQualityCsv(const std::string &path);

// The score with the lowest FD, or nullptr when there is none.
const QualityScore *bestScore(const std::vector<QualityScore> &scores);

} // namespace ganvas
