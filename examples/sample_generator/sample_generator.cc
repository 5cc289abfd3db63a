// Wires the sample generator together (see sample_generator.h): organisation -> activity model ->
// event counts -> events written in time order -> accounts sized from what was used.
#include "sample_generator.h"

#include <algorithm>
#include <memory>

#include "accounts.h"
#include "activity_model.h"
#include "csv_writer.h"
#include "event_generator.h"
#include "jsonl_writer.h"
#include "organisation.h"
#include "output_file.h"
#include "pretty_json.h"
#include "rng.h"

namespace creditlens::sample {
namespace {

// Independent random streams, so that one part drawing more numbers does not move another's.
enum Stream : std::uint64_t { kModelStream = 1, kAllocationStream = 2, kEventStream = 3 };

int Digits(std::uint64_t value) {
  int digits = 1;
  while (value >= 10) value /= 10, ++digits;
  return digits;
}

}  // namespace

SampleSummary GenerateSample(const SampleOptions& options) {
  const date::sys_days end_day = date::sys_days{options.end} + date::days{1};
  const HistoryRange history{end_day - date::days{options.days}, options.days};
  const Organisation org = BuildSampleOrganisation(history);

  Rng model_rng = Rng::ForStream(options.seed, kModelStream);
  const ActivityModel model(org, history, model_rng);
  Rng allocation_rng = Rng::ForStream(options.seed, kAllocationStream);
  const std::vector<std::uint64_t> counts = model.Allocate(options.events, allocation_rng);

  SampleSummary summary;
  summary.workspaces = org.workspaces.size();
  const bool csv = options.format == EventFormat::kCsv;
  summary.events_path = options.out_dir / (csv ? "events.csv" : "events.jsonl");
  summary.accounts_path = options.out_dir / "accounts.json";

  const int id_width = std::max(8, Digits(options.events));
  std::unique_ptr<EventWriter> writer;
  if (csv) {
    writer = std::make_unique<CsvWriter>(summary.events_path, id_width);
  } else {
    writer = std::make_unique<JsonlWriter>(summary.events_path, id_width);
  }
  Rng event_rng = Rng::ForStream(options.seed, kEventStream);
  const GenerationTotals totals = GenerateEvents(org, history, model, counts, event_rng, *writer);
  writer->Finish();
  summary.events = totals.events;

  OutputFile accounts(summary.accounts_path, 1 << 16);
  accounts.Append(PrettyJson(BuildAccounts(org, history, totals)));
  accounts.Close();
  return summary;
}

}  // namespace creditlens::sample
