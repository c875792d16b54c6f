// Hungarian claim lexicon. Folded: á é í ó ö ő ú ü ű lose their marks
// ("feltörtem" -> "feltortem", "hírnév" -> "hirnev", "elküldöm" ->
// "elkuldom"). Hungarian is agglutinative with free word order: person,
// possession and case are suffixes ("számítógépedet", "ismerőseidnek",
// "fiókodból"), so stems carry \w* tails, and threats are matched in both
// orders (verb before or after the audience).
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define DEV \
  R"((?:eszkoz\w*|szamitogep\w*|laptop\w*|telefon\w*|okostelefon\w*|fiok\w*|postafiok\w*|e-?mail\w*|level\w*|weboldal\w*|honlap\w*|webhely\w*|szerver\w*|adatbazis\w*|halozat\w*|rendszer\w*|kamera\w*|webkamera\w*))"
#define AUD \
  R"((?:ismeros\w*|kapcsolat\w*|barat\w*|csalad\w*|rokon\w*|kollega\w*|munkatars\w*|munkaltato\w*|fonok\w*|partner\w*|ugyfel\w*|vevo\w*|vasarlo\w*|beszallito\w*|kozossegi\s+(?:media|oldal)\w*|internet\w*))"
#define NUM R"((?:\d+|egy|ket|ketto|harom|negy|ot|het|huszonnegy|negyvennyolc|hetvenketto))"

