// extortrace: catch crypto-extortion mail and follow its money.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "commands.h"
#include "core/log.h"

int main(int argc, char** argv) {
  using namespace extortrace;
  CLI::App app{"extortrace: catch crypto-extortion mail and follow its money"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("extortrace 0.1.0"));
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "Log progress details to stderr");

  std::vector<cli::Command> commands = {
      cli::RegisterScan(app),  cli::RegisterDump(app),       cli::RegisterExplain(app),
      cli::RegisterServe(app), cli::RegisterMilter(app),     cli::RegisterEval(app),
      cli::RegisterTrain(app), cli::RegisterCampaigns(app),  cli::RegisterReport(app),
      cli::RegisterTrace(app), cli::RegisterWallet(app),     cli::RegisterFlow(app),
      cli::RegisterIndex(app), cli::RegisterExportGraph(app)};

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? cli::kExitOk : cli::kExitUsage;
  }
  if (verbose) SetLogLevel(LogLevel::kInfo);
  try {
    for (const cli::Command& c : commands) {
      if (c.sub->parsed()) return c.run();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "extortrace: internal error: %s\n", e.what());
    return cli::kExitInternal;
  }
  return cli::kExitUsage;
}
