// Finds cryptocurrency addresses in free text (a mail body, an OCR or QR
// result). Pure function, thread-safe; the result owns its strings.
//
// How it works (details in docs/wallets.md):
//  - The text is cut into maximal runs of ASCII letters and digits. A run is
//    a candidate as a whole; an address embedded in a longer run
//    ("x1A1z...", "...fNa9") does not match unless what surrounds it is a
//    glued word (below). Zero-width characters (U+200B, U+200C,
//    U+200D, U+2060, U+FEFF) and the soft hyphen (U+00AD) between two
//    alphanumerics are treated as absent.
//  - Each candidate passes a cheap shape check (length, leading characters,
//    alphabet) before ValidateAddress() computes any checksum.
//  - Two or three adjacent candidates that fail alone are joined when the
//    text between them is only a line break, spaces or tabs, a dash, or a
//    mail quoting prefix ("> ", ">> ") at the start of the next line, and
//    reported if the joined string validates.
//  - A run that fails whole is searched for an address with a word of two
//    or more letters glued before and/or after it ("...k3TqThen",
//    "walletbc1q..."): bounded attempts, checksums only (see finder.cpp).
//  - "bitcoincash:" / "bchtest:" prefixes are included in the reported span;
//    URIs such as "bitcoin:ADDR?amount=1" and "ethereum:0x..." need no special
//    handling because ':' and '?' end a run.
// Results are in text order, one per distinct canonical address (the first
// occurrence wins).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "wallet/address.h"

namespace extortrace::wallet {

struct FoundWallet {
  WalletAddress wallet;
  size_t offset = 0;  // byte offset of the first character in the scanned text
  size_t length = 0;  // bytes spanned in the text, separators included
  // "" if found intact, "split-address" if rebuilt from pieces,
  // "zero-width" if zero-width characters had to be skipped, "glued" if
  // trimmed out of a run with a word glued to it.
  std::string recovered_from;
};

// Runs in O(n) over the text plus a checksum per plausible candidate; on
// ASCII mail text it scans at several hundred MB/s (see docs/wallets.md).
std::vector<FoundWallet> FindWallets(std::string_view utf8_text);

}  // namespace extortrace::wallet
