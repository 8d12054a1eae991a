#include "engine/trainingconfig.h"

#include "data/readlimits.h"
#include "engine/configfields.h"
#include "engine/presets.h"
#include "engine/shareddata.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ganvas {

using nlohmann::json;

namespace {

template <typename T>
void readField(const json &j, const char *name, T &out, const std::string &origin)
{
    const json &v = j.at(name);
    bool ok = false;
    if constexpr (std::is_same_v<T, std::string>)
        ok = v.is_string();
    else if constexpr (std::is_floating_point_v<T>)
        ok = v.is_number();
    else if constexpr (std::is_unsigned_v<T>)
        ok = v.is_number_unsigned() || (v.is_number_integer() && v.get<int64_t>() >= 0);
    else
        ok = v.is_number_integer();
    if (!ok) {
        const char *want = std::is_same_v<T, std::string> ? "a string"
                           : std::is_floating_point_v<T>  ? "a number"
                           : std::is_unsigned_v<T>        ? "a non-negative integer"
                                                          : "an integer";
        throw ConfigError(origin + ": field '" + name + "' must be " + want + " (got " + v.dump() + ")");
    }
    out = v.get<T>();
}

} // namespace

bool ConfigProblem::names(const std::string &name) const
{
    return field == name || std::find(others.begin(), others.end(), name) != others.end();
}

std::string ConfigProblem::text() const
{
    std::string fields = field;
    for (const auto &o : others)
        fields += "/" + o;
    return fields + ": " + message;
}

std::string problemsText(const std::vector<ConfigProblem> &problems, const std::string &separator)
{
    std::string all;
    for (const auto &p : problems)
        all += (all.empty() ? "" : separator) + p.text();
    return all;
}

std::vector<ConfigProblem> TrainingConfig::validate() const
{
    std::vector<ConfigProblem> problems;
    for (const auto &f : configFields())
        if (auto message = f.check(*this)) {
            ConfigProblem p{f.name, *message, {}};
            p.got = showFieldValue(f.get(*this));
            problems.push_back(p);
        }
    // A trick only some losses use is refused with another loss rather than silently unused;
    // the fields that share the rule are named together ("label_smoothing/label_flip_prob").
    const ConfigField *first = nullptr;
    ConfigProblem tricks;
    bool used = false;
    for (const auto &f : configFields()) {
        if (!f.refusedWithOtherLosses || f.appliesToLoss(loss))
            continue;
        // Set by the user to something that would act (not the default, not 0 = off).
        const FieldValue v = f.get(*this);
        const bool off = std::holds_alternative<double>(v) && std::get<double>(v) == 0;
        used = used || (v != f.defaultValue() && !off);
        if (first)
            tricks.others.emplace_back(f.name);
        else
            first = &f, tricks.field = f.name;
    }
    if (used) {
        std::string losses;
        for (size_t i = 0; i < first->losses.size(); ++i)
            losses += (i == 0 ? "" : i + 1 == first->losses.size() ? " and " : ", ") + first->losses[i];
        tricks.message = "only apply to the " + losses + " losses (loss is " + loss + ")";
        tricks.kind = ConfigProblem::Kind::OnlyWithLosses;
        tricks.losses = first->losses;
        tricks.got = loss;
        problems.push_back(tricks);
    }
    if (limit >= 1 && batchSize > limit) {
        ConfigProblem p{"batch_size",
                        "is larger than the " + std::to_string(limit) + " images that limit leaves (got " +
                            std::to_string(batchSize) + ")",
                        {}};
        p.kind = ConfigProblem::Kind::BatchOverLimit;
        p.limit = limit;
        p.got = std::to_string(batchSize);
        problems.push_back(p);
    }
    return problems;
}

std::string TrainingConfig::toJson() const
{
    json j;
    for (const auto &f : configFields())
        std::visit([&](auto m) { j[f.name] = this->*m; }, f.member);
    return j.dump(2);
}

void TrainingConfig::merge(const std::string &text, const std::string &origin)
{
    if (const std::string big = limits::tooLarge(text.size(), limits::kMaxConfigBytes, "settings"); !big.empty())
        throw ConfigError(origin + ": " + big);
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error &e) {
        throw ConfigError(origin + ": not valid JSON: " + e.what());
    } catch (const json::exception &e) {
        // A number too large for any C++ number (out_of_range 406), found by tests/fuzz.
        throw ConfigError(origin + ": not valid JSON for GANvas: " + e.what());
    }
    if (!j.is_object())
        throw ConfigError(origin + ": must hold a JSON object of settings");
    for (auto it = j.begin(); it != j.end(); ++it) {
        // Files written by the run directory carry the app version; it is not a setting.
        if (it.key() == "app_version" || it.key() == "preset")
            continue;
        if (!findConfigField(it.key()))
            throw ConfigError(origin + ": unknown field '" + it.key() + "'");
    }
    // "preset": a named recipe (engine/presets.h) first; the file's own fields then override it.
    if (j.contains("preset")) {
        if (!j["preset"].is_string())
            throw ConfigError(origin + ": preset: must be a preset's name, one of " + presetNames());
        try {
            applyPreset(j["preset"].get<std::string>(), *this);
        } catch (const ConfigError &e) {
            throw ConfigError(origin + ": " + e.what());
        }
    }
    for (const auto &f : configFields())
        if (j.contains(f.name))
            std::visit([&](auto m) { readField(j, f.name, this->*m, origin); }, f.member);
}

TrainingConfig TrainingConfig::fromJson(const std::string &text, const std::string &origin)
{
    TrainingConfig c;
    c.merge(text, origin);
    return c;
}

TrainingConfig TrainingConfig::fromJsonFile(const std::string &path)
{
    TrainingConfig c;
    c.mergeFile(path);
    return c;
}

void TrainingConfig::mergeFile(const std::string &given)
{
    // "quick-demo.json" alone is one of the shipped examples (/usr/share/ganvas/configs).
    const std::string path = findConfigFile(given);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::string looked;
        for (const std::string &dir : sharedDataDirs())
            looked += (looked.empty() ? "" : ", ") + dir + "/configs";
        throw ConfigError(path + ": cannot open the config file" +
                          (path.find('/') == std::string::npos ? " (nor is it an example in " + looked + ")" : ""));
    }
    if (const std::string big = limits::fileTooLarge(path, limits::kMaxConfigBytes, "config files"); !big.empty())
        throw ConfigError(path + ": " + big);
    std::stringstream s;
    s << in.rdbuf();
    merge(s.str(), path);
}

} // namespace ganvas
