#include <array>

#include "record/record.h"

namespace extortrace::record {
namespace {

// One table per enum, in enum order: a new value is one line in record.h and
// one here.
constexpr std::array<std::string_view, 2> kVerdicts = {"clean", "extortion"};
constexpr std::array<std::string_view, 6> kCategories = {"",          "sextortion", "corporate",
                                                         "data_leak", "threat",     "other"};
constexpr std::array<std::string_view, 7> kRecoveries = {
    "", "zero-width", "confusables", "normalized", "split-address", "qr-code", "glued"};
static_assert(kCategories.size() == static_cast<size_t>(Category::kOther) + 1);
static_assert(kRecoveries.size() == static_cast<size_t>(Recovery::kGlued) + 1);

template <typename E, size_t N>
std::optional<E> Lookup(const std::array<std::string_view, N>& names, std::string_view s) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

template <size_t N, typename E>
std::string_view Name(const std::array<std::string_view, N>& names, E e) {
  auto i = static_cast<size_t>(e);
  return i < N ? names[i] : std::string_view();
}

}  // namespace

std::string_view ToString(Verdict v) { return Name(kVerdicts, v); }
std::string_view ToString(Category c) { return Name(kCategories, c); }
std::string_view ToString(Recovery r) { return Name(kRecoveries, r); }

std::optional<Verdict> VerdictFromString(std::string_view s) {
  return Lookup<Verdict>(kVerdicts, s);
}
std::optional<Category> CategoryFromString(std::string_view s) {
  return Lookup<Category>(kCategories, s);
}
std::optional<Recovery> RecoveryFromString(std::string_view s) {
  return Lookup<Recovery>(kRecoveries, s);
}

}  // namespace extortrace::record
