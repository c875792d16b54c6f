// Result and Error: how every library function in extortrace reports failure.
//
// Library code does not throw for bad input (spam is hostile input, and
// malformed is normal). Functions that can fail return Result<T>, an alias of
// tl::expected<T, Error>, so that moving to std::expected (C++23) is a
// one-line change here. Invariant violations (bugs) use ET_ASSERT instead.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <utility>

namespace extortrace {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,  // caller passed something the function cannot accept
  kNotFound,         // a file, key or object does not exist
  kIo,               // the operating system refused a read or write
  kCorrupt,          // input is malformed beyond what leniency can repair
  kTooLarge,         // input exceeds a configured bound
  kUnsupported,      // a valid input this build does not handle
  kInternal,         // a library we build on failed unexpectedly
  kTimeout,          // an operation ran past its time limit and was abandoned
  kUnavailable,      // a resource is busy or down; the same call may succeed later
};

// Returns a stable lowercase name ("invalid_argument", ...), used in JSON errors.
std::string_view ErrorCodeName(ErrorCode code);

// An error value: a code, a human-readable context ("mbox.txt: cannot open"),
// and, when the error is about a position in some input, its byte offset.
class Error {
 public:
  static constexpr size_t kNoOffset = static_cast<size_t>(-1);

  Error(ErrorCode code, std::string context, size_t offset = kNoOffset)
      : code_(code), context_(std::move(context)), offset_(offset) {}

  static Error InvalidArgument(std::string c) {
    return {ErrorCode::kInvalidArgument, std::move(c)};
  }
  static Error NotFound(std::string c) { return {ErrorCode::kNotFound, std::move(c)}; }
  static Error Io(std::string c) { return {ErrorCode::kIo, std::move(c)}; }
  static Error Corrupt(std::string c, size_t offset = kNoOffset) {
    return {ErrorCode::kCorrupt, std::move(c), offset};
  }
  static Error TooLarge(std::string c) { return {ErrorCode::kTooLarge, std::move(c)}; }
  static Error Unsupported(std::string c) { return {ErrorCode::kUnsupported, std::move(c)}; }
  static Error Internal(std::string c) { return {ErrorCode::kInternal, std::move(c)}; }
  static Error Timeout(std::string c) { return {ErrorCode::kTimeout, std::move(c)}; }
  static Error Unavailable(std::string c) { return {ErrorCode::kUnavailable, std::move(c)}; }

  ErrorCode code() const { return code_; }
  const std::string& context() const { return context_; }
  size_t offset() const { return offset_; }
  bool has_offset() const { return offset_ != kNoOffset; }

  // Callers branch on the code, never on the context text (leveldb's
  // Status::IsNotFound() style).
  bool IsInvalidArgument() const { return code_ == ErrorCode::kInvalidArgument; }
  bool IsNotFound() const { return code_ == ErrorCode::kNotFound; }
  bool IsIo() const { return code_ == ErrorCode::kIo; }
  bool IsCorrupt() const { return code_ == ErrorCode::kCorrupt; }
  bool IsTooLarge() const { return code_ == ErrorCode::kTooLarge; }
  bool IsUnsupported() const { return code_ == ErrorCode::kUnsupported; }
  bool IsInternal() const { return code_ == ErrorCode::kInternal; }
  bool IsTimeout() const { return code_ == ErrorCode::kTimeout; }
  bool IsUnavailable() const { return code_ == ErrorCode::kUnavailable; }

  // "corrupt: blk00000.dat: bad magic (at byte 1234)"
  std::string ToString() const;

 private:
  ErrorCode code_;
  std::string context_;
  size_t offset_;
};

template <typename T>
using Result = tl::expected<T, Error>;

// Result<void> for operations that return nothing on success.
using Status = tl::expected<void, Error>;

// Builds the error side of a Result: `return Fail(Error::Io("..."));`
inline tl::unexpected<Error> Fail(Error e) { return tl::unexpected<Error>(std::move(e)); }

}  // namespace extortrace
