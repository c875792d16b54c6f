// A complete, canonical text form of a ParsedMessage (every field, bodies
// and image checksums, anomalies sorted), for comparing the two MIME readers
// in tests/mail/mime_differential_test.cpp and fuzz/mail_mime_diff_fuzz.cpp.
#pragma once

#include <string>

#include "mail/message.h"

namespace extortrace::mail::detail {

std::string Describe(const ParsedMessage& m);

}  // namespace extortrace::mail::detail
