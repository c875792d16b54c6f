// Vietnamese claim lexicon. Folding strips every tone and vowel mark
// ("đã xâm nhập" -> "đa xam nhap", "mật khẩu" -> "mat khau") but keeps "đ",
// which has no decomposition; it is written [đd] since spam often drops it.
// Words are space-separated syllables, so patterns are syllable sequences;
// \b stands only before ASCII letters (it is ASCII; never before "đ").
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define YOUR R"((?:cua\s+)?(?:ban|anh|chi|quy\s+vi|quy\s+khach|ong|ba|cong\s+ty\s+ban))"
#define DEV \
  R"((?:thiet\s+bi|may\s+tinh|laptop|[đd]ien\s+thoai|tai\s+khoan|e-?mail|hop\s+thu|trang\s+web|website|co\s+so\s+du\s+lieu|may\s+chu|server|he\s+thong|mang\s+noi\s+bo|camera|webcam))"
#define AUD \
  R"((?:danh\s+ba|danh\s+sach\s+lien\s+he|lien\s+he|ban\s+be|gia\s+[đd]inh|nguoi\s+than|ho\s+hang|[đd]ong\s+nghiep|cap\s+tren|sep|khach\s+hang|[đd]oi\s+tac|nha\s+cung\s+cap|moi\s+nguoi|mang\s+xa\s+hoi|facebook|internet|cong\s+chung))"
#define SPREAD \
  R"((?:gui|chia\s+se|cong\s+khai|phat\s+tan|lan\s+truyen|tung\s+len|tung\s+ra|[đd]ang\s+len|ro\s+ri|tiet\s+lo|ban\s+lai))"

