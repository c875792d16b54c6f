// Build-time generator of the matcher's Hyperscan databases: the lexicon
// patterns in prefilter mode (one database per detail::PatternGroups() group),
// FilteredRE2's literal atoms and the crypto gate words, serialized into a C++ source that embeds
// them (detail/prefilter_db.h).
//   usage: detect_prefilter_gen OUT.cpp
// The databases are compiled for a generic x86-64 target (no AVX2/AVX-512
// requirement), so the binary runs on any machine Hyperscan supports. If
// Hyperscan rejects a pattern, the generated source carries the error and no
// pattern database, the build goes on, and the matcher falls back to its
// literal prefilter (tests/scan/matcher_paths_test.cpp fails on purpose then).
#include <hs/hs.h>
#include <re2/filtered_re2.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "detect/detail/patterns.h"

namespace {

namespace detail = extortrace::detect::detail;

// A C++ string literal body for arbitrary bytes: printable ASCII as is,
// everything else as a three-digit octal escape (never ambiguous with a
// following digit), broken into lines of concatenated literals.
std::string Literal(const char* data, size_t n) {
  std::string out = "\"";
  size_t line = 0;
  for (size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(data[i]);
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?') {
      out.push_back(static_cast<char>(c));
      ++line;
    } else {
      char esc[5];
      std::snprintf(esc, sizeof esc, "\\%03o", c);
      out += esc;
      line += 4;
    }
    if (line >= 96 && i + 1 < n) {
      out += "\"\n\"";
      line = 0;
    }
  }
  out += "\"";
  return out;
}

std::string Escape(const std::string& s) { return Literal(s.data(), s.size()); }

// The serialized database, or empty with *error set.
std::string Serialize(hs_database_t* db, std::string* error) {
  std::string bytes;
  if (!db) return bytes;
  char* ser = nullptr;
  size_t len = 0;
  if (hs_serialize_database(db, &ser, &len) != HS_SUCCESS) {
    *error = "hyperscan: cannot serialize a database";
  } else {
    bytes.assign(ser, len);
    std::free(ser);
  }
  hs_free_database(db);
  return bytes;
}

std::string DbInitializer(const std::string& bytes, uint64_t hash) {
  char h[32];
  std::snprintf(h, sizeof h, "0x%016llxULL", static_cast<unsigned long long>(hash));
  return "{std::string_view(\n" + Literal(bytes.data(), bytes.size()) + ", " +
         std::to_string(bytes.size()) + "), " + h + "}";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUT.cpp\n", argv[0]);
    return 2;
  }
  hs_platform_info_t generic{};
  generic.tune = HS_TUNE_FAMILY_GENERIC;
  generic.cpu_features = 0;
  std::string error;

  // The patterns, prefilter mode, one database per group.
  const std::vector<std::string> patterns = detail::RuntimePatterns();
  std::string groups_init = "{";
  for (const detail::PatternGroup& group : detail::PatternGroups()) {
    const std::vector<std::string> members = detail::GroupPatterns(patterns, group);
    std::vector<const char*> exprs;
    std::vector<unsigned> flags, ids;
    for (size_t i = 0; i < members.size(); ++i) {
      exprs.push_back(members[i].c_str());
      flags.push_back(detail::PrefilterFlags());
      ids.push_back(static_cast<unsigned>(i));
    }
    hs_database_t* db = nullptr;
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(exprs.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, &generic, &db,
                         &err) != HS_SUCCESS) {
      error = "hyperscan: " + std::string(err && err->message ? err->message : "compile failed");
      if (err && err->expression >= 0 && static_cast<size_t>(err->expression) < members.size()) {
        error += " (group " + group.name + ", pattern " +
                 members[static_cast<size_t>(err->expression)] + ")";
      }
      hs_free_compile_error(err);
      db = nullptr;
    }
    groups_init += DbInitializer(Serialize(db, &error), detail::StringSetHash(members)) + ",\n";
  }
  groups_init += "}";

  // FilteredRE2's atoms, derived exactly as the matcher derives them.
  re2::FilteredRE2 filter(3);
  for (const std::string& p : patterns) {
    int id = -1;
    if (filter.Add(p, detail::MatcherOptions(), &id) != RE2::NoError) {
      error = "re2: cannot compile " + p;
      break;
    }
  }
  std::vector<std::string> atoms;
  if (error.rfind("re2:", 0) != 0) filter.Compile(&atoms);
  const detail::LiteralSet atom_set = detail::AtomLiterals(atoms);
  const detail::LiteralSet gate_set = detail::GateLiterals();
  const std::string atoms_db =
      atoms.empty() ? std::string()
                    : Serialize(detail::CompileLiterals(atom_set, &generic, &error), &error);
  const std::string gate_db =
      Serialize(detail::CompileLiterals(gate_set, &generic, &error), &error);
  if (!error.empty()) {
    std::fprintf(stderr, "detect_prefilter_gen: %s; the matcher will compile what is missing\n",
                 error.c_str());
  }

  std::string tmp = std::string(argv[1]) + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) {
    std::perror(tmp.c_str());
    return 1;
  }
  std::fprintf(
      f,
      "// Generated at build time by detect_prefilter_gen (src/detect/gen): the\n"
      "// matcher's Hyperscan databases. Do not edit.\n"
      "#include \"detect/detail/prefilter_db.h\"\n\n"
      "namespace extortrace::detect::detail {\n\n"
      "EmbeddedDbs EmbeddedDatabases() {\n"
      "  return {%s,\n%s,\n%s,\n"
      "          std::string_view(%s)};\n}\n\n"
      "}  // namespace extortrace::detect::detail\n",
      groups_init.c_str(), DbInitializer(atoms_db, detail::StringSetHash(atom_set.words)).c_str(),
      DbInitializer(gate_db, detail::StringSetHash(gate_set.words)).c_str(), Escape(error).c_str());
  if (std::fclose(f) != 0 || std::rename(tmp.c_str(), argv[1]) != 0) {
    std::perror(argv[1]);
    return 1;
  }
  return 0;
}
