#include "eval/labels.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/csv.h"

namespace extortrace::eval {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return std::nullopt;
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Cache of parsed BitcoinAbuse exports: path -> id -> description.
std::map<std::string, std::string>* AbuseRows(const std::string& path) {
  static std::map<std::string, std::map<std::string, std::string>> cache;
  auto it = cache.find(path);
  if (it != cache.end()) return &it->second;
  auto& rows = cache[path];
  std::optional<std::string> data = ReadFile(path);
  if (!data) return &rows;
  std::vector<CsvRow> csv = ParseCsvRows(*data);
  if (csv.empty()) return &rows;
  int id_col = -1, desc_col = -1;
  for (size_t i = 0; i < csv[0].size(); ++i) {
    if (csv[0][i] == "id") id_col = static_cast<int>(i);
    if (csv[0][i] == "description") desc_col = static_cast<int>(i);
  }
  if (id_col < 0 || desc_col < 0) return &rows;
  for (size_t r = 1; r < csv.size(); ++r) {
    if (csv[r].size() > static_cast<size_t>(std::max(id_col, desc_col))) {
      rows[csv[r][id_col]] = csv[r][desc_col];
    }
  }
  return &rows;
}

}  // namespace

void LoadLabels(const std::string& csv_path, bool force_text, LabelSet* out) {
  std::optional<std::string> data = ReadFile(csv_path);
  if (!data) {
    out->errors.push_back(csv_path + ": cannot read label file");
    return;
  }
  std::vector<CsvRow> csv = ParseCsvRows(*data);
  if (csv.empty()) return;
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < csv[0].size(); ++i) col[csv[0][i]] = i;
  if (!col.count("path") || !col.count("label")) {
    out->errors.push_back(csv_path + ": needs columns path,label");
    return;
  }
  auto get = [&](const std::vector<std::string>& r, const char* name) -> std::string {
    auto it = col.find(name);
    return it != col.end() && it->second < r.size() ? r[it->second] : std::string();
  };
  const fs::path base = fs::path(csv_path).parent_path();
  size_t first_row = out->rows.size();
  for (size_t r = 1; r < csv.size(); ++r) {
    if (csv[r].empty() || (csv[r].size() == 1 && csv[r][0].empty())) continue;
    if (!csv[r][0].empty() && csv[r][0][0] == '#') continue;  // comment line
    LabelRow row{get(csv[r], "path"),     get(csv[r], "label"),    get(csv[r], "lang"),
                 get(csv[r], "category"), get(csv[r], "currency"), get(csv[r], "wallet"),
                 get(csv[r], "demand"),   get(csv[r], "deadline"), get(csv[r], "note")};
    out->rows.push_back(std::move(row));
  }
  // Rows are stable now; load their messages.
  out->messages.reserve(out->messages.size() + out->rows.size() - first_row);
  for (size_t i = first_row; i < out->rows.size(); ++i) {
    const LabelRow& row = out->rows[i];
    std::string p = row.path;
    std::string selector;
    if (size_t h = p.find("#id="); h != std::string::npos) selector = p.substr(h + 4), p.resize(h);
    fs::path full = fs::path(p).is_absolute() ? fs::path(p) : base / p;
    if (!selector.empty()) {
      std::map<std::string, std::string>* rows = AbuseRows(full.string());
      auto it = rows->find(selector);
      if (it == rows->end()) {
        out->errors.push_back(row.path + ": no such row");
        continue;
      }
      LabelledMessage m{&row, {}, true};
      m.raw.source = full.string() + "#id=" + selector;
      m.raw.data = it->second;
      out->messages.push_back(std::move(m));
      continue;
    }
    const bool as_text = force_text || full.extension() == ".txt";
    mail::SourceOptions so;
    so.plain_text = as_text;
    so.skip_non_mail = !as_text && !p.empty() && p.back() == '/';
    mail::SourceCallbacks cb;
    cb.on_message = [&](mail::RawMessage&& raw) {
      out->messages.push_back({&row, std::move(raw), as_text});
    };
    cb.on_error = [&](const Error& e) { out->errors.push_back(row.path + ": " + e.context()); };
    if (!fs::exists(full)) {
      out->errors.push_back(row.path + ": not found");
      continue;
    }
    mail::ReadMessages({full.string()}, so, cb);
  }
}

}  // namespace extortrace::eval
