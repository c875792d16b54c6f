// Invariant checks. These are for bugs in extortrace, never for validating
// input: bad input is reported through Result (core/result.h).
#pragma once

namespace extortrace::detail {
[[noreturn]] void AssertFail(const char* expr, const char* file, int line);
}  // namespace extortrace::detail

// Always on, also in release builds.
#define ET_ASSERT(expr) \
  ((expr) ? (void)0 : ::extortrace::detail::AssertFail(#expr, __FILE__, __LINE__))

#ifdef NDEBUG
#define ET_DCHECK(expr) ((void)0)
#else
#define ET_DCHECK(expr) ET_ASSERT(expr)
#endif
