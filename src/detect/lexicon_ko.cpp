// Korean claim lexicon. Korean glues particles and verb endings to the stem
// ("해킹했습니다", "녹화했고", "보내겠습니다", "연락처에게"), so patterns are stems,
// a noun paired with a verb stem inside a short gap, and carry no \b (Hangul
// syllables are not ASCII word characters). Hangul is unchanged by folding;
// NFKC keeps syllables composed.
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define TARGET \
  "(?:기기|장치|디바이스|컴퓨터|pc|노트북|휴대폰|휴대전화|핸드폰|스마트폰|계정|이메일|메일함|받은편지함|웹사이트|사이트|홈페이지|데이터베이스|db|서버|시스템|네트워크|운영체제|카메라|웹캠)"
// An audience with its particle ("가족에게", "친구들과", "sns에"): a bare noun is
// too common ("고객님께서 보내신" in a receipt is no threat).
#define AUD \
  "(?:연락처|주소록|가족|친구|동료|지인|친척|상사|고객|거래처|협력사|파트너|공급업체|직원|모든 사람|소셜 미디어|sns|인터넷|온라인|다크웹)(?:들)?(?:에게|한테|께\\s|과\\s|와\\s|및\\s|에\\s|에도|에게도|상에|,)"
#define SPREAD \
  "(?:보내|보낼|보냅|전송|발송|공유|공개|유포|퍼뜨|퍼트|배포|유출|판매|팔아|팔겠|팔 것|업로드|폭로)"
#define LEAK "(?:유포|공개|폭로|유출|퍼뜨|퍼트|배포|판매)"
#define PAYV "(?:지불|지급|송금|입금|이체|결제|보내|전송)"
#define MONEY \
  "(?:비트코인|bitcoin|btc|암호화폐|가상화폐|가상 화폐|암호 화폐|지갑|달러|usd|유로|\\d[\\d,.]*\\s*(?:원|만원|만 원))"

