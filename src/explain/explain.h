// Explanations for the person who received a message: is it a bulk
// extortion scam, what shows it, and what to do, in plain Japanese or
// English. Built from the scan record (and optionally the visible text and
// what the store knows), so the CLI (`extortrace explain`), the HTTP API
// (GET/POST /v1/explain) and the dashboard say the same thing.
//
// The tone is deliberately calm: the reader may be frightened. Every
// evidence line quotes the message itself, so the reader can check it.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "record/record.h"

namespace extortrace::store {
class Store;
}

namespace extortrace::explain {

enum class Lang { kEn, kJa };

std::optional<Lang> ParseLang(std::string_view s);  // "en", "ja"
std::string_view LangCode(Lang l);
// Japanese when the message is Japanese, English otherwise.
Lang DefaultLang(const record::ScanRecord& r);

// What other messages tell about this one (from the store; optional).
struct Context {
  // Per wallet address: other stored extortion messages naming it.
  std::vector<std::pair<std::string, int64_t>> wallet_messages;
  int64_t campaign_messages = -1;  // messages in the record's campaign, -1 unknown
};

// Fills a Context from the store: counts of other extortion messages per
// wallet of `r` and the size of its campaign, through the store's wallet and
// campaign indexes (a few indexed queries, not a walk over the messages).
Result<Context> ContextFromStore(store::Store& store, const record::ScanRecord& r);

struct Explanation {
  Lang lang = Lang::kEn;
  bool scam = false;
  std::string headline;
  std::string summary;
  std::vector<std::string> evidence;
  std::vector<std::string> advice;
  std::vector<std::string> report_to;
  std::string quoted_password;  // a password-like string the message quotes, if any
};

// Facts of the message beyond its record (from scan::Analysis); may be empty.
struct MessageText {
  std::string_view visible;  // visible text: to find a quoted password near the "proof" reason
  std::string_view from;     // From address, named when the message is self-sent
};

Explanation Explain(const record::ScanRecord& r, const MessageText& text, const Context& ctx,
                    Lang lang);

// Plain text for a terminal or a mail reply, wrapped at no fixed width.
std::string RenderText(const Explanation& e);
// JSON object {lang, scam, headline, summary, evidence[], advice[], report_to[]}.
std::string RenderJson(const Explanation& e);

// The password-like token the message quotes after a "your password is"
// phrase near `offset` in `visible`, or empty. Exposed for tests.
std::string FindQuotedPassword(std::string_view visible, size_t offset);

}  // namespace extortrace::explain
