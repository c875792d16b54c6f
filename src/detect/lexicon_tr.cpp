// Turkish claim lexicon. Folded: ç ğ ö ş ü lose their marks ("gönderdim" ->
// "gonderdim", "şifre" -> "sifre"), dotted İ becomes i, but the dotless ı has
// no decomposition and stays ı, while a capital I folds to i: so ı is written
// I_ = (?:ı|i). Turkish is agglutinative: possessives and cases are suffixes
// ("bilgisayarınıza", "hesabınızdan"), so stems carry \w* tails; verbs are
// matched by stem + tense/person suffix (-dım "I did", -acağım "I will").
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define I_ "(?:ı|i)"
#define DEV \
  R"((?:cihaz\w*|bilgisayar\w*|laptop\w*|telefon\w*|hesab\w*|hesap\w*|e-?posta\w*|mail\w*|posta\s+kutu\w*|web\s+site\w*|site\w*|sunucu\w*|veritaban\w*|ag\w*|sistem\w*|kamera\w*|webcam\w*))"
#define AUD                                                                                        \
  R"((?:kisi\w*|rehber\w*|arkadas\w*|aile\w*|akraba\w*|meslektas\w*|cal)" I_                       \
  R"(san\w*|patron\w*|musteri\w*|tedarikci\w*|is\s+ortak\w*|sosyal\s+medya\w*|internet\w*|tan)" I_ \
  R"(d)" I_ R"(g\w*))"
#define NUM R"((?:\d+|bir|iki|uc|dort|bes|yedi|yirmi\s+dort|k)" I_ R"(rk\s+sekiz|yetmis\s+iki))"

