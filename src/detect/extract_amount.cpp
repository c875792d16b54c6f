#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <utility>
#include <vector>

#include "detect/extract.h"

namespace extortrace::detect {
namespace {

struct CurrencyWord {
  std::string_view text;  // folded spelling
  const char* code;
  bool crypto;
};

// Longest spellings first where one is a prefix of another.
constexpr CurrencyWord kSuffix[] = {
    {"united states dollars", "USD", false},
    {"us dollars", "USD", false},
    {"us-dollars", "USD", false},
    {"u.s. dollars", "USD", false},
    {"usd", "USD", false},
    {"dollars", "USD", false},
    {"dollar", "USD", false},
    {"dolares", "USD", false},
    {"dolar", "USD", false},
    {"dollari", "USD", false},
    {"dollaro", "USD", false},
    {"dolarow", "USD", false},
    {"dolarów", "USD", false},
    {"dolary", "USD", false},
    {"долларов", "USD", false},
    {"доллара", "USD", false},
    {"доллар", "USD", false},
    {"доларів", "USD", false},
    {"долара", "USD", false},
    {"долари", "USD", false},
    {"долар", "USD", false},
    {"dolaru", "USD", false},
    {"dolarov", "USD", false},
    {"dolari", "USD", false},
    {"евро", "EUR", false},
    {"євро", "EUR", false},
    {"рублей", "RUB", false},
    {"гривень", "UAH", false},
    {"лева", "BGN", false},
    {"korun", "CZK", false},
    {"lei", "RON", false},
    {"forint", "HUF", false},
    {"米ドル", "USD", false},
    {"usドル", "USD", false},
    {"ドル", "USD", false},
    {"美元", "USD", false},
    {"美金", "USD", false},
    {"$", "USD", false},
    {"euros", "EUR", false},
    {"euro", "EUR", false},
    {"eur", "EUR", false},
    {"€", "EUR", false},
    {"ユーロ", "EUR", false},
    {"欧元", "EUR", false},
    {"歐元", "EUR", false},
    {"pounds", "GBP", false},
    {"gbp", "GBP", false},
    {"£", "GBP", false},
    {"円", "JPY", false},
    {"jpy", "JPY", false},
    {"¥", "JPY", false},
    {"人民币", "CNY", false},
    {"zł", "PLN", false},
    {"zl", "PLN", false},
    {"pln", "PLN", false},
    {"dkk", "DKK", false},
    {"kroner", "DKK", false},
    {"kr", "DKK", false},
    {"kronor", "SEK", false},
    {"sek", "SEK", false},
    {"nok", "NOK", false},
    {"dollaria", "USD", false},
    {"euroa", "EUR", false},
    {"달러", "USD", false},
    {"유로", "EUR", false},
    {"원", "KRW", false},
    {"krw", "KRW", false},
    {"đo la", "USD", false},
    {"vnđ", "VND", false},
    {"vnd", "VND", false},
    {"₫", "VND", false},
    {"rupiah", "IDR", false},
    {"idr", "IDR", false},
    {"ringgit", "MYR", false},
    {"myr", "MYR", false},
    {"δολάρια", "USD", false},
    {"δολαρια", "USD", false},
    {"ευρώ", "EUR", false},
    {"ευρω", "EUR", false},
    {"비트코인", "BTC", true},
    {"chf", "CHF", false},
    {"cad", "CAD", false},
    {"aud", "AUD", false},
    {"bitcoins", "BTC", true},
    {"bitcoinach", "BTC", true},
    {"bitcoinow", "BTC", true},
    {"bitcoin", "BTC", true},
    {"btc", "BTC", true},
    {"₿", "BTC", true},
    {"ビットコイン", "BTC", true},
    {"比特币", "BTC", true},
    {"比特幣", "BTC", true},
    {"litecoin", "LTC", true},
    {"ltc", "LTC", true},
    {"eth", "ETH", true},
    {"monero", "XMR", true},
    {"xmr", "XMR", true},
    {"usdt", "USDT", true},
};

constexpr CurrencyWord kPrefix[] = {
    {"us$", "USD", false}, {"r$", "BRL", false},  {"usd", "USD", false}, {"$", "USD", false},
    {"eur", "EUR", false}, {"€", "EUR", false},   {"£", "GBP", false},   {"gbp", "GBP", false},
    {"¥", "JPY", false},   {"btc", "BTC", true},  {"₿", "BTC", true},  {"ltc", "LTC", true},
    {"xmr", "XMR", true},  {"pln", "PLN", false}, {"₩", "KRW", false},   {"krw", "KRW", false},
    {"rp", "IDR", false},  {"idr", "IDR", false}, {"rm", "MYR", false},  {"sek", "SEK", false},
    {"nok", "NOK", false},
};

constexpr std::pair<std::string_view, double> kCjkMultipliers[] = {
    {"万", 1e4}, {"萬", 1e4}, {"千", 1e3}, {"億", 1e8}, {"亿", 1e8}, {"만", 1e4}, {"천", 1e3}};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A currency word must not run on into a longer ASCII word ("dollarsign",
// "eurozone", "btcpay" are not currency markers).
bool WordEndsAt(std::string_view s, size_t end, std::string_view word) {
  if (word.empty() || !IsAsciiAlnum(word.back())) return true;
  return end >= s.size() || !IsAsciiAlnum(s[end]);
}

size_t SkipSpaces(std::string_view s, size_t i, size_t max) {
  size_t n = 0;
  while (i < s.size() && n < max && (s[i] == ' ' || s[i] == '(')) ++i, ++n;
  return i;
}

// `words` grouped by their first (or last) byte, each group in list order,
// so that a position tries only the words that can fit there and the first
// that fits in list order still wins.
using ByteIndex = std::array<std::vector<const CurrencyWord*>, 256>;
template <size_t N>
ByteIndex IndexBy(const CurrencyWord (&words)[N], bool last_byte) {
  ByteIndex index;
  for (const CurrencyWord& w : words) {
    index[static_cast<unsigned char>(last_byte ? w.text.back() : w.text.front())].push_back(&w);
  }
  return index;
}

const CurrencyWord* SuffixAt(std::string_view s, size_t i, size_t* end) {
  static const ByteIndex by_first = IndexBy(kSuffix, false);
  if (i >= s.size()) return nullptr;
  for (const CurrencyWord* w : by_first[static_cast<unsigned char>(s[i])]) {
    if (s.substr(i, w->text.size()) == w->text && WordEndsAt(s, i + w->text.size(), w->text)) {
      *end = i + w->text.size();
      return w;
    }
  }
  return nullptr;
}

const CurrencyWord* PrefixBefore(std::string_view s, size_t i, size_t* start) {
  static const ByteIndex by_last = IndexBy(kPrefix, true);
  size_t j = i;
  while (j > 0 && i - j < 2 && s[j - 1] == ' ') --j;
  if (j == 0) return nullptr;
  for (const CurrencyWord* w : by_last[static_cast<unsigned char>(s[j - 1])]) {
    if (j >= w->text.size() && s.substr(j - w->text.size(), w->text.size()) == w->text) {
      size_t b = j - w->text.size();
      if (IsAsciiAlnum(w->text.front()) && b > 0 && IsAsciiAlnum(s[b - 1])) continue;
      *start = b;
      return w;
    }
  }
  return nullptr;
}

}  // namespace

std::optional<double> ParseNumber(std::string_view s, bool crypto) {
  std::string digits;
  while (!s.empty() &&
         (s.back() == '.' || s.back() == ',' || s.back() == ' ' || s.back() == '\'')) {
    s.remove_suffix(1);
  }
  if (s.empty() || s.size() > 40) return std::nullopt;
  size_t dots = 0, commas = 0;
  size_t last_sep = std::string_view::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.')
      ++dots, last_sep = i;
    else if (c == ',')
      ++commas, last_sep = i;
    else if (c != ' ' && c != '\'' && !IsDigit(c))
      return std::nullopt;
  }
  char decimal = 0;
  if (last_sep != std::string_view::npos) {
    char sep = s[last_sep];
    size_t after = s.size() - last_sep - 1;
    bool both = dots > 0 && commas > 0;
    size_t same = sep == '.' ? dots : commas;
    if (both) {
      decimal = sep;
    } else if (same > 1) {
      decimal = 0;  // "1.000.000" / "1,000,000"
    } else if (after == 3 && !crypto && last_sep > 0) {
      decimal = 0;  // "1,490" / "1.490" / "2,500" read as thousands for money
    } else {
      decimal = sep;
    }
  }
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (IsDigit(c))
      digits.push_back(c);
    else if (c == decimal && i == last_sep)
      digits.push_back('.');
  }
  if (digits.empty() || digits == ".") return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(digits.c_str(), &end);
  if (end == digits.c_str() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<double> ParseNumberWords(std::string_view words) {
  static constexpr std::array<std::string_view, 20> kSmall = {
      "zero",     "one",     "two",     "three",     "four",     "five",    "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static constexpr std::array<std::string_view, 8> kTens = {
      "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  double total = 0, group = 0;
  bool any = false;
  size_t i = 0;
  while (i < words.size()) {
    while (i < words.size() && (words[i] == ' ' || words[i] == '-')) ++i;
    size_t j = i;
    while (j < words.size() && words[j] != ' ' && words[j] != '-') ++j;
    std::string_view w = words.substr(i, j - i);
    i = j;
    if (w.empty()) break;
    if (w == "and" || w == "a") continue;
    bool matched = false;
    for (size_t k = 0; k < kSmall.size(); ++k) {
      if (w == kSmall[k]) group += static_cast<double>(k), matched = true;
    }
    for (size_t k = 0; k < kTens.size() && !matched; ++k) {
      if (w == kTens[k]) group += static_cast<double>(20 + 10 * k), matched = true;
    }
    if (!matched && w == "hundred") group = (group == 0 ? 1 : group) * 100, matched = true;
    if (!matched && w == "thousand") {
      total += (group == 0 ? 1 : group) * 1000, group = 0, matched = true;
    }
    if (!matched) return std::nullopt;
    any = true;
  }
  if (!any) return std::nullopt;
  return total + group;
}

std::vector<Money> FindAmounts(std::string_view s) {
  std::vector<Money> out;
  size_t i = 0;
  while (i < s.size() && out.size() < 200) {
    bool starts = IsDigit(s[i]) || (s[i] == '.' && i + 1 < s.size() && IsDigit(s[i + 1]));
    if (!starts || (i > 0 && (IsAsciiAlnum(s[i - 1]) &&
                              !(s[i - 1] == 'd' || s[i - 1] == 'r' || s[i - 1] == 'c')))) {
      ++i;
      continue;
    }
    // Digits with separators; a space separates thousands only before exactly
    // three digits ("1 490 €").
    size_t j = i;
    while (j < s.size()) {
      char c = s[j];
      if (IsDigit(c)) {
        ++j;
        continue;
      }
      if ((c == '.' || c == ',' || c == '\'') && j + 1 < s.size() && IsDigit(s[j + 1])) {
        ++j;
        continue;
      }
      if (c == ' ' && j + 3 < s.size() && IsDigit(s[j + 1]) && IsDigit(s[j + 2]) &&
          IsDigit(s[j + 3]) && (j + 4 >= s.size() || !IsDigit(s[j + 4])) && j > i &&
          IsDigit(s[j - 1]) && j - i <= 3) {
        j += 4;
        continue;
      }
      break;
    }
    std::string_view num = s.substr(i, j - i);
    size_t end = 0, start = i;
    // CJK multipliers between the number and the currency: 17万円, 2千美元.
    double multiplier = 1;
    size_t after = j;
    for (const auto& [word, factor] : kCjkMultipliers) {
      if (s.substr(j, word.size()) == word) {
        multiplier = factor;
        after = j + word.size();
        break;
      }
    }
    const CurrencyWord* cw = SuffixAt(s, SkipSpaces(s, after, 2), &end);
    if (!cw) multiplier = 1;
    if (!cw) {
      cw = PrefixBefore(s, i, &start);
      end = j;
    }
    // A digit run glued to letters on the right ("4k", "mp4") is not money.
    bool glued = !cw && j < s.size() && IsAsciiAlnum(s[j]);
    if (cw && !glued) {
      if (std::optional<double> v = ParseNumber(num, cw->crypto); v && *v > 0) {
        out.push_back({*v * multiplier, cw->code, cw->crypto, static_cast<uint32_t>(start),
                       static_cast<uint32_t>(end)});
      }
    }
    i = j == i ? i + 1 : j;
  }
  // Amounts in English words ("nine hundred us dollars").
  static constexpr std::string_view kWordCurrency[] = {
      "united states dollars", "us dollars", "dollars", "usd", "euros", "euro", "bitcoin", "btc"};
  for (std::string_view cur : kWordCurrency) {
    size_t pos = 0;
    while ((pos = s.find(cur, pos)) != std::string_view::npos) {
      size_t k = pos;
      while (k > 0 && s[k - 1] == ' ') --k;
      size_t b = k;
      // Walk back over up to eight words made of letters and hyphens.
      for (int words = 0; words < 8 && b > 0; ++words) {
        size_t c = b;
        while (c > 0 && ((s[c - 1] >= 'a' && s[c - 1] <= 'z') || s[c - 1] == '-')) --c;
        if (c == b) break;
        if (!ParseNumberWords(s.substr(c, k - c))) break;
        b = c;
        while (b > 0 && s[b - 1] == ' ') --b;
      }
      while (b < k && s[b] == ' ') ++b;
      if (b < k) {
        if (std::optional<double> v = ParseNumberWords(s.substr(b, k - b)); v && *v >= 10) {
          bool crypto = cur == "bitcoin" || cur == "btc";
          bool dup = std::any_of(out.begin(), out.end(),
                                 [&](const Money& m) { return m.from <= pos && m.to >= pos; });
          if (!dup) {
            out.push_back({*v, crypto ? "BTC" : (cur.starts_with("eur") ? "EUR" : "USD"), crypto,
                           static_cast<uint32_t>(b), static_cast<uint32_t>(pos + cur.size())});
          }
        }
      }
      pos += cur.size();
    }
  }
  std::sort(out.begin(), out.end(), [](const Money& a, const Money& b) { return a.from < b.from; });
  return out;
}

}  // namespace extortrace::detect
