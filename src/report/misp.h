// MISP event (core format JSON, {"Event": {...}}) of the report.
//
// One attribute per wallet in category "Financial fraud": type `btc` for
// Bitcoin, `xmr` for Monero, `text` for currencies MISP has no type for (ETH,
// LTC, BCH cashaddr), with the campaign labels in the comment and a tag
// `extortrace:campaign="c-…"` per campaign; a `campaign-name` attribute per
// campaign (category Attribution) with the same tag; a `coin-address` object
// per wallet with symbol and first/last seen; the event is tagged with the
// model's TLP level. UUIDs are deterministic like
// the STIX ids. Pure function of the model.
#pragma once

#include <string>

#include "report/model.h"

namespace extortrace::report {

struct MispOptions {
  int distribution = 0;     // 0 = your organisation only
  int threat_level_id = 3;  // 3 = low
  int analysis = 2;         // 2 = completed
};

std::string RenderMisp(const ReportModel& model, const MispOptions& options = {});

}  // namespace extortrace::report
