// Swedish claim lexicon. Folded: "å", "ä" and "ö" lose their rings and dots
// ("hämnd" -> "hamnd", "höjd" -> "hojd", "får" -> "far"), so every pattern is
// written without them.
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define DIN R"((?:din|ditt|dina|er|ert|era))"
#define DEV \
  R"((?:enhet\w*|dator\w*|pc|laptop\w*|telefon\w*|mobil\w*|konto\w*|e-?post\w*|mejl\w*|mail\w*|inkorg\w*|brevlad\w*|webbplats\w*|hemsida\w*|webbsid\w*|sajt\w*|server\w*|databas\w*|natverk\w*|system\w*|kamera\w*|webbkamera\w*|webcam))"
#define AUD \
  R"((?:kontakt\w*|vann\w*|van|familj\w*|slakt\w*|anhorig\w*|kolleg\w*|arbetskamrat\w*|arbetsgivare\w*|chef\w*|partner\w*|sociala\s+(?:natverk|medier)|kund\w*|leverantor\w*|affarspartner\w*|alla|allmanheten|internet))"
#define SPREAD \
  R"((?:skicka\w*|sanda|sander|dela|delar|delas|delat|publicera\w*|sprida|sprider|sprids|spridd\w*|spritt|lagga\s+ut|lagger\s+ut|ladda\s+upp|laddar\s+upp|salja|saljer|saljs|salt|lacka\w*|lackt\w*|offentliggor\w*|offentliggjort))"

