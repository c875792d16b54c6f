#include "text/detail/junk.h"

#include <array>
#include <cstdint>
#include <string>
#include <unordered_set>

namespace extortrace::text::detail {
namespace {

// Cost of each letter bigram, in tenths of a nat: -10 * ln P(bigram),
// estimated from the words of the legitimate mail in ../shared/data/mail/ham
// plus a few hundred common Polish, German, Italian, French, Spanish,
// Portuguese, Dutch and Danish words (so that those languages do not look
// random). Row = first letter, column = second letter.
constexpr uint8_t kBigramCost[26][26] = {
    {75, 60, 51, 53, 81, 75, 57, 76, 57, 83, 65, 46, 53,  // a
     45, 86, 58, 91, 47, 52, 45, 65, 67, 69, 80, 66, 72},
    {60, 78, 79, 91,  56, 98, 103, 92, 61, 89,  86, 58, 87,  // b
     95, 60, 91, 114, 64, 71, 86,  64, 98, 101, 98, 81, 125},
    {52, 93, 69, 87, 53, 95, 99, 49, 56, 87,  58,  61, 86,  // c
     94, 47, 83, 94, 60, 74, 55, 62, 98, 103, 101, 76, 77},
    {59, 81, 82, 71,  47, 91, 78, 87, 51, 83, 98,  73, 78,  // d
     82, 58, 88, 109, 65, 65, 81, 66, 80, 87, 109, 77, 67},
    {52, 68, 52, 44, 59, 63, 63, 72, 62, 83, 74, 51, 56,  // e
     41, 68, 61, 76, 39, 42, 53, 70, 63, 67, 61, 70, 71},
    {64, 101, 90, 93,  62, 65, 103, 114, 58,  114, 114, 68, 97,  // f
     95, 59,  93, 125, 66, 81, 71,  69,  109, 98,  109, 83, 125},
    {62, 93, 93, 98,  53, 94, 72, 66, 62,  114, 87,  71, 84,  // g
     68, 65, 86, 125, 60, 71, 79, 67, 103, 95,  105, 84, 105},
    {55, 91, 84, 84,  53, 94, 105, 99, 57,  125, 109, 80, 81,  // h
     75, 57, 90, 109, 64, 84, 66,  67, 125, 81,  114, 78, 99},
    {55, 64, 48, 57, 49, 63, 57, 93, 90, 84, 78, 53, 57,  // i
     37, 48, 64, 90, 60, 49, 49, 81, 59, 99, 77, 99, 67},
    {74,  105, 109, 101, 65,  125, 125, 114, 89, 114, 109, 114, 109,  // j
     125, 73,  101, 125, 109, 98,  114, 76,  87, 125, 125, 125, 125},
    {71, 93, 103, 97,  57, 98, 92, 93, 64,  114, 105, 77, 89,  // k
     84, 65, 92,  125, 89, 69, 73, 77, 109, 97,  125, 82, 125},
    {51, 83, 80, 67,  47, 80, 91, 109, 47, 114, 81,  52, 80,  // l
     91, 55, 82, 114, 93, 63, 65, 63,  79, 103, 105, 54, 105},
    {50, 68, 81, 85,  48, 93, 97, 89, 53,  114, 99,  83, 67,  // m
     87, 57, 57, 109, 97, 69, 81, 66, 103, 98,  103, 82, 114},
    {54, 81, 56, 51, 50, 62, 43, 85, 51, 81, 68, 75, 81,  // n
     64, 58, 81, 89, 81, 50, 44, 68, 70, 88, 98, 75, 90},
    {69, 65, 61, 61,  74, 71, 66, 83, 70, 78, 70, 56, 53,  // o
     42, 60, 60, 109, 45, 56, 58, 54, 65, 59, 79, 77, 78},
    {54, 94, 83, 89,  53, 97, 88, 67, 59,  114, 93,  58, 84,  // p
     94, 56, 64, 114, 52, 66, 63, 66, 109, 97,  105, 81, 114},
    {109, 125, 125, 109, 105, 125, 125, 125, 101, 125, 125, 103, 105,  // q
     114, 114, 114, 109, 114, 103, 101, 65,  125, 109, 125, 125, 125},
    {46, 74, 65, 62,  41, 75, 67, 78, 47, 109, 69, 71, 59,  // r
     66, 49, 71, 103, 62, 54, 55, 64, 71, 83,  89, 62, 74},
    {59, 83, 55, 79, 49, 81, 85, 57, 51, 114, 71,  66, 70,  // s
     73, 60, 59, 88, 80, 54, 44, 58, 91, 73,  105, 70, 66},
    {50, 84, 69, 84,  42, 81, 93, 56, 42, 109, 79, 68, 80,  // t
     83, 52, 80, 125, 52, 55, 61, 61, 94, 67,  91, 63, 87},
    {67, 65, 67, 71,  64, 79, 68, 90, 66,  87,  88, 59, 63,  // u
     52, 85, 65, 114, 53, 55, 58, 81, 105, 105, 89, 95, 93},
    {63, 105, 93,  93,  50, 105, 105, 105, 59,  125, 125, 98, 93,  // v
     99, 68,  101, 125, 85, 93,  105, 97,  109, 114, 105, 99, 125},
    {62, 93, 97, 83,  62, 95, 101, 74,  59,  125, 99,  81, 94,  // w
     70, 62, 98, 125, 79, 71, 95,  101, 105, 105, 103, 84, 125},
    {86,  103, 80, 101, 77, 93, 101, 92, 77,  125, 125, 103, 92,  // x
     109, 93,  72, 105, 99, 91, 76,  95, 105, 109, 83,  97,  125},
    {75, 80, 84, 92,  73, 103, 101, 103, 76,  88, 103, 82, 80,  // y
     75, 81, 77, 114, 88, 65,  86,  97,  101, 93, 109, 98, 98},
    {65,  114, 87, 80,  60, 125, 114, 103, 66,  125, 125, 105, 109,  // z
     109, 76,  87, 125, 88, 125, 101, 85,  114, 87,  125, 73,  90},
};

constexpr int kRandomCost = 70;  // mean cost above which a token looks random
constexpr size_t kWindow = 10;
constexpr size_t kWindowHits = 8;
constexpr size_t kBracketRun = 6;
constexpr size_t kBracketTotal = 8;  // "(mksuiem)" sprinkled between real words

bool Letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsEdgePunct(char c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' ||
         c == '\'';
}

// Byte classes for HasJunkBlock's token scan.
enum : uint8_t { kSeparator = 1, kLetter = 2, kDigit = 4, kNonAscii = 8, kOtherAscii = 16 };
constexpr auto kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c == ' ' || c == '\n' || c == '\t') {
      t[c] = kSeparator;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      t[c] = kLetter;
    } else if (c >= '0' && c <= '9') {
      t[c] = kDigit;
    } else if (c >= 0x80) {
      t[c] = kNonAscii;
    } else {
      t[c] = kOtherAscii;
    }
  }
  return t;
}();

