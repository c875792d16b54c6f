#include "core/csv.h"

namespace extortrace {

std::vector<CsvRow> ParseCsvRows(std::string_view d) {
  std::vector<CsvRow> out;
  CsvRow row;
  std::string field;
  bool quoted = false, any = false;
  auto end_row = [&] {
    if (any || !field.empty()) {
      row.push_back(std::move(field));
      out.push_back(std::move(row));
    }
    row.clear();
    field.clear();
    any = false;
  };
  for (size_t i = 0; i < d.size(); ++i) {
    char c = d[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < d.size() && d[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < d.size() && d[i + 1] == '\n') ++i;
      end_row();
    } else {
      field += c;
      any = true;
    }
  }
  end_row();
  return out;
}

}  // namespace extortrace
