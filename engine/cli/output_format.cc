#include "output_format.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "render/renderer.h"
#include "util/atomic_file.h"

namespace creditlens::cli {
namespace {

const char* NameOf(OutputFormat format) {
  switch (format) {
    case OutputFormat::kPdf:
      return "pdf";
    case OutputFormat::kPng:
      return "png";
    case OutputFormat::kSvg:
      return "svg";
    case OutputFormat::kJson:
      return "json";
    case OutputFormat::kCsv:
      return "csv";
  }
  return "?";
}

std::string AcceptedNames(std::initializer_list<OutputFormat> accepted) {
  std::string names;
  for (const OutputFormat format : accepted)
    names += (names.empty() ? "" : ", ") + std::string(NameOf(format));
  return names;
}

OutputFormat ParseFormat(const std::string& text, std::initializer_list<OutputFormat> accepted) {
  const auto found = std::find_if(accepted.begin(), accepted.end(),
                                  [&](OutputFormat format) { return text == NameOf(format); });
  if (found == accepted.end()) {
    throw UsageError("unknown format '" + text + "' (accepted: " + AcceptedNames(accepted) + ")");
  }
  return *found;
}

}  // namespace

OutputFormat ChooseOutputFormat(const ParsedArgs& args, std::initializer_list<OutputFormat> accepted) {
  if (const auto format = args.Get("format")) return ParseFormat(*format, accepted);
  if (const auto output = args.Get("output")) {
    const std::string extension = std::filesystem::path(*output).extension().string();
    if (extension.size() > 1) return ParseFormat(extension.substr(1), accepted);
    throw UsageError("cannot tell the format of '" + *output + "': give --format or a name ending in ." +
                     AcceptedNames(accepted));
  }
  throw UsageError("give -o FILE, or --format json to write the numbers to standard output");
}

bool IsImage(OutputFormat format) {
  return format == OutputFormat::kPdf || format == OutputFormat::kPng || format == OutputFormat::kSvg;
}

void WriteImage(const render::Document& document, OutputFormat format,
                const std::optional<std::string>& output) {
  if (!output) throw UsageError("PDF, PNG and SVG need -o FILE");
  const render::ImageFormat image = format == OutputFormat::kPdf   ? render::ImageFormat::kPdf
                                    : format == OutputFormat::kPng ? render::ImageFormat::kPng
                                                                   : render::ImageFormat::kSvg;
  render::RenderDocument(document, *output, image);
}

void WriteText(const std::string& text, const std::optional<std::string>& output) {
  if (output) {
    util::WriteFileAtomically(*output, text);
  } else {
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
}

}  // namespace creditlens::cli