constexpr LexEntry kEntries[] = {
    // The speaker right before the deed: a notice's "chung toi phat hien truy cap vao
    // tai khoan" (we detected access to the account) is no claim.
    {F::kCompromise,
     R"(\b(?:toi|chung\s+toi|tui)\s+(?:[đd]a\s+|vua\s+|[đd]a\s+thanh\s+cong\s+)?(?:\S+\s+)?(?:hack|xam\s+nhap|chiem\s+quyen|[đd]anh\s+cap|lay\s+cap|lay\s+nhiem)\s+(?:\S+\s+){0,3})" DEV,
     1.0f},
    {F::kCompromise,
     DEV
     R"(\s+)" YOUR
     R"(\s+(?:\S+\s+){0,2}(?:bi|[đd]a\s+bi)\s+(?:\S+\s+)?(?:hack|xam\s+nhap|nhiem|chiem|tan\s+cong|ro\s+ri))",
     1.0f},
    {F::kCompromise,
     R"(\b(?:toan\s+quyen|quyen\s+truy\s+cap|quyen\s+kiem\s+soat)\s+(?:\S+\s+){0,3})" DEV, 0.9f},
    // English loanwords (hacker, virus, trojan, spyware) are left to lexicon_en.cpp,
    // which reads every text: a second hit on the same English word would count twice.
    {F::kCompromise,
     R"(\b(?:tin\s+tac|ma\s+[đd]oc|phan\s+mem\s+[đd]oc\s+hai|phan\s+mem\s+gian\s+[đd]iep|lo\s+hong\s+bao\s+mat|cua\s+hau)\b)",
     0.6f},
    {F::kCompromise,
     R"(\b(?:toi|chung\s+toi)\s+la\s+(?:mot\s+)?(?:\S+\s+)?(?:hacker|tin\s+tac|lap\s+trinh\s+vien)\b|\blo\s+hong\b)",
     0.7f},
    {F::kRecording,
     R"(\b(?:ghi\s+hinh|quay\s+phim|quay\s+video|quay\s+lai\s+canh|ghi\s+lai\s+canh|ghi\s+lai\s+(?:\S+\s+){0,3}(?:video|hinh\s+anh)|chup\s+man\s+hinh|ghi\s+am)\b)",
     0.8f},
    {F::kRecording,
     R"(\b(?:webcam|camera|may\s+quay)\s+(?:\S+\s+){0,8}(?:bat|kich\s+hoat|mo|ghi|quay)\b)", 0.9f},
    {F::kRecording,
     R"(\b(?:video|clip|[đd]oan\s+phim)\s+(?:\S+\s+){0,3}(?:quay|ghi|cho\s+thay)\s+(?:canh\s+)?ban\b)",
     0.9f},
    {F::kAdult,
     R"(\b(?:khieu\s+dam|phim\s+sex|web\s+sex|trang\s+(?:web\s+)?nguoi\s+lon|noi\s+dung\s+nguoi\s+lon|phim\s+nguoi\s+lon|thu\s+dam|tu\s+suong|phim\s+[đd]en|clip\s+nong|(?:video|hinh\s+anh|noi\s+dung)\s+nhay\s+cam)\b)",
     0.9f},
    // With a speaker or "se" (will) before the verb; "hay chia se voi ban be" (share
    // with your friends) is a newsletter's line, so the bare form is weak.
    {F::kExposure,
     R"(\b(?:toi|chung\s+toi|tui|se|bi)\s+(?:\S+\s+){0,4})" SPREAD
     R"(\s+(?:\S+\s+){0,8}(?:cho|toi|[đd]en|len|tren|voi)\s+(?:tat\s+ca\s+|toan\s+bo\s+)?(?:\S+\s+){0,2})" AUD,
     1.0f},
    {F::kExposure,
     SPREAD
     R"(\s+(?:\S+\s+){0,8}(?:cho|toi|[đd]en|len|tren|voi)\s+(?:tat\s+ca\s+|toan\s+bo\s+)?(?:\S+\s+){0,2})" AUD,
     0.4f},
    {F::kExposure,
     R"(\b(?:toi|chung\s+toi)\s+se\s+(?:\S+\s+){0,3}(?:cong\s+khai|phat\s+tan|lan\s+truyen|tung\s+len|tung\s+ra|ro\s+ri|tiet\s+lo|ban\s+lai))",
     0.7f},
    {F::kExposure,
     R"(\b(?:huy\s+hoai|pha\s+huy|pha\s+hoai|[đd]anh\s+mat|mat\s+het)\s+(?:\S+\s+){0,3}(?:danh\s+tieng|uy\s+tin|thanh\s+danh|su\s+nghiep|cuoc\s+song|cuoc\s+[đd]oi)|\bnguoi\s+tra\s+gia\s+cao\s+nhat\b)",
     0.9f},
    {F::kExposure,
     R"(\bcong\s+cu\s+tim\s+kiem\s+(?:\S+\s+){0,6}(?:xoa|loai\s+bo|danh\s+sach\s+[đd]en))", 0.9f},
    {F::kPayment,
     R"(\b(?:thanh\s+toan|chuyen\s+khoan|chuyen|gui\s+tien|gui\s+cho\s+toi|nap\s+tien|tra\s+tien|tra\s+cho\s+toi|phai\s+tra)\s+(?:\S+\s+){0,6}(?:bitcoin|btc|tien\s+ma\s+hoa|tien\s+ao|vi\s+(?:bitcoin|btc|tien)|[đd]ia\s+chi|usd|[đd]o\s+la|\$|vnd|₫|\d))",
     0.8f},
    {F::kPayment,
     R"(\b(?:sao\s+chep\s+va\s+dan|tuong\s+[đd]uong|bang\s+bitcoin|khoan\s+phi|muc\s+phi|phi\s+la|khong\s+(?:the\s+)?thuong\s+luong|khong\s+mac\s+ca)\b)",
     0.6f},
    {F::kRelease,
     R"(\b(?:xoa|xoa\s+bo|tieu\s+huy|huy\s+bo|go\s+bo)\s+(?:\S+\s+){0,4}(?:video|clip|du\s+lieu|tat\s+ca|moi\s+thu|tep|ban\s+ghi|[đd]oan\s+phim|hinh\s+anh|thong\s+tin))",
     0.6f},
    {F::kCrypto,
     R"((?:\bvi|[đd]ia\s+chi)\s+(?:bitcoin|btc)\b|\btien\s+ma\s+hoa\b|\btien\s+ky\s+thuat\s+so\b|\btien\s+ao\b)",
     0.8f},
    {F::kDeadline,
     R"(\b(?:trong\s+vong|trong|con|chi\s+con|ban\s+co|sau)\s+(?:\S+\s+){0,2}(?:\d+|mot|hai|ba|bon|nam|bay)\s*(?:gio|tieng|ngay|h)\b)",
     0.9f},
    {F::kDeadline,
     R"(\b(?:thoi\s+han|han\s+chot|han\s+cuoi|[đd]em\s+nguoc|[đd]ong\s+ho\s+[đd]ang\s+chay)\b)",
     0.6f},
    {F::kAntiResponse,
     R"((?:đung|\bkhong\s+can|\bkhong\s+nen)\s+(?:\S+\s+)?(?:tra\s+loi|phan\s+hoi|hoi\s+am)\b|\b(?:canh\s+sat|cong\s+an|chinh\s+quyen|luat\s+su)\s+(?:\S+\s+){0,8}(?:khong\s+the|vo\s+ich|chang|khong\s+giup|khong\s+lam\s+gi))",
     0.8f},
    {F::kAntiResponse,
     R"(\btoi\s+se\s+(?:biet|nhan\s+[đd]uoc\s+thong\s+bao|[đd]uoc\s+thong\s+bao)\s+(?:\S+\s+){0,8}(?:mo|[đd]oc))",
     0.8f},
    {F::kProof, R"(\bmat\s+khau\s+)" YOUR R"(\s*(?:la|:))", 1.0f},
    {F::kSelfSent,
     R"(\b(?:gui|[đd]uoc\s+gui|viet)\s+(?:\S+\s+){0,4}tu\s+(?:chinh\s+)?(?:tai\s+khoan|e-?mail|hop\s+thu|[đd]ia\s+chi|may\s+chu)\s+(?:\S+\s+){0,2})" YOUR,
     1.0f},
    {F::kCorporate,
     R"(\b(?:(?:trang\s+web|website|cong\s+ty|doanh\s+nghiep)\s+)" YOUR
     R"(|co\s+so\s+du\s+lieu|cong\s+cu\s+tim\s+kiem|khach\s+hang|nha\s+cung\s+cap)\b)",
     0.5f},
    {F::kPersonalData,
     R"(\b(?:thong\s+tin\s+ca\s+nhan|tai\s+khoan\s+ngan\s+hang|the\s+tin\s+dung|can\s+cuoc|cmnd|cccd|so\s+an\s+sinh)\b)",
     0.5f},
    {F::kBenign,
     R"(\b(?:bien\s+lai|hoa\s+[đd]on|ma\s+giao\s+dich|giao\s+dich\s+thanh\s+cong|nap\s+tien\s+thanh\s+cong|rut\s+tien\s+thanh\s+cong|huy\s+[đd]ang\s+ky)\b)",
     0.5f},
};

#undef YOUR
#undef DEV
#undef AUD
#undef SPREAD

}  // namespace

std::span<const LexEntry> LexiconVi() { return kEntries; }

}  // namespace extortrace::detect
