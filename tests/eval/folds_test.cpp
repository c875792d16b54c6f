#include "eval/folds.h"

#include <gtest/gtest.h>

namespace extortrace::eval {
namespace {

TEST(Folds, GroupsStayTogetherAndFoldsAreStable) {
  for (int k : {2, 5, 10}) {
    EXPECT_EQ(FoldOf("1BoatSLRHtKNngkdXEeobR76b53LETtpyT", k),
              FoldOf("1BoatSLRHtKNngkdXEeobR76b53LETtpyT", k));
    EXPECT_GE(FoldOf("x", k), 0);
    EXPECT_LT(FoldOf("x", k), k);
  }
  std::vector<Example> ex(40);
  for (size_t i = 0; i < ex.size(); ++i) ex[i].group = "g" + std::to_string(i % 7);
  CrossValidation cv = LeaveGroupOut(ex, 5);
  for (size_t i = 0; i < ex.size(); ++i) {
    for (size_t j = 0; j < ex.size(); ++j) {
      if (ex[i].group == ex[j].group) {
        EXPECT_EQ(cv.fold_of[i], cv.fold_of[j]);
      }
    }
  }
}

// A feature that separates the classes only inside one group cannot help
// that group when it is held out: the held-out verdict comes from a model
// that never saw it.
TEST(Folds, HeldOutGroupIsJudgedByAModelThatNeverSawIt) {
  std::vector<Example> ex;
  auto add = [&](float a, float b, bool y, const std::string& g) {
    Example e;
    e.features = {a, b};
    e.extortion = y;
    e.rule_verdict = true;  // the rules flag everything; the model must veto
    e.group = g;
    ex.push_back(e);
  };
  // Feature 0 marks extortion in every group; feature 1 only in group "odd".
  for (int i = 0; i < 30; ++i) {
    add(1, 0, true, "t" + std::to_string(i));
    add(0, 0, false, "n" + std::to_string(i));
  }
  for (int i = 0; i < 5; ++i) add(0, 1, true, "odd");
  detect::TrainOptions o;
  o.iterations = 2000;
  CrossValidation cv = LeaveGroupOut(ex, 5, o);
  int tp = 0, fp = 0, odd_caught = 0;
  for (size_t i = 0; i < ex.size(); ++i) {
    if (ex[i].group == "odd")
      odd_caught += cv.verdict[i];
    else if (ex[i].extortion)
      tp += cv.verdict[i];
    else
      fp += cv.verdict[i];
  }
  EXPECT_EQ(tp, 30);
  EXPECT_EQ(fp, 0);
  EXPECT_EQ(odd_caught, 0);  // its only sign was never seen in training
}

TEST(Folds, ModelFreeVerdictsAndGatedExamples) {
  std::vector<Example> ex(3);
  ex[0].group = "a";  // gated: no features, clean
  ex[0].extortion = true;
  ex[1].group = "b";
  ex[1].features = {0.f};
  ex[1].model_free = true;
  ex[1].extortion = true;
  ex[2].group = "c";
  ex[2].features = {1.f};
  CrossValidation cv = LeaveGroupOut(ex, 2);
  EXPECT_FALSE(cv.verdict[0]);
  EXPECT_TRUE(cv.verdict[1]);
  EXPECT_FALSE(cv.verdict[2]);
}

}  // namespace
}  // namespace extortrace::eval
