// JsonWriter: a small streaming JSON writer for the scan record and reports.
//
// It appends to a caller-owned std::string, escapes strings per RFC 8259
// (control characters as \u00XX, invalid UTF-8 replaced with U+FFFD so the
// output is always valid JSON), and inserts commas itself. It does not check
// that Begin/End calls balance beyond a debug assertion.
//
//   std::string out;
//   JsonWriter w(&out);
//   w.BeginObject(); w.Key("n"); w.Int(3); w.EndObject();   // {"n":3}
//
// Not thread-safe; one writer per output string.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace extortrace {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);
  void String(std::string_view value);
  void Int(int64_t value);
  void Uint(uint64_t value);
  void Double(double value);  // NaN and infinities are written as null
  void Bool(bool value);
  void Null();
  // Writes pre-rendered JSON verbatim (caller guarantees validity).
  void Raw(std::string_view json);

  // Convenience: Key + value.
  void Field(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }
  void Field(std::string_view key, const char* value) {
    Key(key);
    String(value);
  }
  void Field(std::string_view key, int64_t value) {
    Key(key);
    Int(value);
  }
  void Field(std::string_view key, int value) {
    Key(key);
    Int(value);
  }
  void Field(std::string_view key, uint64_t value) {
    Key(key);
    Uint(value);
  }
  void Field(std::string_view key, double value) {
    Key(key);
    Double(value);
  }
  void Field(std::string_view key, bool value) {
    Key(key);
    Bool(value);
  }
  void FieldOrNull(std::string_view key, const std::optional<std::string>& value) {
    Key(key);
    if (value)
      String(*value);
    else
      Null();
  }

 private:
  void Separate();

  std::string* out_;
  // One entry per open container: true once it holds at least one element.
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

// Appends `s` to `out` as a JSON string literal, quotes included.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace extortrace
