// Norwegian (Bokmål) claim lexicon. lexicon_da.cpp already reads the words the
// two languages share (hacket, sende, betale, slette, timer, døgn, politiet);
// this file holds the Norwegian spellings and constructions it misses
// (tilgang, infisert, innen, dager, passord, nettside, opptak, lastet ned,
// kopier og lim inn, ...) and every family besides. Folded: "å" -> "a"; "ø"
// and "æ" are kept by the normalizer, so they are written (?:ø|o), (?:æ|e).
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define DIN R"((?:din|ditt|dine|deres|deg))"
#define DEV \
  R"((?:enhet\w*|datamaskin\w*|pc|laptop\w*|telefon\w*|mobil\w*|konto\w*|e-?post\w*|innboks\w*|nettside\w*|nettsted\w*|hjemmeside\w*|server\w*|database\w*|nettverk\w*|system\w*|kamera\w*|webkamera\w*|webcam))"
#define AUD \
  R"((?:kontakt\w*|venn\w*|familie\w*|slekt\w*|p(?:å|a)r(?:ø|o)rende|kolleg\w*|arbeidsgiver\w*|sjef\w*|partner\w*|sosiale\s+(?:nettverk|medier)|kund\w*|leverand(?:ø|o)r\w*|alle|offentligheten|internett))"
#define SPREAD \
  R"((?:sende|sendt|dele|delt|publisere|publisert|offentliggj(?:ø|o)re|offentliggjort|spre|spredt|legge\s+ut|lagt\s+ut|laste\s+opp|lastet\s+opp|selge|solgt|lekke|lekket|lekke\s+ut))"

