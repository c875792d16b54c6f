// Romanian claim lexicon. Folded: ă â î ș ț (and the cedilla forms ş ţ) lose
// their marks ("înregistrat" -> "inregistrat", "știu" -> "stiu"). The past is
// "am" + participle ("am spart", "am înregistrat"), the future "voi/vom" +
// infinitive or "o să"; nouns take the postfixed article and case endings
// ("contul", "contactelor"), so stems carry \w* tails.
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define YOUR R"((?:tau|ta|tale|tai|dvs\.?|dumneavoastra|vostru|voastra|voastre))"
#define DEV \
  R"((?:dispozitiv\w*|calculator\w*|computer\w*|laptop\w*|telefon\w*|smartphone\w*|cont\w*|e-?mail\w*|casut\w*\s+(?:de\s+)?(?:posta|e-?mail)\w*|site\w*|server\w*|baz\w*\s+de\s+date|retea|retel\w*|sistem\w*|camer\w*|webcam\w*))"
#define AUD \
  R"((?:contact\w*|prieten\w*|famili\w*|rud\w*|apropiat\w*|coleg\w*|angajat\w*|angajator\w*|sef\w*|partener\w*|client\w*|furnizor\w*|retel\w*\s+sociale|internet\w*))"
#define NUM \
  R"((?:\d+|o|un|una|doua|doi|trei|patru|cinci|sapte|douazeci\s+si\s+patru|patruzeci\s+si\s+opt|saptezeci\s+si\s+doua))"

