#include "script/dataset_select.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace creditlens::script {

namespace json = boost::json;

query::Dataset SelectSeries(const query::Dataset& dataset, const json::object& block,
                            const std::string& where) {
  const json::value* select = block.if_contains("select");
  if (!select || select->is_null() || (select->is_array() && select->as_array().empty())) return dataset;
  if (!select->is_object()) throw std::invalid_argument(where + ".select: expected { dimension = value(s) }");

  struct Wanted {
    std::size_t key_index;
    std::vector<std::string> values;
  };
  std::vector<Wanted> wanted;
  for (const auto& [dimension, values] : select->as_object()) {
    const std::string field = where + ".select." + std::string(dimension);
    const auto it = std::find(dataset.group_by.begin(), dataset.group_by.end(), dimension);
    if (it == dataset.group_by.end()) {
      throw std::invalid_argument(field + ": dataset '" + dataset.name + "' is not grouped by " +
                                  std::string(dimension));
    }
    Wanted w{static_cast<std::size_t>(it - dataset.group_by.begin()), {}};
    for (const auto& v : values.is_array() ? values.as_array() : json::array{values}) {
      if (!v.is_string()) throw std::invalid_argument(field + ": expected text or a list of texts");
      w.values.emplace_back(v.as_string());
    }
    wanted.push_back(std::move(w));
  }

  query::Dataset out = dataset;
  out.series.clear();
  out.total = 0;
  out.events = 0;
  for (const query::Series& s : dataset.series) {
    const bool kept = std::all_of(wanted.begin(), wanted.end(), [&](const Wanted& w) {
      return std::find(w.values.begin(), w.values.end(), s.keys[w.key_index]) != w.values.end();
    });
    if (!kept) continue;
    out.series.push_back(s);
    out.total += s.total;
    out.events += s.events;
  }
  return out;
}

}  // namespace creditlens::script
