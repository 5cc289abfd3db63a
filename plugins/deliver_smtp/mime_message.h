// Turns a Delivery into a Poco::Net::MailMessage: RFC 2047 encoded UTF-8 subject and names,
// multipart/alternative for text + HTML, multipart/related for inline images, multipart/mixed for
// attachments.
#pragma once

#include <Poco/Net/MailMessage.h>

#include <string>

#include "creditlens/deliverer.h"

namespace creditlens::smtp {

struct Mailbox {
  std::string name;     // may be empty; UTF-8
  std::string address;  // local@domain
};

// Reads "a@x.test" or "Name <a@x.test>"; throws std::invalid_argument for a malformed address.
Mailbox ParseMailbox(const std::string& text);

// The header form: "=?UTF-8?q?...?= <a@x.test>", a quoted ASCII name, or the bare address.
std::string FormatMailbox(const Mailbox& mailbox);

// "<key@creditlens>", with characters a msg-id cannot hold replaced by '_'.
std::string MessageId(const std::string& idempotency_key);

// Fills an empty message (with a Message-ID when the delivery has an idempotency key); throws std::invalid_argument for a malformed address or no recipients.
void BuildMailMessage(const Delivery& delivery, Poco::Net::MailMessage& message);

}  // namespace creditlens::smtp
