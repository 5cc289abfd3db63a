#include "script/report_params.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace creditlens::script {
namespace {

std::vector<ParamSpec> Specs() {
  return ReadParamSpecs(boost::json::parse(R"({
    "range": {"type": "range", "default": "billing_month"},
    "cumulative": {"type": "bool", "default": false},
    "unit": {"type": "choice", "choices": ["credits", "dollars"], "default": "credits"},
    "scale": {"type": "number", "default": 1}
  })")
                            .as_object());
}

std::string ErrorOf(const std::map<std::string, std::string>& overrides) {
  try {
    ResolveParams(Specs(), overrides);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST(ReportParams, DefaultsAndOverrides) {
  const auto values = ResolveParams(Specs(), {{"cumulative", "true"}, {"unit", "dollars"}, {"scale", "2.5"}});
  EXPECT_EQ(values.at("range").as_string(), "billing_month");
  EXPECT_EQ(values.at("cumulative").as_bool(), true);
  EXPECT_EQ(values.at("unit").as_string(), "dollars");
  EXPECT_EQ(values.at("scale").as_double(), 2.5);
}

TEST(ReportParams, ClearErrorsListWhatIsAccepted) {
  const std::string unknown = ErrorOf({{"colour", "red"}});
  EXPECT_EQ(unknown.rfind("unknown param 'colour'; this report accepts: ", 0), 0u) << unknown;
  EXPECT_NE(unknown.find("cumulative (true or false)"), std::string::npos);
  EXPECT_NE(unknown.find("unit (one of credits, dollars)"), std::string::npos);
  EXPECT_EQ(ErrorOf({{"unit", "euros"}}), "param 'unit': 'euros' is not one of credits, dollars");
  EXPECT_EQ(ErrorOf({{"cumulative", "maybe"}}), "param 'cumulative': 'maybe' is not true or false");
  EXPECT_EQ(ErrorOf({{"scale", "2x"}}), "param 'scale': '2x' is not a number");
}

TEST(ReportParams, UnknownTypeIsRefused) {
  EXPECT_THROW(ReadParamSpecs(boost::json::parse(R"({"x": {"type": "colour"}})").as_object()),
               std::invalid_argument);
}

}  // namespace
}  // namespace creditlens::script
