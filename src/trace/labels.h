// Entity labels from GraphSense TagPacks (YAML): address -> who it belongs to.
//
// A TagPack is a YAML mapping: header fields (title, creator, label,
// category, abuse, actor, source, confidence, currency, ...) are defaults
// that every entry of `tags:` inherits, and an entry may override any of
// them. Only Bitcoin tags (currency BTC, from the header or the tag) are
// kept. Parsing: the header goes through yaml-cpp; the `tags:` list, which is
// nearly all of a pack's bytes (the 7 BitMEX packs alone are 16 MB), is read
// by a line scanner for the block-style layout every GraphSense pack uses,
// and the whole file falls back to yaml-cpp if it meets anything else (flow
// style, anchors, multi-line scalars, escapes).
//
// Immutable after loading; const lookups are thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace extortrace::trace {

struct Label {
  std::string label;     // "binance.com", "Sextortion Spam"
  std::string category;  // "exchange", "miner", "mixing_service", ...
  std::string abuse;     // "sextortion", "ransomware", ...
  std::string actor;
  std::string source;
  std::string confidence;
  std::string pack;  // file name without .yaml
  // category if set, else abuse, else "unknown".
  const std::string& Kind() const;
};

struct LabelLoadStats {
  size_t packs = 0, tags = 0, btc_tags = 0, fast_path = 0, yaml_fallback = 0;
  std::vector<Error> problems;  // packs that failed to parse (skipped)
};

class LabelSet {
 public:
  // Every *.yaml / *.yml in `dir` (not recursive), in name order. A pack
  // that does not parse is skipped and reported in stats->problems; a
  // missing directory is an error.
  static Result<LabelSet> LoadDir(const std::string& dir, LabelLoadStats* stats = nullptr);
  // One pack; `pack` is the name recorded on its labels.
  Status AddPack(std::string_view yaml, const std::string& pack, LabelLoadStats* stats = nullptr);
  void Add(std::string_view address, Label label);

  // First label of an address (nullptr if none); bech32 is case-insensitive.
  const Label* Find(std::string_view address) const;
  std::vector<const Label*> FindAll(std::string_view address) const;
  size_t address_count() const { return by_address_.size(); }
  size_t label_count() const { return labels_.size(); }

 private:
  uint32_t Intern(Label label);
  std::vector<Label> labels_;
  std::unordered_map<std::string, uint32_t> interned_;
  std::unordered_map<std::string, uint32_t> by_address_;  // first label
  std::unordered_multimap<std::string, uint32_t> extra_;  // further labels
};

}  // namespace extortrace::trace
