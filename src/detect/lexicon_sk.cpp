// Slovak claim lexicon. Folded: every diacritic stripped ("prístup" ->
// "pristup", "peňaženka" -> "penazenka", "priateľom" -> "priatelom", "dní"
// -> "dni"), so \b works. Past tense is the l-participle + "som/sme" in either
// order ("hackol som", "som nahral"); nouns take \w* for the six cases.
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define YOUR R"((?:vas|vase\w*|vasho|vasmu|vasim\w*|vasi\w*|tvoj\w*))"
#define DEV \
  R"((?:zariaden\w*|pocitac\w*|notebook\w*|telefon\w*|mobil\w*|smartfon\w*|ucet|uct\w*|e-?mail\w*|schrank\w*|post\w*|web\w*|strank\w*|server\w*|databaz\w*|siet\w*|siet|system\w*|kamer\w*))"
#define AUD \
  R"((?:kontakt\w*|priatel\w*|znam\w*|rodin\w*|pribuzn\w*|koleg\w*|zamestnan\w*|zamestnavatel\w*|sef\w*|partner\w*|klient\w*|zakaznik\w*|dodavatel\w*|socialn\w*\s+siet\w*|internet\w*))"
#define NUM \
  R"((?:\d+|jeden|jedna|jednu|jedneho|dva|dve|dvoch|tri|troch|styri|styroch|pat|sedem|styridsiatich\s+osem\w*|dvadsiatich\s+styr\w*))"
#define UNIT R"((?:hodin\w*|hod\.?|dni|dna|den|dnoch))"

