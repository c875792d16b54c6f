#include "core/log.h"
#include "link/link.h"

namespace extortrace::link {

Result<TraceInputs> OpenTraceInputs(const std::string& chain_spec, const std::string& prices_csv,
                                    const std::string& labels_dir,
                                    const trace::ViewOptions& view_options) {
  TraceInputs in;
  if (!prices_csv.empty()) {
    auto p = trace::PriceTable::LoadCsv(prices_csv);
    if (!p) return Fail(p.error());
    in.prices = std::move(*p);
  }
  if (!labels_dir.empty()) {
    auto l = trace::LabelSet::LoadDir(labels_dir, &in.label_stats);
    if (!l) return Fail(l.error());
    for (const Error& e : in.label_stats.problems) Log(LogLevel::kWarn, "{}", e.ToString());
    in.labels = std::move(*l);
  }
  auto v = trace::OpenChainView(chain_spec, view_options);
  if (!v) return Fail(v.error());
  in.view = std::move(*v);
  return in;
}

}  // namespace extortrace::link
