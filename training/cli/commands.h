#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <stdexcept>
#include <string>

namespace ganvas {

// Exit codes of ganvas-cli: a contract for scripts and tests.
enum ExitCode { kExitOk = 0, kExitFailure = 1, kExitBadInput = 2 };

// Bad input or usage found before running; main() prints it and exits with kExitBadInput.
class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct ConfigField;
struct TrainingConfig;

// Adds the field's option (--lr-g for lr_g) bound to its member of `config`, with the table's help.
CLI::Option *addConfigOption(CLI::App *sub, TrainingConfig &config, const ConfigField &field);
// The same for a field by its JSON name (the field must exist).
CLI::Option *addConfigOption(CLI::App *sub, TrainingConfig &config, const char *name);

// The whole command line, kept by main() for the launcher.
void setCommandLine(int argc, char **argv);
// `train --nproc N`: runs this command line (less --nproc) as N processes on this machine, ranks
// 0..N-1 meeting on a free port of 127.0.0.1, and waits for them; returns the first failing
// process's exit code (kExitFailure when one was killed), kExitOk when all succeed.
int launchLocalProcesses(int nproc);
// "rank R: " in a process of a run over several (the launcher's environment), else "".
std::string processPrefix();

// Each add*Command registers a subcommand and returns the action main() runs when it is chosen.
using CommandAction = std::function<int()>;
CommandAction addTrainCommand(CLI::App &app);
CommandAction addSampleCommand(CLI::App &app);
CommandAction addGifCommand(CLI::App &app);
CommandAction addBenchCommand(CLI::App &app);
CommandAction addDatasetsCommand(CLI::App &app);
CommandAction addScoreCommand(CLI::App &app);

} // namespace ganvas
