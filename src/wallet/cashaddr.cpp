// CashAddr per the Bitcoin Cash specification (cashaddr.md): the checksum is
// a BCH code over GF(2^5) of degree 8, evaluated over the low five bits of
// each prefix character, a zero separator, and the payload.
#include "wallet/cashaddr.h"

#include "wallet/detail/convert_bits.h"

namespace extortrace::wallet {
namespace {

constexpr size_t kMaxLength = 120;
constexpr size_t kChecksumChars = 8;

uint64_t PolyMod(std::string_view prefix_lower, std::span<const uint8_t> payload5) {
  uint64_t c = 1;
  auto step = [&c](uint8_t d) {
    uint8_t c0 = static_cast<uint8_t>(c >> 35);
    c = ((c & 0x07ffffffffULL) << 5) ^ d;
    if (c0 & 0x01) c ^= 0x98f2bc8e61ULL;
    if (c0 & 0x02) c ^= 0x79b76d99e2ULL;
    if (c0 & 0x04) c ^= 0xf33e5fb3c4ULL;
    if (c0 & 0x08) c ^= 0xae2eabe2a8ULL;
    if (c0 & 0x10) c ^= 0x1e4f43e470ULL;
  };
  for (char ch : prefix_lower) step(static_cast<uint8_t>(ch) & 0x1f);
  step(0);
  for (uint8_t d : payload5) step(d);
  return c ^ 1;
}

// Size bits of the version byte -> hash length in bytes.
constexpr size_t kHashSizes[8] = {20, 24, 28, 32, 40, 48, 56, 64};

int SizeCode(size_t hash_len) {
  for (int i = 0; i < 8; ++i) {
    if (kHashSizes[i] == hash_len) return i;
  }
  return -1;
}

char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string EncodeCashAddr(std::string_view prefix, uint8_t type, std::span<const uint8_t> hash) {
  int size_code = SizeCode(hash.size());
  if (size_code < 0 || type > 15 || prefix.empty()) return {};
  std::vector<uint8_t> bytes{static_cast<uint8_t>((type << 3) | size_code)};
  bytes.insert(bytes.end(), hash.begin(), hash.end());
  std::vector<uint8_t> data5;
  detail::ConvertBits<8, 5>(bytes, /*pad=*/true, &data5);
  std::string lower_prefix;
  for (char c : prefix) lower_prefix.push_back(ToLower(c));
  const size_t payload_len = data5.size();
  data5.resize(payload_len + kChecksumChars, 0);
  uint64_t mod = PolyMod(lower_prefix, data5);
  for (size_t i = 0; i < kChecksumChars; ++i) {
    data5[payload_len + i] = static_cast<uint8_t>((mod >> (5 * (7 - i))) & 0x1f);
  }
  std::string out = lower_prefix + ":";
  for (uint8_t v : data5) out.push_back(detail::kBech32Charset[v]);
  return out;
}

std::optional<CashAddrDecoded> DecodeCashAddr(std::string_view s, std::string_view default_prefix) {
  if (s.size() > kMaxLength) return std::nullopt;
  bool lower = false, upper = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') lower = true;
    if (c >= 'A' && c <= 'Z') upper = true;
  }
  if (lower && upper) return std::nullopt;
  CashAddrDecoded out;
  std::string_view payload = s;
  size_t colon = s.find(':');
  if (colon != std::string_view::npos) {
    for (size_t i = 0; i < colon; ++i) out.prefix.push_back(ToLower(s[i]));
    payload = s.substr(colon + 1);
  } else {
    for (char c : default_prefix) out.prefix.push_back(ToLower(c));
  }
  if (out.prefix.empty() || payload.size() <= kChecksumChars) return std::nullopt;
  std::vector<uint8_t> data5;
  data5.reserve(payload.size());
  for (char c : payload) {
    int8_t v = detail::Bech32CharValue(c);
    if (v < 0) return std::nullopt;
    data5.push_back(static_cast<uint8_t>(v));
  }
  if (PolyMod(out.prefix, data5) != 0) return std::nullopt;
  data5.resize(data5.size() - kChecksumChars);
  std::vector<uint8_t> bytes;
  if (!detail::ConvertBits<5, 8>(data5, /*pad=*/false, &bytes) || bytes.empty()) {
    return std::nullopt;
  }
  const uint8_t version = bytes[0];
  if (version & 0x80) return std::nullopt;  // reserved bit
  out.type = static_cast<uint8_t>((version >> 3) & 0x0f);
  if (bytes.size() - 1 != kHashSizes[version & 0x07]) return std::nullopt;
  out.hash.assign(bytes.begin() + 1, bytes.end());
  return out;
}

}  // namespace extortrace::wallet
