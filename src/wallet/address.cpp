// Dispatch of ValidateAddress by shape: length and leading characters first,
// checksums (SHA-256d, bech32 polymod, cashaddr polymod, Keccak-256) last.
#include "wallet/address.h"

#include <cstdint>

#include "core/hex.h"
#include "crypto/hash.h"
#include "wallet/base58.h"
#include "wallet/bech32.h"
#include "wallet/cashaddr.h"
#include "wallet/monero.h"

namespace extortrace::wallet {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

bool IsHex(char c) { return HexDigitValue(c) >= 0; }

bool IsBase58(char c) { return kBase58Digit[static_cast<uint8_t>(c)] >= 0; }

bool AllBase58(std::string_view s) {
  for (char c : s) {
    if (!IsBase58(c)) return false;
  }
  return true;
}

struct SegwitHrp {
  const char* hrp;
  const char* currency;
  bool testnet;
};
constexpr SegwitHrp kSegwitHrps[] = {
    {"bc", "BTC", false}, {"tb", "BTC", true}, {"ltc", "LTC", false}, {"tltc", "LTC", true}};

struct Base58Version {
  uint8_t version;
  const char* currency;
  const char* kind;
  bool testnet;
};
constexpr Base58Version kBase58Versions[] = {
    {0x00, "BTC", "p2pkh", false}, {0x05, "BTC", "p2sh", false},  {0x6f, "BTC", "p2pkh", true},
    {0xc4, "BTC", "p2sh", true},   {0x30, "LTC", "p2pkh", false}, {0x32, "LTC", "p2sh", false},
};

constexpr const char* kCashPrefixes[] = {"bitcoincash", "bchtest"};

std::optional<WalletAddress> ValidateSegwit(std::string_view s) {
  for (const auto& h : kSegwitHrps) {
    std::string_view hrp(h.hrp);
    if (!StartsWithNoCase(s, hrp) || s.size() <= hrp.size() || s[hrp.size()] != '1') continue;
    auto prog = DecodeSegwitAddress(hrp, s);
    if (!prog) return std::nullopt;
    WalletAddress out;
    out.currency = h.currency;
    out.testnet = h.testnet;
    for (char c : s) out.address.push_back(Lower(c));
    const size_t n = prog->program.size();
    if (prog->version == 0) {
      out.kind = n == 20 ? "p2wpkh" : "p2wsh";
    } else if (prog->version == 1 && n == 32) {
      out.kind = "p2tr";
    } else {
      out.kind = "segwit-v" + std::to_string(prog->version);
    }
    return out;
  }
  return std::nullopt;
}

std::optional<WalletAddress> ValidateBase58Check(std::string_view s) {
  auto payload = DecodeBase58Check(s);
  if (!payload || payload->size() != 21) return std::nullopt;
  for (const auto& v : kBase58Versions) {
    if ((*payload)[0] != v.version) continue;
    return WalletAddress{v.currency, std::string(s), v.kind, v.testnet, true};
  }
  return std::nullopt;
}

std::optional<WalletAddress> ValidateCashAddr(std::string_view s) {
  const bool has_prefix = s.find(':') != std::string_view::npos;
  for (const char* prefix : kCashPrefixes) {
    if (has_prefix && !StartsWithNoCase(s, std::string_view(prefix))) continue;
    auto dec = DecodeCashAddr(s, prefix);
    if (!dec || dec->prefix != prefix || dec->type > 1) continue;
    WalletAddress out;
    out.currency = "BCH";
    out.kind = dec->type == 0 ? "cashaddr-p2pkh" : "cashaddr-p2sh";
    out.testnet = dec->prefix != "bitcoincash";
    out.address = dec->prefix + ":";
    std::string_view payload = has_prefix ? s.substr(s.find(':') + 1) : s;
    for (char c : payload) out.address.push_back(Lower(c));
    return out;
  }
  return std::nullopt;
}

std::optional<WalletAddress> ValidateEth(std::string_view s) {
  std::string_view hex = s.substr(2);
  std::string checked = Eip55Checksum(hex);
  if (checked.empty()) return std::nullopt;
  bool lower = false, upper = false;
  for (char c : hex) {
    if (c >= 'a' && c <= 'f') lower = true;
    if (c >= 'A' && c <= 'F') upper = true;
  }
  WalletAddress out{"ETH", "0x" + checked, "eth", false, true};
  if (lower && upper) {
    if (hex != checked) return std::nullopt;
  } else {
    out.checksum_verified = false;
  }
  return out;
}

std::optional<WalletAddress> ValidateMonero(std::string_view s) {
  auto dec = DecodeMoneroAddress(s);
  if (!dec) return std::nullopt;
  WalletAddress out{"XMR", std::string(s), "", dec->network != MoneroNetwork::kMainnet, true};
  switch (dec->kind) {
    case MoneroAddressKind::kStandard:
      out.kind = "xmr-standard";
      break;
    case MoneroAddressKind::kIntegrated:
      out.kind = "xmr-integrated";
      break;
    case MoneroAddressKind::kSubaddress:
      out.kind = "xmr-subaddress";
      break;
  }
  return out;
}

bool IsCashAddrPayloadLength(size_t n) { return n == 42 || n == 61; }

}  // namespace

