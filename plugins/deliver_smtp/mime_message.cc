// MIME structure: mixed [ alternative [ text, related [ html, inline images ] ], attachments ].
// Levels that would hold one part are left out.
#include "mime_message.h"

#include <Poco/Net/StringPartSource.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <stdexcept>

namespace creditlens::smtp {
namespace {

using Poco::Net::MailMessage;
using Poco::Net::MultipartSource;

const char* const kTextType = "text/plain; charset=UTF-8";
const char* const kHtmlType = "text/html; charset=UTF-8";

bool IsValidAddress(const std::string& address) {
  const auto at = address.find('@');
  return at != std::string::npos && at > 0 && at + 1 < address.size() &&
         address.find('@', at + 1) == std::string::npos &&
         std::none_of(address.begin(), address.end(), [](unsigned char c) {
           return c <= ' ' || c == '<' || c == '>' || c == ',' || c == '"' || c >= 0x7f;
         });
}

std::string Trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool IsPlainAscii(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return c >= ' ' && c < 0x7f; });
}

std::unique_ptr<Poco::Net::PartSource> AttachmentPart(const DeliveryAttachment& attachment) {
  auto part = std::make_unique<Poco::Net::StringPartSource>(attachment.content, attachment.mime_type,
                                                            MailMessage::encodeWord(attachment.file_name));
  if (!attachment.content_id.empty()) part->headers().set("Content-ID", "<" + attachment.content_id + ">");
  return part;
}

// The HTML body, wrapped with its inline images in multipart/related when there are any.
std::unique_ptr<Poco::Net::PartSource> HtmlPart(const std::string& html,
                                                const std::vector<const DeliveryAttachment*>& inline_images) {
  auto html_part = std::make_unique<Poco::Net::StringPartSource>(html, kHtmlType);
  if (inline_images.empty()) return html_part;
  auto related = std::make_unique<MultipartSource>("multipart/related");
  related->addPart("", html_part.release(), MailMessage::CONTENT_INLINE,
                   MailMessage::ENCODING_QUOTED_PRINTABLE);
  for (const auto* image : inline_images) {
    related->addPart(MailMessage::encodeWord(image->file_name), AttachmentPart(*image).release(),
                     MailMessage::CONTENT_INLINE, MailMessage::ENCODING_BASE64);
  }
  return related;
}

}  // namespace

Mailbox ParseMailbox(const std::string& text) {
  if (text.find_first_of("\r\n") != std::string::npos) {
    throw std::invalid_argument("mail address '" + text + "' contains a line break");
  }
  Mailbox mailbox;
  const auto open = text.rfind('<');
  if (open == std::string::npos) {
    mailbox.address = Trim(text);
  } else {
    const auto close = text.find('>', open);
    if (close == std::string::npos || !Trim(text.substr(close + 1)).empty()) {
      throw std::invalid_argument("mail address '" + text + "' is not of the form Name <address>");
    }
    mailbox.address = text.substr(open + 1, close - open - 1);
    mailbox.name = Trim(text.substr(0, open));
    if (mailbox.name.size() >= 2 && mailbox.name.front() == '"' && mailbox.name.back() == '"') {
      mailbox.name = mailbox.name.substr(1, mailbox.name.size() - 2);
    }
  }
  if (!IsValidAddress(mailbox.address)) {
    throw std::invalid_argument("'" + mailbox.address + "' is not a mail address (expected local@domain)");
  }
  return mailbox;
}

std::string FormatMailbox(const Mailbox& mailbox) {
  if (mailbox.name.empty()) return mailbox.address;
  if (!IsPlainAscii(mailbox.name))
    return MailMessage::encodeWord(mailbox.name) + " <" + mailbox.address + ">";
  std::string quoted = "\"";
  for (const char c : mailbox.name) quoted += (c == '"' || c == '\\') ? std::string{'\\', c} : std::string{c};
  return quoted + "\" <" + mailbox.address + ">";
}

std::string MessageId(const std::string& idempotency_key) {
  std::string id = "<";
  for (const char c : idempotency_key) id += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '_';
  return id + "@creditlens>";
}

void BuildMailMessage(const Delivery& delivery, MailMessage& message) {
  if (delivery.to.empty()) throw std::invalid_argument("a delivery needs at least one recipient");
  message.setSender(FormatMailbox(ParseMailbox(delivery.from)));
  for (const auto& to : delivery.to) {
    const Mailbox mailbox = ParseMailbox(to);
    const std::string name = mailbox.name.empty() ? "" : MailMessage::encodeWord(mailbox.name);
    message.addRecipient(
        Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, mailbox.address, name));
  }
  message.setSubject(MailMessage::encodeWord(delivery.subject));
  if (!delivery.idempotency_key.empty()) message.set("Message-ID", MessageId(delivery.idempotency_key));

  std::vector<const DeliveryAttachment*> inline_images;
  std::vector<const DeliveryAttachment*> attachments;
  for (const auto& attachment : delivery.attachments) {
    const bool shown_inline = delivery.html_body && !attachment.content_id.empty();
    (shown_inline ? inline_images : attachments).push_back(&attachment);
  }

  if (!delivery.html_body && attachments.empty()) {
    message.setContentType(kTextType);
    message.setContent(delivery.text_body, MailMessage::ENCODING_QUOTED_PRINTABLE);
    return;
  }
  if (delivery.html_body) {
    auto alternative = std::make_unique<MultipartSource>("multipart/alternative");
    alternative->addPart("", new Poco::Net::StringPartSource(delivery.text_body, kTextType),
                         MailMessage::CONTENT_INLINE, MailMessage::ENCODING_QUOTED_PRINTABLE);
    auto html = HtmlPart(*delivery.html_body, inline_images);
    const auto html_encoding =
        inline_images.empty() ? MailMessage::ENCODING_QUOTED_PRINTABLE : MailMessage::ENCODING_7BIT;
    alternative->addPart("", html.release(), MailMessage::CONTENT_INLINE, html_encoding);
    message.addContent(alternative.release(), MailMessage::ENCODING_7BIT);
  } else {
    message.addContent(new Poco::Net::StringPartSource(delivery.text_body, kTextType),
                       MailMessage::ENCODING_QUOTED_PRINTABLE);
  }
  for (const auto* attachment : attachments) {
    message.addAttachment(MailMessage::encodeWord(attachment->file_name),
                          AttachmentPart(*attachment).release(), MailMessage::ENCODING_BASE64);
  }
}

}  // namespace creditlens::smtp
