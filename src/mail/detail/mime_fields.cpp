// Header fields and multipart boundaries read straight from the bytes, for
// the fast MIME reader (mime_fields.h).
#include "mail/detail/mime_fields.h"

#include <cstdint>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.h"
#include "mail/detail/gmime_glue.h"

namespace extortrace::mail::detail {
namespace {

thread_local const char* tl_decline = "";

}  // namespace

bool Decline(const char* why) {
  tl_decline = why;
  return false;
}

void ResetDecline() { tl_decline = ""; }

const char* LastDeclineReason() { return tl_decline; }

size_t FindTabOrBreak(std::string_view s, size_t from) {
  const char* p = s.data();
  size_t i = from;
#if defined(__SSE2__)
  const __m128i tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  auto hits = [&](size_t at) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)), _mm_cmpeq_epi8(v, cr))));
  };
  for (; i + 16 <= s.size(); i += 16) {
    if (unsigned mask = hits(i)) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
  if (i < s.size() && s.size() >= 16) {
    // The last sixteen bytes, of which those before `i` are already seen.
    size_t at = s.size() - 16;
    unsigned mask = hits(at) & (0xFFFFu << (i - at));
    return mask ? at + static_cast<size_t>(__builtin_ctz(mask)) : std::string_view::npos;
  }
#endif
  for (; i < s.size(); ++i) {
    if (p[i] == '\t' || p[i] == '\r' || p[i] == '\n') return i;
  }
  return std::string_view::npos;
}

std::string UnfoldValue(std::string_view raw) {
  size_t start = 0;
  while (start < raw.size() &&
         (raw[start] == ' ' || raw[start] == '\t' || raw[start] == '\r' || raw[start] == '\n')) {
    ++start;
  }
  raw.remove_prefix(start);
  size_t special = FindTabOrBreak(raw, 0);
  if (special == std::string_view::npos) return std::string(raw);
  std::string out;
  out.reserve(raw.size());
  size_t done = 0;
  for (size_t pos = special; pos != std::string_view::npos; pos = FindTabOrBreak(raw, pos + 1)) {
    out.append(raw.data() + done, pos - done);
    if (raw[pos] == '\t') out.push_back(' ');
    done = pos + 1;
  }
  out.append(raw.data() + done, raw.size() - done);
  return out;
}

namespace fields {

// std::string_view::find steps through every occurrence of the needle's
// first byte, and "-" or "o" are everywhere in mail: candidates are the
// positions where both its first and its last byte match, sixteen at a time,
// and memmem takes what is left.
size_t Find(std::string_view hay, std::string_view needle, size_t from) {
  if (from > hay.size()) return std::string_view::npos;
  const char* p = hay.data();
  size_t i = from;
#if defined(__SSE2__)
  const size_t m = needle.size();
  if (m >= 2) {
    const __m128i first = _mm_set1_epi8(needle.front()), last = _mm_set1_epi8(needle.back());
    for (; i + m - 1 + 16 <= hay.size(); i += 16) {
      __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + m - 1));
      auto mask = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
      for (; mask != 0; mask &= mask - 1) {
        size_t at = i + static_cast<size_t>(__builtin_ctz(mask));
        if (std::memcmp(p + at + 1, needle.data() + 1, m - 2) == 0) return at;
      }
    }
  }
#endif
  const void* r = memmem(p + i, hay.size() - i, needle.data(), needle.size());
  return r ? static_cast<size_t>(static_cast<const char*>(r) - p) : std::string_view::npos;
}

Line LineAt(std::string_view s, size_t pos) {
  const void* nl = std::memchr(s.data() + pos, '\n', s.size() - pos);
  size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - s.data()) : s.size();
  std::string_view text = s.substr(pos, end - pos);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return {text, nl ? end + 1 : std::string_view::npos};
}

namespace {

bool PrintableByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return !((u < 0x20 && u != '\t') || u == 0x7F);
}

}  // namespace

