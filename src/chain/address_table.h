// AddressTable: the index's address dictionary (AddressKey -> address id) as
// an open-addressing hash table (linear probing, power-of-two slots, ≤ 70 %
// full) in a memory-mapped file, so neither building nor querying the index
// keeps the dictionary in RAM: the page cache holds what is hot.
//
// A slot stores the key's 64-bit fingerprint and id + 1 (0 = empty); the full
// key lives in the caller's address column and is compared on every
// fingerprint match, so fingerprint collisions are harmless.
//
// Ids are inserted in increasing order (0, 1, 2, ...) and growing re-inserts
// them in id order, so the table always equals "ids 0..n-1 inserted in order
// into an empty table of this size". Two consequences the index relies on:
// a slot holding an id >= some limit n never lies on the probe path of an id
// < n, so (1) lookups may treat such slots as empty (a reader of a committed
// index with n addresses ignores the slots of an append in progress), and
// (2) DropIdsFrom(n) restores exactly the table of ids 0..n-1 (crash recovery
// of an interrupted append), byte for byte.
//
// Files: `<dir>/addr.<slots>.table`, exactly 12 bytes a slot once closed.
// Growing writes the bigger table to a new file and switches to it, leaving
// the old file in place: the index manifest names the file of each commit,
// and the old one is deleted once nothing names it (so a killed append never
// leaves a table the manifest does not describe).
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

  Status Create(const std::string& dir, size_t min_slots = 1 << 16);
  // `slots` from the manifest (the file may be longer if its writer was killed).
  Status OpenRead(const std::string& dir, const std::string& file, uint64_t slots);
  // Reopens for inserting after ids 0..`count`-1. With `drop_larger`, slots
  // holding larger ids (left by an interrupted append) are cleared first, a
  // pass over every slot.
  Status OpenWrite(const std::string& dir, const std::string& file, uint64_t slots, uint32_t count,
                   bool drop_larger);
  // The current file's name inside the directory.
  std::string file() const;
  Status Close() { return slots_.Close(); }
  Status Sync() { return slots_.Sync(); }

  // Slots holding ids >= `limit` count as empty (see the class comment).
  std::optional<uint32_t> Find(const AddressKey& key, const KeyAt& key_at,
                               uint32_t limit = 0xffffffffu) const;
  // Finds `key`, or inserts it with id `next_id` (returned with inserted=true).
  // `next_id` must be the number of ids inserted so far. Growing rehashes into
  // a new file and renames it over the old one.
  Result<std::pair<uint32_t, bool>> FindOrInsert(const AddressKey& key, uint32_t next_id,
                                                 const KeyAt& key_at);
  size_t slot_count() const { return slots_.size(); }

 private:
  Status Grow(const KeyAt& key_at);
  void DropIdsFrom(uint32_t limit);

  Status CheckSlots(const std::string& path) const;

  std::string dir_;
  MappedColumn<AddressSlot> slots_;
  size_t used_ = 0;
};

}  // namespace extortrace::chain
