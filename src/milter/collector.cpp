#include "milter/collector.h"

#include <utility>

namespace extortrace::milter {

void Collector::Connect(std::string host, std::string address) {
  msg_ = CollectedMessage{};
  msg_.envelope.client_host = std::move(host);
  msg_.envelope.client_address = std::move(address);
}

void Collector::StartMessage(std::string mail_from) {
  std::string queue_id = std::move(msg_.envelope.queue_id);
  FinishMessage();
  msg_.envelope.queue_id = std::move(queue_id);
  msg_.envelope.mail_from = std::move(mail_from);
}

void Collector::AddRecipient(std::string rcpt) {
  if (msg_.envelope.rcpt_to.size() < limits_.max_recipients) {
    msg_.envelope.rcpt_to.push_back(std::move(rcpt));
  }
}

void Collector::AddHeader(std::string name, std::string value) {
  msg_.total_bytes += name.size() + value.size() + 4;  // "Name: value\r\n"
  if (msg_.total_bytes > limits_.max_message_bytes) {
    msg_.oversized = true;
    return;
  }
  if (msg_.oversized || msg_.headers.size() >= limits_.max_headers) return;
  msg_.headers.push_back({std::move(name), std::move(value)});
}

void Collector::AddBody(std::string_view chunk) {
  msg_.total_bytes += chunk.size();
  if (msg_.total_bytes > limits_.max_message_bytes) msg_.oversized = true;
  if (msg_.oversized) {
    // Not scanned: keep nothing of it (the rest is still counted).
    if (msg_.body.capacity() != 0) std::string().swap(msg_.body);
    return;
  }
  msg_.body.append(chunk);
}

void Collector::FinishMessage() {
  Envelope keep;
  keep.client_host = std::move(msg_.envelope.client_host);
  keep.client_address = std::move(msg_.envelope.client_address);
  keep.helo = std::move(msg_.envelope.helo);
  msg_ = CollectedMessage{};
  msg_.envelope = std::move(keep);
}

}  // namespace extortrace::milter
