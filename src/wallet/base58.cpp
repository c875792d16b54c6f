// Base58 with Bitcoin's alphabet, as in Bitcoin Core's src/base58.cpp: a
// big-number conversion done digit by digit, O(n^2) for n characters.
#include "wallet/base58.h"

#include <array>
#include <cstring>

#include "crypto/hash.h"

namespace extortrace::wallet {
namespace {

constexpr size_t kMaxDecodeChars = 128;
constexpr size_t kMaxEncodeBytes = 1024;

}  // namespace

std::string EncodeBase58(std::span<const uint8_t> data) {
  if (data.size() > kMaxEncodeBytes) data = data.first(kMaxEncodeBytes);
  size_t zeros = 0;
  while (zeros < data.size() && data[zeros] == 0) ++zeros;
  // log(256) / log(58) ~ 1.366, rounded up.
  std::vector<uint8_t> b58((data.size() - zeros) * 138 / 100 + 1, 0);
  size_t length = 0;
  for (size_t i = zeros; i < data.size(); ++i) {
    int carry = data[i];
    size_t j = 0;
    for (auto it = b58.rbegin(); (carry != 0 || j < length) && it != b58.rend(); ++it, ++j) {
      carry += 256 * (*it);
      *it = static_cast<uint8_t>(carry % 58);
      carry /= 58;
    }
    length = j;
  }
  auto it = b58.begin() + static_cast<std::ptrdiff_t>(b58.size() - length);
  std::string out(zeros, '1');
  out.reserve(zeros + length);
  for (; it != b58.end(); ++it) out.push_back(kBase58Alphabet[*it]);
  return out;
}

std::optional<std::vector<uint8_t>> DecodeBase58(std::string_view s) {
  if (s.size() > kMaxDecodeChars) return std::nullopt;
  size_t zeros = 0;
  while (zeros < s.size() && s[zeros] == '1') ++zeros;
  // log(58) / log(256) ~ 0.733, rounded up.
  std::array<uint8_t, kMaxDecodeChars * 733 / 1000 + 1> b256{};
  const size_t size = (s.size() - zeros) * 733 / 1000 + 1;
  uint8_t* const base = b256.data() + b256.size() - size;
  size_t length = 0;
  for (size_t i = zeros; i < s.size(); ++i) {
    int carry = kBase58Digit[static_cast<uint8_t>(s[i])];
    if (carry < 0) return std::nullopt;
    size_t j = 0;
    for (uint8_t* p = base + size; (carry != 0 || j < length) && p != base; ++j) {
      --p;
      carry += 58 * (*p);
      *p = static_cast<uint8_t>(carry % 256);
      carry /= 256;
    }
    length = j;
  }
  std::vector<uint8_t> out(zeros + length, 0);
  if (length > 0) std::memcpy(out.data() + zeros, base + size - length, length);
  return out;
}

std::string EncodeBase58Check(std::span<const uint8_t> payload) {
  std::vector<uint8_t> buf(payload.begin(), payload.end());
  crypto::Hash256 h = crypto::Sha256d(payload);
  buf.insert(buf.end(), h.begin(), h.begin() + 4);
  return EncodeBase58(buf);
}

std::optional<std::vector<uint8_t>> DecodeBase58Check(std::string_view s) {
  auto raw = DecodeBase58(s);
  if (!raw || raw->size() < 4) return std::nullopt;
  const size_t n = raw->size() - 4;
  crypto::Hash256 h = crypto::Sha256d(std::span<const uint8_t>(raw->data(), n));
  if (std::memcmp(h.data(), raw->data() + n, 4) != 0) return std::nullopt;
  raw->resize(n);
  return raw;
}

}  // namespace extortrace::wallet
