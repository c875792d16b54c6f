// extortrace report : the research report and IOC exports (HTML, JSON, CSV,
// STIX 2.1, MISP) from the store, after bringing the campaigns up to date.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <memory>
#include <vector>

#include "commands.h"
#include "link/link.h"
#include "report/exports.h"
#include "report/html.h"
#include "report/misp.h"
#include "report/model.h"
#include "report/stix.h"
#include "store_url.h"

namespace extortrace::cli {
namespace {

struct ReportArgs {
  std::string db;
  std::string html, json, csv, csv_wallets, stix, misp;
  std::string tlp = "amber";
  std::string title;
  int64_t now = 0;
};

// Writes `text` to `path` ("-" for stdout); on failure names the file.
bool WriteOutput(const std::string& path, const char* what, const std::string& text) {
  if (path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return true;
  }
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  bool ok = f != nullptr && std::fwrite(text.data(), 1, text.size(), f) == text.size();
  int err = errno;
  if (f != nullptr && std::fclose(f) != 0 && ok) ok = false, err = errno;
  if (ok && std::rename(tmp.c_str(), path.c_str()) != 0) ok = false, err = errno;
  if (!ok) {
    std::remove(tmp.c_str());
    std::fprintf(stderr, "extortrace: %s: cannot write the %s: %s\n", path.c_str(), what,
                 std::strerror(err));
    return false;
  }
  return true;
}

int RunReport(const ReportArgs& args) {
  struct Output {
    const std::string& path;
    const char* what;
    std::function<std::string(const report::ReportModel&)> render;
  };
  const std::vector<Output> outputs = {
      {args.html, "HTML report", report::RenderHtml},
      {args.json, "JSON report", report::RenderJson},
      {args.csv, "campaign CSV", report::RenderCampaignCsv},
      {args.csv_wallets, "wallet CSV", report::RenderWalletCsv},
      {args.stix, "STIX bundle", report::RenderStix},
      {args.misp, "MISP event", [](const report::ReportModel& m) { return report::RenderMisp(m); }},
  };
  bool any = false;
  for (const Output& o : outputs) any = any || !o.path.empty();
  if (!any) {
    std::fprintf(stderr,
                 "extortrace: report: name at least one output: --html, --json, --csv, "
                 "--csv-wallets, --stix or --misp\n");
    return kExitUsage;
  }
  if (!report::IsTlpLevel(args.tlp)) {
    std::fprintf(stderr, "extortrace: report: --tlp must be clear, green, amber or red\n");
    return kExitUsage;
  }
  std::string url = StoreUrl(args.db, StoreNeed::kRequired);
  auto store = store::Store::Open(url);
  if (!store) {
    std::fprintf(stderr, "extortrace: %s: cannot open the store: %s\n", url.c_str(),
                 store.error().ToString().c_str());
    return kExitInputError;
  }
  report::BuildOptions bo;
  bo.now_unix = args.now ? args.now : static_cast<int64_t>(std::time(nullptr));
  bo.data_source = url;
  bo.tlp = args.tlp;
  auto model = report::ClusterAndBuild(**store, bo);
  if (!model) {
    std::fprintf(stderr, "extortrace: %s: %s\n", url.c_str(), model.error().ToString().c_str());
    return kExitInternal;
  }
  if (!args.title.empty()) model->title = args.title;
  // The follow-the-money section, when `extortrace trace` has run on this store.
  if (auto money = link::BuildMoneySection(**store); !money) {
    std::fprintf(stderr, "extortrace: %s: money section: %s\n", url.c_str(),
                 money.error().ToString().c_str());
  } else if (*money) {
    model->money = std::move(**money);
  }
  int status = kExitOk;
  for (const Output& o : outputs) {
    if (o.path.empty()) continue;
    if (!WriteOutput(o.path, o.what, o.render(*model))) status = kExitInputError;
  }
  std::fprintf(stderr, "extortrace: report: %lld extortion messages, %zu campaigns, %zu wallets\n",
               static_cast<long long>(model->overall.messages), model->campaigns.size(),
               model->wallets.size());
  return status;
}

}  // namespace

Command RegisterReport(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* sub = app.add_subcommand(
      "report", "Write the research report and indicator exports (any combination)");
  sub->add_option("--db", args->db,
                  "Store URL: path.db, sqlite:path.db or postgresql://... "
                  "(default: $EXTORTRACE_DB, else extortrace.db)");
  sub->add_option("--html", args->html, "Self-contained HTML report with charts");
  sub->add_option("--json", args->json, "Every campaign with members, wallets and statistics");
  sub->add_option("--csv", args->csv, "One row per campaign");
  sub->add_option("--csv-wallets", args->csv_wallets, "One row per wallet");
  sub->add_option("--stix", args->stix, "STIX 2.1 bundle (campaigns, wallet indicators)");
  sub->add_option("--misp", args->misp, "MISP event JSON (wallet attributes)");
  sub->add_option("--tlp", args->tlp, "TLP level: clear, green, amber (default) or red");
  sub->add_option("--title", args->title, "Report title");
  sub->add_option("--now", args->now,
                  "Report timestamp as Unix seconds (default: now; for reproducible output)")
      ->group("");
  return {sub, [args] { return RunReport(*args); }};
}

}  // namespace extortrace::cli
