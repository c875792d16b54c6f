#include "mail/mbox.h"

namespace extortrace::mail {

MboxSplitter::MboxSplitter(size_t max_message_bytes, Callback on_message)
    : max_message_bytes_(max_message_bytes), on_message_(std::move(on_message)) {}

bool MboxSplitter::IsSeparator(std::string_view line) {
  if (line.substr(0, 5) != "From ") return false;
  std::string_view rest = line.substr(5);
  while (!rest.empty() && (rest.back() == '\r' || rest.back() == ' ')) rest.remove_suffix(1);
  // Sender, then a date with at least one digit.
  size_t space = rest.find(' ');
  if (space == 0 || space == std::string_view::npos) return false;
  std::string_view date = rest.substr(space + 1);
  for (char c : date) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

void MboxSplitter::Emit() {
  if (in_message_) {
    // The blank line before the next separator belongs to the mbox format.
    if (current_.size() >= 2 && current_.compare(current_.size() - 2, 2, "\n\n") == 0) {
      current_.pop_back();
    } else if (current_.size() >= 4 && current_.compare(current_.size() - 4, 4, "\r\n\r\n") == 0) {
      current_.resize(current_.size() - 2);
    }
    ++messages_;
    on_message_(std::move(current_), truncated_);
  }
  current_.clear();
  truncated_ = false;
}

void MboxSplitter::ProcessLine(std::string_view line) {
  std::string_view content = line;
  if (!content.empty() && content.back() == '\n') content.remove_suffix(1);
  if (!content.empty() && content.back() == '\r') content.remove_suffix(1);

  if (prev_blank_ && IsSeparator(content)) {
    Emit();
    in_message_ = true;
    prev_blank_ = false;
    return;
  }
  prev_blank_ = content.empty();
  if (!in_message_) {
    // Text before the first separator: not an mbox message, but keep it so
    // that a file that merely looked like mbox is not lost.
    in_message_ = true;
  }
  // Undo one level of >From quoting (mboxrd; also right for mboxo).
  size_t gt = 0;
  while (gt < content.size() && content[gt] == '>') ++gt;
  if (gt > 0 && content.substr(gt, 5) == "From ") line.remove_prefix(1);

  if (current_.size() + line.size() > max_message_bytes_) {
    truncated_ = true;
    return;
  }
  current_.append(line);
}

void MboxSplitter::Feed(std::string_view chunk) {
  while (!chunk.empty()) {
    size_t nl = chunk.find('\n');
    if (nl == std::string_view::npos) {
      if (pending_.size() + chunk.size() > max_message_bytes_) {
        truncated_ = true;  // an absurdly long line: drop it
        pending_.clear();
      } else {
        pending_.append(chunk);
      }
      return;
    }
    if (pending_.empty()) {
      ProcessLine(chunk.substr(0, nl + 1));
    } else {
      pending_.append(chunk.substr(0, nl + 1));
      ProcessLine(pending_);
      pending_.clear();
    }
    chunk.remove_prefix(nl + 1);
  }
}

void MboxSplitter::Finish() {
  if (!pending_.empty()) {
    ProcessLine(pending_);
    pending_.clear();
  }
  if (in_message_ && !current_.empty()) Emit();
  in_message_ = false;
  prev_blank_ = true;
}

}  // namespace extortrace::mail
