#include "mail/detail/describe.h"

#include <algorithm>
#include <functional>
#include <vector>

namespace extortrace::mail::detail {

std::string Describe(const ParsedMessage& m) {
  std::string s = "id=" + m.message_id + " date=" + m.date_iso + " " + std::to_string(m.date_unix) +
                  " subject=" + m.subject + " rp=" + m.return_path + "\n";
  for (const Header& h : m.headers) s += "H " + h.name + ": " + h.value + "\n";
  auto addrs = [&s](const char* what, const std::vector<Address>& v) {
    for (const Address& a : v) s += std::string(what) + " " + a.name + " <" + a.email + ">\n";
  };
  addrs("from", m.from);
  addrs("to", m.to);
  addrs("reply-to", m.reply_to);
  for (const MimeNode& n : m.tree) {
    s += "N " + std::to_string(n.depth) + " " + n.content_type + " cs=" + n.charset +
         " enc=" + n.encoding + " fn=" + n.filename + " disp=" + n.disposition +
         " size=" + std::to_string(n.decoded_size) + "\n";
  }
  for (const TextBody& b : m.bodies) {
    s += "B html=" + std::to_string(b.html) + " alt=" + std::to_string(b.in_alternative) + "/" +
         std::to_string(b.alternative_group) + " cs=" + b.charset_used +
         " depth=" + std::to_string(b.depth) + " len=" + std::to_string(b.text.size()) + "\n" +
         b.text + "\n";
  }
  for (const ImageAttachment& i : m.images) {
    s += "I " + i.content_type + " " + i.filename + " cid=" + i.content_id +
         " len=" + std::to_string(i.data.size()) +
         " sum=" + std::to_string(std::hash<std::string>{}(i.data)) + "\n";
  }
  std::vector<std::string> anomalies = m.anomalies;
  std::sort(anomalies.begin(), anomalies.end());
  for (const std::string& a : anomalies) s += "A " + a + "\n";
  return s;
}

}  // namespace extortrace::mail::detail
