// Reads a FOCUS 1.0 cost and usage export (CSV) as usage events, one validated row at a time:
//   SubAccountId -> workspace_id (SubAccountName its name), ServiceCategory -> category,
//   ServiceName -> feature, ChargePeriodStart -> ts (UTC when written without an offset),
//   cost (BilledCost, or the configured cost column) / price per credit -> credits, rounded half-even
//   to 6 decimals, ConsumedQuantity/ConsumedUnit -> quantity/unit, Id -> id (else FILE:LINE).
// What counts as usage: rows whose ChargeCategory is Usage and whose cost is >= 0. Other charge
// categories (Purchase, Tax, Credit, Adjustment) and negative usage (refunds, corrections) are not
// credits consumed; they are skipped and counted, never half-read. A NULL value is the literal NULL
// or an empty field.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "files_options.h"
#include "model/csv_reader.h"
#include "model/event_reader.h"

namespace creditlens::files {

// True when a CSV header is a FOCUS export's: it has BilledCost and ChargePeriodStart, columns every
// FOCUS export has and no canonical event file can.
bool IsFocusHeader(std::span<const std::string_view> header);

// True when the CSV file at path starts with a FOCUS header. Throws std::runtime_error naming the
// file when it cannot be read.
bool IsFocusFile(const std::filesystem::path& path);

// The rows a FOCUS export held that are not usage events.
struct FocusSkips {
  std::map<std::string, std::uint64_t> by_charge_category;  // "Credit" -> 1
  std::uint64_t negative_usage = 0;                         // Usage rows with a cost < 0
};

class FocusEventReader final : public model::EventReader {
 public:
  // focus must be priced. Throws std::runtime_error naming the file for a header that lacks a
  // column the mapping needs.
  FocusEventReader(const std::filesystem::path& path, const FocusOptions& focus);

  // Reads the next usage row; rows that are not usage are skipped and counted in skipped().
  bool Next(model::EventRow& row) override;
  std::string_view current_text() const override { return record_.raw; }
  std::uint64_t bytes_read() const override { return csv_.bytes_read(); }
  std::uint64_t file_size() const override { return csv_.file_size(); }

  // The sub-account name of the row Next() read last; "" when NULL or not in the export.
  std::string_view sub_account_name() const { return sub_account_name_; }
  const FocusSkips& skipped() const { return skipped_; }

 private:
  static constexpr std::size_t kNone = SIZE_MAX;
  struct Columns {
    std::size_t charge_category = kNone, period_start = kNone, sub_account_id = kNone,
                sub_account_name = kNone, service_category = kNone, service_name = kNone, cost = kNone,
                id = kNone, consumed_quantity = kNone, consumed_unit = kNone;
  };

  // Maps the current record onto event; a problem names the FOCUS column. Sets skip for rows that
  // are not usage.
  std::optional<model::FieldError> MapRow(UsageEvent& event, bool& skip);
  // Fills event from a usage row with a cost >= 0.
  std::optional<model::FieldError> FillEvent(const ExactDecimal& cost, std::string_view cost_text,
                                             UsageEvent& event);
  std::string_view Value(std::size_t column) const;  // "" for NULL and for a column not in the export

  std::string file_name_;  // for ids FILE:LINE
  FocusOptions focus_;
  model::CsvReader csv_;
  model::CsvRecord record_;
  std::size_t header_size_ = 0;
  Columns columns_;
  std::string ts_text_;  // a UTC timestamp with the Z it was written without
  std::string_view sub_account_name_;
  FocusSkips skipped_;
};

}  // namespace creditlens::files
