// Helpers shared by the chain tests: paths into ../shared/data/chain and file reads.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/bytes.h"

namespace extortrace::chain::testing {

inline std::string SharedChainPath(const std::string& rel) {
  return std::string(ET_SHARED_DIR) + "/data/chain/" + rel;
}

inline bool SharedExists(const std::string& rel) {
  std::error_code ec;
  return std::filesystem::exists(SharedChainPath(rel), ec);
}

// Skips the current test when a shared data file is absent.
#define ET_REQUIRE_SHARED(rel)                                       \
  do {                                                               \
    if (!::extortrace::chain::testing::SharedExists(rel)) {          \
      GTEST_SKIP() << "../shared/data/chain/" << (rel) << " absent"; \
    }                                                                \
  } while (0)

inline std::vector<uint8_t> ReadBytes(const std::string& path) {
  auto s = ReadFile(path);
  EXPECT_TRUE(s.has_value()) << path;
  if (!s) return {};
  return std::vector<uint8_t>(s->begin(), s->end());
}

inline std::vector<uint8_t> ReadShared(const std::string& rel) {
  return ReadBytes(SharedChainPath(rel));
}

// Decompresses a .bz2 file with the bzip2 tool.
inline std::vector<uint8_t> ReadBz2(const std::string& path) {
  std::vector<uint8_t> out;
  std::string cmd = "bzip2 -dc '" + path + "'";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  uint8_t buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.insert(out.end(), buf, buf + n);
  pclose(p);
  return out;
}

}  // namespace extortrace::chain::testing
