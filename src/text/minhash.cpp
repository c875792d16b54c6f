#include "text/minhash.h"

#include <algorithm>
#include <cstdio>

#include "core/utf8.h"

namespace extortrace::text {
namespace {

uint64_t Mix(uint64_t x) {  // splitmix64 finaliser
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

uint64_t HashString(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

bool IsCjk(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
         (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF);
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return c >= 0xC0 && !IsCjk(c) && c != 0xFFFD && !(c >= 0x2000 && c <= 0x2BFF) &&
         !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFF00 && c <= 0xFF65);
}

// Masks a token: numbers, wallet-like alphanumerics (long, with digits) and
// e-mail/URL fragments all become a class marker.
std::string MaskToken(std::string tok) {
  bool digit = false, alpha = false;
  for (char c : tok) {
    if (c >= '0' && c <= '9')
      digit = true;
    else
      alpha = true;
  }
  if (digit && !alpha) return "#n";
  if (digit && tok.size() >= 20) return "#w";
  if (digit) return "#x";
  return tok;
}

}  // namespace

MinHash TemplateSignature(std::string_view folded) {
  std::vector<uint64_t> tokens;
  std::string word;
  size_t pos = 0;
  auto flush_word = [&] {
    if (!word.empty()) {
      tokens.push_back(HashString(MaskToken(word)));
      word.clear();
    }
  };
  while (pos < folded.size()) {
    size_t start = pos;
    char32_t c = Utf8Next(folded, &pos);
    if (c == '@' || c == '/' || c == ':') {  // e-mail and URL pieces join the word
      if (!word.empty()) word.push_back(static_cast<char>(c));
      continue;
    }
    if (IsCjk(c)) {
      flush_word();
      tokens.push_back(HashString(folded.substr(start, pos - start)));
    } else if (IsWordChar(c)) {
      word.append(folded.substr(start, pos - start));
    } else {
      flush_word();
    }
  }
  flush_word();
  // Collapse masked e-mail/URL words: anything containing '@' or '/' is one class.
  MinHash sig;
  sig.fill(0xFFFFFFFFu);
  if (tokens.size() < 3) return sig;
  for (size_t i = 0; i + 2 < tokens.size(); ++i) {
    uint64_t shingle = Mix(tokens[i] ^ Mix(tokens[i + 1] ^ Mix(tokens[i + 2])));
    for (size_t k = 0; k < kMinHashSize; ++k) {
      uint32_t h = static_cast<uint32_t>(Mix(shingle ^ (0x51ed270b27ull * (k + 1))) >> 32);
      sig[k] = std::min(sig[k], h);
    }
  }
  return sig;
}

double EstimatedJaccard(const MinHash& a, const MinHash& b) {
  size_t same = 0;
  for (size_t k = 0; k < kMinHashSize; ++k) same += a[k] == b[k];
  return static_cast<double>(same) / kMinHashSize;
}

std::string MinHashToHex(const MinHash& m) {
  std::string out;
  out.reserve(kMinHashSize * 8);
  char buf[9];
  for (uint32_t v : m) {
    std::snprintf(buf, sizeof buf, "%08x", v);
    out.append(buf, 8);
  }
  return out;
}

bool MinHashFromHex(std::string_view hex, MinHash* out) {
  if (hex.size() != kMinHashSize * 8) return false;
  for (size_t k = 0; k < kMinHashSize; ++k) {
    uint32_t v = 0;
    for (size_t j = 0; j < 8; ++j) {
      char c = hex[k * 8 + j];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (d < 0) return false;
      v = v << 4 | static_cast<uint32_t>(d);
    }
    (*out)[k] = v;
  }
  return true;
}

std::vector<std::string> LshBuckets(const MinHash& m) {
  constexpr size_t rows = kMinHashSize / kLshBands;
  std::vector<std::string> out;
  out.reserve(kLshBands);
  for (size_t b = 0; b < kLshBands; ++b) {
    uint64_t h = 0;
    for (size_t r = 0; r < rows; ++r) h = Mix(h ^ m[b * rows + r]);
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    out.emplace_back(buf, 16);
  }
  return out;
}

bool IsEmptySignature(const MinHash& m) {
  return std::all_of(m.begin(), m.end(), [](uint32_t v) { return v == 0xFFFFFFFFu; });
}

}  // namespace extortrace::text
