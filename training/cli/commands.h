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

// Each add*Command registers a subcommand and returns the action main() runs when it is chosen.
using CommandAction = std::function<int()>;
CommandAction addTrainCommand(CLI::App &app);
CommandAction addSampleCommand(CLI::App &app);
CommandAction addGifCommand(CLI::App &app);
CommandAction addBenchCommand(CLI::App &app);
CommandAction addDatasetsCommand(CLI::App &app);

} // namespace ganvas