constexpr LexEntry kEntries[] =
    {
        // --- compromise ---
        {F::kCompromise,
         R"(\b(?:hackol|hacknul|napadol|nabural|prelomil|infikoval|nakazil|ovladol|prevzal|ziskal\w*\s+(?:\w+\s+){0,2}pristup|nainstaloval)\w*\s+(?:\w+\s+){0,2}(?:som|sme)\b|\b(?:som|sme)\s+(?:\w+\s+){0,3}(?:hackol|hacknul|napadol|nabural|prelomil|infikoval|nakazil|ovladol|prevzal|ziskal\w*\s+(?:\w+\s+){0,2}pristup|nainstaloval)\w*)",
         1.0f},
        {F::kCompromise,
         R"(\b(?:pristup\w*|kontrol\w*)\s+(?:\w+\s+)?(?:k|ku|do|nad)\s+(?:vsetk\w*\s+)?)" YOUR
         R"(\s+(?:\w+\s+)?)" DEV,
         0.9f},
        {F::kCompromise,
         YOUR
         R"(\s+(?:\w+\s+){0,2})" DEV
         R"(\s+(?:\w+\s+){0,3}(?:bol\w*|je|su)\s+(?:\w+\s+)?(?:hacknut\w*|napaden\w*|infikovan\w*|kompromitovan\w*|prelomen\w*))",
         1.0f},
        {F::kCompromise,
         R"(\b(?:trojsk\w*\s+kon\w*|trojan\w*|malware|spyware|skodliv\w*\s+(?:softver|software|program|kod)\w*|spionazn\w*\s+(?:softver|software|program)\w*|vir(?:us|usy|usu|om)|keylogger\w*|zadn\w*\s+dvierk\w*)\b)",
         0.6f},
        {F::kCompromise,
         R"(\b(?:som|sme)\s+(?:\w+\s+)?(?:hacker\w*|programator\w*)\b|\bzranitelnost\w*|\bbezpecnostn\w*\s+(?:dier\w*|chyb\w*))",
         0.7f},
        {F::kCompromise,
         R"(\b(?:stiahol|stiahli|skopiroval|ukradol|odcudzil|vytiahol|exportoval)\w*\s+(?:\w+\s+){0,3}(?:databaz\w*|dat\w*|subor\w*|korespondenci\w*|kontakt\w*|dokument\w*))",
         0.8f},
        // --- recording ---
        {F::kRecording,
         R"(\b(?:urobil|vytvoril|zostrihal|pripravil)\w*\s+(?:\w+\s+){0,2}(?:som\s+|sme\s+)?(?:\w+\s+)?(?:vide\w*|nahravk\w*|zaznam\w*|snimk\w*|klip\w*))",
         0.7f},
        {F::kRecording, R"(\b(?:nahral\w*|natocil\w*|zaznamenal\w*|nafilmoval\w*|zachytil\w*)\b)",
         0.8f},
        {F::kRecording,
         R"(\b(?:webkamer\w*|web\s+kamer\w*|kamer\w*)\s+(?:\w+\s+){0,8}(?:nahr\w*|natac\w*|natoc\w*|zapn\w*|aktiv\w*|snim\w*)|\b(?:zapol|aktivoval)\w*\s+(?:\w+\s+){0,2}(?:web)?kamer\w*)",
         0.9f},
        {F::kRecording,
         R"(\b(?:vide\w*|nahravk\w*|zaznam\w*|snimk\w*\s+obrazovky|fotk\w*)\s+(?:\w+\s+){0,3}(?:s\s+vami|s\s+tebou|kde\s+(?:vy|ty|sa)|na\s+ktor\w*\s+(?:vy|ty|sa)|ako\s+(?:vy|ty|sa)))",
         0.9f},
        {F::kRecording, R"(\b(?:webkamer\w*|nahravk\w*|videozaznam\w*|snimk\w*\s+obrazovky)\b)",
         0.3f},
        // --- adult content ---
        {F::kAdult,
         R"(\bporno\w*|\bpornograf\w*|\b(?:strank\w*|web\w*|obsah\w*|vide\w*)\s+pre\s+dospel\w*)",
         0.9f},
        {F::kAdult,
         R"(\b(?:masturb\w*|onan\w*|uspokojova\w*\s+(?:sam\w*|sa)|uspokojoval\w*\s+(?:sam\w*|sa))\b)",
         1.0f},
        {F::kAdult,
         R"(\b(?:intimn\w*|explicitn\w*|kompromituj\w*|oplzl\w*|neslusn\w*)\s+(?:\w+\s+)?(?:vide\w*|nahravk\w*|zaznam\w*|fotk\w*|fotograf\w*|obsah\w*|material\w*|chvil\w*|scen\w*)\b)",
         0.8f},
        {F::kAdult, R"(\b(?:sex(?:u|om|ualn\w*)|nah\w*\s+fotk\w*)\b)", 0.4f},
        // --- exposure threat ---
        {F::kExposure,
         R"(\b(?:dostan|dostal|uvid|dozv)\w*\s+(?:\w+\s+){0,3}(?:vsetk\w*\s+)?(?:vas\w*\s+|tvoj\w*\s+)?(?:kontakt|priatel|rodin|pribuzn|koleg|znam)\w*|\b(?:kontakt|priatel|rodin|pribuzn|koleg|znam)\w*\s+(?:\w+\s+){0,3}(?:dostan|dostal|uvid|dozv)\w*)",
         0.7f},
        {F::kExposure,
         R"(\b(?:poslem|posleme|rozoslem|rozosleme|preposlem|zverejnim|zverejnime|zdielam|zazdielam|rozsirim|predam|predame|ukazem|ukazeme|bude\s+(?:\w+\s+)?(?:zverejnen\w*|odoslan\w*|rozoslan\w*|predan\w*)|budu\s+(?:\w+\s+)?(?:zverejnen\w*|odoslan\w*|rozoslan\w*|predan\w*))\b)",
         0.7f},
        {F::kExposure,
         R"(\b(?:posl|rozosl|preposl|zverejn|zdiel|zazdiel|rozsir|ukaz|preda)\w*\s+(?:\w+\s+){0,8}(?:vsetk\w*\s+)?(?:vas\w*\s+|tvoj\w*\s+)?)" AUD,
         1.0f},
        {F::kExposure,
         R"(\b(?:povest\w*|reputac\w*|karier\w*|zivot\w*|manzelstv\w*|podnikani\w*)\s+(?:\w+\s+){0,3}(?:zni\w*|zruin\w*|poskod\w*|koniec)|\b(?:znic|zruin|poskod|pokazi)\w*\s+(?:\w+\s+){0,3}(?:povest\w*|reputac\w*|karier\w*|zivot\w*|manzelstv\w*|rodin\w*|podnikani\w*))",
         0.9f},
        {F::kExposure,
         R"(\b(?:darknet\w*|dark\s?web\w*|temn\w*\s+web\w*|najvyssi\w*\s+ponuk\w*|tomu,?\s+kto\s+(?:\w+\s+)?(?:najviac|viac)\s+zaplati))",
         0.9f},
        {F::kExposure,
         R"(\b(?:verejne\s+dostupn\w*|verejnost\w*|vyhladavac\w*\s+(?:\w+\s+){0,4}(?:vyrad|zablok|odstran)\w*|ciern\w*\s+zozn\w*)\b)",
         0.6f},
        // --- payment demand ---
        {F::kPayment,
         R"(\b(?:zaplat|nezaplat|plat(?:it|te|i|ba|bu|by|bou)\b|preved|poslat|poslite|posli|vlozt|uhrad)\w*\s+(?:\w+\s+){0,6}(?:bitcoin\w*|btc|kryptomen\w*|penazenk\w*|adres\w*|€|\$|usd|eur|euro|dolar\w*|\d))",
         0.8f},
        {F::kPayment,
         R"(\b(?:ekvivalent\w*\s+v\s+bitcoin\w*|v\s+bitcoin\w*|v\s+kryptomen\w*|skopirujte\s+(?:\w+\s+)?a\s+vlozte|skopiruj\s+(?:\w+\s+)?a\s+vloz|poplat\w*|cena\s+(?:je\s+)?(?:konecn\w*|nemenn\w*)|nie\s+je\s+predmetom\s+vyjednavania)\b)",
         0.6f},
        {F::kRelease,
         R"(\b(?:zmazem|zmazeme|odstranim|odstranime|znicim|znicime|vymazem|vymazeme|budu\s+(?:\w+\s+)?(?:zmazan\w*|znicen\w*|odstranen\w*))\s+(?:\w+\s+){0,4}(?:vide\w*|nahravk\w*|zaznam\w*|dat\w*|vsetk\w*|material\w*|subor\w*|kopi\w*))",
         0.6f},
        {F::kCrypto,
         R"(\b(?:bitcoin\w*|btc)\s*-?\s*(?:adres\w*|penazenk\w*)|\b(?:adres\w*|penazenk\w*)\s+(?:\w+\s+)?(?:bitcoin\w*|btc)\b|\bkryptomen\w*)",
         0.8f},
        // --- deadline ---
        {F::kDeadline,
         R"(\b(?:pocas|do|za|mate|mas|len|iba|v\s+priebehu|lehot\w*|najneskor\s+do)\s+(?:\w+\s+){0,2})" NUM
         R"(\s*)" UNIT R"(\b)",
         0.9f},
        {F::kDeadline,
         R"(\b(?:odpocet|odpocitavani\w*|casovac\w*|cas\s+bezi|cas\s+sa\s+krati|lehot\w*)\b)",
         0.5f},
        // --- anti-response ---
        {F::kAntiResponse,
         R"(\b(?:neodpovedajte|neodpovedaj|nepokusajte|nema\s+zmysel\s+odpovedat)\b|\bpolici\w*\s+(?:\w+\s+){0,8}(?:nepomoz\w*|nepomoh\w*|zbytocn\w*|nic\s+nezmoz\w*|nedokaz\w*))",
         0.8f},
        {F::kAntiResponse,
         R"(\b(?:budem\s+(?:\w+\s+)?vediet|dozviem\s+sa|dostanem\s+(?:\w+\s+)?upozornenie|uvidim)\b\s+(?:\w+\s+){0,8}(?:otvor\w*|otvar\w*|precit\w*|cita\w*))",
         0.8f},
        {F::kAntiResponse,
         R"(\b(?:nie\s+je\s+mozne|nemozne|nikto\s+nemoze)\s+(?:\w+\s+)?(?:vystopovat|dohladat|vysledovat)\b)",
         0.7f},
        // --- proof ---
        {F::kProof,
         R"(\b(?:vase|tvoje)\s+heslo\s*(?:je|znie|bolo|:)|\bpoznam\s+(?:\w+\s+)?(?:vase|tvoje)\s+heslo)",
         1.0f},
        // --- sent from your own account ---
        {F::kSelfSent, R"(\b(?:odoslan\w*|poslan\w*|napisan\w*|odoslal\w*|pisem)\s+(?:\w+\s+){0,4}(?:z|zo|cez)\s+(?:vasho|tvojho|vasej|tvojej|vlastn\w*)\s+(?:vlastn\w*\s+)?(?:\w+\s+)?(?:uct\w*|adres\w*|schrank\w*|e-?mail\w*|server\w*))",
         1.0f},
        {F::kSelfSent,
         R"(\b(?:z|zo)\s+(?:vasho|tvojho|vasej|tvojej)\s+(?:vlastn\w*\s+)?(?:e-?mailov\w*\s+)?(?:uct\w*|adres\w*|schrank\w*|server\w*))",
         0.8f},
        // --- corporate target ---
        {F::kCorporate,
         R"(\b(?:vas\w*|tvoj\w*)\s+(?:web(?:u|e|em|om|y|ov\w*|str\w*|sid\w*)?\b|strank\w*|firm\w*|spolocnost\w*|e-?shop\w*|obchod\w*|domen\w*|server\w*)\b|\bdatabaz\w*|\bvyhladavac\w*)",
         0.5f},
        {F::kCorporate, R"(\b(?:zakaznik\w*|klient\w*|dodavatel\w*|obchodn\w*\s+partner\w*)\b)",
         0.4f},
        {F::kPersonalData,
         R"(\b(?:osobn\w*\s+udaj\w*|bankov\w*\s+(?:uct\w*|udaj\w*)|kreditn\w*\s+kart\w*|platobn\w*\s+kart\w*|rodn\w*\s+cisl\w*|obciansk\w*\s+preukaz\w*|cestovn\w*\s+pas\w*)\b)",
         0.5f},
        // --- benign (weighs against) ---
        {F::kBenign,
         R"(\b(?:odhlasit\s+(?:sa\s+)?z\s+odberu|odhlasenie|zasady\s+ochrany|potvrdenie\s+o\s+(?:platbe|prijati)|faktur\w*|cislo\s+objednavky|id\s+transakcie|hash\s+transakcie|vyber\w*\s+prostriedkov)\b)",
         0.5f},
        {F::kBenign,
         R"(\b(?:nikdy\s+(?:vas\s+)?nebudeme\s+ziadat|nikdy\s+nepytame|seed\s+fraz\w*|obnovovac\w*\s+fraz\w*|tajn\w*\s+fraz\w*|zbierk\w*)\b)",
         0.6f},
        // --- advisory ---
        {F::kAdvisory,
         R"((?:\A|[.!:;\n*•>-]\s*)(?:neplatte|nic\s+neplatte)\b|\bide\s+o\s+(?:\w+\s+)?podvod\w*)",
         1.0f},
        {F::kAdvisory,
         R"(\b(?:utocnik|podvodnik|odosielatel|pachatel)\w*\s+(?:\w+\s+)?(?:tvrdi|vyhraza|poziada\w*)\b|\bpodvodn\w+\s+(?:e-?mail\w*|sprav\w*)|\bupozornenie\b)",
         0.9f},
};

#undef YOUR
#undef DEV
#undef AUD
#undef NUM
#undef UNIT

}  // namespace

std::span<const LexEntry> LexiconSk() { return kEntries; }

}  // namespace extortrace::detect
