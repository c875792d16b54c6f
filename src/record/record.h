// The scan record: the contract between the engine, the store, the HTTP API
// and the tests (see docs/scan-record.md). One record per message; fields may
// be added, existing ones keep their names and meaning.
//
// A leaf module (depends on core only): the engine fills records, the store
// keeps them, campaign statistics, reports and explanations read them back
// with FromJson, none of which needs the engine (decision 0015).
//
// Closed vocabularies are enums with a ToString/...FromString pair whose
// strings are the JSON spellings. Reason families stay strings: detection
// adds families often, and the record passes them through without knowing them.
// Plain values; no shared state; every function is thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace extortrace::record {

enum class Verdict { kClean, kExtortion };

// kNone is JSON null (a clean message has no category).
enum class Category { kNone, kSextortion, kCorporate, kDataLeak, kThreat, kOther };

// How a wallet had to be rebuilt; kNone (JSON null) when it was intact.
enum class Recovery {
  kNone,
  kZeroWidth,     // zero-width characters inside the address
  kConfusables,   // look-alike letters folded
  kNormalized,    // NFKC (full-width characters, ...)
  kSplitAddress,  // two fragments that validate only when joined
  kQrCode,        // decoded from an image attachment
  kGlued,         // glued to a word; the boundary that validates was found
};

// The JSON spellings: "clean", "extortion"; "" for Category::kNone and
// Recovery::kNone.
std::string_view ToString(Verdict v);
std::string_view ToString(Category c);
std::string_view ToString(Recovery r);
// Inverses of ToString; nullopt for a name they do not know.
std::optional<Verdict> VerdictFromString(std::string_view s);
std::optional<Category> CategoryFromString(std::string_view s);
std::optional<Recovery> RecoveryFromString(std::string_view s);

struct WalletFinding {
  std::string currency;  // "BTC", "LTC", "BCH", "ETH", "XMR"
  std::string address;
  std::string kind;  // "p2pkh", "p2wpkh", "p2tr", "eth", ...
  bool testnet = false;
  bool checksum_verified = true;  // false only for all-lowercase ETH
  Recovery recovered_from = Recovery::kNone;
  uint32_t offset = 0;  // byte offset in the normalized text (0 for QR codes)
};

struct Demand {
  double amount = 0;
  std::string currency;  // ISO 4217 or "BTC"
  std::string text;      // as written
};

struct Reason {
  std::string family;    // "payment_demand", "recording", ... (docs/detection.md)
  std::string evidence;  // the words matched, from the normalized text
  uint32_t offset = 0;   // byte offset in the visible text (before normalization)
};

struct SenderRecord {
  std::string ip;
  std::string country;
  bool self_sent = false;
  std::string auth;  // "spf=softfail dmarc=fail"
};

struct ScanRecord {
  std::string source;
  std::string member;  // path inside an archive, empty otherwise
  uint32_t index = 0;
  std::string message_id;
  std::string date;  // RFC 3339, or empty (null in JSON)
  int64_t date_unix = 0;
  Verdict verdict = Verdict::kClean;
  Category category = Category::kNone;
  double score = 0;
  std::string language = "und";
  std::string subject;
  std::vector<WalletFinding> wallets;
  std::optional<Demand> demand;
  std::optional<int> deadline_hours;
  std::string deadline_at;  // a deadline written as a day, RFC 3339; empty = null
  SenderRecord sender;
  std::vector<std::string> obfuscation;
  std::vector<Reason> reasons;
  std::string campaign;  // empty = null
  std::vector<std::string> anomalies;
  std::string content_hash;  // SHA-256 of the raw bytes, hex
  uint64_t size = 0;         // raw bytes
  std::string error;         // set when the message could not be scanned at all
  // Template signature (text/minhash.h, hex) of extortion messages, for
  // campaign clustering. Not part of the JSON record.
  std::string signature;
};

// One line of JSON, without a trailing newline.
std::string ToJson(const ScanRecord& r);

// Reads what ToJson wrote (a stored record). Lenient, as stored records of
// older versions may lack fields: a missing or mistyped field keeps its
// default, an unknown category reads as kOther, an unknown recovery as kNone.
// Fields ToJson does not write (date_unix, wallet offsets, signature) stay at
// their defaults. Fails only when `json` is not a JSON object.
Result<ScanRecord> FromJson(std::string_view json);

}  // namespace extortrace::record
