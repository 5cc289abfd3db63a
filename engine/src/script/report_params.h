// A report's declared parameters and the values a run gives them (defaults, or --param name=value),
// checked against their declared type with errors that list what is accepted.
#pragma once

#include <boost/json/value.hpp>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace creditlens::script {

struct ParamSpec {
  std::string name;
  std::string type;  // range, bool, number, string, choice
  boost::json::value default_value;
  std::vector<std::string> choices;
  std::string description;
};

// A parameter given a name or value the report does not accept: the caller's mistake, not the script's.
class ParamError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Values as Lua will see them: strings, numbers or booleans.
using ParamValues = std::map<std::string, boost::json::value>;

// Parses the "params" object of the describe stage. Throws std::invalid_argument naming the param.
std::vector<ParamSpec> ReadParamSpecs(const boost::json::object& params);

// Applies overrides (from --param) over defaults. Throws ParamError listing accepted names for an
// unknown one, and the accepted values for a bad one.
ParamValues ResolveParams(const std::vector<ParamSpec>& specs,
                          const std::map<std::string, std::string>& overrides);

}  // namespace creditlens::script
