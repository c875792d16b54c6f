// Incremental mbox splitter (mboxo and mboxrd, RFC 4155).
//
// Feed the file in chunks of any size; each complete message is handed to the
// callback with its "From " separator line removed and one level of
// ">From " quoting undone (mboxrd: ">>From " becomes ">From "; mboxo's
// ">From " becomes "From "). A separator is a line starting with "From "
// at the start of the file or after an empty line, whose rest has at least
// two fields (sender and date), as written by every MDA we know; a bare
// "From " in a body after a blank line with only one field is not a separator.
//
// Memory is bounded by max_message_bytes: a message that grows beyond it is
// truncated, flagged, and the splitter continues with the next separator.
// Not thread-safe; one splitter per file.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace extortrace::mail {

class MboxSplitter {
 public:
  // `truncated` is true when the message exceeded max_message_bytes.
  using Callback = std::function<void(std::string&& message, bool truncated)>;

  MboxSplitter(size_t max_message_bytes, Callback on_message);

  void Feed(std::string_view chunk);
  // Flushes the last message. Call once at end of input.
  void Finish();

  size_t messages() const { return messages_; }

  // True if `line` (without its newline) is an mbox separator line.
  static bool IsSeparator(std::string_view line);

 private:
  void ProcessLine(std::string_view line_with_newline);
  void Emit();

  size_t max_message_bytes_;
  Callback on_message_;
  std::string pending_;  // incomplete last line across Feed calls
  std::string current_;  // message being assembled
  bool in_message_ = false;
  bool truncated_ = false;
  bool prev_blank_ = true;  // start of file counts as after a blank line
  size_t messages_ = 0;
};

}  // namespace extortrace::mail
