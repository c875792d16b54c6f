#include "detect/matcher.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <memory>

namespace extortrace::detect {
namespace {

// RE2 runs the lexicons (docs/decisions/detect-re2.md): one RE2::Set says
// which patterns occur anywhere in the text (a single DFA pass), then each
// occurring pattern is searched again for its leftmost matches and offsets.
// Hyperscan was tried first: with a few hundred patterns with bounded gaps
// ("(?:\w+\s+){0,8}") its compiler needs 5 s, and 40 s with start-of-match
// offsets, which every evidence snippet needs.
//
// UTF-8 mode: "." is one code point (CJK gaps count characters). \b and \w
// are ASCII in RE2; \w is widened to every non-ASCII code point so that a
// word like "przejął" is one \w+ run and gaps step over CJK and Cyrillic.

std::string Widen(std::string_view pattern) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      if (pattern[i + 1] == 'w') {
        out += "[\\w\\x{80}-\\x{10FFFF}]";
      } else {
        out += pattern.substr(i, 2);
      }
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

RE2::Options MakeOptions() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_case_sensitive(false);
  o.set_dot_nl(true);
  o.set_log_errors(false);
  o.set_max_mem(32 << 20);
  return o;
}

struct Compiled {
  std::vector<std::unique_ptr<RE2>> res;  // one per entry
  std::unique_ptr<RE2::Set> set;
  std::string error;
};

const Compiled& GetCompiled() {
  static const Compiled* instance = [] {
    auto* c = new Compiled();
    const RE2::Options options = MakeOptions();
    RE2::Options set_options = options;
    set_options.set_max_mem(256 << 20);
    c->set = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
    for (const EntryInfo& e : Entries()) {
      std::string w = Widen(e.entry->pattern);
      auto re = std::make_unique<RE2>(w, options);
      if (!re->ok()) {
        c->error = std::string("[") + e.lang + "] " + re->error() + " in " + e.entry->pattern;
        break;
      }
      std::string err;
      if (c->set->Add(w, &err) < 0) {
        c->error = std::string("[") + e.lang + "] set: " + err;
        break;
      }
      c->res.push_back(std::move(re));
    }
    if (c->error.empty() && !c->set->Compile()) c->error = "RE2::Set::Compile failed";
    if (!c->error.empty()) c->set.reset();
    return c;
  }();
  return *instance;
}

}  // namespace

const std::vector<EntryInfo>& Entries() {
  static const std::vector<EntryInfo> entries = [] {
    std::vector<EntryInfo> v;
    for (const Lexicon& lex : AllLexicons()) {
      for (const LexEntry& e : lex.entries) v.push_back({&e, lex.lang});
    }
    return v;
  }();
  return entries;
}

std::vector<Hit> Match(std::string_view folded, uint32_t max_hits_per_entry) {
  std::vector<Hit> out;
  const Compiled& c = GetCompiled();
  if (!c.set || folded.empty() || folded.size() > 0x7FFFFFF0u) return out;
  const re2::StringPiece text(folded.data(), folded.size());
  std::vector<int> which;
  RE2::Set::ErrorInfo info{};
  if (!c.set->Match(text, &which, &info)) {
    if (info.kind != RE2::Set::kNoError) {
      // The set's DFA ran out of memory on this input: try every pattern.
      which.resize(c.res.size());
      for (size_t i = 0; i < which.size(); ++i) which[i] = static_cast<int>(i);
    } else {
      return out;
    }
  }
  std::sort(which.begin(), which.end());
  for (int id : which) {
    const RE2& re = *c.res[static_cast<size_t>(id)];
    size_t pos = 0;
    for (uint32_t n = 0; n < max_hits_per_entry && pos <= folded.size(); ++n) {
      re2::StringPiece m;
      if (!re.Match(text, pos, folded.size(), RE2::UNANCHORED, &m, 1)) break;
      uint32_t from = static_cast<uint32_t>(m.data() - folded.data());
      uint32_t to = from + static_cast<uint32_t>(m.size());
      out.push_back({static_cast<uint32_t>(id), from, to});
      pos = to > from ? to : to + 1;
    }
  }
  std::sort(out.begin(), out.end(), [](const Hit& a, const Hit& b) {
    return a.from != b.from ? a.from < b.from : a.entry < b.entry;
  });
  return out;
}

const std::string& CompileError() { return GetCompiled().error; }

}  // namespace extortrace::detect
