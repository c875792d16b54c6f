// Bech32 and Bech32m per BIP-173 and BIP-350, following the reference
// implementation's structure (github.com/sipa/bech32, ref/c++).
#include "wallet/bech32.h"

#include <array>

#include "wallet/detail/convert_bits.h"

namespace extortrace::wallet {
namespace detail {

namespace {
constexpr std::array<int8_t, 256> MakeCharValues() {
  std::array<int8_t, 256> t{};
  for (auto& v : t) v = -1;
  for (int i = 0; i < 32; ++i) {
    char c = kBech32Charset[i];
    t[static_cast<uint8_t>(c)] = static_cast<int8_t>(i);
    if (c >= 'a' && c <= 'z') t[static_cast<uint8_t>(c - 'a' + 'A')] = static_cast<int8_t>(i);
  }
  return t;
}
constexpr std::array<int8_t, 256> kCharValues = MakeCharValues();
}  // namespace

int8_t Bech32CharValue(char c) { return kCharValues[static_cast<uint8_t>(c)]; }

}  // namespace detail

namespace {

constexpr uint32_t kBech32Const = 1;
constexpr uint32_t kBech32mConst = 0x2bc830a3;
constexpr size_t kMaxLength = 90;

uint32_t PolymodStep(uint32_t c, uint8_t v) {
  uint8_t c0 = static_cast<uint8_t>(c >> 25);
  c = ((c & 0x1ffffff) << 5) ^ v;
  if (c0 & 1) c ^= 0x3b6a57b2;
  if (c0 & 2) c ^= 0x26508e6d;
  if (c0 & 4) c ^= 0x1ea119fa;
  if (c0 & 8) c ^= 0x3d4233dd;
  if (c0 & 16) c ^= 0x2a1462b3;
  return c;
}

// Polymod over the expanded hrp (high bits, 0, low bits) followed by `data`.
uint32_t Polymod(std::string_view hrp_lower, std::span<const uint8_t> data) {
  uint32_t c = 1;
  for (char ch : hrp_lower) c = PolymodStep(c, static_cast<uint8_t>(ch) >> 5);
  c = PolymodStep(c, 0);
  for (char ch : hrp_lower) c = PolymodStep(c, static_cast<uint8_t>(ch) & 31);
  for (uint8_t v : data) c = PolymodStep(c, v);
  return c;
}

uint32_t EncodingConst(Bech32Encoding e) {
  return e == Bech32Encoding::kBech32 ? kBech32Const : kBech32mConst;
}

char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string EncodeBech32(Bech32Encoding encoding, std::string_view hrp,
                         std::span<const uint8_t> data5) {
  std::vector<uint8_t> values(data5.begin(), data5.end());
  values.resize(values.size() + 6, 0);
  uint32_t mod = Polymod(hrp, values) ^ EncodingConst(encoding);
  std::string out(hrp);
  out.reserve(hrp.size() + 1 + values.size());
  out.push_back('1');
  for (uint8_t v : data5) out.push_back(detail::kBech32Charset[v & 31]);
  for (int i = 0; i < 6; ++i) out.push_back(detail::kBech32Charset[(mod >> (5 * (5 - i))) & 31]);
  return out;
}

std::optional<Bech32Decoded> DecodeBech32(std::string_view s) {
  if (s.size() > kMaxLength) return std::nullopt;
  bool lower = false, upper = false;
  for (char c : s) {
    if (c < 33 || c > 126) return std::nullopt;
    if (c >= 'a' && c <= 'z') lower = true;
    if (c >= 'A' && c <= 'Z') upper = true;
  }
  if (lower && upper) return std::nullopt;
  size_t pos = s.rfind('1');
  if (pos == std::string_view::npos || pos == 0 || pos + 7 > s.size()) return std::nullopt;
  Bech32Decoded out;
  out.hrp.reserve(pos);
  for (size_t i = 0; i < pos; ++i) out.hrp.push_back(ToLower(s[i]));
  std::vector<uint8_t> values;
  values.reserve(s.size() - pos - 1);
  for (size_t i = pos + 1; i < s.size(); ++i) {
    int8_t v = detail::Bech32CharValue(s[i]);
    if (v < 0) return std::nullopt;
    values.push_back(static_cast<uint8_t>(v));
  }
  uint32_t mod = Polymod(out.hrp, values);
  if (mod == kBech32Const) {
    out.encoding = Bech32Encoding::kBech32;
  } else if (mod == kBech32mConst) {
    out.encoding = Bech32Encoding::kBech32m;
  } else {
    return std::nullopt;
  }
  values.resize(values.size() - 6);
  out.data = std::move(values);
  return out;
}

std::optional<SegwitProgram> DecodeSegwitAddress(std::string_view hrp, std::string_view addr) {
  auto dec = DecodeBech32(addr);
  if (!dec || dec->data.empty() || dec->hrp.size() != hrp.size()) return std::nullopt;
  for (size_t i = 0; i < hrp.size(); ++i) {
    if (dec->hrp[i] != ToLower(hrp[i])) return std::nullopt;
  }
  SegwitProgram out;
  out.version = dec->data[0];
  if (out.version > 16) return std::nullopt;
  std::span<const uint8_t> rest(dec->data.data() + 1, dec->data.size() - 1);
  if (!detail::ConvertBits<5, 8>(rest, /*pad=*/false, &out.program)) return std::nullopt;
  const size_t n = out.program.size();
  if (n < 2 || n > 40) return std::nullopt;
  if (out.version == 0 && n != 20 && n != 32) return std::nullopt;
  const auto want = out.version == 0 ? Bech32Encoding::kBech32 : Bech32Encoding::kBech32m;
  if (dec->encoding != want) return std::nullopt;
  return out;
}

std::optional<std::string> EncodeSegwitAddress(std::string_view hrp, int version,
                                               std::span<const uint8_t> program) {
  if (version < 0 || version > 16) return std::nullopt;
  std::vector<uint8_t> data{static_cast<uint8_t>(version)};
  detail::ConvertBits<8, 5>(program, /*pad=*/true, &data);
  auto enc = version == 0 ? Bech32Encoding::kBech32 : Bech32Encoding::kBech32m;
  std::string out = EncodeBech32(enc, hrp, data);
  // Round-trip as the reference does: rejects bad lengths and non-lowercase hrps.
  auto check = DecodeSegwitAddress(hrp, out);
  if (!check || check->version != version) return std::nullopt;
  for (char c : hrp) {
    if (c >= 'A' && c <= 'Z') return std::nullopt;
  }
  return out;
}

}  // namespace extortrace::wallet
