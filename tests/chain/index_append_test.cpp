// Incremental indexing: appending blocks to an index must give exactly the
// index a single build of all blocks gives (byte-identical column files and
// address table, same answers to every lookup), whether the blocks dir grows
// in place, a different source holds all blocks, or the append is cut short.
// Real data: blocks 0..589 (firstblocks.blk); synthetic chains are marked so.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "chain/block.h"
#include "chain/block_builder.h"
#include "chain/index.h"
#include "index_test_util.h"
#include "test_util.h"

namespace extortrace::chain {
namespace {

namespace fs = std::filesystem;
using testing::ExpectSameIndex;
using testing::FramesOf;
using testing::IndexDir;
using testing::WriteBlk;

class FirstBlocksAppend : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::SharedExists("hadoopcryptoledger/firstblocks.blk")) {
      GTEST_SKIP() << "../shared/data/chain/hadoopcryptoledger/firstblocks.blk absent";
    }
    blocks_ = FramesOf(testing::SharedChainPath("hadoopcryptoledger/firstblocks.blk"));
    ASSERT_EQ(blocks_.size(), 590u);
    WriteBlk(dir_.path() + "/all/blk00000.dat", blocks_, 0, blocks_.size());
    auto src = BlockSource::Open(dir_.path() + "/all");
    ASSERT_TRUE(src.has_value());
    auto full = Index::Build(*src, dir_.path() + "/full");
    ASSERT_TRUE(full.has_value()) << full.error().ToString();
    full_.emplace(std::move(*full));
  }

  // Builds an index of blocks [0, k) of a blocks dir, grows the same blk file
  // to all blocks and appends.
  void BuildThenGrow(size_t k, const IndexOptions& opts, IndexBuildStats* st) {
    const std::string blocks = dir_.path() + "/grow" + std::to_string(k);
    WriteBlk(blocks + "/blk00000.dat", blocks_, 0, k);
    auto src = BlockSource::Open(blocks);
    ASSERT_TRUE(src.has_value());
    auto idx = Index::Build(*src, blocks + ".idx", opts);
    ASSERT_TRUE(idx.has_value()) << idx.error().ToString();
    EXPECT_EQ(idx->block_count(), k);
    WriteBlk(blocks + "/blk00000.dat", blocks_, 0, blocks_.size());
    auto src2 = BlockSource::Open(blocks);
    ASSERT_TRUE(src2.has_value());
    auto app = Index::Append(*src2, blocks + ".idx", opts, st);
    ASSERT_TRUE(app.has_value()) << app.error().ToString();
  }

  IndexDir dir_;
  std::vector<Bytes> blocks_;
  std::optional<Index> full_;
};

TEST_F(FirstBlocksAppend, GrowingBlocksDirEqualsRebuild) {
  // 400 leaves the spends of blocks 496 and 586 (coinbases of 187..450) to the
  // append; 170 splits Satoshi -> Hal Finney from its chain of descendants.
  for (size_t k : {0u, 1u, 170u, 400u, 589u}) {
    SCOPED_TRACE(k);
    IndexBuildStats st;
    BuildThenGrow(k, {}, &st);
    EXPECT_EQ(st.resumed, k > 0);  // an empty file gives no position to resume from
    EXPECT_EQ(st.blocks, 590 - k);
    EXPECT_EQ(st.blocks_read, 590 - k);  // the indexed prefix is not read again
    EXPECT_EQ(st.unresolved_inputs, 0u);
    EXPECT_EQ(st.tip_height, 589);
    ExpectSameIndex(dir_.path() + "/grow" + std::to_string(k) + ".idx", dir_.path() + "/full",
                    /*same_lookup_files=*/false);
  }
}

TEST_F(FirstBlocksAppend, ManySmallCommitsAndMergedLookupEqualRebuild) {
  IndexOptions opts;
  opts.commit_blocks = 7;     // 27 commits, most with staged updates of old records
  opts.txid_delta_limit = 1;  // every commit merges the delta into a new main
  IndexBuildStats st;
  BuildThenGrow(400, opts, &st);
  EXPECT_EQ(st.blocks, 190u);
  // With the delta merged, even the lookup file is the rebuild's, byte for byte.
  ExpectSameIndex(dir_.path() + "/grow400.idx", dir_.path() + "/full", true);
  auto m = ReadManifest(dir_.path() + "/grow400.idx");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->generation, 1u + 28u);
  EXPECT_TRUE(m->txid_delta.empty());
}

