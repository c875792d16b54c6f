// extortrace explain FILE : tells the recipient, in plain Japanese or
// English, whether a message is a bulk extortion scam and what to do.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "commands.h"
#include "explain/explain.h"
#include "mail/source.h"
#include "scan/engine.h"
#include "store/store.h"
#include "store_url.h"

namespace extortrace::cli {
namespace {

struct ExplainArgs {
  std::string path;
  std::string lang;
  std::string db;
  bool json = false;
};

int RunExplain(const ExplainArgs& args) {
  std::optional<explain::Lang> lang;
  if (!args.lang.empty()) {
    lang = explain::ParseLang(args.lang);
    if (!lang) {
      std::fprintf(stderr, "extortrace: --lang must be ja or en\n");
      return kExitUsage;
    }
  }
  std::optional<mail::RawMessage> first;
  bool read_error = false;
  mail::SourceOptions so;
  so.skip_non_mail = false;  // the user named this file: read it whatever it looks like
  mail::SourceCallbacks cb;
  cb.on_message = [&](mail::RawMessage&& m) {
    if (!first) first = std::move(m);
  };
  cb.on_error = [&](const Error& e) {
    read_error = true;
    std::fprintf(stderr, "extortrace: %s\n", e.context().c_str());
  };
  mail::ReadMessages({args.path}, so, cb);
  if (!first) {
    if (!read_error) std::fprintf(stderr, "extortrace: %s: no message found\n", args.path.c_str());
    return kExitInputError;
  }
  scan::Engine engine;
  scan::Analysis a = engine.Analyze(*first);
  explain::Context ctx;
  std::string db = StoreUrl(args.db, StoreNeed::kOptional);
  if (!db.empty()) {
    auto st = store::Store::Open(db);
    if (!st) {
      std::fprintf(stderr, "extortrace: %s: %s (explaining without it)\n", db.c_str(),
                   st.error().ToString().c_str());
    } else if (auto c = explain::ContextFromStore(**st, a.record); c) {
      ctx = std::move(*c);
    }
  }
  std::string from = a.message.from.empty() ? "" : a.message.from.front().email;
  explain::Explanation e = explain::Explain(a.record, {a.visible, from}, ctx,
                                            lang ? *lang : explain::DefaultLang(a.record));
  std::string out = args.json ? explain::RenderJson(e) + "\n" : explain::RenderText(e);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace

Command RegisterExplain(CLI::App& app) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* sub = app.add_subcommand(
      "explain", "Explain to the recipient whether a message is a bulk extortion scam");
  sub->add_option("file", args->path, "The message (.eml; - for standard input)")->required();
  sub->add_option("--lang", args->lang, "ja or en (default: the message's language)");
  sub->add_option("--db", args->db,
                  "Store to count other messages with the same wallet (default: $EXTORTRACE_DB)");
  sub->add_flag("--json", args->json, "Print JSON instead of text");
  return {sub, [args] { return RunExplain(*args); }};
}

}  // namespace extortrace::cli