constexpr LexEntry kEntries[] = {
    {F::kCompromise,
     R"(\b(?:jeg\s+har|vi\s+har|har\s+jeg|har\s+vi)\s+(?:\S+\s+){0,4}(?:hacka|infisert|kompromittert|tatt\s+over|tatt\s+kontroll|brutt\s+(?:meg|oss)\s+inn|skaffet\s+(?:\S+\s+){0,2}tilgang|f(?:å|a)tt\s+(?:\S+\s+){0,2}tilgang|installert|lastet\s+ned|kopiert|hentet\s+ut)\b)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:tilgang|kontroll)\s+(?:\S+\s+)?(?:til|over)\s+(?:alle\s+)?)" DIN
     R"(\s+(?:\S+\s+)?)" DEV,
     0.9f},
    {F::kCompromise,
     DIN
     R"(\s+(?:\S+\s+)?)" DEV
     R"(\s+(?:\S+\s+){0,2}(?:er|ble|har\s+blitt)\s+(?:\S+\s+){0,2}(?:hacket|hacka|infisert|kompromittert|kapret))",
     1.0f},
    // The possessive after the definite noun: "datamaskinen din", "serveren deres".
    {F::kCompromise,
     R"(\b(?:tilgang|kontroll)\s+(?:\S+\s+)?(?:til|over)\s+(?:alle\s+)?)" DEV R"(\s+)" DIN R"(\b)",
     0.9f},
    {F::kCompromise,
     R"(\b(?:brutt\s+(?:meg|oss)\s+inn|hacket|hacka|infisert|tatt\s+over)\s+(?:p(?:å|a)\s+|i\s+)?)" DEV
     R"(\s+)" DIN R"(\b)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:trojaner\w*|skadevare\w*|skadelig\s+programvare|spionprogram\w*|spionvare\w*|bakd(?:ø|o)r\w*)\b)",
     0.6f},
    {F::kCompromise,
     R"(\b(?:jeg\s+er|vi\s+er)\s+(?:en\s+)?(?:\S+\s+)?(?:hacker\w*|programmerer)\b|\bs(?:å|a)rbarhet\w*)",
     0.7f},
    {F::kRecording,
     R"(\b(?:tatt\s+opp|tok\s+opp|filmet\s+deg|opptak\w*|skjermbild\w*|skjermdump\w*)\b)", 0.8f},
    {F::kRecording,
     R"(\b(?:webkamera\w*|kamera\w*|webcam)\s+(?:\S+\s+){0,8}(?:ta\s+opp|tok\s+opp|tatt\s+opp|sl(?:å|a)tt\s+p(?:å|a)|sl(?:å|a)dde\s+p(?:å|a)|aktivert))",
     0.9f},
    {F::kRecording,
     R"(\b(?:video\w*|film\w*|opptak\w*)\s+(?:\S+\s+){0,3}(?:av\s+deg|der\s+du|hvor\s+du|n(?:å|a)r\s+du)\b)",
     0.9f},
    {F::kAdult,
     R"(\bpornografi\w*|\bvoksen(?:nettsted|side|innhold|film)\w*|\bnettsider\s+for\s+voksne|\bonani\w*|\btilfredsstill\w*\s+deg\s+selv|\bintim\w*\s+(?:video\w*|bilder|opptak\w*))",
     0.9f},
    // With a speaker or a future before the verb; a bare "del med vennene dine"
    // is a newsletter's line, so it is weak.
    {F::kExposure,
     R"(\b(?:jeg|vi|kommer\s+til\s+(?:å|a)|skal|vil)\s+(?:\S+\s+){0,4})" SPREAD
     R"(\s+(?:\S+\s+){0,8}(?:til|med|blant|p(?:å|a))\s+(?:alle\s+)?(?:\S+\s+)?)" AUD,
     1.0f},
    // Verb before subject (V2 after "ellers", "da"): "ellers lekker vi alt".
    {F::kExposure,
     R"(\b(?:lekker|publiserer|sprer|selger|legger\s+ut|offentliggj(?:ø|o)r)\s+(?:vi|jeg)\b)",
     0.7f},
    {F::kExposure,
     SPREAD R"(\s+(?:\S+\s+){0,8}(?:til|med|blant|p(?:å|a))\s+(?:alle\s+)?(?:\S+\s+)?)" AUD, 0.4f},
    {F::kExposure,
     R"(\b(?:kommer\s+(?:jeg\s+|vi\s+)?til\s+(?:å|a)|skal|vil\s+bli)\s+(?:\S+\s+){0,4}(?:publisere|publisert|offentliggj(?:ø|o)re|offentliggjort|spre|spredt|legge\s+ut|lagt\s+ut|laste\s+opp|lastet\s+opp|selge|solgt|lekke|lekket))",
     0.7f},
    {F::kExposure,
     R"(\b(?:(?:ø|o)delegge|skade|ruinere)\s+(?:\S+\s+){0,3}(?:omd(?:ø|o)mme|rykte|liv|karriere)|\bh(?:ø|o)ystbydende\b)",
     0.9f},
    {F::kExposure,
     R"(\bs(?:ø|o)kemotor\w*\s+(?:\S+\s+){0,6}(?:svartelist\w*|fjern\w*|forsvinn\w*))", 0.9f},
    {F::kPayment,
     R"(\b(?:betal\w*|overf(?:ø|o)r\w*|innbetal\w*)\s+(?:\S+\s+){0,6}(?:bitcoin\w*|btc|krypto\w*|lommebok\w*|wallet|adresse\w*|€|\$|kr|nok|eur|euro|usd|dollar\w*|\d))",
     0.8f},
    {F::kPayment,
     R"(\b(?:kopier\s+og\s+lim\s+inn|tilsvarende\s+\S+\s+i\s+bitcoin|avgift\w*|prisen\s+er|ikke\s+(?:til\s+)?forhandling\w*|ikke\s+omsettelig)\b)",
     0.6f},
    {F::kRelease,
     R"(\b(?:slette|sletter|fjerne|fjerner|(?:ø|o)delegge|destruere)\s+(?:\S+\s+){0,4}(?:video\w*|opptak\w*|data|alt|filer\w*|materiale\w*))",
     0.6f},
    {F::kCrypto, R"(\b(?:bitcoin|btc)[- ]?lommebok\w*|\bkryptovaluta\b)", 0.8f},
    {F::kDeadline,
     R"(\b(?:innen|i\s+l(?:ø|o)pet\s+av|du\s+har|dere\s+har|bare|kun)\s+(?:\S+\s+){0,2}(?:\d+|en|ett|to|tre|fire|fem|sju)\s*(?:timer|time|dager|dag|d(?:ø|o)gn)\b)",
     0.9f},
    {F::kDeadline, R"(\b(?:nedtelling\w*|tidsfrist\w*|klokka\s+tikker|klokken\s+tikker)\b)", 0.6f},
    {F::kAntiResponse,
     R"(\bikke\s+svar\b|\bsvar\s+ikke\b|\bikke\s+(?:svare|besvare)\b|\bpoliti\w*\s+(?:\S+\s+){0,8}(?:ikke|ingenting|nytter|hjelp\w*))",
     0.8f},
    {F::kAntiResponse,
     R"(\b(?:jeg\s+vil\s+(?:vite|se|f(?:å|a)\s+beskjed|f(?:å|a)\s+varsel)|jeg\s+f(?:å|a)r\s+(?:et\s+)?(?:beskjed|varsel))\b\s+(?:\S+\s+){0,8}(?:(?:å|a)pne\w*|(?:å|a)pnet|lest|leser))",
     0.8f},
    {F::kProof,
     R"(\b(?:ditt|deres)\s+passord\s*(?:er|var|:)|\bjeg\s+(?:vet|kjenner)\s+(?:ditt|deres)\s+passord\b)",
     1.0f},
    {F::kSelfSent,
     R"(\b(?:sendt|skrevet)\s+(?:\S+\s+){0,4}(?:fra|via)\s+(?:din|ditt|deres)\s+(?:egen\s+|eget\s+)?(?:\S+\s+)?(?:konto|e-?post\w*|innboks|adresse|server))",
     1.0f},
    {F::kCorporate,
     R"(\b(?:(?:din|deres)\s+nettside|(?:ditt|deres)\s+nettsted|bedrift\w*|s(?:ø|o)kemotor\w*|leverand(?:ø|o)rer|(?:ditt|deres)\s+firma|selskap(?:et|ets))\b)",
     0.5f},
    {F::kPersonalData,
     R"(\b(?:personopplysninger|personnummer|f(?:ø|o)dselsnummer|bankopplysninger|kredittkort\w*|kontonummer)\b)",
     0.5f},
};

#undef DIN
#undef DEV
#undef AUD
#undef SPREAD

}  // namespace

std::span<const LexEntry> LexiconNo() { return kEntries; }

}  // namespace extortrace::detect