TEST_F(FirstBlocksAppend, OtherSourceWithAllBlocksSkipsIndexedOnes) {
  const std::string prefix = dir_.path() + "/prefix.blk";
  WriteBlk(prefix, blocks_, 0, 300);
  auto src = BlockSource::Open(prefix);
  ASSERT_TRUE(src.has_value());
  ASSERT_TRUE(Index::Build(*src, dir_.path() + "/p.idx").has_value());
  auto all = BlockSource::Open(testing::SharedChainPath("hadoopcryptoledger/firstblocks.blk"));
  ASSERT_TRUE(all.has_value());
  IndexBuildStats st;
  auto idx = Index::Append(*all, dir_.path() + "/p.idx", {}, &st);
  ASSERT_TRUE(idx.has_value()) << idx.error().ToString();
  EXPECT_FALSE(st.resumed);  // a different file: read all of it
  EXPECT_EQ(st.blocks_read, 590u);
  EXPECT_EQ(st.blocks, 290u);
  ExpectSameIndex(dir_.path() + "/p.idx", dir_.path() + "/full", false);
}

TEST_F(FirstBlocksAppend, TipUnchangedWritesNothing) {
  auto src = BlockSource::Open(dir_.path() + "/all");
  ASSERT_TRUE(src.has_value());
  const std::string manifest = dir_.path() + "/full/MANIFEST";
  auto before = ReadFile(manifest);
  ASSERT_TRUE(before.has_value());
  const auto mtime = fs::last_write_time(dir_.path() + "/full/outputs.col");
  IndexBuildStats st;
  auto idx = Index::Append(*src, dir_.path() + "/full", {}, &st);
  ASSERT_TRUE(idx.has_value()) << idx.error().ToString();
  EXPECT_TRUE(st.resumed);
  EXPECT_EQ(st.blocks_read, 0u);
  EXPECT_EQ(st.blocks, 0u);
  EXPECT_EQ(idx->block_count(), 590u);
  EXPECT_EQ(*ReadFile(manifest), *before);
  EXPECT_EQ(fs::last_write_time(dir_.path() + "/full/outputs.col"), mtime);
}

TEST_F(FirstBlocksAppend, StoppedBeforeCommitKeepsOldIndexAndRecovers) {
  const std::string blocks = dir_.path() + "/crash";
  WriteBlk(blocks + "/blk00000.dat", blocks_, 0, 400);
  auto src = BlockSource::Open(blocks);
  ASSERT_TRUE(src.has_value());
  const std::string idx_dir = blocks + ".idx";
  ASSERT_TRUE(Index::Build(*src, idx_dir).has_value());
  WriteBlk(blocks + "/blk00000.dat", blocks_, 0, blocks_.size());
  IndexOptions opts;
  opts.commit_blocks = 50;
  opts.test_fail_before_commit = 1;  // commit 0 lands (blocks 400..449), commit 1 does not
  auto src2 = BlockSource::Open(blocks);
  ASSERT_TRUE(src2.has_value());
  auto failed = Index::Append(*src2, idx_dir, opts);
  ASSERT_FALSE(failed.has_value());
  EXPECT_TRUE(fs::exists(idx_dir + "/append.undo"));
  // Old outputs spent by blocks 450..499 (block 496 spends 187:0, 248:0,
  // 360:0) were changed in place; the undo file holds their old values.
  {
    auto idx = Index::Open(idx_dir);
    ASSERT_TRUE(idx.has_value()) << idx.error().ToString();
    EXPECT_EQ(idx->block_count(), 450u);
    // A reader of the interrupted state answers as the committed 450 blocks.
    WriteBlk(dir_.path() + "/p450/blk00000.dat", blocks_, 0, 450);
    auto p = BlockSource::Open(dir_.path() + "/p450");
    ASSERT_TRUE(p.has_value());
    auto ref = Index::Build(*p, dir_.path() + "/p450.idx");
    ASSERT_TRUE(ref.has_value());
    testing::ExpectSameAnswers(*idx, *ref);
  }
  // Recovery alone (the source now ends at block 449, all indexed) must give
  // back the 450-block index byte for byte: the undo restores the old outputs.
  WriteBlk(blocks + "/blk00000.dat", blocks_, 0, 450);
  {
    IndexBuildStats st;
    auto src3 = BlockSource::Open(blocks);
    ASSERT_TRUE(src3.has_value());
    auto idx = Index::Append(*src3, idx_dir, {}, &st);
    ASSERT_TRUE(idx.has_value()) << idx.error().ToString();
    EXPECT_TRUE(st.recovered);
    EXPECT_EQ(st.blocks, 0u);
    EXPECT_FALSE(fs::exists(idx_dir + "/append.undo"));
  }
  ExpectSameIndex(idx_dir, dir_.path() + "/p450.idx", false);
  WriteBlk(blocks + "/blk00000.dat", blocks_, 0, blocks_.size());
  IndexBuildStats st;
  auto src4 = BlockSource::Open(blocks);
  ASSERT_TRUE(src4.has_value());
  auto idx = Index::Append(*src4, idx_dir, {}, &st);
  ASSERT_TRUE(idx.has_value()) << idx.error().ToString();
  EXPECT_FALSE(st.recovered);
  EXPECT_EQ(st.blocks, 140u);
  ExpectSameIndex(idx_dir, dir_.path() + "/full", false);
}

