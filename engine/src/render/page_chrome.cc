#include "render/page_chrome.h"

#include <string>

#include "render/theme.h"

namespace creditlens::render {
namespace {

constexpr double kSubtitleGap = 3;
constexpr double kRuleGap = 8;
constexpr double kSpaceBelowHeader = 14;

TextStyle TitleStyle() { return {theme::kTitleSize, true, theme::kText}; }
TextStyle SubtitleStyle() { return {theme::kSubtitleSize, false, theme::kMutedText}; }
TextStyle FooterStyle() { return {theme::kFooterSize, false, theme::kMutedText}; }

}  // namespace

double MeasureHeader(const Canvas& canvas, const Document& doc, double width) {
  if (doc.title.empty() && doc.subtitle.empty()) return 0;
  double height = 0;
  if (!doc.title.empty()) height += canvas.WrappedText(doc.title, TitleStyle(), width).height();
  if (!doc.subtitle.empty())
    height += kSubtitleGap + canvas.WrappedText(doc.subtitle, SubtitleStyle(), width).height();
  return height + kRuleGap + kSpaceBelowHeader;
}

void DrawHeader(const Canvas& canvas, const Document& doc, double x, double y, double width) {
  if (doc.title.empty() && doc.subtitle.empty()) return;
  double top = y;
  if (!doc.title.empty()) {
    const TextBox title = canvas.WrappedText(doc.title, TitleStyle(), width);
    title.Draw(canvas.cr(), x, top);
    top += title.height();
  }
  if (!doc.subtitle.empty()) {
    const TextBox subtitle = canvas.WrappedText(doc.subtitle, SubtitleStyle(), width);
    subtitle.Draw(canvas.cr(), x, top + kSubtitleGap);
    top += kSubtitleGap + subtitle.height();
  }
  canvas.StrokeLine(x, top + kRuleGap, x + width, top + kRuleGap, 0.8, theme::kRule);
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
