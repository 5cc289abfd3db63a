#include "script/report_canvas.h"

#include <boost/json.hpp>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "render/report_theme.h"

namespace creditlens::script {
namespace {

namespace json = boost::json;
namespace op = render::canvas_op;

constexpr double kMaxCoordinate = 1e6;  // beyond this cairo's fixed-point coordinates lose their way
constexpr double kMaxCanvasSize = 10'000;
constexpr double kMinTextSize = 0.5;
constexpr double kMaxTextSize = 200;
constexpr double kMaxLineWidth = 1'000;
constexpr std::size_t kMaxDashes = 16;

std::string Show(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

// Names the block, or one of its ops, in an error message: "layout[4].ops[17] (fill)". Built only
// when an error is thrown: a canvas may hold half a million ops.
struct Where {
  const std::string& block;
  std::size_t op = 0;  // 1-based; 0 for the block itself
  std::string_view kind = {};

  [[noreturn]] void Fail(const std::string& message) const {
    std::string name = block;
    if (op > 0) name += ".ops[" + std::to_string(op) + "]";
    if (!kind.empty()) name += " (" + std::string(kind) + ")";
    throw std::invalid_argument(name + ": " + message);
  }
};

// The fields of one JSON object (the block, or one op), read with errors that name it.
class Fields {
 public:
  Fields(const json::object& object, Where where) : object_(object), where_(where) {}

  [[noreturn]] void Fail(const std::string& message) const { where_.Fail(message); }

  double Number(const char* key, double min, double max) const {
    const std::optional<double> number = OptionalNumber(key, min, max);
    if (!number) Fail(std::string(key) + " is missing (a number)");
    return *number;
  }
  std::optional<double> OptionalNumber(const char* key, double min, double max) const {
    const json::value* v = object_.if_contains(key);
    if (!v) return std::nullopt;
    return Checked(key, *v, min, max);
  }
  double Coordinate(const char* key) const { return Number(key, -kMaxCoordinate, kMaxCoordinate); }

  bool Bool(const char* key) const {
    const json::value* v = object_.if_contains(key);
    if (v && !v->is_bool()) Fail(std::string(key) + " must be true or false, not " + json::serialize(*v));
    return v && v->as_bool();
  }

  // An optional string field.
  std::optional<std::string> String(const char* key) const {
    const json::value* v = object_.if_contains(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) Fail(std::string(key) + " must be text, not " + json::serialize(*v));
    return std::string(v->as_string());
  }

  std::optional<render::theme::Color> Color(const char* key) const {
    const std::optional<std::string> text = String(key);
    if (!text) return std::nullopt;
    const std::optional<render::theme::Color> color = render::ParseHexColor(*text);
    if (!color) Fail(std::string(key) + " '" + *text + "' is not #rrggbb");
    return color;
  }

  template <class Enum>
  Enum Choice(const char* key, Enum fallback,
              std::initializer_list<std::pair<std::string_view, Enum>> choices) const {
    const std::optional<std::string> text = String(key);
    if (!text) return fallback;
    std::string accepted;
    for (const auto& [name, value] : choices) {
      if (name == *text) return value;
      accepted += (accepted.empty() ? "" : ", ") + std::string(name);
    }
    Fail(std::string(key) + " '" + *text + "' is not one of " + accepted);
  }

  std::vector<double> Dash(const char* key) const {
    std::vector<double> dash;
    const json::value* v = object_.if_contains(key);
    if (!v) return dash;
    if (!v->is_array() || v->as_array().size() > kMaxDashes) {
      Fail(std::string(key) + " must be a list of at most " + std::to_string(kMaxDashes) + " lengths");
    }
    double sum = 0;
    for (const json::value& length : v->as_array()) {
      dash.push_back(Checked(key, length, 0, kMaxCoordinate));
      sum += dash.back();
    }
    if (!dash.empty() && sum <= 0) Fail(std::string(key) + " lengths must not all be 0");
    return dash;
  }

 private:
  double Checked(const char* key, const json::value& v, double min, double max) const {
    if (!v.is_number()) Fail(std::string(key) + " must be a number, not " + json::serialize(v));
    const double number = v.to_number<double>();
    if (!std::isfinite(number) || number < min || number > max) {
      Fail(std::string(key) + " must be a finite number between " + Show(min) + " and " + Show(max) +
           ", not " + Show(number));
    }
    return number;
  }

  const json::object& object_;
  Where where_;
};

render::CanvasOp ReadArc(const Fields& f) {
  return op::Arc{f.Coordinate("x"),    f.Coordinate("y"),  f.Number("radius", 0, kMaxCoordinate),
                 f.Coordinate("from"), f.Coordinate("to"), f.Bool("ccw")};
}

render::CanvasOp ReadFill(const Fields& f) {
  return op::Fill{f.Color("color"), f.OptionalNumber("alpha", 0, 1).value_or(1), f.Bool("keep")};
}

render::CanvasOp ReadStroke(const Fields& f) {
  return op::Stroke{f.Color("color"), f.OptionalNumber("alpha", 0, 1).value_or(1),
                    f.OptionalNumber("width", 0, kMaxLineWidth).value_or(1), f.Dash("dash"), f.Bool("keep")};
}

render::CanvasOp ReadText(const Fields& f) {
  std::optional<std::string> content = f.String("text");
  if (!content) f.Fail("text is missing");
  op::Text text;
  text.x = f.Coordinate("x");
  text.y = f.Coordinate("y");
  text.text = std::move(*content);
  text.size = f.OptionalNumber("size", kMinTextSize, kMaxTextSize);
  text.bold = f.Bool("bold");
  text.color = f.Color("color");
  text.align =
      f.Choice("align", op::Align::kLeft,
               {{"left", op::Align::kLeft}, {"center", op::Align::kCenter}, {"right", op::Align::kRight}});
  text.vertical_align = f.Choice("valign", op::VerticalAlign::kBaseline,
                                 {{"top", op::VerticalAlign::kTop},
                                  {"middle", op::VerticalAlign::kMiddle},
                                  {"baseline", op::VerticalAlign::kBaseline},
                                  {"bottom", op::VerticalAlign::kBottom}});
  text.rotate = f.OptionalNumber("rotate", -kMaxCoordinate, kMaxCoordinate).value_or(0);
  return text;
}

struct OpKind {
  std::string_view name;
  render::CanvasOp (*read)(const Fields&);
};

constexpr OpKind kOpKinds[] = {
    {"move_to",
     [](const Fields& f) -> render::CanvasOp {
       return op::MoveTo{f.Coordinate("x"), f.Coordinate("y")};
     }},
    {"line_to",
     [](const Fields& f) -> render::CanvasOp {
       return op::LineTo{f.Coordinate("x"), f.Coordinate("y")};
     }},
    {"curve_to",
     [](const Fields& f) -> render::CanvasOp {
       return op::CurveTo{f.Coordinate("x1"), f.Coordinate("y1"), f.Coordinate("x2"),
                          f.Coordinate("y2"), f.Coordinate("x3"), f.Coordinate("y3")};
     }},
    {"arc", ReadArc},
    {"rect",
     [](const Fields& f) -> render::CanvasOp {
       return op::Rect{f.Coordinate("x"), f.Coordinate("y"), f.Coordinate("width"), f.Coordinate("height")};
     }},
    {"close_path", [](const Fields&) -> render::CanvasOp { return op::ClosePath{}; }},
    {"fill", ReadFill},
    {"stroke", ReadStroke},
    {"text", ReadText},
    {"save", [](const Fields&) -> render::CanvasOp { return op::Save{}; }},
    {"restore", [](const Fields&) -> render::CanvasOp { return op::Restore{}; }},
    {"clip", [](const Fields&) -> render::CanvasOp { return op::Clip{}; }},
};

std::string AcceptedOps() {
  std::string accepted;
  for (const OpKind& kind : kOpKinds) accepted += (accepted.empty() ? "" : ", ") + std::string(kind.name);
  return accepted;
}

// Reads ops[index - 1]; `depth` counts the saves not yet restored.
render::CanvasOp ReadOp(const json::value& value, const std::string& where, std::size_t index, int& depth) {
  const Where unnamed{where, index};
  if (!value.is_object())
    unnamed.Fail("expected a drawing operation { op = ... }, not " + json::serialize(value));
  const json::object& object = value.as_object();
  const json::value* name = object.if_contains("op");
  if (!name || !name->is_string())
    unnamed.Fail("expected a drawing operation { op = ... } with op naming it");
  for (const OpKind& kind : kOpKinds) {
    if (kind.name != name->as_string()) continue;
    const Fields fields(object, {where, index, kind.name});
    render::CanvasOp op = kind.read(fields);
    if (std::holds_alternative<op::Save>(op)) ++depth;
    if (std::holds_alternative<op::Restore>(op) && depth-- == 0)
      fields.Fail("restore without a matching save");
    return op;
  }
  unnamed.Fail("unknown op '" + std::string(name->as_string()) + "' (accepted: " + AcceptedOps() + ")");
}

}  // namespace

render::CanvasBlock ReadCanvasBlock(const json::object& block, const std::string& where) {
  const Fields fields(block, {where, 0, "canvas"});
  render::CanvasBlock canvas;
  canvas.title = fields.String("title").value_or("");
  canvas.width = fields.Number("width", 1, kMaxCanvasSize);
  canvas.height = fields.Number("height", 1, kMaxCanvasSize);
  const json::value* ops = block.if_contains("ops");
  if (!ops || !ops->is_array()) fields.Fail("ops must be a list of drawing operations");
  const json::array& list = ops->as_array();
  if (list.size() > render::kMaxCanvasOps) {
    fields.Fail(std::to_string(list.size()) + " drawing operations, more than the " +
                std::to_string(render::kMaxCanvasOps) + " a canvas may hold");
  }
  canvas.ops.reserve(list.size());
  int depth = 0;
  for (std::size_t i = 0; i < list.size(); ++i) canvas.ops.push_back(ReadOp(list[i], where, i + 1, depth));
  return canvas;
}

}  // namespace creditlens::script
