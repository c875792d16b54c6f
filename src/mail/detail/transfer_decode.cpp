#include "mail/detail/transfer_decode.h"

#include <gmime/gmime.h>

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/hex.h"
#include "mail/detail/gmime_glue.h"

namespace extortrace::mail::detail {
namespace {

constexpr uint8_t kSkip = 0xFF;  // not in the alphabet: skipped
constexpr uint8_t kPad = 0xFE;   // '=': the end

constexpr std::array<uint8_t, 256> MakeRanks() {
  std::array<uint8_t, 256> t{};
  for (auto& r : t) r = kSkip;
  constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (uint8_t i = 0; i < 64; ++i) t[static_cast<uint8_t>(kAlphabet[i])] = i;
  t['='] = kPad;
  return t;
}

constexpr std::array<uint8_t, 256> kRanks = MakeRanks();

// For a whole quad "abcd": the rank of its k-th character moved to where it
// lands in the three output bytes, as a little-endian word (byte 0 first);
// characters outside the alphabet (and '=') set the top bit instead.
constexpr uint32_t kNotInQuad = 0x80000000u;

constexpr std::array<uint32_t, 256> MakeQuadTable(int k) {
  std::array<uint32_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    uint32_t r = kRanks[static_cast<size_t>(c)];
    if (r >= 64) {
      t[static_cast<size_t>(c)] = kNotInQuad;
      continue;
    }
    uint32_t v = 0;
    if (k == 0) v = r << 2;
    if (k == 1) v = (r >> 4) | ((r & 15) << 12);
    if (k == 2) v = ((r >> 2) << 8) | ((r & 3) << 22);
    if (k == 3) v = r << 16;
    t[static_cast<size_t>(c)] = v;
  }
  return t;
}

constexpr std::array<uint32_t, 256> kQuad0 = MakeQuadTable(0), kQuad1 = MakeQuadTable(1),
                                    kQuad2 = MakeQuadTable(2), kQuad3 = MakeQuadTable(3);

std::string WithGMime(std::string_view content, GMimeContentEncoding encoding) {
  InitGMime();
  GMimeEncoding state;
  g_mime_encoding_init_decode(&state, encoding);
  std::string out(g_mime_encoding_outlen(&state, content.size()), '\0');
  size_t n = g_mime_encoding_flush(&state, content.data(), content.size(), out.data());
  out.resize(n);
  return out;
}

}  // namespace

std::string DecodeBase64(std::string_view content) {
  std::string out(content.size() / 4 * 3 + 3, '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  const auto* p = reinterpret_cast<const unsigned char*>(content.data());
  const unsigned char* end = p + content.size();
  uint32_t saved = 0;
  int n = 0;  // characters in `saved`
  while (p < end) {
    // Whole quads of alphabet characters, the bulk of any base64 line: three
    // bytes written as one word (the fourth is overwritten next, or beyond
    // the output kept; `out` has room for it).
    while (n == 0 && end - p >= 4) {
      uint32_t w = kQuad0[p[0]] | kQuad1[p[1]] | kQuad2[p[2]] | kQuad3[p[3]];
      if (w & kNotInQuad) break;
      if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(o, &w, 4);
      } else {
        o[0] = static_cast<unsigned char>(w);
        o[1] = static_cast<unsigned char>(w >> 8);
        o[2] = static_cast<unsigned char>(w >> 16);
      }
      o += 3;
      p += 4;
    }
    if (p == end) break;
    uint8_t r = kRanks[*p++];
    if (r == kSkip) continue;
    if (r == kPad) {
      if (n == 2) {
        *o++ = static_cast<unsigned char>(saved >> 4);
      } else if (n == 3) {
        *o++ = static_cast<unsigned char>(saved >> 10);
        *o++ = static_cast<unsigned char>(saved >> 2);
      }
      break;
    }
    saved = (saved << 6) | r;
    if (++n == 4) {
      o[0] = static_cast<unsigned char>(saved >> 16);
      o[1] = static_cast<unsigned char>(saved >> 8);
      o[2] = static_cast<unsigned char>(saved);
      o += 3;
      n = 0;
    }
  }
  out.resize(static_cast<size_t>(o - reinterpret_cast<unsigned char*>(out.data())));
  return out;
}

std::string DecodeQuotedPrintable(std::string_view content) {
  std::string out(content.size(), '\0');
  char* o = out.data();
  const char* p = content.data();
  const char* end = p + content.size();
  while (p < end) {
    const void* eq = std::memchr(p, '=', static_cast<size_t>(end - p));
    const char* stop = eq ? static_cast<const char*>(eq) : end;
    std::memcpy(o, p, static_cast<size_t>(stop - p));
    o += stop - p;
    if (stop == end) break;
    p = stop + 1;
    if (p == end) break;  // "=" at the end
    unsigned char a = static_cast<unsigned char>(*p++);
    if (a == '\n') continue;  // soft break
    if (p == end) break;      // "=a" at the end
    unsigned char b = static_cast<unsigned char>(*p++);
    int high = HexDigitValue(static_cast<char>(a)), low = HexDigitValue(static_cast<char>(b));
    if (high >= 0 && low >= 0) {
      *o++ = static_cast<char>((high << 4) | low);
    } else if (!(a == '\r' && b == '\n')) {  // CR LF: soft break
      *o++ = '=';
      *o++ = static_cast<char>(a);
      *o++ = static_cast<char>(b);
    }
  }
  out.resize(static_cast<size_t>(o - out.data()));
  return out;
}

std::string DecodeBase64WithGMime(std::string_view content) {
  return WithGMime(content, GMIME_CONTENT_ENCODING_BASE64);
}

std::string DecodeQuotedPrintableWithGMime(std::string_view content) {
  return WithGMime(content, GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
}

}  // namespace extortrace::mail::detail
