#include "detect/matcher.h"

#include <hs/hs.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <memory>

#include "core/utf8.h"
#include "detect/detail/patterns.h"
#include "detect/detail/prefilter_db.h"

namespace extortrace::detect {
namespace {

// Two stages (docs/decisions/0010 and 0013):
//  1. Prefilter: which patterns can match at all. Normally one Hyperscan
//     pass over a database of the whole patterns in prefilter mode (compiled
//     at build time, detail/prefilter_db.h): it never misses a pattern that
//     matches and, on our lexicons, reports almost only those. Without that
//     database (it failed to build, or does not load on this CPU), RE2's
//     FilteredRE2 derives from every pattern the literal "atoms" any match
//     must contain, all atoms are matched in one Hyperscan literal pass, and
//     the patterns whose atom condition holds are the candidates (several
//     times more of them).
//  2. Only the candidates are searched with RE2 for their leftmost matches
//     and offsets.
// Hyperscan alone was tried first: with a few hundred patterns with bounded
// gaps ("(?:\w+\s+){0,8}") its compiler needs 5 s (40 s with start-of-match
// offsets, which evidence needs); an RE2::Set over all patterns compiles
// fast but its DFA thrashes (20 ms per message).
//
// UTF-8 mode: "." is one code point (CJK gaps count characters). \b and \w
// are ASCII in RE2; \w is widened to every non-ASCII code point so that a
// word like "przejął" is one \w+ run and gaps step over CJK and Cyrillic.

struct Compiled {
  re2::FilteredRE2 filter{3};
  std::vector<int> entry_of;             // FilteredRE2 id -> entry index
  std::vector<int> filter_id_of;         // entry index -> FilteredRE2 id
  hs_database_t* patterns_db = nullptr;  // the embedded prefilter database, if it loaded
  std::string patterns_db_error;         // why it did not
  hs_database_t* atoms_db = nullptr;
  hs_database_t* gate_db = nullptr;  // crypto words (detail::CryptoWords)
  hs_scratch_t* proto = nullptr;
  size_t atom_count = 0;
  std::string error;
};

// `e` deserialized if it was built from strings with hash `want` and loads
// on this machine; otherwise nullptr and *why.
hs_database_t* Load(const detail::EmbeddedDb& e, uint64_t want, std::string_view build_error,
                    std::string* why) {
  if (e.bytes.empty()) {
    *why = build_error.empty() ? "not built" : std::string(build_error);
    return nullptr;
  }
  if (e.hash != want) {
    *why = "built from other patterns";
    return nullptr;
  }
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(e.bytes.data(), e.bytes.size(), &db) != HS_SUCCESS) {
    *why = "does not load on this machine";
    return nullptr;
  }
  return db;
}

// The embedded literal database for `set`, or one compiled now (~0.1 s for
// the atoms) when the embedded one is missing or stale.
hs_database_t* LiteralDb(const detail::EmbeddedDb& e, const detail::LiteralSet& set,
                         std::string* error) {
  std::string why;
  if (hs_database_t* db = Load(e, detail::StringSetHash(set.words), {}, &why)) return db;
  return detail::CompileLiterals(set, nullptr, error);
}

const Compiled& GetCompiled() {
  static const Compiled* instance = [] {
    auto* c = new Compiled();
    const RE2::Options options = detail::MatcherOptions();
    const std::vector<EntryInfo>& entries = Entries();
    const std::vector<std::string> patterns = detail::RuntimePatterns();
    for (size_t i = 0; i < entries.size(); ++i) {
      int id = -1;
      if (c->filter.Add(patterns[i], options, &id) != RE2::NoError) {
        c->error =
            std::string("[") + entries[i].lang + "] cannot compile " + entries[i].entry->pattern;
        return c;
      }
      c->entry_of.push_back(static_cast<int>(i));
      c->filter_id_of.push_back(id);
    }
    const detail::EmbeddedDbs embedded = detail::EmbeddedDatabases();
    c->patterns_db = Load(embedded.patterns, detail::StringSetHash(patterns), embedded.build_error,
                          &c->patterns_db_error);
    std::vector<std::string> atoms;
    c->filter.Compile(&atoms);
    c->atom_count = atoms.size();
    if (atoms.empty()) return c;
    c->atoms_db = LiteralDb(embedded.atoms, detail::AtomLiterals(atoms), &c->error);
    if (!c->atoms_db) return c;
    c->gate_db = LiteralDb(embedded.gate, detail::GateLiterals(), &c->error);
    if (!c->gate_db) return c;
    if (c->patterns_db && hs_alloc_scratch(c->patterns_db, &c->proto) != HS_SUCCESS) {
      c->patterns_db_error = "hyperscan: hs_alloc_scratch failed for the pattern database";
      hs_free_database(c->patterns_db);
      c->patterns_db = nullptr;
    }
    if (hs_alloc_scratch(c->atoms_db, &c->proto) != HS_SUCCESS ||
        hs_alloc_scratch(c->gate_db, &c->proto) != HS_SUCCESS) {
      c->error = "hyperscan: hs_alloc_scratch failed";
      hs_free_database(c->atoms_db);
      c->atoms_db = nullptr;
    }
    return c;
  }();
  return *instance;
}

struct ScratchDeleter {
  void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
};

hs_scratch_t* ThreadScratch(const Compiled& c) {
  thread_local std::unique_ptr<hs_scratch_t, ScratchDeleter> scratch;
  if (!scratch) {
    hs_scratch_t* s = nullptr;
    if (hs_clone_scratch(c.proto, &s) != HS_SUCCESS) return nullptr;
    scratch.reset(s);
  }
  return scratch.get();
}

struct GateCtx {
  std::string_view text;
  bool crypto = false;  // a crypto word (its family gate is decided below)
  bool threat = false;  // a threat word: the message is read in full
};

bool AsciiAlnum(char ch) {
  return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

int OnGate(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/,
           void* ctx) {
  auto* g = static_cast<GateCtx*>(ctx);
  if (id < detail::kShortCryptoCodes) {
    size_t len = std::strlen(detail::CryptoWords()[id]);
    size_t from = static_cast<size_t>(to) - len;
    if ((from > 0 && AsciiAlnum(g->text[from - 1])) ||
        (to < g->text.size() && AsciiAlnum(g->text[static_cast<size_t>(to)]))) {
      return 0;
    }
  }
  if (id >= detail::CryptoWords().size()) {
    g->threat = true;
    return 1;  // stop: nothing more can open the gate wider
  }
  g->crypto = true;
  return 0;  // go on: a threat word later still matters
}

// The reference for the gate database's threat words (same answer).
bool HasThreatWord(std::string_view folded) {
  for (const char* w : detail::ThreatWords()) {
    if (folded.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// Per entry, one past the last end offset the prefilter database reported
// (0: none). Every real match of the pattern ends at a reported offset, as
// prefilter mode matches a superset of the pattern.
int OnPattern(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/,
              void* ctx) {
  auto& last_end = *static_cast<std::vector<uint32_t>*>(ctx);
  if (id < last_end.size()) last_end[id] = std::max(last_end[id], static_cast<uint32_t>(to) + 1);
  return 0;
}

int OnAtom(unsigned id, unsigned long long /*from*/, unsigned long long /*to*/, unsigned /*flags*/,
           void* ctx) {
  static_cast<std::vector<int>*>(ctx)->push_back(static_cast<int>(id));
  return 0;
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

namespace {

// True if one of the candidates (FilteredRE2 ids) is of family `f`.
bool AnyOfFamily(const Compiled& c, const std::vector<int>& which, Family f) {
  const std::vector<EntryInfo>& entries = Entries();
  for (int fid : which) {
    if (entries[static_cast<size_t>(c.entry_of[static_cast<size_t>(fid)])].entry->family == f) {
      return true;
    }
  }
  return false;
}

// Match() with the candidate selection chosen by the caller.
std::vector<Hit> MatchImpl(std::string_view folded, uint32_t max_hits_per_entry, const Family* need,
                           bool* gated, bool use_patterns_db) {
  if (gated) *gated = false;
  std::vector<Hit> out;
  const Compiled& c = GetCompiled();
  if (!c.error.empty() || c.entry_of.empty() || folded.empty() || folded.size() > 0x7FFFFFF0u) {
    return out;
  }
  const re2::StringPiece text(folded.data(), folded.size());
  // Candidates as FilteredRE2 ids (the RE2 objects live there).
  std::vector<int> which;
  // Per entry, where its RE2 searches may stop (see OnPattern); empty: the
  // end of the text.
  std::vector<uint32_t> last_end;
  bool threat_word = false;  // the crypto gate stays open for a threat word
  if (c.atoms_db) {
    hs_scratch_t* scratch = ThreadScratch(c);
    if (!scratch) return out;
    if (need && *need == Family::kCrypto && c.gate_db) {
      GateCtx g{folded};
      hs_scan(c.gate_db, folded.data(), static_cast<unsigned>(folded.size()), 0, scratch, OnGate,
              &g);
      if (!g.crypto && !g.threat) {
        if (gated) *gated = true;
        return out;
      }
      threat_word = g.threat;
    } else if (need && *need == Family::kCrypto) {
      threat_word = HasThreatWord(folded);
    }
    // The literal atoms decide the family gate below in both modes, so that
    // whether a message is gated does not depend on which selection runs.
    std::vector<int> atoms;
    hs_scan(c.atoms_db, folded.data(), static_cast<unsigned>(folded.size()), 0, scratch, OnAtom,
            &atoms);
    c.filter.AllPotentials(atoms, &which);
    if (need && !threat_word && !AnyOfFamily(c, which, *need)) {
      if (gated) *gated = true;
      return out;
    }
    // Hyperscan's UTF-8 mode is undefined on ill-formed input; folded text
    // is normalizer output and well-formed, but the literal pass takes any.
    if (use_patterns_db && c.patterns_db && IsValidUtf8(folded)) {
      last_end.assign(c.entry_of.size(), 0);
      hs_scan(c.patterns_db, folded.data(), static_cast<unsigned>(folded.size()), 0, scratch,
              OnPattern, &last_end);
      which.clear();
      for (size_t e = 0; e < last_end.size(); ++e) {
        if (last_end[e] > 0) which.push_back(c.filter_id_of[e]);
      }
    }
  } else {
    c.filter.AllPotentials({}, &which);
    if (need && !(*need == Family::kCrypto && HasThreatWord(folded)) &&
        !AnyOfFamily(c, which, *need)) {
      if (gated) *gated = true;
      return out;
    }
  }
  std::sort(which.begin(), which.end());
  for (int fid : which) {
    const RE2& re = c.filter.GetRE2(fid);
    const uint32_t entry = static_cast<uint32_t>(c.entry_of[static_cast<size_t>(fid)]);
    // No match ends after `end`, so a search may stop there: RE2 reads the
    // text beyond endpos as context for \b and $, and the leftmost-first
    // match, which ends by `end`, is found the same.
    const size_t end = last_end.empty() ? folded.size() : last_end[entry] - 1;
    size_t pos = 0;
    for (uint32_t n = 0; n < max_hits_per_entry && pos <= end; ++n) {
      re2::StringPiece m;
      if (!re.Match(text, pos, end, RE2::UNANCHORED, &m, 1)) break;
      uint32_t from = static_cast<uint32_t>(m.data() - folded.data());
      uint32_t to = from + static_cast<uint32_t>(m.size());
      out.push_back({entry, from, to});
      pos = to > from ? to : to + 1;
    }
  }
  std::sort(out.begin(), out.end(), [](const Hit& a, const Hit& b) {
    return a.from != b.from ? a.from < b.from : a.entry < b.entry;
  });
  return out;
}

}  // namespace

std::vector<Hit> Match(std::string_view folded, uint32_t max_hits_per_entry, const Family* need,
                       bool* gated) {
  return MatchImpl(folded, max_hits_per_entry, need, gated, /*use_patterns_db=*/true);
}

std::vector<Hit> MatchWithLiteralPrefilter(std::string_view folded, uint32_t max_hits_per_entry,
                                           const Family* need, bool* gated) {
  return MatchImpl(folded, max_hits_per_entry, need, gated, /*use_patterns_db=*/false);
}

const std::string& PatternDatabaseError() { return GetCompiled().patterns_db_error; }

const std::string& CompileError() { return GetCompiled().error; }

std::vector<uint32_t> UnfilteredEntries() {
  const Compiled& c = GetCompiled();
  std::vector<int> which;
  if (!c.error.empty()) return {};
  c.filter.AllPotentials({}, &which);
  std::vector<uint32_t> out;
  for (int fid : which) out.push_back(static_cast<uint32_t>(c.entry_of[static_cast<size_t>(fid)]));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace extortrace::detect
