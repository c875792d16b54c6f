// What the two MIME readers (mime_parser.cpp over GMime's object tree, and
// mime_fast.cpp over the raw bytes) share, so that both build a
// ParsedMessage the same way: GMime initialisation and parser options,
// anomaly lists, address lists, dates, content decoding and the text/image
// leaves of the tree.
//
// Thread-safe (GMime is initialised once; everything else is per call).
#pragma once

#include <gmime/gmime.h>

#include <string>
#include <string_view>
#include <vector>

#include "mail/message.h"

namespace extortrace::mail::detail {

void InitGMime();

// Appends `name` unless it is already in the list (first occurrence keeps
// its place).
void AddAnomaly(std::vector<std::string>* list, std::string name);

// Parser options in loose compliance mode whose warning callback records
// GMime's parser warnings (except duplicated headers) in `*anomalies`.
// Caller frees with g_mime_parser_options_free.
GMimeParserOptions* NewParserOptions(std::vector<std::string>* anomalies);

// The same options, but the warning callback appends the codes to `*codes`
// (replayed later with RecordWarning). Caller frees.
GMimeParserOptions* NewCapturingParserOptions(std::vector<GMimeParserWarning>* codes);

// What the NewParserOptions callback does with a warning: its anomaly name
// is added to `*anomalies` (duplicated headers are ignored).
void RecordWarning(GMimeParserWarning code, std::vector<std::string>* anomalies);

// A tree node with its depth, lowercased "type/subtype" (text/plain without
// a content type), declared charset and lowercased disposition.
MimeNode NodeOf(int depth, GMimeContentType* content_type, const char* disposition);
// The same from the content type's values (type and subtype null: text, plain).
MimeNode NodeOf(int depth, const char* type, const char* subtype, const char* charset,
                const char* disposition);

// What both readers do once the tree is walked: the Return-Path, and the
// no-text-body anomaly.
void FinishMessage(ParsedMessage* m);

// Mailboxes of `list` (groups flattened), at most 256.
void CollectAddresses(InternetAddressList* list, std::vector<Address>* out);

// Fills date_unix, date_offset_minutes and date_iso from a parsed date
// (null: left empty).
void SetDate(GDateTime* date, ParsedMessage* m);

// Transfer-decodes `content` (base64 and quoted-printable as GMime's decoders
// do, transfer_decode.h; anything else is copied), keeping at most `limit`
// output bytes. The fast reader, its one caller, leaves uuencoded parts to
// GMime.
std::string DecodeTransfer(std::string_view content, GMimeContentEncoding encoding, size_t limit);

// A leaf of the MIME tree, once its node is filled in: text/* becomes a
// TextBody (charset converted, anomalies recorded, fitted to the text budget
// of message.h), image/* and
// application/octet-stream an ImageAttachment. `decode(limit)` returns the
// transfer-decoded content; it is called at most once. Then the node is
// appended to the tree.
template <typename Decode>
void AddLeaf(MimeNode node, int alt_group, std::string_view content_id, Decode&& decode,
             ParsedMessage* m);

// Implementation details of AddLeaf.
void AddTextLeaf(MimeNode* node, int alt_group, std::string raw, ParsedMessage* m);
void AddImageLeaf(MimeNode* node, std::string_view content_id, std::string data, ParsedMessage* m);

template <typename Decode>
void AddLeaf(MimeNode node, int alt_group, std::string_view content_id, Decode&& decode,
             ParsedMessage* m) {
  const bool is_text = node.content_type.rfind("text/", 0) == 0;
  const bool is_image = node.content_type.rfind("image/", 0) == 0;
  if (is_text) {
    // Whole (at most the message's size): AddTextLeaf fits it to the budget.
    AddTextLeaf(&node, alt_group, decode(std::string::npos), m);
  } else if (is_image || node.content_type == "application/octet-stream") {
    AddImageLeaf(&node, content_id, decode(kMaxImageBytes + 1), m);
  }
  m->tree.push_back(std::move(node));
}

}  // namespace extortrace::mail::detail
