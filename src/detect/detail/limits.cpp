#include "detect/detail/limits.h"

namespace extortrace::detect::detail {

bool LimitTipsVerdict(const LimitFacts& f) {
  return f.payment && f.threat_core && f.distinct >= 2 && f.benign == 0 && !f.advisory;
}

}  // namespace extortrace::detect::detail