struct Token {
  bool letters = false;  // ASCII letters only (after trimming punctuation)
  bool bracketed = false;
  std::string_view core;  // the token without edge punctuation and brackets
};

Token Classify(std::string_view raw) {
  Token t;
  while (!raw.empty() && IsEdgePunct(raw.back())) raw.remove_suffix(1);
  while (!raw.empty() && IsEdgePunct(raw.front())) raw.remove_prefix(1);
  if (raw.size() >= 2 && (raw.front() == '(' || raw.front() == '[') &&
      (raw.back() == ')' || raw.back() == ']')) {
    t.bracketed = true;
    raw = raw.substr(1, raw.size() - 2);
  }
  if (raw.empty()) return t;
  for (char c : raw) {
    if (!Letter(c)) return t;
  }
  t.letters = true;
  t.core = raw;
  return t;
}

// Whether a token counts as random junk: long enough and LooksRandom.
bool Random(const Token& t) {
  return t.letters && t.core.size() >= (t.bracketed ? 3u : 4u) && LooksRandom(t.core);
}

}  // namespace

bool LooksRandom(std::string_view token) {
  if (token.size() < 2) return false;
  constexpr uint32_t kVowels = (1u << ('a' - 'a')) | (1u << ('e' - 'a')) | (1u << ('i' - 'a')) |
                               (1u << ('o' - 'a')) | (1u << ('u' - 'a')) | (1u << ('y' - 'a'));
  size_t vowels = 0;
  size_t case_switches = 0;
  int cost = 0;
  bool all_upper = true;
  int prev = -1;  // index of the previous letter
  for (size_t i = 0; i < token.size(); ++i) {
    char c = token[i];
    if (!Letter(c)) return false;
    const int lower = (c | 0x20) - 'a';
    vowels += (kVowels >> lower) & 1;
    all_upper = all_upper && (c & 0x20) == 0;
    if (prev >= 0) {
      cost += kBigramCost[prev][lower];
      if (i > 1 && ((token[i - 1] & 0x20) != (c & 0x20))) ++case_switches;
    }
    prev = lower;
  }
  // All capitals: acronyms and log tags ("HTTP", "[UDP]"), not junk.
  if (all_upper) return false;
  if (vowels == 0 && token.size() >= 4) return true;
  if (case_switches >= 3) return true;
  return cost > kRandomCost * static_cast<int>(token.size() - 1);
}

