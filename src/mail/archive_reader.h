// Reading mail out of archives with libarchive: tar (plain, gzip, bzip2, xz),
// zip, 7z, and single compressed files (message.eml.gz, mbox.gz).
//
// Entries are streamed: the callback receives each regular file's path and a
// chunk reader, so a multi-gigabyte mbox inside a tarball is never held in
// memory. Nested archives are not opened (one level only, against zip bombs).
// Not thread-safe; one call per archive.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace extortrace::mail {

class ArchiveEntry {
 public:
  virtual ~ArchiveEntry() = default;
  // Fills up to `size` bytes; returns bytes read, 0 at the end of the entry
  // (or on a decompression error, which ReadArchive then reports).
  virtual size_t Read(char* buf, size_t size) = 0;
};

using ArchiveEntryCallback = std::function<void(const std::string& member, ArchiveEntry& entry)>;

// Reads the archive from `f`, whose first bytes `head` were already consumed
// by the caller. `path` names the archive in errors.
Status ReadArchive(FILE* f, const std::string& path, std::string_view head,
                   const ArchiveEntryCallback& on_entry);

}  // namespace extortrace::mail
