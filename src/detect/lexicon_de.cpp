// German claim lexicon. Folded: umlauts stripped ("für" -> "fur",
// "veröffentlichen" -> "veroffentlichen"), "ß" -> "ss".
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define IHR \
  R"((?:ihr|ihre|ihren|ihrem|ihrer|ihres|dein|deine|deinen|deinem|deiner|deines|euer|eure))"
#define DEV \
  R"((?:gerat\w*|computer\w*|rechner\w*|pc|laptop\w*|telefon\w*|handy\w*|smartphone\w*|konto\w*|account\w*|e-?mail\w*|postfach\w*|postfacher|mailbox\w*|website\w*|webseite\w*|seite|server\w*|datenbank\w*|netzwerk\w*|betriebssystem\w*|system\w*|kamera\w*|webcam))"
#define AUD \
  R"((?:kontakt\w*|freund\w*|familie\w*|verwandt\w*|angehorig\w*|kolleg\w*|arbeitskolleg\w*|mitarbeiter\w*|arbeitgeber\w*|partner\w*|soziale\w*\s+netzwerk\w*|social\s+media|kunden|lieferanten|geschaftspartner\w*|alle\w*|offentlichkeit|internet))"

constexpr LexEntry kEntries[] = {
    {F::kCompromise,
     R"(\b(?:ich\s+habe|wir\s+haben|habe\s+ich|haben\s+wir|ich\s+hatte)\s+(?:\w+\s+){0,4}(?:gehackt|infiziert|kompromittiert|ubernommen|geknackt|eingebrochen|zugriff\s+(?:\w+\s+){0,3}erhalten|zugang\s+(?:\w+\s+){0,3}(?:erhalten|verschafft)|installiert|extrahiert)\b)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:zugriff|zugang|kontrolle)\s+(?:\w+\s+)?(?:auf|zu|uber)\s+(?:alle\s+)?)" IHR
     R"(\s+(?:\w+\s+)?)" DEV,
     0.9f},
    {F::kCompromise,
     IHR
     R"(\s+(?:\w+\s+)?)" DEV
     R"(\s+(?:\w+\s+){0,3}(?:wurde|wurden|ist|sind)\s+(?:\w+\s+){0,2}(?:gehackt|infiziert|kompromittiert|ubernommen))",
     1.0f},
    {F::kCompromise,
     R"(\b(?:trojaner\w*|schadsoftware|schadprogramm\w*|spionagesoftware|spyware|malware|virus|viren|keylogger|hintertur)\b)",
     0.6f},
    {F::kCompromise,
     R"(\b(?:ich\s+bin|wir\s+sind)\s+(?:ein\s+)?(?:\w+\s+)?(?:hacker|programmierer)\b)", 0.7f},
    {F::kCompromise,
     R"(\bschwachstelle\w*\b|\bdatenbank\w*\s+(?:\w+\s+){0,3}(?:extrahiert|heruntergeladen|kopiert|gestohlen|abgerufen))",
     0.7f},
    {F::kRecording, R"(\b(?:aufgenommen|aufgezeichnet|gefilmt|mitgeschnitten)\b)", 0.8f},
    {F::kRecording,
     R"(\b(?:webcam|kamera)\b\s+(?:\w+\s+){0,8}(?:aufge\w*|aktiviert|eingeschaltet|gefilmt))",
     0.9f},
    {F::kRecording,
     R"(\b(?:video\w*|aufnahme\w*|aufzeichnung\w*|bildschirmfoto\w*|screenshots?)\s+(?:\w+\s+){0,3}(?:von\s+ihnen|von\s+dir|auf\s+dem\s+sie|wie\s+sie|wie\s+du)\b)",
     0.9f},
    {F::kAdult,
     R"(\bporno\w*|\bpornoseite\w*|\berwachsenen\w*|\bsexseite\w*|\bmasturbier\w*|\bselbstbefriedig\w*|\bsich\s+selbst\s+befriedig\w*|\bintim\w*\s+(?:video\w*|aufnahme\w*|inhalte))",
     0.9f},
    {F::kExposure,
     R"(\b(?:senden|schicken|versenden|weiterleiten|teilen|veroffentlichen|verbreiten|hochladen|verkaufen|gesendet|geschickt|versendet|weitergeleitet|geteilt|veroffentlicht|verbreitet|verkauft)\b)",
     0.4f},
    {F::kExposure,
     R"(\b(?:an|mit|auf|unter|in)\s+(?:alle\s+)?)" IHR R"(\s+(?:\w+\s+)?)" AUD
     R"(\s+(?:\w+\s+){0,4}(?:senden|schicken|versenden|weiterleiten|teilen|veroffentlichen|verbreiten|gesendet|geschickt|versendet|geteilt|weitergeleitet))",
     1.0f},
    {F::kExposure,
     R"(\b(?:werde|werden|wird|ich\s+kann|wir\s+konnen)\s+(?:\w+\s+){0,6}(?:senden|schicken|versenden|weiterleiten|teilen|veroffentlichen|verbreiten|verkaufen|gesendet|veroffentlicht|verkauft|geleakt))",
     0.7f},
    {F::kExposure,
     R"(\b(?:ruf|ansehen|leben|reputation)\w*\s+(?:\w+\s+){0,4}(?:zerstor\w*|schadig\w*|ruinier\w*|beschadig\w*)|\bhochstbietend\w*|\bmeistbietend\w*)",
     0.9f},
    {F::kPayment,
     R"(\b(?:zahlen|bezahlen|uberweisen|senden|schicken|einzahlen|zahlung)\w*\s+(?:\w+\s+){0,6}(?:bitcoin\w*|btc|kryptowahrung\w*|wallet|adresse|brieftasche|€|\$|eur|euro|usd|dollar|\d))",
     0.8f},
    {F::kPayment,
     R"(\b(?:kopieren\s+und\s+einfugen|gegenwert\s+in\s+bitcoin|in\s+bitcoin\w*|gebuhr|preis\s+(?:ist|betragt)|nicht\s+verhandelbar)\b)",
     0.6f},
    {F::kRelease,
     R"(\b(?:losche|loschen|vernichte|entferne)\w*\s+(?:\w+\s+){0,4}(?:video\w*|daten|aufnahme\w*|alles|material))",
     0.6f},
    {F::kCrypto,
     R"(\b(?:bitcoin|btc)[- ]?(?:adresse|wallet|brieftasche|geldborse)|\bkryptowahrung\w*)", 0.8f},
    {F::kDeadline,
     R"(\b(?:innerhalb|binnen|in|haben\s+sie|hast\s+du|nur|noch)\s+(?:von\s+)?(?:\w+\s+){0,2}(?:\d+|einem|einen|zwei|drei|vier|funf|sieben|ein)\s*(?:stunden?|std\.?|h|tagen?|tag)\b)",
     0.9f},
    {F::kDeadline, R"(\b(?:countdown|frist|timer|die\s+uhr\s+tickt|zeit\s+lauft)\b)", 0.6f},
    {F::kAntiResponse,
     R"(\b(?:antworten\s+sie\s+nicht|antworte\s+nicht|nicht\s+(?:antworten|zu\s+antworten|beantworten)|keine\s+antwort)\b|\bpolizei\b\s+(?:\w+\s+){0,8}(?:nicht|nichts|sinnlos|nutzlos|helfen))",
     0.8f},
    {F::kAntiResponse,
     R"(\b(?:ich\s+werde|ich\s+erhalte|ich\s+bekomme)\s+(?:\w+\s+){0,6}(?:benachrichtig\w*|wissen|sehen)\b\s+(?:\w+\s+){0,8}(?:geoffnet|offnen|gelesen|lesen))",
     0.8f},
    {F::kProof,
     R"(\b(?:ihr|dein)\s+passwort\s*(?:ist|lautet|war|:)|\b(?:ihr|dein)\s+kennwort\s*(?:ist|lautet|war|:))",
     1.0f},
    {F::kSelfSent,
     R"(\b(?:von|uber|aus)\s+(?:ihrem|deinem)\s+(?:eigenen\s+)?(?:\w+\s+)?(?:konto|account|e-?mail\w*|postfach|server|adresse)\s+(?:\w+\s+){0,3}(?:gesendet|geschickt|versendet|verschickt))",
     1.0f},
    {F::kCorporate,
     R"(\b(?:ihre\s+website|ihre\s+webseite|datenbank\w*|suchmaschinen\w*|kunden|lieferanten|ihr\s+unternehmen|ihre\s+firma)\b)",
     0.5f},
    {F::kPersonalData,
     R"(\b(?:personliche\w*\s+daten|bankdaten|kreditkart\w*|ausweis\w*|sozialversicherungsnummer|bankkonto\w*)\b)",
     0.5f},
    // --- violence, advisory ---
    {F::kViolence,
     R"(\b(?:sprengsatz|sprengstoff|bombe|brandsatz)\w*\s+(?:\w+\s+){0,6}(?:versteckt|platziert|deponiert|angebracht|gelegt|installiert|gezundet|explodier\w*|hochgeh\w*)|\b(?:versteckt|platziert|deponiert|angebracht)\s+(?:\w+\s+){0,3}(?:sprengsatz|sprengstoff|bombe)\w*|\b(?:bezahlt|beauftragt|angeheuert)\w*\s+(?:\w+\s+){0,3}(?:sie|dich)\s+(?:\w+\s+){0,2}(?:zu\s+)?(?:toten|umzubringen|umbringen|beseitigen|ermorden))",
     1.0f},
    {F::kViolence, R"(\b(?:sprengsatz|sprengstoff|bombe|auftragsmorder|killer)\w*)", 0.5f},
    {F::kAdvisory,
     R"((?:\A|[.!:;\n*•>-]\s*|\bbitte\s+)(?:zahlen|uberweisen|antworten)\s+sie\s+(?:auf\s+keinen\s+fall|nicht|nichts)\b|\b(?:ist|sind|handelt\s+es\s+sich\s+um)\s+(?:ein(?:e|en)?\s+)?(?:\w+\s+)?(?:betrug|betrugsversuch|betrugsmasche|phishing|fake|erpressungsversuch)\b)",
     1.0f},
    {F::kAdvisory,
     R"(\b(?:der\s+absender|die\s+tater|die\s+betruger|die\s+e-?mail|die\s+nachricht)\s+(?:\w+\s+)?(?:behauptet|behaupten|droht|drohen|fordert|fordern)\b|\b(?:warnung|sicherheitshinweis|achtung)\s*:?\s+(?:vor\s+)?(?:\w+\s+)?(?:betrug|erpress\w*|phishing|e-?mails?)\b)",
     0.9f},
    // --- plainly paraphrased letters ---
    {F::kCompromise,
     R"(\b(?:uber|via|durch)\s+(?:ihren|deinen|ihr|dein|ihre|deine)\s+(?:router|wlan|netzwerk|heimnetz|fritzbox)\w*|\b(?:in|auf)\s+(?:ihr|dein|ihren|deinen|ihre|deine)\s+(?:\w+\s+)?(?:heimnetz|netzwerk|gerat|computer|rechner|handy|telefon|konto|postfach)\w*\s+(?:\w+\s+){0,2}(?:gekommen|eingedrungen|gelangt|zugegriffen)|\b(?:mitgelesen|mitgeschaut|beobachte\w*|uberwach\w*)\s*,?\s+(?:\w+\s+){0,3}(?:was|wie)\s+(?:sie|du)\b)",
     0.8f},
    {F::kRecording, R"(\b(?:uber|durch|mit)\s+(?:die|ihre|deine)\s+(?:web)?kamera\b)", 0.7f},
    {F::kRecording,
     R"(\b(?:liegt|liegen|gespeichert|gesichert|abgelegt|hochgeladen)\s+(?:\w+\s+){0,3}(?:auf|in)\s+(?:meinem|meiner|unserem|unserer|einem)\s+(?:\w+\s+)?(?:server|cloud|rechner|festplatte|speicher)\w*)",
     0.8f},
    {F::kExposure,
     R"(\b(?:jeder|jede|alle)\s*,?\s+(?:den|die)\s+(?:sie|du)\s+kenn\w*\s*,?\s+(?:\w+\s+){0,2}(?:bekommt|bekommen|erhalt|erhalten|sieht|sehen|erfahrt|erfahren)\b|\b(?:bekommt|bekommen|erhalt|erhalten|sieht|sehen|erfahrt|erfahren)\s+(?:es\s+)?(?:jeder|jede|alle)\s*,?\s+(?:den|die)\s+(?:sie|du)\s+kenn\w*|\b(?:alle\s+)?(?:ihre|deine)\s+(?:kontakte|freunde|familie|kollegen|verwandten|angehorigen|kunden)\s+(?:\w+\s+){0,3}(?:bekommen|erhalten|sehen|erfahren)\b)",
     0.9f},
    {F::kRelease,
     R"(\b(?:losche|vernichte|entferne)\s+(?:ich\s+)?(?:alles|sie|die\s+\w+|das\s+\w+)\b|\balles\s+(?:wird\s+)?(?:geloscht|vernichtet|entfernt)\b)",
     0.7f},
    {F::kDeadline,
     R"(\b(?:sie\s+haben|du\s+hast|ihnen\s+bleiben|dir\s+bleiben)\s+(?:noch\s+)?(?:\d+|einen|eine|zwei|drei|vier|funf|sieben)\s+(?:tag\w*|stunde\w*)\b)",
     0.9f},
};

#undef IHR
#undef DEV
#undef AUD

}  // namespace

std::span<const LexEntry> LexiconDe() { return kEntries; }

}  // namespace extortrace::detect
