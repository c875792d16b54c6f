#include "server/service.h"

#include <fmt/format.h>

#include <ctime>
#include <exception>

#include "campaign/cluster.h"
#include "core/log.h"

namespace extortrace::server {
namespace {

// Any constant will do; all extortrace servers on one database share it.
constexpr int64_t kClusterLockKey = 0x45787472616365;  // "Extrace"

int64_t NowUnix() { return static_cast<int64_t>(std::time(nullptr)); }

}  // namespace

std::string CampaignLabel(int64_t id) { return fmt::format("c-{:06d}", id); }

ScanService::ScanService(ServiceOptions options)
    : options_(std::move(options)),
      engine_(options_.engine),
      scans_(options_.scan_workers, options_.max_abandoned_scans) {}

Result<std::unique_ptr<ScanService>> ScanService::Create(ServiceOptions options) {
  std::unique_ptr<ScanService> s(new ScanService(std::move(options)));
  s->WarmUp();
  if (s->has_store()) {
    auto st = store::Store::Open(s->options_.db_url);
    if (!st) return Fail(st.error());
    s->pool_.push_back(std::move(*st));
  }
  return s;
}

void ScanService::WarmUp() {
  // One scan on each scan thread before traffic arrives: the first builds
  // what every later one shares (the detector's pattern databases, ICU
  // converters, CLD2 tables, ~0.1 s; the others wait for it), and each
  // thread builds its own state (Hyperscan scratch, malloc arena, ICU
  // caches, ~20 ms). The message names bitcoin, carries plain and HTML parts
  // and a Received line with a public address (the GeoIP database opens on
  // first use), so each stage runs.
  mail::RawMessage m;
  m.source = "warm-up";
  m.data =
      "Received: from mx.example.org (mx.example.org [8.8.8.8]) by mail.example.org\r\n"
      "From: a@example.org\r\nTo: a@example.org\r\nSubject: warm-up\r\n"
      "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n"
      "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
      "Pay 500 USD in bitcoin within 48 hours to this wallet: "
      "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa or I send the video to your contacts.\r\n"
      "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
      "<p>Pay 500 USD in <b>bitcoin</b> within 48 hours.</p>\r\n--b--\r\n";
  scans_.RunOnEachThread([&] { (void)engine_.Analyze(m); });
}

Result<std::unique_ptr<store::Store>> ScanService::TakeStore() {
  if (!has_store()) return Fail(Error::Unsupported("no store configured (start with --db)"));
  {
    std::lock_guard lock(pool_mu_);
    if (!pool_.empty()) {
      auto s = std::move(pool_.back());
      pool_.pop_back();
      return s;
    }
  }
  return store::Store::Open(options_.db_url);
}

void ScanService::GiveStore(std::unique_ptr<store::Store> s) {
  std::lock_guard lock(pool_mu_);
  pool_.push_back(std::move(s));
}

Status ScanService::WithStore(const std::function<Status(store::Store&)>& f) {
  auto s = TakeStore();
  if (!s) return Fail(s.error());
  Status st = f(**s);
  if (st) GiveStore(std::move(*s));  // a failed connection is not reused
  return st;
}

Result<ScanResult> ScanService::ScanBounded(mail::RawMessage raw) {
  size_t keep = options_.max_recent_text;
  using Clock = std::chrono::steady_clock;
  auto queued = Clock::now();
  auto run = [this, keep, queued](const mail::RawMessage& m) -> Result<ScanResult> {
    try {
      auto start = Clock::now();
      scan::Analysis a = engine_.Analyze(m);
      ScanResult r;
      r.wait_ms = std::chrono::duration<double, std::milli>(start - queued).count();
      r.scan_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
      r.record = std::move(a.record);
      r.visible = a.visible.substr(0, keep);
      if (!a.message.from.empty()) r.from = a.message.from.front().email;
      return r;
    } catch (const std::exception& e) {
      return Fail(Error::Internal(std::string("scan failed: ") + e.what()));
    }
  };
  // The job owns the message and writes its result into a slot the caller
  // reads only after kDone; an abandoned job writes into a slot nobody reads.
  auto slot = std::make_shared<std::optional<Result<ScanResult>>>();
  auto job = [slot, run, m = std::move(raw)]() { slot->emplace(run(m)); };
  switch (scans_.Run(std::move(job), options_.scan_timeout)) {
    case ScanPool::Outcome::kDone:
      return std::move(**slot);
    case ScanPool::Outcome::kTimeout:
      return Fail(Error::Timeout("scan exceeded its time limit"));
    case ScanPool::Outcome::kBusy:
      break;
  }
  return Fail(Error::Unavailable("too many scans past their time limit"));
}

Status ScanService::StoreAndCluster(record::ScanRecord* r) {
  auto taken = TakeStore();
  if (!taken) return Fail(taken.error());
  store::Store& s = **taken;
  auto fail = [&](const Error& e) -> Status {
    (void)s.Rollback();
    return Fail(e);  // the store is dropped, not pooled
  };
  if (Status st = s.Begin(); !st) return fail(st.error());
  auto id = s.PutScan(*r, r->signature);
  if (!id) return fail(id.error());
  if (Status st = s.Commit(); !st) return fail(st.error());

  if (r->verdict == record::Verdict::kExtortion) {
    std::lock_guard lock(cluster_mu_);
    bool pg = s.backend() == store::Backend::kPostgres;
    if (pg) {
      if (Status st = s.db().Exec("SELECT pg_advisory_lock($1)", {kClusterLockKey}); !st) {
        return fail(st.error());
      }
    }
    auto res = campaign::AssignCampaigns(s, {}, NowUnix());
    if (pg) (void)s.db().Exec("SELECT pg_advisory_unlock($1)", {kClusterLockKey});
    if (!res) return fail(res.error());
    auto c = s.CampaignOfMessage(*id);
    if (!c) return fail(c.error());
    if (*c) r->campaign = CampaignLabel(**c);
  }
  GiveStore(std::move(*taken));
  return {};
}

Result<ScanResult> ScanService::Scan(mail::RawMessage raw, bool store_it,
                                     std::string_view unnamed_prefix) {
  const bool unnamed = raw.source.empty();
  auto res = ScanBounded(std::move(raw));
  if (!res) return res;
  if (unnamed) {
    res->record.source = std::string(unnamed_prefix) + res->record.content_hash.substr(0, 16);
  }
  if (store_it && has_store() && res->record.error.empty()) {
    if (Status st = StoreAndCluster(&res->record); !st) {
      // The verdict still stands; the caller hears about the store failure
      // through the log, not through a lost scan.
      Log(LogLevel::kWarn, "store: {}", st.error().ToString());
      res->record.anomalies.push_back("not-stored");
    }
  }
  Remember(*res);
  return res;
}

void ScanService::Remember(const ScanResult& r) {
  RecentEntry e;
  e.received_unix = NowUnix();
  e.record = r.record;
  e.visible = r.visible;
  e.from = r.from;
  std::lock_guard lock(recent_mu_);
  ++scans_total_;
  if (options_.recent_capacity == 0) return;
  if (recent_.size() >= options_.recent_capacity) recent_.pop_front();
  recent_.push_back(std::move(e));
}

std::vector<RecentEntry> ScanService::Recent(size_t n) const {
  std::lock_guard lock(recent_mu_);
  std::vector<RecentEntry> out;
  for (auto it = recent_.rbegin(); it != recent_.rend() && out.size() < n; ++it) out.push_back(*it);
  return out;
}

std::optional<RecentEntry> ScanService::RecentBySha256(const std::string& sha256) const {
  std::lock_guard lock(recent_mu_);
  for (auto it = recent_.rbegin(); it != recent_.rend(); ++it) {
    if (it->record.content_hash == sha256) return *it;
  }
  return std::nullopt;
}

uint64_t ScanService::scans_total() const {
  std::lock_guard lock(recent_mu_);
  return scans_total_;
}

}  // namespace extortrace::server
