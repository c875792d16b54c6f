// "A parse limit was reached" as evidence (detect/detail/limits.h): it tips
// a letter whose payment and threat were read but whose other claims may lie
// past the limit, and never a message without them.
#include "detect/detail/limits.h"

#include <gtest/gtest.h>

#include "detect/detector.h"

namespace extortrace::detect {
namespace {

Verdict DetectText(const std::string& folded, std::string_view limits, bool wallet = true) {
  static std::vector<record::WalletFinding> wallets;
  wallets.clear();
  if (wallet) {
    record::WalletFinding w;
    w.currency = "BTC";
    w.address = "1BoatSLRHtKNngkdXEeobR76b53LETtpyT";
    w.kind = "p2pkh";
    w.offset = static_cast<uint32_t>(folded.find("1boat"));
    wallets.push_back(w);
  }
  Input in;
  in.text = folded;
  in.folded = folded;
  in.wallets = &wallets;
  in.limits = limits;
  return Detect(in);
}

bool HasReason(const Verdict& v, const std::string& family) {
  for (const record::Reason& r : v.reasons) {
    if (r.family == family) return true;
  }
  return false;
}

// What survives when the rest of the letter was cut away: a payment and a
// threat, too few claims for the rules.
const char kCut[] =
    "i recorded you with your webcam. send the bitcoin to 1boatslrhtknngkdxeeobr76b53lettpyt "
    "within 48 hours.";

TEST(LimitEvidence, TipsALetterWhoseRestMayBeUnread) {
  Verdict alone = DetectText(kCut, "");
  ASSERT_FALSE(alone.extortion) << "the rules alone already decide: the test needs a weaker text";
  Verdict v = DetectText(kCut, "text-too-long");
  EXPECT_TRUE(v.extortion);
  EXPECT_GE(v.score, detail::kLimitScore);
  EXPECT_TRUE(HasReason(v, "limit_reached"));
}

TEST(LimitEvidence, IsNothingAlone) {
  // No threat: a payment request past a limit stays clean.
  EXPECT_FALSE(DetectText("please send the bitcoin to 1boatslrhtknngkdxeeobr76b53lettpyt "
                          "for the invoice of march.",
                          "too-many-parts")
                   .extortion);
  // No payment: a threat past a limit stays clean.
  EXPECT_FALSE(
      DetectText("i recorded you with your webcam and will send the video to your friends.",
                 "nesting-too-deep", /*wallet=*/false)
          .extortion);
  EXPECT_FALSE(detail::LimitTipsVerdict({.payment = false, .threat_core = true, .distinct = 5}));
  EXPECT_FALSE(detail::LimitTipsVerdict({.payment = true, .threat_core = false, .distinct = 5}));
  EXPECT_FALSE(detail::LimitTipsVerdict(
      {.payment = true, .threat_core = true, .distinct = 3, .advisory = true}));
}

}  // namespace
}  // namespace extortrace::detect
