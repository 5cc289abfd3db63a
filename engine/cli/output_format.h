// The formats a command writes, chosen by --format or the extension of -o FILE, and drawing a
// document to an image file.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>

#include "options.h"
#include "render/document.h"

namespace creditlens::cli {

enum class OutputFormat { kPdf, kPng, kSvg, kJson, kCsv };

// --format, else -o's extension, among `accepted`. Throws UsageError naming the accepted formats.
OutputFormat ChooseOutputFormat(const ParsedArgs& args, std::initializer_list<OutputFormat> accepted);

bool IsImage(OutputFormat format);  // PDF, PNG or SVG

// Draws the document to `output` (written only when complete). Throws UsageError without -o.
void WriteImage(const render::Document& document, OutputFormat format,
                const std::optional<std::string>& output);

// Writes text to `output` atomically, or to stdout without -o.
void WriteText(const std::string& text, const std::optional<std::string>& output);

}  // namespace creditlens::cli
