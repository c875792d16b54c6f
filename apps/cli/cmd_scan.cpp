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
};

int RunScan(const ScanArgs& args) {
  FILE* out = stdout;
  if (args.jsonl != "-") {
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
  cb.on_record = [&](const scan::ScanRecord& r) {
    line = scan::ToJson(r);
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), out);
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
  bool write_failed = std::ferror(out) != 0;
  if (out != stdout) write_failed = std::fclose(out) != 0 || write_failed;
  else std::fflush(out);
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
  sub->add_option("--jsonl", args->jsonl, "Write scan records as JSON lines to FILE (- for stdout)");
  sub->add_option("-j,--threads", args->threads, "Worker threads (default: all cores)");
  sub->add_flag("--text", args->text, "Inputs are plain message bodies, not RFC 822 mail");
  sub->add_flag("--all-files", args->all_files, "Scan files that do not look like mail too");
  sub->add_flag("--no-qr", args->no_qr, "Do not decode QR codes in images");
  sub->add_flag("-q,--quiet", args->quiet, "No summary line on stderr");
  return {sub, [args] { return RunScan(*args); }};
}

}  // namespace extortrace::cli
