#include "render/page_chrome.h"

#include <algorithm>
#include <string>

#include "render/theme.h"

namespace creditlens::render {
namespace {

constexpr double kSubtitleGap = 3;
constexpr double kRuleGap = 8;
constexpr double kSpaceBelowHeader = 14;
constexpr double kLogoGap = 12;  // between the title and the logo

TextStyle TitleStyle() { return {theme::kTitleSize, true, std::nullopt}; }
TextStyle SubtitleStyle() { return {theme::kSubtitleSize, false, theme::kMutedText}; }
TextStyle FooterStyle() { return {theme::kFooterSize, false, theme::kMutedText}; }

bool HasHeader(const Document& doc, const Logo& logo) {
  return !doc.title.empty() || !doc.subtitle.empty() || !logo.empty();
}

// The width the title and subtitle wrap to: what the logo leaves.
double TextWidth(const Logo& logo, double width) {
  return logo.empty() ? width : std::max(width - logo.width() - kLogoGap, width / 3);
}

double TextHeight(const Canvas& canvas, const Document& doc, double width) {
  double height = 0;
  if (!doc.title.empty()) height += canvas.WrappedText(doc.title, TitleStyle(), width).height();
  if (!doc.subtitle.empty())
    height += kSubtitleGap + canvas.WrappedText(doc.subtitle, SubtitleStyle(), width).height();
  return height;
}

}  // namespace

double MeasureHeader(const Canvas& canvas, const Document& doc, const Logo& logo, double width) {
  if (!HasHeader(doc, logo)) return 0;
  const double text = TextHeight(canvas, doc, TextWidth(logo, width));
  return std::max(text, logo.height()) + kRuleGap + kSpaceBelowHeader;
}

void DrawHeader(const Canvas& canvas, const Document& doc, const Logo& logo, double x, double y,
                double width) {
  if (!HasHeader(doc, logo)) return;
  logo.Draw(canvas.cr(), x + width - logo.width(), y);
  const double text_width = TextWidth(logo, width);
  double top = y;
  if (!doc.title.empty()) {
    const TextBox title = canvas.WrappedText(doc.title, TitleStyle(), text_width);
    title.Draw(canvas.cr(), x, top);
    top += title.height();
  }
  if (!doc.subtitle.empty()) {
    const TextBox subtitle = canvas.WrappedText(doc.subtitle, SubtitleStyle(), text_width);
    subtitle.Draw(canvas.cr(), x, top + kSubtitleGap);
    top += kSubtitleGap + subtitle.height();
  }
  const double rule_y = std::max(top, y + logo.height()) + kRuleGap;
  canvas.StrokeLine(x, rule_y, x + width, rule_y, 0.8, theme::kRule);
}

void DrawFooter(const Canvas& canvas, const Document& doc, int page, int page_count, double x, double bottom,
                double width) {
  const TextBox number =
      canvas.Text("page " + std::to_string(page) + " of " + std::to_string(page_count), FooterStyle());
  const double top = bottom - number.height();
  number.Draw(canvas.cr(), x + width - number.width(), top);
  if (!doc.title.empty()) {
    canvas.Text(doc.title, FooterStyle(), width - number.width() - 24).Draw(canvas.cr(), x, top);
  }
  canvas.StrokeLine(x, top - 4, x + width, top - 4, 0.5, theme::kRule);
}

}  // namespace creditlens::render
