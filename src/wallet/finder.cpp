// Address scanner: maximal alphanumeric runs, shape pre-check, validation,
// and re-joining of addresses split across line breaks or separators.
#include "wallet/finder.h"

#include <algorithm>
#include <array>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace extortrace::wallet {
namespace {

constexpr std::array<bool, 256> MakeAlnum() {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  return t;
}
constexpr std::array<bool, 256> kAlnum = MakeAlnum();

// Characters an address (or the first fragment of a split one) can start with.
constexpr std::array<bool, 256> MakeLead() {
  std::array<bool, 256> t{};
  for (char c : std::string_view("123456789mnLMbBtTlLqQpPA0")) t[static_cast<uint8_t>(c)] = true;
  return t;
}
constexpr std::array<bool, 256> kLead = MakeLead();

constexpr size_t kMinAddress = 14;
constexpr size_t kMaxAddress = 120;
constexpr size_t kMaxGap = 16;

// Glued addresses ("...k3TqThen", "walletbc1q..."): a word glued to an
// address is at least this many letters, and a run gets at most this many
// checksum computations for its trimmed candidates. Each attempt validates by
// chance with probability about 2^-32 (base58check: 4 checksum bytes, and the
// version byte must also be one of six), 2^-30 (bech32/bech32m), 2^-40
// (cashaddr) or 2^-32 (Monero); single-case ETH, which has no checksum, is
// never accepted from a trimmed run. So a run of random letters and digits
// yields an address with probability at most 64 * 2^-30 = 2^-24 (6e-8): about
// one false address per 16 million digit-bearing long runs that fail whole.
constexpr size_t kMinGluedWord = 2;
constexpr int kMaxGluedAttempts = 64;

inline bool IsAlnum(uint8_t c) { return kAlnum[c]; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

#if defined(__SSE2__)
// Bit i set if p[i] is an ASCII letter or digit, for 16 bytes at p.
inline unsigned AlnumMask16(const uint8_t* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8('0'));
  const __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
  const __m128i l = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
  const __m128i letter = _mm_cmpeq_epi8(_mm_min_epu8(l, _mm_set1_epi8(25)), l);
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(digit, letter)));
}
#endif

// The first i' >= i with IsAlnum(p[i']) == want, or n.
inline size_t SkipWhile(const uint8_t* p, size_t i, size_t n, bool want) {
#if defined(__SSE2__)
  while (i + 16 <= n) {
    unsigned m = AlnumMask16(p + i);
    if (!want) m = ~m & 0xFFFFu;
    if (m != 0xFFFFu) return i + static_cast<size_t>(__builtin_ctz(~m));
    i += 16;
  }
#endif
  while (i < n && IsAlnum(p[i]) == want) ++i;
  return i;
}

// Length of a zero-width character or soft hyphen encoded at s[i], else 0.
size_t ZeroWidthAt(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<uint8_t>(s[i + k]); };
  const size_t left = s.size() - i;
  if (left >= 2 && b(0) == 0xC2 && b(1) == 0xAD) return 2;  // U+00AD
  if (left >= 3 && b(0) == 0xE2 && b(1) == 0x80 && b(2) >= 0x8B && b(2) <= 0x8D) return 3;
  if (left >= 3 && b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0xA0) return 3;  // U+2060
  if (left >= 3 && b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return 3;  // U+FEFF
  return 0;
}

// A maximal alphanumeric run. Plain runs are views into the text; runs with
// zero-width characters keep their cleaned copy in Scanner::zw_store_.
struct Fragment {
  size_t begin = 0;
  size_t end = 0;
  size_t len = 0;  // characters after removing zero-width characters
  int zw = -1;     // index into zw_store_, or -1
};

// True if the bytes between two fragments may sit inside one address:
//   [ \t]* ( '-' [ \t]* )? ( '\r'? '\n' ( [ \t]* '>' )* [ \t]* )?
bool JoinableGap(std::string_view gap) {
  if (gap.empty() || gap.size() > kMaxGap) return false;
  size_t i = 0;
  auto skip_blanks = [&] {
    while (i < gap.size() && (gap[i] == ' ' || gap[i] == '\t')) ++i;
  };
  skip_blanks();
  if (i < gap.size() && gap[i] == '-') {
    ++i;
    skip_blanks();
  }
  if (i < gap.size() && gap[i] == '\r') ++i;
  if (i < gap.size() && gap[i] == '\n') {
    ++i;
    for (;;) {
      skip_blanks();
      if (i < gap.size() && gap[i] == '>') {
        ++i;
      } else {
        break;
      }
    }
  }
  return i == gap.size();
}

