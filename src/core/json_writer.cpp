#include "core/json_writer.h"

#include <fmt/format.h>

#include <cmath>

#include "core/assert.h"
#include "core/utf8.h"

namespace extortrace {

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"':
          out->append("\\\"");
          break;
        case '\\':
          out->append("\\\\");
          break;
        case '\n':
          out->append("\\n");
          break;
        case '\r':
          out->append("\\r");
          break;
        case '\t':
          out->append("\\t");
          break;
        case '\b':
          out->append("\\b");
          break;
        case '\f':
          out->append("\\f");
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            fmt::format_to(std::back_inserter(*out), "\\u{:04x}", c);
          } else {
            out->push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    size_t len = Utf8SequenceLength(s.substr(i));
    if (len == 0) {
      out->append("\xEF\xBF\xBD");  // U+FFFD for an invalid byte
      ++i;
    } else {
      out->append(s.substr(i, len));
      i += len;
    }
  }
  out->push_back('"');
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_element_.empty()) {
    if (has_element_.back()) out_->push_back(',');
    has_element_.back() = true;
  }
}

void JsonWriter::BeginObject() {
  Separate();
  out_->push_back('{');
  has_element_.push_back(false);
}
void JsonWriter::EndObject() {
  ET_DCHECK(!has_element_.empty());
  has_element_.pop_back();
  out_->push_back('}');
}
void JsonWriter::BeginArray() {
  Separate();
  out_->push_back('[');
  has_element_.push_back(false);
}
void JsonWriter::EndArray() {
  ET_DCHECK(!has_element_.empty());
  has_element_.pop_back();
  out_->push_back(']');
}
void JsonWriter::Key(std::string_view key) {
  Separate();
  AppendJsonString(key, out_);
  out_->push_back(':');
  after_key_ = true;
}
void JsonWriter::String(std::string_view value) {
  Separate();
  AppendJsonString(value, out_);
}
void JsonWriter::Int(int64_t value) {
  Separate();
  fmt::format_to(std::back_inserter(*out_), "{}", value);
}
void JsonWriter::Uint(uint64_t value) {
  Separate();
  fmt::format_to(std::back_inserter(*out_), "{}", value);
}
void JsonWriter::Double(double value) {
  Separate();
  if (!std::isfinite(value)) {
    out_->append("null");
  } else {
    fmt::format_to(std::back_inserter(*out_), "{}", value);
  }
}
void JsonWriter::Bool(bool value) {
  Separate();
  out_->append(value ? "true" : "false");
}
void JsonWriter::Null() {
  Separate();
  out_->append("null");
}
void JsonWriter::Raw(std::string_view json) {
  Separate();
  out_->append(json);
}

}  // namespace extortrace
