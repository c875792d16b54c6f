// MappedColumn<T>: an append-only array of trivially copyable records in a
// memory-mapped file, the storage unit of the chain index (index.h).
//
// Writable mode grows the file in doubling steps (ftruncate + mremap) and
// trims it to the exact size on Close(); records already appended may be
// updated in place (the index sets "spent by" fields later). Read-only mode
// maps an existing file; its size must be a multiple of sizeof(T). Both open
// modes take an optional record count: read-only then maps just that prefix
// (the file may be longer: records of an append not yet committed), and
// writable truncates the file to it (dropping such records).
//
// Ownership: the column owns its mapping and descriptor; references returned
// by operator[] are invalidated by Append() (the mapping may move) and by
// Close()/destruction. Not thread-safe for writers; a read-only column may be
// read from many threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <type_traits>

#include "core/result.h"

namespace extortrace::chain {

namespace detail {
// Untyped mapped file; MappedColumn<T> is a typed view over it.
class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(MappedFile&& o) noexcept { *this = std::move(o); }
  MappedFile& operator=(MappedFile&& o) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  static constexpr size_t kWholeFile = ~size_t{0};

  Status Create(const std::string& path);  // truncates
  // Read-only; maps the first `bytes` (kWholeFile: all). A file shorter than
  // `bytes` is kCorrupt.
  Status OpenRead(const std::string& path, size_t bytes = kWholeFile);
  // Existing file, writable; keeps its size, or truncates it to `bytes`
  // (a file shorter than `bytes` is kCorrupt).
  Status OpenWrite(const std::string& path, size_t bytes = kWholeFile);
  // Writes dirty pages and the file's metadata to disk (writable only).
  Status Sync();
  // Reads `n` bytes at `offset` of the file with pread (also past the mapped
  // prefix); false when the file is shorter.
  bool ReadAt(uint64_t offset, void* out, size_t n) const;
  // Ensures capacity for `bytes` (writable only).
  Status Reserve(size_t bytes);
  Status Close();  // trims to size_ (writable), unmaps

  uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  void set_size(size_t s) { size_ = s; }
  size_t capacity() const { return capacity_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
  uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;  // mapped length
  bool writable_ = false;
};
}  // namespace detail

template <typename T>
class MappedColumn {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  static constexpr size_t kAll = ~size_t{0};

  Status Create(const std::string& path) { return file_.Create(path); }
  // `count` records (kAll: the whole file); see the class comment.
  Status OpenWrite(const std::string& path, size_t count = kAll) {
    return file_.OpenWrite(path, ByteCount(count));
  }
  Status OpenRead(const std::string& path, size_t count = kAll) {
    if (Status s = file_.OpenRead(path, ByteCount(count)); !s) return s;
    if (file_.size() % sizeof(T) != 0) {
      return Fail(Error::Corrupt(path + ": size is not a multiple of the record size"));
    }
    return {};
  }
  Status Append(const T& value) {
    const size_t end = file_.size() + sizeof(T);
    if (end > file_.capacity()) {
      if (Status s = file_.Reserve(end); !s) return s;
    }
    std::memcpy(file_.data() + file_.size(), &value, sizeof(T));
    file_.set_size(end);
    return {};
  }
  // Appends n zero-filled records.
  Status AppendZeros(size_t n) {
    const size_t end = file_.size() + n * sizeof(T);
    if (end > file_.capacity()) {
      if (Status s = file_.Reserve(end); !s) return s;
    }
    std::memset(file_.data() + file_.size(), 0, n * sizeof(T));
    file_.set_size(end);
    return {};
  }
  size_t size() const { return file_.size() / sizeof(T); }
  // Caller guarantees i < size().
  T Get(size_t i) const {
    T v;
    std::memcpy(&v, file_.data() + i * sizeof(T), sizeof(T));
    return v;
  }
  void Set(size_t i, const T& v) { std::memcpy(file_.data() + i * sizeof(T), &v, sizeof(T)); }
  // Record i of the file even past size() (a read-only column maps a prefix);
  // nullopt when the file ends before it.
  std::optional<T> ReadPastEnd(size_t i) const {
    T v;
    if (!file_.ReadAt(uint64_t{i} * sizeof(T), &v, sizeof(T))) return std::nullopt;
    return v;
  }
  Status Close() { return file_.Close(); }
  Status Sync() { return file_.Sync(); }
  const std::string& path() const { return file_.path(); }

 private:
  static size_t ByteCount(size_t count) {
    return count == kAll ? detail::MappedFile::kWholeFile : count * sizeof(T);
  }

  detail::MappedFile file_;
};

}  // namespace extortrace::chain