constexpr LexEntry kEntries[] = {
    // --- compromise ---
    {F::kCompromise,
     R"(\b(?:hack'?led)" I_ R"(m\w*|hack'?ledik\w*|ele\s+gecird)" I_
     R"(m\w*|ele\s+gecirdik\w*|s)" I_ R"(zd)" I_ R"(m|s)" I_ R"(zd)" I_ R"(k|bulast)" I_ R"(rd)" I_
     R"(m|enfekte\s+ett)" I_ R"(m|erisim\s+(?:\w+\s+){0,2}(?:sagla|elde\s+et)\w*|erisim)" I_
     R"(m\s+var|erisimim\s+var)\b)",
     1.0f},
    {F::kCompromise,
     DEV R"(\s+(?:\w+\s+){0,3}(?:hack'?len\w*|ele\s+gecir)" I_
         R"(ld\w*|enfekte\s+ol\w*|virus\w*\s+bulas\w*|tehlikeye\s+at)" I_ R"(ld\w*))",
     1.0f},
    {F::kCompromise,
     R"(\b(?:truva\s+at)" I_ R"(|trojan\w*|kotu\s+amacl)" I_ R"(\s+(?:yaz)" I_ R"(l)" I_
     R"(m|kod|program)\w*|casus\s+(?:yaz)" I_ R"(l)" I_
     R"(m|program)\w*|virus\w*|keylogger\w*|arka\s+kap)" I_ R"(|malware|spyware))",
     0.6f},
    {F::kCompromise,
     R"(\b(?:ben\s+(?:bir\s+)?(?:\w+\s+)?(?:hacker)" I_ R"(m|hacker|programc)" I_ R"())|hacker)" I_
     R"(m\b|\bguvenlik\s+ac)" I_ R"(g\w*|\bzafiyet\w*)",
     0.7f},
    {F::kCompromise,
     R"(\b(?:yukled)" I_ R"(m|kurdum|yerlestird)" I_ R"(m)\s+(?:\w+\s+){0,3}(?:virus|trojan|yaz)" I_
     R"(l)" I_ R"(m|program|keylogger)\w*|\b(?:virus|trojan|yaz)" I_ R"(l)" I_
     R"(m|program|keylogger)\w*\s+(?:\w+\s+){0,3}(?:yukled)" I_ R"(m|kurdum|yerlestird)" I_ R"(m))",
     0.9f},
    {F::kCompromise,
     R"(\b(?:veritaban\w*|veri\w*|dosya\w*|yaz)" I_
     R"(sma\w*|kisi\w*|belge\w*)\s+(?:\w+\s+){0,3}(?:indird)" I_ R"(m|indirdik|kopyalad)" I_
     R"(m|kopyalad)" I_ R"(k|cald)" I_ R"(m|cald)" I_ R"(k|aktard)" I_ R"(m|aktard)" I_ R"(k))",
     0.8f},
    // --- recording ---
    {F::kRecording,
     R"(\b(?:video\w*|kay)" I_ R"(t\w*|ekran\s+goruntu\w*)\s+(?:\w+\s+){0,2}(?:haz)" I_ R"(rlad)" I_
     R"(m|yapt)" I_ R"(m|olusturdum|kurgulad)" I_ R"(m)\b)",
     0.7f},
    {F::kRecording,
     R"(\b(?:kaydett)" I_ R"(m|kaydettik|cekt)" I_ R"(m|filme\s+ald)" I_ R"(m|kayda\s+ald)" I_
     R"(m|kaydet(?:meye|t)\w*))",
     0.8f},
    {F::kRecording,
     R"(\b(?:kamera\w*|webcam\w*)\s+(?:\w+\s+){0,8}(?:kay)" I_ R"(t\w*|kayd\w*|cek\w*|ac)" I_
     R"(l\w*|act)" I_ R"(m|etkinlestir\w*|aktif\w*))",
     0.9f},
    {F::kRecording,
     R"(\b(?:video\w*|kay)" I_ R"(t\w*|goruntu\w*|ekran\s+goruntu\w*)\s+(?:\w+\s+){0,4}(?:siz)" I_
     R"(n|sen)" I_ R"(n|kendinizi|kendini)\b)",
     0.7f},
    {F::kRecording,
     R"(\b(?:webcam\w*|ekran\s+goruntu\w*|video\s+kayd\w*|video\s+kay)" I_ R"(t\w*)\b)", 0.3f},
    // --- adult content ---
    {F::kAdult,
     R"(\bporno\w*|\bpornograf\w*|\byetiskin\w*\s+(?:\w+\s+)?(?:site|icerik|video|film)\w*|\b(?:\+18|18\+)\s+(?:site|icerik|video)\w*)",
     0.9f},
    {F::kAdult, R"(\b(?:masturbasyon\w*|kendi\w*\s+(?:\w+\s+)?tatmin\w*|otuzbir\w*))", 1.0f},
    {F::kAdult,
     R"(\b(?:mahrem\w*|mustehcen\w*|utan)" I_
     R"(lacak|uygunsuz|cinsel|erotik)\w*\s+(?:\w+\s+)?(?:video\w*|goruntu\w*|foto\w*|icerik\w*|an\w*|kay)" I_
     R"(t\w*|kayd\w*|sahne\w*))",
     0.8f},
    {F::kAdult, R"(\b(?:seks\w*|cinsel\w*|ciplak\w*|c)" I_ R"(plak\w*))", 0.4f},
    // --- exposure threat ---
    {F::kExposure,
     R"(\b(?:gonderece\w*|gondereceg\w*|yollayaca\w*|paylasaca\w*|yay)" I_
     R"(nlayaca\w*|ifsa\s+edece\w*|s)" I_ R"(zd)" I_
     R"(raca\w*|sataca\w*|gosterece\w*|gonderil\w*ecek\w*|yay)" I_ R"(nlanacak\w*|paylas)" I_
     R"(lacak\w*|ifsa\s+olacak\w*))",
     0.7f},
    {F::kExposure,
     AUD R"(\s+(?:\w+\s+){0,6}(?:gonder|yolla|paylas|yay)" I_ R"(nla|ifsa|dagit|goster|ulast)" I_
         R"(r)\w*)",
     1.0f},
    {F::kExposure,
     R"(\b(?:itibar\w*|kariyer\w*|hayat)" I_ R"(n\w*|evlilig\w*|is)" I_ R"(n)" I_
     R"(z\w*)\s+(?:\w+\s+){0,3}(?:mahved\w*|yok\s+ed\w*|bitir\w*|zarar\w*|son\s+bul\w*)|\ben\s+yuksek\s+teklif\w*|\bdarknet\w*|\bdark\s?web\w*|\bkaranl)" I_
     R"(k\s+ag\w*)",
     0.9f},
    {F::kExposure,
     R"(\b(?:kamuya\s+acikla\w*|kamuoyu\w*|herkese\s+ac)" I_
     R"(k|arama\s+motor\w*\s+(?:\w+\s+){0,4}(?:kald)" I_
     R"(r|engel|kara\s+liste)\w*|kara\s+liste\w*))",
     0.6f},
    // --- payment demand ---
    {F::kPayment,
     R"(\b(?:ode|odey|odem|gonder|yolla|yat)" I_
     R"(r)\w*\s+(?:\w+\s+){0,6}(?:bitcoin\w*|btc|kripto\w*|cuzdan\w*|adres\w*|\$|€|usd|eur|euro\w*|dolar\w*|tl|\d))",
     0.8f},
    {F::kPayment,
     R"((?:\$|€|\busd|\beur\w*|\bdolar\w*|\bbtc|\bbitcoin\w*|\b\d[\d.,]*)\s+(?:\w+\s+){0,5}(?:odeme\w*\s+yap\w*|ode(?:y|mez|meniz)\w*|gonder(?:in|meniz|men|\b)\w*|yolla(?:y|man|\b)\w*|transfer\s+et\w*|yat)" I_
     R"(r(?:ma|)\w*))",
     0.8f},
    {F::kPayment,
     R"(\b(?:bitcoin\s+karsil)" I_
     R"(g\w*|bitcoin\s+cinsinden|bitcoin\s+olarak|kopyala\w*\s+(?:ve\s+)?yap)" I_ R"(st)" I_
     R"(r\w*|pazarl)" I_ R"(k\s+(?:yok|yap)" I_ R"(lmaz)|pazarl)" I_
     R"(k\s+konusu\s+degil|ucret\w*))",
     0.6f},
    {F::kRelease,
     R"(\b(?:silece\w*|silinecek\w*|yok\s+edece\w*|imha\s+edece\w*|kald)" I_
     R"(raca\w*|silerim|sileriz))",
     0.6f},
    {F::kCrypto,
     R"(\bbitcoin\s+(?:cuzdan|adres)\w*|\bbtc\s+(?:cuzdan|adres)\w*|\bkripto\s*para\w*|\bkripto\w*)",
     0.8f},
    // --- deadline ---
    {F::kDeadline,
     NUM R"(\s*-?\s*(?:saat|gun)\w*\s+(?:\w+\s+){0,2}(?:icinde|icerisinde|sure\w*|zaman)" I_
         R"(n)" I_ R"(z\w*|vaktin\w*|var\b|kald)" I_ R"(\w*|once\w*))",
     0.9f},
    {F::kDeadline,
     R"(\b(?:geri\s+say)" I_ R"(m\w*|zamanlay)" I_ R"(c)" I_
     R"(\w*|son\s+tarih\w*|sure\w*\s+(?:dolu|basla|isle)\w*|zaman\s+daral\w*))",
     0.6f},
    // --- anti-response ---
    {F::kAntiResponse,
     R"(\b(?:yan)" I_ R"(t\s+vermey\w*|yan)" I_
     R"(t\s+verme\b|cevap\s+vermey\w*|cevap\s+verme\b|yan)" I_
     R"(tlamay\w*|cevaplamay\w*|beni\s+aramay\w*)|\bpolis\w*\s+(?:\w+\s+){0,8}(?:yard)" I_
     R"(m\s*c)" I_ R"(\s+olamaz|yard)" I_ R"(m\s+edemez|ise\s+yaramaz|faydas)" I_
     R"(z|bir\s+sey\s+yapamaz|yapamaz))",
     0.8f},
    {F::kAntiResponse,
     R"(\b(?:act)" I_ R"(g|ac)" I_ R"(ld)" I_
     R"(g|okudug|okundug)\w*\s+(?:\w+\s+){0,4}(?:bildirim\w*|haberim\w*|bilece\w*|anlayaca\w*|gorece\w*))",
     0.8f},
    {F::kAntiResponse,
     R"(\b(?:takip\s+edilemez|izlenemez|iz\s+surulemez|izimi\s+bulamaz\w*|beni\s+bulamaz\w*))",
     0.7f},
    // --- proof ---
    {F::kProof,
     R"(\b(?:sifre|parola)n)" I_ R"(z\s*(?::|=|-)|\b(?:sifre|parola)n)" I_
     R"(z\s+(?:su|budur|sudur)\b|\b(?:sifre|parola)\w*\s+(?:\w+\s+)?biliyorum)",
     1.0f},
    // --- sent from your own account ---
    {F::kSelfSent,
     R"(\b(?:kendi|sizin|senin)\s+(?:\w+\s+){0,2}(?:hesab|adres|kutu|sunucu|e-?posta)\w*\s+(?:\w+\s+){0,3}(?:gonder|yolla|yaz)\w*)",
     1.0f},
    {F::kSelfSent,
     R"(\b(?:hesab|adres|kutu|sunucu)\w*(?:dan|den)\s+(?:\w+\s+){0,2}gonder(?:il|d)\w*)", 0.8f},
    // --- corporate target ---
    {F::kCorporate,
     R"(\b(?:web\s+site(?:n)" I_ R"(z|si|niz)\w*|siten)" I_
     R"(z\w*|sirket\w*|veritaban\w*|arama\s+motor\w*|online\s+magaza\w*))",
     0.5f},
    {F::kCorporate, R"(\b(?:musteri\w*|tedarikci\w*|is\s+ortak\w*|firma\w*))", 0.4f},
    {F::kPersonalData,
     R"(\b(?:kisisel\s+veri\w*|kimlik\s+(?:bilgi|numara|kart)\w*|banka\s+(?:hesap|bilgi|kart)\w*|kredi\s+kart)" I_
     R"(\w*|tc\s+kimlik\w*|pasaport\w*))",
     0.5f},
    // --- benign (weighs against) ---
    {F::kBenign,
     R"(\b(?:abonelikten\s+c)" I_
     R"(k\w*|gizlilik\s+politika\w*|makbuz\w*|fatura\w*|siparis\s+numara\w*|islem\s+(?:kimli|numara|hash)\w*|txid|para\s+cekme\w*))",
     0.5f},
    {F::kBenign,
     R"(\b(?:asla\s+(?:sizden\s+)?(?:sifre|parola)\w*|kurtarma\s+ifade\w*|gizli\s+ifade\w*|seed\s+ifade\w*|cekilis\w*|bagis\w*))",
     0.6f},
    // --- plainly paraphrased letters ---
    {F::kCompromise,
     R"(\bbeni\s+(?:ic|ı)eri\s+ald\w*|\b(?:yapt(?:i|ı)g(?:i|ı)n(?:i|ı)z|yapt(?:i|ı)g(?:i|ı)n)\s+her\s+seyi\s+(?:\w+\s+){0,3}gor(?:u|ü)yorum\b)",
     0.8f},
    {F::kRecording, R"(\bkamera\s+dahil\b|\bkameran(?:i|ı)z(?:dan|la)\b)", 0.7f},
    {F::kRecording,
     R"(\bsunucum(?:da|a)\s+(?:\w+\s+)?(?:saklan\w*|kay(?:i|ı)tl\w*|duruyor|yuklend\w*))", 0.8f},
    {F::kExposure,
     R"(\btan(?:i|ı)d(?:i|ı)g(?:i|ı)n(?:i|ı)z\s+herkes\s+(?:\w+\s+){0,3}(?:alacak|gorecek|ogrenecek)\b)",
     0.9f},
    {F::kRelease, R"(\bher\s+seyi\s+silerim\b|\bher\s+sey\s+silinecek\b)", 0.7f},
    {F::kDeadline, R"(\b(?:\d+|bir|iki|uc|dort|bes)\s+gun(?:unuz|un)\s+var\b)", 0.9f},
};

#undef I_
#undef DEV
#undef AUD
#undef NUM

}  // namespace

std::span<const LexEntry> LexiconTr() { return kEntries; }

}  // namespace extortrace::detect
