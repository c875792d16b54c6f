// extortrace scan PATH... : classify and extract, one scan record per message.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>
#include <cstdio>
#include <mutex>
#include <thread>

#include "commands.h"
#include "progress.h"
#include "scan/pipeline.h"

namespace extortrace::cli {
namespace {

struct ScanArgs {
  std::vector<std::string> paths;
  std::string jsonl = "-";
  unsigned threads = 0;
  bool text = false;
  bool all_files = false;
  bool no_qr = false;
  bool quiet = false;
  bool table = false;
};

// One human-readable line per message, for terminals and the demo.
void PrintTableRow(const scan::ScanRecord& r) {
  std::string name = r.source;
  size_t slash = name.rfind('/');
  if (slash != std::string::npos) name = name.substr(slash + 1);
  if (!r.member.empty()) name += ":" + r.member;
  if (r.index > 0 || name.find(".mbox") != std::string::npos) name += "#" + std::to_string(r.index);
  if (name.size() > 32) name = "..." + name.substr(name.size() - 29);
  std::string wallet = r.wallets.empty() ? "-" : r.wallets[0].currency + " " + r.wallets[0].address;
  if (wallet.size() > 48) wallet = wallet.substr(0, 45) + "...";
  std::string demand = "-";
  if (r.demand) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g %s", r.demand->amount, r.demand->currency.c_str());
    demand = buf;
  }
  std::string deadline = r.deadline_hours ? std::to_string(*r.deadline_hours) + "h" : "-";
  std::printf("%-32s %-9s %-10s %-3s %-48s %-12s %s\n", name.c_str(), r.verdict.c_str(),
              r.category.empty() ? "-" : r.category.c_str(), r.language.c_str(), wallet.c_str(),
              demand.c_str(), deadline.c_str());
}

int RunScan(const ScanArgs& args) {
  FILE* out = stdout;
  if (args.table && args.jsonl == "-") {
    out = nullptr;  // the table takes stdout
  } else if (args.jsonl != "-") {
    out = std::fopen(args.jsonl.c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "extortrace: %s: cannot write: %s\n", args.jsonl.c_str(),
                   std::strerror(errno));
      return kExitInputError;
    }
  }
  unsigned threads = args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  mail::SourceOptions so;
  so.plain_text = args.text;
  so.skip_non_mail = !args.all_files && !args.text;
  scan::EngineOptions eo;
  eo.plain_text = args.text;
  eo.decode_qr = !args.no_qr;
  scan::Engine engine(eo);

  Progress progress;
  std::mutex err_mu;
  uint64_t flagged = 0;
  std::string line;
  scan::PipelineCallbacks cb;
  if (args.table) {
    std::printf("%-32s %-9s %-10s %-3s %-48s %-12s %s\n", "MESSAGE", "VERDICT", "CATEGORY",
                "LNG", "WALLET", "DEMAND", "DEADLINE");
  }
  cb.on_record = [&](const scan::ScanRecord& r) {
    if (args.table) {
      progress.Finish();
      PrintTableRow(r);
    }
    if (out != nullptr) {
      line = scan::ToJson(r);
      line.push_back('\n');
      std::fwrite(line.data(), 1, line.size(), out);
    }
    if (r.verdict == "extortion") ++flagged;
  };
  cb.on_error = [&](const Error& e) {
    std::lock_guard lock(err_mu);
    progress.Finish();
    std::fprintf(stderr, "extortrace: error: %s\n", e.context().c_str());
  };
  cb.on_progress = [&](const scan::PipelineStats& s, const scan::ScanRecord& r) {
    std::lock_guard lock(err_mu);
    progress.Update(s.messages, s.bytes, flagged, r.source);
  };
  auto start = std::chrono::steady_clock::now();
  scan::PipelineStats stats = scan::RunPipeline(args.paths, so, engine, threads, cb);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress.Finish();
  bool write_failed = out != nullptr && std::ferror(out) != 0;
  if (out != nullptr && out != stdout) write_failed = std::fclose(out) != 0 || write_failed;
  std::fflush(stdout);
  if (!args.quiet) {
    std::fprintf(stderr,
                 "extortrace: scanned %llu messages (%.1f MB) in %.2f s: %llu extortion, "
                 "%llu files skipped (not mail), %llu unreadable\n",
                 static_cast<unsigned long long>(stats.messages), stats.bytes / 1e6, secs,
                 static_cast<unsigned long long>(flagged),
                 static_cast<unsigned long long>(stats.skipped),
                 static_cast<unsigned long long>(stats.errors));
  }
  if (write_failed) {
    std::fprintf(stderr, "extortrace: %s: write failed\n", args.jsonl.c_str());
    return kExitInputError;
  }
  return stats.errors > 0 ? kExitInputError : kExitOk;
}

}  // namespace

Command RegisterScan(CLI::App& app) {
  auto args = std::make_shared<ScanArgs>();
  CLI::App* sub = app.add_subcommand("scan", "Scan mail (files, folders, mbox, Maildir, archives, - for stdin)");
  sub->add_option("paths", args->paths, "Inputs to scan")->required();
  sub->add_option("--jsonl", args->jsonl,
                  "Write scan records as JSON lines to FILE (default: stdout)");
  sub->add_option("-j,--threads", args->threads, "Worker threads (default: all cores)");
  sub->add_flag("--text", args->text, "Inputs are plain message bodies, not RFC 822 mail");
  sub->add_flag("--all-files", args->all_files, "Scan files that do not look like mail too");
  sub->add_flag("--no-qr", args->no_qr, "Do not decode QR codes in images");
  sub->add_flag("--table", args->table, "Print a table of verdicts on stdout");
  sub->add_flag("-q,--quiet", args->quiet, "No summary line on stderr");
  return {sub, [args] { return RunScan(*args); }};
}

}  // namespace extortrace::cli
