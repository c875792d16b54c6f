// Labelled corpora for `extortrace eval` and `extortrace train`.
//
// A label file is CSV with a header row. Columns (by name, any order; only
// path and label are required):
//   path      file, relative to the CSV's directory or absolute ("*.txt" files
//             are scanned as plain-text bodies, others as mail). A path ending
//             in "/" is a directory: every message under it gets the label.
//             "FILE.csv#id=N" is row N (column `id`) of a BitcoinAbuse export:
//             its `description` is scanned as a plain-text body.
//   label     extortion | clean | ignore (kept out of the metrics)
//   lang      language for per-language recall (else the detected one)
//   category  expected category (sextortion, corporate, data_leak, other)
//   currency, wallet  expected wallet (address must be among those found)
//   demand    expected demand "1490 USD" ("-" = none expected)
//   deadline  expected deadline in hours ("-" = none expected)
//   note      free text
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "mail/source.h"

namespace extortrace::eval {

struct LabelRow {
  std::string path;  // as written
  std::string label;
  std::string lang, category, currency, wallet, demand, deadline, note;
};

struct LabelledMessage {
  const LabelRow* row;  // owning row (several messages for a directory row)
  mail::RawMessage raw;
  bool plain_text = false;
};

struct LabelSet {
  std::deque<LabelRow> rows;  // deque: messages point into it
  std::vector<LabelledMessage> messages;
  std::vector<std::string> errors;  // unreadable rows/files
};

// Reads one label file and loads every message it names. `force_text` scans
// every file as a plain body.
void LoadLabels(const std::string& csv_path, bool force_text, LabelSet* out);

}  // namespace extortrace::eval
