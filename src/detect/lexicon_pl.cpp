// Polish claim lexicon. Folded: most diacritics stripped ("urządzenie" ->
// "urzadzenie", "wyślę" -> "wysle") but "ł" is kept by the normalizer, so it
// is written (?:l|ł).
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define TWOJ R"((?:twoj\w*|twoi\w*|pana|pani|panstwa|wasz\w*))"
#define DEV \
  R"((?:urzadzen\w*|komputer\w*|telefon\w*|smartfon\w*|kont\w*|poczt\w*|skrzynk\w*|e-?mail\w*|stron\w*|witryn\w*|serwer\w*|baz\w*\s+danych|siec\w*|system\w*|kamer\w*))"
#define AUD \
  R"((?:kontakt\w*|znajom\w*|przyjaci\w*|rodzin\w*|krewn\w*|wspo(?:l|ł)pracownik\w*|koleg\w*|pracodawc\w*|partner\w*|spo(?:l|ł)eczno\w*|klient\w*|dostawc\w*|wszystki\w*|internet\w*))"

constexpr LexEntry kEntries[] = {
    {F::kCompromise,
     R"(\b(?:zhakowa(?:l|ł)\w*|w(?:l|ł)ama(?:l|ł)\w*|zainfekowa(?:l|ł)\w*|przeje(?:l|ł)\w*|uzyska(?:l|ł)\w*\s+(?:\w+\s+)?dostep|mam\s+(?:pe(?:l|ł)ny\s+)?dostep|zainstalowa(?:l|ł)\w*)\b)",
     1.0f},
    {F::kCompromise,
     R"(\bdostep\w*\s+(?:\w+\s+)?do\s+(?:wszystkich\s+)?)" TWOJ R"(\s+(?:\w+\s+)?)" DEV, 0.9f},
    {F::kCompromise,
     R"(\b(?:trojan\w*|kon\s+trojanski|z(?:l|ł)osliwe\s+oprogramowanie|oprogramowanie\s+szpieguj\w*|wirus\w*|malware|spyware|keylogger)\b)",
     0.6f},
    {F::kCompromise,
     R"(\b(?:jestem|jestesmy)\s+(?:\w+\s+)?(?:hakerem|hakerami|programist\w*)\b|\bluk[eęai]\w*\s+w\s+zabezpieczeniach|\bpodatnosc\w*)",
     0.7f},
    {F::kRecording,
     R"(\b(?:nagra(?:l|ł)\w*|sfilmowa(?:l|ł)\w*|zarejestrowa(?:l|ł)\w*|nagranie\w*|nagrania)\b)",
     0.8f},
    {F::kRecording,
     R"(\b(?:kamer\w*|webcam)\b\s+(?:\w+\s+){0,8}(?:nagr\w*|w(?:l|ł)acz\w*|aktyw\w*))", 0.9f},
    {F::kAdult,
     R"(\bporno\w*|\bpornograf\w*|\bstron\w*\s+dla\s+doros(?:l|ł)ych|\bmasturb\w*|\bintymn\w*\s+(?:nagra\w*|film\w*|wideo|zdj\w*))",
     0.9f},
    {F::kExposure,
     R"(\b(?:wysle|wyslemy|udostepnie|udostepnimy|opublikuje|opublikujemy|rozesle|rozpowszechnie|sprzedam|sprzedamy|zostana\s+(?:wys(?:l|ł)ane|opublikowane|udostepnione|sprzedane)|zostanie\s+(?:wys(?:l|ł)an\w*|opublikowan\w*|udostepnion\w*))\b)",
     0.7f},
    {F::kExposure,
     R"(\b(?:wysl\w*|udostepni\w*|opubliku\w*|rozesl\w*|przekaz\w*)\s+(?:\w+\s+){0,8}(?:do|wszystkim|wsrod|na)\s+(?:wszystkich\s+)?(?:twoi\w*\s+|twoj\w*\s+)?)" AUD,
     1.0f},
    {F::kExposure,
     R"(\b(?:zniszcz\w*|zrujnuj\w*|zaszkodz\w*)\s+(?:\w+\s+){0,3}(?:reputacj\w*|zycie|kariere)|\bnajwyzsz\w*\s+ofert\w*)",
     0.9f},
    {F::kPayment,
     R"(\b(?:zap(?:l|ł)ac\w*|p(?:l|ł)ac\w*|przelej\w*|przelac|przelew\w*|wyslij\w*|wp(?:l|ł)ac\w*|p(?:l|ł)atnosc\w*)\s+(?:\w+\s+){0,6}(?:bitcoin\w*|btc|kryptowalut\w*|portfel\w*|adres\w*|€|\$|z(?:l|ł)|pln|eur|euro|usd|dolar\w*|\d))",
     0.8f},
    {F::kPayment,
     R"(\b(?:skopiuj\s+i\s+wklej|kopiuj\s+i\s+wklej|rownowartosc\w*\s+w\s+bitcoin\w*|w\s+bitcoinach|op(?:l|ł)at\w*|cena\s+(?:jest|nie\s+podlega))\b)",
     0.6f},
    {F::kRelease,
     R"(\b(?:usune|skasuje|zniszcze|usuniemy)\s+(?:\w+\s+){0,4}(?:nagra\w*|film\w*|wideo|dane|wszystko|plik\w*))",
     0.6f},
    {F::kCrypto,
     R"(\b(?:adres\w*|portfel\w*)\s+(?:\w+\s+)?(?:bitcoin\w*|btc|kryptowalut\w*)|\bkryptowalut\w*)",
     0.8f},
    {F::kDeadline,
     R"(\b(?:w\s+ciagu|masz|przez|tylko|za)\s+(?:\w+\s+){0,2}(?:\d+|jeden|jedn\w*|dwa|dwie|dwoch|trzy|trzech|cztery|piec|siedem)\s*(?:godzin\w*|godz\.?|h|dni|dzien|doby)\b)",
     0.9f},
    {F::kDeadline, R"(\b(?:odliczanie|licznik|termin)\b)", 0.5f},
    {F::kAntiResponse,
     R"(\bnie\s+(?:odpowiadaj|odpisuj|probuj)\w*|\bpolicj\w*\s+(?:\w+\s+){0,8}(?:nie|bezsens\w*|pom\w*))",
     0.8f},
    {F::kAntiResponse,
     R"(\b(?:dowiem\s+sie|otrzymam\s+powiadomienie|bede\s+wiedzia(?:l|ł))\b\s+(?:\w+\s+){0,8}(?:otworz\w*|otwar\w*|przeczyta\w*))",
     0.8f},
    {F::kProof, R"(\b(?:twoje|pana|pani)\s+has(?:l|ł)o\s*(?:to|jest|brzmi|:))", 1.0f},
    {F::kSelfSent,
     R"(\b(?:wys(?:l|ł)an\w*|napisan\w*)\s+(?:\w+\s+){0,4}(?:z|ze|przez)\s+(?:twojego|twojej|pana|pani)\s+(?:w(?:l|ł)asnego\s+|w(?:l|ł)asnej\s+)?(?:\w+\s+)?(?:kont\w*|adres\w*|skrzynk\w*|poczt\w*|serwer\w*))",
     1.0f},
    {F::kCorporate,
     R"(\b(?:twoj\w*\s+stron\w*|baz\w*\s+danych|wyszukiwar\w*|klient\w*|dostawc\w*|firm\w*)\b)",
     0.4f},
    {F::kPersonalData,
     R"(\b(?:dane\s+osobowe|dane\s+bankowe|kart\w*\s+kredytow\w*|pesel|konto\s+bankowe|dowod\s+osobisty)\b)",
     0.5f},
    // --- advisory ---
    {F::kAdvisory,
     R"((?:\A|[.!:;\n*•>-]\s*)nie\s+(?:p(?:l|ł)ac|przelewaj|wysy(?:l|ł)aj\s+pieni)\w*|\bto\s+(?:\w+\s+)?oszustw\w*)",
     1.0f},
    {F::kAdvisory,
     R"(\b(?:nadawca|oszu(?:s|ś)ci|przestepcy|sprawca)\s+(?:\w+\s+)?(?:twierdzi|twierdza|grozi|groza|zada|zadaja)\b|\bfa(?:l|ł)szyw\w+\s+(?:e-?maile|wiadomo\w*))",
     0.9f},
    // --- plainly paraphrased letters ---
    {F::kCompromise,
     R"(\bmnie\s+wpu(?:s|ś)ci(?:l|ł)\w*|\b(?:przez|poprzez)\s+(?:tw(?:o|ó)j|pana|pani)\s+(?:router|wifi|modem)\b|\bwidz(?:e|ę)\s+wszystko\s*,?\s+co\s+robisz\b)",
     0.8f},
    {F::kRecording, R"(\b(?:przez|poprzez|za\s+pomoc(?:a|ą))\s+(?:twoj(?:a|ą)\s+)?kamer\w*)", 0.7f},
    {F::kRecording,
     R"(\b(?:zapisan|przechowywan|zachowan|wgran)\w*\s+(?:\w+\s+){0,3}na\s+(?:moim|naszym|jednym)\s+(?:\w+\s+)?(?:serwerze|dysku|komputerze|chmurze))",
     0.8f},
    {F::kExposure,
     R"(\bka(?:z|ż)dy\s*,?\s+kogo\s+znasz\s*,?\s+(?:\w+\s+){0,2}(?:dostanie|otrzyma|zobaczy)\b|\bwszyscy\s+(?:twoi\s+)?(?:znajomi|kontakty|bliscy|koledzy)\s+(?:\w+\s+){0,2}(?:dostan(?:a|ą)|otrzymaj(?:a|ą)|zobacz(?:a|ą))\b)",
     0.9f},
    {F::kRelease,
     R"(\busun(?:e|ę)\s+wszystko\b|\bwszystko\s+(?:zostanie|b(?:e|ę)dzie)\s+(?:usuni(?:e|ę)te|skasowane|zniszczone))",
     0.7f},
    {F::kDeadline,
     R"(\bmasz\s+(?:\d+|jeden|jedn(?:a|ą)|dwa|dwie|trzy|cztery|pi(?:e|ę)(?:c|ć))\s+(?:dni|dzie(?:n|ń)|godzin\w*)\b)",
     0.9f},
    {F::kPayment,
     R"(\bp(?:l|ł)atno(?:s|ś)ci(?:a|ą)\s+(?:\d|€|\$)|\bp(?:l|ł)atno(?:s|ś)(?:c|ć)\s+w\s+wysoko(?:s|ś)ci\s+(?:\d|€|\$))",
     0.9f},
};

#undef TWOJ
#undef DEV
#undef AUD

}  // namespace

std::span<const LexEntry> LexiconPl() { return kEntries; }

}  // namespace extortrace::detect
