#include "core/result.h"

#include <fmt/format.h>

namespace extortrace {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk:
      return "ok";
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kCorrupt:
      return "corrupt";
    case ErrorCode::kTooLarge:
      return "too_large";
    case ErrorCode::kUnsupported:
      return "unsupported";
    case ErrorCode::kInternal:
      return "internal";
    case ErrorCode::kTimeout:
      return "timeout";
    case ErrorCode::kUnavailable:
      return "unavailable";
  }
  return "unknown";
}

std::string Error::ToString() const {
  if (has_offset()) {
    return fmt::format("{}: {} (at byte {})", ErrorCodeName(code_), context_, offset_);
  }
  return fmt::format("{}: {}", ErrorCodeName(code_), context_);
}

}  // namespace extortrace