bool HasJunkBlock(std::string_view text) {
  // One streaming pass: a ring of the last kWindow token verdicts, and the
  // current run of bracketed tokens. A ring entry may stay undecided
  // (kMaybe): LooksRandom runs only once a window could reach kWindowHits.
  enum : uint8_t { kNo, kYes, kMaybe };
  struct Entry {
    uint8_t state = kNo;
    std::string_view core;  // kMaybe: the token to judge
  };
  Entry ring[kWindow];
  size_t seen = 0, hits = 0, maybe = 0;
  size_t ring_pos = 0;  // seen % kWindow
  size_t run = 0, run_random = 0;
  size_t bracketed = 0;
  std::unordered_set<std::string_view> bracketed_random;  // distinct: log tags repeat
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && kByteClass[static_cast<unsigned char>(text[i])] == kSeparator) ++i;
    size_t j = i;
    unsigned classes = 0;
    while (j < text.size()) {
      const uint8_t c = kByteClass[static_cast<unsigned char>(text[j])];
      if (c == kSeparator) break;
      classes |= c;
      ++j;
    }
    // Pure punctuation ("-", "|") neither helps nor breaks a block.
    if (j > i && (classes & (kLetter | kDigit | kNonAscii)) != 0) {
      Token t;
      if (classes == kLetter) {  // the common case: Classify has nothing to trim
        t.letters = true;
        t.core = text.substr(i, j - i);
      } else {
        t = Classify(text.substr(i, j - i));
      }
      const bool bracketed_letters = t.bracketed && t.letters;
      const bool candidate = t.letters && t.core.size() >= (t.bracketed ? 3u : 4u);
      bool random = false;
      Entry& slot = ring[ring_pos];
      ring_pos = ring_pos + 1 == kWindow ? 0 : ring_pos + 1;
      hits -= slot.state == kYes;
      maybe -= slot.state == kMaybe;
      if (!candidate) {
        slot.state = kNo;
      } else if (bracketed_letters) {  // the bracket rules need the answer now
        random = Random(t);
        slot.state = random ? kYes : kNo;
      } else {
        slot.state = kMaybe;
        slot.core = t.core;
      }
      hits += slot.state == kYes;
      maybe += slot.state == kMaybe;
      ++seen;
      if (seen >= kWindow && hits + maybe >= kWindowHits) {
        for (Entry& e : ring) {
          if (e.state != kMaybe) continue;
          e.state = LooksRandom(e.core) ? kYes : kNo;
          hits += e.state == kYes;
          --maybe;
        }
        if (hits >= kWindowHits) return true;
      }
      if (bracketed_letters) {
        ++bracketed;
        if (random) bracketed_random.insert(text.substr(i, j - i));
        if (bracketed >= kBracketTotal && bracketed_random.size() * 2 >= bracketed) return true;
        ++run;
        run_random += random;
        if (run >= kBracketRun && run_random * 4 >= run * 3) return true;
      } else {
        run = run_random = 0;
      }
    }
    i = j;
  }
  return false;
}

}  // namespace extortrace::text::detail
