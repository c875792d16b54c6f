// A minimal SQL connection interface with two implementations: SQLite (the
// embedded default, one file, WAL) and PostgreSQL (a store shared by many
// machines). Statements use $1, $2, ... placeholders on both.
//
// Text is stored the same way on both: every text parameter goes through
// StorableText (NUL bytes and ill-formed UTF-8 become U+FFFD), because
// PostgreSQL rejects both in TEXT while SQLite would keep them. What one
// backend accepts, the other accepts and returns byte for byte.
//
// Not thread-safe: one Db per thread (the store opens its own per caller).
#pragma once

#include <cstdint>
#include <functional>
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
int64_t AsInt(const Value& v);       // 0 for null; parses text
double AsDouble(const Value& v);     // 0 for null
std::string AsText(const Value& v);  // "" for null; numbers formatted

// `s` as it is stored: NUL bytes and ill-formed UTF-8 sequences replaced by
// U+FFFD. Idempotent; returns `s` unchanged (one copy) when it is clean.
std::string StorableText(std::string_view s);
bool IsStorableText(std::string_view s);

enum class Backend { kSqlite, kPostgres };

class Db {
 public:
  virtual ~Db() = default;
  virtual Backend backend() const = 0;
  // Runs one or more statements without parameters (DDL, BEGIN, ...).
  virtual Status ExecScript(std::string_view sql) = 0;
  // Runs one statement with parameters and hands each row to `on_row` as it
  // arrives (memory stays bounded by one row, not the result); `on_row`
  // returns false to stop early. The row is only valid during the call, and
  // `on_row` must not use this Db (PostgreSQL streams on the connection).
  virtual Status QueryEach(std::string_view sql, const std::vector<Value>& params,
                           const std::function<bool(const Row&)>& on_row) = 0;
  // Runs one statement with parameters; returns its rows (empty for DML).
  Result<std::vector<Row>> Query(std::string_view sql, const std::vector<Value>& params = {}) {
    std::vector<Row> rows;
    Status st = QueryEach(sql, params, [&rows](const Row& r) {
      rows.push_back(r);
      return true;
    });
    if (!st) return Fail(st.error());
    return rows;
  }
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
