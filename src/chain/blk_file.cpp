#include "chain/blk_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "chain/block.h"

namespace extortrace::chain {

namespace fs = std::filesystem;

bool XorKey::IsZero() const {
  return std::all_of(bytes.begin(), bytes.end(), [](uint8_t b) { return b == 0; });
}

void ApplyXor(std::span<uint8_t> data, const XorKey& key, uint64_t file_offset) {
  if (key.IsZero()) return;
  for (size_t i = 0; i < data.size(); ++i) data[i] ^= key.bytes[(file_offset + i) % 8];
}

namespace {
struct FileCloser {
  void operator()(FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<FILE, FileCloser>;

Error OpenError(const std::string& path) {
  int err = errno;
  std::string msg = fmt::format("{}: cannot open: {}", path, std::strerror(err));
  return err == ENOENT ? Error::NotFound(msg) : Error::Io(msg);
}

// Reads [offset, offset+size) of a file into *out (size = npos: to the end).
Status ReadRange(const std::string& path, uint64_t offset, size_t size, size_t max_size,
                 std::vector<uint8_t>* out) {
  FilePtr f(std::fopen(path.c_str(), "rb"));
  if (!f) return Fail(OpenError(path));
  if (size == static_cast<size_t>(-1)) {
    if (std::fseek(f.get(), 0, SEEK_END) != 0) return Fail(Error::Io(path + ": cannot seek"));
    long end = std::ftell(f.get());
    if (end < 0) return Fail(Error::Io(path + ": cannot tell size"));
    if (static_cast<uint64_t>(end) < offset) return Fail(Error::Io(path + ": offset past end"));
    size = static_cast<size_t>(static_cast<uint64_t>(end) - offset);
  }
  if (size > max_size) {
    return Fail(
        Error::TooLarge(fmt::format("{}: {} bytes exceed the limit {}", path, size, max_size)));
  }
  if (std::fseek(f.get(), static_cast<long>(offset), SEEK_SET) != 0) {
    return Fail(Error::Io(fmt::format("{}: cannot seek to byte {}", path, offset)));
  }
  out->resize(size);
  size_t got = size == 0 ? 0 : std::fread(out->data(), 1, size, f.get());
  if (got != size) {
    return Fail(Error(ErrorCode::kCorrupt,
                      fmt::format("{}: short read: {} of {} bytes", path, got, size),
                      offset + got));
  }
  return {};
}
}  // namespace

Result<XorKey> ReadXorKey(const std::string& blocks_dir) {
  XorKey key;
  std::string path = (fs::path(blocks_dir) / "xor.dat").string();
  std::error_code ec;
  if (!fs::exists(path, ec)) return key;
  std::vector<uint8_t> bytes;
  if (Status s = ReadRange(path, 0, static_cast<size_t>(-1), 64, &bytes); !s) {
    return Fail(s.error());
  }
  if (bytes.size() != key.bytes.size()) {
    return Fail(Error::Corrupt(fmt::format("{}: {} bytes, expected 8", path, bytes.size())));
  }
  std::copy(bytes.begin(), bytes.end(), key.bytes.begin());
  return key;
}

size_t FrameScanner::FindMagic(size_t from) const {
  uint8_t m[4];
  StoreLe32(m, magic_);
  if (from >= file_.size()) return file_.size();
  auto it = std::search(file_.begin() + static_cast<std::ptrdiff_t>(from), file_.end(),
                        std::begin(m), std::end(m));
  return static_cast<size_t>(it - file_.begin());
}

Result<bool> FrameScanner::Next(ByteSpan* data, uint64_t* offset) {
  const size_t n = file_.size();
  // Preallocated zero padding. With an XOR key whose byte is 0xf9 the first
  // magic byte is stored as 0 too, so a position holding the magic is never padding.
  while (pos_ < n && IsPadding(pos_)) {
    if (n - pos_ >= 4 && LoadLe32(file_.data() + pos_) == magic_) break;
    ++pos_;
  }
  if (pos_ >= n) return false;
  const size_t at = pos_;
  if (n - at < 8) {
    pos_ = n;
    return Fail(Error::Corrupt(fmt::format("truncated frame header ({} bytes)", n - at), at));
  }
  uint32_t magic = LoadLe32(file_.data() + at);
  if (magic != magic_) {
    pos_ = FindMagic(at + 1);
    return Fail(Error::Corrupt(fmt::format("bad magic {:08x}, skipped {} bytes to {}", magic,
                                           pos_ - at, pos_ < n ? "the next magic" : "the end"),
                               at));
  }
  uint32_t size = LoadLe32(file_.data() + at + 4);
  if (size < kHeaderSize || size > kMaxBlockSize) {
    pos_ = FindMagic(at + 4);
    return Fail(Error::Corrupt(fmt::format("impossible block size {}", size), at + 4));
  }
  if (size > n - at - 8) {
    pos_ = FindMagic(at + 8);
    return Fail(Error::Corrupt(
        fmt::format("truncated block: declares {} bytes, {} left", size, n - at - 8), at));
  }
  *data = file_.subspan(at + 8, size);
  *offset = at + 8;
  pos_ = at + 8 + size;
  return true;
}

Result<BlockSource> BlockSource::Open(const std::string& path, const Network& net) {
  std::error_code ec;
  std::vector<File> files;
  XorKey key;
  if (fs::is_directory(path, ec)) {
    auto k = ReadXorKey(path);
    if (!k) return Fail(k.error());
    key = *k;
    for (const auto& e : fs::directory_iterator(path, ec)) {
      std::string name = e.path().filename().string();
      // blk?????.dat: "blk" + digits + ".dat"
      if (name.size() < 8 || name.compare(0, 3, "blk") != 0 ||
          name.compare(name.size() - 4, 4, ".dat") != 0) {
        continue;
      }
      std::string digits = name.substr(3, name.size() - 7);
      if (digits.empty() ||
          !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        continue;
      files.push_back({e.path().string(), FileKind::kFramed});
    }
    if (ec) return Fail(Error::Io(fmt::format("{}: cannot list: {}", path, ec.message())));
    // Zero-padded names sort numerically; shorter names (if any) come first.
    std::sort(files.begin(), files.end(), [](const File& a, const File& b) {
      return a.path.size() != b.path.size() ? a.path.size() < b.path.size() : a.path < b.path;
    });
    if (files.empty()) return Fail(Error::NotFound(path + ": no blk?????.dat files"));
  } else {
    FilePtr f(std::fopen(path.c_str(), "rb"));
    if (!f) return Fail(OpenError(path));
    uint8_t m[4] = {0, 0, 0, 0};
    size_t got = std::fread(m, 1, 4, f.get());
    bool framed = got == 4 && LoadLe32(m) == net.magic;
    files.push_back({path, framed ? FileKind::kFramed : FileKind::kRaw});
  }
  return FromFiles(std::move(files), key, net);
}

BlockSource BlockSource::FromFiles(std::vector<File> files, const XorKey& key, const Network& net) {
  BlockSource s;
  s.files_ = std::move(files);
  s.key_ = key;
  s.magic_ = net.magic;
  return s;
}

Status BlockSource::LoadFile(uint32_t index) {
  loaded_ = false;
  raw_done_ = false;
  if (Status s = ReadRange(files_[index].path, 0, static_cast<size_t>(-1), kMaxFileSize, &buffer_);
      !s) {
    return s;
  }
  ApplyXor(buffer_, key_, 0);
  scanner_ = FrameScanner(buffer_, magic_, key_);
  loaded_ = true;
  return {};
}

Result<bool> BlockSource::Next(BlockRecord* out) {
  while (file_index_ < files_.size()) {
    const File& file = files_[file_index_];
    if (!loaded_) {
      if (Status s = LoadFile(file_index_); !s) {
        ++file_index_;  // continue with the next file on the following call
        return Fail(s.error());
      }
    }
    if (file.kind == FileKind::kRaw) {
      if (!raw_done_ && !buffer_.empty()) {
        raw_done_ = true;
        out->data = buffer_;
        out->location = {file_index_, 0, static_cast<uint32_t>(buffer_.size())};
        return true;
      }
    } else {
      ByteSpan data;
      uint64_t offset = 0;
      Result<bool> r = scanner_.Next(&data, &offset);
      if (!r) {
        const Error& e = r.error();
        return Fail(Error(e.code(), file.path + ": " + e.context(), e.offset()));
      }
      if (*r) {
        out->data = data;
        out->location = {file_index_, offset, static_cast<uint32_t>(data.size())};
        return true;
      }
    }
    loaded_ = false;
    ++file_index_;
  }
  return false;
}

Result<ByteSpan> BlockSource::ReadBlock(const BlockLocation& loc) {
  if (loc.file_index >= files_.size()) {
    return Fail(Error::InvalidArgument(fmt::format("no file #{}", loc.file_index)));
  }
  if (loc.size > kMaxBlockSize) return Fail(Error::InvalidArgument("block size above limit"));
  const std::string& path = files_[loc.file_index].path;
  if (Status s = ReadRange(path, loc.offset, loc.size, kMaxBlockSize, &block_buffer_); !s) {
    return Fail(s.error());
  }
  ApplyXor(block_buffer_, key_, loc.offset);
  return ByteSpan(block_buffer_);
}

}  // namespace extortrace::chain
