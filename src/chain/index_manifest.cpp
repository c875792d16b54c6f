#include "chain/index_manifest.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sstream>

#include "core/bytes.h"

namespace extortrace::chain {

namespace {

constexpr const char* kMagicLine = "extortrace-index 1";

Status WriteAllAndSync(const std::string& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Fail(Error::Io(fmt::format("{}: cannot create: {}", path, strerror(errno))));
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return Fail(Error::Io(fmt::format("{}: cannot write: {}", path, strerror(errno))));
    }
    done += static_cast<size_t>(n);
  }
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Fail(Error::Io(path + ": cannot fsync"));
  return {};
}

Error Bad(const std::string& name, size_t line, const std::string& why) {
  return Error::Corrupt(fmt::format("{}: line {}: {}", name, line, why));
}

// The rest of the line after `n` space-separated fields (file names may hold spaces).
std::string RestAfter(std::istringstream& in) {
  std::string rest;
  std::getline(in >> std::ws, rest);
  return rest;
}

}  // namespace

std::string FormatManifest(const IndexManifest& m) {
  std::string s = std::string(kMagicLine) + "\n";
  s += fmt::format("generation {}\n", m.generation);
  s += fmt::format("counts {} {} {} {} {}\n", m.blocks, m.txs, m.outputs, m.inputs, m.addresses);
  s += fmt::format("root {} {}\n", HashToHex(m.root_parent), m.root_parent_height);
  s += fmt::format("tip {} {}\n", HashToHex(m.tip), m.tip_height);
  s += fmt::format("txid_main {} {}\n", m.txid_main_count, m.txid_main);
  if (!m.txid_delta.empty())
    s += fmt::format("txid_delta {} {}\n", m.txid_delta_count, m.txid_delta);
  s += fmt::format("addr_table {} {}\n", m.table_slots, m.table_file);
  if (!m.scan_file.empty()) {
    s += fmt::format("scan {} {} {} {} {}\n", m.scan_offset, HashToHex(m.scan_check_hash),
                     m.scan_check_offset, m.scan_check_size, m.scan_file);
  }
  for (const PendingBlock& p : m.pending) {
    s += fmt::format("pending {} {} {} {} {} {}\n", HashToHex(p.hash), HashToHex(p.prev), p.bits,
                     p.offset, p.size, p.file);
  }
  s += "end\n";
  return s;
}

Status WriteManifest(const std::string& dir, const IndexManifest& m) {
  const std::string s = FormatManifest(m);
  const std::string path = dir + "/" + kManifestName;
  const std::string tmp = path + ".tmp";
  if (Status st = WriteAllAndSync(tmp, s); !st) return st;
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Fail(Error::Io(fmt::format("{}: cannot rename: {}", tmp, strerror(errno))));
  }
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
  return {};
}

Result<IndexManifest> ReadManifest(const std::string& dir) {
  auto text = ReadFile(dir + "/" + kManifestName, size_t{64} << 20);
  if (!text) return Fail(Error::NotFound(fmt::format("{}: no {}", dir, kManifestName)));
  return ParseManifest(*text, dir + "/" + kManifestName);
}

Result<IndexManifest> ParseManifest(std::string_view text, const std::string& name) {
  std::istringstream lines{std::string(text)};
  std::string line;
  if (!std::getline(lines, line) || line != kMagicLine) {
    return Fail(Bad(name, 1, "not an extortrace index manifest"));
  }
  IndexManifest m;
  bool ended = false;
  auto hash = [](const std::string& hex, Hash256* out) {
    auto h = HashFromHex(hex);
    if (!h) return false;
    *out = *h;
    return true;
  };
  for (size_t no = 2; std::getline(lines, line); ++no) {
    std::istringstream in(line);
    std::string key, h1, h2;
    in >> key;
    bool ok = true;
    if (key == "generation") {
      ok = static_cast<bool>(in >> m.generation);
    } else if (key == "counts") {
      ok = static_cast<bool>(in >> m.blocks >> m.txs >> m.outputs >> m.inputs >> m.addresses);
    } else if (key == "root") {
      ok = (in >> h1 >> m.root_parent_height) && hash(h1, &m.root_parent);
    } else if (key == "tip") {
      ok = (in >> h1 >> m.tip_height) && hash(h1, &m.tip);
    } else if (key == "txid_main") {
      ok = static_cast<bool>(in >> m.txid_main_count);
      m.txid_main = RestAfter(in);
      ok = ok && !m.txid_main.empty();
    } else if (key == "txid_delta") {
      ok = static_cast<bool>(in >> m.txid_delta_count);
      m.txid_delta = RestAfter(in);
      ok = ok && !m.txid_delta.empty();
    } else if (key == "addr_table") {
      ok = static_cast<bool>(in >> m.table_slots);
      m.table_file = RestAfter(in);
      ok = ok && !m.table_file.empty();
    } else if (key == "scan") {
      ok = (in >> m.scan_offset >> h1 >> m.scan_check_offset >> m.scan_check_size) &&
           hash(h1, &m.scan_check_hash);
      m.scan_file = RestAfter(in);
      ok = ok && !m.scan_file.empty();
    } else if (key == "pending") {
      PendingBlock p;
      ok = (in >> h1 >> h2 >> p.bits >> p.offset >> p.size) && hash(h1, &p.hash) &&
           hash(h2, &p.prev);
      p.file = RestAfter(in);
      ok = ok && !p.file.empty();
      m.pending.push_back(std::move(p));
    } else if (key == "end") {
      ended = true;
      break;
    } else {
      ok = false;
    }
    if (!ok) return Fail(Bad(name, no, "cannot read '" + line + "'"));
  }
  if (!ended) return Fail(Bad(name, 0, "truncated (no 'end' line)"));
  if (m.txid_main.empty()) return Fail(Bad(name, 0, "no txid_main"));
  if (m.table_file.empty()) return Fail(Bad(name, 0, "no addr_table"));
  if (m.txid_main_count + m.txid_delta_count != m.txs) {
    return Fail(Bad(name, 0, "txid lookup counts do not add up to the tx count"));
  }
  return m;
}

}  // namespace extortrace::chain
