#pragma once

#include "engine/trainingconfig.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ganvas {

// The one description of every TrainingConfig field: JSON name, label, help, range, whether
// it may change mid-run. The JSON reader and writer, validate(), the settings panel, the
// command line and the trainer's live changes all read this table, so they cannot drift apart.
// Labels, groups and help are English source strings marked for Qt's lupdate (context
// "TrainingConfig"); the GUI translates them, the command line prints them as they are.

enum class FieldKind { Text, Choice, Int, Real };

// When a new value may take effect.
enum class FieldChange {
    Live,    // mid-run, from the next step (Trainer::updateLiveSettings)
    Resume,  // when a run is continued from a checkpoint (ganvas-cli train --resume --epochs 80)
    Never,   // fixed by the checkpoint: data, model, loss, batch, seed
};

// A field's value, whatever the member's C++ type: every integer member reads as int64_t.
using FieldValue = std::variant<int64_t, double, std::string>;

using ConfigMember = std::variant<std::string TrainingConfig::*, int TrainingConfig::*, int64_t TrainingConfig::*,
                                  uint64_t TrainingConfig::*, double TrainingConfig::*>;

struct ConfigField
{
    const char *name = "";   // JSON name, e.g. "lr_g"
    ConfigMember member;
    FieldKind kind = FieldKind::Text;
    const char *group = "";  // source strings, translated in the GUI
    const char *label = "";
    const char *help = "";   // one line: tooltip and command-line help
    FieldChange change = FieldChange::Resume;

    // Int and Real: the allowed interval; an open end excludes the bound itself.
    double min = 0, max = 0;
    bool hasMax = true;
    bool minOpen = false, maxOpen = false;
    // One value outside [min, max] that is allowed too, with its meaning (limit: -1 = all images).
    std::optional<int64_t> special;
    const char *specialMeaning = "";
    const char *rangeNote = "";  // appended to the range message in brackets ("0 = all cores")
    int decimals = 0;            // Real: digits an editor shows

    // Choice: the values offered; validate() refuses others unless `accepts` allows them.
    std::vector<std::string> choices;
    bool editableChoice = false; // an editor may take values beyond the list (cuda:1)
    // A rule beyond range and choices (dataset: not empty; device: cuda:N), with its message.
    bool (*accepts)(const std::string &value) = nullptr;
    const char *rule = "";

    // Where the field matters; empty lists mean every loss / model (no field is model-specific
    // today; the list is there for one that will be).
    std::vector<std::string> losses;
    std::vector<std::string> models;
    bool imageFoldersOnly = false;
    // Set away from its default with another loss, the field is refused (not silently unused).
    bool refusedWithOtherLosses = false;

    bool cli = false; // offered by `ganvas-cli train` as --name-with-dashes
    // Rarely changed: the settings panel shows it only under "Show advanced settings".
    bool advanced = false;

    FieldValue get(const TrainingConfig &c) const;
    // Converts the value to the member's type (an int64_t into an int member, etc.).
    void set(TrainingConfig &c, const FieldValue &v) const;
    void copy(const TrainingConfig &from, TrainingConfig &to) const;
    FieldValue defaultValue() const { return get(TrainingConfig{}); }
    bool live() const { return change == FieldChange::Live; }
    bool appliesToLoss(const std::string &loss) const;
    bool appliesToModel(const std::string &model) const;
    // "--lr-g" for "lr_g".
    std::string cliOption() const;
    // The range or choice rule as validate() words it: "must be > 0 and < 1".
    std::string ruleText() const;
    // The message for a bad value of this field alone ("must be ... (got -1)"), or nothing.
    std::optional<std::string> check(const TrainingConfig &c) const;
};

// Every field, in the settings panel's and the help's order (config.json sorts its keys).
const std::vector<ConfigField> &configFields();
// The field of a JSON name, or nullptr.
const ConfigField *findConfigField(const std::string &name);

// "0.0001", "32", "\"mlp\"": a value as the messages quote it.
std::string showFieldValue(const FieldValue &v);
// "0.0001", "1e-08": a bound as the messages write it.
std::string showFieldNumber(double v);

} // namespace ganvas
