#include "mail/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>

namespace extortrace::mail {
namespace {

struct Feed {
  FILE* f;
  std::string_view head;
  bool head_sent = false;
  char buf[1 << 16];
};

la_ssize_t ReadCallback(struct archive*, void* client, const void** out) {
  auto* feed = static_cast<Feed*>(client);
  if (!feed->head_sent) {
    feed->head_sent = true;
    if (!feed->head.empty()) {
      *out = feed->head.data();
      return static_cast<la_ssize_t>(feed->head.size());
    }
  }
  size_t n = std::fread(feed->buf, 1, sizeof feed->buf, feed->f);
  *out = feed->buf;
  return static_cast<la_ssize_t>(n);
}

class LibarchiveEntry : public ArchiveEntry {
 public:
  explicit LibarchiveEntry(struct archive* a) : a_(a) {}
  size_t Read(char* buf, size_t size) override {
    if (failed_) return 0;
    la_ssize_t n = archive_read_data(a_, buf, size);
    if (n < 0) {
      failed_ = true;
      return 0;
    }
    return static_cast<size_t>(n);
  }
  bool failed() const { return failed_; }

 private:
  struct archive* a_;
  bool failed_ = false;
};

}  // namespace

Status ReadArchive(FILE* f, const std::string& path, std::string_view head,
                   const ArchiveEntryCallback& on_entry) {
  struct archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_all(a);
  archive_read_support_format_raw(a);  // a lone compressed file: message.eml.gz
  Feed feed{f, head, false, {}};
  if (archive_read_open(a, &feed, nullptr, ReadCallback, nullptr) != ARCHIVE_OK) {
    std::string msg = fmt::format("{}: not a readable archive: {}", path,
                                  archive_error_string(a) ? archive_error_string(a) : "?");
    archive_read_free(a);
    return Fail(Error::Corrupt(msg));
  }
  Status result;
  struct archive_entry* entry;
  for (;;) {
    int r = archive_read_next_header(a, &entry);
    if (r == ARCHIVE_EOF) break;
    if (r == ARCHIVE_FATAL) {
      result = Fail(Error::Corrupt(
          fmt::format("{}: archive damaged: {}", path,
                      archive_error_string(a) ? archive_error_string(a) : "unknown error")));
      break;
    }
    if (archive_entry_filetype(entry) != AE_IFREG && archive_format(a) != ARCHIVE_FORMAT_RAW) {
      continue;
    }
    const char* name = archive_entry_pathname(entry);
    std::string member = name != nullptr ? name : "";
    if (archive_format(a) == ARCHIVE_FORMAT_RAW) member = "data";
    LibarchiveEntry reader(a);
    on_entry(member, reader);
    if (reader.failed()) {
      result = Fail(Error::Corrupt(
          fmt::format("{}: {}: cannot decompress: {}", path, member,
                      archive_error_string(a) ? archive_error_string(a) : "unknown error")));
      break;
    }
  }
  archive_read_free(a);
  return result;
}

}  // namespace extortrace::mail
