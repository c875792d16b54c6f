// extortrace scan PATH... : classify and extract, one scan record per message.
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "campaign/cluster.h"
#include "commands.h"
#include "core/bytes.h"
#include "crypto/hash.h"
#include "progress.h"
#include "scan/pipeline.h"
#include "scan_table.h"
#include "store/batch_writer.h"
#include "store/store.h"
#include "store_url.h"

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
  std::string db;
};

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
  unsigned threads =
      args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  mail::SourceOptions so;
  so.plain_text = args.text;
  so.skip_non_mail = !args.all_files && !args.text;
  scan::EngineOptions eo;
  eo.plain_text = args.text;
  eo.decode_qr = !args.no_qr;
  scan::Engine engine(eo);

  std::string db_url = StoreUrl(args.db, StoreNeed::kOptional);
  std::unique_ptr<store::BatchWriter> writer;
  std::unordered_set<uint64_t> known;
  if (!db_url.empty()) {
    auto st = store::Store::Open(db_url);
    if (!st) {
      std::fprintf(stderr, "extortrace: %s: %s\n", db_url.c_str(), st.error().context().c_str());
      return kExitInputError;
    }
    auto keys = (*st)->KnownKeys();
    if (!keys) {
      std::fprintf(stderr, "extortrace: %s: %s\n", db_url.c_str(), keys.error().context().c_str());
      return kExitInputError;
    }
    known = std::move(*keys);
    writer = std::make_unique<store::BatchWriter>(std::move(*st));
  }

  Progress progress;
  std::mutex err_mu;
  uint64_t flagged = 0;
  std::string line;
  scan::PipelineCallbacks cb;
  bool store_failed = false;
  if (!known.empty()) {
    cb.skip = [&known](const mail::RawMessage& raw) {
      std::string sha = HexEncode(crypto::Sha256(AsBytes(raw.data)));
      return known.count(store::Store::Key(raw.source, raw.member, raw.index, sha)) > 0;
    };
  }
  if (args.table) {
    std::printf("%-32s %-9s %-10s %-3s %-48s %-12s %s\n", "MESSAGE", "VERDICT", "CATEGORY", "LNG",
                "WALLET", "DEMAND", "DEADLINE");
  }
  cb.on_record = [&](const record::ScanRecord& r) {
    if (args.table) {
      progress.Finish();
      PrintTableRow(r);
    }
    if (out != nullptr) {
      line = record::ToJson(r);
      line.push_back('\n');
      std::fwrite(line.data(), 1, line.size(), out);
    }
    if (r.verdict == record::Verdict::kExtortion) ++flagged;
    if (writer && !store_failed) {
      if (Status st = writer->Put(r); !st) {
        store_failed = true;
        std::fprintf(stderr, "extortrace: %s: cannot store: %s\n", db_url.c_str(),
                     st.error().context().c_str());
      }
    }
  };
  cb.on_error = [&](const Error& e) {
    std::lock_guard lock(err_mu);
    progress.Finish();
    std::fprintf(stderr, "extortrace: error: %s\n", e.context().c_str());
  };
  cb.on_progress = [&](const scan::PipelineStats& s, const record::ScanRecord& r) {
    std::lock_guard lock(err_mu);
    progress.Update(s.messages, s.bytes, flagged, r.source);
  };
  auto start = std::chrono::steady_clock::now();
  scan::PipelineStats stats = scan::RunPipeline(args.paths, so, engine, threads, cb);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress.Finish();
  std::string campaign_note;
  if (writer && !store_failed) {
    Status st = writer->Commit();
    if (st) {
      auto res = campaign::AssignCampaigns(writer->store(), {}, std::time(nullptr));
      if (!res) {
        st = Fail(res.error());
      } else {
        campaign_note = fmt::format(", {} stored in {} ({} joined campaigns, {} new)",
                                    stats.messages, db_url, res->assigned, res->new_campaigns);
        if (stats.already_done > 0) {
          campaign_note += fmt::format(", {} already stored", stats.already_done);
        }
      }
    }
    if (!st) {
      store_failed = true;
      std::fprintf(stderr, "extortrace: %s: %s\n", db_url.c_str(), st.error().context().c_str());
    }
  }
  bool write_failed = out != nullptr && std::ferror(out) != 0;
  if (out != nullptr && out != stdout) write_failed = std::fclose(out) != 0 || write_failed;
  std::fflush(stdout);
  if (!args.quiet) {
    std::fprintf(stderr,
                 "extortrace: scanned %llu messages (%.1f MB) in %.2f s: %llu extortion, "
                 "%llu files skipped (not mail), %llu unreadable%s\n",
                 static_cast<unsigned long long>(stats.messages), stats.bytes / 1e6, secs,
                 static_cast<unsigned long long>(flagged),
                 static_cast<unsigned long long>(stats.skipped),
                 static_cast<unsigned long long>(stats.errors), campaign_note.c_str());
  }
  if (write_failed) {
    std::fprintf(stderr, "extortrace: %s: write failed\n", args.jsonl.c_str());
    return kExitInputError;
  }
  if (store_failed) return kExitInputError;
  return stats.errors > 0 ? kExitInputError : kExitOk;
}

}  // namespace

Command RegisterScan(CLI::App& app) {
  auto args = std::make_shared<ScanArgs>();
  CLI::App* sub = app.add_subcommand(
      "scan", "Scan mail (files, folders, mbox, Maildir, archives, - for stdin)");
  sub->add_option("paths", args->paths, "Inputs to scan")->required();
  sub->add_option("--jsonl", args->jsonl,
                  "Write scan records as JSON lines to FILE (default: stdout)");
  sub->add_option("-j,--threads", args->threads, "Worker threads (default: all cores)");
  sub->add_flag("--text", args->text, "Inputs are plain message bodies, not RFC 822 mail");
  sub->add_flag("--all-files", args->all_files, "Scan files that do not look like mail too");
  sub->add_flag("--no-qr", args->no_qr, "Do not decode QR codes in images");
  sub->add_option("--db", args->db,
                  "Store records and campaigns in this SQLite file or postgresql:// URL "
                  "(default: $EXTORTRACE_DB; none: no store)");
  sub->add_flag("--table", args->table, "Print a table of verdicts on stdout");
  sub->add_flag("-q,--quiet", args->quiet, "No summary line on stderr");
  return {sub, [args] { return RunScan(*args); }};
}

}  // namespace extortrace::cli
