#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>

#include "trace/chain_view.h"
#include "trace/core_rpc.h"
#include "trace/esplora.h"
#include "trace/index_view.h"

namespace extortrace::trace {

std::string DefaultCacheDir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/extortrace";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::string(home) + "/.cache/extortrace";
  return ".extortrace-cache";
}

Result<std::unique_ptr<ChainView>> OpenChainView(const std::string& spec,
                                                 const ViewOptions& options) {
  ViewOptions o = options;
  if (o.cache_dir.empty()) o.cache_dir = DefaultCacheDir();
  size_t colon = spec.find(':');
  std::string kind = colon == std::string::npos ? "" : spec.substr(0, colon);
  std::string rest = colon == std::string::npos ? spec : spec.substr(colon + 1);
  if (kind == "blocks") {
    auto v = OpenBlocksView(rest, o.cache_dir);
    if (!v) return Fail(v.error());
    return std::unique_ptr<ChainView>(std::move(*v));
  }
  if (kind == "esplora") {
    HttpOptions h;
    h.min_interval_ms = o.min_interval_ms;
    h.retries = o.retries;
    h.timeout_s = o.timeout_s;
    if (o.use_http_cache) h.cache_dir = o.cache_dir + "/http";
    return std::unique_ptr<ChainView>(std::make_unique<EsploraView>(rest, h));
  }
  if (kind == "core") {
    auto v = OpenCoreView(rest, o);
    if (!v) return Fail(v.error());
    return std::unique_ptr<ChainView>(std::move(*v));
  }
  return Fail(Error::InvalidArgument(
      fmt::format("--chain '{}': expected blocks:DIR, esplora:URL or core:URL", spec)));
}

}  // namespace extortrace::trace
