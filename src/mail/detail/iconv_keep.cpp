#include "mail/detail/iconv_keep.h"

#include <gmime/gmime.h>

#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/ascii.h"

namespace extortrace::mail::detail {
namespace {

struct Kept {
  std::mutex mu;
  std::set<std::string, std::less<>> names;  // lowercased, each with an open descriptor
  std::vector<iconv_t> open;                 // held, so that they are never leaked
};

Kept& State() {
  static Kept* kept = new Kept;  // never destroyed: the descriptors stay open
  return *kept;
}

// Charset names are short tokens of letters, digits and "-_.:()".
bool IsCharsetChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':' || c == '(' || c == ')';
}

void Keep(std::string_view charset) {
  std::string name = AsciiLowerCopy(charset);
  // Each thread remembers what is already kept, so that the common case
  // takes no lock.
  thread_local std::set<std::string, std::less<>> done;
  if (done.count(name)) return;
  Kept& k = State();
  std::lock_guard<std::mutex> lock(k.mu);
  if (!k.names.count(name)) {
    if (k.names.size() >= kMaxKeptCharsets) return;
    // A name iconv does not know is not remembered (GMime fails on it the
    // same way), so made-up names cannot use up the slots.
    iconv_t cd = g_mime_iconv_open("UTF-8", name.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return;
    k.open.push_back(cd);
    k.names.insert(name);
  }
  if (done.size() < kMaxKeptCharsets) done.insert(std::move(name));
}

}  // namespace

void KeepEncodedWordCharsetsLoaded(std::string_view s) {
  for (size_t p = s.find("=?"); p != std::string_view::npos; p = s.find("=?", p + 2)) {
    size_t b = p + 2, e = b;
    while (e < s.size() && e - b < 40 && IsCharsetChar(s[e])) ++e;
    if (e == b || e >= s.size() || (s[e] != '?' && s[e] != '*')) continue;
    Keep(s.substr(b, e - b));
  }
}

size_t KeptCharsetCount() {
  Kept& k = State();
  std::lock_guard<std::mutex> lock(k.mu);
  return k.names.size();
}

}  // namespace extortrace::mail::detail
