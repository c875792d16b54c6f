#include "detect/matcher.h"

#include <hs/hs.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <memory>
#include <mutex>

#include "core/utf8.h"
#include "detect/detail/patterns.h"
#include "detect/detail/prefilter_db.h"

namespace extortrace::detect {
namespace {

// Two stages (docs/decisions/0010 and 0013):
//  1. Prefilter: which patterns can match at all. Normally Hyperscan passes
//     over the databases of the pattern groups in prefilter mode (compiled
//     at build time, detail/prefilter_db.h; the crypto and threat groups
//     first, the claims group only for mail the gate lets through): they
//     never miss a pattern that matches and, on our lexicons, report almost
//     only those. Without them (they failed to build, or do not load on this
//     CPU), RE2's FilteredRE2 derives from every pattern the literal "atoms"
//     any match must contain, all atoms are matched in one Hyperscan literal
//     pass, and the patterns whose atom condition holds are the candidates
//     (several times more of them).
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

// The RE2 object of every entry, compiled on first use: a process that
// scans a few messages compiles the few patterns they need (start-up went
// from ~0.1 s to nothing), and a long-running one ends with every pattern
// it ever needed. Thread-safe.
class LazyPatterns {
 public:
  LazyPatterns() : patterns_(detail::RuntimePatterns()), slots_(new Slot[patterns_.size()]) {}

  size_t size() const { return patterns_.size(); }
  const std::vector<std::string>& patterns() const { return patterns_; }

  // nullptr if entry `i`'s pattern does not compile (CompileError() says so).
  const RE2* Get(size_t i) const {
    Slot& s = slots_[i];
    std::call_once(s.once, [&] {
      auto re = std::make_unique<RE2>(patterns_[i], detail::MatcherOptions());
      if (re->ok()) s.re = std::move(re);
    });
    return s.re.get();
  }

