// A store test fixture parameterized over the backends: SQLite (a fresh file
// per test) always, PostgreSQL when ET_TEST_PG_URL names a server (a fresh
// schema per test, dropped afterwards; the test is skipped, saying why, when
// the variable is unset). tests/e2e/store_pg_test.sh starts a throw-away
// PostgreSQL and runs these binaries against it. Used by tests/store and
// tests/campaign.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "record/record.h"
#include "store/db.h"
#include "store/store.h"

namespace extortrace::store::testing {

enum class TestBackend { kSqlite, kPostgres };

inline std::string BackendName(const ::testing::TestParamInfo<TestBackend>& info) {
  return info.param == TestBackend::kSqlite ? "Sqlite" : "Postgres";
}

inline constexpr const char* kPgSkip =
    "ET_TEST_PG_URL is not set: the PostgreSQL instance of this test is skipped "
    "(tests/e2e/store_pg_test.sh runs it against a throw-away server)";

class BackendTest : public ::testing::TestWithParam<TestBackend> {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    std::string tag = std::to_string(::getpid()) + "_" + std::to_string(counter++);
    if (GetParam() == TestBackend::kPostgres) {
      const char* base = std::getenv("ET_TEST_PG_URL");
      if (base == nullptr || *base == '\0') GTEST_SKIP() << kPgSkip;
      base_url_ = base;
      schema_ = "et_test_" + tag;
      Admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
      url_ = base_url_ + (base_url_.find('?') == std::string::npos ? "?" : "&") +
             "options=-csearch_path%3D" + schema_;
    } else {
      dir_ = std::filesystem::temp_directory_path() / ("et_store_test_" + tag);
      std::filesystem::remove_all(dir_);
      std::filesystem::create_directories(dir_);
      url_ = (dir_ / "store.db").string();
    }
    Reopen();
  }

  void TearDown() override {
    store_.reset();
    if (!schema_.empty()) Admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // Closes the store and opens it again (migrations run again).
  void Reopen() {
    store_.reset();
    auto s = Store::Open(url_);
    ASSERT_TRUE(s) << s.error().ToString();
    store_ = std::move(*s);
  }

  // One value of a single-row, single-column query.
  int64_t Scalar(const std::string& sql, const std::vector<Value>& params = {}) {
    auto rows = store_->db().Query(sql, params);
    EXPECT_TRUE(rows) << rows.error().ToString();
    if (!rows || rows->empty() || rows->front().empty()) return -1;
    return AsInt(rows->front()[0]);
  }

  Store& s() { return *store_; }
  bool pg() const { return GetParam() == TestBackend::kPostgres; }

  std::string url_;
  std::unique_ptr<Store> store_;

 private:
  void Admin(const std::string& sql) {
    auto db = OpenDb(base_url_);
    ASSERT_TRUE(db) << db.error().ToString();
    auto st = (*db)->ExecScript(sql);
    ASSERT_TRUE(st) << st.error().ToString();
  }

  std::string base_url_, schema_;
  std::filesystem::path dir_;
};

#define ET_INSTANTIATE_BACKENDS(Fixture)                                       \
  INSTANTIATE_TEST_SUITE_P(                                                    \
      Backends, Fixture,                                                       \
      ::testing::Values(::extortrace::store::testing::TestBackend::kSqlite,    \
                        ::extortrace::store::testing::TestBackend::kPostgres), \
      ::extortrace::store::testing::BackendName)

// A scan record with a content hash derived from `content` (distinct content,
// distinct hash), so tests can say "the same message" and "another message".
inline record::ScanRecord Record(const std::string& source, uint32_t index,
                                 record::Verdict verdict = record::Verdict::kExtortion,
                                 const std::string& content = "") {
  record::ScanRecord r;
  r.source = source;
  r.index = index;
  r.verdict = verdict;
  if (verdict == record::Verdict::kExtortion) r.category = record::Category::kSextortion;
  r.language = "en";
  r.subject = "Subject of " + source;
  std::string c = content.empty() ? source + "#" + std::to_string(index) : content;
  char hash[65];
  std::snprintf(hash, sizeof hash, "%016zx%048x", std::hash<std::string>{}(c), 0);
  r.content_hash = hash;
  r.size = c.size();
  return r;
}

inline record::WalletFinding Wallet(const std::string& address, const std::string& currency = "BTC",
                                    const std::string& kind = "p2wpkh") {
  record::WalletFinding w;
  w.currency = currency;
  w.address = address;
  w.kind = kind;
  return w;
}

}  // namespace extortrace::store::testing
