// Build-time generator: compiles every lexicon pattern into one Hyperscan
// database in prefilter mode, serializes it and writes a C++ source that
// embeds it (detail/prefilter_db.h).
//   usage: detect_prefilter_gen OUT.cpp
// The database is compiled for a generic x86-64 target (no AVX2/AVX-512
// requirement), so the binary runs on any machine Hyperscan supports. If
// Hyperscan rejects a pattern, the generated source carries the error and no
// database, the build goes on, and the matcher falls back to its literal
// prefilter (tests/detect/matcher_test.cpp fails on purpose in that case).
#include <hs/hs.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "detect/detail/patterns.h"

namespace {

using extortrace::detect::detail::PatternSetHash;
using extortrace::detect::detail::PrefilterFlags;
using extortrace::detect::detail::RuntimePatterns;

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

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUT.cpp\n", argv[0]);
    return 2;
  }
  const std::vector<std::string> patterns = RuntimePatterns();
  std::vector<const char*> exprs;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < patterns.size(); ++i) {
    exprs.push_back(patterns[i].c_str());
    flags.push_back(PrefilterFlags());
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_platform_info_t generic{};
  generic.tune = HS_TUNE_FAMILY_GENERIC;
  generic.cpu_features = 0;

  std::string error;
  std::string bytes;
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_multi(exprs.data(), flags.data(), ids.data(), static_cast<unsigned>(exprs.size()),
                       HS_MODE_BLOCK, &generic, &db, &err) != HS_SUCCESS) {
    error = std::string("hyperscan: ") + (err && err->message ? err->message : "compile failed");
    if (err && err->expression >= 0 && static_cast<size_t>(err->expression) < patterns.size()) {
      error += " (pattern " + std::to_string(err->expression) + ": " +
               patterns[static_cast<size_t>(err->expression)] + ")";
    }
    hs_free_compile_error(err);
    std::fprintf(stderr, "detect_prefilter_gen: %s; the matcher will use its literal prefilter\n",
                 error.c_str());
  } else {
    char* ser = nullptr;
    size_t len = 0;
    if (hs_serialize_database(db, &ser, &len) != HS_SUCCESS) {
      error = "hyperscan: cannot serialize the database";
    } else {
      bytes.assign(ser, len);
      std::free(ser);
    }
    hs_free_database(db);
  }

  std::string tmp = std::string(argv[1]) + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) {
    std::perror(tmp.c_str());
    return 1;
  }
  std::fprintf(f,
               "// Generated at build time by detect_prefilter_gen (src/detect/gen): the Hyperscan\n"
               "// prefilter database of every lexicon pattern. Do not edit.\n"
               "#include \"detect/detail/prefilter_db.h\"\n\n"
               "namespace extortrace::detect::detail {\nnamespace {\n\n"
               "const char kDb[] =\n%s;\n\n}  // namespace\n\n"
               "EmbeddedDb EmbeddedPrefilterDb() {\n"
               "  return {std::string_view(kDb, sizeof kDb - 1), 0x%016llxULL, %zu,\n"
               "          std::string_view(%s)};\n}\n\n"
               "}  // namespace extortrace::detect::detail\n",
               Literal(bytes.data(), bytes.size()).c_str(),
               static_cast<unsigned long long>(PatternSetHash(patterns)), patterns.size(),
               Escape(error).c_str());
  if (std::fclose(f) != 0 || std::rename(tmp.c_str(), argv[1]) != 0) {
    std::perror(argv[1]);
    return 1;
  }
  return 0;
}
