#include "render/text_block.h"

#include "render/theme.h"

namespace creditlens::render {
namespace {

constexpr double kRuleGap = 3;  // between a level-1 heading and its hairline

TextStyle HeadingStyle(const Heading& heading) {
  return {heading.level <= 1 ? theme::kHeading1Size : theme::kHeading2Size, true, std::nullopt};
}

bool HasRule(const Heading& heading) { return heading.level <= 1; }

TextStyle ParagraphStyle() { return {theme::kBodySize, false, std::nullopt, 1.3}; }

}  // namespace

double MeasureHeading(const Canvas& canvas, const Heading& heading, double width) {
  if (heading.text.empty()) return 0;
  const double text = canvas.WrappedText(heading.text, HeadingStyle(heading), width).height();
  return HasRule(heading) ? text + kRuleGap + 0.5 : text;
}

void DrawHeading(const Canvas& canvas, const Heading& heading, double x, double y, double width) {
  if (heading.text.empty()) return;
  const TextBox text = canvas.WrappedText(heading.text, HeadingStyle(heading), width);
  text.Draw(canvas.cr(), x, y);
  if (HasRule(heading)) {
    const double rule_y = y + text.height() + kRuleGap;
    canvas.StrokeLine(x, rule_y, x + width, rule_y, 0.5, theme::kRule);
  }
}

double MeasureParagraph(const Canvas& canvas, const Paragraph& paragraph, double width) {
  if (paragraph.text.empty()) return 0;
  return canvas.WrappedText(paragraph.text, ParagraphStyle(), width).height();
}

void DrawParagraph(const Canvas& canvas, const Paragraph& paragraph, double x, double y, double width) {
  if (paragraph.text.empty()) return;
  canvas.WrappedText(paragraph.text, ParagraphStyle(), width).Draw(canvas.cr(), x, y);
}

}  // namespace creditlens::render
