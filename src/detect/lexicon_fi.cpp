// Finnish claim lexicon. Finnish inflects nouns in ~15 cases and glues the
// possessive to them ("tietokoneeseesi" = into your computer, "yhteystiedoillesi"
// = to your contacts), so nouns are stems with \w* tails and verbs are listed by
// their first-person, past and passive stems. Word order is free: pairs are
// matched both ways. Folded: "ä" -> "a", "ö" -> "o" ("lähetän" -> "lahetan").
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

// Something the recipient owns, with the possessive suffix (-si, -nne) on any case.
#define DEV \
  R"((?:laitt?e\w*|tietokon\w*|kone\w*|puhelim?\w*|alypuhelim?\w*|tili\w*|sahkopost\w*|postilaatik\w*|verkkosivu\w*|sivusto\w*|kotisivu\w*|palvelim?\w*|tietokan\w*|verkko\w*|jarjestelm\w*|kamera\w*|web-?kamera\w*|webcam\w*)(?:si|nne)\b)"
#define HACK \
  R"((?:hakkeroi\w*|murtau\w*|murtaut\w*|tartutt\w*|saastutt\w*|kaappa\w*|kaapann\w*|otin\s+hallin\w*|ottanut\s+hallin\w*|otimme\s+hallin\w*|sain\s+paasyn|saanut\s+paasyn|saimme\s+paasyn|asensin|asentanut|asensimme|varastin|varastanut|varastimme|latasin|ladannut|latasimme|kopioin|kopioinut|kopioimme))"
#define AUD \
  R"((?:yhteystie\w*|kontakt\w*|ystav\w*|kaver\w*|perhe\w*|perhee\w*|sukulai\w*|tuttav\w*|laheisi\w*|tyotover\w*|kolleg\w*|tyonantaj\w*|esimie\w*|asiakka\w*|asiakkai\w*|kumppan\w*|kaikille|sosiaalise\w*\s+medi\w*|somee\w*|internetiin|nettiin|julkisuuteen))"
// First person, "-maan" after a future ("aion lähettämään") and the passive of the
// leaking verbs; never the imperative ("jaa ystävillesi" is a newsletter's line).
#define SPREAD \
  R"((?:lahetan|lahetamme|lahettamaan|julkaisen|julkaisemme|julkaisemaan|julkaistaan|jaan|jaamme|jakamaan|levitan|levitamme|levittamaan|levitetaan|vuodan|vuodamme|vuotamaan|vuodetaan|myyn|myymme|myymaan|myydaan|paljastan|paljastamme|paljastamaan|paljastetaan))"