constexpr LexEntry kEntries[] =
    {
        // --- compromise ---
        {F::kCompromise,
         R"(\b(?:am|am\s+reusit\s+sa|noi\s+am)\s+(?:\w+\s+){0,3}(?:spart|piratat|hackuit|hack(?:er)?at|infectat|compromis|patruns|preluat\s+controlul|obtinut\s+(?:\w+\s+){0,2}acces\w*)\b)",
         1.0f},
        {F::kCompromise, R"(\bacces\w*\s+(?:\w+\s+)?(?:la|asupra)\s+(?:tuturor\s+|toate\s+)?)" DEV,
         0.9f},
        {F::kCompromise,
         DEV
         R"(\s+(?:\w+\s+){0,2}(?:a\s+fost|au\s+fost|este|sunt|e)\s+(?:\w+\s+)?(?:spart\w*|piratat\w*|infectat\w*|compromis\w*|hack\w*))",
         1.0f},
        {F::kCompromise,
         R"(\b(?:troian\w*|virus(?:ul|i|ii|uri)?\b|malware|spyware|keylogger\w*|program\w*\s+(?:malitios|malware|spion)\w*|software\s+(?:malitios|spion)\w*|usa\s+din\s+spate|backdoor\w*))",
         0.6f},
        {F::kCompromise,
         R"(\b(?:sunt|suntem)\s+(?:un\s+|o\s+)?(?:\w+\s+)?(?:hacker\w*|programator\w*)\b|\bvulnerabilitat\w*|\bbresa\s+de\s+securitate)",
         0.7f},
        {F::kCompromise,
         R"(\b(?:am\s+)?(?:descarcat|copiat|furat|extras|exportat|sustras)\s+(?:\w+\s+){0,3}(?:baz\w*\s+de\s+date|date\w*|fisier\w*|corespondent\w*|contact\w*|document\w*))",
         0.8f},
        {F::kCompromise,
         R"(\bam\s+instalat\s+(?:\w+\s+){0,3}(?:virus\w*|troian\w*|program\w*|software|keylogger\w*|malware))",
         0.9f},
        // --- recording ---
        {F::kRecording,
         R"(\bam\s+(?:facut|realizat|creat|montat|pregatit)\s+(?:\w+\s+){0,2}(?:video\w*|inregistrar\w*|captur\w*|filmar\w*|clip\w*))",
         0.7f},
        {F::kRecording, R"(\bam\s+(?:\w+\s+)?(?:inregistrat|filmat|capturat|inregistram)\b)", 0.8f},
        {F::kRecording,
         R"(\b(?:camer\w*|webcam\w*)\s+(?:\w+\s+){0,8}(?:inregistr\w*|filma\w*|activ\w*|pornit\w*|pornesc)|\b(?:am\s+)?(?:pornit|activat)\s+(?:\w+\s+){0,2}(?:camer\w*|webcam\w*))",
         0.9f},
        {F::kRecording,
         R"(\b(?:video\w*|inregistrar\w*|filmar\w*|clip\w*|captur\w*)\s+(?:\w+\s+){0,3}(?:cu\s+(?:tine|dumneavoastra|dvs)|in\s+care\s+(?:\w+\s+)?(?:te|va|tu|dumneavoastra)|cum\s+(?:te|va|tu|dumneavoastra)))",
         0.9f},
        {F::kRecording, R"(\b(?:webcam\w*|camera\s+web|capturi\s+de\s+ecran|videoclip\w*)\b)",
         0.3f},
        // --- adult content ---
        {F::kAdult,
         R"(\bporn\w*|\b(?:site\w*|continut\w*|video\w*|filme)\s+(?:pentru|pt\.?)\s+adulti|\bpentru\s+adulti\b)",
         0.9f},
        {F::kAdult,
         R"(\b(?:masturb\w*|te\s+satisfaceai|va\s+satisfaceati|(?:te|va)\s+(?:\w+\s+)?satisfac\w*\s+singur\w*|autosatisfac\w*)\b)",
         1.0f},
        {F::kAdult,
         R"(\b(?:intim\w*|explicit\w*|compromitator\w*|indecent\w*|erotic\w*)\s+(?:\w+\s+)?(?:video\w*|inregistrar\w*|fotografi\w*|poze|continut\w*|material\w*|moment\w*|scen\w*|clip\w*)\b|\b(?:video\w*|inregistrar\w*|fotografi\w*|poze|continut\w*|material\w*|clip\w*)\s+(?:\w+\s+)?(?:intim\w*|explicit\w*|compromitator\w*|indecent\w*|erotic\w*)\b)",
         0.8f},
        {F::kAdult, R"(\b(?:sex(?:ul|ului|uale|uala)|nud(?:a|e|itate)|dezbracat\w*)\b)", 0.4f},
        // --- exposure threat ---
        {F::kExposure,
         R"(\b(?:contact|prieten|famili|rud|coleg|cunoscut)\w*\s+(?:\w+\s+){0,4}(?:sa\s+)?(?:primeasca|primi|vada|vor\s+vedea|afle|vor\s+afla)\b|\b(?:primeasca|primi|vada|vor\s+vedea|afle|vor\s+afla)\s+(?:\w+\s+){0,3}(?:toti\s+|toate\s+)?(?:contact|prieten|famili|rud|coleg|cunoscut)\w*)",
         0.7f},
        {F::kExposure,
         R"(\b(?:voi|vom|o\s+sa|pot|putem)\s+(?:\w+\s+){0,4}(?:trimite|trimit|publica|publicam|distribui|distribuim|partaja|raspandi|vinde|vand|arata|expune|dezvalui|face\s+public\w*)\b)",
         0.7f},
        {F::kExposure,
         R"(\b(?:vor|va)\s+fi\s+(?:\w+\s+)?(?:trimis\w*|publicat\w*|distribuit\w*|partajat\w*|vandut\w*|facut\w*\s+public\w*)\b)",
         0.5f},
        {F::kExposure,
         R"(\b(?:video\w*|inregistrar\w*|date\w*|material\w*|fisier\w*|baz\w*\s+de\s+date|copi\w*)\s+(?:\w+\s+){0,4}(?:vor|va)\s+fi\s+(?:\w+\s+)?(?:trimis\w*|publicat\w*|distribuit\w*|vandut\w*|facut\w*\s+public\w*)\b)",
         0.8f},
        {F::kExposure,
         R"(\b(?:trimit\w*|publica(?:m|t\w*)?|distribui\w*|partaja\w*|raspandi\w*|vinde\w*|vand|arata\w*|expune\w*|dezvalui\w*)\s+(?:\w+\s+){0,8}(?:la|catre|cu|printre|pe|in|tuturor)\s+(?:toti\s+|toate\s+|tuturor\s+)?(?:\w+\s+)?)" AUD,
         1.0f},
        {F::kExposure,
         R"(\b(?:distrug|ruin|strica|pata|afect)\w*\s+(?:\w+\s+){0,3}(?:reputati\w*|viat\w*|carier\w*|casnici\w*|afacer\w*)|\b(?:reputati\w*|carier\w*|casnici\w*)\s+(?:\w+\s+){0,3}(?:distrus\w*|ruinat\w*|terminat\w*))",
         0.9f},
        {F::kExposure,
         R"(\b(?:cel\s+mai\s+mare\s+ofertant|darknet\w*|dark\s?web\w*|piat\w*\s+neagr\w*))", 0.9f},
        {F::kExposure,
         R"(\b(?:facut\w*\s+public\w*|domeniul\s+public|acces\s+public|motoare\w*\s+de\s+cautare\s+(?:\w+\s+){0,4}(?:elimin|bloc|exclu)\w*|lista\s+neagra)\b)",
         0.6f},
        // --- payment demand ---
        {F::kPayment,
         R"(\b(?:plat(?:a|i|iti|ind|it|este|esti|easca|esc)|achit\w*|transfera\w*|trimit\w*|depun\w*|virat\w*|virez)\s+(?:\w+\s+){0,6}(?:bitcoin\w*|btc|cripto\w*|portofel\w*|adres\w*|€|\$|usd|eur|euro|dolar\w*|lei|\d))",
         0.8f},
        {F::kPayment,
         R"(\b(?:echivalent\w*\s+in\s+bitcoin\w*|in\s+bitcoin\w*|in\s+btc|in\s+criptomoned\w*|copiati\s+si\s+lipiti|copiaza\s+si\s+lipeste|copy\s*-?\s*paste|pretul\s+(?:este\s+)?(?:fix|final|nenegociabil)|nu\s+este\s+negociabil|nenegociabil\w*|taxa\s+(?:mea|de))\b)",
         0.6f},
        {F::kRelease,
         R"(\b(?:voi|vom|o\s+sa)\s+(?:\w+\s+){0,2}(?:sterge|sterg|distruge|distrug|elimina|elimin)\s+(?:\w+\s+){0,4}(?:video\w*|inregistrar\w*|date\w*|tot|totul|material\w*|fisier\w*|copi\w*))",
         0.6f},
        {F::kCrypto,
         R"(\b(?:adres\w*|portofel\w*)\s+(?:\w+\s+)?(?:bitcoin|btc)\b|\b(?:bitcoin|btc)\s+(?:adres|portofel)\w*|\bcriptomoned\w*)",
         0.8f},
        // --- deadline ---
        {F::kDeadline,
         R"(\b(?:in|in\s+decurs\s+de|timp\s+de|in\s+termen\s+de|aveti|ai|doar|numai|urmatoarele|maxim)\s+(?:\w+\s+){0,2})" NUM
         R"(\s*(?:de\s+)?(?:ore|ora|zile)\b)",
         0.9f},
        {F::kDeadline,
         R"(\b(?:numaratoare\w*\s+invers\w*|cronometr\w*|termen\w*\s+limita|timpul\s+(?:expira|trece|se\s+scurge))\b)",
         0.6f},
        // --- anti-response ---
        {F::kAntiResponse,
         R"(\bnu\s+(?:raspunde|raspundeti|incerca|incercati|imi\s+scrie\w*)\b|\bpoliti\w*\s+(?:\w+\s+){0,8}(?:nu\s+(?:va|te)\s+(?:poate|pot)\s+ajuta|inutil\w*|nu\s+ajuta|nu\s+poate|nu\s+pot))",
         0.8f},
        {F::kAntiResponse,
         R"(\b(?:voi|vom)\s+(?:\w+\s+)?(?:sti|afla|primi\s+(?:o\s+)?notificare|fi\s+notificat\w*|vedea)\s+(?:\w+\s+){0,8}(?:deschis\w*|deschide\w*|citit\w*|citi\w*))",
         0.8f},
        {F::kAntiResponse,
         R"(\b(?:imposibil|nu\s+pot\s+fi|nu\s+poate\s+fi)\s+(?:\w+\s+)?(?:de\s+)?(?:urmarit|depistat|gasit)\w*)",
         0.7f},
        // --- proof ---
        {F::kProof,
         R"(\bparola\s+(?:ta|dvs\.?|dumneavoastra)\s*(?:este|e|era|:)|\b(?:stiu|cunosc)\s+(?:\w+\s+)?parola)",
         1.0f},
        // --- sent from your own account ---
        {F::kSelfSent,
         R"(\b(?:trimis|expediat|scris)\w*\s+(?:\w+\s+){0,4}(?:de\s+pe|din|prin|de\s+la)\s+(?:propri\w*\s+)?(?:\w+\s+)?(?:cont\w*|adres\w*|casut\w*|e-?mail\w*|server\w*)\s+(?:\w+\s+)?)" YOUR,
         1.0f},
        {F::kSelfSent,
         R"(\b(?:de\s+pe|din)\s+(?:(?:contul|adresa|casuta|serverul|e-?mailul)\w*\s+(?:de\s+e-?mail\s+)?)" YOUR
         R"(|propri\w*\s+(?:\w+\s+){0,2}(?:cont|adres|casut|server|e-?mail)\w*))",
         0.8f},
        // --- corporate target ---
        {F::kCorporate,
         R"(\b(?:site\w*|firm\w*|companie\w*|compani\w*|afacer\w*|magazin\w*\s+online)\s+(?:\w+\s+)?)" YOUR
         R"(\b|\bbaz\w*\s+de\s+date|\bmotoare\w*\s+de\s+cautare)",
         0.5f},
        {F::kCorporate, R"(\b(?:clienti\w*|clientul\w*|furnizor\w*|parteneri\w*\s+de\s+afaceri)\b)",
         0.4f},
        {F::kPersonalData,
         R"(\b(?:dat(?:e|ele)\s+(?:personale|bancare)|car(?:d|te)\w*\s+de\s+(?:credit|identitate)|buletin\w*|cnp|pasaport\w*|cont\w*\s+bancar\w*)\b)",
         0.5f},
        // --- benign (weighs against) ---
        {F::kBenign,
         R"(\b(?:dezabonare|dezabona\w*|politica\s+de\s+confidentialitate|chitant\w*|factur\w*|numar\w*\s+(?:de\s+)?comand\w*|id\s+(?:de\s+)?tranzacti\w*|hash\s+(?:de\s+)?tranzacti\w*|retragere\w*)\b)",
         0.5f},
        {F::kBenign,
         R"(\b(?:nu\s+va\s+vom\s+cere\s+niciodata|nu\s+cerem\s+niciodata|fraz\w*\s+(?:de\s+)?(?:recuperare|seed)|fraz\w*\s+secret\w*|donati[ei]\w*|tombol\w*)\b)",
         0.6f},
};

#undef YOUR
#undef DEV
#undef AUD
#undef NUM

}  // namespace

std::span<const LexEntry> LexiconRo() { return kEntries; }

}  // namespace extortrace::detect
