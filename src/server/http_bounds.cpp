#include "server/http_bounds.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

namespace extortrace::server {
namespace {

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Calls f on each comma-separated element of a field value, trimmed.
template <typename F>
void ForEachElement(std::string_view value, F f) {
  for (;;) {
    size_t comma = value.find(',');
    f(Trim(value.substr(0, comma)));
    if (comma == std::string_view::npos) return;
    value.remove_prefix(comma + 1);
  }
}

// The methods whose body cpp-httplib reads; any other method's body would be
// taken for the next request on the connection.
bool MethodHasBody(std::string_view m) {
  return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE";
}

Response Refuse(std::string_view message) { return ErrorResponse(400, "bad_request", message); }

}  // namespace

Clock::time_point PhaseDeadline(Clock::time_point start, std::chrono::milliseconds base,
                                uint64_t bytes, size_t min_rate) {
  auto extra = std::chrono::milliseconds(min_rate == 0 ? 0 : bytes * 1000 / min_rate);
  return start + base + extra;
}

std::optional<Response> CheckFraming(
    std::string_view method, const std::vector<std::pair<std::string, std::string>>& headers,
    size_t max_body) {
  std::set<std::string_view> lengths;
  bool bad_length = false;
  int te_fields = 0;
  std::vector<std::string_view> codings;
  for (const auto& [name, value] : headers) {
    if (EqualsNoCase(name, "content-length")) {
      ForEachElement(value, [&](std::string_view v) {
        bool digits = !v.empty() &&
                      std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits) bad_length = true;
        while (v.size() > 1 && v.front() == '0') v.remove_prefix(1);  // "007" is 7
        lengths.insert(v);
      });
    } else if (EqualsNoCase(name, "transfer-encoding")) {
      ++te_fields;
      ForEachElement(value, [&](std::string_view v) { codings.push_back(v); });
    }
  }
  if (bad_length) return Refuse("Content-Length is not a decimal number");
  if (lengths.size() > 1) return Refuse("conflicting Content-Length values");
  if (te_fields > 0 && !lengths.empty()) {
    return Refuse("Content-Length and Transfer-Encoding together");
  }
  if (te_fields > 0 && (codings.size() != 1 || !EqualsNoCase(codings[0], "chunked"))) {
    return Refuse("the only Transfer-Encoding accepted is a single \"chunked\"");
  }
  uint64_t length = 0;
  bool too_big = false;
  if (!lengths.empty()) {
    std::string_view v = *lengths.begin();
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), length);
    too_big = ec != std::errc() || length > max_body;
  }
  if (!MethodHasBody(method) && (te_fields > 0 || length > 0 || too_big)) {
    return Refuse(std::string(method) + " requests carry no body");
  }
  if (too_big) {
    return ErrorResponse(413, "payload_too_large",
                         "request body exceeds " + std::to_string(max_body) + " bytes");
  }
  // Without either header httplib would read the body until the peer
  // closes; RFC 9110 §15.5.12 has a status for that.
  if (MethodHasBody(method) && lengths.empty() && te_fields == 0) {
    return ErrorResponse(411, "length_required",
                         "send Content-Length or Transfer-Encoding: chunked");
  }
  return std::nullopt;
}

ConnectionTable::ConnectionTable(size_t capacity, std::function<void(int fd)> evict)
    : capacity_(std::max<size_t>(1, capacity)), evict_(std::move(evict)) {}

void ConnectionTable::EvictLocked(Entry* e) {
  if (e->evicted) return;
  e->evicted = true;
  --live_;
  ++evictions_;
  evict_(e->fd);
}

uint64_t ConnectionTable::Admit(int fd, Clock::time_point now, std::chrono::milliseconds wait) {
  std::unique_lock lock(mu_);
  // Evicted connections still hold their fds and threads for the moment it
  // takes them to notice; a second capacity's worth is the most allowed.
  if (wait.count() > 0) {
    removed_cv_.wait_for(lock, wait, [&] { return closed_ || entries_.size() < 2 * capacity_; });
  }
  if (closed_) return 0;
  if (live_ >= capacity_ || entries_.size() >= 2 * capacity_) {
    // A peer that has not finished its headers has sent us nothing of
    // value; one that is sending a body or reading an answer has, but a
    // slow one must not keep everyone else out either.
    auto rank = [](ConnPhase p) {
      return p == ConnPhase::kBody || p == ConnPhase::kWriting ? 1 : 0;
    };
    Entry* victim = nullptr;
    for (auto& [id, e] : entries_) {
      if (e.evicted || e.phase == ConnPhase::kBusy) continue;
      if (victim == nullptr || rank(e.phase) < rank(victim->phase) ||
          (rank(e.phase) == rank(victim->phase) && e.since < victim->since)) {
        victim = &e;
      }
    }
    if (victim == nullptr || entries_.size() >= 2 * capacity_) return 0;
    EvictLocked(victim);
  }
  uint64_t id = next_id_++;
  entries_.emplace(id, Entry{fd, ConnPhase::kIdle, now, false});
  ++live_;
  return id;
}

void ConnectionTable::SetPhase(uint64_t id, ConnPhase phase, Clock::time_point now) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  it->second.phase = phase;
  it->second.since = now;
}

void ConnectionTable::Remove(uint64_t id) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  if (!it->second.evicted) --live_;
  entries_.erase(it);
  removed_cv_.notify_all();
}

void ConnectionTable::Close() {
  std::lock_guard lock(mu_);
  closed_ = true;
  for (auto& [id, e] : entries_) EvictLocked(&e);
  removed_cv_.notify_all();
}

size_t ConnectionTable::live() const {
  std::lock_guard lock(mu_);
  return live_;
}

size_t ConnectionTable::evictions() const {
  std::lock_guard lock(mu_);
  return evictions_;
}

bool ByteBudget::TryAcquire(size_t n) {
  std::lock_guard lock(mu_);
  if (n > limit_ - used_) return false;
  used_ += n;
  return true;
}

void ByteBudget::Release(size_t n) {
  std::lock_guard lock(mu_);
  used_ -= std::min(n, used_);
}

size_t ByteBudget::in_use() const {
  std::lock_guard lock(mu_);
  return used_;
}

bool BudgetHold::Cover(std::string* body, size_t more, size_t max) {
  size_t need = body->size() + more;
  if (need <= held_ && need <= body->capacity()) return true;
  size_t want = std::max(need, std::min(std::max<size_t>(2 * held_, 64 << 10), max));
  if (want > held_ && !budget_->TryAcquire(want - held_)) return false;
  if (want > held_) held_ = want;
  body->reserve(want);
  return true;
}

}  // namespace extortrace::server
