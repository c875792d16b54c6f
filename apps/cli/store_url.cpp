#include "store_url.h"

#include <cstdlib>

namespace extortrace::cli {

std::string StoreUrl(const std::string& flag, StoreNeed need) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("EXTORTRACE_DB");
  if (env != nullptr && *env != '\0') return env;
  return need == StoreNeed::kRequired ? kDefaultStore : "";
}

}  // namespace extortrace::cli
