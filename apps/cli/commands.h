// Subcommands of the `extortrace` CLI. Each Register* function adds its
// subcommand to the app and returns it with a runner that main calls when the
// subcommand was chosen; the runner returns the process exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace extortrace::cli {

using Runner = std::function<int()>;

struct Command {
  CLI::App* sub;
  Runner run;
};

Command RegisterScan(CLI::App& app);
Command RegisterDump(CLI::App& app);
Command RegisterExplain(CLI::App& app);
Command RegisterServe(CLI::App& app);
Command RegisterMilter(CLI::App& app);
Command RegisterEval(CLI::App& app);
Command RegisterTrain(CLI::App& app);
Command RegisterCampaigns(CLI::App& app);
Command RegisterReport(CLI::App& app);
Command RegisterTrace(CLI::App& app);
Command RegisterWallet(CLI::App& app);
Command RegisterFlow(CLI::App& app);
Command RegisterIndex(CLI::App& app);
Command RegisterExportGraph(CLI::App& app);

// Exit codes shared by all subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 64;      // EX_USAGE
inline constexpr int kExitInputError = 2;  // some input could not be read
inline constexpr int kExitInternal = 70;   // EX_SOFTWARE

}  // namespace extortrace::cli
