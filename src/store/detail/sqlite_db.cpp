#include "store/detail/sqlite_db.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <unordered_map>

namespace extortrace::store::detail {
namespace {

class SqliteDb : public Db {
 public:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  ~SqliteDb() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }
  Backend backend() const override { return Backend::kSqlite; }

  Status ExecScript(std::string_view sql) override {
    char* err = nullptr;
    std::string s(sql);
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      return Fail(Error::Io(fmt::format("sqlite: {}", msg)));
    }
    return {};
  }

  Status QueryEach(std::string_view sql, const std::vector<Value>& params,
                   const std::function<bool(const Row&)>& on_row) override {
    std::string key(sql);
    sqlite3_stmt* stmt = nullptr;
    auto it = cache_.find(key);
    if (it != cache_.end()) {
      stmt = it->second;
    } else {
      if (sqlite3_prepare_v2(db_, key.c_str(), static_cast<int>(key.size()), &stmt, nullptr) !=
          SQLITE_OK) {
        return Fail(Error::Internal(fmt::format("sqlite: {}: {}", sqlite3_errmsg(db_), key)));
      }
      cache_.emplace(key, stmt);
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    for (size_t i = 0; i < params.size(); ++i) {
      std::string name = "$" + std::to_string(i + 1);
      int idx = sqlite3_bind_parameter_index(stmt, name.c_str());
      if (idx == 0) continue;  // parameter not used by this statement
      const Value& v = params[i];
      if (auto* n = std::get_if<int64_t>(&v)) {
        sqlite3_bind_int64(stmt, idx, *n);
      } else if (auto* d = std::get_if<double>(&v)) {
        sqlite3_bind_double(stmt, idx, *d);
      } else if (auto* s = std::get_if<std::string>(&v)) {
        // Stored as PostgreSQL would take it (db.h); SQLITE_TRANSIENT copies.
        std::string clean = IsStorableText(*s) ? std::string() : StorableText(*s);
        const std::string& t = clean.empty() ? *s : clean;
        sqlite3_bind_text(stmt, idx, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(stmt, idx);
      }
    }
    Row row;
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        std::string msg = sqlite3_errmsg(db_);
        sqlite3_reset(stmt);
        return Fail(Error::Io(fmt::format("sqlite: {}", msg)));
      }
      int cols = sqlite3_column_count(stmt);
      row.assign(static_cast<size_t>(cols), Value{});
      for (int c = 0; c < cols; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_INTEGER:
            row[c] = static_cast<int64_t>(sqlite3_column_int64(stmt, c));
            break;
          case SQLITE_FLOAT:
            row[c] = sqlite3_column_double(stmt, c);
            break;
          case SQLITE_NULL:
            break;
          default: {
            const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            row[c] = std::string(t ? t : "", static_cast<size_t>(sqlite3_column_bytes(stmt, c)));
          }
        }
      }
      if (!on_row(row)) break;
    }
    sqlite3_reset(stmt);
    return {};
  }

 private:
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

Result<std::unique_ptr<Db>> OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Fail(Error::Io(fmt::format("{}: cannot open database: {}", path, msg)));
  }
  sqlite3_busy_timeout(db, 30000);
  auto out = std::make_unique<SqliteDb>(db);
  Status st = out->ExecScript(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  if (!st) {
    return Fail(
        Error::Io(fmt::format("{}: not a usable SQLite database: {}", path, st.error().context())));
  }
  return std::unique_ptr<Db>(std::move(out));
}

}  // namespace extortrace::store::detail
