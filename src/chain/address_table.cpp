#include "chain/address_table.h"

#include <fmt/format.h>

#include <cstdio>

namespace extortrace::chain {

namespace {
size_t RoundUpPow2(size_t n) {
  size_t p = 1;
  while (p < n) p <<= 1;
  return p;
}
}  // namespace

Status AddressTable::Create(const std::string& path, size_t min_slots) {
  path_ = path;
  used_ = 0;
  if (Status s = slots_.Create(path); !s) return s;
  return slots_.AppendZeros(RoundUpPow2(std::max<size_t>(min_slots, 16)));
}

Status AddressTable::OpenRead(const std::string& path) {
  path_ = path;
  if (Status s = slots_.OpenRead(path); !s) return s;
  const size_t n = slots_.size();
  if (n == 0 || (n & (n - 1)) != 0) {
    return Fail(Error::Corrupt(path + ": slot count is not a power of two"));
  }
  return {};
}

std::optional<uint32_t> AddressTable::Find(const AddressKey& key, const KeyAt& key_at) const {
  const size_t mask = slots_.size() - 1;
  const uint64_t fp = key.Fingerprint();
  for (size_t i = fp & mask, probes = 0; probes <= mask; i = (i + 1) & mask, ++probes) {
    AddressSlot s = slots_.Get(i);
    if (s.id_plus_one == 0) return std::nullopt;
    if (s.fingerprint == fp && key_at(s.id_plus_one - 1) == key) return s.id_plus_one - 1;
  }
  return std::nullopt;
}

Result<std::pair<uint32_t, bool>> AddressTable::FindOrInsert(const AddressKey& key,
                                                             uint32_t next_id,
                                                             const KeyAt& key_at) {
  if ((used_ + 1) * 10 > slots_.size() * 7) {
    if (Status s = Grow(); !s) return Fail(s.error());
  }
  const size_t mask = slots_.size() - 1;
  const uint64_t fp = key.Fingerprint();
  for (size_t i = fp & mask;; i = (i + 1) & mask) {  // terminates: the table is < 70 % full
    AddressSlot s = slots_.Get(i);
    if (s.id_plus_one == 0) {
      slots_.Set(i, {fp, next_id + 1});
      ++used_;
      return std::make_pair(next_id, true);
    }
    if (s.fingerprint == fp && key_at(s.id_plus_one - 1) == key) {
      return std::make_pair(s.id_plus_one - 1, false);
    }
  }
}

Status AddressTable::Grow() {
  // Rehash by fingerprint alone: entries are distinct keys already.
  const std::string tmp = path_ + ".grow";
  MappedColumn<AddressSlot> bigger;
  if (Status s = bigger.Create(tmp); !s) return s;
  if (Status s = bigger.AppendZeros(slots_.size() * 2); !s) return s;
  const size_t mask = bigger.size() - 1;
  for (size_t i = 0; i < slots_.size(); ++i) {
    AddressSlot s = slots_.Get(i);
    if (s.id_plus_one == 0) continue;
    size_t j = s.fingerprint & mask;
    while (bigger.Get(j).id_plus_one != 0) j = (j + 1) & mask;
    bigger.Set(j, s);
  }
  if (Status s = bigger.Close(); !s) return s;
  if (Status s = slots_.Close(); !s) return s;
  if (std::rename(tmp.c_str(), path_.c_str()) != 0) {
    return Fail(Error::Io(fmt::format("{}: cannot rename to {}", tmp, path_)));
  }
  return slots_.OpenWrite(path_);
}

}  // namespace extortrace::chain
