// ByteReader: a bounds-checked little-endian cursor over a byte span, for the
// Bitcoin wire format (LE integers, CompactSize lengths, fixed-size hashes).
//
// Every read checks the remaining length first. On a short read the reader
// enters a sticky failed state: the read returns a zero value / empty span,
// the position is left where the failing read started, and every later read
// also fails. Callers parse a whole structure and test ok() once at the end,
// which keeps the hot path branch-light and never reads out of bounds.
//
// Ownership: the reader does not own the bytes; spans it returns point into
// the caller's buffer and live as long as that buffer. Not thread-safe (it is
// a cursor); copying a reader is cheap and gives an independent cursor.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>

namespace extortrace::chain {

using ByteSpan = std::span<const uint8_t>;

class ByteReader {
 public:
  ByteReader() = default;
  explicit ByteReader(ByteSpan data) : data_(data.data()), size_(data.size()) {}

  bool ok() const { return ok_; }
  size_t pos() const { return pos_; }
  size_t size() const { return size_; }
  size_t remaining() const { return size_ - pos_; }
  bool empty() const { return pos_ == size_; }
  const uint8_t* data() const { return data_; }
  // Marks the reader failed (used when a decoded value is out of range).
  void Fail() { ok_ = false; }

  // Returns the next n bytes and advances, or an empty span and fails.
  ByteSpan Bytes(size_t n) {
    if (!Have(n)) return {};
    ByteSpan s(data_ + pos_, n);
    pos_ += n;
    return s;
  }
  // Returns a pointer to the next n bytes (for fixed-size fields such as
  // hashes), or nullptr and fails.
  const uint8_t* Ptr(size_t n) {
    if (!Have(n)) return nullptr;
    const uint8_t* p = data_ + pos_;
    pos_ += n;
    return p;
  }
  bool Skip(size_t n) {
    if (!Have(n)) return false;
    pos_ += n;
    return true;
  }

  uint8_t U8() {
    if (!Have(1)) return 0;
    return data_[pos_++];
  }
  uint16_t U16() { return static_cast<uint16_t>(Le(2)); }
  uint32_t U32() { return static_cast<uint32_t>(Le(4)); }
  uint64_t U64() { return Le(8); }
  int32_t I32() { return static_cast<int32_t>(U32()); }
  int64_t I64() { return static_cast<int64_t>(U64()); }

  // Bitcoin's CompactSize (0..0xfc, 0xfd+u16, 0xfe+u32, 0xff+u64). Fails on a
  // non-canonical encoding (Bitcoin Core rejects those too) and on values
  // above `max`, so a hostile count can never drive a huge allocation.
  uint64_t CompactSize(uint64_t max = kMaxCompactSize) {
    uint8_t tag = U8();
    uint64_t v;
    if (tag < 0xfd) {
      v = tag;
    } else if (tag == 0xfd) {
      v = U16();
      if (v < 0xfd) ok_ = false;
    } else if (tag == 0xfe) {
      v = U32();
      if (v <= 0xffff) ok_ = false;
    } else {
      v = U64();
      if (v <= 0xffffffffu) ok_ = false;
    }
    if (v > max) ok_ = false;
    return ok_ ? v : 0;
  }
  // A CompactSize length followed by that many bytes.
  ByteSpan VarBytes() {
    uint64_t n = CompactSize();
    return ok_ ? Bytes(static_cast<size_t>(n)) : ByteSpan{};
  }

  // Bitcoin Core's MAX_SIZE for serialized lengths (32 MiB).
  static constexpr uint64_t kMaxCompactSize = 0x02000000;

 private:
  bool Have(size_t n) {
    if (!ok_ || n > size_ - pos_) {
      ok_ = false;
      return false;
    }
    return true;
  }
  uint64_t Le(size_t n) {
    if (!Have(n)) return 0;
    uint64_t v = 0;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(&v, data_ + pos_, n);
    } else {
      for (size_t i = 0; i < n; ++i) v |= uint64_t{data_[pos_ + i]} << (8 * i);
    }
    pos_ += n;
    return v;
  }

  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t pos_ = 0;
  bool ok_ = true;
};

// Little-endian loads and stores for code that has already checked bounds.
inline uint32_t LoadLe32(const uint8_t* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}
inline void StoreLe32(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}

}  // namespace extortrace::chain
