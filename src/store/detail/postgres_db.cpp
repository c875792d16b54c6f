#include "store/detail/postgres_db.h"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <cstdlib>

namespace extortrace::store::detail {
namespace {

class PostgresDb : public Db {
 public:
  explicit PostgresDb(PGconn* conn) : conn_(conn) {}
  ~PostgresDb() override { PQfinish(conn_); }
  Backend backend() const override { return Backend::kPostgres; }

  Status ExecScript(std::string_view sql) override {
    std::string s(sql);
    PGresult* res = PQexec(conn_, s.c_str());
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      std::string msg = PQresultErrorMessage(res);
      PQclear(res);
      return Fail(Error::Io(fmt::format("postgresql: {}", msg)));
    }
    PQclear(res);
    return {};
  }

  // Single-row mode: libpq hands over one row at a time, so a large result
  // never sits in memory as a whole.
  Status QueryEach(std::string_view sql, const std::vector<Value>& params,
                   const std::function<bool(const Row&)>& on_row) override {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
      if (IsNull(params[i])) {
        values[i] = nullptr;
      } else {
        // Text goes as C strings: a NUL would cut it, ill-formed UTF-8 is refused (db.h).
        texts[i] = StorableText(AsText(params[i]));
        values[i] = texts[i].c_str();
      }
    }
    std::string s(sql);
    if (!PQsendQueryParams(conn_, s.c_str(), static_cast<int>(params.size()), nullptr,
                           values.data(), nullptr, nullptr, 0)) {
      return Fail(Error::Io(fmt::format("postgresql: {}", PQerrorMessage(conn_))));
    }
    PQsetSingleRowMode(conn_);
    std::string error;
    bool stopped = false;
    Row row;
    while (PGresult* res = PQgetResult(conn_)) {
      ExecStatusType st = PQresultStatus(res);
      if (st == PGRES_SINGLE_TUPLE && !stopped && error.empty()) {
        ReadRow(res, &row);
        stopped = !on_row(row);
      } else if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_SINGLE_TUPLE &&
                 error.empty()) {
        error = PQresultErrorMessage(res);
      }
      PQclear(res);  // after a stop or an error, the rest is drained
    }
    if (!error.empty()) return Fail(Error::Io(fmt::format("postgresql: {}", error)));
    return {};
  }

 private:
  static void ReadRow(const PGresult* res, Row* row) {
    int cols = PQnfields(res);
    row->assign(static_cast<size_t>(cols), Value{});
    for (int c = 0; c < cols; ++c) {
      if (PQgetisnull(res, 0, c)) continue;
      const char* v = PQgetvalue(res, 0, c);
      Oid type = PQftype(res, c);
      // int2/int4/int8, float4/float8, numeric: return numbers like SQLite does.
      if (type == 20 || type == 21 || type == 23) {
        (*row)[c] = static_cast<int64_t>(std::strtoll(v, nullptr, 10));
      } else if (type == 700 || type == 701 || type == 1700) {
        (*row)[c] = std::strtod(v, nullptr);
      } else {
        (*row)[c] = std::string(v, static_cast<size_t>(PQgetlength(res, 0, c)));
      }
    }
  }

  PGconn* conn_;
};

}  // namespace

Result<std::unique_ptr<Db>> OpenPostgres(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    PQfinish(conn);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return Fail(Error::Io(fmt::format("cannot connect to PostgreSQL: {}", msg)));
  }
  auto db = std::make_unique<PostgresDb>(conn);
  Status st = db->ExecScript("SET client_min_messages TO WARNING; SET client_encoding TO 'UTF8'");
  if (!st) return Fail(st.error());
  return std::unique_ptr<Db>(std::move(db));
}

}  // namespace extortrace::store::detail
