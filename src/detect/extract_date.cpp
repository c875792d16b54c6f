// Deadlines written as a day ("by Friday", "bis zum 15. Oktober",
// "10月15日までに"), resolved against the message's Date.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <span>

#include "core/time.h"
#include "detect/extract.h"

namespace extortrace::detect {
namespace {

constexpr int64_t kDay = 86400;

// Words that put a deadline before a day, folded, each with its trailing
// space. Longest first where one is a prefix of another.
constexpr std::string_view kCues[] = {
    "no later than ",
    "not later than ",
    "before ",
    "until ",
    "till ",
    "by ",
    "bis spatestens ",
    "bis zum ",
    "bis zur ",
    "spatestens ",
    "bis ",
    "au plus tard le ",
    "jusqu'au ",
    "jusqu'a ",
    "d'ici ",
    "avant le ",
    "avant ",
    "entro il ",
    "entro ",
    "prima di ",
    "fino a ",
    "a mas tardar el ",
    "antes del ",
    "hasta el ",
    "antes de ",
    "ate ",
    "uiterlijk ",
    "voor ",
    "do ",
};

// Articles between the cue and the day ("by the 15th", "avant le").
constexpr std::string_view kArticles[] = {"the ", "le ",  "il ",  "el ",   "o ",    "a ",     "de ",
                                          "den ", "dem ", "zum ", "next ", "this ", "coming "};

struct Word {
  std::string_view text;
  int value;
};

// Monday = 0.
constexpr Word kWeekdays[] = {
    {"monday", 0},     {"tuesday", 1},  {"wednesday", 2},    {"thursday", 3},  {"friday", 4},
    {"saturday", 5},   {"sunday", 6},   {"montag", 0},       {"dienstag", 1},  {"mittwoch", 2},
    {"donnerstag", 3}, {"freitag", 4},  {"samstag", 5},      {"sonntag", 6},   {"lundi", 0},
    {"mardi", 1},      {"mercredi", 2}, {"jeudi", 3},        {"vendredi", 4},  {"samedi", 5},
    {"dimanche", 6},   {"lunedi", 0},   {"martedi", 1},      {"mercoledi", 2}, {"giovedi", 3},
    {"venerdi", 4},    {"sabato", 5},   {"domenica", 6},     {"lunes", 0},     {"martes", 1},
    {"miercoles", 2},  {"jueves", 3},   {"viernes", 4},      {"sabado", 5},    {"domingo", 6},
    {"segunda", 0},    {"terca", 1},    {"quarta", 2},       {"quinta", 3},    {"sexta", 4},
    {"maandag", 0},    {"dinsdag", 1},  {"woensdag", 2},     {"donderdag", 3}, {"vrijdag", 4},
    {"zaterdag", 5},   {"zondag", 6},   {"poniedzialek", 0}, {"wtorek", 1},    {"sroda", 2},
    {"czwartek", 3},   {"piatek", 4},   {"sobota", 5},       {"niedziela", 6},
};

// January = 1. Full names only: "mar", "mai", "mei" are words too.
constexpr Word kMonths[] = {
    {"january", 1},    {"february", 2},   {"march", 3},     {"april", 4},      {"may", 5},
    {"june", 6},       {"july", 7},       {"august", 8},    {"september", 9},  {"october", 10},
    {"november", 11},  {"december", 12},  {"januar", 1},    {"februar", 2},    {"marz", 3},
    {"mai", 5},        {"juni", 6},       {"juli", 7},      {"oktober", 10},   {"dezember", 12},
    {"janvier", 1},    {"fevrier", 2},    {"mars", 3},      {"avril", 4},      {"juin", 6},
    {"juillet", 7},    {"aout", 8},       {"septembre", 9}, {"octobre", 10},   {"novembre", 11},
    {"decembre", 12},  {"gennaio", 1},    {"febbraio", 2},  {"marzo", 3},      {"aprile", 4},
    {"maggio", 5},     {"giugno", 6},     {"luglio", 7},    {"agosto", 8},     {"settembre", 9},
    {"ottobre", 10},   {"dicembre", 12},  {"enero", 1},     {"febrero", 2},    {"abril", 4},
    {"mayo", 5},       {"junio", 6},      {"julio", 7},     {"septiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12}, {"janeiro", 1},   {"fevereiro", 2},  {"marco", 3},
    {"maio", 5},       {"junho", 6},      {"julho", 7},     {"setembro", 9},   {"outubro", 10},
    {"dezembro", 12},  {"januari", 1},    {"februari", 2},  {"maart", 3},      {"mei", 5},
    {"augustus", 8},
};

constexpr Word kRelativeDays[] = {
    {"today", 0},   {"tonight", 0},  {"heute", 0},  {"aujourd'hui", 0}, {"ce soir", 0},
    {"oggi", 0},    {"stasera", 0},  {"hoy", 0},    {"hoje", 0},        {"vandaag", 0},
    {"dzisiaj", 0}, {"tomorrow", 1}, {"morgen", 1}, {"demain", 1},      {"domani", 1},
    {"manana", 1},  {"amanha", 1},   {"jutro", 1},
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }

// The word of `table` at s[i], ending at a word boundary; sets *end.
const Word* WordAt(std::string_view s, size_t i, std::span<const Word> table, size_t* end) {
  const Word* best = nullptr;
  for (const Word& w : table) {
    if (s.substr(i, w.text.size()) != w.text) continue;
    size_t e = i + w.text.size();
    if (e < s.size() && IsLetter(s[e]) && s[e] != '-') continue;
    if (!best || w.text.size() > best->text.size()) best = &w, *end = e;
  }
  return best;
}

// A day of the month, 1..31, with an optional ordinal tail ("15th", "15.",
// "1er", "1º"); sets *end.
int DayAt(std::string_view s, size_t i, size_t* end) {
  size_t j = i;
  while (j < s.size() && IsDigit(s[j]) && j - i < 3) ++j;
  if (j == i || j - i > 2 || (i > 0 && IsDigit(s[i - 1]))) return 0;
  if (j < s.size() && IsDigit(s[j])) return 0;
  int d = std::atoi(std::string(s.substr(i, j - i)).c_str());
  if (d < 1 || d > 31) return 0;
  for (std::string_view tail : {"st", "nd", "rd", "th", "er", ".", "\xc2\xba"}) {
    if (s.substr(j, tail.size()) == tail) {
      j += tail.size();
      break;
    }
  }
  *end = j;
  return d;
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == ',')) ++i;
  return i;
}

struct Clock {
  int64_t local_day;  // days since the epoch, in the sender's zone
  int offset_minutes;
  int64_t AtEndOf(int64_t day) const { return day * kDay + kDay - 1 - offset_minutes * 60; }
};

// The day a "<day> <month>" means: this year, or next year once passed.
int64_t NextDate(const Clock& c, int month, int day) {
  const int64_t y = CivilFromDays(c.local_day).year;
  const auto m = static_cast<unsigned>(month), d = static_cast<unsigned>(day);
  int64_t t = DaysFromCivil(y, m, d);
  if (t < c.local_day) t = DaysFromCivil(y + 1, m, d);
  return t;
}

// What follows a cue at `i`: a weekday, a relative day or a date.
std::optional<int64_t> DayAfterCue(std::string_view s, size_t i, const Clock& c, size_t* end) {
  for (int k = 0; k < 2; ++k) {  // at most two articles: "by the next"
    bool skipped = false;
    for (std::string_view a : kArticles) {
      if (s.substr(i, a.size()) == a) {
        i += a.size();
        skipped = true;
        break;
      }
    }
    if (!skipped) break;
  }
  if (const Word* w = WordAt(s, i, kWeekdays, end)) {
    const int today = WeekdayOfDay(c.local_day);
    int ahead = (w->value - today + 7) % 7;
    return c.local_day + (ahead == 0 ? 7 : ahead);
  }
  if (const Word* w = WordAt(s, i, kRelativeDays, end)) return c.local_day + w->value;
  size_t e = 0;
  if (int day = DayAt(s, i, &e)) {  // "15 october", "15. oktober", "15 de octubre"
    size_t j = SkipSpaces(s, e);
    if (s.substr(j, 3) == "de ") j += 3;
    if (const Word* m = WordAt(s, j, kMonths, end)) return NextDate(c, m->value, day);
    return std::nullopt;
  }
  if (const Word* m = WordAt(s, i, kMonths, &e)) {  // "october 15"
    size_t j = SkipSpaces(s, e);
    if (int day = DayAt(s, j, end)) return NextDate(c, m->value, day);
  }
  return std::nullopt;
}

// "10月15日までに", "10月15日之前": month, day, then a "by" particle.
void FindCjkDates(std::string_view s, const Clock& c, std::vector<DateDeadline>* out) {
  constexpr std::string_view kMonth = "月", kDayMark = "日";
  for (size_t p = s.find(kMonth); p != std::string_view::npos && out->size() < 16;
       p = s.find(kMonth, p + kMonth.size())) {
    size_t b = p;
    while (b > 0 && IsDigit(s[b - 1]) && p - b < 2) --b;
    if (b == p || (b > 0 && IsDigit(s[b - 1]))) continue;
    int month = std::atoi(std::string(s.substr(b, p - b)).c_str());
    size_t q = p + kMonth.size(), e = q;
    while (e < s.size() && IsDigit(s[e]) && e - q < 2) ++e;
    if (e == q || s.substr(e, kDayMark.size()) != kDayMark) continue;
    int day = std::atoi(std::string(s.substr(q, e - q)).c_str());
    e += kDayMark.size();
    size_t after = e;
    for (std::string_view particle : {"までに", "まで", "之前", "以前", "前"}) {
      if (s.substr(e, particle.size()) == particle) {
        after = e + particle.size();
        break;
      }
    }
    if (after == e || month < 1 || month > 12 || day < 1 || day > 31) continue;
    out->push_back({c.AtEndOf(NextDate(c, month, day)), c.offset_minutes, static_cast<uint32_t>(b),
                    static_cast<uint32_t>(after)});
  }
}

}  // namespace

