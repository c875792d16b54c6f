// Wallet extraction for one analysed message: addresses in the normalized
// visible text (rebuilt across zero-width characters, look-alike letters and
// splits) and in QR codes of image attachments, each saying how it was
// recovered. Deduplicated by address, in order of first appearance.
#pragma once

#include <vector>

#include "record/record.h"

namespace extortrace::scan {

struct Analysis;

std::vector<record::WalletFinding> FindAllWallets(const Analysis& a, bool decode_qr);

}  // namespace extortrace::scan
