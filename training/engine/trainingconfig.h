#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace ganvas {

// One thing wrong with a config: the field (JSON name) it is about and why, kept apart so an
// editor can mark the field without parsing the text.
struct ConfigProblem
{
    std::string field;               // "lr_g"
    std::string message;             // "must be > 0 and < 1 (got -1)"
    std::vector<std::string> others; // further fields the problem is about, e.g. label_flip_prob

    // What the message says, as data, so that the GUI can say it in the reader's language:
    // Field: the field's own rule (ConfigField::ruleText) broken, `got` the value as quoted;
    // OnlyWithLosses: set with a loss that ignores it, `losses` those it applies to, `got` the loss;
    // BatchOverLimit: batch_size `got` above the `limit` images.
    enum class Kind { Field, OnlyWithLosses, BatchOverLimit };
    Kind kind = Kind::Field;
    std::string got;
    std::vector<std::string> losses;
    int64_t limit = 0;

    bool names(const std::string &name) const;
    // The one-line form for logs and the command line: "lr_g: must be > 0 and < 1 (got -1)";
    // a problem about two fields reads "label_smoothing/label_flip_prob: ...".
    std::string text() const;
};

// Every problem's text(), joined by `separator`.
std::string problemsText(const std::vector<ConfigProblem> &problems, const std::string &separator = "; ");

// Every hyperparameter of a run. JSON field names are the snake_case of the member names and
// are what config.json and --config files hold. Each field is described (range, label, help,
// live or not) once, in configFields() (engine/configfields.h). The defaults are the default
// preset's recipe (engine/presets.h, chosen by measurement in docs/QUALITY.md); the "seed"
// preset holds the tutorial's own settings.
struct TrainingConfig
{
    // data
    std::string dataset = "fashion-mnist"; // fashion-mnist | mnist | cifar10 | a folder path
    std::string dataDir;                   // searched first for named datasets ("" = standard folders)
    int64_t limit = -1;                    // use only the first K images (-1 = all)
    int imageSize = 32;                    // image folders: side length after resizing (28, 32 or 64)
    int imageChannels = 0;                 // image folders: 1 grey, 3 colour, 0 = grey if every image is grey
    // model
    std::string model = "mlp";             // mlp (the seed's fully connected pair) | dcgan
    int latentSize = 100;                  // length of the noise vector z
    // loss
    std::string loss = "bce";              // bce (non-saturating) | lsgan | hinge | wgan-gp
    double gpWeight = 10.0;                // WGAN-GP gradient-penalty weight (lambda)
    // optimisers (Adam, one per network)
    double lrG = 2e-4;                     // generator learning rate
    double lrD = 2e-4;                     // discriminator learning rate
    double beta1G = 0.5;                   // generator Adam beta1
    double beta2G = 0.999;                 // generator Adam beta2
    double beta1D = 0.5;                   // discriminator Adam beta1
    double beta2D = 0.999;                 // discriminator Adam beta2
    std::string lrDecay = "none";          // none | linear (to 0 at the last epoch) | exponential
    double lrDecayGamma = 0.95;            // per-epoch factor of exponential decay
    // training tricks
    int dStepsPerG = 1;                    // discriminator steps per generator step
    double labelSmoothing = 0.1;           // one-sided: real targets become 1 - this (bce, lsgan)
    double labelFlipProb = 0.0;            // chance that a sample's real/fake label is swapped for D
    double instanceNoise = 0.0;            // std dev of Gaussian noise added to D's inputs at start
    int instanceNoiseAnnealEpochs = 0;     // noise falls linearly to 0 over this many epochs (0 = constant)
    // run
    int epochs = 20;                       // passes over the dataset
    int batchSize = 64;                    // images per batch (the last partial batch is dropped)
    uint64_t seed = 42;                    // seeds weights, shuffling, noise: same seed, same run
    std::string device = "cpu";            // cpu | cuda | cuda:N
    std::string precision = "auto";        // auto | fp32 | tf32 | bf16 (engine/precision.h)
    int threads = 0;                       // CPU threads for the maths (0 = all cores)
    int checkpointEvery = 15;              // write a checkpoint every N epochs (0 = only at the end)
    int logEvery = 10;                     // steps per statistics event and metrics.csv row
    std::string onDivergence = "rollback"; // rollback | stop | pause when a loss diverges (Trainer)
    // quality score (quality/qualityscorer.h): FD, KID, precision, recall after epochs
    int scoreEvery = 1;                    // score every N epochs (0 = never); to runs/<name>/quality.csv
    int scoreSamples = 2000;               // generated images per score
    std::string featureNet;                // a TorchScript feature network ("" = GANvas's own classifier)

    // Problems a person can act on, one per bad field, ranges and choices as configFields()
    // gives them; empty if valid.
    std::vector<ConfigProblem> validate() const;
    std::string toJson() const;
    // Reads JSON; fields not present keep their defaults. Throws ConfigError naming the field
    // (unknown field, wrong type) and `origin` (a file name) in the message.
    static TrainingConfig fromJson(const std::string &json, const std::string &origin = "config");
    static TrainingConfig fromJsonFile(const std::string &path);
    // Overlays the fields present in `json` onto this config.
    void merge(const std::string &json, const std::string &origin = "config");
    // merge() with a file's text; throws ConfigError naming the file.
    void mergeFile(const std::string &path);
};

class ConfigError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace ganvas
