// TrainingConfig JSON (engine/trainingconfig.h): the input is a config file's text. What
// parses must validate and write itself back as JSON that parses to the same settings.
#include "engine/trainingconfig.h"
#include "fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    try {
        const auto config = ganvas::TrainingConfig::fromJson(text, "fuzz");
        config.validate();
        const std::string again = config.toJson();
        if (ganvas::TrainingConfig::fromJson(again, "fuzz (written back)").toJson() != again)
            __builtin_trap(); // the written settings do not read back the same
    } catch (const ganvas::ConfigError &) {
    }
    return 0;
}