constexpr LexEntry kEntries[] = {
    {F::kCompromise, HACK R"(\s+(?:\S+\s+){0,4})" DEV, 1.0f},
    {F::kCompromise,
     DEV
     R"(\s+(?:\S+\s+){0,3}(?:hakkeroitu|hakkeroitiin|murrettu|murrettiin|saastunut|saastutettu|tartutettu|kaapattu|kaapattiin|vaarantunut|vaarannettu))",
     1.0f},
    {F::kCompromise,
     R"(\b(?:minulla\s+on|meilla\s+on|sain|saimme|saanut|saaneet)\s+(?:\S+\s+){0,2}(?:paasy\w*|taysi\s+paasy\w*|hallin\w*|kontrolli\w*)\s+(?:\S+\s+){0,3})" DEV,
     0.9f},
    {F::kCompromise,
     R"(\b(?:olen|olemme)\s+(?:\S+\s+){0,3}(?:hakkeroinut|hakkeroineet|murtautunut|murtautuneet|tartuttanut|saastuttanut|asentanut|asentaneet|saanut\s+paasyn|saaneet\s+paasyn))",
     1.0f},
    {F::kCompromise,
     R"(\b(?:troijalai\w*|troijan\s+hevo\w*|haittaohjelm\w*|vakoiluohjelm\w*|nappainloggeri\w*|takaov\w*|viruksen|viruksell\w*)\b)",
     0.6f},
    {F::kCompromise,
     R"(\b(?:olen|olemme)\s+(?:\S+\s+)?(?:hakkeri|hakkereita|ohjelmoija)\b|\bhaavoittuvuu\w*)",
     0.7f},
    {F::kRecording,
     R"(\b(?:nauhoitin|nauhoitimme|nauhoittanut|nauhoitettu|nauhoite\w*|kuvasin|kuvasimme|kuvannut|videoin|videoinut|tallensin\s+(?:\S+\s+){0,3}video\w*|kuvakaappauks\w*)\b)",
     0.8f},
    {F::kRecording,
     R"(\b(?:web-?kamera\w*|kamera\w*|webcam\w*)\s+(?:\S+\s+){0,8}(?:paalle|kayntiin|aktivoi\w*|nauhoit\w*|tallent\w*|kuvas\w*|kuvan\w*))",
     0.9f},
    {F::kRecording,
     R"(\b(?:video\w*|tallent\w*|nauhoit\w*)\s+(?:\S+\s+){0,3}(?:sinusta|jossa\s+(?:sina|sa)|kun\s+(?:sina|sa))\b)",
     0.9f},
    {F::kAdult,
     R"(\bporno\w*|\baikuisviihte\w*|\baikuis(?:sivu|sisal|video)\w*|\bseksisivu\w*|\bitsetyydy\w*|\bmasturboi\w*|\brunkk\w*|\btyydyttamassa\s+itse\w*|\bintiim\w*\s+(?:video\w*|kuv\w*|tallent\w*))",
     0.9f},
    {F::kExposure, SPREAD R"(\s+(?:\S+\s+){0,8})" AUD, 1.0f},
    {F::kExposure, AUD R"(\s+(?:\S+\s+){0,8})" SPREAD, 0.8f},
    // The material as the subject of a passive: "video lähetetään kaikille tuttavillesi".
    {F::kExposure,
     R"(\b(?:video\w*|tallent\w*|nauhoit\w*|kuva\w*|tiedo\w*|tietokan\w*|data\w*)\s+(?:\S+\s+){0,3}(?:lahetetaan|jaetaan|julkaistaan|levitetaan|vuodetaan|myydaan|paljastetaan)\b)",
     0.8f},
    {F::kExposure,
     R"(\b(?:aion|aiomme|tulen|tulemme|joudun|joudumme)\s+(?:\S+\s+){0,3}(?:julkaise\w*|julkista\w*|levitta\w*|vuotama\w*|myyma\w*|paljastama\w*))",
     0.7f},
    {F::kExposure,
     R"(\b(?:tuhoan|tuhoamme|pilaan|pilaamme|vahingoitan)\s+(?:\S+\s+){0,3}(?:maine\w*|uras\w*|uran\w*|elamas\w*)|\b(?:maine\w*|uras\w*)\s+(?:\S+\s+){0,3}(?:tuhoutuu|menee|pilalla|mennytta)|\beniten\s+tarjoavalle\b)",
     0.9f},
    {F::kExposure, R"(\bhakukone\w*\s+(?:\S+\s+){0,6}(?:mustalle\s+listalle|poist\w*|katoa\w*))",
     0.9f},
    {F::kPayment,
     R"(\b(?:maksa\w*|siirra\w*|siirto\w*|laheta|lahetat|talleta\w*)\s+(?:\S+\s+){0,6}(?:bitcoin\w*|btc|krypto\w*|lompako\w*|lompakk\w*|osoit\w*|€|\$|eur\w*|euro\w*|usd|dollari\w*|\d))",
     0.8f},
    {F::kPayment,
     R"(\b(?:kopioi\s+ja\s+liita|vastaava\s+summa\s+bitcoin\w*|bitcoineina|bitcoinina|palkkio\w*|hinta\s+on|ei\s+(?:ole\s+)?neuvoteltavissa)\b)",
     0.6f},
    {F::kRelease,
     R"(\b(?:poistan|poistamme|tuhoan|tuhoamme|poistetaan|tuhotaan|havitan|havitamme)\s+(?:\S+\s+){0,4}(?:video\w*|tallent\w*|nauhoit\w*|tiedo\w*|tiedost\w*|data\w*|kaike\w*|kaikki|materiaal\w*))",
     0.6f},
    {F::kCrypto, R"(\b(?:bitcoin|btc)-?(?:osoit\w*|lompak\w*|lompako\w*)|\bkryptovaluut\w*)", 0.8f},
    {F::kDeadline,
     R"(\b(?:\d+|yksi|yhden|kaksi|kahden|kolme|kolmen|nelja|neljan|viisi|viiden|seitseman|seitsemanan)\s*(?:tunnin|tuntia|tunnissa|paivan|paivaa|paivassa|vuorokauden|vuorokautta|h)\s+(?:\S+\s+)?(?:kuluessa|sisalla|aikana|kuluttua|aikaa|maaraaika)\b)",
     0.9f},
    {F::kDeadline,
     R"(\b(?:aikaa\s+on|aikaa|sinulla\s+on|teilla\s+on|vain|ainoastaan)\s+(?:\S+\s+){0,2}(?:\d+|yksi|kaksi|kolme|nelja|viisi|seitseman)\s*(?:tuntia|paivaa|vuorokautta|h)\b)",
     0.9f},
    {F::kDeadline,
     R"(\b(?:maaraai\w*|aikaraja\w*|takaraja\w*|lahtolaskenta\w*|kello\s+kay|aika\s+kay)\b)", 0.6f},
    {F::kAntiResponse,
     R"(\b(?:ala|alkaa)\s+(?:\S+\s+)?(?:vastaa|vastatko|vastaako)\b|\b(?:ei\s+kannata|turha)\s+vastata\b|\bpoliisi\w*\s+(?:\S+\s+){0,8}(?:ei|eivat|turha\w*|hyodyt\w*|auta))",
     0.8f},
    {F::kAntiResponse,
     R"(\b(?:tiedan|naen|saan\s+(?:\S+\s+)?ilmoituksen|saan\s+tiedon)\s+(?:\S+\s+){0,6}(?:avaat|avasit|avannut|avaa|luet|luit|lukenut))",
     0.8f},
    {F::kProof,
     R"(\b(?:salasanasi|salasananne)\s*(?:on|oli|:)|\btiedan\s+(?:salasanasi|salasananne)\b)",
     1.0f},
    {F::kSelfSent,
     R"(\b(?:lahetetty|lahetin|lahettanyt|kirjoitettu|tama\s+viesti\s+tuli)\s+(?:\S+\s+){0,4}(?:omalta|omasta|sinun)\s+(?:\S+\s+)?(?:tili\w*|sahkopost\w*|osoit\w*|palvelim\w*))",
     1.0f},
    {F::kSelfSent,
     R"(\b(?:omalta|omasta)\s+(?:\S+\s+)?(?:tili\w*|sahkopost\w*|osoit\w*|palvelim\w*)\s+(?:\S+\s+){0,3}(?:lahetetty|lahetin|lahetin|lahettamaan))",
     1.0f},
    {F::kCorporate,
     R"(\b(?:yrity\w*(?:si|nne)|verkkosivusto\w*(?:si|nne)|sivusto\w*(?:si|nne)|verkkokaup\w*(?:si|nne)|tietokan\w*|hakukone\w*|asiakkaa\w*|asiakkai\w*)\b)",
     0.5f},
    {F::kPersonalData,
     R"(\b(?:henkilotiedo\w*|henkilotunnu\w*|pankkitiedo\w*|luottokort\w*|pankkitili\w*|passi\w*\s+kopio\w*)\b)",
     0.5f},
    {F::kBenign,
     R"(\b(?:kuitti\w*|tilausvahvistu\w*|tilausnumero\w*|tapahtumatunnu\w*|peruuta\s+tilaus|lopeta\s+tilaus\w*|uutiskirje\w*)\b)",
     0.5f},
};

#undef DEV
#undef HACK
#undef AUD
#undef SPREAD

}  // namespace

std::span<const LexEntry> LexiconFi() { return kEntries; }

}  // namespace extortrace::detect
