#include "detect/lexicon.h"

namespace extortrace::detect {

std::string_view FamilyName(Family f) {
  switch (f) {
    case Family::kCompromise:
      return "compromise";
    case Family::kRecording:
      return "recording";
    case Family::kAdult:
      return "adult_content";
    case Family::kExposure:
      return "exposure_threat";
    case Family::kPayment:
      return "payment_demand";
    case Family::kRelease:
      return "release_promise";
    case Family::kCrypto:
      return "crypto";
    case Family::kDeadline:
      return "deadline";
    case Family::kAntiResponse:
      return "anti_response";
    case Family::kProof:
      return "proof";
    case Family::kSelfSent:
      return "sent_from_own_account";
    case Family::kCorporate:
      return "corporate_target";
    case Family::kPersonalData:
      return "personal_data";
    case Family::kBenign:
      return "benign";
    case Family::kViolence:
      return "violence";
    case Family::kAdvisory:
      return "advisory";
    case Family::kCount:
      break;
  }
  return "unknown";
}

const std::vector<Lexicon>& AllLexicons() {
  static const std::vector<Lexicon> all = {
      {"en", LexiconEn()},
      {"ja", LexiconJa()},
      {"zh", LexiconZh()},
      {"it", LexiconIt()},
      {"de", LexiconDe()},
      {"fr", LexiconFr()},
      {"es", LexiconEs()},
      {"pt", LexiconPt()},
      {"nl", LexiconNl()},
      {"pl", LexiconPl()},
      {"da", LexiconDa()},
      // Nordic, Finnish, Asian and Greek.
      {"sv", LexiconSv()},
      {"no", LexiconNo()},
      {"fi", LexiconFi()},
      {"ko", LexiconKo()},
      {"vi", LexiconVi()},
      {"id", LexiconId()},
      {"el", LexiconEl()},
      // Cyrillic, Central/Eastern European and Turkish.
      {"ru", LexiconRu()},
      {"uk", LexiconUk()},
      {"bg", LexiconBg()},
      {"cs", LexiconCs()},
      {"sk", LexiconSk()},
      {"tr", LexiconTr()},
      {"ro", LexiconRo()},
      {"hu", LexiconHu()},
  };
  return all;
}

}  // namespace extortrace::detect
