#include "scan_table.h"

#include <cstdio>
#include <string>

namespace extortrace::cli {

// One human-readable line per message, for terminals and the demo.
void PrintTableRow(const record::ScanRecord& r) {
  std::string name = r.source;
  size_t slash = name.rfind('/');
  if (slash != std::string::npos) name = name.substr(slash + 1);
  if (!r.member.empty()) name += ":" + r.member;
  if (r.index > 0 || name.find(".mbox") != std::string::npos) name += "#" + std::to_string(r.index);
  if (name.size() > 32) name = "..." + name.substr(name.size() - 29);
  std::string wallet = r.wallets.empty() ? "-" : r.wallets[0].currency + " " + r.wallets[0].address;
  if (wallet.size() > 48) wallet = wallet.substr(0, 45) + "...";
  std::string demand = "-";
  if (r.demand) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g %s", r.demand->amount, r.demand->currency.c_str());
    demand = buf;
  }
  std::string deadline = r.deadline_hours ? std::to_string(*r.deadline_hours) + "h" : "-";
  std::printf("%-32s %-9s %-10s %-3s %-48s %-12s %s\n", name.c_str(),
              std::string(record::ToString(r.verdict)).c_str(),
              r.category == record::Category::kNone
                  ? "-"
                  : std::string(record::ToString(r.category)).c_str(),
              r.language.c_str(), wallet.c_str(), demand.c_str(), deadline.c_str());
}

}  // namespace extortrace::cli
