#include "detect/matcher.h"

#include <hs/hs.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <memory>

namespace extortrace::detect {
namespace {

// Two stages (docs/decisions/detect-re2.md):
//  1. Prefilter: RE2's FilteredRE2 derives from every pattern the literal
//     "atoms" any match must contain (an AND/OR tree). All atoms are matched
//     in one Hyperscan pass (a literal-only database: compiles in
//     milliseconds, scans at memory speed).
//  2. Only the patterns whose atom condition holds are searched with RE2 for
//     their leftmost matches and offsets.
// Hyperscan alone was tried first: with a few hundred patterns with bounded
// gaps ("(?:\w+\s+){0,8}") its compiler needs 5 s (40 s with start-of-match
// offsets, which evidence needs); an RE2::Set over all patterns compiles
// fast but its DFA thrashes (20 ms per message).
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

// Every word a kCrypto pattern can match contains one of these (a superset,
// checked by the CryptoGate test): if none occurs, no crypto evidence can.
// Short codes need non-alphanumeric neighbours ("btc", not "abtcd").
constexpr const char* kCryptoWords[] = {
    "bitcoin", "btc", "ltc", "xmr", "usdt", "litecoin", "ethereum", "monero", "tether", "crypto",
    "cripto", "krypto", "wallet", "coinbase", "paxful", "coingate", "cex.io", "moneta virtuale",
    "ビットコイン", "仮想通貨", "暗号通貨", "暗号資産", "ウォレット", "比特币", "比特幣",
    "加密货币", "加密貨幣", "数字货币", "數字貨幣", "钱包", "錢包"};
constexpr size_t kShortCodes = 5;  // the first five need word boundaries

struct Compiled {
  re2::FilteredRE2 filter{3};
  std::vector<int> entry_of;  // FilteredRE2 id -> entry index
  hs_database_t* atoms_db = nullptr;
  hs_database_t* gate_db = nullptr;  // crypto keywords (see kCryptoWords)
  hs_scratch_t* proto = nullptr;
  size_t atom_count = 0;
  std::string error;
};

const Compiled& GetCompiled() {
  static const Compiled* instance = [] {
    auto* c = new Compiled();
    const RE2::Options options = MakeOptions();
    const std::vector<EntryInfo>& entries = Entries();
    for (size_t i = 0; i < entries.size(); ++i) {
      int id = -1;
      std::string w = Widen(entries[i].entry->pattern);
      if (c->filter.Add(w, options, &id) != RE2::NoError) {
        c->error = std::string("[") + entries[i].lang + "] cannot compile " + entries[i].entry->pattern;
        return c;
      }
      c->entry_of.push_back(static_cast<int>(i));
    }
    std::vector<std::string> atoms;
    c->filter.Compile(&atoms);
    c->atom_count = atoms.size();
    if (atoms.empty()) return c;
    std::vector<const char*> lits;
    std::vector<size_t> lens;
    std::vector<unsigned> flags, ids;
    for (size_t i = 0; i < atoms.size(); ++i) {
      lits.push_back(atoms[i].data());
      lens.push_back(atoms[i].size());
      flags.push_back(HS_FLAG_SINGLEMATCH);
      ids.push_back(static_cast<unsigned>(i));
    }
    hs_compile_error_t* err = nullptr;
    if (hs_compile_lit_multi(lits.data(), flags.data(), ids.data(), lens.data(),
                             static_cast<unsigned>(lits.size()), HS_MODE_BLOCK, nullptr,
                             &c->atoms_db, &err) != HS_SUCCESS) {
      c->error = std::string("hyperscan: ") + (err && err->message ? err->message : "compile failed");
      hs_free_compile_error(err);
      c->atoms_db = nullptr;
      return c;
    }
    std::vector<const char*> gate;
    std::vector<size_t> gate_lens;
    std::vector<unsigned> gate_flags, gate_ids;
    for (size_t i = 0; i < std::size(kCryptoWords); ++i) {
      gate.push_back(kCryptoWords[i]);
      gate_lens.push_back(std::strlen(kCryptoWords[i]));
      gate_flags.push_back(i < kShortCodes ? 0u : HS_FLAG_SINGLEMATCH);
      gate_ids.push_back(static_cast<unsigned>(i));
    }
    if (hs_compile_lit_multi(gate.data(), gate_flags.data(), gate_ids.data(), gate_lens.data(),
                             static_cast<unsigned>(gate.size()), HS_MODE_BLOCK, nullptr,
                             &c->gate_db, &err) != HS_SUCCESS) {
      c->error = "hyperscan: gate compile failed";
      hs_free_compile_error(err);
      c->gate_db = nullptr;
      return c;
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
  bool found = false;
};

bool AsciiAlnum(char ch) {
  return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

int OnGate(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/,
           void* ctx) {
  auto* g = static_cast<GateCtx*>(ctx);
  if (id < kShortCodes) {
    size_t len = std::strlen(kCryptoWords[id]);
    size_t from = static_cast<size_t>(to) - len;
    if ((from > 0 && AsciiAlnum(g->text[from - 1])) ||
        (to < g->text.size() && AsciiAlnum(g->text[static_cast<size_t>(to)]))) {
      return 0;
    }
  }
  g->found = true;
  return 1;  // stop: one is enough
}

int OnAtom(unsigned id, unsigned long long /*from*/, unsigned long long /*to*/,
           unsigned /*flags*/, void* ctx) {
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

std::vector<Hit> Match(std::string_view folded, uint32_t max_hits_per_entry, const Family* need,
                       bool* gated) {
  if (gated) *gated = false;
  std::vector<Hit> out;
  const Compiled& c = GetCompiled();
  if (!c.error.empty() || c.entry_of.empty() || folded.empty() || folded.size() > 0x7FFFFFF0u) {
    return out;
  }
  const re2::StringPiece text(folded.data(), folded.size());
  std::vector<int> atoms;
  if (c.atoms_db) {
    hs_scratch_t* scratch = ThreadScratch(c);
    if (!scratch) return out;
    if (need && *need == Family::kCrypto && c.gate_db) {
      GateCtx g{folded};
      hs_scan(c.gate_db, folded.data(), static_cast<unsigned>(folded.size()), 0, scratch, OnGate,
              &g);
      if (!g.found) {
        if (gated) *gated = true;
        return out;
      }
    }
    hs_scan(c.atoms_db, folded.data(), static_cast<unsigned>(folded.size()), 0, scratch, OnAtom,
            &atoms);
  }
  std::vector<int> which;
  c.filter.AllPotentials(atoms, &which);
  if (need) {
    const std::vector<EntryInfo>& entries = Entries();
    bool possible = false;
    for (int fid : which) {
      possible |= entries[static_cast<size_t>(c.entry_of[static_cast<size_t>(fid)])].entry->family == *need;
    }
    if (!possible) {
      if (gated) *gated = true;
      return out;
    }
  }
  std::sort(which.begin(), which.end());
  for (int fid : which) {
    const RE2& re = c.filter.GetRE2(fid);
    const uint32_t entry = static_cast<uint32_t>(c.entry_of[static_cast<size_t>(fid)]);
    size_t pos = 0;
    for (uint32_t n = 0; n < max_hits_per_entry && pos <= folded.size(); ++n) {
      re2::StringPiece m;
      if (!re.Match(text, pos, folded.size(), RE2::UNANCHORED, &m, 1)) break;
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
