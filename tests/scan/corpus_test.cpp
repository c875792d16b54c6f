// Runs the scan engine over the shared mail corpus (../shared/data/mail):
// every file is scanned without a crash, and every wallet listed in
// extortion/INDEX.csv is found in its message with the right currency.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/bytes.h"
#include "scan/engine.h"

namespace extortrace::scan {
namespace {
using record::ScanRecord;
using record::WalletFinding;
namespace fs = std::filesystem;

const fs::path kMail = fs::path(ET_SHARED_DIR) / "data" / "mail";

// Minimal RFC 4180 reader (quoted fields with "" escapes, newlines inside quotes).
std::vector<std::vector<std::string>> ReadCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field.push_back(c);
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

ScanRecord ScanFile(const Engine& engine, const fs::path& p) {
  auto data = ReadFile(p.string());
  EXPECT_TRUE(data.has_value()) << p;
  mail::RawMessage raw{p.string(), "", 0, data ? *data : std::string(), false};
  return engine.Scan(raw);
}

TEST(Corpus, EveryIndexedWalletIsFoundWithItsCurrency) {
  fs::path index = kMail / "extortion" / "INDEX.csv";
  if (!fs::exists(index)) GTEST_SKIP() << "../shared/data/mail absent: corpus test skipped";
  auto rows = ReadCsv(*ReadFile(index.string()));
  ASSERT_GT(rows.size(), 1u);
  const auto& head = rows[0];
  auto col = [&](const char* name) {
    return static_cast<size_t>(std::find(head.begin(), head.end(), name) - head.begin());
  };
  size_t c_file = col("file"), c_cur = col("wallet_currency"), c_addr = col("wallet_address");
  Engine engine;
  int checked = 0;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() <= c_addr || row[c_addr].empty()) continue;
    ScanRecord rec = ScanFile(engine, kMail / "extortion" / row[c_file]);
    bool found = false;
    for (const WalletFinding& w : rec.wallets) {
      if (w.address == row[c_addr]) {
        found = true;
        EXPECT_EQ(w.currency, row[c_cur]) << row[c_file];
      }
    }
    EXPECT_TRUE(found) << row[c_file] << ": wallet " << row[c_addr] << " not found";
    ++checked;
  }
  EXPECT_GE(checked, 10);
}

TEST(Corpus, EveryFileScansWithoutCrashAndValidUtf8Json) {
  if (!fs::exists(kMail)) GTEST_SKIP() << "../shared/data/mail absent: corpus test skipped";
  Engine engine;
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(kMail)) {
    if (!e.is_regular_file()) continue;
    ScanRecord rec = ScanFile(engine, e.path());
    std::string json = ToJson(rec);
    ASSERT_FALSE(json.empty());
    ASSERT_EQ(json.find('\n'), std::string::npos) << e.path();
    ++files;
  }
  EXPECT_GT(files, 9000u);
}

}  // namespace
}  // namespace extortrace::scan
