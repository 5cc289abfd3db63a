// Test driver: loads a deliverer plugin (smtp unless --deliverer names another) through the registry
// and sends one delivery described on the command line. Prints "ok" or "<transient|permanent>:
// <message>"; exits 0 when delivered, 1 when not, 2 for a usage error.
//
//   deliver_driver --plugin-dir DIR [--deliverer NAME] [--set name=value]... [--from ADDR] [--to ADDR]...
//                  [--subject TEXT] [--text TEXT] [--html TEXT] [--attach PATH,MIME[,CONTENT_ID]]...
//                  [--key IDEMPOTENCY_KEY]
#include <cstdio>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "plugin/plugin_registry.h"

namespace {

using creditlens::Delivery;
using creditlens::DeliveryAttachment;

struct DriverArgs {
  std::vector<std::filesystem::path> plugin_dirs;
  std::string deliverer = "smtp";
  creditlens::Settings settings;
  Delivery delivery;
};

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// "PATH,MIME[,CONTENT_ID]"
DeliveryAttachment ParseAttachment(const std::string& spec) {
  const auto first = spec.find(',');
  if (first == std::string::npos) throw std::invalid_argument("--attach expects PATH,MIME[,CONTENT_ID]");
  const auto second = spec.find(',', first + 1);
  const std::filesystem::path path = spec.substr(0, first);
  DeliveryAttachment attachment;
  attachment.file_name = path.filename().string();
  attachment.mime_type =
      spec.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
  attachment.content = ReadFile(path);
  if (second != std::string::npos) attachment.content_id = spec.substr(second + 1);
  return attachment;
}

DriverArgs ParseArgs(int argc, char** argv) {
  DriverArgs args;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) throw std::invalid_argument(flag + " needs a value");
    const std::string value = argv[++i];
    if (flag == "--plugin-dir") {
      args.plugin_dirs.emplace_back(value);
    } else if (flag == "--deliverer") {
      args.deliverer = value;
    } else if (flag == "--set") {
      const auto equals = value.find('=');
      if (equals == std::string::npos) throw std::invalid_argument("--set expects name=value");
      args.settings[value.substr(0, equals)] = value.substr(equals + 1);
    } else if (flag == "--from") {
      args.delivery.from = value;
    } else if (flag == "--to") {
      args.delivery.to.push_back(value);
    } else if (flag == "--subject") {
      args.delivery.subject = value;
    } else if (flag == "--text") {
      args.delivery.text_body = value;
    } else if (flag == "--html") {
      args.delivery.html_body = value;
    } else if (flag == "--attach") {
      args.delivery.attachments.push_back(ParseAttachment(value));
    } else if (flag == "--key") {
      args.delivery.idempotency_key = value;
    } else {
      throw std::invalid_argument("unknown option " + flag);
    }
  }
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  DriverArgs args;
  try {
    args = ParseArgs(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "usage error: %s\n", e.what());
    return 2;
  }
  creditlens::plugin::PluginRegistry registry;
  registry.LoadFrom(args.plugin_dirs);
  try {
    auto deliverer = registry.CreateDeliverer(args.deliverer);
    creditlens::Settings settings;
    for (const auto& spec : deliverer->Describe().settings) settings[spec.name] = spec.default_value;
    for (const auto& [name, value] : args.settings) settings[name] = value;
    const creditlens::Status opened = deliverer->Open(settings);
    if (!opened.ok()) throw std::runtime_error(opened.message());
    const creditlens::DeliveryResult result = deliverer->Deliver(args.delivery);
    if (!result.ok()) {
      std::printf("%s: %s\n", creditlens::ToString(result.failure()), result.message().c_str());
      return 1;
    }
  } catch (const std::exception& e) {
    std::printf("error: %s\n", e.what());
    return 1;
  }
  std::printf("ok\n");
  return 0;
}