bool IsPrintableLine(std::string_view line) {
  const char* p = line.data();
  size_t n = line.size(), i = 0;
#if defined(__SSE2__)
  const __m128i max_control = _mm_set1_epi8(0x1F), tab = _mm_set1_epi8('\t'),
                del = _mm_set1_epi8(0x7F);
  auto clean = [&](size_t at) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
    __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, max_control), v);  // v <= 0x1F
    __m128i bad =
        _mm_or_si128(_mm_andnot_si128(_mm_cmpeq_epi8(v, tab), control), _mm_cmpeq_epi8(v, del));
    return _mm_movemask_epi8(bad) == 0;
  };
  for (; i + 16 <= n; i += 16) {
    if (!clean(i)) return false;
  }
  if (i < n && n >= 16) return clean(n - 16);  // the rest, with bytes already seen
#endif
  for (; i < n; ++i) {
    if (!PrintableByte(p[i])) return false;
  }
  return true;
}

std::string JoinLines(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  size_t done = 0;
  for (size_t pos = FindTabOrBreak(raw, 0); pos != std::string_view::npos;
       pos = FindTabOrBreak(raw, pos + 1)) {
    if (raw[pos] == '\t') continue;
    out.append(raw.data() + done, pos - done);
    done = pos + 1;
  }
  out.append(raw.data() + done, raw.size() - done);
  return out;
}

bool HasEncodedWord(std::string_view s) { return s.find("=?") != std::string_view::npos; }

bool IsBoundaryBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

bool ReadHeader(std::string_view s, std::vector<Field>* fields, size_t* body_offset) {
  fields->reserve(16);
  size_t pos = 0;
  bool field_crlf = false;  // how the current field's first line ends
  while (true) {
    Line line = LineAt(s, pos);
    if (line.next == std::string_view::npos) return Decline("header-without-end");
    const bool crlf = line.next >= 2 && s[line.next - 2] == '\r';
    if (line.text.empty()) {
      *body_offset = line.next;
      return true;
    }
    // 8-bit bytes are allowed: see Check8Bit.
    if (!IsPrintableLine(line.text)) return Decline("8bit-or-control-in-header");
    if (line.text[0] == ' ' || line.text[0] == '\t') {
      if (fields->empty() || IsBlank(line.text)) return Decline("bad-continuation");
      if (crlf != field_crlf) fields->back().mixed_endings = true;
      fields->back().ends_crlf = crlf;
      Field& f = fields->back();
      f.raw = std::string_view(f.raw.data(), line.text.data() + line.text.size() - f.raw.data());
    } else {
      size_t colon = line.text.find(':');
      if (colon == 0 || colon == std::string_view::npos) return Decline("line-without-colon");
      for (size_t i = 0; i < colon; ++i) {
        unsigned char c = static_cast<unsigned char>(line.text[i]);
        if (c <= ' ' || c > '~') return Decline("bad-field-name");
      }
      fields->push_back({line.text.substr(0, colon), line.text.substr(colon + 1), false, crlf});
      field_crlf = crlf;
    }
    pos = line.next;
  }
}

bool FindUnique(const std::vector<Field>& fields, std::string_view name, const Field** out) {
  *out = nullptr;
  for (const Field& f : fields) {
    if (!AsciiIEquals(f.name, name)) continue;
    if (*out) return Decline("duplicate-field");
    *out = &f;
  }
  return true;
}

void Check8Bit(const std::vector<Field>& fields, std::vector<std::string>* anomalies) {
  for (const Field& f : fields) {
    if (!IsValidUtf8(f.raw)) {
      AddAnomaly(anomalies, "unencoded-8bit-header");
      return;
    }
  }
}

bool IsContentField(std::string_view name) { return AsciiIEquals(name.substr(0, 8), "Content-"); }

bool IsSingleField(std::string_view name) {
  static constexpr std::string_view kSingle[] = {
      "bcc",        "cc",       "date",   "from",    "in-reply-to", "message-id",
      "references", "reply-to", "sender", "subject", "to"};
  if (name.size() < 2 || name.size() > 11) return false;
  for (std::string_view s : kSingle) {
    if (AsciiIEquals(name, s)) return true;
  }
  return false;
}

