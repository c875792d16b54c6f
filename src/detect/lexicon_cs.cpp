// Czech claim lexicon. Folded: every diacritic stripped ("přístup" ->
// "pristup", "zveřejním" -> "zverejnim", "dnů" -> "dnu"), so \b works. Past
// tense is the l-participle + "jsem/jsme" in either order ("hacknul jsem",
// "jsem nahrál"); nouns and possessives take \w* for the seven cases.
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define YOUR R"((?:vas|vase\w*|vasi\w*|vasem\w*|tvuj|tve\w*|tvoj\w*|tvou|tvym\w*|tvych))"
#define DEV \
  R"((?:zarizeni\w*|pocitac\w*|notebook\w*|telefon\w*|mobil\w*|smartphon\w*|ucet|uct\w*|e-?mail\w*|schrank\w*|post\w*|web\w*|strank\w*|server\w*|databaz\w*|sit\w*|system\w*|kamer\w*))"
#define AUD \
  R"((?:kontakt\w*|pratel\w*|znam\w*|rodin\w*|pribuzn\w*|koleg\w*|zamestnan\w*|zamestnavatel\w*|sef\w*|partner\w*|klient\w*|zakaznik\w*|dodavatel\w*|socialni\w*\s+sit\w*|internet\w*))"
#define NUM \
  R"((?:\d+|jeden|jedna|jednu|jednoho|dva|dve|dvou|tri|trech|ctyr\w*|pet|sedm|ctyriceti\s+osmi|dvaceti\s+ctyr\w*))"
#define UNIT R"((?:hodin\w*|hod\.?|dn[iuy]|den|dnech))"