TEST_F(FirstBlocksAppend, KilledAtRandomTimesThenResumedEqualsRebuild) {
  // A child process appends blocks 300..589 one commit per block; the parent
  // waits until it has committed a random number of blocks, kills it with
  // SIGKILL a random moment later, checks that the index opens as a
  // consistent prefix, and repeats until the append completes.
  const std::string blocks = dir_.path() + "/kill";
  WriteBlk(blocks + "/blk00000.dat", blocks_, 0, 300);
  auto src = BlockSource::Open(blocks);
  ASSERT_TRUE(src.has_value());
  const std::string idx_dir = blocks + ".idx";
  ASSERT_TRUE(Index::Build(*src, idx_dir).has_value());
  WriteBlk(blocks + "/blk00000.dat", blocks_, 0, blocks_.size());
  std::mt19937 rng(12345);
  int kills_mid_append = 0;
  for (int round = 0; round < 60; ++round) {
    auto start = ReadManifest(idx_dir);
    ASSERT_TRUE(start.has_value());
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      IndexOptions opts;
      opts.commit_blocks = 1;
      auto s = BlockSource::Open(blocks);
      bool ok = s && Index::Append(*s, idx_dir, opts).has_value();
      _exit(ok ? 0 : 1);
    }
    const uint64_t wait_for = start->generation + 1 + rng() % 10;
    int status = 0;
    bool exited = false;
    for (int polls = 0; polls < 20000; ++polls) {
      auto m = ReadManifest(idx_dir);
      if (m && m->generation >= wait_for) break;
      if (waitpid(pid, &status, WNOHANG) == pid) {
        exited = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    if (!exited) {
      std::this_thread::sleep_for(std::chrono::microseconds(rng() % 3000));
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
    }
    auto idx = Index::Open(idx_dir);
    ASSERT_TRUE(idx.has_value()) << idx.error().ToString();
    const size_t n = idx->block_count();
    ASSERT_GE(n, 300u);
    // Every committed tx's txid matches the full build at the same position.
    for (uint32_t t = 0; t < idx->tx_count(); ++t) {
      ASSERT_EQ(idx->Tx(t).txid, full_->Tx(t).txid);
      ASSERT_EQ(idx->FindTx(full_->Tx(t).txid), std::optional<uint32_t>(t));
    }
    if (WIFSIGNALED(status) && n > 300 && n < 590) ++kills_mid_append;
    if (WIFEXITED(status)) {
      ASSERT_EQ(WEXITSTATUS(status), 0);
      break;
    }
  }
  EXPECT_GT(kills_mid_append, 3) << "too few kills landed inside the append";
  auto s = BlockSource::Open(blocks);
  ASSERT_TRUE(s.has_value());
  auto idx = Index::Append(*s, idx_dir);
  ASSERT_TRUE(idx.has_value()) << idx.error().ToString();
  ExpectSameIndex(idx_dir, dir_.path() + "/full", false);
}

}  // namespace
}  // namespace extortrace::chain
