// extortrace dump FILE : everything the engine sees in one message, for
// debugging a message or a rule.
#include <cstdio>
#include <memory>

#include "commands.h"
#include "core/bytes.h"
#include "mail/sender.h"
#include "scan/engine.h"

namespace extortrace::cli {
namespace {

struct DumpArgs {
  std::string path;
  bool text = false;
  bool json = false;
};

void Section(const char* title) { std::printf("\n== %s ==\n", title); }

int RunDump(const DumpArgs& args) {
  std::vector<mail::RawMessage> messages;
  mail::SourceOptions so;
  so.plain_text = args.text;
  so.skip_non_mail = false;
  int status = kExitOk;
  mail::SourceCallbacks cb;
  cb.on_message = [&](mail::RawMessage&& m) {
    if (messages.size() < 1000) messages.push_back(std::move(m));
  };
  cb.on_error = [&](const Error& e) {
    std::fprintf(stderr, "extortrace: error: %s\n", e.context().c_str());
    status = kExitInputError;
  };
  mail::ReadMessages({args.path}, so, cb);

  scan::EngineOptions eo;
  eo.plain_text = args.text;
  scan::Engine engine(eo);
  for (const mail::RawMessage& raw : messages) {
    scan::Analysis a = engine.Analyze(raw);
    if (args.json) {
      std::printf("%s\n", record::ToJson(a.record).c_str());
      continue;
    }
    const record::ScanRecord& r = a.record;
    std::printf("### %s%s%s #%u (%llu bytes)\n", r.source.c_str(), r.member.empty() ? "" : ":",
                r.member.c_str(), r.index, static_cast<unsigned long long>(r.size));
    if (!args.text) {
      Section("headers");
      for (const mail::Header& h : a.message.headers) {
        std::printf("%s: %s\n", h.name.c_str(), h.value.c_str());
      }
      Section("decoded");
      std::printf("subject:    %s\n", r.subject.c_str());
      std::printf("message-id: %s\n", r.message_id.c_str());
      std::printf("date:       %s\n", r.date.c_str());
      for (const mail::Address& f : a.message.from) {
        std::printf("from:       %s <%s>\n", f.name.c_str(), f.email.c_str());
      }
      for (const mail::Address& t : a.message.to) {
        std::printf("to:         %s <%s>\n", t.name.c_str(), t.email.c_str());
      }
      std::printf("sender ip:  %s\n", r.sender.ip.c_str());
      std::printf("auth:       %s\n", r.sender.auth.c_str());
      std::printf("self-sent:  %s\n", r.sender.self_sent ? "yes" : "no");
      Section("MIME tree");
      for (const mail::MimeNode& n : a.message.tree) {
        std::printf("%*s%s", n.depth * 2, "", n.content_type.c_str());
        if (!n.charset.empty()) std::printf("; charset=%s", n.charset.c_str());
        if (!n.encoding.empty()) std::printf("; %s", n.encoding.c_str());
        if (!n.filename.empty()) std::printf("; filename=\"%s\"", n.filename.c_str());
        if (!n.disposition.empty()) std::printf("; %s", n.disposition.c_str());
        std::printf(" (%zu bytes)\n", n.decoded_size);
      }
    }
    Section("visible text (normalized)");
    std::printf("%s\n", a.normalized.text.c_str());
    if (!a.hidden.empty()) {
      Section("hidden text");
      std::printf("%s\n", a.hidden.c_str());
    }
    Section("analysis");
    std::printf("language:    %s\n", r.language.c_str());
    std::printf("obfuscation:");
    for (const std::string& o : r.obfuscation) std::printf(" %s", o.c_str());
    std::printf("\nanomalies:  ");
    for (const std::string& an : r.anomalies) std::printf(" %s", an.c_str());
    std::printf(
        "\nnormalizer:  %u invisible removed, %u words rejoined, %u look-alikes folded, "
        "%u diacritic disguises%s\n",
        a.normalized.invisible_removed, a.normalized.words_rejoined,
        a.normalized.confusables_folded, a.normalized.diacritic_disguise,
        a.normalized.junk_words ? ", junk words" : "");
    Section("wallets");
    if (r.wallets.empty()) std::printf("(none)\n");
    for (const record::WalletFinding& w : r.wallets) {
      std::printf("%s %s %s%s%s%s\n", w.currency.c_str(), w.kind.c_str(), w.address.c_str(),
                  w.testnet ? " [testnet]" : "",
                  w.recovered_from == record::Recovery::kNone ? "" : " recovered from ",
                  std::string(record::ToString(w.recovered_from)).c_str());
    }
    std::printf("\n");
  }
  return status;
}

}  // namespace

Command RegisterDump(CLI::App& app) {
  auto args = std::make_shared<DumpArgs>();
  CLI::App* sub = app.add_subcommand("dump", "Show what the engine sees in a message");
  sub->add_option("file", args->path, "Message file, mbox or archive (- for stdin)")->required();
  sub->add_flag("--text", args->text, "The input is a plain body, not RFC 822 mail");
  sub->add_flag("--json", args->json, "Print the scan record instead");
  return {sub, [args] { return RunDump(*args); }};
}

}  // namespace extortrace::cli
