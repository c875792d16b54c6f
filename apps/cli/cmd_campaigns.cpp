// extortrace campaigns : the campaign table from the store (clusters first).
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>

#include "commands.h"
#include "report/exports.h"
#include "report/model.h"
#include "store_url.h"

namespace extortrace::cli {
namespace {

struct CampaignsArgs {
  std::string db;
  bool json = false;
  size_t width = 0;
};

size_t TerminalWidth() {
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 60) {
    return ws.ws_col;
  }
  return 120;
}

int RunCampaigns(const CampaignsArgs& args) {
  std::string url = StoreUrl(args.db, StoreNeed::kRequired);
  auto store = store::Store::Open(url);
  if (!store) {
    std::fprintf(stderr, "extortrace: %s: cannot open the store: %s\n", url.c_str(),
                 store.error().ToString().c_str());
    return kExitInputError;
  }
  report::BuildOptions bo;
  bo.now_unix = static_cast<int64_t>(std::time(nullptr));
  bo.data_source = url;
  auto model = report::ClusterAndBuild(**store, bo);
  if (!model) {
    std::fprintf(stderr, "extortrace: %s: %s\n", url.c_str(), model.error().ToString().c_str());
    return kExitInternal;
  }
  std::string out =
      args.json ? report::RenderJson(*model)
                : report::RenderCampaignTable(*model, args.width ? args.width : TerminalWidth());
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace

Command RegisterCampaigns(CLI::App& app) {
  auto args = std::make_shared<CampaignsArgs>();
  CLI::App* sub = app.add_subcommand("campaigns", "Cluster stored messages and list the campaigns");
  sub->add_option("--db", args->db,
                  "Store URL: path.db, sqlite:path.db or postgresql://... "
                  "(default: $EXTORTRACE_DB, else extortrace.db)");
  sub->add_flag("--json", args->json, "Print the full JSON report instead of the table");
  sub->add_option("--width", args->width, "Table width in columns (default: the terminal's)");
  return {sub, [args] { return RunCampaigns(*args); }};
}

}  // namespace extortrace::cli
