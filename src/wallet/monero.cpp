// Monero base58 (src/common/base58.cpp in the Monero tree) and address layout.
#include "wallet/monero.h"

#include <array>
#include <cstring>

#include "crypto/hash.h"
#include "wallet/base58.h"

namespace extortrace::wallet {
namespace {

constexpr size_t kFullBlockBytes = 8;
constexpr size_t kFullBlockChars = 11;
// Characters needed for a block of n bytes, n = 0..8.
constexpr size_t kBlockChars[kFullBlockBytes + 1] = {0, 2, 3, 5, 6, 7, 9, 10, 11};
constexpr size_t kMaxDecodeChars = 256;

// Byte count of a final block with `chars` characters, or -1 if impossible.
int BlockBytes(size_t chars) {
  for (size_t n = 0; n <= kFullBlockBytes; ++n) {
    if (kBlockChars[n] == chars) return static_cast<int>(n);
  }
  return -1;
}

void EncodeBlock(const uint8_t* block, size_t n, std::string* out) {
  uint64_t num = 0;
  for (size_t i = 0; i < n; ++i) num = (num << 8) | block[i];
  char buf[kFullBlockChars];
  const size_t chars = kBlockChars[n];
  for (size_t i = chars; i-- > 0;) {
    buf[i] = kBase58Alphabet[num % 58];
    num /= 58;
  }
  out->append(buf, chars);
}

bool DecodeBlock(std::string_view chars, size_t n, std::vector<uint8_t>* out) {
  uint64_t num = 0;
  for (char c : chars) {
    int d = kBase58Digit[static_cast<uint8_t>(c)];
    if (d < 0) return false;
    // 11 base-58 digits can exceed 2^64: reject overflow as Monero does.
    if (__builtin_mul_overflow(num, uint64_t{58}, &num) ||
        __builtin_add_overflow(num, static_cast<uint64_t>(d), &num)) {
      return false;
    }
  }
  if (n < kFullBlockBytes && (num >> (8 * n)) != 0) return false;
  for (size_t i = n; i-- > 0;) out->push_back(static_cast<uint8_t>(num >> (8 * i)));
  return true;
}

struct PrefixInfo {
  uint64_t prefix;
  MoneroAddressKind kind;
  MoneroNetwork network;
};
constexpr PrefixInfo kPrefixes[] = {
    {18, MoneroAddressKind::kStandard, MoneroNetwork::kMainnet},
    {19, MoneroAddressKind::kIntegrated, MoneroNetwork::kMainnet},
    {42, MoneroAddressKind::kSubaddress, MoneroNetwork::kMainnet},
    {53, MoneroAddressKind::kStandard, MoneroNetwork::kTestnet},
    {54, MoneroAddressKind::kIntegrated, MoneroNetwork::kTestnet},
    {63, MoneroAddressKind::kSubaddress, MoneroNetwork::kTestnet},
    {24, MoneroAddressKind::kStandard, MoneroNetwork::kStagenet},
    {25, MoneroAddressKind::kIntegrated, MoneroNetwork::kStagenet},
    {36, MoneroAddressKind::kSubaddress, MoneroNetwork::kStagenet},
};

constexpr size_t kKeyBytes = 32;
constexpr size_t kPaymentIdBytes = 8;
constexpr size_t kChecksumBytes = 4;

}  // namespace

std::string EncodeMoneroBase58(std::span<const uint8_t> data) {
  std::string out;
  out.reserve((data.size() / kFullBlockBytes + 1) * kFullBlockChars);
  size_t i = 0;
  for (; i + kFullBlockBytes <= data.size(); i += kFullBlockBytes) {
    EncodeBlock(data.data() + i, kFullBlockBytes, &out);
  }
  if (i < data.size()) EncodeBlock(data.data() + i, data.size() - i, &out);
  return out;
}

std::optional<std::vector<uint8_t>> DecodeMoneroBase58(std::string_view s) {
  if (s.size() > kMaxDecodeChars) return std::nullopt;
  const size_t full = s.size() / kFullBlockChars;
  const int last_bytes = BlockBytes(s.size() % kFullBlockChars);
  if (last_bytes < 0) return std::nullopt;
  std::vector<uint8_t> out;
  out.reserve(full * kFullBlockBytes + static_cast<size_t>(last_bytes));
  for (size_t b = 0; b < full; ++b) {
    if (!DecodeBlock(s.substr(b * kFullBlockChars, kFullBlockChars), kFullBlockBytes, &out)) {
      return std::nullopt;
    }
  }
  if (last_bytes > 0 &&
      !DecodeBlock(s.substr(full * kFullBlockChars), static_cast<size_t>(last_bytes), &out)) {
    return std::nullopt;
  }
  return out;
}

std::optional<MoneroAddress> DecodeMoneroAddress(std::string_view s) {
  if (s.size() != 95 && s.size() != 106) return std::nullopt;
  auto raw = DecodeMoneroBase58(s);
  if (!raw || raw->empty()) return std::nullopt;
  // All known prefixes are below 128, so their varint is a single byte.
  const PrefixInfo* info = nullptr;
  for (const auto& p : kPrefixes) {
    if (p.prefix == (*raw)[0]) info = &p;
  }
  if (info == nullptr) return std::nullopt;
  const bool integrated = info->kind == MoneroAddressKind::kIntegrated;
  const size_t body = 1 + 2 * kKeyBytes + (integrated ? kPaymentIdBytes : 0);
  if (raw->size() != body + kChecksumBytes) return std::nullopt;
  crypto::Hash256 h = crypto::Keccak256(std::span<const uint8_t>(raw->data(), body));
  if (std::memcmp(h.data(), raw->data() + body, kChecksumBytes) != 0) return std::nullopt;
  MoneroAddress out{info->kind, info->network, {}, {}, {}};
  const uint8_t* p = raw->data() + 1;
  out.spend_key.assign(p, p + kKeyBytes);
  out.view_key.assign(p + kKeyBytes, p + 2 * kKeyBytes);
  if (integrated) out.payment_id.assign(p + 2 * kKeyBytes, p + 2 * kKeyBytes + kPaymentIdBytes);
  return out;
}

std::string EncodeMoneroAddress(MoneroAddressKind kind, MoneroNetwork network,
                                std::span<const uint8_t> spend_key,
                                std::span<const uint8_t> view_key,
                                std::span<const uint8_t> payment_id) {
  const bool integrated = kind == MoneroAddressKind::kIntegrated;
  if (spend_key.size() != kKeyBytes || view_key.size() != kKeyBytes ||
      payment_id.size() != (integrated ? kPaymentIdBytes : 0)) {
    return {};
  }
  std::vector<uint8_t> raw;
  for (const auto& p : kPrefixes) {
    if (p.kind == kind && p.network == network) raw.push_back(static_cast<uint8_t>(p.prefix));
  }
  raw.insert(raw.end(), spend_key.begin(), spend_key.end());
  raw.insert(raw.end(), view_key.begin(), view_key.end());
  raw.insert(raw.end(), payment_id.begin(), payment_id.end());
  crypto::Hash256 h = crypto::Keccak256(raw);
  raw.insert(raw.end(), h.begin(), h.begin() + kChecksumBytes);
  return EncodeMoneroBase58(raw);
}

}  // namespace extortrace::wallet
