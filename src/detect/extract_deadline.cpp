#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

#include "detect/extract.h"

namespace extortrace::detect {
namespace {

struct Unit {
  std::string_view text;
  int hours;
};

// Hour and day units in the lexicon languages (folded spellings), longest
// first where one is a prefix of another.
constexpr Unit kUnits[] = {
    {"hours", 1},
    {"hour", 1},
    {"hrs", 1},
    {"hr", 1},
    {"stunden", 1},
    {"stunde", 1},
    {"std", 1},
    {"heures", 1},
    {"heure", 1},
    {"ore", 1},
    {"horas", 1},
    {"hora", 1},
    {"uur", 1},
    {"godzin", 1},
    {"godziny", 1},
    {"godzina", 1},
    {"godz", 1},
    {"timer", 1},
    {"時間", 1},
    {"小时", 1},
    {"小時", 1},
    {"h", 1},
    {"days", 24},
    {"day", 24},
    {"tagen", 24},
    {"tage", 24},
    {"tag", 24},
    {"jours", 24},
    {"jour", 24},
    {"giorni", 24},
    {"giorno", 24},
    {"dias", 24},
    {"dia", 24},
    {"dagen", 24},
    {"dag", 24},
    {"dni", 24},
    {"dnia", 24},
    {"doby", 24},
    {"dage", 24},
    {"døgn", 24},
    {"dogn", 24},
    {"日間", 24},
    {"日以内", 24},
    {"日内", 24},
    {"天", 24},
    {"日", 24},
    // sv, no, fi, ko, vi, id/ms, el (Greek accents stay in the folded text: stems).
    {"timmar", 1},
    {"timme", 1},
    {"dagar", 24},
    {"dygn", 24},
    {"dager", 24},
    {"tuntia", 1},
    {"tunnin", 1},
    {"tunnissa", 1},
    {"paivaa", 24},
    {"paivan", 24},
    {"vuorokautta", 24},
    {"vuorokauden", 24},
    {"시간", 1},
    {"일 이내", 24},
    {"일 안에", 24},
    {"일 내", 24},
    {"일간", 24},
    {"일 동안", 24},
    {"gio", 1},
    {"tieng", 1},
    {"ngay", 24},
    {"jam", 1},
    {"hari", 24},
    {"ώρ", 1},
    {"ωρ", 1},
    {"ημέρ", 24},
    {"ημερ", 24},
    {"μέρ", 24},
    {"μερ", 24},
    {"个小时", 1},
    {"個小時", 1},
    // ru uk bg cs sk tr ro hu (folded; Cyrillic full forms, since a Cyrillic
    // unit is not checked for a following letter). Bare "gun", "nap", "den",
    // "zi" are left out: after "a"/"one" they are English or Hungarian words.
    {"часов", 1},
    {"часа", 1},
    {"годин", 1},
    {"години", 1},
    {"годину", 1},
    {"суток", 24},
    {"сутки", 24},
    {"дней", 24},
    {"дня", 24},
    {"день", 24},
    {"днів", 24},
    {"дні", 24},
    {"діб", 24},
    {"доби", 24},
    {"дни", 24},
    {"дена", 24},
    {"денонощия", 24},
    {"hodin", 1},
    {"hodiny", 1},
    {"hodinu", 1},
    {"dnu", 24},
    {"dny", 24},
    {"saatiniz", 1},
    {"saat", 1},
    {"gununuz", 24},
    {"gun icinde", 24},
    {"de ore", 1},
    {"ora", 1},
    {"de zile", 24},
    {"zile", 24},
    {"oran", 1},
    {"orad", 1},
    {"orajuk", 1},
    {"oraja", 1},
    {"oras", 1},
    {"napon", 24},
    {"napod", 24},
    // hr/sr/bs, lt, lv, et: languages without a lexicon, read by structure.
    {"sati", 1},
    {"sata", 1},
    {"сати", 1},
    {"дана", 24},
    {"valandas", 1},
    {"valandu", 1},
    {"valandos", 1},
    {"stundas", 1},
    {"stundu", 1},
    {"tundi", 1},
    {"paeva", 24},
    {"dienas", 24},
    {"dienu", 24},
    {"dienos", 24},
    {"napot", 24},
    {"napja", 24},
    {"napjuk", 24},
    {"nap alatt", 24},
};

struct NumberWord {
  std::string_view text;
  int value;
};

// Small numbers written as words (deadlines are often "two days", "zwei Tage").
constexpr NumberWord kNumberWords[] = {
    {"twenty-four", 24},
    {"twenty four", 24},
    {"forty-eight", 48},
    {"forty eight", 48},
    {"seventy-two", 72},
    {"seventy two", 72},
    {"thirty-six", 36},
    {"thirty six", 36},
    {"one", 1},
    {"two", 2},
    {"three", 3},
    {"four", 4},
    {"five", 5},
    {"six", 6},
    {"seven", 7},
    {"ten", 10},
    {"twelve", 12},
    {"a", 1},
    {"an", 1},
    {"einen", 1},
    {"einem", 1},
    {"ein", 1},
    {"zwei", 2},
    {"drei", 3},
    {"vier", 4},
    {"funf", 5},
    {"sieben", 7},
    {"un", 1},
    {"une", 1},
    {"deux", 2},
    {"trois", 3},
    {"quatre", 4},
    {"cinq", 5},
    {"sept", 7},
    {"uno", 1},
    {"una", 1},
    {"un", 1},
    {"due", 2},
    {"tre", 3},
    {"quattro", 4},
    {"cinque", 5},
    {"sette", 7},
    {"dos", 2},
    {"dois", 2},
    {"duas", 2},
    {"tres", 3},
    {"cuatro", 4},
    {"quatro", 4},
    {"cinco", 5},
    {"siete", 7},
    {"sete", 7},
    {"een", 1},
    {"twee", 2},
    {"drie", 3},
    {"vijf", 5},
    {"zeven", 7},
    {"jeden", 1},
    {"jedna", 1},
    {"dwa", 2},
    {"dwie", 2},
    {"dwoch", 2},
    {"trzy", 3},
    {"cztery", 4},
    {"piec", 5},
    {"en", 1},
    {"et", 1},
    {"to", 2},
    {"fire", 4},
    {"fem", 5},
    {"syv", 7},
    {"一", 1},
    {"二", 2},
    {"两", 2},
    {"兩", 2},
    {"三", 3},
    {"五", 5},
    {"七", 7},
    {"ett", 1},
    {"tva", 2},
    {"fyra", 4},
    {"sju", 7},
    {"yksi", 1},
    {"yhden", 1},
    {"kaksi", 2},
    {"kahden", 2},
    {"kolme", 3},
    {"kolmen", 3},
    {"nelja", 4},
    {"neljan", 4},
    {"viisi", 5},
    {"viiden", 5},
    {"satu", 1},
    {"dua", 2},
    {"tiga", 3},
    {"empat", 4},
    {"lima", 5},
    {"tujuh", 7},
    {"mot", 1},
    {"hai", 2},
    {"ba", 3},
    {"bon", 4},
    {"nam", 5},
    {"bay", 7},
    {"сорок восемь", 48},
    {"двадцать четыре", 24},
    {"семьдесят два", 72},
    {"сорок вісім", 48},
    {"четиридесет и осем", 48},
    {"двадцять чотири", 24},
    {"одни", 1},
    {"одних", 1},
    {"одну", 1},
    {"одного", 1},
    {"двух", 2},
    {"два", 2},
    {"две", 2},
    {"дві", 2},
    {"двох", 2},
    {"трех", 3},
    {"трёх", 3},
    {"три", 3},
    {"трьох", 3},
    {"пять", 5},
    {"пет", 5},
    {"dva", 2},
    {"dve", 2},
    {"dvou", 2},
    {"tri", 3},
    {"triech", 3},
    {"iki", 2},
    {"uc", 3},
    {"kırk sekiz", 48},
    {"kirk sekiz", 48},
    {"doua", 2},
    {"trei", 3},
    {"ket", 2},
    {"harom", 3},
    {"negyvennyolc", 48},
    {"huszonnegy", 24},
    {"hetvenketto", 72},
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// First byte of a Cyrillic letter (U+0400..U+047F).
bool CyrillicLead(char c) { return c == '\xD0' || c == '\xD1'; }

// The number words by first byte, each bucket in kNumberWords order (the
// first word that fits wins, as in the list), so that a position tries only
// the words that can start there.
const std::vector<const NumberWord*>& NumberWordsStartingWith(char c) {
  static const auto* index = [] {
    auto* t = new std::array<std::vector<const NumberWord*>, 256>();
    for (const NumberWord& w : kNumberWords)
      (*t)[static_cast<unsigned char>(w.text[0])].push_back(&w);
    return t;
  }();
  return (*index)[static_cast<unsigned char>(c)];
}

bool NumberWordStart(char c) { return !NumberWordsStartingWith(c).empty(); }

bool StartsWithAt(std::string_view s, size_t i, std::string_view w) {
  // The first two bytes decide most calls (number words are tried at every
  // word).
  return i < s.size() && !w.empty() && s[i] == w[0] &&
         (w.size() == 1 || (i + 1 < s.size() && s[i + 1] == w[1])) && s.substr(i, w.size()) == w;
}

// The units by first byte, each bucket in kUnits order (longest first where
// one is a prefix of another, as in the list).
const std::vector<const Unit*>& UnitsStartingWith(char c) {
  static const auto* index = [] {
    auto* t = new std::array<std::vector<const Unit*>, 256>();
    for (const Unit& u : kUnits) (*t)[static_cast<unsigned char>(u.text[0])].push_back(&u);
    return t;
  }();
  return (*index)[static_cast<unsigned char>(c)];
}

// Unit at i (after optional spaces/hyphen); returns hours per unit, sets *end.
int UnitAt(std::string_view s, size_t i, size_t* end) {
  size_t k = i, n = 0;
  while (k < s.size() && n < 2 && (s[k] == ' ' || s[k] == '-')) ++k, ++n;
  if (k >= s.size()) return 0;
  for (const Unit* u : UnitsStartingWith(s[k])) {
    if (!StartsWithAt(s, k, u->text)) continue;
    size_t e = k + u->text.size();
    if (IsLetter(u->text.front()) && e < s.size() && (IsLetter(s[e]) || IsDigit(s[e]))) {
      continue;  // "hourly", "9h8z3" inside an address
    }
    *end = e;
    return u->hours;
  }
  return 0;
}

// Words around a duration that make it narrative or periodic, not a deadline.
bool PastOrPeriodic(std::string_view s, size_t from, size_t to) {
  std::string_view after = s.substr(to, std::min<size_t>(16, s.size() - to));
  size_t b = from >= 16 ? from - 16 : 0;
  std::string_view before = s.substr(b, from - b);
  for (std::string_view w : {" ago", " later", " earlier", " fa ", " fa.", " fa,", " vor ",
                             " plus tard", " depuis", " atras", " temu", "前", " siden"}) {
    if (after.find(w) == 0 ||
        (w == " ago" && after.find(" ago") != std::string_view::npos && after.find(" ago") < 4)) {
      return true;
    }
  }
  // Polish "co 4 godziny" is periodic; Vietnamese "co 48 gio" (có: "you have") is not.
  std::string_view span = s.substr(from, to - from);
  const bool vi_unit = span.ends_with("gio") || span.ends_with("tieng") || span.ends_with("ngay");
  for (std::string_view w :
       {"every ", "each ", "ogni ", "alle ", "jede ", "chaque ", "cada ", "elke ",  "co ", "hver ",
        "vor ",   "last ", "past ", "ago ",  "once ", "twice ",  "per ",  "times ", "毎",  "月"}) {
    if (vi_unit && w == "co ") continue;
    if (before.size() >= w.size() && before.substr(before.size() - w.size()) == w) return true;
  }
  return false;
}

}  // namespace

std::vector<Duration> FindDurations(std::string_view s) {
  std::vector<Duration> out;
  for (size_t i = 0; i < s.size() && out.size() < 100;) {
    int value = 0;
    size_t num_end = i;
    bool word_start = i == 0 || !(IsLetter(s[i - 1]) || IsDigit(s[i - 1]));
    if (IsDigit(s[i]) && (i == 0 || !(IsDigit(s[i - 1]) || IsLetter(s[i - 1])))) {
      size_t j = i;
      while (j < s.size() && IsDigit(s[j]) && j - i < 4) ++j;
      if (j < s.size() && IsDigit(s[j])) {  // 5+ digits: not a duration
        while (j < s.size() && IsDigit(s[j])) ++j;
        i = j;
        continue;
      }
      value = std::atoi(std::string(s.substr(i, j - i)).c_str());
      num_end = j;
    } else if ((word_start && IsLetter(s[i]) && NumberWordStart(s[i])) ||
               static_cast<unsigned char>(s[i]) >= 0xE4 ||  // CJK numerals start with E4
               (CyrillicLead(s[i]) && (i < 2 || !CyrillicLead(s[i - 2])))) {  // at a word start
      for (const NumberWord* w : NumberWordsStartingWith(s[i])) {
        if (StartsWithAt(s, i, w->text) &&
            (i + w->text.size() >= s.size() || !IsLetter(s[i + w->text.size()]) ||
             static_cast<unsigned char>(w->text.front()) >= 0x80)) {
          value = w->value;
          num_end = i + w->text.size();
          break;
        }
      }
    }
    if (value <= 0) {
      ++i;
      continue;
    }
    size_t end = 0;
    int per = UnitAt(s, num_end, &end);
    // A bare "h" only counts glued to digits ("48h"), never after a word; and
    // Danish "timer" is an English and Italian word too ("a timer", "un
    // timer" start no clock of hours): after a number word it is no unit.
    const std::string_view unit = s.substr(num_end, end - num_end);  // with its separators
    if (per > 0 && !IsDigit(s[i]) &&
        ((unit.back() == 'h' && (unit.size() < 2 || !IsLetter(unit[unit.size() - 2]))) ||
         unit.ends_with("timer"))) {
      per = 0;
    }
    if (per > 0) {
      long hours = static_cast<long>(value) * per;
      if (hours > 0 && hours <= 24 * 31) {
        out.push_back({static_cast<int>(hours), static_cast<uint32_t>(i),
                       static_cast<uint32_t>(end), PastOrPeriodic(s, i, end)});
      }
      i = end;
      continue;
    }
    i = num_end > i ? num_end : i + 1;
  }
  return out;
}

}  // namespace extortrace::detect
