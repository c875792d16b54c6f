// The `scan --table` view: one human-readable line per scan record.
#pragma once

#include "record/record.h"

namespace extortrace::cli {

// Prints name, verdict, category, language, first wallet, demand and deadline
// of `r` to stdout, in fixed-width columns.
void PrintTableRow(const record::ScanRecord& r);

}  // namespace extortrace::cli
