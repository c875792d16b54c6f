#include "store/db.h"

#include <fmt/format.h>

#include <cstdlib>

#include "core/utf8.h"
#include "store/detail/postgres_db.h"
#include "store/detail/sqlite_db.h"

namespace extortrace::store {

int64_t AsInt(const Value& v) {
  if (auto* i = std::get_if<int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v)) return std::strtoll(s->c_str(), nullptr, 10);
  return 0;
}

double AsDouble(const Value& v) {
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
  if (auto* s = std::get_if<std::string>(&v)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string AsText(const Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  return {};
}

bool IsStorableText(std::string_view s) {
  return s.find('\0') == std::string_view::npos && IsValidUtf8(s);
}

std::string StorableText(std::string_view s) {
  std::string out = IsValidUtf8(s) ? std::string(s) : SanitizeUtf8(s);
  for (size_t p; (p = out.find('\0')) != std::string::npos;) out.replace(p, 1, "\xEF\xBF\xBD");
  return out;
}

Result<std::unique_ptr<Db>> OpenDb(const std::string& url) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return detail::OpenPostgres(url);
  }
  std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
  return detail::OpenSqlite(path);
}

}  // namespace extortrace::store