constexpr LexEntry
    kEntries[] =
        {
            // --- compromise ---
            {F::kCompromise,
             R"(\b(?:feltort(?:em|uk)|meghackel(?:tem|tuk)|hackel(?:tem|tuk)|megfertoz(?:tem|tuk)|behatol(?:tam|tunk)|atvett(?:em|uk)\s+(?:\w+\s+)?(?:iranyitas|ellenorzes)\w*|hozzaferes\w*\s+(?:\w+\s+){0,2}(?:szereztem|szereztunk|kaptam|kaptunk|nyertem|nyertunk)|(?:szereztem|szereztunk|kaptam|nyertem)\s+(?:\w+\s+){0,2}hozzaferes\w*|hozzaferesem\s+van|hozzaferesunk\s+van)\b)",
             1.0f},
            {F::kCompromise,
             DEV
             R"(\s+(?:\w+\s+){0,3}(?:feltort\w*|fertozott\w*|fertozve|kompromittal\w*|megfertoz\w*|hackel\w*|feltor\w*)\b)",
             1.0f},
            {F::kCompromise, R"(\bhozzaferes\w*\s+(?:\w+\s+){0,3})" DEV, 0.9f},
            {F::kCompromise,
             R"(\b(?:trojai\w*|kartevo\w*|kartekony\w*|kemprogram\w*|virus(?:t|os|sal|ok)?\b|malware|spyware|keylogger\w*|hatso\s+ajto\w*)\b)",
             0.6f},
            {F::kCompromise,
             R"(\b(?:hacker\s+vagyok|hackerek\s+vagyunk|programozo\s+vagyok|(?:egy\s+)?(?:\w+\s+)?hacker\s+(?:csoport\w*|vagyok)|sebezhetoseg\w*|biztonsagi\s+res\w*)\b)",
             0.7f},
            {F::kCompromise,
             R"(\b(?:telepitett(?:em|unk)|telepitettem|elhelyezt(?:em|unk))\s+(?:\w+\s+){0,3}(?:virus\w*|trojai\w*|kartevo\w*|kemprogram\w*|program\w*|szoftver\w*|keylogger\w*)|\b(?:virus\w*|trojai\w*|kartevo\w*|kemprogram\w*|program\w*|szoftver\w*|keylogger\w*)\s+(?:\w+\s+){0,3}(?:telepitett(?:em|unk)|elhelyezt(?:em|unk)))",
             0.9f},
            {F::kCompromise,
             R"(\b(?:letoltott(?:em|uk)|lemasolt(?:am|uk)|ellopt(?:am|uk)|kimentett(?:em|uk))\s+(?:\w+\s+){0,3}(?:adatbazis\w*|adat\w*|fajl\w*|level\w*|kapcsolat\w*|dokumentum\w*)|\b(?:adatbazis\w*|adat\w*|fajl\w*|level\w*|kapcsolat\w*|dokumentum\w*)\s+(?:\w+\s+){0,3}(?:letoltott(?:em|uk)|lemasolt(?:am|uk)|ellopt(?:am|uk)|kimentett(?:em|uk)))",
             0.8f},
            // --- recording ---
            {F::kRecording,
             R"(\b(?:video\w*|felvetel\w*|kepernyokep\w*)\s+(?:\w+\s+){0,3}(?:keszitettem|keszitettunk|vagtam\s+ossze)\b|\b(?:keszitettem|keszitettunk)\s+(?:\w+\s+){0,3}(?:video\w*|felvetel\w*|kepernyokep\w*))",
             0.7f},
            {F::kRecording,
             R"(\b(?:lefilmeztem|lefilmeztelek|rogzitettem|rogzitettuk|felvettelek|felvettem\s+(?:\w+\s+){0,3}(?:video\w*|kamera\w*|mindent|ahogy|amint|amikor)))",
             0.8f},
            {F::kRecording,
             R"(\b(?:webkamera|kamera)\w*\s+(?:\w+\s+){0,8}(?:rogzit\w*|felvet\w*|bekapcsol\w*|aktival\w*|filmez\w*)|\b(?:bekapcsoltam|aktivaltam)\s+(?:\w+\s+){0,3}(?:web)?kamera\w*)",
             0.9f},
            {F::kRecording,
             R"(\b(?:video\w*|felvetel\w*|kepernyokep\w*)\s+(?:\w+\s+){0,3}(?:rolad|onrol|amin\s+(?:\w+\s+)?(?:on|te|lathato)|ahogy\s+(?:on|te|maga))\b)",
             0.9f},
            {F::kRecording, R"(\b(?:webkamera\w*|kepernyokep\w*|videofelvetel\w*)\b)", 0.3f},
            // --- adult content ---
            {F::kAdult,
             R"(\bporno\w*|\bpornograf\w*|\bfelnott\w*\s+(?:\w+\s+)?(?:oldal|tartalom|tartalm|video|weboldal|film)\w*|\bfelnotteknek\s+szolo\w*)",
             0.9f},
            {F::kAdult,
             R"(\b(?:maszturb\w*|onkielegit\w*|kielegit\w*\s+(?:\w+\s+)?(?:magat|magad|sajat\s+magat)|(?:magat|magad)\s+(?:\w+\s+)?kielegit\w*|onkieleg\w*)\b)",
             1.0f},
            {F::kAdult,
             R"(\b(?:intim\w*|szexualis\w*|kompromittalo\w*|illetlen\w*|eroti\w*|kinos\w*)\s+(?:\w+\s+)?(?:video\w*|felvetel\w*|kep\w*|foto\w*|tartalm\w*|tartalom|anyag\w*|pillanat\w*|jelenet\w*)\b)",
             0.8f},
            {F::kAdult, R"(\b(?:szex\w*|meztelen\w*|pucer\w*)\b)", 0.4f},
            // --- exposure threat ---
            {F::kExposure,
             R"(\b(?:elkuld(?:om|juk)|kuldom\s+el|kuldjuk\s+el|kozzeteszem|kozzetesszuk|nyilvanossagra\s+hoz(?:om|zuk)|megoszt(?:om|juk)|szetkuld(?:om|juk)|terjeszt(?:em|juk)|elad(?:om|juk)|kiszivarogtat(?:om|juk)|meg(?:mutat|mutatom)\w*|el\s+lesz\s+kuldve|nyilvanos\s+lesz|kozze\s+lesz\s+teve)\b)",
             0.7f},
            {F::kExposure,
             R"(\b(?:elkuld|kuld|kozzete|megoszt|szetkuld|terjeszt|elad|nyilvanossagra|eljuttat|tovabbit)\w*\s+(?:\w+\s+){0,8}(?:osszes\s+|minden\s+|valamennyi\s+)?)" AUD,
             1.0f},
            {F::kExposure,
             AUD
             R"(\s+(?:\w+\s+){0,4}(?:elkuld\w*|kuldom\w*|kuldjuk\w*|megkap\w*|latni\s+fog\w*|eljuttat\w*|tovabbit\w*|szetkuld\w*))",
             0.9f},
            {F::kExposure,
             R"(\b(?:hirnev\w*|jo\s+hir\w*|karrier\w*|hazassag\w*|elet\w*|uzlet\w*|csalad\w*)\s+(?:\w+\s+){0,3}(?:tonkre\w*|romba\w*|veszelybe\w*|osszeomlik)|\btonkreteszem\b|\blegtobbet\s+(?:\w+\s+)?(?:ker|fizet|ajanl)\w*|\bdarknet\w*|\bdark\s?web\w*|\bsotet\s+web\w*)",
             0.9f},
            {F::kExposure,
             R"(\b(?:nyilvanossag\w*|mindenki\s+szamara\s+(?:elerheto|lathato)|keresomotor\w*\s+(?:\w+\s+){0,4}(?:tilt|torol|kizar|feketelist)\w*|feketelist\w*)\b)",
             0.6f},
            // --- payment demand ---
            {F::kPayment,
             R"(\b(?:fizet|utal|atutal|kuld|befizet)\w*\s+(?:\w+\s+){0,6}(?:bitcoin\w*|btc|kripto\w*|tarca\w*|penztarca\w*|cim\w*|€|\$|usd|eur|euro\w*|dollar\w*|forint\w*|\d))",
             0.8f},
            {F::kPayment, R"((?:€|\$|\busd|\beur\w*|\bdollar\w*|\bforint\w*|\bbtc|\bbitcoin\w*|\b\d[\d.,]*)\s+(?:\w+\s+){0,5}(?:fizess\w*|fizessen|fizetn\w*|utald|utalja|utalj\w*|kuldj\w*|kuldd|kuldje|kuldjon)\b)",
             0.8f},
            {F::kPayment,
             R"(\b(?:bitcoin\w*\s+(?:ertek\w*|egyenertek\w*)|bitcoinban|masold\s+(?:ki\s+)?(?:es\s+)?illeszd|masolja\s+(?:ki\s+)?es\s+illessze|az\s+ar\s+nem\s+alku\w*|nem\s+alku\s+targya|fix\s+ar\w*)\b)",
             0.6f},
            {F::kRelease,
             R"(\b(?:toro?l(?:om|juk)|megsemmisit(?:em|juk)|eltavolit(?:om|juk)|torolni\s+fog(?:om|juk)|torolve\s+lesz|torlesre\s+kerul)\b)",
             0.6f},
            {F::kCrypto,
             R"(\bbitcoin\s*-?\s*(?:cim|tarca|penztarca)\w*|\b(?:btc|bitcoin)\s+(?:cim|tarca)\w*|\bkriptovalut\w*|\bkriptopenz\w*)",
             0.8f},
            // --- deadline ---
            {F::kDeadline,
             NUM
             R"(\s*-?\s*(?:ora|nap)\w*\s+(?:\w+\s+){0,2}(?:belul|alatt|van|all\s+rendelkez\w*|ido\w*|hatarido\w*|mulva|marad\w*)\b)",
             0.9f},
            {F::kDeadline,
             R"(\b(?:van|csak|meg|kapsz|kap|adok|adunk)\s+(?:\w+\s+)?)" NUM
             R"(\s*-?\s*(?:ora|nap)\w*)",
             0.9f},
            {F::kDeadline,
             R"(\b(?:visszaszamlal\w*|idozito\w*|hatarido\w*|ketyeg\w*|az\s+ido\s+(?:fogy|lejar)\w*)\b)",
             0.5f},
            // --- anti-response ---
            {F::kAntiResponse,
             R"(\bne\s+(?:valaszolj\w*|valaszoljon|probald|probalja|probalj\w*|irj\w*\s+vissza)\b|\b(?:valaszolni|valaszolnod|valaszolnia)\s+(?:\w+\s+)?(?:felesleges|ertelmetlen|nincs\s+ertelme)|\brendorseg\w*\s+(?:\w+\s+){0,8}(?:nem\s+tud\w*|nem\s+segit\w*|felesleges|hiabavalo|ertelmetlen|tehetetlen))",
             0.8f},
            {F::kAntiResponse,
             R"(\b(?:tudni\s+fogom|ertesitest\s+kapok|ertesulok|latni\s+fogom|tudomast\s+szerzek)\s+(?:\w+\s+){0,8}(?:megnyit|elolvas|olvas)\w*|\b(?:megnyit|elolvas)\w*\s+(?:\w+\s+){0,6}(?:ertesitest\s+kapok|tudni\s+fogom|ertesulok|latni\s+fogom))",
             0.8f},
            {F::kAntiResponse,
             R"(\b(?:nem\s+lehet\s+(?:\w+\s+)?(?:nyomon\s+kovetni|lenyomozni|visszakovetni)|lenyomozhatatlan\w*|nyomonkovethetetlen\w*)\b)",
             0.7f},
            // --- proof ---
            {F::kProof,
             R"(\b(?:jelszavad|jelszava|jelszavat)\s*(?::|=|-|ez|az\s+volt|volt|a\s+kovetkezo)|\b(?:ismerem|tudom)\s+(?:a\s+)?(?:\w+\s+)?jelszav\w*)",
             1.0f},
            // --- sent from your own account ---
            {F::kSelfSent,
             R"(\b(?:fiok|postafiok|e-?mail\s*-?\s*cim|cim|szerver)(?:od|ad|ed|ja|je|a|e|uk)(?:bol|rol|bol|rol)\s+(?:\w+\s+){0,3}(?:kuld|ir)\w*)",
             1.0f},
            {F::kSelfSent,
             R"(\bsajat\s+(?:\w+\s+){0,2}(?:fiok|postafiok|cim|szerver|e-?mail)\w*\s+(?:\w+\s+){0,3}(?:kuld|ir)\w*)",
             0.8f},
            // --- corporate target ---
            {F::kCorporate,
             R"(\b(?:weboldal|honlap|ceg|vallalat|webaruhaz|webshop|vallalkozas)(?:od|ad|ed|uk|unk|a|e|aitok|etek|atok|etek|anak|enek)\w*|\badatbazis\w*|\bkereso\s*motor\w*)",
             0.5f},
            {F::kCorporate, R"(\b(?:ugyfel\w*|vasarlo\w*|beszallito\w*|uzleti\s+partner\w*)\b)",
             0.4f},
            {F::kPersonalData,
             R"(\b(?:szemelyes\s+adat\w*|bankszamla\w*|bankkartya\w*|hitelkartya\w*|szemelyi\s+igazolvany\w*|taj\s*-?szam\w*|adoazonosito\w*|utlevel\w*)\b)",
             0.5f},
            // --- benign (weighs against) ---
            {F::kBenign,
             R"(\b(?:leiratkoz\w*|adatvedelmi\s+(?:tajekoztato|iranyelv)\w*|nyugta\w*|szamla\w*|rendelesszam\w*|rendeles\s+szama|tranzakcio\s*(?:azonosito|hash)\w*|kifizetes\w*|jovairt\w*)\b)",
             0.5f},
            {F::kBenign,
             R"(\b(?:soha\s+nem\s+kerjuk|soha\s+nem\s+kerjuk\s+el|helyreallitasi\s+(?:kifejezes|mondat)\w*|seed\s+(?:kifejezes|mondat)\w*|titkos\s+kifejezes\w*|adomany\w*|gyujtes\w*|nyeremenyjatek\w*)\b)",
             0.6f},
};

#undef DEV
#undef AUD
#undef NUM

}  // namespace

std::span<const LexEntry> LexiconHu() { return kEntries; }

}  // namespace extortrace::detect
