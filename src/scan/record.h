// The scan record: the contract between the engine, the store, the HTTP API
// and the tests (see docs/scan-record.md). One record per message; fields may
// be added, existing ones keep their names and meaning.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace extortrace::scan {

struct WalletFinding {
  std::string currency;        // "BTC", "LTC", "BCH", "ETH", "XMR"
  std::string address;
  std::string kind;            // "p2pkh", "p2wpkh", "p2tr", "eth", ...
  bool testnet = false;
  bool checksum_verified = true;  // false only for all-lowercase ETH
  std::string recovered_from;  // "", "zero-width", "confusables", "split-address", "qr-code", ...
  uint32_t offset = 0;         // byte offset in the normalized text (0 for QR codes)
};

struct Demand {
  double amount = 0;
  std::string currency;  // ISO 4217 or "BTC"
  std::string text;      // as written
};

struct Reason {
  std::string family;    // "payment_demand", "recording", ...
  std::string evidence;  // the words matched, from the normalized text
  uint32_t offset = 0;   // byte offset in the visible text (before normalization)
};

struct SenderRecord {
  std::string ip;
  std::string country;
  bool self_sent = false;
  std::string auth;      // "spf=softfail dmarc=fail"
};

struct ScanRecord {
  std::string source;
  std::string member;    // path inside an archive, empty otherwise
  uint32_t index = 0;
  std::string message_id;
  std::string date;      // RFC 3339, or empty (null in JSON)
  int64_t date_unix = 0;
  std::string verdict = "clean";
  std::string category;  // empty = null
  double score = 0;
  std::string language = "und";
  std::string subject;
  std::vector<WalletFinding> wallets;
  std::optional<Demand> demand;
  std::optional<int> deadline_hours;
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

}  // namespace extortrace::scan
