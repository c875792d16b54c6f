// Repair of header blocks broken by blank lines (seen in samples whose
// uploader or a broken MTA inserted empty lines between header fields: a
// strict parser ends the header at the first blank line and the real From,
// Subject and MIME headers land in the body).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace extortrace::mail::detail {

// If the paragraphs after the first blank line(s) consist only of header
// fields and supply core headers (From, Subject, Date, Content-Type,
// MIME-Version, Message-ID) that the first block lacks, returns the message
// with those blank lines removed. Otherwise nullopt.
std::optional<std::string> RepairSplitHeader(std::string_view raw);

}  // namespace extortrace::mail::detail
