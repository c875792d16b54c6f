#include "chain/address_table.h"

#include <fmt/format.h>

#include <cstdio>
#include <utility>

namespace extortrace::chain {

namespace {
size_t RoundUpPow2(size_t n) {
  size_t p = 1;
  while (p < n) p <<= 1;
  return p;
}
std::string TableFileName(size_t slots) { return fmt::format("addr.{}.table", slots); }
}  // namespace

Status AddressTable::Create(const std::string& dir, size_t min_slots) {
  dir_ = dir;
  used_ = 0;
  const size_t n = RoundUpPow2(std::max<size_t>(min_slots, 16));
  if (Status s = slots_.Create(dir + "/" + TableFileName(n)); !s) return s;
  return slots_.AppendZeros(n);
}

std::string AddressTable::file() const { return TableFileName(slots_.size()); }

Status AddressTable::CheckSlots(const std::string& path) const {
  const size_t n = slots_.size();
  if (n == 0 || (n & (n - 1)) != 0) {
    return Fail(Error::Corrupt(path + ": slot count is not a power of two"));
  }
  return {};
}

Status AddressTable::OpenRead(const std::string& dir, const std::string& file, uint64_t slots) {
  dir_ = dir;
  const std::string path = dir + "/" + file;
  if (Status s = slots_.OpenRead(path, slots); !s) return s;
  return CheckSlots(path);
}

Status AddressTable::OpenWrite(const std::string& dir, const std::string& file, uint64_t slots,
                               uint32_t count, bool drop_larger) {
  dir_ = dir;
  const std::string path = dir + "/" + file;
  if (Status s = slots_.OpenWrite(path, slots); !s) return s;
  if (Status s = CheckSlots(path); !s) return s;
  if (drop_larger) DropIdsFrom(count);
  used_ = count;
  return {};
}

void AddressTable::DropIdsFrom(uint32_t limit) {
  for (size_t i = 0; i < slots_.size(); ++i) {
    AddressSlot s = slots_.Get(i);
    if (s.id_plus_one != 0 && s.id_plus_one - 1 >= limit) slots_.Set(i, {0, 0});
  }
}

std::optional<uint32_t> AddressTable::Find(const AddressKey& key, const KeyAt& key_at,
                                           uint32_t limit) const {
  const size_t mask = slots_.size() - 1;
  const uint64_t fp = key.Fingerprint();
  for (size_t i = fp & mask, probes = 0; probes <= mask; i = (i + 1) & mask, ++probes) {
    AddressSlot s = slots_.Get(i);
    if (s.id_plus_one == 0 || s.id_plus_one - 1 >= limit) return std::nullopt;
    if (s.fingerprint == fp && key_at(s.id_plus_one - 1) == key) return s.id_plus_one - 1;
  }
  return std::nullopt;
}

Result<std::pair<uint32_t, bool>> AddressTable::FindOrInsert(const AddressKey& key,
                                                             uint32_t next_id,
                                                             const KeyAt& key_at) {
  if ((used_ + 1) * 10 > slots_.size() * 7) {
    if (Status s = Grow(key_at); !s) return Fail(s.error());
  }
  const size_t mask = slots_.size() - 1;
  const uint64_t fp = key.Fingerprint();
  for (size_t i = fp & mask;; i = (i + 1) & mask) {  // terminates: the table is < 70 % full
    AddressSlot s = slots_.Get(i);
    if (s.id_plus_one == 0 || s.id_plus_one - 1 >= next_id) {
      slots_.Set(i, {fp, next_id + 1});
      ++used_;
      return std::make_pair(next_id, true);
    }
    if (s.fingerprint == fp && key_at(s.id_plus_one - 1) == key) {
      return std::make_pair(s.id_plus_one - 1, false);
    }
  }
}

Status AddressTable::Grow(const KeyAt& key_at) {
  // Re-insert in id order (see the class comment), from the keys themselves.
  const size_t n = slots_.size() * 2;
  MappedColumn<AddressSlot> bigger;
  if (Status s = bigger.Create(dir_ + "/" + TableFileName(n)); !s) return s;
  if (Status s = bigger.AppendZeros(n); !s) return s;
  const size_t mask = n - 1;
  for (uint32_t id = 0; id < used_; ++id) {
    const uint64_t fp = key_at(id).Fingerprint();
    size_t j = fp & mask;
    while (bigger.Get(j).id_plus_one != 0) j = (j + 1) & mask;
    bigger.Set(j, {fp, id + 1});
  }
  if (Status s = slots_.Close(); !s) return s;
  slots_ = std::move(bigger);
  return {};
}

}  // namespace extortrace::chain