std::string Eip55Checksum(std::string_view hex40) {
  if (hex40.size() != 40) return {};
  std::string lower(40, '0');
  for (size_t i = 0; i < 40; ++i) {
    if (!IsHex(hex40[i])) return {};
    lower[i] = Lower(hex40[i]);
  }
  crypto::Hash256 h = crypto::Keccak256(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(lower.data()), lower.size()));
  for (size_t i = 0; i < 40; ++i) {
    const uint8_t nibble = (i % 2 == 0) ? (h[i / 2] >> 4) : (h[i / 2] & 0x0f);
    if (lower[i] >= 'a' && nibble >= 8) lower[i] = static_cast<char>(lower[i] - 'a' + 'A');
  }
  return lower;
}

bool PlausibleAddress(std::string_view s) {
  const size_t n = s.size();
  if (n < 14 || n > 120) return false;
  const char c0 = s[0];
  if (n == 42 && c0 == '0' && (s[1] == 'x' || s[1] == 'X')) {
    for (size_t i = 2; i < n; ++i) {
      if (!IsHex(s[i])) return false;
    }
    return true;
  }
  if (n <= 90) {
    for (const auto& h : kSegwitHrps) {
      std::string_view hrp(h.hrp);
      if (StartsWithNoCase(s, hrp) && s[hrp.size()] == '1') return true;
    }
  }
  if (s.find(':') != std::string_view::npos) {
    for (const char* p : kCashPrefixes) {
      std::string_view prefix(p);
      if (StartsWithNoCase(s, prefix) && n > prefix.size() && s[prefix.size()] == ':' &&
          IsCashAddrPayloadLength(n - prefix.size() - 1)) {
        return true;
      }
    }
    return false;
  }
  const char l0 = Lower(c0);
  if (IsCashAddrPayloadLength(n) && (l0 == 'q' || l0 == 'p')) return true;
  if (n >= 25 && n <= 35) {
    const bool lead =
        c0 == '1' || c0 == '3' || c0 == 'm' || c0 == 'n' || c0 == '2' || c0 == 'L' || c0 == 'M';
    return lead && AllBase58(s);
  }
  if (n == 95 || n == 106) return AllBase58(s);
  return false;
}

std::optional<WalletAddress> ValidateAddress(std::string_view s) {
  if (!PlausibleAddress(s)) return std::nullopt;
  const size_t n = s.size();
  if (n == 42 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) return ValidateEth(s);
  if (auto seg = ValidateSegwit(s)) return seg;
  if (s.find(':') != std::string_view::npos) return ValidateCashAddr(s);
  if (IsCashAddrPayloadLength(n)) {
    if (auto cash = ValidateCashAddr(s)) return cash;
  }
  if (n >= 25 && n <= 35) return ValidateBase58Check(s);
  if (n == 95 || n == 106) return ValidateMonero(s);
  return std::nullopt;
}

}  // namespace extortrace::wallet
