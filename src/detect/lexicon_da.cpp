// Danish claim lexicon (close enough to also catch much Norwegian). Folded:
// "å" -> "a"; "ø" and "æ" are kept by the normalizer, so they are written
// (?:ø|o) and (?:æ|ae|e).
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define DIN R"((?:din|dit|dine|deres|jeres))"
#define DEV \
  R"((?:enhed\w*|computer\w*|pc|telefon\w*|mobil\w*|konto\w*|e-?mail\w*|indbakke\w*|postkasse\w*|hjemmeside\w*|webside\w*|websted\w*|server\w*|database\w*|netv(?:æ|ae|e)rk\w*|system\w*|kamera\w*|webcam))"
#define AUD \
  R"((?:kontakter|venner|familie\w*|sl(?:æ|ae|e)gt\w*|kolleger|kollegaer|arbejdsgiver\w*|partner\w*|sociale\s+(?:netv(?:æ|ae|e)rk|medier)|kunder|leverand(?:ø|o)rer|alle|offentligheden|internettet))"

constexpr LexEntry kEntries[] = {
    {F::kCompromise,
     R"(\b(?:jeg\s+har|vi\s+har|har\s+jeg|har\s+vi)\s+(?:\w+\s+){0,4}(?:hacket|hacked|inficeret|kompromitteret|overtaget|f(?:å|a)et\s+(?:\w+\s+){0,2}adgang|installeret|stj(?:å|a)let|udtrukket)\b)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:adgang|kontrol)\s+(?:\w+\s+)?til\s+(?:alle\s+)?)" DIN R"(\s+(?:\w+\s+)?)" DEV, 0.9f},
    {F::kCompromise,
     R"(\b(?:trojan\w*|trojansk\w*\s+hest|malware|spyware|spionprogram\w*|virus|skadelig\s+software|keylogger)\b)",
     0.6f},
    {F::kCompromise,
     R"(\b(?:jeg\s+er|vi\s+er)\s+(?:en\s+)?(?:\w+\s+)?(?:hacker\w*|programm(?:ø|o)r)\b|\bs(?:å|a)rbarhed\w*)",
     0.7f},
    {F::kRecording, R"(\b(?:optaget|optog|filmet|filmede|optagelse\w*)\b)", 0.8f},
    {F::kRecording,
     R"(\b(?:webcam|kamera)\b\s+(?:\w+\s+){0,8}(?:optag\w*|film\w*|t(?:æ|ae|e)nd\w*|aktiver\w*))",
     0.9f},
    {F::kAdult,
     R"(\bporno\w*|\bvoksen(?:sider|indhold|websteder)\w*|\bsider\s+for\s+voksne|\bonan\w*|\bmasturb\w*|\bintim\w*\s+(?:video\w*|billeder|optagelse\w*))",
     0.9f},
    {F::kExposure,
     R"(\b(?:sende|dele|offentligg(?:ø|o)re|udgive|sprede|s(?:æ|ae|e)lge|sendt|delt|offentliggjort|spredt|solgt|l(?:æ|ae|e)kket)\b\s+(?:\w+\s+){0,8}(?:til|med|blandt|p(?:å|a))\s+(?:alle\s+)?(?:dine\s+|jeres\s+|deres\s+)?)" AUD,
     0.7f},
    {F::kExposure,
     R"(\b(?:vil|kan|bliver|vil\s+blive)\s+(?:\w+\s+){0,4}(?:sende|dele|offentligg(?:ø|o)re|sprede|s(?:æ|ae|e)lge|sendt|delt|offentliggjort|spredt|solgt|l(?:æ|ae|e)kket))",
     0.7f},
    {F::kExposure,
     R"(\b(?:(?:ø|o)del(?:æ|ae|e)gge|skade|ruinere)\s+(?:\w+\s+){0,3}(?:omd(?:ø|o)mme|ry|liv|karriere)|\bh(?:ø|o)jstbydende\b)",
     0.9f},
    {F::kPayment,
     R"(\b(?:betale|betal|overf(?:ø|o)r\w*|send|sende|indbetal\w*|betaling)\s+(?:\w+\s+){0,6}(?:bitcoins?|btc|krypto\w*|tegnebog|wallet|adresse|€|\$|kr|dkk|eur|euro|usd|dollars?|\d))",
     0.8f},
    {F::kPayment,
     R"(\b(?:kopier\s+og\s+inds(?:æ|ae|e)t|svarende\s+til\s+\S+\s+i\s+bitcoin|i\s+bitcoins?|gebyr|prisen\s+er|ikke\s+til\s+forhandling)\b)",
     0.6f},
    {F::kRelease,
     R"(\b(?:slette|sletter|fjerne|fjerner|destruere)\s+(?:\w+\s+){0,4}(?:video\w*|data|optagelse\w*|alt|filer))",
     0.6f},
    {F::kCrypto, R"(\b(?:bitcoin|btc)[- ]?(?:adresse|tegnebog|wallet)|\bkryptovaluta\b)", 0.8f},
    {F::kDeadline,
     R"(\b(?:inden\s+for|indenfor|inden|p(?:å|a)|du\s+har|kun)\s+(?:\w+\s+){0,2}(?:\d+|en|et|to|tre|fire|fem|syv)\s*(?:timer|time|dage|dag|døgn|dogn)\b)",
     0.9f},
    {F::kDeadline, R"(\b(?:nedt(?:æ|ae|e)lling\w*|frist|tidsfrist)\b)", 0.6f},
    {F::kAntiResponse,
     R"(\b(?:svar|besvar)\s+ikke\b|\bikke\s+(?:svare|besvare)\b|\bpoliti\w*\s+(?:\w+\s+){0,8}(?:ikke|intet|nytter|hj(?:æ|ae|e)lp\w*))",
     0.8f},
    {F::kAntiResponse,
     R"(\b(?:jeg\s+vil\s+(?:vide|se|f(?:å|a)\s+besked)|jeg\s+f(?:å|a)r\s+(?:en\s+)?(?:besked|notifikation))\b\s+(?:\w+\s+){0,8}(?:(?:å|a)bne\w*|(?:å|a)bnet|l(?:æ|ae|e)st|l(?:æ|ae|e)ser))",
     0.8f},
    {F::kProof,
     R"(\b(?:din|jeres)\s+adgangskode\s*(?:er|var|:)|\b(?:dit|jeres)\s+kodeord\s*(?:er|var|:))",
     1.0f},
    {F::kSelfSent,
     R"(\b(?:sendt|skrevet)\s+(?:\w+\s+){0,4}(?:fra|via)\s+(?:din|dit|jeres)\s+(?:egen\s+|eget\s+)?(?:\w+\s+)?(?:konto|adresse|e-?mail\w*|indbakke|server))",
     1.0f},
    {F::kCorporate,
     R"(\b(?:(?:din|jeres|deres)\s+hjemmeside|database\w*|s(?:ø|o)gemaskine\w*|kunder|leverand(?:ø|o)rer|(?:dit|jeres)\s+firma|virksomhed\w*)\b)",
     0.5f},
    {F::kPersonalData,
     R"(\b(?:personlige\s+oplysninger|bankoplysninger|kreditkort\w*|cpr-?nummer|bankkonto\w*)\b)",
     0.5f},
};

#undef DIN
#undef DEV
#undef AUD

}  // namespace

std::span<const LexEntry> LexiconDa() { return kEntries; }

}  // namespace extortrace::detect
