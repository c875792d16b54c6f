// A minimal SQL connection interface with two implementations: SQLite (the
// embedded default, one file, WAL) and PostgreSQL (a store shared by many
// machines). Statements use $1, $2, ... placeholders on both.
//
// Not thread-safe: one Db per thread (the store opens its own per caller).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace extortrace::store {

using Value = std::variant<std::monostate, int64_t, double, std::string>;
using Row = std::vector<Value>;

inline bool IsNull(const Value& v) { return std::holds_alternative<std::monostate>(v); }
int64_t AsInt(const Value& v);            // 0 for null; parses text
double AsDouble(const Value& v);          // 0 for null
std::string AsText(const Value& v);       // "" for null; numbers formatted

enum class Backend { kSqlite, kPostgres };

class Db {
 public:
  virtual ~Db() = default;
  virtual Backend backend() const = 0;
  // Runs one or more statements without parameters (DDL, BEGIN, ...).
  virtual Status ExecScript(std::string_view sql) = 0;
  // Runs one statement with parameters; returns its rows (empty for DML).
  virtual Result<std::vector<Row>> Query(std::string_view sql,
                                         const std::vector<Value>& params = {}) = 0;
  Status Exec(std::string_view sql, const std::vector<Value>& params = {}) {
    auto r = Query(sql, params);
    if (!r) return Fail(r.error());
    return {};
  }
};

// Opens "postgresql://..." / "postgres://..." with libpq, anything else as a
// SQLite file path (an optional "sqlite:" prefix is stripped).
Result<std::unique_ptr<Db>> OpenDb(const std::string& url);

}  // namespace extortrace::store