bool StartsWithNoCase(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_prefix[i]) return false;
  }
  return true;
}

// If `text` has "<cash prefix>:" as a whole word right before `begin`, returns
// the prefix's start, else `begin`.
size_t CashPrefixStart(std::string_view text, size_t begin) {
  for (std::string_view p : {std::string_view("bitcoincash"), std::string_view("bchtest")}) {
    if (begin < p.size() + 1 || text[begin - 1] != ':') continue;
    const size_t start = begin - 1 - p.size();
    if (!StartsWithNoCase(text.substr(start), p)) continue;
    if (start > 0 && IsAlnum(static_cast<uint8_t>(text[start - 1]))) continue;
    return start;
  }
  return begin;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<FoundWallet> Run() {
    const size_t n = text_.size();
    const auto* p = reinterpret_cast<const uint8_t*>(text_.data());
    size_t i = 0;
    while (i < n) {
      if (!IsAlnum(p[i])) {
        i = SkipWhile(p, i + 1, n, false);
        continue;
      }
      Fragment f;
      f.begin = i;
      i = SkipWhile(p, i + 1, n, true);
      if (i < n && p[i] >= 0x80 && ZeroWidthAt(text_, i) != 0) i = ExtendZeroWidth(i, &f);
      f.end = i;
      f.len = f.zw >= 0 ? zw_store_[static_cast<size_t>(f.zw)].size() : f.end - f.begin;
      OnFragment(f);
    }
    return std::move(found_);
  }

 private:
  std::string_view View(const Fragment& f) const {
    return f.zw >= 0 ? std::string_view(zw_store_[static_cast<size_t>(f.zw)])
                     : text_.substr(f.begin, f.end - f.begin);
  }

  // Called at `i`, the end of an alphanumeric segment where a zero-width
  // character starts: continues the run over zero-width characters that sit
  // between alphanumerics, recording the cleaned run; returns its end.
  size_t ExtendZeroWidth(size_t i, Fragment* f) {
    const size_t n = text_.size();
    std::string cleaned(text_.substr(f->begin, i - f->begin));
    bool skipped = false;
    for (;;) {
      size_t k = i;
      while (size_t z = ZeroWidthAt(text_, k)) k += z;
      if (k == i || k >= n || !IsAlnum(static_cast<uint8_t>(text_[k]))) break;
      skipped = true;
      i = k;
      while (i < n && IsAlnum(static_cast<uint8_t>(text_[i]))) cleaned.push_back(text_[i++]);
      if (i >= n || static_cast<uint8_t>(text_[i]) < 0x80) break;
    }
    if (skipped) {
      f->zw = static_cast<int>(zw_store_.size());
      zw_store_.push_back(std::move(cleaned));
    }
    return i;
  }

  void OnFragment(const Fragment& f) {
    if (f.len > kMaxAddress) {
      pending_count_ = 0;
      return;
    }
    if (f.len >= kMinAddress && TryEmit(View(f), f.begin, f.end, f.zw >= 0 ? "zero-width" : "")) {
      pending_count_ = 0;
      return;
    }
    if (pending_count_ > 0) {
      const Fragment& last = pending_[pending_count_ - 1];
      if (!JoinableGap(text_.substr(last.end, f.begin - last.end))) {
        pending_count_ = 0;
      } else if (TryJoins(f)) {
        pending_count_ = 0;
        return;
      }
    }
    if (f.zw < 0 && f.len >= kMinAddress + kMinGluedWord && TryGlued(f)) {
      pending_count_ = 0;
      return;
    }
    if (pending_count_ == pending_.size()) {
      pending_[0] = pending_[1];
      pending_count_ = 1;
    }
    pending_[pending_count_++] = f;
  }

  // Tries [p1 f], then [p0 p1 f], cheapest checks first.
  bool TryJoins(const Fragment& f) {
    size_t total = f.len;
    for (size_t take = 1; take <= pending_count_; ++take) {
      const size_t first_index = pending_count_ - take;
      const Fragment& first = pending_[first_index];
      total += first.len;
      if (total < kMinAddress || total > kMaxAddress) continue;
      if (!kLead[static_cast<uint8_t>(View(first)[0])]) continue;
      std::string joined;
      joined.reserve(total);
      for (size_t k = first_index; k < pending_count_; ++k) joined.append(View(pending_[k]));
      joined.append(View(f));
      if (TryEmit(joined, first.begin, f.end, "split-address")) return true;
    }
    return false;
  }

  // An address with a word glued before and/or after it, in a run that does
  // not validate whole: "1BoatSLR...tpyTThen", "walletbc1q...", "pec1Boat...".
  // The glued words are letters only (at least kMinGluedWord), so the
  // address starts at or before the run's first digit and ends at or after
  // its last digit; every address form has a digit (base58 and Monero almost
  // surely, segwit in its "1" separator, ETH in "0x"), and a run without one
  // is skipped at once. Starts are tried left to right, ends from the
  // longest candidate down; only candidates that pass PlausibleAddress (no
  // hashing) cost an attempt, at most kMaxGluedAttempts per run.
  bool TryGlued(const Fragment& f) {
    const std::string_view run = View(f);
    const size_t n = run.size();
    size_t first_digit = n, last_digit = n;
    for (size_t k = 0; k < n; ++k) {
      if (IsAsciiDigit(run[k])) {
        if (first_digit == n) first_digit = k;
        last_digit = k;
      }
    }
    if (first_digit == n) return false;
    int attempts = 0;
    for (size_t s = 0; s <= first_digit; ++s) {
      if (s > 0 && s < kMinGluedWord) continue;
      if (!kLead[static_cast<uint8_t>(run[s])]) continue;
      // run[0, s) and run[e, n) are letters since s <= first_digit < e.
      // Candidate lengths by what starts at s, longest first: a segwit hrp
      // (14..90), "0x" (42), else base58 (25..35), cashaddr (42, 61) and
      // Monero (95, 106).
      const std::string_view rest = run.substr(s);
      size_t lengths[77];
      size_t count = 0;
      if (StartsWithNoCase(rest, "bc1") || StartsWithNoCase(rest, "tb1") ||
          StartsWithNoCase(rest, "ltc1") || StartsWithNoCase(rest, "tltc1")) {
        for (size_t len = 90; len >= kMinAddress; --len) lengths[count++] = len;
      } else if (StartsWithNoCase(rest, "0x")) {
        lengths[count++] = 42;
      } else {
        for (size_t len : {106, 95, 61, 42}) lengths[count++] = len;
        for (size_t len = 35; len >= 25; --len) lengths[count++] = len;
      }
      for (size_t k = 0; k < count; ++k) {
        const size_t e = s + lengths[k];
        if (e > n || e <= last_digit) continue;
        if (s == 0 && e == n) continue;  // the whole run already failed
        if (e < n && n - e < kMinGluedWord) continue;
        const std::string_view cand = run.substr(s, e - s);
        if (!PlausibleAddress(cand)) continue;
        if (++attempts > kMaxGluedAttempts) return false;
        auto w = ValidateAddress(cand);
        if (!w || !w->checksum_verified) continue;
        return Emit(std::move(*w), f.begin + s, f.begin + e, "glued");
      }
    }
    return false;
  }

  bool Emit(WalletAddress w, size_t start, size_t end, const char* how) {
    for (const auto& prev : found_) {
      if (prev.wallet.address == w.address) return true;
    }
    found_.push_back(FoundWallet{std::move(w), start, end - start, how});
    return true;
  }

  bool TryEmit(std::string_view candidate, size_t begin, size_t end, const char* how) {
    if (!PlausibleAddress(candidate)) return false;
    auto w = ValidateAddress(candidate);
    size_t start = begin;
    if (!w || w->currency == "BCH") {
      // A cashaddr payload may follow its prefix; validate with that prefix.
      size_t prefixed = CashPrefixStart(text_, begin);
      if (prefixed != begin) {
        std::string full(text_.substr(prefixed, begin - prefixed));
        full.append(candidate);
        if (auto pw = ValidateAddress(full)) {
          w = std::move(pw);
          start = prefixed;
        }
      }
    }
    if (!w) return false;
    return Emit(std::move(*w), start, end, how);
  }

  std::string_view text_;
  std::vector<FoundWallet> found_;
  std::array<Fragment, 2> pending_{};
  size_t pending_count_ = 0;
  std::vector<std::string> zw_store_;
};

}  // namespace

std::vector<FoundWallet> FindWallets(std::string_view utf8_text) {
  return Scanner(utf8_text).Run();
}

}  // namespace extortrace::wallet
