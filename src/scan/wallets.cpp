#include "scan/wallets.h"

#include <algorithm>

#include "scan/engine.h"
#include "wallet/finder.h"
#include "wallet/qr.h"

namespace extortrace::scan {
namespace {

WalletFinding ToFinding(const wallet::FoundWallet& f) {
  WalletFinding w;
  w.currency = f.wallet.currency;
  w.address = f.wallet.address;
  w.kind = f.wallet.kind;
  w.testnet = f.wallet.testnet;
  w.checksum_verified = f.wallet.checksum_verified;
  w.recovered_from = f.recovered_from;
  w.offset = static_cast<uint32_t>(f.offset);
  return w;
}

bool Contains(const std::vector<WalletFinding>& list, const std::string& address) {
  return std::any_of(list.begin(), list.end(),
                     [&](const WalletFinding& w) { return w.address == address; });
}

// QR decoding costs tens of milliseconds per image, and most mail carries
// images (logos, signatures) that are not payment codes. Decode them only
// when the text speaks of crypto payment or QR codes in some language;
// extortion that hides its wallet in a QR code still has to say what to pay.
bool MentionsCryptoPayment(std::string_view folded) {
  static constexpr std::string_view kWords[] = {
      "bitcoin", "btc", "crypto", "qr", "wallet", "monero", "ethereum", "litecoin", "usdt",
      "ビットコイン", "仮想通貨", "暗号資産", "比特币", "比特幣", "加密货币", "钱包", "錢包",
      "portafoglio", "cartera", "carteira", "portefeuille", "biткоин", "биткоин", "kryptow",
      "portfel", "tegnebog", "portemonnee", "brieftasche", "wallet-adresse"};
  for (std::string_view w : kWords) {
    if (folded.find(w) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<WalletFinding> FindAllWallets(const Analysis& a, bool decode_qr) {
  std::vector<WalletFinding> out;
  const text::NormalizedText& n = a.normalized;
  for (const wallet::FoundWallet& f : wallet::FindWallets(n.text)) {
    if (Contains(out, f.wallet.address)) continue;
    WalletFinding w = ToFinding(f);
    if (w.recovered_from.empty() && a.visible.find(w.address) == std::string::npos) {
      // Only normalization made it whole: say what was undone.
      if (n.invisible_removed > 0) {
        w.recovered_from = "zero-width";
      } else if (n.confusables_folded > 0) {
        w.recovered_from = "confusables";
      } else {
        w.recovered_from = "normalized";
      }
    }
    out.push_back(std::move(w));
  }
  if (decode_qr && !a.message.images.empty() && MentionsCryptoPayment(n.folded)) {
    for (const mail::ImageAttachment& img : a.message.images) {
      std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(img.data.data()),
                                     img.data.size());
      for (const std::string& payload : wallet::DecodeQrCodes(bytes)) {
        for (const wallet::FoundWallet& f : wallet::FindWallets(payload)) {
          if (Contains(out, f.wallet.address)) continue;
          WalletFinding w = ToFinding(f);
          w.recovered_from = "qr-code";
          w.offset = 0;
          out.push_back(std::move(w));
        }
      }
    }
  }
  return out;
}

}  // namespace extortrace::scan