constexpr LexEntry kEntries[] = {
    // "사이트에서 다운로드하세요" is everyday Korean: downloading and copying count
    // only as a past deed on the data.
    {F::kCompromise,
     TARGET
     ".{0,20}(?:해킹|침입|침투|감염|장악|탈취|훔쳤|훔쳐|빼냈|빼내|제어권|통제권|접근 권한|접근권한|관리자 권한)",
     1.0f},
    // Access is a claim only with the speaker: "새 비밀번호로 계정에 접근할 수 있습니다"
    // (you can reach your account with the new password) is a notice.
    {F::kCompromise,
     "(?:저는|제가|나는|내가|우리는|저희는|저희가).{0,25}" TARGET
     ".{0,10}(?:접근할 수 있|접근했|접근하였|액세스할 수 있|액세스했|들어갈 수 있)",
     1.0f},
    {F::kCompromise,
     "(?:데이터베이스|db|고객 정보|개인정보|자료|데이터|파일).{0,15}(?:다운로드했|다운로드하였|복사했|복사하였|빼냈|훔쳤)",
     0.8f},
    {F::kCompromise, "(?:해킹|침입|감염|장악|탈취)(?:했|하였|당했|되었|됐|을 했|을 하였)", 0.9f},
    {F::kCompromise,
     "(?:해커|해킹|악성코드|악성 코드|악성 소프트웨어|악성 프로그램|멀웨어|바이러스|트로이 목마|트로이목마|트로이|스파이웨어|키로거|백도어|랜섬웨어|취약점|페가수스)",
     0.6f},
    {F::kCompromise, "(?:접근|액세스|제어|통제).{0,10}(?:얻었|획득|확보|손에 넣)", 0.8f},
    {F::kCompromise, "(?:설치했|설치하였|심어 놓|심어놓|심었)", 0.4f},
    {F::kRecording,
     "(?:웹캠|웹 카메라|웹카메라|카메라|마이크).{0,30}(?:녹화|촬영|녹음|켜|작동|활성화)", 1.0f},
    {F::kRecording, "(?:녹화|촬영|녹음)(?:했|하였|해 두|해두|했습|된|되었|됐|을|를|본|한 영상)",
     0.8f},
    {F::kRecording, "(?:동영상|영상|비디오|스크린샷|화면 캡처|캡처)", 0.3f},
    {F::kAdult,
     "(?:성인 ?(?:사이트|웹사이트|동영상|영상|콘텐츠|물)|포르노|야동|음란|자위|외설|누드|나체|알몸|성적인|야한)",
     0.8f},
    // A threat is future ("보내겠습니다", "보낼 것", "유포될"); "친구에게 공유하세요" is
    // an invitation, so the bare verb is weak.
    {F::kExposure,
     AUD ".{0,25}" SPREAD "(?:하겠|할 것|될 것|하게 될|할게|되겠|겠|ㄹ 것| 것|게 될|아 버리|고 말)",
     1.0f},
    {F::kExposure, AUD ".{0,25}(?:보낼|팔 것)", 1.0f},
    {F::kExposure, AUD ".{0,25}" SPREAD, 0.4f},
    {F::kExposure, LEAK "(?:하겠|할 것|될 것|하게 될|할게|하고 말)", 0.6f},
    {F::kExposure,
     "(?:최고 입찰자|최고가|가장 높은 가격)|(?:평판|명성|신뢰|이미지|경력|인생|사회생활).{0,15}(?:망치|망가|파괴|훼손|손상|무너|끝장|끝날)",
     0.9f},
    {F::kExposure,
     "(?:검색 엔진|검색엔진|구글|네이버).{0,20}(?:삭제|제외|블랙리스트|사라)|블랙리스트", 0.9f},
    {F::kPayment, PAYV ".{0,30}" MONEY, 0.9f},
    {F::kPayment, MONEY ".{0,20}" PAYV, 0.9f},
    {F::kPayment, "(?:수수료|비용|요금|금액|상당의|상당액|몸값|대가|입막음)", 0.4f},
    {F::kPayment, "(?:복사.{0,5}붙여|복붙|대소문자)", 0.6f},
    {F::kRelease,
     "(?:동영상|영상|비디오|데이터|자료|정보|모든 것|모두|파일|녹화본|기록).{0,15}(?:삭제|지우|지워|파기|폐기)(?:하겠|할 것|합니다|해 드리|해드리|하고|됩니다|할게)",
     0.6f},
    {F::kCrypto, "(?:비트코인|암호화폐|가상화폐|가상 화폐|암호 화폐|지갑 주소)", 0.6f},
    {F::kDeadline, "\\d+\\s*(?:시간|일)\\s*(?:이내|내|안에|안으로|동안|후에|뒤에|의 시간|의 유예)",
     0.9f},
    {F::kDeadline, "(?:하루|이틀|사흘|나흘)\\s*(?:이내|안에|안으로|내에|동안|의 시간|뒤|후)", 0.9f},
    {F::kDeadline, "(?:기한|마감|유예|시한|시간은)(?:은|는|이|:)?\\s*\\d+\\s*(?:시간|일)", 0.9f},
    {F::kDeadline, "(?:기한|마감 시간|유예 기간|시한|카운트다운|타이머)", 0.6f},
    {F::kAntiResponse,
     "(?:답장|회신|답변|응답)(?:하지 마|하지마|할 필요|은 필요 없|해도 소용|은 소용|은 무의미|하셔도 소용|을 하지 마|을 보내지 마)|(?:경찰|당국|변호사).{0,20}(?:소용|도움이 되지|도와줄 수 없|의미 없|무의미|아무것도 할 수 없)",
     0.8f},
    {F::kAntiResponse,
     "(?:열었|열어|읽었|읽는|열람|확인하).{0,20}(?:알림|알게 됩|알 수 있|알고 있|통보)", 0.8f},
    {F::kAntiResponse, "(?:추적(?:할 수 없|이 불가능|불가능|되지 않|할 수 없습)|익명)", 0.5f},
    {F::kProof, "(?:귀하의|당신의|너의|네)?\\s*(?:비밀번호|패스워드)(?:는|은|가|:)", 0.7f},
    {F::kSelfSent,
     "(?:당신|귀하|귀사|회사|본인|너)(?:의)?\\s*(?:자신의|본인의|자체)?.{0,10}(?:계정|주소|서버|도메인|메일함|이메일).{0,15}(?:보냈|보내|발송|전송)",
     1.0f},
    {F::kSelfSent,
     "(?:이|본) ?(?:메일|메시지|이메일).{0,30}(?:에서|으로|로).{0,12}(?:발송|보냈|보내졌|전송)",
     0.8f},
    {F::kCorporate,
     "(?:귀사|귀하의 회사|당신의 회사|웹사이트|홈페이지|데이터베이스|고객|거래처|공급업체|검색 엔진|검색엔진|회사)",
     0.4f},
    {F::kCorporate, "(?:전달|알려).{0,30}(?:결정권|책임자|경영진|대표|권한)", 0.9f},
    {F::kPersonalData,
     "(?:개인정보|개인 정보|은행 계좌|계좌 번호|계좌번호|신용카드|주민등록번호|주민번호|신분증|여권 사본)",
     0.5f},
    {F::kBenign,
     "(?:영수증|거래 내역|거래내역|주문 번호|주문번호|입금 확인|출금 완료|출금이 완료|수신 거부|구독 취소)",
     0.5f},
};

#undef TARGET
#undef AUD
#undef SPREAD
#undef LEAK
#undef PAYV
#undef MONEY

}  // namespace

std::span<const LexEntry> LexiconKo() { return kEntries; }

}  // namespace extortrace::detect