constexpr LexEntry kEntries[] = {
    {F::kCompromise,
     R"(\b(?:jag\s+har|vi\s+har|har\s+jag|har\s+vi)\s+(?:\S+\s+){0,4}(?:hackat|infekterat|komprometterat|tagit\s+over|tagit\s+kontroll|brutit\s+(?:mig|oss)\s+in|tagit\s+(?:mig|oss)\s+in|(?:fatt|skaffat)\s+(?:\S+\s+){0,2}(?:atkomst|tillgang|kontroll)|installerat|stulit|laddat\s+ner|extraherat|kopierat)\b)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:jag|vi)\s+(?:\S+\s+)?(?:hackade|infekterade|tog\s+over|tog\s+kontroll|brot\s+(?:mig|oss)\s+in|tog\s+(?:mig|oss)\s+in|(?:fick|skaffade)\s+(?:\S+\s+){0,2}(?:atkomst|tillgang|kontroll)|installerade|stal|laddade\s+ner|kopierade)\b)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:atkomst|tillgang|kontroll)\s+(?:\S+\s+)?(?:till|over)\s+(?:alla\s+)?)" DIN
     R"(\s+(?:\S+\s+)?)" DEV,
     0.9f},
    {F::kCompromise,
     DIN
     R"(\s+(?:\S+\s+)?)" DEV
     R"(\s+(?:\S+\s+){0,2}(?:har\s+(?:blivit|varit)|blev|ar|var)\s+(?:\S+\s+){0,2}(?:hackad\w*|infekterad\w*|komprometterad\w*|kapad\w*|overtagen|overtagna))",
     1.0f},
    {F::kCompromise,
     DIN R"(\s+(?:\S+\s+)?)" DEV
         R"(\s+(?:\S+\s+){0,2}(?:hackats|infekterats|komprometterats|kapats|tagits\s+over)\b)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:trojan(?:en|er|erna)|trojansk\w*\s+hast|skadlig\s+(?:kod|programvara|mjukvara)|skadeprogram\w*|spionprogram\w*|bakdorr\w*)\b)",
     0.6f},
    {F::kCompromise,
     R"(\b(?:jag\s+ar|vi\s+ar)\s+(?:en\s+)?(?:\S+\s+)?(?:hacker|hackare|hackers|programmerare)\b|\bsarbarhet\w*)",
     0.7f},
    {F::kRecording,
     R"(\b(?:spelat\s+in|spelade\s+in|inspelad\w*|filmat|filmade|inspelning\w*|skarmdump\w*|skarmbild\w*)\b)",
     0.8f},
    {F::kRecording,
     R"(\b(?:webbkamera\w*|kamera\w*|webcam)\s+(?:\S+\s+){0,8}(?:spela\w*\s+in|film\w*|slog\s+pa|slagit\s+pa|satte\s+pa|aktiver\w*))",
     0.9f},
    {F::kRecording,
     R"(\b(?:video\w*|film\w*|inspelning\w*)\s+(?:\S+\s+){0,3}(?:av\s+dig|dar\s+du|nar\s+du|pa\s+dig)\b)",
     0.9f},
    {F::kAdult,
     R"(\bporr\w*|\bporno\w*|\bvuxen(?:sid|sajt|webbplats|innehall|film)\w*|\bsidor\s+for\s+vuxna|\bsexsid\w*|\bonan\w*|\bmasturber\w*|\brunka\w*|\btillfredsstall\w*\s+dig\s+sjalv|\bintim\w*\s+(?:video\w*|bild\w*|film\w*|inspelning\w*))",
     0.9f},
    // A speaker or a future before the verb: "jag skickar videon till...", "kommer att
    // publiceras bland dina kollegor". Without one it may be a newsletter's "dela
    // med dina vänner", so the bare form is weak.
    {F::kExposure,
     R"(\b(?:jag|vi|kommer\s+att|ska|skall)\s+(?:\S+\s+){0,4})" SPREAD
     R"(\s+(?:\S+\s+){0,8}(?:till|med|bland|pa|for)\s+(?:alla\s+)?(?:\S+\s+)?)" AUD,
     1.0f},
    // Verb before subject (V2 after "annars", "da"): "annars läcker vi allt".
    {F::kExposure,
     R"(\b(?:lacker|publicerar|sprider|saljer|lagger\s+ut|offentliggor)\s+(?:vi|jag)\b)", 0.7f},
    {F::kExposure,
     SPREAD R"(\s+(?:\S+\s+){0,8}(?:till|med|bland|pa|for)\s+(?:alla\s+)?(?:\S+\s+)?)" AUD, 0.4f},
    {F::kExposure,
     R"(\b(?:kommer\s+(?:jag\s+|vi\s+)?att|ska|skall|tanker)\s+(?:\S+\s+){0,4}(?:publicera\w*|sprida|spridas|lagga\s+ut|ladda\s+upp|salja|saljas|lacka|lackas|offentliggora|offentliggoras))",
     0.7f},
    {F::kExposure,
     R"(\b(?:forstora|forstor|skada|skadar|ruinera|ruinerar|sverta|svartmala)\s+(?:\S+\s+){0,3}(?:rykte|anseende|liv|karriar|varumarke|namn)|\bhogstbjudande\b)",
     0.9f},
    {F::kExposure,
     R"(\bsokmotor\w*\s+(?:\S+\s+){0,6}(?:svartlist\w*|ta\s+bort|tas\s+bort|avindexer\w*|forsvinn\w*)|\bsvartlist\w*)",
     0.9f},
    {F::kPayment,
     R"(\b(?:betala|betalar|betalning\w*|overfor\w*|skicka|skickar|satt\s+in|satta\s+in|insattning)\s+(?:\S+\s+){0,6}(?:bitcoin\w*|btc|krypto\w*|planbok\w*|wallet|adress\w*|€|\$|kr|sek|eur|euro|usd|dollar\w*|\d))",
     0.8f},
    {F::kPayment,
     R"(\b(?:kopiera\s+och\s+klistra\s+in|motsvarande\s+\S+\s+i\s+bitcoin|i\s+bitcoin\w*|avgift\w*|priset\s+ar|inte\s+forhandlingsbar\w*|ej\s+forhandlingsbar\w*)\b)",
     0.6f},
    {F::kRelease,
     R"(\b(?:radera|raderar|raderas|ta\s+bort|tar\s+bort|forstora|forstor|makulera\w*)\s+(?:\S+\s+){0,4}(?:video\w*|film\w*|data|uppgifter\w*|inspelning\w*|allt|alla\s+filer|filer\w*|material\w*))",
     0.6f},
    {F::kCrypto, R"(\b(?:bitcoin|btc)[- ]?(?:adress\w*|planbok\w*)|\bkryptovaluta\w*)", 0.8f},
    {F::kDeadline,
     R"(\b(?:inom|inom\s+loppet\s+av|pa|du\s+har|ni\s+har|har\s+du|endast|bara)\s+(?:\S+\s+){0,2}(?:\d+|en|ett|tva|tre|fyra|fem|sju)\s*(?:timmar|timme|tim|dagar|dag|dygn|h)\b)",
     0.9f},
    {F::kDeadline, R"(\b(?:nedrakning\w*|tidsfrist\w*|frist|klockan\s+tickar|tiden\s+gar)\b)",
     0.6f},
    {F::kAntiResponse,
     R"(\b(?:svara|besvara)\s+inte\b|\binte\s+(?:svara|besvara)\b|\bingen\s+(?:ide|mening)\s+att\s+svara\b|\bpolis\w*\s+(?:\S+\s+){0,8}(?:inte|ingenting|inget|meningslost|hjalp\w*))",
     0.8f},
    {F::kAntiResponse,
     R"(\b(?:jag\s+(?:kommer\s+att\s+|kan\s+)?(?:veta|se|fa\s+(?:ett\s+)?(?:meddelande|besked|en\s+notis|en\s+avisering))|jag\s+far\s+(?:ett\s+|en\s+)?(?:meddelande|besked|notis|avisering))\b\s+(?:\S+\s+){0,8}(?:oppna\w*|oppnat|last|laser))",
     0.8f},
    {F::kProof,
     R"(\b(?:ditt|ert)\s+losenord\s*(?:ar|var|:)|\bjag\s+(?:vet|kanner\s+till)\s+(?:ditt|ert)\s+losenord\b)",
     1.0f},
    {F::kSelfSent,
     R"(\b(?:skickat|skickad\w*|skickade|sant|sants|skrivet)\s+(?:\S+\s+){0,4}(?:fran|via)\s+(?:ditt|din|ert|er)\s+(?:eget\s+|egen\s+|egna\s+)?(?:\S+\s+)?(?:konto|adress|e-?post\w*|mejl\w*|inkorg|server))",
     1.0f},
    {F::kCorporate,
     R"(\b(?:(?:din|er)\s+(?:hemsida|webbplats|webbsida|butik)|databas(?:en|er|erna|ens)?|sokmotor\w*|kunder|kunderna|leverantorer|(?:ditt|ert)\s+foretag|foretaget|foretagets)\b)",
     0.5f},
    {F::kPersonalData,
     R"(\b(?:personuppgifter|personnummer|bankuppgifter|kontokort\w*|id-handling\w*)\b)", 0.5f},
    {F::kBenign,
     R"(\b(?:kvitto|orderbekraftelse|ordernummer|transaktions-?id|insattningen\s+har|uttag\w*\s+har\s+genomforts|avsluta\s+prenumeration\w*|avregistrera\s+dig)\b)",
     0.5f},
    // --- plainly paraphrased letters ---
    {F::kCompromise,
     R"(\bslappte\s+(?:\w+\s+){0,2}in\s+mig\b|\b(?:via|genom)\s+(?:din|er)\s+(?:router|wifi|modem)\b|\bser\s+jag\s+allt\s+(?:du|ni)\s+gor\b)",
     0.8f},
    {F::kRecording, R"(\b(?:via|genom|med)\s+(?:kameran|webbkameran|din\s+kamera)\b)", 0.7f},
    {F::kRecording,
     R"(\b(?:ligger|sparat|sparad|sparade|lagrat|lagrad|uppladdad)\s+(?:\w+\s+){0,3}(?:pa|i)\s+(?:min|var|en)\s+(?:\w+\s+)?(?:server|moln|disk|dator))",
     0.8f},
    {F::kExposure,
     R"(\b(?:far|kommer)\s+alla\s+(?:du|ni)\s+kanner\b|\balla\s+(?:du|ni)\s+kanner\s+(?:\w+\s+){0,2}(?:far|kommer\s+att\s+fa|ser)\b)",
     0.9f},
    {F::kRelease,
     R"(\braderar\s+jag\s+allt\b|\b(?:allt|filerna|videorna)\s+(?:raderas|tas\s+bort|forstors)\b)",
     0.7f},
    {F::kDeadline,
     R"(\b(?:du|ni)\s+har\s+(?:\d+|en|ett|tva|tre|fyra|fem|sju)\s+(?:dagar|dag|timmar|dygn)\b)",
     0.9f},
    {F::kPayment, R"(\ben\s+betalning\s+pa\s+(?:\d|€|\$))", 0.9f},
};

#undef DIN
#undef DEV
#undef AUD
#undef SPREAD

}  // namespace

std::span<const LexEntry> LexiconSv() { return kEntries; }

}  // namespace extortrace::detect