constexpr LexEntry kEntries[] =
    {
        // --- compromise ---
        {F::kCompromise,
         R"(\b(?:hackl|hacknul|napadl|naboural|prolomil|infikoval|nakazil|ovladl|prevzal|ziskal\w*\s+(?:\w+\s+){0,2}pristup|nainstaloval)\w*\s+(?:\w+\s+){0,2}(?:jsem|jsme)\b|\b(?:jsem|jsme)\s+(?:\w+\s+){0,3}(?:hackl|hacknul|napadl|naboural|prolomil|infikoval|nakazil|ovladl|prevzal|ziskal\w*\s+(?:\w+\s+){0,2}pristup|nainstaloval)\w*)",
         1.0f},
        {F::kCompromise,
         R"(\b(?:pristup\w*|kontrol\w*)\s+(?:\w+\s+)?(?:k|ke|do|nad)\s+(?:vsem\s+|vsech\w*\s+)?)" YOUR
         R"(\s+(?:\w+\s+)?)" DEV,
         0.9f},
        {F::kCompromise,
         YOUR
         R"(\s+(?:\w+\s+){0,2})" DEV
         R"(\s+(?:\w+\s+){0,3}(?:byl\w*|je|jsou)\s+(?:\w+\s+)?(?:hacknut\w*|napaden\w*|infikovan\w*|kompromitovan\w*|prolomen\w*))",
         1.0f},
        {F::kCompromise,
         R"(\b(?:trojsk\w*\s+kon\w*|trojan\w*|malware|spyware|skodliv\w*\s+(?:software|program|kod)\w*|spionazn\w*\s+(?:software|program)\w*|vir(?:us|y|u|em)|keylogger\w*|zadni\w*\s+vrat\w*)\b)",
         0.6f},
        {F::kCompromise,
         R"(\b(?:jsem|jsme)\s+(?:\w+\s+)?(?:hacker\w*|programator\w*)\b|\bzranitelnost\w*|\bbezpecnostni\w*\s+(?:dir\w*|chyb\w*))",
         0.7f},
        {F::kCompromise,
         R"(\b(?:stahl|stahli|zkopiroval|odcizil|ukradl|vytahl|exportoval)\w*\s+(?:\w+\s+){0,3}(?:databaz\w*|dat\w*|soubor\w*|korespondenc\w*|kontakt\w*|dokument\w*))",
         0.8f},
        // --- recording ---
        {F::kRecording,
         R"(\b(?:udelal|porizil|sestrihal|pripravil)\w*\s+(?:\w+\s+){0,2}(?:jsem\s+|jsme\s+)?(?:\w+\s+)?(?:vide\w*|nahravk\w*|zaznam\w*|snimk\w*|klip\w*))",
         0.7f},
        {F::kRecording, R"(\b(?:nahral\w*|natocil\w*|zaznamenal\w*|nafilmoval\w*|zachytil\w*)\b)",
         0.8f},
        {F::kRecording,
         R"(\b(?:webkamer\w*|web\s+kamer\w*|kamer\w*)\s+(?:\w+\s+){0,8}(?:nahr\w*|natac\w*|natoc\w*|zapn\w*|aktiv\w*|snim\w*)|\b(?:zapnul|aktivoval)\w*\s+(?:\w+\s+){0,2}(?:web)?kamer\w*)",
         0.9f},
        {F::kRecording,
         R"(\b(?:video\w*|nahravk\w*|zaznam\w*|snimk\w*\s+obrazovky|fotk\w*)\s+(?:\w+\s+){0,3}(?:s\s+vami|s\s+tebou|kde\s+(?:vy|ty|se)|na\s+kter\w*\s+(?:vy|ty|se)|jak\s+(?:vy|ty|se)))",
         0.9f},
        {F::kRecording, R"(\b(?:webkamer\w*|nahravk\w*|videozaznam\w*|snimk\w*\s+obrazovky)\b)",
         0.3f},
        // --- adult content ---
        {F::kAdult,
         R"(\bporno\w*|\bpornograf\w*|\b(?:strank\w*|web\w*|obsah\w*|vide\w*)\s+pro\s+dospel\w*)",
         0.9f},
        {F::kAdult,
         R"(\b(?:masturb\w*|onan\w*|uspokojova\w*\s+(?:sam\w*|se)|uspokojoval\w*\s+(?:sam\w*|se)|honil\w*\s+si)\b)",
         1.0f},
        {F::kAdult,
         R"(\b(?:intimn\w*|explicitn\w*|kompromitujic\w*|oplzl\w*|necudn\w*)\s+(?:\w+\s+)?(?:video\w*|nahravk\w*|zaznam\w*|fotk\w*|fotograf\w*|obsah\w*|material\w*|chvil\w*|scen\w*)\b)",
         0.8f},
        {F::kAdult, R"(\b(?:sex(?:u|em|ualn\w*)|nah\w*\s+fotk\w*)\b)", 0.4f},
        // --- exposure threat ---
        {F::kExposure,
         R"(\b(?:dostan|dostal|uvid|uvidi|dozv|dozvi)\w*\s+(?:\w+\s+){0,3}(?:vsechn\w*\s+)?(?:vas\w*\s+|tv\w+\s+)?(?:kontakt|pratel|rodin|pribuzn|koleg|znam)\w*|\b(?:kontakt|pratel|rodin|pribuzn|koleg|znam)\w*\s+(?:\w+\s+){0,3}(?:dostan|dostal|uvid|dozv)\w*)",
         0.7f},
        {F::kExposure,
         R"(\b(?:poslu|posleme|rozeslu|rozesleme|preposlu|zverejnim|zverejnime|nasdilim|sdilim|rozsirim|prodam|prodame|ukazu|ukazeme|bude\s+(?:\w+\s+)?(?:zverejnen\w*|odeslan\w*|rozeslan\w*|prodan\w*)|budou\s+(?:\w+\s+)?(?:zverejnen\w*|odeslan\w*|rozeslan\w*|prodan\w*))\b)",
         0.7f},
        {F::kExposure,
         R"(\b(?:posl|rozesl|preposl|zverejn|sdil|nasdil|rozsir|ukaz|prodat|prodam)\w*\s+(?:\w+\s+){0,8}(?:vsem\s+|vsech\w*\s+)?(?:vas\w*\s+|tv\w+\s+)?)" AUD,
         1.0f},
        {F::kExposure,
         R"(\b(?:povest\w*|reputac\w*|karier\w*|zivot\w*|manzelstv\w*|podnikani\w*)\s+(?:\w+\s+){0,3}(?:zni\w*|zruin\w*|poskoz\w*|konec)|\b(?:znic|zruin|poskod|pokazi)\w*\s+(?:\w+\s+){0,3}(?:povest\w*|reputac\w*|karier\w*|zivot\w*|manzelstv\w*|rodin\w*|podnikani\w*))",
         0.9f},
        {F::kExposure,
         R"(\b(?:darknet\w*|dark\s?web\w*|temn\w*\s+web\w*|nejvyssi\w*\s+nabid\w*|tomu,?\s+kdo\s+(?:\w+\s+)?(?:nejvic|vic)\s+zaplati))",
         0.9f},
        {F::kExposure,
         R"(\b(?:verejne\s+dostupn\w*|verejnost\w*|vyhledavac\w*\s+(?:\w+\s+){0,4}(?:vyrad|zablok|odstran)\w*|cern\w*\s+listin\w*)\b)",
         0.6f},
        // --- payment demand ---
        {F::kPayment,
         R"(\b(?:zaplat|nezaplat|plat(?:it|te|i|ba|bu|by|bou)\b|preved|poslat|poslete|posli|vlozt|uhrad)\w*\s+(?:\w+\s+){0,6}(?:bitcoin\w*|btc|kryptomen\w*|penezenk\w*|adres\w*|€|\$|usd|eur|euro|korun\w*|kc|dolar\w*|\d))",
         0.8f},
        {F::kPayment,
         R"(\b(?:ekvivalent\w*\s+v\s+bitcoin\w*|v\s+bitcoin\w*|v\s+kryptomen\w*|zkopirujte\s+(?:\w+\s+)?a\s+vlozte|zkopiruj\s+(?:\w+\s+)?a\s+vloz|poplat\w*|cena\s+(?:je\s+)?(?:konecn\w*|nesmlouvav\w*)|nesmlouva\w*)\b)",
         0.6f},
        {F::kRelease,
         R"(\b(?:smazu|smazeme|odstranim|odstranime|znicim|znicime|vymazu|vymazeme|budou\s+(?:\w+\s+)?(?:smazan\w*|znicen\w*|odstranen\w*))\s+(?:\w+\s+){0,4}(?:vide\w*|nahravk\w*|zaznam\w*|dat\w*|vsechn\w*|material\w*|soubor\w*|kopi\w*))",
         0.6f},
        {F::kCrypto,
         R"(\b(?:bitcoin\w*|btc)\s*-?\s*(?:adres\w*|penezenk\w*)|\b(?:adres\w*|penezenk\w*)\s+(?:\w+\s+)?(?:bitcoin\w*|btc)\b|\bkryptomen\w*)",
         0.8f},
        // --- deadline ---
        {F::kDeadline,
         R"(\b(?:behem|do|za|mate|mas|jen|pouze|v\s+prubehu|lhut\w*|nejpozdeji\s+do)\s+(?:\w+\s+){0,2})" NUM
         R"(\s*)" UNIT R"(\b)",
         0.9f},
        {F::kDeadline,
         R"(\b(?:odpocet|odpocitavani|casovac\w*|cas\s+bezi|cas\s+se\s+krati|lhut\w*)\b)", 0.5f},
        // --- anti-response ---
        {F::kAntiResponse,
         R"(\b(?:neodpovidejte|neodpovidej|nepokousejte|nezkousejte|nema\s+smysl\s+odpovidat)\b|\bpolici\w*\s+(?:\w+\s+){0,8}(?:nepomu\w*|nepomoh\w*|nepomuz\w*|zbytecn\w*|nic\s+nezmu\w*))",
         0.8f},
        {F::kAntiResponse,
         R"(\b(?:budu\s+(?:\w+\s+)?vedet|dozvim\s+se|dostanu\s+(?:\w+\s+)?upozorneni|uvidim)\b\s+(?:\w+\s+){0,8}(?:otevr\w*|otevir\w*|precet\w*|precte\w*|cist))",
         0.8f},
        {F::kAntiResponse,
         R"(\b(?:nelze|nemozne|nikdo\s+nemuze)\s+(?:\w+\s+)?(?:vystopovat|dohledat|vysledovat)\b)",
         0.7f},
        // --- proof ---
        {F::kProof,
         R"(\b(?:vase|tvoje|tve)\s+heslo\s*(?:je|zni|bylo|:)|\bznam\s+(?:\w+\s+)?(?:vase|tvoje|tve)\s+heslo)",
         1.0f},
        // --- sent from your own account ---
        {F::kSelfSent,
         R"(\b(?:odeslan\w*|poslan\w*|napsan\w*|odeslal\w*|pisu)\s+(?:\w+\s+){0,4}(?:z|ze|pres)\s+(?:vaseho|tveho|vasi|tvoji|vlastni\w*)\s+(?:vlastni\w*\s+)?(?:\w+\s+)?(?:uct\w*|adres\w*|schrank\w*|e-?mail\w*|server\w*))",
         1.0f},
        {F::kSelfSent,
         R"(\bz\s+(?:vaseho|tveho|vasi|tvoji)\s+(?:vlastni\w*\s+)?(?:e-?mailov\w*\s+)?(?:uct\w*|adres\w*|schrank\w*|server\w*))",
         0.8f},
        // --- corporate target ---
        {F::kCorporate,
         R"(\b(?:vas\w*|tv\w+)\s+(?:web(?:u|e|em|om|y|ov\w*|str\w*|sid\w*)?\b|strank\w*|firm\w*|spolecnost\w*|e-?shop\w*|obchod\w*|domen\w*|server\w*)\b|\bdatabaz\w*|\bvyhledavac\w*)",
         0.5f},
        {F::kCorporate, R"(\b(?:zakaznik\w*|klient\w*|dodavatel\w*|obchodni\w*\s+partner\w*)\b)",
         0.4f},
        {F::kPersonalData,
         R"(\b(?:osobni\w*\s+udaj\w*|bankovni\w*\s+(?:uct\w*|udaj\w*)|kreditni\w*\s+kart\w*|platebni\w*\s+kart\w*|rodn\w*\s+cisl\w*|obcansk\w*\s+prukaz\w*|cestovni\w*\s+pas\w*)\b)",
         0.5f},
        // --- benign (weighs against) ---
        // Advisories that retell a scam: "do not pay", "it is a fraud", a CERT's warning.
        {F::kBenign,
         R"(\b(?:neplatte|jde\s+o\s+podvod\w*|podvodn\w*\s+(?:e-?mail|zprav)\w*|upozorneni\s+(?:\w+\s+){0,4}(?:bezpecnost\w*|policie)|nahlaste\s+(?:\w+\s+)?(?:jej|ho|je)?)\b)",
         0.9f},
        {F::kBenign,
         R"(\b(?:odhlasit\s+(?:se\s+)?z\s+odberu|odhlaseni|zasady\s+ochrany|potvrzeni\s+o\s+(?:platbe|prijeti)|faktur\w*|cislo\s+objednavky|id\s+transakce|hash\s+transakce|vyber\w*\s+prostredku)\b)",
         0.5f},
        {F::kBenign,
         R"(\b(?:nikdy\s+(?:vas\s+)?nebudeme\s+zadat|nikdy\s+nezadame|seed\s+fraz\w*|obnovovac\w*\s+fraz\w*|tajn\w*\s+fraz\w*|dar\w*\s+(?:na|pro)\s+\w+|sbirk\w*)\b)",
         0.6f},
        // --- advisory ---
        {F::kAdvisory,
         R"((?:\A|[.!:;\n*•>-]\s*)(?:neplatte|nic\s+neplatte)\b|\bjde\s+o\s+(?:\w+\s+)?podvod\w*)",
         1.0f},
        {F::kAdvisory,
         R"(\b(?:utocnik|podvodnik|odesilatel|pachatel)\w*\s+(?:\w+\s+)?(?:tvrdi|vyhrozuje|pozaduje)\b|\bpodvodn\w+\s+(?:e-?mail\w*|zprav\w*)|\bupozorneni\b)",
         0.9f},
        // --- plainly paraphrased letters ---
        {F::kCompromise,
         R"(\bmne\s+(?:\w+\s+){0,2}pustil\w*\s+dovnitr|\b(?:pres|skrze)\s+(?:vas|tvuj)\s+(?:router|modem|wifi)\b|\bvidim\s+vsechno\s*,?\s+co\s+(?:delate|delas)\b)",
         0.8f},
        {F::kRecording, R"(\b(?:pres|skrze|pomoci)\s+(?:vasi\s+|tvou\s+)?(?:web)?kamer\w*)", 0.7f},
        {F::kRecording,
         R"(\b(?:ulozen|schovan|nahran|zalohovan)\w*\s+(?:\w+\s+){0,3}na\s+(?:mem|nasem|jednom)\s+(?:\w+\s+)?(?:serveru|disku|pocitaci|cloudu))",
         0.8f},
        {F::kExposure,
         R"(\bkazdy\s*,?\s+koho\s+(?:znate|znas)\s*,?\s+(?:\w+\s+){0,2}(?:dostane|uvidi|obdrzi)\b|\bvsichni\s+(?:vasi\s+|tvoji\s+)?(?:znami|kontakty|pratele|kolegove|blizci)\s+(?:\w+\s+){0,2}(?:dostanou|uvidi|obdrzi)\b)",
         0.9f},
        {F::kRelease,
         R"(\bvsechno\s+smazu\b|\bsmazu\s+vsechno\b|\bvse\s+(?:bude|budou)\s+(?:smazan|odstranen|znicen)\w*)",
         0.7f},
        {F::kDeadline,
         R"(\b(?:mate|mas)\s+(?:\d+|jeden|jednu|dva|dve|tri|ctyri|pet)\s+(?:dny|dni|den|hodin\w*)\b)",
         0.9f},
        {F::kPayment, R"(\bplatbou\s+(?:\d|€|\$))", 0.9f},
};

#undef YOUR
#undef DEV
#undef AUD
#undef NUM
#undef UNIT

}  // namespace

std::span<const LexEntry> LexiconCs() { return kEntries; }

}  // namespace extortrace::detect
