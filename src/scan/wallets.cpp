#include "scan/wallets.h"

#include <algorithm>

#include "core/assert.h"
#include "scan/engine.h"
#include "wallet/finder.h"
#include "wallet/qr.h"

namespace extortrace::scan {
namespace {

record::WalletFinding ToFinding(const wallet::FoundWallet& f) {
  record::WalletFinding w;
  w.currency = f.wallet.currency;
  w.address = f.wallet.address;
  w.kind = f.wallet.kind;
  w.testnet = f.wallet.testnet;
  w.checksum_verified = f.wallet.checksum_verified;
  // The finder's names are the record's (wallet cannot depend on record).
  std::optional<record::Recovery> recovery = record::RecoveryFromString(f.recovered_from);
  ET_DCHECK(recovery.has_value());
  w.recovered_from = recovery.value_or(record::Recovery::kNone);
  w.offset = static_cast<uint32_t>(f.offset);
  return w;
}

bool Contains(const std::vector<record::WalletFinding>& list, const std::string& address) {
  return std::any_of(list.begin(), list.end(),
                     [&](const record::WalletFinding& w) { return w.address == address; });
}

// QR decoding costs tens of milliseconds per image, and most mail carries
// images (logos, signatures) that are not payment codes. Decode them only
// when the text speaks of crypto payment or QR codes in some language;
// extortion that hides its wallet in a QR code still has to say what to pay.
bool MentionsCryptoPayment(std::string_view folded) {
  static constexpr std::string_view kWords[] = {
      "bitcoin",  "btc",      "crypto",       "qr",           "wallet",        "monero",
      "ethereum", "litecoin", "usdt",         "ビットコイン", "仮想通貨",      "暗号資産",
      "比特币",   "比特幣",   "加密货币",     "钱包",         "錢包",          "portafoglio",
      "cartera",  "carteira", "portefeuille", "biткоин",      "биткоин",       "kryptow",
      "portfel",  "tegnebog", "portemonnee",  "brieftasche",  "wallet-adresse"};
  for (std::string_view w : kWords) {
    if (folded.find(w) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<record::WalletFinding> FindAllWallets(const Analysis& a, bool decode_qr) {
  std::vector<record::WalletFinding> out;
  const text::NormalizedText& n = a.normalized;
  for (const wallet::FoundWallet& f : wallet::FindWallets(n.text)) {
    if (Contains(out, f.wallet.address)) continue;
    record::WalletFinding w = ToFinding(f);
    if (w.recovered_from == record::Recovery::kNone &&
        a.visible.find(w.address) == std::string::npos) {
      // Only normalization made it whole: say what was undone.
      if (n.invisible_removed > 0) {
        w.recovered_from = record::Recovery::kZeroWidth;
      } else if (n.confusables_folded > 0) {
        w.recovered_from = record::Recovery::kConfusables;
      } else {
        w.recovered_from = record::Recovery::kNormalized;
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
          record::WalletFinding w = ToFinding(f);
          w.recovered_from = record::Recovery::kQrCode;
          w.offset = 0;
          out.push_back(std::move(w));
        }
      }
    }
  }
  return out;
}

}  // namespace extortrace::scan
