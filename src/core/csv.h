// One CSV reader (RFC 4180) for the tables extortrace reads: price series,
// evaluation labels. Quoted fields may hold commas, doubled quotes and line
// breaks; lines may end in LF, CRLF or CR; blank lines are skipped. Lenient:
// a quote anywhere in a field opens a quoted section (`a"b,c"d` is one field,
// `ab,cd`), and an unterminated quote runs to the end of the input.
//
// Pure, thread-safe. The whole table is held in memory: callers bound the input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace extortrace {

using CsvRow = std::vector<std::string>;

// Every non-blank row of `text`, fields unquoted.
std::vector<CsvRow> ParseCsvRows(std::string_view text);

}  // namespace extortrace
