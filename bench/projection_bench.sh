#!/usr/bin/env bash
# creditlens benchmark: `creditlens project` against a pandas + matplotlib script doing the same.
#
#   bench/projection_bench.sh [N ...]          (default N: 1000000)
#
# For each N it generates N sample events (creditlens-sample --seed) into a scratch directory and
# ingests them into a creditlens store (not measured: run_bench.sh measures ingest). It writes a
# scenario file with one "As is" scenario, method current_rate, basis 30d and an explicit horizon
# date, then measures and prints a markdown report:
#   - `creditlens project scenario.lua --workspace WS --as-of AS_OF --format json -o p.json`;
#   - the same with -o p.pdf (the report with its chart);
#   - the same as JSON with --method seasonal (the default method);
#   - bench/projection_pandas.py (pandas + matplotlib, run with BENCH_PYTHON) on the events CSV and
#     accounts.json: the basis's daily credits per feature in the workspace's zone, the current-rate
#     forecast to the horizon, the totals as JSON and a PNG chart;
# and the ratios pandas time / creditlens time. It checks that the current-rate projection and the
# pandas script computed the same numbers (bench/check_projection.py).
# Each step runs BENCH_RUNS times (default 3; the median is reported) unless its first run takes
# BENCH_LONG_S seconds or more (default 10), in which case it runs once.
#
# Environment:
#   CREDITLENS_BUILD_DIR  the build tree with bin/creditlens and bin/creditlens-sample
#                         (default: <repo>/build)
#   BENCH_DIR             scratch directory (default: a new directory under /tmp); it must not be
#                         inside the repository. Each N uses BENCH_DIR/projN, deleted afterwards.
#   BENCH_KEEP=1          keep the scratch files
#   BENCH_AS_OF           --as-of (default 2026-11-21, the sample's last day)
#   BENCH_HORIZON         the horizon date (default 2026-12-30: the end of ws001's next billing
#                         cycle from 2026-11-21, what horizon = "next_cycle_end" resolves to)
#   BENCH_WORKSPACE       the workspace to project (default ws001)
#   BENCH_SEED            creditlens-sample --seed (default 42)
#   BENCH_PYTHON          the Python with pandas and matplotlib (default /usr/bin/python3, Debian's
#                         python3-pandas and python3-matplotlib)
#   BENCH_RUNS, BENCH_LONG_S, BENCH_WAIT_IDLE, BENCH_MAX_OTHER, BENCH_SOURCE_REV
#                         as for run_bench.sh (see bench/README.md)
#
# Exits 1 when a command fails or when creditlens and the pandas script disagree.
#
# Progress goes to stderr; the markdown report goes to stdout.
set -euo pipefail

bench_name=projection_bench.sh
# shellcheck source=bench_lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/bench_lib.sh"
horizon=${BENCH_HORIZON:-2026-12-30}
ws=${BENCH_WORKSPACE:-ws001}
py=${BENCH_PYTHON:-/usr/bin/python3}

