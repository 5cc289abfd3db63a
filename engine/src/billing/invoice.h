// Invoices for one billing cycle, computed from the ledger.
//
// Lines, in this order; a line with no credits is left out:
//   kUsage      one per category/feature (sorted): the credits it used in the cycle; no charge;
//   kIncluded   included credits applied; no charge (the plan covers them);
//   kPrepaid    one per grant that covered usage in the cycle (in the workspace's grant order); no
//               charge, since a grant was paid when bought (the note gives its price);
//   kFlex       flex credits x the plan's flex_price_per_credit: the only charged line;
//   kOverLimit  credits nothing covered (flex disabled, or its threshold reached); zero charge, and
//               a note says why.
// Money: each line is rounded once, half-even, to cents (see money.h); the total adds the rounded
// lines. The plan's own fee is not in the accounts data, so an invoice covers credit charges only.
// Status: draft while the cycle has not ended at the ledger's as_of (it updates as usage arrives),
// final once it has.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "billing/ledger.h"
#include "billing/money.h"

namespace creditlens::billing {

enum class InvoiceStatus { kDraft, kFinal };
const char* ToString(InvoiceStatus status);  // "draft", "final"

enum class InvoiceLineKind { kUsage, kIncluded, kPrepaid, kFlex, kOverLimit };
const char* ToString(InvoiceLineKind kind);  // "usage", "included", "prepaid", "flex", "over_limit"

struct InvoiceLine {
  InvoiceLineKind kind = InvoiceLineKind::kUsage;
  std::string description;
  std::string category;  // usage lines
  std::string feature;   // usage lines
  std::string grant_id;  // prepaid lines
  MicroCredits credits = 0;
  MicroDollars unit_price = 0;  // per credit; flex lines only
  Cents amount = 0;
  std::string note;
};

struct Invoice {
  std::string workspace_id;
  std::string workspace_name;
  std::string plan;
  std::string currency = "USD";
  int cycle = 0;
  std::int64_t period_start_ms = 0;  // inclusive
  std::int64_t period_end_ms = 0;    // exclusive
  std::int32_t first_day = 0;        // local days, inclusive
  std::int32_t last_day = 0;
  InvoiceStatus status = InvoiceStatus::kDraft;
  std::int64_t as_of_ms = 0;
  std::vector<InvoiceLine> lines;
  MicroCredits usage = 0;  // = included + prepaid + flex + over_limit
  MicroCredits included_applied = 0;
  MicroCredits prepaid_applied = 0;
  MicroCredits flex_credits = 0;
  MicroCredits over_limit = 0;
  Cents total = 0;
};

// The invoice of cycle `cycle` (an index into ledger.cycles). Throws std::out_of_range for another
// index and std::invalid_argument for a flex price that is not a plain decimal.
Invoice BuildInvoice(const Ledger& ledger, int cycle);

// The draft (or just-final) invoice of the ledger's last cycle; nothing when there is no cycle.
std::optional<Invoice> LatestInvoice(const Ledger& ledger);

}  // namespace creditlens::billing
