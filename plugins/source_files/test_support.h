// Helpers for the files source's tests: small FOCUS exports (the header of the columns the mapping
// reads, and rows of them), the plugin's declared settings, and the message of an expected error.
#pragma once

#include <exception>
#include <string>
#include <string_view>

#include "files_connector.h"
#include "files_options.h"

namespace creditlens::files::testing {

inline constexpr std::string_view kFocusHeader =
    "BilledCost,ChargeCategory,ChargePeriodStart,EffectiveCost,Id,ServiceCategory,ServiceName,"
    "SubAccountId,SubAccountName,ConsumedQuantity,ConsumedUnit\n";

// One row in kFocusHeader's columns.
inline std::string FocusRow(std::string_view billed, std::string_view category, std::string_view start,
                            std::string_view id, std::string_view sub_account = "111",
                            std::string_view service = "Amazon Simple Queue Service",
                            std::string_view quantity = "2.0", std::string_view effective = "0") {
  std::string row;
  for (std::string_view field :
       {billed, category, start, effective, id, std::string_view("Integration"), service, sub_account,
        std::string_view("\"Atlas, Nimbus\""), quantity, std::string_view("Requests")}) {
    (row += row.empty() ? "" : ",") += field;
  }
  return row + "\n";
}

inline FocusOptions Priced(std::string_view price, std::string_view cost_column = "BilledCost") {
  FocusOptions focus;
  focus.credit_price_text = price;
  focus.credit_price = *ParseExactDecimal(price);
  focus.cost_column = cost_column;
  return focus;
}

// Every setting the plugin declares, defaulted, with uri set.
inline Settings DeclaredSettings(const std::string& uri) {
  Settings settings;
  for (const SettingSpec& spec : FilesConnector().Describe().settings)
    settings[spec.name] = spec.default_value;
  settings["uri"] = uri;
  return settings;
}

// The message of what call throws, or "no error".
template <typename Call>
std::string ErrorOf(Call&& call) {
  try {
    call();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace creditlens::files::testing
