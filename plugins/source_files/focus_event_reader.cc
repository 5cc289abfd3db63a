// FOCUS rows onto usage events: the columns the mapping reads, checked and converted exactly.
#include "focus_event_reader.h"

#include <algorithm>
#include <stdexcept>

#include "model/timestamp.h"

namespace creditlens::files {
namespace {

constexpr std::size_t kMaxTextLength = 512;  // as for every text field of the data contract

std::string Quoted(std::string_view text) {
  constexpr std::size_t kShown = 60;
  return "'" + std::string(text.substr(0, kShown)) + (text.size() > kShown ? "...'" : "'");
}

model::FieldError Expected(std::string_view column, const std::string& expected, std::string_view got) {
  return {std::string(column), "expected " + expected + ", got " + Quoted(got)};
}

std::size_t ColumnOf(std::span<const std::string_view> header, std::string_view name) {
  const auto it = std::find(header.begin(), header.end(), name);
  return it == header.end() ? SIZE_MAX : static_cast<std::size_t>(it - header.begin());
}

}  // namespace

bool IsFocusHeader(std::span<const std::string_view> header) {
  return ColumnOf(header, "BilledCost") != SIZE_MAX && ColumnOf(header, "ChargePeriodStart") != SIZE_MAX;
}

bool IsFocusFile(const std::filesystem::path& path) {
  model::CsvReader csv(path);
  model::CsvRecord header;
  return csv.Next(header) && header.error.empty() && IsFocusHeader(header.fields);
}

FocusEventReader::FocusEventReader(const std::filesystem::path& path, const FocusOptions& focus)
    : file_name_(path.filename().string()), focus_(focus), csv_(path) {
  if (!focus_.priced()) throw std::logic_error("a FOCUS reader needs a credit price");
  model::CsvRecord header;
  if (!csv_.Next(header)) throw std::runtime_error(path.string() + ": empty file (expected a header row)");
  if (!header.error.empty()) throw std::runtime_error(path.string() + ":1: header: " + header.error);
  header_size_ = header.fields.size();
  const auto column = [&](std::string_view name, bool required) {
    const std::size_t at = ColumnOf(header.fields, name);
    if (required && at == SIZE_MAX) {
      throw std::runtime_error(path.string() + ":1: header: a FOCUS export needs the column '" +
                               std::string(name) + "'");
    }
    return at;
  };
  columns_.charge_category = column("ChargeCategory", true);
  columns_.period_start = column("ChargePeriodStart", true);
  columns_.sub_account_id = column("SubAccountId", true);
  columns_.service_category = column("ServiceCategory", true);
  columns_.service_name = column("ServiceName", true);
  columns_.cost = column(focus_.cost_column, true);
  columns_.sub_account_name = column("SubAccountName", false);
  columns_.id = column("Id", false);
  columns_.consumed_quantity = column("ConsumedQuantity", false);
  columns_.consumed_unit = column("ConsumedUnit", false);
}

std::string_view FocusEventReader::Value(std::size_t column) const {
  if (column == kNone) return {};
  const std::string_view text = record_.fields[column];
  return text == "NULL" ? std::string_view{} : text;
}

bool FocusEventReader::Next(model::EventRow& row) {
  while (csv_.Next(record_)) {
    row.line = record_.line;
    row.error.reset();
    row.raw.clear();
    sub_account_name_ = {};
    bool skip = false;
    if (!record_.error.empty()) {
      row.error = model::FieldError{"", record_.error};
    } else if (record_.fields.size() != header_size_) {
      row.error = model::FieldError{"", "expected " + std::to_string(header_size_) +
                                            " fields as in the header, found " +
                                            std::to_string(record_.fields.size())};
    } else {
      row.error = MapRow(row.event, skip);
    }
    if (skip) continue;
    if (row.error) row.raw.assign(record_.raw);
    return true;
  }
  sub_account_name_ = {};
  return false;
}

std::optional<model::FieldError> FocusEventReader::MapRow(UsageEvent& event, bool& skip) {
  const std::string_view category = Value(columns_.charge_category);
  if (category.empty()) return model::FieldError{"ChargeCategory", "is required"};
  if (category != "Usage") {
    ++skipped_.by_charge_category[std::string(category)];
    skip = true;
    return std::nullopt;
  }
  const std::string_view cost_text = Value(columns_.cost);
  if (cost_text.empty()) return model::FieldError{focus_.cost_column, "is required"};
  const auto cost = ParseExactDecimal(cost_text);
  if (!cost) return Expected(focus_.cost_column, "a decimal number", cost_text);
  if (cost->negative()) {
    ++skipped_.negative_usage;
    skip = true;
    return std::nullopt;
  }
  return FillEvent(*cost, cost_text, event);
}

std::optional<model::FieldError> FocusEventReader::FillEvent(const ExactDecimal& cost,
                                                             std::string_view cost_text, UsageEvent& event) {
  // The texts: at most kMaxTextLength bytes each, like every text of the data contract.
  std::optional<model::FieldError> error;
  const auto text = [&](std::size_t column, std::string_view name, bool required, std::string& out) {
    if (error) return;
    const std::string_view value = Value(column);
    if (required && value.empty()) {
      error = model::FieldError{std::string(name), "is required"};
    } else if (value.size() > kMaxTextLength) {
      error = Expected(name, "at most " + std::to_string(kMaxTextLength) + " characters", value);
    }
    out.assign(value);
  };
  text(columns_.sub_account_id, "SubAccountId", true, event.workspace_id);
  text(columns_.service_category, "ServiceCategory", true, event.category);
  text(columns_.service_name, "ServiceName", true, event.feature);
  text(columns_.consumed_unit, "ConsumedUnit", false, event.unit);
  if (error) return error;
  sub_account_name_ = Value(columns_.sub_account_name).substr(0, kMaxTextLength);

  const std::string_view start = Value(columns_.period_start);
  if (start.empty()) return model::FieldError{"ChargePeriodStart", "is required"};
  auto ts = model::ParseIsoTimestamp(start);
  if (!ts) {  // FOCUS times are UTC: "2024-09-18 22:00:00" is written without an offset
    ts_text_.assign(start).push_back('Z');
    ts = model::ParseIsoTimestamp(ts_text_);
  }
  if (!ts) return Expected("ChargePeriodStart", "a UTC date and time like 2024-09-18 22:00:00", start);

  const auto credits = DivideToMicros(cost, focus_.credit_price);
  if (!credits)
    return Expected(focus_.cost_column, "a cost worth at most 9223372036854 credits at focus_credit_price",
                    cost_text);

  event.quantity.reset();
  if (const std::string_view quantity_text = Value(columns_.consumed_quantity); !quantity_text.empty()) {
    const auto quantity = ParseExactDecimal(quantity_text);
    if (!quantity) return Expected("ConsumedQuantity", "a decimal number", quantity_text);
    const auto micros = ToMicros(*quantity);
    if (!micros) return Expected("ConsumedQuantity", "a quantity of at most 9223372036854", quantity_text);
    if (*micros >= 0) event.quantity = *micros;  // a negative quantity on a charge is left out
  }

  text(columns_.id, "Id", false, event.id);
  if (error) return error;
  if (event.id.empty()) event.id = file_name_ + ":" + std::to_string(record_.line);
  event.ts_ms = *ts;
  event.credits = *credits;
  event.folder.clear();
  event.api_key.clear();
  event.user_id.clear();
  event.source.clear();
  event.run_id.clear();
  event.module.clear();
  event.data_bytes.reset();
  return std::nullopt;
}

}  // namespace creditlens::files