bool BalancedComments(std::string_view value) {
  int depth = 0;
  bool quoted = false;
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '\\') {
      ++i;  // quoted-pair
    } else if (quoted) {
      quoted = c != '"';
    } else if (c == '"' && depth == 0) {
      quoted = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth < 0) {
      return false;
    }
  }
  return depth == 0 && !quoted;
}

std::string RTrim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  return s;
}

std::string Trim(std::string s) {
  s = RTrim(std::move(s));
  size_t start = s.find_first_not_of(" \t");
  s.erase(0, start == std::string::npos ? s.size() : start);
  return s;
}

bool SplitMultipart(std::string_view message, std::string_view body, std::string_view boundary,
                    std::vector<std::string_view>* parts, bool* truncated) {
  *truncated = false;
  const std::string marker = "--" + std::string(boundary);
  size_t part_start = std::string_view::npos;
  // Only lines that start with "--boundary" matter: jump from one to the next.
  for (size_t pos = Find(body, marker, 0); pos != std::string_view::npos;
       pos = Find(body, marker, pos + 1)) {
    // Mid-line "--boundary": GMime's buffered line scan can still end a
    // header block there; left to it.
    if (pos > 0 && body[pos - 1] != '\n') return Decline("boundary-inside-line");
    Line line = LineAt(body, pos);
    std::string_view rest = line.text.substr(marker.size());
    bool end = false;
    if (!IsBoundaryBlank(rest)) {
      // "--boundaryX" is content for GMime, at every nesting level.
      if (rest.size() < 2 || rest[0] != '-' || rest[1] != '-' || !IsBoundaryBlank(rest.substr(2))) {
        continue;
      }
      end = true;
    }
    if (part_start != std::string_view::npos) {
      // GMime gives the line break before a boundary to the boundary: two
      // bytes when the boundary line itself ends in CR LF, else one.
      const char* start = body.data() + pos;
      const char* stop = message.data() + message.size();
      const void* nl = std::memchr(start, '\n', static_cast<size_t>(stop - start));
      const char* end_of_text = nl ? static_cast<const char*>(nl) : stop;
      size_t strip = end_of_text > start && end_of_text[-1] == '\r' ? 2 : 1;
      size_t len = pos - part_start;
      if (len > 0 && len < strip) return Decline("short-part");
      parts->push_back(body.substr(part_start, len == 0 ? 0 : len - strip));
    }
    if (end) return parts->empty() ? Decline("empty-multipart") : true;
    if (line.next == std::string_view::npos) return Decline("boundary-at-eof");
    part_start = line.next;
  }
  if (part_start == std::string_view::npos) return Decline("no-boundary-line");
  // No end boundary. At the end of the message GMime ends the last part
  // there (keeping its final line break) and calls the message truncated;
  // before it (a parent's boundary comes first) it calls the multipart
  // malformed: left to GMime.
  if (body.data() + body.size() != message.data() + message.size()) {
    return Decline("no-end-boundary");
  }
  parts->push_back(body.substr(part_start));
  *truncated = true;
  return true;
}

bool DistinctBoundaries(std::string_view raw) {
  std::vector<std::string_view> seen;
  for (size_t pos = 0; (pos = Find(raw, "oundary=", pos)) != std::string_view::npos; pos += 8) {
    if (pos == 0 || AsciiLower(raw[pos - 1]) != 'b') continue;
    size_t start = pos + 8, end = start;
    if (start < raw.size() && raw[start] == '"') {
      end = raw.find('"', ++start);
      if (end == std::string_view::npos) end = raw.size();
    } else {
      while (end < raw.size() && raw[end] != ';' && raw[end] != ' ' && raw[end] != '\t' &&
             raw[end] != '\r' && raw[end] != '\n') {
        ++end;
      }
    }
    std::string_view b = raw.substr(start, end - start);
    for (std::string_view o : seen) {
      if (o.substr(0, b.size()) == b.substr(0, o.size())) return false;
    }
    if (seen.size() == 64) return false;
    seen.push_back(b);
  }
  return true;
}

}  // namespace fields
}  // namespace extortrace::mail::detail