std::vector<DateDeadline> FindDeadlineDates(std::string_view s, int64_t sent_unix,
                                            int offset_minutes) {
  std::vector<DateDeadline> out;
  if (offset_minutes < -16 * 60 || offset_minutes > 16 * 60) offset_minutes = 0;
  const int64_t local = sent_unix + int64_t{offset_minutes} * 60;
  const Clock c{DayOfUnix(local), offset_minutes};
  for (size_t i = 0; i < s.size() && out.size() < 16; ++i) {
    if (i > 0 && IsLetter(s[i - 1])) continue;  // cues start words
    for (std::string_view cue : kCues) {
      if (s.substr(i, cue.size()) != cue) continue;
      size_t end = 0;
      if (std::optional<int64_t> day = DayAfterCue(s, i + cue.size(), c, &end)) {
        out.push_back({c.AtEndOf(*day), offset_minutes, static_cast<uint32_t>(i),
                       static_cast<uint32_t>(end)});
        i = end - 1;
      }
      break;
    }
  }
  FindCjkDates(s, c, &out);
  return out;
}

std::string FormatDeadline(const DateDeadline& d) {
  const int64_t local = d.at_unix + int64_t{d.offset_minutes} * 60;
  const int64_t days = DayOfUnix(local);
  const int64_t secs = local - days * kDay;
  const CivilDate date = CivilFromDays(days);
  const int off = d.offset_minutes < 0 ? -d.offset_minutes : d.offset_minutes;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d%c%02d:%02d",
                static_cast<long long>(date.year), date.month, date.day,
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60), d.offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

}  // namespace extortrace::detect
