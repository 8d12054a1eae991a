#include "engine/configfields.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>
#include <type_traits>

// Qt's lupdate collects the strings wrapped in this macro (context "TrainingConfig") for the
// GUI's translations; the engine has no Qt, so here the macro is the string itself.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, text) text
#endif

namespace ganvas {

namespace {

// One table entry, said one property at a time so the table reads as data.
struct Entry
{
    ConfigField f;
    Entry(const char *group, const char *name, ConfigMember member, FieldKind kind, const char *label,
          const char *help)
    {
        f.group = group;
        f.name = name;
        f.member = member;
        f.kind = kind;
        f.label = label;
        f.help = help;
    }
    Entry &range(double lo, double hi) { f.min = lo, f.max = hi; return *this; }
    Entry &atLeast(double lo) { f.min = lo, f.hasMax = false; return *this; }
    Entry &open(bool lo, bool hi) { f.minOpen = lo, f.maxOpen = hi; return *this; }
    Entry &special(int64_t v, const char *meaning) { f.special = v, f.specialMeaning = meaning; return *this; }
    Entry &note(const char *n) { f.rangeNote = n; return *this; }
    Entry &decimals(int d) { f.decimals = d; return *this; }
    Entry &choices(std::vector<std::string> c) { f.choices = std::move(c); return *this; }
    Entry &editable() { f.editableChoice = true; return *this; }
    Entry &rule(bool (*accepts)(const std::string &), const char *text)
    {
        f.accepts = accepts, f.rule = text;
        return *this;
    }
    Entry &live() { f.change = FieldChange::Live; return *this; }
    Entry &fixed() { f.change = FieldChange::Never; return *this; }
    Entry &onlyLosses(std::vector<std::string> l, bool refusedOtherwise)
    {
        f.losses = std::move(l), f.refusedWithOtherLosses = refusedOtherwise;
        return *this;
    }
    Entry &imageFolders() { f.imageFoldersOnly = true; return *this; }
    Entry &cli() { f.cli = true; return *this; }
    Entry &advanced() { f.advanced = true; return *this; }
    operator ConfigField() const { return f; }
};

bool notEmpty(const std::string &s) { return !s.empty(); }
bool isDevice(const std::string &s) { return s == "cpu" || s == "cuda" || s.rfind("cuda:", 0) == 0; }

using C = TrainingConfig;
using K = FieldKind;

const char *const kData = QT_TRANSLATE_NOOP("TrainingConfig", "Data");
const char *const kModel = QT_TRANSLATE_NOOP("TrainingConfig", "Model");
const char *const kLoss = QT_TRANSLATE_NOOP("TrainingConfig", "Loss");
const char *const kOptimisers = QT_TRANSLATE_NOOP("TrainingConfig", "Optimisers");
const char *const kTricks = QT_TRANSLATE_NOOP("TrainingConfig", "Tricks");
const char *const kRun = QT_TRANSLATE_NOOP("TrainingConfig", "Run");
const char *const kQuality = QT_TRANSLATE_NOOP("TrainingConfig", "Quality score");

// The data, the model and the loss.
std::vector<ConfigField> dataModelLossFields()
{
    return {
        Entry(kData, "dataset", &C::dataset, K::Text, QT_TRANSLATE_NOOP("TrainingConfig", "Dataset"),
              QT_TRANSLATE_NOOP("TrainingConfig", "fashion-mnist, mnist, cifar10, or a folder holding IDX files, "
                                                  "CIFAR-10 batches or PNG/JPEG images (searched recursively)."))
            .rule(notEmpty, QT_TRANSLATE_NOOP("TrainingConfig", "must name a dataset or a folder")).fixed().cli(),
        Entry(kData, "data_dir", &C::dataDir, K::Text, QT_TRANSLATE_NOOP("TrainingConfig", "Data folder"),
              QT_TRANSLATE_NOOP("TrainingConfig",
                                "Where named datasets are looked for first (empty: the standard folders)."))
            .cli(),
        Entry(kData, "limit", &C::limit, K::Int, QT_TRANSLATE_NOOP("TrainingConfig", "Limit"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Train on only the first K images (-1: all of them)."))
            .atLeast(1).special(-1, QT_TRANSLATE_NOOP("TrainingConfig", "All images")).fixed().cli(),
        Entry(kData, "image_size", &C::imageSize, K::Choice, QT_TRANSLATE_NOOP("TrainingConfig", "Image size"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Image folders only: pictures are centre-cropped to a square "
                                                  "and resized to this side."))
            .choices({"28", "32", "64"}).note(QT_TRANSLATE_NOOP("TrainingConfig", "the side of image-folder pictures after resizing"))
            .imageFolders().fixed().cli().advanced(),
        Entry(kData, "image_channels", &C::imageChannels, K::Choice,
              QT_TRANSLATE_NOOP("TrainingConfig", "Image channels"),
              QT_TRANSLATE_NOOP("TrainingConfig",
                                "Image folders only: 1 grey, 3 colour, 0 grey only if every picture is grey."))
            .choices({"0", "1", "3"}).note(QT_TRANSLATE_NOOP("TrainingConfig", "1 grey, 3 colour, 0 grey if every image is grey"))
            .imageFolders().fixed().cli().advanced(),
        Entry(kModel, "model", &C::model, K::Choice, QT_TRANSLATE_NOOP("TrainingConfig", "Model"),
              QT_TRANSLATE_NOOP("TrainingConfig", "mlp is the seed's fully connected pair; dcgan is convolutional."))
            .choices({"mlp", "dcgan"}).fixed().cli(),
        Entry(kModel, "latent_size", &C::latentSize, K::Int, QT_TRANSLATE_NOOP("TrainingConfig", "Latent size"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Length of the noise vector the generator turns into an image."))
            .range(1, 4096).fixed().cli().advanced(),
        Entry(kLoss, "loss", &C::loss, K::Choice, QT_TRANSLATE_NOOP("TrainingConfig", "Loss"),
              QT_TRANSLATE_NOOP("TrainingConfig", "The adversarial objective; D always outputs logits."))
            .choices({"bce", "lsgan", "hinge", "wgan-gp"}).fixed().cli(),
        Entry(kLoss, "gp_weight", &C::gpWeight, K::Real, QT_TRANSLATE_NOOP("TrainingConfig", "GP weight"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Weight of WGAN-GP's gradient penalty (used with wgan-gp only)."))
            .range(0, 10000).decimals(2).onlyLosses({"wgan-gp"}, false),
    };
}

// The two Adam optimisers and the learning-rate decay.
std::vector<ConfigField> optimiserFields()
{
    return {
        Entry(kOptimisers, "lr_g", &C::lrG, K::Real, QT_TRANSLATE_NOOP("TrainingConfig", "Learning rate G"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Adam step size of the generator; takes effect at the next step."))
            .range(0, 1).open(true, true).decimals(6).live().cli(),
        Entry(kOptimisers, "lr_d", &C::lrD, K::Real, QT_TRANSLATE_NOOP("TrainingConfig", "Learning rate D"),
              QT_TRANSLATE_NOOP("TrainingConfig",
                                "Adam step size of the discriminator; takes effect at the next step."))
            .range(0, 1).open(true, true).decimals(6).live().cli(),
        Entry(kOptimisers, "beta1_g", &C::beta1G, K::Real, QT_TRANSLATE_NOOP("TrainingConfig", "Beta1 G"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Adam's momentum of the generator (0.5 is common for GANs)."))
            .range(0, 1).open(false, true).decimals(4),
        Entry(kOptimisers, "beta2_g", &C::beta2G, K::Real, QT_TRANSLATE_NOOP("TrainingConfig", "Beta2 G"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Adam's second-moment decay of the generator."))
            .range(0, 1).open(false, true).decimals(4).advanced(),
        Entry(kOptimisers, "beta1_d", &C::beta1D, K::Real, QT_TRANSLATE_NOOP("TrainingConfig", "Beta1 D"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Adam's momentum of the discriminator."))
            .range(0, 1).open(false, true).decimals(4),
        Entry(kOptimisers, "beta2_d", &C::beta2D, K::Real, QT_TRANSLATE_NOOP("TrainingConfig", "Beta2 D"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Adam's second-moment decay of the discriminator."))
            .range(0, 1).open(false, true).decimals(4).advanced(),
        Entry(kOptimisers, "lr_decay", &C::lrDecay, K::Choice, QT_TRANSLATE_NOOP("TrainingConfig", "LR decay"),
              QT_TRANSLATE_NOOP("TrainingConfig",
                                "none, linear (to zero at the last epoch) or exponential per epoch."))
            .choices({"none", "linear", "exponential"}).advanced(),
        Entry(kOptimisers, "lr_decay_gamma", &C::lrDecayGamma, K::Real,
              QT_TRANSLATE_NOOP("TrainingConfig", "Decay factor"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Per-epoch factor of exponential decay."))
            .range(0, 1).open(true, false).decimals(3).advanced(),
    };
}

// The training tricks of the seed's FAQ.
std::vector<ConfigField> trickFields()
{
    return {
        Entry(kTricks, "d_steps_per_g", &C::dStepsPerG, K::Int, QT_TRANSLATE_NOOP("TrainingConfig", "D steps per G"),
              QT_TRANSLATE_NOOP("TrainingConfig",
                                "Discriminator updates per generator update (5 is usual for WGAN)."))
            .range(1, 100).advanced(),
        Entry(kTricks, "label_smoothing", &C::labelSmoothing, K::Real,
              QT_TRANSLATE_NOOP("TrainingConfig", "Label smoothing"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Real targets become 1 minus this (one-sided; bce and lsgan)."))
            .range(0, 0.5).open(false, true).decimals(2).onlyLosses({"bce", "lsgan"}, true).live(),
        Entry(kTricks, "label_flip_prob", &C::labelFlipProb, K::Real,
              QT_TRANSLATE_NOOP("TrainingConfig", "Label flipping"),
              QT_TRANSLATE_NOOP("TrainingConfig",
                                "Chance that a sample's real/fake label is swapped for D (bce and lsgan)."))
            .range(0, 0.5).open(false, true).decimals(2).onlyLosses({"bce", "lsgan"}, true).live().advanced(),
        Entry(kTricks, "instance_noise", &C::instanceNoise, K::Real,
              QT_TRANSLATE_NOOP("TrainingConfig", "Instance noise"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Std dev of Gaussian noise added to every image D sees."))
            .range(0, 2).decimals(3).live().advanced(),
        Entry(kTricks, "instance_noise_anneal_epochs", &C::instanceNoiseAnnealEpochs, K::Int,
              QT_TRANSLATE_NOOP("TrainingConfig", "Noise anneal epochs"),
              QT_TRANSLATE_NOOP("TrainingConfig",
                                "The noise falls linearly to zero over this many epochs (0: constant)."))
            .atLeast(0).live().advanced(),
    };
}

// The run: its length, batches, seed, device and what it writes.
std::vector<ConfigField> runFields()
{
    return {
        Entry(kRun, "epochs", &C::epochs, K::Int, QT_TRANSLATE_NOOP("TrainingConfig", "Epochs"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Passes over the dataset (when resuming: the new total)."))
            .range(1, 100000).cli(),
        Entry(kRun, "batch_size", &C::batchSize, K::Int, QT_TRANSLATE_NOOP("TrainingConfig", "Batch size"),
              QT_TRANSLATE_NOOP("TrainingConfig",
                                "Images per step (the last partial batch of an epoch is dropped)."))
            .range(1, 65536).fixed().cli(),
        Entry(kRun, "seed", &C::seed, K::Int, QT_TRANSLATE_NOOP("TrainingConfig", "Seed"),
              QT_TRANSLATE_NOOP("TrainingConfig",
                                "Fixes weights, shuffling and noise: the same seed gives the same run."))
            .atLeast(0).fixed().cli().advanced(),
        Entry(kRun, "device", &C::device, K::Choice, QT_TRANSLATE_NOOP("TrainingConfig", "Device"),
              QT_TRANSLATE_NOOP("TrainingConfig", "cpu, or cuda (cuda:N for GPU N) with a CUDA build of libtorch."))
            .choices({"cpu", "cuda"}).editable().rule(isDevice, QT_TRANSLATE_NOOP("TrainingConfig", "must be cpu, cuda or cuda:N")).cli().advanced(),
        Entry(kRun, "precision", &C::precision, K::Choice, QT_TRANSLATE_NOOP("TrainingConfig", "Precision"),
              QT_TRANSLATE_NOOP("TrainingConfig",
                                "The arithmetic of the matrix products: auto (TF32 on a GPU; bf16 on CPUs where it is faster: "
                                "AMX, or AVX512-BF16 on AMD; fp32 on other CPUs), fp32, "
                                "tf32 (GPUs from Ampere on) or bf16 (GPUs, and CPUs with AVX512-BF16 or AMX; "
                                "slower than fp32 on Intel CPUs without AMX). "
                                "Weights and checkpoints stay float32."))
            .choices({"auto", "fp32", "tf32", "bf16"}).cli().advanced(),
        Entry(kRun, "threads", &C::threads, K::Int, QT_TRANSLATE_NOOP("TrainingConfig", "Threads"),
              QT_TRANSLATE_NOOP("TrainingConfig", "CPU threads for the maths (0: all cores)."))
            .range(0, 1024).note(QT_TRANSLATE_NOOP("TrainingConfig", "0 = all cores")).cli().advanced(),
        Entry(kRun, "checkpoint_every", &C::checkpointEvery, K::Int,
              QT_TRANSLATE_NOOP("TrainingConfig", "Checkpoint every"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Write a checkpoint every N epochs (0: only at the end)."))
            .atLeast(0).note(QT_TRANSLATE_NOOP("TrainingConfig", "0 = only at the end")).cli().advanced(),
        Entry(kRun, "log_every", &C::logEvery, K::Int, QT_TRANSLATE_NOOP("TrainingConfig", "Log every"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Steps per plotted point and metrics.csv row."))
            .range(1, 100000).cli().advanced(),
        Entry(kRun, "on_divergence", &C::onDivergence, K::Choice,
              QT_TRANSLATE_NOOP("TrainingConfig", "On divergence"),
              QT_TRANSLATE_NOOP("TrainingConfig", "When a loss becomes inf/NaN or explodes: rollback (to the last "
                                                  "healthy epoch, learning rates halved), stop or pause."))
            .choices({"rollback", "stop", "pause"}).cli().advanced(),
    };
}

// How often the generator is scored, and with what.
std::vector<ConfigField> qualityFields()
{
    return {
        Entry(kQuality, "score_every", &C::scoreEvery, K::Int, QT_TRANSLATE_NOOP("TrainingConfig", "Score every"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Measure FD, KID, precision and recall every N epochs "
                                                  "(0: never); written to quality.csv."))
            .range(0, 100000).note(QT_TRANSLATE_NOOP("TrainingConfig", "0 = never")).live().cli(),
        Entry(kQuality, "score_samples", &C::scoreSamples, K::Int,
              QT_TRANSLATE_NOOP("TrainingConfig", "Score samples"),
              QT_TRANSLATE_NOOP("TrainingConfig", "Generated images per score: more is steadier and slower "
                                                  "(papers use 10000)."))
            .range(200, 10000).live().cli().advanced(),
        Entry(kQuality, "feature_net", &C::featureNet, K::Text, QT_TRANSLATE_NOOP("TrainingConfig", "Feature network"),
              QT_TRANSLATE_NOOP("TrainingConfig", "A TorchScript file mapping images to features (empty: GANvas's "
                                                  "own classifier for the dataset)."))
            .cli().advanced(),
    };
}

// Every field, group by group, in the order the panel shows them.
std::vector<ConfigField> makeTable()
{
    std::vector<ConfigField> table;
    for (auto group : {dataModelLossFields, optimiserFields, trickFields, runFields, qualityFields})
        for (ConfigField &f : group())
            table.push_back(std::move(f));
    return table;
}

std::string lowerFirst(std::string text)
{
    if (!text.empty())
        text[0] = char(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

std::string showNumber(double v)
{
    if (v == 0)
        v = 0; // "-0" is not a number anyone typed
    std::ostringstream s;
    s << v;
    return s.str();
}

// "a", "a or b", "a, b or c".
std::string listed(const std::vector<std::string> &items, const char *last)
{
    std::string out;
    for (size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? std::string(" ") + last + " " : ", ") + items[i];
    return out;
}

std::string plain(const FieldValue &v)
{
    if (const auto *s = std::get_if<std::string>(&v))
        return *s;
    if (const auto *i = std::get_if<int64_t>(&v))
        return std::to_string(*i);
    return showNumber(std::get<double>(v));
}

} // namespace

const std::vector<ConfigField> &configFields()
{
    static const std::vector<ConfigField> table = makeTable();
    return table;
}

const ConfigField *findConfigField(const std::string &name)
{
    for (const auto &f : configFields())
        if (name == f.name)
            return &f;
    return nullptr;
}

std::string showFieldNumber(double v)
{
    return showNumber(v);
}

std::string showFieldValue(const FieldValue &v)
{
    if (const auto *s = std::get_if<std::string>(&v))
        return "\"" + *s + "\"";
    return plain(v);
}

FieldValue ConfigField::get(const TrainingConfig &c) const
{
    return std::visit(
        [&](auto m) -> FieldValue {
            using T = std::decay_t<decltype(c.*m)>;
            if constexpr (std::is_same_v<T, std::string>)
                return c.*m;
            else if constexpr (std::is_floating_point_v<T>)
                return double(c.*m);
            else
                return static_cast<int64_t>(c.*m);
        },
        member);
}

void ConfigField::set(TrainingConfig &c, const FieldValue &v) const
{
    std::visit(
        [&](auto m) {
            using T = std::decay_t<decltype(c.*m)>;
            if constexpr (std::is_same_v<T, std::string>)
                c.*m = plain(v);
            else if (const auto *d = std::get_if<double>(&v))
                c.*m = std::is_floating_point_v<T> ? T(*d) : T(std::llround(*d));
            else if (const auto *i = std::get_if<int64_t>(&v))
                c.*m = static_cast<T>(*i);
            else
                c.*m = static_cast<T>(std::stod(std::get<std::string>(v)));
        },
        member);
}

void ConfigField::copy(const TrainingConfig &from, TrainingConfig &to) const
{
    std::visit([&](auto m) { to.*m = from.*m; }, member);
}

bool ConfigField::appliesToLoss(const std::string &loss) const
{
    return losses.empty() || std::find(losses.begin(), losses.end(), loss) != losses.end();
}

bool ConfigField::appliesToModel(const std::string &model) const
{
    return models.empty() || std::find(models.begin(), models.end(), model) != models.end();
}

std::string ConfigField::cliOption() const
{
    std::string option = std::string("--") + name;
    std::replace(option.begin(), option.end(), '_', '-');
    return option;
}

std::string ConfigField::ruleText() const
{
    if (*rule)
        return rule;
    const std::string noted = *rangeNote ? std::string(" (") + rangeNote + ")" : "";
    if (kind == FieldKind::Choice)
        return "must be " + listed(choices, "or") + noted;
    if (kind == FieldKind::Text)
        return {};
    const std::string lo = showNumber(min), hi = showNumber(max);
    std::string r;
    if (special)
        r = std::to_string(*special) + " (" + lowerFirst(specialMeaning) + ") or " + (hasMax ? lo + " to " + hi : "at least " + lo);
    else if (!hasMax)
        r = (minOpen ? "> " : ">= ") + lo;
    else if (minOpen && maxOpen)
        r = "> " + lo + " and < " + hi;
    else if (minOpen || maxOpen)
        r = std::string("in ") + (minOpen ? "(" : "[") + lo + ", " + hi + (maxOpen ? ")" : "]");
    else
        r = lo + " to " + hi;
    return "must be " + r + noted;
}

std::optional<std::string> ConfigField::check(const TrainingConfig &c) const
{
    const FieldValue v = get(c);
    bool ok = true;
    if (accepts) {
        ok = accepts(plain(v));
    } else if (kind == FieldKind::Choice) {
        ok = std::find(choices.begin(), choices.end(), plain(v)) != choices.end();
    } else if (kind == FieldKind::Int || kind == FieldKind::Real) {
        // An unsigned member (seed) is read as itself, not through int64_t, so it is never negative.
        const double x = std::visit(
            [&](auto m) -> double {
                if constexpr (std::is_same_v<std::decay_t<decltype(c.*m)>, std::string>)
                    return 0;
                else
                    return double(c.*m);
            },
            member);
        const bool aboveMin = minOpen ? x > min : x >= min;
        const bool belowMax = !hasMax || (maxOpen ? x < max : x <= max);
        ok = (aboveMin && belowMax) || (special && x == double(*special));
    }
    if (ok)
        return std::nullopt;
    return ruleText() + " (got " + showFieldValue(v) + ")";
}

} // namespace ganvas
