// Base64 and quoted-printable decoding of MIME part content with exactly the
// results of GMime's decoders (g_mime_encoding_flush on a fresh decoder over
// the whole content), which the GMime reader applies: the fast reader must
// match it byte for byte. Base64: characters outside the alphabet are
// skipped, a '=' ends the content (completing a quad of two or three
// characters with one or two bytes). Quoted-printable: "=XX" with hex digits
// of either case is a byte, "=" before LF or CR LF is a soft break, any other
// "=ab" is kept as it is, and "=" or "=a" at the very end is dropped.
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace extortrace::mail::detail {

std::string DecodeBase64(std::string_view content);
std::string DecodeQuotedPrintable(std::string_view content);

// The same through GMime's decoders: the reference (tests and fuzzing).
std::string DecodeBase64WithGMime(std::string_view content);
std::string DecodeQuotedPrintableWithGMime(std::string_view content);

}  // namespace extortrace::mail::detail
