// Italian claim lexicon (about a tenth of extortion spam). Folded: no accents
// ("è" is "e", "perché" is "perche").
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define TUO \
  R"((?:tuo|tua|tuoi|tue|suo|sua|suoi|sue|vostro|vostra|vostri|vostre|il tuo|la tua|i tuoi|le tue|il suo|la sua))"
#define DEV \
  R"((?:dispositiv[oi]|computer|pc|telefon[oi]|smartphone|cellulare|account|e-?mail|posta|casell[ae] (?:di )?posta|sito(?: web)?|siti|server|database|banc[ahe] dati|sistema(?: operativo)?|rete|fotocamera|webcam))"
#define AUD \
  R"((?:contatti|amici|famiglia|famigliari|familiari|parenti|colleghi|conoscenti|social(?: network)?|clienti|fornitori|partner|tutti|pubblico|internet|rete))"

constexpr LexEntry kEntries[] = {
    {F::kCompromise,
     R"(\b(?:ho|abbiamo|avevo)\s+(?:\w+\s+){0,2}(?:hackerat[oaie]|violat[oaie]|infettat[oaie]|compromess[oaie]|pres[oaie] il controllo|(?:ottenuto|avuto|effettuato|guadagnato)\s+(?:\w+\s+){0,2}(?:l(?:'|’))?accesso|installato|hackato)\b)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:accesso|controllo)\s+(?:complet[oa]\s+|total[ei]\s+)?(?:a|al|alla|ai|alle|su|sul|sulla|sui|di)\s+(?:tutt[io]\s+)?(?:i\s+|il\s+|la\s+|le\s+)?)" TUO
     R"(\s+(?:\w+\s+)?)" DEV,
     0.9f},
    {F::kCompromise,
     TUO
     R"(\s+(?:\w+\s+)?)" DEV
     R"(\s+(?:e|sono|e stato|e stata|sono stati|e gia stato)\s+(?:\w+\s+)?(?:hackerat[oaie]|violat[oaie]|infettat[oaie]|compromess[oaie]))",
     1.0f},
    {F::kCompromise,
     R"(\b(?:trojan|troiano|cavallo di troia|malware|spyware|virus|software\s+(?:dannoso|malevolo|spia)|programma\s+(?:dannoso|spia)|keylogger|backdoor)\b)",
     0.6f},
    {F::kCompromise,
     R"(\b(?:sono|siamo)\s+(?:un[oa]?\s+)?(?:\w+\s+)?(?:hacker|programmator[ei])\b)", 0.7f},
    {F::kCompromise,
     R"(\b(?:estratto|scaricato|copiato|rubato|raccolto)\s+(?:tutt[io]\s+)?(?:i\s+|il\s+|le\s+|la\s+)?(?:tuoi|tue|tuo|tua|vostri|vostre|suoi|sue)?\s*(?:\w+\s+)?(?:dati|database|informazioni|contatti|file|foto|e-?mail))",
     0.8f},
    {F::kRecording,
     R"(\b(?:ti\s+ho|l(?:'|’)ho|ho|abbiamo)\s+(?:\w+\s+)?(?:registrat[oaie]|filmat[oaie]|ripres[oaie])\b|\bregistrat[oa]\s+(?:un\s+)?video\b)",
     1.0f},
    {F::kRecording,
     R"(\b(?:webcam|videocamera|fotocamera|telecamera)\b\s+(?:\w+\s+){0,8}(?:registr\w*|filmat\w*|attivat\w*|acces\w*))",
     0.8f},
    {F::kRecording,
     R"(\b(?:video|filmat[oi]|registrazion[ei]|screenshot|immagini)\s+(?:\w+\s+){0,3}(?:di\s+te|in\s+cui\s+(?:tu\s+)?ti|mentre\s+ti|con\s+te)\b)",
     0.9f},
    {F::kAdult,
     R"(\bporn\w*|\bsiti\s+(?:per\s+)?adulti\b|\bcontenuti?\s+(?:per\s+adulti|espliciti)|\bmasturb\w*|\bpiacere\s+(?:da\s+)?solo|\bvideo\s+(?:intim[io]|compromettent[ei]|hard)|\bsesso\b)",
     0.9f},
    {F::kExposure,
     R"(\b(?:inviero|mandero|condividero|pubblichero|diffondero|inoltrero|invieremo|pubblicheremo|venderemo|sara\s+(?:inviat[oa]|pubblicat[oa]|diffus[oa]|condivis[oa])|saranno\s+(?:inviat[ie]|pubblicat[ie]|diffus[ie]|condivis[ie]))\b)",
     0.7f},
    {F::kExposure,
     R"(\b(?:invia\w*|mand\w*|condivid\w*|condivis\w*|pubblic\w*|diffond\w*|diffus\w*|inoltr\w*)\s+(?:\w+\s+){0,8}(?:a|ai|alle|con|tra|su)\s+(?:tutt[ie]\s+)?(?:i\s+|le\s+)?(?:tuoi\s+|tue\s+|vostri\s+|suoi\s+)?)" AUD
     R"(\b)",
     0.9f},
    {F::kExposure,
     R"(\b(?:rovinar\w*|distrugger\w*|danneggiar\w*)\s+(?:\w+\s+){0,3}(?:reputazione|vita|carriera)|\bmiglior offerente\b)",
     0.9f},
    {F::kPayment,
     R"(\b(?:pag(?:are|a|hi|herai|amento)|trasferi\w*|invia(?:re|mi)?|versa\w*|bonifico)\s+(?:\w+\s+){0,6}(?:bitcoin|btc|criptovalut\w*|portafoglio|indirizzo|€|\$|eur|euro|usd|dollari|\d))",
     0.8f},
    {F::kPayment,
     R"(\b(?:copia\s+e\s+incolla|equivalente\s+in\s+bitcoin|in\s+bitcoin\b|tariffa|prezzo\s+(?:e|non)|non\s+(?:e\s+)?negoziabile)\b)",
     0.6f},
    {F::kRelease,
     R"(\b(?:cancellero|eliminero|distruggero|rimuovero)\s+(?:\w+\s+){0,4}(?:video|dati|registrazion\w*|tutto|materiale|file))",
     0.6f},
    {F::kCrypto,
     R"(\b(?:indirizzo|portafoglio|portafogli)\s+(?:\w+\s+)?(?:bitcoin|btc|cripto\w*)|\bcriptovalut\w*|\bmoneta\s+virtuale)",
     0.8f},
    {F::kDeadline,
     R"(\b(?:entro|hai|ti\s+do|avete|in|tempo)\s+(?:\w+\s+){0,2}(?:\d+|un[oa]?|due|tre|quattro|cinque|sette)\s*(?:ore|ora|giorni|giorno|h)\b)",
     0.9f},
    {F::kDeadline,
     R"(\b(?:conto\s+alla\s+rovescia|timer|scadenza|il\s+tempo\s+(?:sta\s+)?(?:scorre|scadendo))\b)",
     0.6f},
    {F::kAntiResponse,
     R"(\bnon\s+(?:rispondere|rispondete|risponda|cercare\s+di|provare\s+a|contattare)\b|\b(?:polizia|autorita|forze\s+dell(?:'|’)ordine)\b\s+(?:\w+\s+){0,6}(?:non|inutile|aiut\w*))",
     0.8f},
    {F::kAntiResponse,
     R"(\b(?:sapro|sapro|ricevero\s+(?:una\s+)?notifica|vedro)\b\s+(?:\w+\s+){0,8}(?:apert\w*|aprir\w*|lett\w*|legger\w*))",
     0.8f},
    {F::kProof,
     R"(\b(?:la\s+)?(?:tua|sua)\s+password\s*(?:e|era|:)|\bconosco\s+la\s+(?:tua|sua)\s+password)",
     1.0f},
    {F::kSelfSent,
     R"(\b(?:inviat[oa]|mandat[oa]|spedit[oa]|scritto)\s+(?:\w+\s+){0,4}(?:dal|dalla|dal\s+tuo|dalla\s+tua|dal\s+suo|dalla\s+sua)\s+(?:\w+\s+)?(?:account|e-?mail|casella|indirizzo|server))",
     1.0f},
    {F::kCorporate,
     R"(\b(?:(?:il\s+)?(?:tuo|vostro|suo)\s+sito(?:\s+web)?|database|banc[ahe]\s+dati|motori\s+di\s+ricerca|clienti|fornitori|(?:vostra|tua|sua)\s+azienda|societa)\b)",
     0.5f},
    {F::kPersonalData,
     R"(\b(?:dati\s+(?:personali|bancari)|carta\s+di\s+credito|codice\s+fiscale|documenti\s+d(?:'|’)identita|conto\s+bancario)\b)",
     0.5f},
    // --- violence, advisory ---
    {F::kViolence,
     R"(\b(?:bomba|ordigno(?:\s+esplosivo)?|esplosivo)\s+(?:\w+\s+){0,6}(?:piazzat\w*|nascost\w*|collocat\w*|installat\w*|esplod\w*|detona\w*|fatto\s+saltare)|\b(?:pagat|ingaggiat|incaricat)\w*\s+(?:\w+\s+){0,3}per\s+(?:ucciderti|ucciderla|eliminarti|farti\s+del\s+male))",
     1.0f},
    {F::kViolence, R"(\b(?:bomba|ordigno|esplosivo|sicario)\b)", 0.5f},
    {F::kAdvisory,
     R"((?:\A|[.!:;\n*•>-]\s*)non\s+(?:pagate|pagare|paghi)\b|\b(?:si\s+tratta\s+di|e)\s+(?:una?\s+)?(?:\w+\s+)?(?:truffa|frode|tentativo\s+di\s+truffa|phishing)\b)",
     1.0f},
    {F::kAdvisory,
     R"(\b(?:il\s+mittente|i\s+truffatori|i\s+criminali|il\s+messaggio|l(?:'|’)e-?mail)\s+(?:\w+\s+)?(?:sostiene|afferma|minaccia|chiede|pretende)\b)",
     0.9f},
    // --- plainly paraphrased letters ---
    {F::kCompromise,
     R"(\bmi\s+ha\s+fatto\s+entrare\b|\b(?:tramite|attraverso|dal)\s+(?:il\s+)?(?:suo|tuo)\s+(?:router|wifi|rete|modem)\b|\bvedo\s+tutto\s+(?:quello|cio)\s+che\s+(?:fa|fai)\b)",
     0.8f},
    {F::kRecording,
     R"(\b(?:attraverso|tramite|con|dalla)\s+(?:la\s+)?(?:sua\s+|tua\s+)?(?:webcam|telecamera|videocamera|camera)\b)",
     0.7f},
    {F::kRecording,
     R"(\b(?:salvat|archiviat|conservat|memorizzat|caricat)\w*\s+(?:\w+\s+){0,3}(?:sul|nel|su\s+un)\s+(?:mio\s+|nostro\s+)?(?:\w+\s+)?(?:server|cloud|disco|computer))",
     0.8f},
    {F::kExposure,
     R"(\btutti\s+(?:quelli|coloro)\s+che\s+(?:conosce|conosci)\s+(?:\w+\s+){0,2}(?:riceveranno|vedranno|sapranno)\b|\b(?:tutti\s+)?i\s+(?:suoi|tuoi)\s+\w+\s+(?:\w+\s+){0,2}(?:riceveranno|vedranno|sapranno)\b)",
     0.9f},
    {F::kRelease,
     R"(\bcancello\s+tutto\b|\b(?:tutto|i\s+video|i\s+file|i\s+dati)\s+(?:sara|saranno|verra|verranno)\s+(?:\w+\s+)?(?:cancellat|eliminat|distrutt)\w*)",
     0.7f},
    {F::kDeadline,
     R"(\b(?:ha|hai|avete)\s+(?:\d+|un|una|due|tre|quattro|cinque|sette)\s+(?:giorni|giorno|ore)\b)",
     0.9f},
    {F::kPayment, R"(\bun\s+pagamento\s+di\s+(?:\d|€|\$))", 0.9f},
};

#undef TUO
#undef DEV
#undef AUD

}  // namespace

std::span<const LexEntry> LexiconIt() { return kEntries; }

}  // namespace extortrace::detect
