// Spanish claim lexicon. Folded: accents stripped ("contraseña" -> "contrasena",
// "días" -> "dias").
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define TU R"((?:tu|tus|su|sus|vuestro|vuestra))"
#define DEV \
  R"((?:dispositivos?|ordenador(?:es)?|computadora|pc|telefonos?|celular|movil|cuentas?|correos?(?:\s+electronicos?)?|e-?mails?|buzon(?:es)?|sitios?(?:\s+web)?|pagina\s+web|servidor(?:es)?|bases?\s+de\s+datos|redes?|sistemas?(?:\s+operativos?)?|camaras?|webcam))"
#define AUD \
  R"((?:contactos|amigos|familia(?:res)?|parientes|colegas|companeros|empleador|pareja|redes\s+sociales|clientes|proveedores|socios|todo\s+el\s+mundo|publico|internet))"

constexpr LexEntry kEntries[] = {
    {F::kCompromise,
     R"(\b(?:he|hemos|habia|hube)\s+(?:\w+\s+){0,2}(?:hackeado|pirateado|infectado|comprometido|vulnerado|tomado\s+el\s+control|obtenido\s+(?:\w+\s+){0,2}acceso|tenido\s+acceso|instalado|extraido)\b|\bhackeamos\b)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:acceso|control)\s+(?:complet[oa]\s+|total\s+)?(?:a|al|sobre)\s+(?:todos\s+)?(?:los\s+|las\s+)?)" TU
     R"(\s+(?:\w+\s+)?)" DEV,
     0.9f},
    {F::kCompromise,
     TU
     R"(\s+(?:\w+\s+)?)" DEV
     R"(\s+(?:ha|han|fue|fueron)\s+(?:sido\s+)?(?:hackead|pirateado|infectad|comprometid|vulnerad)\w*)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:troyano|malware|spyware|virus|software\s+(?:malicioso|espia)|programa\s+(?:malicioso|espia)|keylogger|puerta\s+trasera)\b)",
     0.6f},
    {F::kCompromise,
     R"(\b(?:soy|somos)\s+(?:un\s+)?(?:\w+\s+)?(?:hacker|pirata\s+informatico|programador)\b|\bvulnerabilidad\w*)",
     0.7f},
    {F::kRecording,
     R"(\b(?:grabado|grabe|filmado|filme|capturado)\s+(?:\w+\s+){0,2}(?:videos?|a\s+usted|a\s+ti|te|tu|su|pantalla)|\b(?:te|le)\s+(?:he\s+)?(?:grabado|grabe|filmado|filme)\b)",
     1.0f},
    {F::kRecording,
     R"(\b(?:camara|webcam)\b\s+(?:\w+\s+){0,8}(?:grab\w*|film\w*|activ\w*|encend\w*))", 0.8f},
    {F::kAdult,
     R"(\bporn\w*|\bsitios?\s+(?:para\s+)?adultos\b|\bcontenido\s+(?:para\s+adultos|explicito)|\bmasturb\w*|\bvideos?\s+(?:intimos?|comprometedores?))",
     0.9f},
    {F::kExposure,
     R"(\b(?:enviar\w*|compartir\w*|publicar\w*|difundir\w*|reenviar\w*|vender\w*|sera\s+(?:enviad|publicad|difundid|compartid|vendid)[oa]s?|seran\s+(?:enviad|publicad|difundid|compartid|vendid)[oa]s?)\b\s+(?:\w+\s+){0,8}(?:a|con|en|entre)\s+(?:todos\s+)?(?:sus\s+|tus\s+|los\s+)?)" AUD,
     0.7f},
    {F::kExposure,
     R"(\b(?:enviare|publicare|difundire|compartire|venderemos|publicaremos|filtrar\w*|filtracion|hacer\s+public\w*)\b)",
     0.6f},
    {F::kExposure,
     R"(\b(?:destruir|arruinar|danar|destruyendo)\s+(?:\w+\s+){0,3}(?:reputacion|vida|carrera)|\bmejor\s+postor\b|\bdesindexa\w*)",
     0.9f},
    {F::kPayment,
     R"(\b(?:pagar|pague|pago|transferir|transfiera|enviar|envie|envia|depositar)\w*\s+(?:\w+\s+){0,6}(?:bitcoins?|btc|cripto\w*|billetera|cartera|monedero|direccion|€|\$|eur|euros?|usd|dolares|\d))",
     0.8f},
    {F::kPayment,
     R"(\b(?:copiar\s+y\s+pegar|equivalente\s+en\s+bitcoins?|en\s+bitcoins?|tarifa|el\s+precio\s+es|no\s+(?:es\s+)?negociable)\b)",
     0.6f},
    {F::kRelease,
     R"(\b(?:eliminare|borrare|destruire|eliminaremos)\s+(?:\w+\s+){0,4}(?:videos?|datos|grabacion\w*|todo|archivos))",
     0.6f},
    {F::kCrypto,
     R"(\b(?:direccion|billetera|cartera|monedero)\s+(?:\w+\s+)?(?:bitcoin|btc|cripto\w*)|\bcriptomonedas?\b)",
     0.8f},
    {F::kDeadline,
     R"(\b(?:dentro\s+de\s+(?:los\s+)?|en\s+(?:los\s+)?|tiene\s+|tienes\s+|plazo\s+de\s+)(?:\w+\s+){0,2}(?:\d+|un|una|dos|tres|cuatro|cinco|siete)\s*(?:horas?|h|dias?)\b)",
     0.9f},
    {F::kDeadline, R"(\b(?:cuenta\s+regresiva|temporizador|plazo|fecha\s+limite)\b)", 0.6f},
    {F::kAntiResponse,
     R"(\bno\s+(?:responda|respondas|conteste|contestes|intente|intentes)\b|\bpolicia\b\s+(?:\w+\s+){0,8}(?:no|inutil|ayudar))",
     0.8f},
    {F::kAntiResponse,
     R"(\b(?:sabre|recibire\s+(?:una\s+)?notificacion|vere)\b\s+(?:\w+\s+){0,8}(?:abiert\w*|abr\w*|leido|leer))",
     0.8f},
    {F::kProof, R"(\b(?:tu|su)\s+contrasena\s*(?:es|era|:))", 1.0f},
    {F::kSelfSent,
     R"(\b(?:enviad[oa]|escrit[oa]|mandad[oa])\s+(?:\w+\s+){0,4}(?:desde|de)\s+(?:tu|su)\s+(?:propia\s+)?(?:\w+\s+)?(?:cuenta|direccion|correo|buzon|servidor))",
     1.0f},
    {F::kCorporate,
     R"(\b(?:su\s+sitio(?:\s+web)?|tu\s+sitio(?:\s+web)?|bases?\s+de\s+datos|motores?\s+de\s+busqueda|clientes|proveedores|su\s+empresa|tu\s+empresa)\b)",
     0.5f},
    {F::kPersonalData,
     R"(\b(?:datos\s+(?:personales|bancarios)|tarjetas?\s+de\s+credito|numero\s+de\s+seguro\s+social|cuenta\s+bancaria|documentos?\s+de\s+identidad)\b)",
     0.5f},
    // --- violence, advisory ---
    {F::kViolence,
     R"(\b(?:bomba|artefacto\s+explosivo|explosivos?)\s+(?:\w+\s+){0,6}(?:colocad\w*|escondid\w*|instalad\w*|plantad\w*|explot\w*|detonar\w*)|\b(?:pagad|contratad|encargad)\w*\s+(?:\w+\s+){0,3}para\s+(?:matarte|matarle|eliminarte|hacerte\s+dano))",
     1.0f},
    {F::kViolence, R"(\b(?:bomba|artefacto\s+explosivo|explosivos?|sicario)\b)", 0.5f},
    {F::kAdvisory,
     R"((?:\A|[.!:;\n*•>-]\s*)no\s+(?:pague|pagues|paguen|haga\s+ningun\s+pago)\b|\b(?:se\s+trata\s+de|es)\s+(?:una?\s+)?(?:\w+\s+)?(?:estafa|fraude|intento\s+de\s+estafa|phishing)\b)",
     1.0f},
    {F::kAdvisory,
     R"(\b(?:el\s+remitente|los\s+estafadores|los\s+delincuentes|el\s+mensaje|el\s+correo)\s+(?:\w+\s+)?(?:afirma|asegura|amenaza|exige|pide)\b)",
     0.9f},
    // --- plainly paraphrased letters ---
    {F::kCompromise,
     R"(\bme\s+dej(?:o|aron)\s+entrar\b|\b(?:a\s+traves\s+de|mediante|por)\s+su\s+(?:router|wifi|red|modem)\b|\bveo\s+todo\s+lo\s+que\s+(?:hace|haces|hacen)\b)",
     0.8f},
    {F::kRecording,
     R"(\b(?:a\s+traves\s+de|mediante|por|con)\s+(?:la|su|tu)\s+(?:webcam|camara)\b)", 0.7f},
    {F::kRecording,
     R"(\b(?:guardad|almacenad|archivad|subid)\w*\s+(?:\w+\s+){0,3}(?:en)\s+(?:mi|nuestro|un)\s+(?:\w+\s+)?(?:servidor|nube|disco|ordenador|computadora))",
     0.8f},
    {F::kExposure,
     R"(\btodas\s+las\s+personas\s+que\s+(?:conoce|conoces)\s+(?:\w+\s+){0,2}(?:recibiran|veran|sabran)\b|\b(?:todos\s+)?(?:sus|tus)\s+\w+\s+(?:\w+\s+){0,2}(?:recibiran|veran|sabran)\b)",
     0.9f},
    {F::kRelease,
     R"(\bborro\s+todo\b|\b(?:todo|los\s+videos|los\s+archivos|los\s+datos)\s+(?:sera|seran)\s+(?:\w+\s+)?(?:borrad|eliminad|destruid)\w*)",
     0.7f},
    {F::kDeadline,
     R"(\b(?:tiene|tienes|tienen)\s+(?:\d+|un|una|dos|tres|cuatro|cinco|siete)\s+(?:dias|dia|horas)\b)",
     0.9f},
    {F::kPayment, R"(\bun\s+pago\s+de\s+(?:\d|€|\$))", 0.9f},
};

#undef TU
#undef DEV
#undef AUD

}  // namespace

std::span<const LexEntry> LexiconEs() { return kEntries; }

}  // namespace extortrace::detect
