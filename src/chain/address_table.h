// AddressTable: the index's address dictionary (AddressKey -> address id) as
// an open-addressing hash table (linear probing, power-of-two slots, ≤ 70 %
// full) in a memory-mapped file, so neither building nor querying the index
// keeps the dictionary in RAM: the page cache holds what is hot.
//
// A slot stores the key's 64-bit fingerprint and id + 1 (0 = empty); the full
// key lives in the caller's address column and is compared on every
// fingerprint match, so fingerprint collisions are harmless.
//
// Ownership: owns its mapping. Not thread-safe while inserting; a table opened
// read-only may be queried from many threads.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "chain/address_key.h"
#include "chain/mapped_column.h"
#include "core/result.h"

namespace extortrace::chain {

#pragma pack(push, 1)
struct AddressSlot {
  uint64_t fingerprint;
  uint32_t id_plus_one;  // 0: empty
};
#pragma pack(pop)

class AddressTable {
 public:
  // Returns the key stored for an id (read from the address column).
  using KeyAt = std::function<AddressKey(uint32_t id)>;

  Status Create(const std::string& path, size_t min_slots = 1 << 16);
  Status OpenRead(const std::string& path);
  Status Close() { return slots_.Close(); }

  std::optional<uint32_t> Find(const AddressKey& key, const KeyAt& key_at) const;
  // Finds `key`, or inserts it with id `next_id` (returned with inserted=true).
  // Growing rehashes into a new file and renames it over the old one.
  Result<std::pair<uint32_t, bool>> FindOrInsert(const AddressKey& key, uint32_t next_id,
                                                 const KeyAt& key_at);
  size_t slot_count() const { return slots_.size(); }

 private:
  Status Grow();

  std::string path_;
  MappedColumn<AddressSlot> slots_;
  size_t used_ = 0;
};

}  // namespace extortrace::chain
