// French claim lexicon. Folded: accents stripped ("piraté" -> "pirate",
// "vidéo" -> "video", "réputation" -> "reputation").
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define VOTRE R"((?:votre|vos|ton|ta|tes))"
#define DEV \
  R"((?:appareils?|ordinateurs?|pc|telephones?|portables?|smartphones?|comptes?|e-?mails?|courriels?|messageries?|boites?\s+(?:aux\s+lettres|mail)|sites?(?:\s+web)?|serveurs?|bases?\s+de\s+donnees|reseaux?|systemes?(?:\s+d(?:'|’)exploitation)?|cameras?|webcams?))"
#define AUD \
  R"((?:contacts|amis|famille|proches|parents|collegues|employeurs?|partenaires|reseaux\s+sociaux|clients|fournisseurs|tout\s+le\s+monde|public|internet))"

constexpr LexEntry kEntries[] = {
    {F::kCompromise,
     R"(\b(?:j(?:'|’)ai|nous\s+avons|j(?:'|’)avais)\s+(?:\w+\s+){0,2}(?:pirate|hacke|infecte|compromis|pris\s+le\s+controle|obtenu\s+(?:un\s+)?(?:\w+\s+)?(?:l(?:'|’))?acces|eu\s+(?:l(?:'|’))?acces|installe|extrait)\b)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:acces|controle)\s+(?:complet\s+|total\s+)?(?:a|au|aux|sur)\s+(?:tous\s+|toutes\s+)?)" VOTRE
     R"(\s+(?:\w+\s+)?)" DEV,
     0.9f},
    {F::kCompromise,
     VOTRE R"(\s+(?:\w+\s+)?)" DEV
           R"(\s+(?:a|ont|est|sont)\s+(?:ete\s+)?(?:pirate|hacke|infecte|compromis)\w*)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:cheval\s+de\s+troie|trojan|logiciel\s+(?:malveillant|espion)|malware|spyware|virus|keylogger|porte\s+derobee)\b)",
     0.6f},
    {F::kCompromise,
     R"(\b(?:je\s+suis|nous\s+sommes)\s+(?:un\s+)?(?:\w+\s+)?(?:hacker|pirate|programmeur)\b|\bvulnerabilite\w*)",
     0.7f},
    {F::kRecording,
     R"(\b(?:enregistre|filme|capture)\w*\s+(?:\w+\s+){0,2}(?:video|vous|toi|vos|ecran)|\b(?:je\s+vous\s+ai|je\s+t(?:'|’)ai)\s+(?:\w+\s+)?(?:enregistre|filme)\w*)",
     1.0f},
    {F::kRecording,
     R"(\b(?:webcam|camera)\b\s+(?:\w+\s+){0,8}(?:enregistr\w*|film\w*|activ\w*|allum\w*))", 0.8f},
    {F::kRecording,
     R"(\b(?:video|videos|enregistrements?|captures?\s+d(?:'|’)ecran)\s+(?:\w+\s+){0,3}(?:de\s+vous|ou\s+vous|de\s+toi|ou\s+tu)\b)",
     0.9f},
    {F::kAdult,
     R"(\bporn\w*|\bsites?\s+(?:pour\s+)?adultes?\b|\bcontenus?\s+(?:pour\s+adultes|explicites?)|\bmasturb\w*|\bvous\s+faire\s+plaisir|\bvideos?\s+(?:intimes?|compromettantes?))",
     0.9f},
    {F::kExposure,
     R"(\b(?:envoyer|envoierai|enverrai|enverrons|partager|partagerai|publier|publierai|diffuser|diffuserai|transferer|vendre|vendrons|sera\s+(?:envoye|publie|diffuse|partage|vendu)e?s?|seront\s+(?:envoye|publie|diffuse|partage|vendu)e?s?)\b\s+(?:\w+\s+){0,8}(?:a|aux|avec|sur)\s+(?:tous\s+|toutes\s+)?(?:vos\s+|tes\s+)?)" AUD,
     0.7f},
    {F::kExposure,
     R"(\b(?:enverrai|publierai|diffuserai|partagerai|enverrons|publierons|vendrons|divulguer\w*|rendre\s+public\w*)\b)",
     0.6f},
    {F::kExposure,
     R"(\b(?:detruire|ruiner|nuire\s+a|endommager)\s+(?:\w+\s+){0,3}(?:reputation|vie|carriere)|\bplus\s+offrant\b)",
     0.9f},
    {F::kPayment,
     R"(\b(?:payer|payez|paiement|transferer|transferez|envoyer|envoyez|verser|virement)\w*\s+(?:\w+\s+){0,6}(?:bitcoins?|btc|crypto\w*|portefeuille|adresse|€|\$|eur|euros?|usd|dollars?|\d))",
     0.8f},
    {F::kPayment,
     R"(\b(?:copier\s+(?:et|-)\s+coller|equivalent\s+en\s+bitcoins?|en\s+bitcoins?|frais|le\s+prix\s+est|non\s+negociable)\b)",
     0.6f},
    {F::kRelease,
     R"(\b(?:supprimerai|effacerai|detruirai|supprimerons)\s+(?:\w+\s+){0,4}(?:videos?|donnees|enregistrements?|tout|fichiers))",
     0.6f},
    {F::kCrypto,
     R"(\b(?:adresse|portefeuille|porte-monnaie)\s+(?:\w+\s+)?(?:bitcoin|btc|crypto\w*)|\bcrypto-?monnaies?\b)",
     0.8f},
    {F::kDeadline,
     R"(\b(?:dans\s+les|dans|sous|en|vous\s+avez|tu\s+as|d(?:'|’)ici)\s+(?:\w+\s+){0,2}(?:\d+|un|une|deux|trois|quatre|cinq|sept)\s*(?:heures?|h|jours?)\b)",
     0.9f},
    {F::kDeadline, R"(\b(?:compte\s+a\s+rebours|minuteur|delai|date\s+limite)\b)", 0.6f},
    {F::kAntiResponse,
     R"(\bne\s+(?:repondez|reponds|repondre|contactez|cherchez)\s+pas\b|\bpolice\b\s+(?:\w+\s+){0,8}(?:ne|pas|inutile|aider))",
     0.8f},
    {F::kAntiResponse,
     R"(\b(?:je\s+saurai|je\s+recevrai\s+(?:une\s+)?notification|je\s+serai\s+(?:informe|notifie))\b\s+(?:\w+\s+){0,8}(?:ouvert\w*|ouvri\w*|lu|lire))",
     0.8f},
    {F::kProof, R"(\b(?:votre|ton)\s+mot\s+de\s+passe\s*(?:est|etait|:))", 1.0f},
    {F::kSelfSent,
     R"(\b(?:envoye|ecrit|expedie)\w*\s+(?:\w+\s+){0,4}(?:depuis|de|a\s+partir\s+de)\s+(?:votre|ton)\s+(?:propre\s+)?(?:\w+\s+)?(?:compte|adresse|e-?mail|messagerie|serveur|boite))",
     1.0f},
    {F::kCorporate,
     R"(\b(?:votre\s+site(?:\s+web)?|bases?\s+de\s+donnees|moteurs?\s+de\s+recherche|clients|fournisseurs|votre\s+entreprise|votre\s+societe)\b)",
     0.5f},
    {F::kPersonalData,
     R"(\b(?:donnees\s+(?:personnelles|bancaires)|carte\s+(?:de\s+credit|bancaire)|numero\s+de\s+securite\s+sociale|compte\s+bancaire|piece\s+d(?:'|’)identite)\b)",
     0.5f},
    // --- violence, advisory ---
    {F::kViolence,
     R"(\b(?:bombe|engin\s+explosif|explosifs?|charge\s+explosive)\s+(?:\w+\s+){0,6}(?:place|placee|cache|cachee|installe|installee|depose|deposee|exploser\w*|declench\w*)|\b(?:paye|engage|mandate|charge)\w*\s+(?:\w+\s+){0,3}(?:pour|de)\s+(?:vous|te)\s+(?:tuer|eliminer|abattre|blesser))",
     1.0f},
    {F::kViolence, R"(\b(?:bombe|engin\s+explosif|explosifs?|tueur\s+a\s+gages)\b)", 0.5f},
    {F::kAdvisory,
     R"((?:\A|[.!:;\n*•>-]\s*)(?:ne\s+payez\s+(?:pas|rien)|ne\s+repondez\s+pas\s+et\s+ne\s+payez)|\b(?:il\s+s(?:'|’)agit|c(?:'|’)est)\s+d(?:'|’)(?:une?\s+)?(?:\w+\s+)?(?:arnaque|escroquerie|tentative\s+d(?:'|’)escroquerie|hameconnage))",
     1.0f},
    {F::kAdvisory,
     R"(\b(?:l(?:'|’)expediteur|les\s+escrocs|les\s+fraudeurs|le\s+message|le\s+courriel)\s+(?:\w+\s+)?(?:pretend|affirme|menace|exige|reclame)\b)",
     0.9f},
    // --- plainly paraphrased letters ---
    {F::kCompromise,
     R"(\bm(?:'|’)a\s+laisse\s+entrer\b|\b(?:via|par)\s+votre\s+(?:box|routeur|reseau|wifi)\b|\bje\s+vois\s+tout\s+ce\s+que\s+(?:vous\s+faites|tu\s+fais)\b|\b(?:surveille|observe|espionne)\w*\s+(?:tout\s+)?ce\s+que\s+(?:vous\s+faites|tu\s+fais))",
     0.8f},
    {F::kRecording, R"(\b(?:par|via|avec|a\s+travers)\s+(?:la|votre|ta)\s+(?:web)?cam(?:era)?\b)",
     0.7f},
    {F::kRecording,
     R"(\b(?:stocke|sauvegarde|enregistre|conserve|heberge)\w*\s+(?:\w+\s+){0,3}sur\s+(?:mon|notre|un)\s+(?:\w+\s+)?(?:serveur|cloud|disque|ordinateur))",
     0.8f},
    {F::kExposure,
     R"(\bchacun\s+de\s+(?:vos|tes)\s+\w+\s+(?:recevra|verra|saura|apprendra)\b|\btous\s+(?:vos\s+\w+|tes\s+\w+|ceux\s+que\s+(?:vous\s+connaissez|tu\s+connais))\s+(?:\w+\s+){0,2}(?:recevront|verront|sauront|apprendront)\b)",
     0.9f},
    {F::kRelease,
     R"(\b(?:tout|tous\s+les\s+\w+|les\s+(?:videos?|fichiers|donnees))\s+(?:sera|seront)\s+(?:\w+\s+)?(?:efface|supprime|detruit)\w*|\bj(?:'|’)efface(?:rai)?\s+tout\b)",
     0.7f},
    {F::kDeadline,
     R"(\b(?:vous\s+avez|tu\s+as)\s+(?:\d+|un|une|deux|trois|quatre|cinq|sept)\s+(?:jours?|heures?)\b)",
     0.9f},
    {F::kPayment, R"(\bun\s+(?:paiement|virement|versement)\s+de\s+(?:\d|€|\$))", 0.9f},
};

#undef VOTRE
#undef DEV
#undef AUD

}  // namespace

std::span<const LexEntry> LexiconFr() { return kEntries; }

}  // namespace extortrace::detect
