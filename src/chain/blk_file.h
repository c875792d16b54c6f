// Block sources: Bitcoin Core's blocks directory (blk?????.dat files with
// magic + size framing, optional xor.dat obfuscation), single framed files
// (*.blk, *.dat) and raw single-block files (no framing).
//
// Framing: each block is `magic (4) | size (LE u32) | block (size bytes)`.
// Blocks appear in download order, not height order (see chain_order.h).
// Files are preallocated in chunks, so they end in zero padding, which is
// skipped. On bad magic, a truncated frame or an impossible size the reader
// reports an Error naming the file and byte offset, then resynchronises by
// scanning forward for the next magic, so one call to Next() after an error
// continues the iteration (with the next file if this one is exhausted).
//
// XOR (Bitcoin Core 28+): blocks/xor.dat holds an 8-byte key; every byte at
// file offset i is stored XORed with key[i % 8]. An all-zero key (or no
// xor.dat) means no obfuscation.
//
// Ownership: BlockSource owns one file's bytes at a time; spans in a
// BlockRecord are valid until the next call to Next() on the same source, and
// the span ReadBlock() returns until the next ReadBlock() (the two use
// separate buffers, so random reads do not disturb an iteration). Not thread-safe; use one source
// per thread.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "chain/byte_reader.h"
#include "chain/script.h"
#include "core/result.h"

namespace extortrace::chain {

struct XorKey {
  std::array<uint8_t, 8> bytes{};
  bool IsZero() const;
};
// Reads <blocks_dir>/xor.dat. A missing file yields the zero key; a file that
// is not exactly 8 bytes is an error.
Result<XorKey> ReadXorKey(const std::string& blocks_dir);
// XORs `data`, which starts at `file_offset` in its file, with the key
// (the same call obfuscates and de-obfuscates).
void ApplyXor(std::span<uint8_t> data, const XorKey& key, uint64_t file_offset);

// Where a block lives: file (index into BlockSource::files()), offset of the
// block's first byte (after the 8-byte frame), and its size.
struct BlockLocation {
  uint32_t file_index = 0;
  uint64_t offset = 0;
  uint32_t size = 0;
};

struct BlockRecord {
  ByteSpan data;  // de-obfuscated block bytes; see lifetime note above
  BlockLocation location;
};

// Scans the frames of one in-memory file. `is_padding_key` is the XOR key
// the file was read with, so that zero padding (stored un-obfuscated on
// disk) is recognised after de-obfuscation.
class FrameScanner {
 public:
  FrameScanner() = default;
  FrameScanner(ByteSpan file, uint32_t magic, const XorKey& key)
      : file_(file), magic_(magic), key_(key) {}
  // true: a frame is in *data/*offset; false: end of file; error: a problem
  // at some offset (context without file name), the scanner has resynced.
  Result<bool> Next(ByteSpan* data, uint64_t* offset);

 private:
  bool IsPadding(size_t i) const { return file_[i] == key_.bytes[i % 8]; }
  size_t FindMagic(size_t from) const;

  ByteSpan file_;
  uint32_t magic_ = 0;
  XorKey key_;
  size_t pos_ = 0;
};

class BlockSource {
 public:
  enum class FileKind : uint8_t { kFramed, kRaw };
  struct File {
    std::string path;
    FileKind kind;
  };

  BlockSource() = default;
  // Move-only: the frame scanner points into the owned buffer (a moved
  // vector keeps its heap block, a copied one would not).
  BlockSource(BlockSource&&) = default;
  BlockSource& operator=(BlockSource&&) = default;
  BlockSource(const BlockSource&) = delete;
  BlockSource& operator=(const BlockSource&) = delete;

  // `path` may be a blocks directory (blk?????.dat in numeric order, xor.dat
  // honoured), a framed file (starts with the network magic) or a raw block.
  static Result<BlockSource> Open(const std::string& path, const Network& net = kMainnet);
  // An explicit file list (e.g. tests); all read with `key`.
  static BlockSource FromFiles(std::vector<File> files, const XorKey& key,
                               const Network& net = kMainnet);

  const std::vector<File>& files() const { return files_; }
  const XorKey& xor_key() const { return key_; }

  // Next block in file order. true: *out filled; false: all files done.
  // An error (unreadable file, bad frame) names file and offset; calling
  // Next() again continues after it.
  Result<bool> Next(BlockRecord* out);
  // Random access to a block found earlier (re-reads just that block).
  Result<ByteSpan> ReadBlock(const BlockLocation& loc);

  // Largest file accepted (Bitcoin Core's blk files are <= 128 MiB).
  static constexpr size_t kMaxFileSize = size_t{1} << 30;

 private:
  Status LoadFile(uint32_t index);

  std::vector<File> files_;
  XorKey key_;
  uint32_t magic_ = kMainnet.magic;
  uint32_t file_index_ = 0;
  bool loaded_ = false;
  bool raw_done_ = false;
  std::vector<uint8_t> buffer_;        // the current file (Next)
  std::vector<uint8_t> block_buffer_;  // the last ReadBlock
  FrameScanner scanner_;
};

}  // namespace extortrace::chain