parse_sizes "$@"
for d in "$as_of" "$horizon"; do
  if ! [[ $d =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || ! date -u -d "$d" >/dev/null 2>&1; then
    die "BENCH_AS_OF and BENCH_HORIZON must be dates YYYY-MM-DD, got '$d'"
  fi
done
[[ $horizon > "$as_of" ]] || die "BENCH_HORIZON ($horizon) must be after BENCH_AS_OF ($as_of)"
[[ $ws =~ ^[A-Za-z0-9_.-]+$ ]] || die "BENCH_WORKSPACE must be a workspace id, got '$ws'"
check_tools "apt-get install python3 time" python3 /usr/bin/time lscpu awk df
"$py" -c 'import pandas, matplotlib' 2>/dev/null ||
  die "$py cannot import pandas and matplotlib (apt-get install python3-pandas python3-matplotlib, or set BENCH_PYTHON)"

setup_scratch creditlens-projbench
pandas_py=$scratch/projection_pandas.py
cp "$repo/bench/projection_pandas.py" "$pandas_py"
export MPLBACKEND=Agg

# --- machine and versions ----------------------------------------------------------------------
machine_info
py_versions=$("$py" -c 'import sys, pandas, numpy, matplotlib
print("Python %s, pandas %s, numpy %s, matplotlib %s" % (sys.version.split()[0], pandas.__version__, numpy.__version__, matplotlib.__version__))')

echo "# creditlens projection benchmark"
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/projection_bench.sh ${sizes[*]}\`, workspace $ws, as-of $as_of, horizon $horizon, basis 30d, seed $seed"
echo
machine_rows
echo "| pandas side | $py: $py_versions |"
echo "| creditlens | $cl_version ($source_desc, CMAKE_BUILD_TYPE=${build_type:-unset}, sha256 of creditlens $cl_sha...) |"

declare -a summary
status=0
for n in "${sizes[@]}"; do
  # disk: CSV ~143 B/event, creditlens store ~60-75 B/event, margin
  generate_events "$scratch/proj$n" "$n" 400
  store=$dir/store.db
  log "N=$n: creditlens ingest (not measured)"
  run_timed "$dir/ingest.log" "$cl" ingest "$csv" --accounts "$accounts" --store "$store"
  ingest_wall=$T_WALL
  grep -q "$n new" "$dir/ingest.log" || { cat "$dir/ingest.log" >&2; die "creditlens ingest did not report '$n new'"; }
  sync

  scenario=$dir/scenario.lua
  cat >"$scenario" <<EOF
-- projection_bench.sh: the forecast as is, at the current rate, to an explicit horizon date.
local cl = require "creditlens"
return cl.projection {
  title = "Projection benchmark",
  horizon = "$horizon",
  basis = "30d",
  method = "current_rate",
  scenarios = { cl.scenario { name = "As is" } },
}
EOF
  project=("$cl" project "$scenario" --store "$store" --workspace "$ws" --as-of "$as_of")

  log "N=$n: creditlens project"
  measure cl_json : "$dir/cl_json.log" "${project[@]}" --format json -o "$dir/p.json"
  measure cl_pdf : "$dir/cl_pdf.log" "${project[@]}" -o "$dir/p.pdf"
  [[ $(head -c 5 "$dir/p.pdf") == "%PDF-" ]] || die "creditlens did not write a PDF (see $dir/cl_pdf.log)"
  measure cl_seasonal : "$dir/cl_seasonal.log" "${project[@]}" --method seasonal --format json -o "$dir/p_seasonal.json"
  log "N=$n: pandas + matplotlib"
  measure pandas : "$dir/pandas.log" "$py" "$pandas_py" "$csv" "$accounts" --workspace "$ws" \
    --as-of "$as_of" --horizon "$horizon" --json "$dir/pandas.json" --png "$dir/pandas.png"
  [[ $(head -c 4 "$dir/pandas.png" | tail -c 3) == "PNG" ]] || die "the pandas script did not write a PNG (see $dir/pandas.log)"

  check=$(python3 "$repo/bench/check_projection.py" "$dir/p.json" "$dir/pandas.json" || true)
  log "N=$n: results $check"
  [[ $check == agree* ]] || status=1
  read -r p50_rate p50_seasonal < <(python3 -c '
import json, sys
print(*(json.load(open(p))["scenarios"][0]["projected"]["p50"] for p in sys.argv[1:]))' "$dir/p.json" "$dir/p_seasonal.json")

  store_size=$(fsize "$store"*)
  csv_size=$(fsize "$csv")
  r_json=$(ratio "${WALL[pandas]}" "${WALL[cl_json]}" 1)
  r_pdf=$(ratio "${WALL[pandas]}" "${WALL[cl_pdf]}" 1)
  r_seasonal=$(ratio "${WALL[pandas]}" "${WALL[cl_seasonal]}" 1)

  echo
  echo "## N = $(fmt_int "$n") events"
  echo
  echo "events.csv $csv_size, generated in $(secs "$gen_wall"); creditlens store $store_size, ingested once in $(secs "$ingest_wall") (not counted below)."
  echo "Current-rate projection, creditlens vs pandas: $check. Total P50: current_rate $p50_rate, seasonal $p50_seasonal credits."
  echo
  row() {  # row COMMAND KEY RATIO
    echo "| $1 | $(secs "${WALL[$2]}") | ${CPU[$2]} s | $(mb "${RSS[$2]}") MB | ${OTHER[$2]} | $3 | $(runs_note "$2") |"
  }
  echo "| command | wall time | CPU (user+sys) | peak RSS | other load | pandas / this | runs (wall s) |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  row "\`creditlens project\` current_rate, \`--format json -o p.json\`" cl_json "${r_json}x"
  row "\`creditlens project\` current_rate, \`-o p.pdf\`" cl_pdf "${r_pdf}x"
  row "\`creditlens project\` seasonal, \`--format json\`" cl_seasonal "${r_seasonal}x"
  row "\`projection_pandas.py\` (pandas + matplotlib: JSON and PNG)" pandas ""
  echo
  echo "\"other load\": the most CPU cores that other processes kept busy, on average, during any run of the step (0 = quiet machine)."

  summary+=("| $(fmt_int "$n") | $(secs "${WALL[cl_json]}") | $(secs "${WALL[cl_pdf]}") | $(secs "${WALL[cl_seasonal]}") | $(secs "${WALL[pandas]}") | ${r_json}x | ${r_pdf}x | ${r_seasonal}x | $(mb "$(printf '%s\n' "${RSS[cl_json]}" "${RSS[cl_pdf]}" "${RSS[cl_seasonal]}" | sort -n | tail -n 1)") MB | $(mb "${RSS[pandas]}") MB |")

  finish_n
done

print_summary "| events | creditlens JSON | creditlens PDF | creditlens seasonal JSON | pandas + matplotlib | pandas / JSON | pandas / PDF | pandas / seasonal | creditlens peak RSS | pandas peak RSS |" \
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" "${summary[@]}"
exit "$status"
