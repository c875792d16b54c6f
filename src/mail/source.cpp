#include "mail/source.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "mail/archive_reader.h"
#include "mail/mbox.h"

namespace extortrace::mail {
namespace fs = std::filesystem;

namespace {

bool IsHeaderName(std::string_view line) {
  size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon > 76) return false;
  for (size_t i = 0; i < colon; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c <= 32 || c >= 127) return false;
  }
  return true;
}

bool LooksLikeArchive(std::string_view head) {
  auto starts = [&](std::string_view m) { return head.substr(0, m.size()) == m; };
  if (starts("\x1f\x8b") || starts("PK\x03\x04") || starts("BZh") ||
      starts("\xfd"
             "7zXZ") ||
      starts("7z\xbc\xaf")) {
    return true;
  }
  return head.size() > 262 && head.substr(257, 5) == "ustar";
}

// A file the user named .eml is a message, whatever its first line says.
bool HasEmlExtension(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".eml";
}

}  // namespace

ContentKind SniffContent(std::string_view head) {
  if (LooksLikeArchive(head)) return ContentKind::kArchive;
  // Skip a UTF-8 BOM and leading blank lines.
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  while (!head.empty() && (head[0] == '\n' || head[0] == '\r')) head.remove_prefix(1);
  size_t nl = head.find('\n');
  std::string_view first = head.substr(0, nl);
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  if (MboxSplitter::IsSeparator(first)) return ContentKind::kMbox;
  if (IsHeaderName(first)) return ContentKind::kMessage;
  // Exports that put a banner line above the header ("Microsoft Mail Internet
  // Headers Version 2.0"): mail if the next lines hold well-known fields.
  static constexpr std::string_view kFields[] = {
      "from:",        "to:",           "subject:",      "date:",         "received:", "message-id:",
      "return-path:", "mime-version:", "content-type:", "delivered-to:", "reply-to:"};
  int known = 0;
  size_t pos = nl == std::string_view::npos ? head.size() : nl + 1;
  for (int line = 0; line < 12 && pos < head.size(); ++line) {
    size_t end = head.find('\n', pos);
    std::string_view l = head.substr(pos, end == std::string_view::npos ? head.npos : end - pos);
    for (std::string_view f : kFields) {
      if (l.size() >= f.size() && std::equal(f.begin(), f.end(), l.begin(), [](char a, char b) {
            return a == std::tolower(static_cast<unsigned char>(b));
          })) {
        ++known;
        break;
      }
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return known >= 2 ? ContentKind::kMessage : ContentKind::kNotMail;
}

namespace {

class Reader {
 public:
  Reader(const SourceOptions& o, const SourceCallbacks& c) : opt_(o), cb_(c) {}

  void Path(const std::string& path) {
    if (path == "-") {
      Stream(stdin, "-");
      return;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      Error(Error::NotFound(fmt::format("{}: no such file or directory", path)));
      return;
    }
    if (fs::is_directory(st)) {
      Directory(path);
      return;
    }
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      Error(Error::Io(fmt::format("{}: cannot open: {}", path, std::strerror(errno))));
      return;
    }
    Stream(f, path);
    std::fclose(f);
  }

  uint64_t delivered() const { return delivered_; }

 private:
  void Error(const extortrace::Error& e) {
    if (cb_.on_error) cb_.on_error(e);
  }

  void Directory(const std::string& dir) {
    std::vector<fs::path> entries;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      entries.push_back(it->path());
    }
    if (ec) {
      Error(Error::Io(fmt::format("{}: cannot list directory: {}", dir, ec.message())));
      return;
    }
    std::sort(entries.begin(), entries.end());
    for (const fs::path& p : entries) {
      std::string name = p.filename().string();
      if (name == "tmp" && fs::is_directory(p.parent_path() / "cur", ec)) continue;  // Maildir
      if (!name.empty() && name[0] == '.') continue;  // .git, .DS_Store, Maildir++ folders
      Path(p.string());
    }
  }

  // Reads a whole stream, deciding its kind from the first bytes.
  void Stream(FILE* f, const std::string& path) {
    std::string head(4096, '\0');
    size_t n = std::fread(head.data(), 1, head.size(), f);
    head.resize(n);
    if (std::ferror(f)) {
      Error(Error::Io(fmt::format("{}: read error: {}", path, std::strerror(errno))));
      return;
    }
    ContentKind kind = opt_.plain_text ? ContentKind::kMessage : SniffContent(head);
    if (kind == ContentKind::kArchive) {
      Archive(f, path, head);
      return;
    }
    if (kind == ContentKind::kNotMail && HasEmlExtension(path)) kind = ContentKind::kMessage;
    if (kind == ContentKind::kNotMail && opt_.skip_non_mail) {
      if (cb_.on_skip) cb_.on_skip(path);
      return;
    }
    if (kind == ContentKind::kMbox) {
      uint32_t index = 0;
      MboxSplitter splitter(opt_.max_message_bytes, [&](std::string&& m, bool truncated) {
        Deliver(RawMessage{path, "", index++, std::move(m), truncated});
      });
      splitter.Feed(head);
      char buf[1 << 16];
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) splitter.Feed({buf, n});
      splitter.Finish();
    } else {
      RawMessage m{path, "", 0, std::move(head), false};
      char buf[1 << 16];
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        if (m.data.size() + n > opt_.max_message_bytes) {
          m.truncated = true;
          break;
        }
        m.data.append(buf, n);
      }
      Deliver(std::move(m));
    }
    if (std::ferror(f)) {
      Error(Error::Io(fmt::format("{}: read error: {}", path, std::strerror(errno))));
    }
  }

  void Archive(FILE* f, const std::string& path, const std::string& head) {
    uint32_t index = 0;
    Status st = ReadArchive(f, path, head, [&](const std::string& member, ArchiveEntry& entry) {
      std::string first(4096, '\0');
      size_t got = 0;
      while (got < first.size()) {
        size_t n = entry.Read(first.data() + got, first.size() - got);
        if (n == 0) break;
        got += n;
      }
      first.resize(got);
      ContentKind kind = SniffContent(first);
      char buf[1 << 16];
      size_t n;
      if (kind == ContentKind::kMbox) {
        MboxSplitter splitter(opt_.max_message_bytes, [&](std::string&& m, bool t) {
          Deliver(RawMessage{path, member, index++, std::move(m), t});
        });
        splitter.Feed(first);
        while ((n = entry.Read(buf, sizeof buf)) > 0) splitter.Feed({buf, n});
        splitter.Finish();
      } else if (kind == ContentKind::kMessage || !opt_.skip_non_mail || opt_.plain_text) {
        RawMessage m{path, member, index++, std::move(first), false};
        while ((n = entry.Read(buf, sizeof buf)) > 0) {
          if (m.data.size() + n > opt_.max_message_bytes) {
            m.truncated = true;
            while (entry.Read(buf, sizeof buf) > 0) {
            }
            break;
          }
          m.data.append(buf, n);
        }
        Deliver(std::move(m));
      } else if (cb_.on_skip) {
        cb_.on_skip(path + ":" + member);
      }
    });
    if (!st) Error(st.error());
  }

  void Deliver(RawMessage&& m) {
    ++delivered_;
    if (cb_.on_message) cb_.on_message(std::move(m));
  }

  const SourceOptions& opt_;
  const SourceCallbacks& cb_;
  uint64_t delivered_ = 0;
};

}  // namespace

uint64_t ReadMessages(const std::vector<std::string>& paths, const SourceOptions& options,
                      const SourceCallbacks& callbacks) {
  Reader reader(options, callbacks);
  for (const std::string& p : paths) reader.Path(p);
  return reader.delivered();
}

}  // namespace extortrace::mail
