#include "trace/labels.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include "core/bytes.h"

namespace extortrace::trace {
namespace {

using Fields = std::map<std::string, std::string, std::less<>>;

std::string NormalizeAddress(std::string_view a) {
  std::string s(a);
  if (s.size() > 3 && (s.compare(0, 3, "bc1") == 0 || s.compare(0, 3, "BC1") == 0 ||
                       s.compare(0, 3, "tb1") == 0 || s.compare(0, 3, "TB1") == 0)) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return s;
}

std::string_view Trim(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
    v.remove_suffix(1);
  return v;
}

// Parses a block-style scalar value; false if it needs a real YAML parser.
bool PlainValue(std::string_view v, std::string* out) {
  v = Trim(v);
  if (v.empty()) return false;  // nested block follows
  char c = v.front();
  if (c == '\'') {
    out->clear();
    for (size_t i = 1; i < v.size(); ++i) {
      if (v[i] == '\'') {
        if (i + 1 < v.size() && v[i + 1] == '\'') {
          out->push_back('\'');
          ++i;
          continue;
        }
        std::string_view rest = Trim(v.substr(i + 1));
        return rest.empty() || rest.front() == '#';
      }
      out->push_back(v[i]);
    }
    return false;
  }
  if (c == '"') {
    size_t end = v.find('"', 1);
    if (end == std::string_view::npos || v.substr(1, end - 1).find('\\') != std::string_view::npos)
      return false;
    std::string_view rest = Trim(v.substr(end + 1));
    if (!rest.empty() && rest.front() != '#') return false;
    *out = std::string(v.substr(1, end - 1));
    return true;
  }
  if (std::string_view("[{|>&*!%@`").find(c) != std::string_view::npos) return false;
  size_t hash = v.find(" #");
  if (hash != std::string_view::npos) v = Trim(v.substr(0, hash));
  *out = std::string(v);
  return true;
}

// "key: value" -> key, value; false if not that shape.
bool SplitKey(std::string_view line, std::string_view* key, std::string_view* value) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (colon + 1 < line.size() && line[colon + 1] != ' ') return false;
  *key = line.substr(0, colon);
  for (char c : *key)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  *value = line.substr(colon + 1);
  return true;
}

std::string Scalar(const YAML::Node& n) {
  if (n && n.IsScalar()) return n.Scalar();
  return {};
}

}  // namespace

const std::string& Label::Kind() const {
  static const std::string kUnknown = "unknown";
  if (!category.empty()) return category;
  if (!abuse.empty()) return abuse;
  return kUnknown;
}

uint32_t LabelSet::Intern(Label l) {
  std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", l.label, l.category,
                                l.abuse, l.actor, l.source, l.confidence, l.pack);
  auto [it, fresh] = interned_.try_emplace(std::move(key), static_cast<uint32_t>(labels_.size()));
  if (fresh) labels_.push_back(std::move(l));
  return it->second;
}

void LabelSet::Add(std::string_view address, Label label) {
  uint32_t id = Intern(std::move(label));
  std::string a = NormalizeAddress(address);
  auto [it, fresh] = by_address_.try_emplace(a, id);
  if (fresh || it->second == id) return;
  auto range = extra_.equal_range(a);
  for (auto e = range.first; e != range.second; ++e)
    if (e->second == id) return;
  extra_.emplace(std::move(a), id);
}

const Label* LabelSet::Find(std::string_view address) const {
  auto it = by_address_.find(NormalizeAddress(address));
  return it == by_address_.end() ? nullptr : &labels_[it->second];
}

std::vector<const Label*> LabelSet::FindAll(std::string_view address) const {
  std::vector<const Label*> out;
  std::string a = NormalizeAddress(address);
  auto it = by_address_.find(a);
  if (it == by_address_.end()) return out;
  out.push_back(&labels_[it->second]);
  std::vector<uint32_t> more;
  auto range = extra_.equal_range(a);
  for (auto e = range.first; e != range.second; ++e) more.push_back(e->second);
  std::sort(more.begin(), more.end());
  for (uint32_t id : more) out.push_back(&labels_[id]);
  return out;
}

namespace {

Label MakeLabel(const Fields& f, const std::string& pack) {
  auto get = [&](const char* k) {
    auto it = f.find(k);
    return it == f.end() ? std::string() : it->second;
  };
  Label l;
  l.label = get("label");
  l.category = get("category");
  l.abuse = get("abuse");
  l.actor = get("actor");
  l.source = get("source");
  l.confidence = get("confidence");
  l.pack = pack;
  return l;
}

bool IsBtc(const Fields& f) {
  auto it = f.find("currency");
  return it == f.end() || it->second == "BTC" || it->second == "btc";
}

}  // namespace

