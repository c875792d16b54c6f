// Message sources: every form people keep mail in, read as a stream of raw
// RFC 822 messages.
//
// A path may be a single message file (.eml or extensionless), an mbox
// (mboxo/mboxrd), a Maildir (its cur/ and new/; tmp/ is skipped), a directory
// tree (walked recursively, in sorted order so that runs are repeatable), a
// .tar/.tar.gz/.tgz/.tar.bz2/.tar.xz/.zip archive (libarchive; members may
// themselves be mbox files), or "-" for standard input. The kind is sniffed
// from the content, not the name. Files that do not look like mail (no header
// block at the top, e.g. README.md or a CSV) are skipped and reported through
// on_skip, so that scanning a folder does not invent messages.
//
// Each message keeps a stable id: the path as given, the member path inside
// an archive, and the 0-based index of the message within that file (mbox) or
// archive.
//
// Memory: one message at a time, bounded by max_message_bytes (larger
// messages are truncated and flagged). Single-threaded; callers fan messages
// out to workers.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"

namespace extortrace::mail {

struct RawMessage {
  std::string source;      // path as given on the command line (or "-")
  std::string member;      // path inside an archive; empty otherwise
  uint32_t index = 0;      // message number inside an mbox or archive, from 0
  std::string data;        // the raw bytes
  bool truncated = false;  // exceeded max_message_bytes
};

struct SourceOptions {
  size_t max_message_bytes = size_t{64} << 20;
  // When false, files that do not look like mail are still read as messages.
  bool skip_non_mail = true;
  // Treat every input file as one plain-text body rather than mail.
  bool plain_text = false;
};

struct SourceCallbacks {
  std::function<void(RawMessage&&)> on_message;
  // An input that could not be read; scanning continues with the next one.
  std::function<void(const Error&)> on_error;
  // A file that was skipped because it does not look like mail.
  std::function<void(const std::string& path)> on_skip;
};

// Reads every message under `paths`, calling back in order. Returns the
// number of messages delivered.
uint64_t ReadMessages(const std::vector<std::string>& paths, const SourceOptions& options,
                      const SourceCallbacks& callbacks);

enum class ContentKind { kMessage, kMbox, kArchive, kNotMail };

// Sniffs what `head` (the first bytes of a file, up to 4 KB) is.
ContentKind SniffContent(std::string_view head);

}  // namespace extortrace::mail