 private:
  struct Slot {
    std::once_flag once;
    std::unique_ptr<RE2> re;
  };
  const std::vector<std::string> patterns_;
  std::unique_ptr<Slot[]> slots_;
};

// What every message needs: the patterns and the embedded databases. Loading
// them is cheap (deserializing); no regex is compiled here.
struct Compiled {
  LazyPatterns res;
  // The embedded prefilter databases, one per detail::PatternGroups() group
  // (group 0: the crypto patterns), if they all loaded; else empty.
  std::vector<detail::PatternGroup> groups;
  std::vector<hs_database_t*> group_dbs;
  std::string patterns_db_error;     // why they did not
  hs_database_t* gate_db = nullptr;  // crypto and threat words (detail::CryptoWords)
  hs_scratch_t* proto = nullptr;     // for both databases
  std::string error;                 // set: Match() returns nothing
};

// The literal-atom selection (the fallback and the reference), built on
// first use: RE2's FilteredRE2 compiles every pattern to derive its atoms.
struct Literal {
  re2::FilteredRE2 filter{3};
  std::vector<uint32_t> entry_of;  // FilteredRE2 id -> entry index
  hs_database_t* atoms_db = nullptr;
  hs_scratch_t* proto = nullptr;
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
    const detail::EmbeddedDbs embedded = detail::EmbeddedDatabases();
    c->groups = detail::PatternGroups();
    if (embedded.patterns.size() != c->groups.size()) {
      c->patterns_db_error =
          embedded.build_error.empty() ? "built from other patterns" : embedded.build_error;
    }
    for (size_t g = 0; g < c->groups.size() && c->patterns_db_error.empty(); ++g) {
      hs_database_t* db =
          Load(embedded.patterns[g],
               detail::StringSetHash(detail::GroupPatterns(c->res.patterns(), c->groups[g])),
               embedded.build_error, &c->patterns_db_error);
      if (!db) break;
      c->group_dbs.push_back(db);
      if (hs_alloc_scratch(db, &c->proto) != HS_SUCCESS) {
        c->patterns_db_error = "hyperscan: hs_alloc_scratch failed for a pattern database";
      }
    }
    if (!c->patterns_db_error.empty()) {
      for (hs_database_t* db : c->group_dbs) hs_free_database(db);
      c->group_dbs.clear();
    }
    c->gate_db = LiteralDb(embedded.gate, detail::GateLiterals(), &c->error);
    if (!c->gate_db) return c;
    if (hs_alloc_scratch(c->gate_db, &c->proto) != HS_SUCCESS) {
      c->error = "hyperscan: hs_alloc_scratch failed";
      hs_free_database(c->gate_db);
      c->gate_db = nullptr;
    }
    return c;
  }();
  return *instance;
}

const Literal& GetLiteral() {
  static const Literal* instance = [] {
    auto* l = new Literal();
    const RE2::Options options = detail::MatcherOptions();
    const std::vector<std::string>& patterns = GetCompiled().res.patterns();
    for (size_t i = 0; i < patterns.size(); ++i) {
      int id = -1;
      if (l->filter.Add(patterns[i], options, &id) != RE2::NoError) {
        l->error = "cannot compile pattern " + std::to_string(i);
        return l;
      }
      l->entry_of.push_back(static_cast<uint32_t>(i));
    }
    std::vector<std::string> atoms;
    l->filter.Compile(&atoms);
    if (atoms.empty()) return l;
    l->atoms_db =
        LiteralDb(detail::EmbeddedDatabases().atoms, detail::AtomLiterals(atoms), &l->error);
    if (l->atoms_db && hs_alloc_scratch(l->atoms_db, &l->proto) != HS_SUCCESS) {
      l->error = "hyperscan: hs_alloc_scratch failed";
      hs_free_database(l->atoms_db);
      l->atoms_db = nullptr;
    }
    return l;
  }();
  return *instance;
}

struct ScratchDeleter {
  void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
};

// This thread's clone of `proto`; one per prototype (two at most).
hs_scratch_t* ThreadScratch(const hs_scratch_t* proto) {
  thread_local std::unique_ptr<hs_scratch_t, ScratchDeleter> scratch[2];
  thread_local const hs_scratch_t* of[2] = {nullptr, nullptr};
  for (int i = 0; i < 2; ++i) {
    if (of[i] == proto && scratch[i]) return scratch[i].get();
    if (!of[i]) {
      hs_scratch_t* s = nullptr;
      if (hs_clone_scratch(proto, &s) != HS_SUCCESS) return nullptr;
      scratch[i].reset(s);
      of[i] = proto;
      return s;
    }
  }
  return nullptr;
}

struct GateCtx {
  std::string_view text;
  bool open = false;  // a crypto or a threat word occurs
};

bool IsAsciiDigit(char ch) { return ch >= '0' && ch <= '9'; }

bool AsciiAlnum(char ch) {
  return IsAsciiDigit(ch) || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

int OnGate(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/,
           void* ctx) {
  auto* g = static_cast<GateCtx*>(ctx);
  if (id < detail::kShortCryptoCodes) {
    size_t len = std::strlen(detail::CryptoWords()[id]);
    size_t from = static_cast<size_t>(to) - len;
    // A digit may precede the code ("0.05btc"), a letter may not ("abtcd").
    if ((from > 0 && AsciiAlnum(g->text[from - 1]) && !IsAsciiDigit(g->text[from - 1])) ||
        (to < g->text.size() && AsciiAlnum(g->text[static_cast<size_t>(to)]))) {
      return 0;
    }
  }
  g->open = true;
  return 1;  // one word of either kind opens the gate: stop
}

// Per entry, one past the last end offset a prefilter database reported (0:
// none); ctx holds the group's entries and the per-entry values. Every real
// match of the pattern ends at a reported offset, as prefilter mode matches a
// superset of the pattern.
int OnPattern(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/,
              void* ctx) {
  auto& [entries, last_end] =
      *static_cast<std::pair<const std::vector<uint32_t>*, std::vector<uint32_t>*>*>(ctx);
  if (id < entries->size()) {
    uint32_t& v = (*last_end)[(*entries)[id]];
    v = std::max(v, static_cast<uint32_t>(to) + 1);
  }
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

// A pattern that may match, and where its matches may end (exclusive bound
// on the end offset; the text's size when unknown).
struct Candidate {
  uint32_t entry;
  uint32_t end;
};

// Adds the candidates of pattern group `g` by its prefilter database: every
// pattern it reports, searched up to the last end it reported (each real
// match of a pattern ends at a reported offset, prefilter mode matching a
// superset). `last_end` is scratch of Entries().size(), all zero.
bool GroupCandidates(const Compiled& c, size_t g, std::string_view folded,
                     std::vector<uint32_t>* last_end, std::vector<Candidate>* out) {
  hs_scratch_t* scratch = ThreadScratch(c.proto);
  if (!scratch) return false;
  const std::vector<uint32_t>& entries = c.groups[g].entries;
  std::pair<const std::vector<uint32_t>*, std::vector<uint32_t>*> ctx{&entries, last_end};
  hs_scan(c.group_dbs[g], folded.data(), static_cast<unsigned>(folded.size()), 0, scratch,
          OnPattern, &ctx);
  for (uint32_t e : entries) {
    if ((*last_end)[e] > 0) out->push_back({e, (*last_end)[e] - 1});
  }
  return true;
}

// The candidates by FilteredRE2's literal atoms (more of them, no end bound).
bool LiteralCandidates(std::string_view folded, std::vector<Candidate>* out) {
  const Literal& l = GetLiteral();
  if (!l.error.empty()) return false;
  const auto end = static_cast<uint32_t>(folded.size());
  std::vector<int> which;
  if (l.atoms_db) {
    hs_scratch_t* scratch = ThreadScratch(l.proto);
    if (!scratch) return false;
    std::vector<int> atoms;
    hs_scan(l.atoms_db, folded.data(), static_cast<unsigned>(folded.size()), 0, scratch, OnAtom,
            &atoms);
    l.filter.AllPotentials(atoms, &which);
  } else {
    for (size_t i = 0; i < l.entry_of.size(); ++i) which.push_back(static_cast<int>(i));
  }
  for (int fid : which) out->push_back({l.entry_of[static_cast<size_t>(fid)], end});
  return true;
}

// Appends candidate `k`'s matches (at most `max_hits`, leftmost first).
void Search(const Compiled& c, std::string_view folded, const Candidate& k, uint32_t max_hits,
            std::vector<Hit>* out) {
  const RE2* re = c.res.Get(k.entry);
  if (!re) return;
  const re2::StringPiece text(folded.data(), folded.size());
  // No match ends after k.end, so a search may stop there: RE2 reads the
  // text beyond endpos as context for \b and $, and the leftmost-first
  // match, which ends by k.end, is found the same.
  size_t pos = 0;
  for (uint32_t n = 0; n < max_hits && pos <= k.end; ++n) {
    re2::StringPiece m;
    if (!re->Match(text, pos, k.end, RE2::UNANCHORED, &m, 1)) break;
    auto from = static_cast<uint32_t>(m.data() - folded.data());
    auto to = from + static_cast<uint32_t>(m.size());
    out->push_back({k.entry, from, to});
    pos = to > from ? to : to + 1;
  }
}

// Match() with the candidate selection chosen by the caller. Both selections
// give the same hits, and the gate below depends on hits only, so whether a
// message is gated does not depend on the selection either.
std::vector<Hit> MatchImpl(std::string_view folded, uint32_t max_hits_per_entry, Gate gate,
                           bool* gated, bool use_patterns_db) {
  if (gated) *gated = false;
  std::vector<Hit> out;
  const Compiled& c = GetCompiled();
  if (!c.error.empty() || folded.empty() || folded.size() > 0x7FFFFFF0u) return out;
  GateCtx words{folded};
  if (gate == Gate::kDemand) {
    hs_scratch_t* scratch = ThreadScratch(c.proto);
    if (!scratch) return out;
    hs_scan(c.gate_db, folded.data(), static_cast<unsigned>(folded.size()), 0, scratch, OnGate,
            &words);
    if (!words.open) {
      if (gated) *gated = true;
      return out;
    }
  }
  // Hyperscan's UTF-8 mode is undefined on ill-formed input; folded text is
  // normalizer output and well-formed, but the literal pass takes any.
  const bool db = use_patterns_db && !c.group_dbs.empty() && IsValidUtf8(folded);
  std::vector<Candidate> candidates;
  std::vector<uint32_t> last_end;
  size_t groups_selected = 0;
  // Selects the candidates of groups [0, upto) (the literal selection: all
  // at once).
  auto select = [&](size_t upto) {
    if (!db) {
      if (groups_selected > 0) return true;
      groups_selected = detail::kPatternGroups;
      return LiteralCandidates(folded, &candidates);
    }
    if (last_end.empty()) last_end.assign(c.res.size(), 0);
    for (; groups_selected < upto; ++groups_selected) {
      if (!GroupCandidates(c, groups_selected, folded, &last_end, &candidates)) return false;
    }
    return true;
  };
  const std::vector<EntryInfo>& entries = Entries();
  bool searched[detail::kPatternGroups] = {};
  // Searches the candidates of group `g`; false if they cannot be selected.
  auto search = [&](size_t g) {
    if (searched[g]) return true;
    if (!select(g + 1)) return false;
    for (const Candidate& k : candidates) {
      if (detail::GroupOf(*entries[k.entry].entry) == g) {
        Search(c, folded, k, max_hits_per_entry, &out);
      }
    }
    searched[g] = true;
    return true;
  };
  if (gate == Gate::kDemand) {
    // No hits at all unless a crypto or an explicit-threat pattern really
    // matches (and only those groups scanned).
    if (!search(detail::kCryptoGroup)) return out;
    if (out.empty() && !search(detail::kThreatGroup)) return out;
    if (out.empty()) {
      if (gated) *gated = true;
      return out;
    }
  }
  for (size_t g = 0; g < detail::kPatternGroups; ++g) {
    if (!search(g)) return {};
  }
  std::sort(out.begin(), out.end(), [](const Hit& a, const Hit& b) {
    return a.from != b.from ? a.from < b.from : a.entry < b.entry;
  });
  return out;
}

}  // namespace

std::vector<Hit> Match(std::string_view folded, uint32_t max_hits_per_entry, Gate gate,
                       bool* gated) {
  return MatchImpl(folded, max_hits_per_entry, gate, gated, /*use_patterns_db=*/true);
}

std::vector<Hit> MatchWithLiteralPrefilter(std::string_view folded, uint32_t max_hits_per_entry,
                                           Gate gate, bool* gated) {
  return MatchImpl(folded, max_hits_per_entry, gate, gated, /*use_patterns_db=*/false);
}

const std::string& PatternDatabaseError() { return GetCompiled().patterns_db_error; }

const std::string& CompileError() {
  static const std::string error = [] {
    const Compiled& c = GetCompiled();
    if (!c.error.empty()) return c.error;
    const std::vector<EntryInfo>& entries = Entries();
    for (size_t i = 0; i < c.res.size(); ++i) {
      if (!c.res.Get(i)) {
        return std::string("[") + entries[i].lang + "] cannot compile " + entries[i].entry->pattern;
      }
    }
    return GetLiteral().error;
  }();
  return error;
}

void CompileAll() {
  const Compiled& c = GetCompiled();
  for (size_t i = 0; i < c.res.size(); ++i) c.res.Get(i);
}

std::vector<uint32_t> UnfilteredEntries() {
  const Literal& l = GetLiteral();
  if (!l.error.empty()) return {};
  std::vector<int> which;
  l.filter.AllPotentials({}, &which);
  std::vector<uint32_t> out;
  for (int fid : which) out.push_back(l.entry_of[static_cast<size_t>(fid)]);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace extortrace::detect
