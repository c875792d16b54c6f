// Dutch claim lexicon. Folded: diaeresis stripped ("kopiëren" -> "kopieren").
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define JE R"((?:je|jouw|uw|u))"
#define DEV \
  R"((?:apparaat|apparaten|computer\w*|pc|laptop|telefoon\w*|smartphone|account\w*|e-?mail\w*|mailbox\w*|website\w*|site|server\w*|database\w*|netwerk\w*|besturingssysteem|systeem|camera|webcam))"
#define AUD \
  R"((?:contacten|vrienden|familie(?:leden)?|verwanten|collega(?:'|’)?s|werkgever|partner|sociale\s+(?:netwerken|media)|klanten|leveranciers|iedereen|publiek|internet))"

constexpr LexEntry kEntries[] = {
    {F::kCompromise,
     R"(\b(?:ik\s+heb|wij\s+hebben|we\s+hebben|heb\s+ik|hebben\s+we)\s+(?:\w+\s+){0,4}(?:gehackt|geinfecteerd|gecompromitteerd|overgenomen|toegang\s+(?:\w+\s+){0,3}(?:gekregen|verkregen)|geinstalleerd|gestolen)\b)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:toegang|controle)\s+(?:\w+\s+)?tot\s+(?:al\s+)?)" JE R"(\s+(?:\w+\s+)?)" DEV, 0.9f},
    {F::kCompromise,
     JE
     R"(\s+(?:\w+\s+)?)" DEV
     R"(\s+(?:is|zijn|werd|werden)\s+(?:\w+\s+)?(?:gehackt|geinfecteerd|gecompromitteerd|overgenomen))",
     1.0f},
    {F::kCompromise,
     R"(\b(?:trojan\w*|trojaans\s+paard|malware|spyware|virus|kwaadaardige\s+software|spionagesoftware|keylogger)\b)",
     0.6f},
    {F::kCompromise,
     R"(\b(?:ik\s+ben|wij\s+zijn)\s+(?:een\s+)?(?:\w+\s+)?(?:hacker|programmeur)\b|\bkwetsbaarhe\w*)",
     0.7f},
    {F::kRecording, R"(\b(?:opgenomen|gefilmd|vastgelegd)\b)", 0.8f},
    {F::kRecording,
     R"(\b(?:webcam|camera)\b\s+(?:\w+\s+){0,8}(?:opgenomen|gefilmd|aangezet|ingeschakeld|geactiveerd))",
     0.9f},
    {F::kAdult,
     R"(\bporno\w*|\bsites?\s+voor\s+volwassenen|\bvolwassenen\w*|\bmasturbe\w*|\bseksvideo\w*|\bintieme\s+(?:video\w*|beelden))",
     0.9f},
    {F::kExposure,
     R"(\b(?:sturen|versturen|verzenden|delen|publiceren|verspreiden|doorsturen|verkopen|gestuurd|verstuurd|gedeeld|gepubliceerd|verspreid|verkocht)\b)",
     0.4f},
    {F::kExposure,
     R"(\b(?:naar|met|aan|op)\s+(?:al\s+)?(?:je|jouw|uw)\s+(?:\w+\s+)?)" AUD
     R"(\s+(?:\w+\s+){0,4}(?:sturen|versturen|verzenden|delen|publiceren|verspreiden|doorsturen|gestuurd|verstuurd|gedeeld))",
     1.0f},
    {F::kExposure,
     R"(\b(?:zal|zullen|ga|gaan|kan|wordt|worden)\s+(?:\w+\s+){0,6}(?:sturen|versturen|delen|publiceren|verspreiden|verkopen|gestuurd|verstuurd|gedeeld|gepubliceerd|verspreid|gelekt|openbaar\s+gemaakt))",
     0.7f},
    {F::kExposure,
     R"(\b(?:reputatie|leven|carriere)\s+(?:\w+\s+){0,4}(?:vernietig\w*|ruineren|verwoest\w*|schaden|beschadig\w*)|\bhoogste\s+bieder\b)",
     0.9f},
    {F::kPayment,
     R"(\b(?:betalen|betaal|overmaken|maak\s+over|stuur|sturen|storten|betaling)\w*\s+(?:\w+\s+){0,6}(?:bitcoins?|btc|crypto\w*|portemonnee|adres|€|\$|eur|euro|usd|dollar|\d))",
     0.8f},
    {F::kPayment,
     R"(\b(?:kopieren\s+en\s+plakken|equivalent\s+in\s+bitcoin|in\s+bitcoins?|vergoeding|de\s+prijs\s+is|niet\s+onderhandelbaar)\b)",
     0.6f},
    {F::kRelease,
     R"(\b(?:verwijder|wis|vernietig)\w*\s+(?:\w+\s+){0,4}(?:video\w*|gegevens|opnames?|alles|bestanden))",
     0.6f},
    {F::kCrypto, R"(\b(?:bitcoin|btc)[- ]?(?:adres|portemonnee|wallet)|\bcryptovaluta\b)", 0.8f},
    {F::kDeadline,
     R"(\b(?:binnen|in|je\s+hebt|u\s+heeft|nog)\s+(?:\w+\s+){0,2}(?:\d+|een|twee|drie|vier|vijf|zeven)\s*(?:uur|u|dagen|dag)\b)",
     0.9f},
    {F::kDeadline, R"(\b(?:aftellen|timer|deadline|termijn)\b)", 0.6f},
    {F::kAntiResponse,
     R"(\b(?:reageer|antwoord|beantwoord)\s+(?:\w+\s+)?niet\b|\bniet\s+(?:reageren|antwoorden)\b|\bpolitie\b\s+(?:\w+\s+){0,8}(?:niet|niets|zinloos|helpen))",
     0.8f},
    {F::kAntiResponse,
     R"(\b(?:ik\s+(?:zal|krijg|ontvang|weet))\s+(?:\w+\s+){0,6}(?:melding|weten|zien)\b\s+(?:\w+\s+){0,8}(?:geopend|openen|gelezen|lezen))",
     0.8f},
    {F::kProof, R"(\b(?:je|jouw|uw)\s+wachtwoord\s*(?:is|was|:))", 1.0f},
    {F::kSelfSent,
     R"(\b(?:verzonden|gestuurd|verstuurd|geschreven)\s+(?:\w+\s+){0,4}(?:vanaf|van|via|uit)\s+(?:je|jouw|uw)\s+(?:eigen\s+)?(?:\w+\s+)?(?:account|adres|e-?mail\w*|mailbox|server))",
     1.0f},
    {F::kCorporate,
     R"(\b(?:uw\s+website|je\s+website|database\w*|zoekmachines?|klanten|leveranciers|uw\s+bedrijf)\b)",
     0.5f},
    {F::kPersonalData,
     R"(\b(?:persoonlijke\s+gegevens|bankgegevens|creditcard\w*|bsn|bankrekening\w*|identiteitsbewijs)\b)",
     0.5f},
    // --- violence, advisory ---
    {F::kViolence,
     R"(\b(?:bom|explosief|explosieven)\s+(?:\w+\s+){0,6}(?:geplaatst|verstopt|verborgen|neergelegd|ontploft|tot\s+ontploffing)|\b(?:betaald|ingehuurd|opdracht\s+gekregen)\s+(?:\w+\s+){0,3}om\s+(?:je|u)\s+(?:te\s+)?(?:vermoorden|doden|uit\s+te\s+schakelen))",
     1.0f},
    {F::kViolence, R"(\b(?:explosief|explosieven|huurmoordenaar)\b)", 0.5f},
    {F::kAdvisory,
     R"((?:\A|[.!:;\n*•>-]\s*)(?:betaal|betaalt)\s+(?:niet|niets)\b|\b(?:het\s+gaat\s+om|dit\s+is|is)\s+(?:een\s+)?(?:\w+\s+)?(?:oplichting|fraude|phishing|oplichterij)\b)",
     1.0f},
    {F::kAdvisory,
     R"(\b(?:de\s+afzender|de\s+oplichters|de\s+criminelen|het\s+bericht|de\s+e-?mail)\s+(?:\w+\s+)?(?:beweert|dreigt|eist|vraagt)\b)",
     0.9f},
    // --- plainly paraphrased letters ---
    {F::kCompromise,
     R"(\b(?:liet|lieten)\s+(?:\w+\s+){0,2}me\s+binnen\b|\b(?:via|door)\s+(?:je|jouw|uw)\s+(?:router|wifi|netwerk|modem)\b|\bzie\s+ik\s+alles\s+wat\s+(?:je|jij|u)\s+(?:\w+\s+)?doe?t\b)",
     0.8f},
    {F::kRecording, R"(\b(?:via|door|met)\s+(?:de|je|jouw|uw)\s+(?:web)?cam(?:era)?\b)", 0.7f},
    {F::kRecording,
     R"(\b(?:staat|staan|opgeslagen|bewaard|geupload)\s+(?:\w+\s+){0,3}(?:op|in)\s+(?:mijn|onze|een)\s+(?:\w+\s+)?(?:server|cloud|schijf|computer))",
     0.8f},
    {F::kExposure,
     R"(\b(?:krijgt|ontvangt|ziet)\s+iedereen\s+die\s+(?:je|jij|u)\s+kent\b|\biedereen\s+die\s+(?:je|jij|u)\s+kent\s+(?:\w+\s+){0,2}(?:krijgt|ontvangt|ziet)\b|\b(?:al\s+)?(?:je|jouw|uw)\s+(?:contacten|vrienden|familie|collega(?:'|’)?s|klanten)\s+(?:\w+\s+){0,3}(?:krijgen|ontvangen|zien)\b)",
     0.9f},
    {F::kRelease,
     R"(\bwis\s+ik\s+alles\b|\b(?:alles|de\s+(?:video(?:'|’)?s|bestanden|gegevens))\s+(?:wordt|worden)\s+(?:\w+\s+)?(?:gewist|verwijderd|vernietigd))",
     0.7f},
    {F::kDeadline,
     R"(\b(?:je\s+hebt|jij\s+hebt|u\s+heeft)\s+(?:\d+|een|twee|drie|vier|vijf|zeven)\s+(?:dagen|dag|uur)\b)",
     0.9f},
    {F::kPayment, R"(\been\s+betaling\s+van\s+(?:\d|€|\$))", 0.9f},
};

#undef JE
#undef DEV
#undef AUD

}  // namespace

std::span<const LexEntry> LexiconNl() { return kEntries; }

}  // namespace extortrace::detect
