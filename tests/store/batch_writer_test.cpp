#include "store/batch_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace extortrace::store {
namespace {

record::ScanRecord Record(int i) {
  record::ScanRecord r;
  r.source = "m" + std::to_string(i) + ".eml";
  r.content_hash = std::string(64, static_cast<char>('a' + i % 6));
  return r;
}

TEST(BatchWriter, CommitsEveryBatchAndOnRequest) {
  std::filesystem::path db =
      std::filesystem::temp_directory_path() / ("et-batch-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(db);
  {
    auto st = Store::Open(db.string());
    ASSERT_TRUE(st) << st.error().context();
    BatchWriter w(std::move(*st));
    for (int i = 0; i < BatchWriter::kCommitEvery; ++i) ASSERT_TRUE(w.Put(Record(i)));
    EXPECT_EQ(w.pending(), 0);  // the full batch was committed
    ASSERT_TRUE(w.Put(Record(BatchWriter::kCommitEvery)));
    EXPECT_EQ(w.pending(), 1);
    ASSERT_TRUE(w.Commit());
    EXPECT_EQ(w.pending(), 0);
    ASSERT_TRUE(w.Commit());  // nothing open: a no-op
  }
  // What was committed is there after the writer is gone.
  auto st = Store::Open(db.string());
  ASSERT_TRUE(st);
  auto count = (*st)->MessageCount();
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, BatchWriter::kCommitEvery + 1);
  std::filesystem::remove(db);
}

}  // namespace
}  // namespace extortrace::store
