// Portuguese claim lexicon (pt-BR and pt-PT). Folded: accents stripped
// ("vídeo" -> "video", "reputação" -> "reputacao", "não" -> "nao").
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define SEU R"((?:seu|sua|seus|suas|teu|tua|teus|tuas|o\s+seu|a\s+sua|os\s+seus|as\s+suas))"
#define DEV \
  R"((?:dispositivos?|computador(?:es)?|pc|telefones?|celular(?:es)?|telemovel|contas?|e-?mails?|caixas?\s+de\s+(?:correio|e-?mail)|sites?|servidor(?:es)?|bancos?\s+de\s+dados|redes?|sistemas?(?:\s+operacionais?|\s+operativos?)?|cameras?|webcam))"
#define AUD \
  R"((?:contatos|contactos|amigos|familia(?:res)?|parentes|colegas|empregador|parceiros?|redes\s+sociais|clientes|fornecedores|associados|todos|publico|internet))"

constexpr LexEntry kEntries[] = {
    {F::kCompromise,
     R"(\b(?:hackeei|invadi|infectei|hackeamos|invadimos|eu\s+(?:\w+\s+)?(?:hackeei|invadi))\b|\b(?:tenho|temos|obtive|obtivemos|consegui|conseguimos|ganhei)\s+(?:\w+\s+){0,2}acesso\b)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:acesso|controle|controlo)\s+(?:total\s+|completo\s+)?(?:a|ao|aos|as|sobre)\s+(?:todos\s+)?(?:os\s+)?)" SEU
     R"(\s+(?:\w+\s+)?)" DEV,
     0.9f},
    {F::kCompromise,
     SEU R"(\s+(?:\w+\s+)?)" DEV
         R"(\s+(?:foi|foram|esta|estao)\s+(?:\w+\s+)?(?:hackead|invadid|infectad|comprometid)\w*)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:trojan|cavalo\s+de\s+troia|malware|spyware|virus|software\s+(?:malicioso|espiao)|programa\s+(?:malicioso|espiao)|keylogger)\b)",
     0.6f},
    {F::kCompromise,
     R"(\b(?:sou|somos)\s+(?:um\s+)?(?:\w+\s+)?(?:hacker|programador)\b|\bvulnerabilidade\w*|\bextrai[ru]?\w*\s+(?:\w+\s+){0,2}(?:bancos?\s+de\s+dados|dados))",
     0.7f},
    {F::kRecording,
     R"(\b(?:gravei|gravamos|filmei|filmamos|capturei)\b|\b(?:gravad|filmad)[oa]s?\s+(?:\w+\s+)?(?:voce|video))",
     1.0f},
    {F::kRecording, R"(\b(?:camera|webcam)\b\s+(?:\w+\s+){0,8}(?:grav\w*|film\w*|ativ\w*|lig\w*))",
     0.8f},
    {F::kAdult,
     R"(\bporn\w*|\bsites?\s+(?:para\s+)?adultos\b|\bconteudo\s+(?:adulto|explicito)|\bmasturb\w*|\bvideos?\s+(?:intimos?|comprometedores?))",
     0.9f},
    {F::kExposure,
     R"(\b(?:enviar\w*|compartilhar\w*|partilhar\w*|publicar\w*|divulgar\w*|espalhar\w*|vender\w*|serao?\s+(?:enviad|publicad|divulgad|compartilhad|vendid|vazad)[oa]s?)\b\s+(?:\w+\s+){0,8}(?:a|ao|aos|para|com|em|entre)\s+(?:todos\s+)?(?:os\s+)?(?:seus\s+|teus\s+)?)" AUD,
     0.7f},
    {F::kExposure,
     R"(\b(?:enviarei|publicarei|divulgarei|compartilharei|venderemos|vazad[oa]s?|vazamento|vazar|tornar\s+public\w*|exporei)\b)",
     0.6f},
    {F::kExposure,
     R"(\b(?:destruir|arruinar|prejudicar|danificar)\s+(?:\w+\s+){0,3}(?:reputacao|vida|carreira)|\bmaior\s+lance\b|\bdesindexa\w*)",
     0.9f},
    {F::kPayment,
     R"(\b(?:pagar|pague|pagamento|transferir|transfira|enviar|envie|depositar)\w*\s+(?:\w+\s+){0,6}(?:bitcoins?|btc|cripto\w*|carteira|endereco|€|\$|r\$|eur|euros?|usd|dolares|\d))",
     0.8f},
    {F::kPayment,
     R"(\b(?:copiar\s+e\s+colar|equivalente\s+em\s+bitcoins?|em\s+bitcoins?|taxa|o\s+preco\s+e|nao\s+(?:e\s+)?negociavel)\b)",
     0.6f},
    {F::kRelease,
     R"(\b(?:excluirei|apagarei|deletarei|destruirei|removerei)\s+(?:\w+\s+){0,4}(?:videos?|dados|gravac\w*|tudo|arquivos))",
     0.6f},
    {F::kCrypto,
     R"(\b(?:endereco|carteira)\s+(?:\w+\s+)?(?:bitcoin|btc|cripto\w*)|\bcriptomoedas?\b)", 0.8f},
    {F::kDeadline,
     R"(\b(?:dentro\s+de|em|tem|voce\s+tem|prazo\s+de)\s+(?:\w+\s+){0,2}(?:\d+|um|uma|dois|duas|tres|quatro|cinco|sete)\s*(?:horas?|h|dias?)\b)",
     0.9f},
    {F::kDeadline, R"(\b(?:contagem\s+regressiva|cronometro|prazo)\b)", 0.6f},
    {F::kAntiResponse,
     R"(\bnao\s+(?:responda|respondas|tente|tentes)\b|\bpolicia\b\s+(?:\w+\s+){0,8}(?:nao|inutil|ajudar))",
     0.8f},
    {F::kAntiResponse,
     R"(\b(?:saberei|receberei\s+(?:uma\s+)?notificacao|verei)\b\s+(?:\w+\s+){0,8}(?:abert\w*|abr\w*|lido|ler))",
     0.8f},
    {F::kProof, R"(\b(?:sua|tua)\s+senha\s*(?:e|era|:))", 1.0f},
    {F::kSelfSent,
     R"(\b(?:enviad[oa]|escrit[oa]|mandad[oa])\s+(?:\w+\s+){0,4}(?:de|da|do|a\s+partir\s+d[ao])\s+(?:sua|tua|seu|teu)\s+(?:propria\s+)?(?:\w+\s+)?(?:conta|endereco|e-?mail|caixa|servidor))",
     1.0f},
    {F::kCorporate,
     R"(\b(?:seu\s+site|sua\s+pagina|bancos?\s+de\s+dados|mecanismos\s+de\s+(?:pesquisa|busca)|motores\s+de\s+busca|clientes|fornecedores|sua\s+empresa)\b)",
     0.5f},
    {F::kPersonalData,
     R"(\b(?:dados\s+(?:pessoais|bancarios)|cartao\s+de\s+credito|cpf|conta\s+bancaria|documentos?\s+de\s+identidade)\b)",
     0.5f},
    // --- violence, advisory ---
    {F::kViolence,
     R"(\b(?:bomba|artefato\s+explosivo|explosivos?)\s+(?:\w+\s+){0,6}(?:colocad\w*|escondid\w*|instalad\w*|plantad\w*|explod\w*|deton\w*)|\b(?:pag|contratad|encarregad)\w*\s+(?:\w+\s+){0,3}para\s+(?:te\s+matar|matar\s+voce|mata-lo|eliminar\s+voce))",
     1.0f},
    {F::kViolence, R"(\b(?:bomba|artefato\s+explosivo|explosivos?|matador\s+de\s+aluguel)\b)",
     0.5f},
    {F::kAdvisory,
     R"((?:\A|[.!:;\n*•>-]\s*)nao\s+(?:pague|paguem|faca\s+nenhum\s+pagamento)\b|\b(?:trata-se\s+de|e)\s+(?:uma?\s+)?(?:\w+\s+)?(?:golpe|fraude|tentativa\s+de\s+golpe|phishing)\b)",
     1.0f},
    {F::kAdvisory,
     R"(\b(?:o\s+remetente|os\s+golpistas|os\s+criminosos|a\s+mensagem|o\s+e-?mail)\s+(?:\w+\s+)?(?:alega|afirma|ameaca|exige|pede)\b)",
     0.9f},
    // --- plainly paraphrased letters ---
    {F::kCompromise,
     R"(\bme\s+deix(?:ou|aram)\s+entrar\b|\b(?:atraves\s+do|pelo|via)\s+(?:seu|teu)\s+(?:roteador|router|wifi|modem)\b|\bvejo\s+tudo\s+o\s+que\s+(?:voce\s+faz|faz|fazes)\b)",
     0.8f},
    {F::kRecording, R"(\b(?:atraves\s+da|pela|com\s+a)\s+(?:sua\s+|tua\s+)?(?:webcam|camera)\b)",
     0.7f},
    {F::kRecording,
     R"(\b(?:guardad|armazenad|arquivad|salv)\w*\s+(?:\w+\s+){0,3}(?:no|num|em\s+um)\s+(?:meu\s+|nosso\s+)?(?:\w+\s+)?(?:servidor|nuvem|disco|computador))",
     0.8f},
    {F::kExposure,
     R"(\btodas\s+as\s+pessoas\s+que\s+(?:voce\s+)?conhece\s+(?:\w+\s+){0,2}(?:vao\s+receber|receberao|vao\s+ver|verao|saberao)\b|\b(?:todos\s+)?os\s+(?:seus|teus)\s+\w+\s+(?:\w+\s+){0,2}(?:vao\s+receber|receberao|vao\s+ver|verao)\b)",
     0.9f},
    {F::kRelease,
     R"(\bapago\s+tudo\b|\b(?:tudo|os\s+videos|os\s+arquivos|os\s+dados)\s+(?:sera|serao)\s+(?:\w+\s+)?(?:apagad|eliminad|destruid)\w*)",
     0.7f},
    {F::kDeadline,
     R"(\b(?:voce\s+tem|tem|tens)\s+(?:\d+|um|uma|dois|duas|tres|quatro|cinco|sete)\s+(?:dias|dia|horas)\b)",
     0.9f},
    {F::kPayment, R"(\bum\s+pagamento\s+de\s+(?:\d|€|\$|r\$))", 0.9f},
};

#undef SEU
#undef DEV
#undef AUD

}  // namespace

std::span<const LexEntry> LexiconPt() { return kEntries; }

}  // namespace extortrace::detect