Status LabelSet::AddPack(std::string_view yaml, const std::string& pack, LabelLoadStats* stats) {
  LabelLoadStats local;
  LabelLoadStats& st = stats ? *stats : local;
  // Find the top-level "tags:" line.
  size_t tags_at = std::string_view::npos;
  for (size_t pos = 0; pos < yaml.size();) {
    size_t nl = yaml.find('\n', pos);
    if (nl == std::string_view::npos) nl = yaml.size();
    std::string_view line = Trim(yaml.substr(pos, nl - pos));
    if (yaml.substr(pos, 5) == "tags:" && line == "tags:") {
      tags_at = nl;
      break;
    }
    pos = nl + 1;
  }
  try {
    if (tags_at != std::string_view::npos) {
      // Fast path: header by yaml-cpp, tags by lines.
      Fields header;
      YAML::Node h = YAML::Load(std::string(yaml.substr(0, tags_at - 5)));
      if (h.IsMap()) {
        for (const auto& kv : h) {
          std::string v = Scalar(kv.second);
          if (!v.empty()) header[kv.first.as<std::string>()] = v;
        }
      }
      std::vector<std::pair<std::string, Fields>> tags;
      bool ok = true;
      size_t dash_col = std::string_view::npos;
      for (size_t pos = tags_at + 1; pos < yaml.size() && ok;) {
        size_t nl = yaml.find('\n', pos);
        if (nl == std::string_view::npos) nl = yaml.size();
        std::string_view line = yaml.substr(pos, nl - pos);
        pos = nl + 1;
        std::string_view t = Trim(line);
        if (t.empty() || t.front() == '#') continue;
        size_t indent = line.find_first_not_of(' ');
        std::string_view key, value;
        std::string v;
        if (t.front() == '-' && t.size() > 1 && t[1] == ' ') {
          if (dash_col == std::string_view::npos) dash_col = indent;
          if (indent != dash_col) {
            ok = false;
            break;
          }
          tags.emplace_back();
          std::string_view rest = Trim(t.substr(2));
          if (!SplitKey(rest, &key, &value) || !PlainValue(value, &v)) {
            ok = false;
            break;
          }
          tags.back().second[std::string(key)] = v;
        } else {
          if (tags.empty() || indent != dash_col + 2 || !SplitKey(t, &key, &value) ||
              !PlainValue(value, &v)) {
            ok = false;
            break;
          }
          tags.back().second[std::string(key)] = v;
        }
      }
      if (ok) {
        ++st.packs;
        ++st.fast_path;
        for (auto& [unused, f] : tags) {
          ++st.tags;
          Fields merged = header;
          for (auto& [k, val] : f) merged[k] = val;
          auto a = merged.find("address");
          if (a == merged.end() || a->second.empty() || !IsBtc(merged)) continue;
          ++st.btc_tags;
          Add(a->second, MakeLabel(merged, pack));
        }
        return {};
      }
    }
    // Fallback: the whole document through yaml-cpp.
    YAML::Node doc = YAML::Load(std::string(yaml));
    if (!doc.IsMap()) return Fail(Error::Corrupt(pack + ": not a TagPack (no mapping)"));
    Fields header;
    for (const auto& kv : doc) {
      std::string k = kv.first.as<std::string>();
      if (k == "tags") continue;
      std::string v = Scalar(kv.second);
      if (!v.empty()) header[k] = v;
    }
    ++st.packs;
    ++st.yaml_fallback;
    YAML::Node tags = doc["tags"];
    if (!tags || !tags.IsSequence()) return {};
    for (const auto& tag : tags) {
      if (!tag.IsMap()) continue;
      ++st.tags;
      Fields merged = header;
      for (const auto& kv : tag) {
        std::string v = Scalar(kv.second);
        if (!v.empty()) merged[kv.first.as<std::string>()] = v;
      }
      auto a = merged.find("address");
      if (a == merged.end() || !IsBtc(merged)) continue;
      ++st.btc_tags;
      Add(a->second, MakeLabel(merged, pack));
    }
    return {};
  } catch (const YAML::Exception& e) {
    return Fail(Error::Corrupt(fmt::format("{}: YAML: {}", pack, e.what())));
  }
}

Result<LabelSet> LabelSet::LoadDir(const std::string& dir, LabelLoadStats* stats) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Fail(Error::NotFound(dir + ": no such TagPack directory"));
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    auto ext = e.path().extension().string();
    if (ext == ".yaml" || ext == ".yml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  LabelSet set;
  LabelLoadStats local;
  LabelLoadStats& st = stats ? *stats : local;
  for (const auto& f : files) {
    auto text = ReadFile(f.string(), size_t{512} << 20);
    if (!text) {
      st.problems.push_back(text.error());
      continue;
    }
    Status s = set.AddPack(*text, f.stem().string(), &st);
    if (!s) st.problems.push_back(Error(s.error().code(), f.string() + ": " + s.error().context()));
  }
  return set;
}

}  // namespace extortrace::trace
