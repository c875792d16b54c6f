// Escaping for the report writers. Every string that comes from a message
// (subjects, sources, addresses, languages, countries) is attacker-controlled
// and goes through one of these before it reaches an output format.
//
// All functions are pure and thread-safe; ill-formed UTF-8 becomes U+FFFD.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/html_escape.h"

namespace extortrace::report {

// HTML text goes through HtmlEscape from core/html_escape.h, the one escaper
// the dashboard uses too.

// One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF,
// with inner quotes doubled. A field that starts with = + - @ TAB or CR is
// prefixed with an apostrophe so that spreadsheets do not run it as a formula
// (OWASP "CSV injection"); numbers written by the report itself are passed as
// `numeric` and left alone.
std::string CsvField(std::string_view s, bool numeric = false);

// Terminal columns a UTF-8 string takes: 2 for East Asian wide and fullwidth
// characters, 0 for combining marks and zero-width characters, 1 otherwise.
size_t DisplayWidth(std::string_view s);

// Cuts `s` to at most `width` terminal columns, ending with "…" when cut.
// Control characters are replaced by spaces first (a subject must not move
// the cursor or change colours in the terminal).
std::string FitWidth(std::string_view s, size_t width);

}  // namespace extortrace::report
