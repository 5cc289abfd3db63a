#!/usr/bin/env bash
# creditlens benchmark: ingest and the organisation-wide dashboard, against the sqlite3 shell.
#
#   bench/run_bench.sh [N ...]          (default N: 1000000)
#
# For each N it generates N sample events (creditlens-sample) into a scratch directory, then
# measures and prints a markdown report:
#   - `creditlens ingest` into a fresh store: wall time, events/s, peak RSS;
#   - the sqlite3 shell's `.import --csv --skip 1` of the same CSV into a fresh database with an
#     equivalent table (id TEXT PRIMARY KEY): wall time, events/s, and the ratio;
#   - `creditlens report dashboard --as-of AS_OF --format json` (and -o .pdf): wall time, peak RSS;
#   - the same dashboard as plain GROUP BY queries (bench/dashboard_raw.sql) run by the sqlite3
#     shell on the imported table, without and then with an index on ts; and the ratios.
# It also checks that both sides computed the same numbers (bench/check_results.py).
# Each step runs BENCH_RUNS times (default 3; the median is reported) unless its first run takes
# BENCH_LONG_S seconds or more (default 10), in which case it runs once.
#
# Environment:
#   CREDITLENS_BUILD_DIR  the build tree with bin/creditlens and bin/creditlens-sample
#                         (default: <repo>/build)
#   BENCH_DIR             scratch directory (default: a new directory under /tmp); it must not be
#                         inside the repository. Each N uses BENCH_DIR/nN, deleted afterwards.
#   BENCH_KEEP=1          keep the scratch files
#   BENCH_AS_OF           the dashboard's --as-of date (default 2026-11-21, the sample's last day)
#   BENCH_SEED            creditlens-sample --seed (default 42)
#   BENCH_RUNS, BENCH_LONG_S   see above
#   BENCH_WAIT_IDLE=S     before each timed run, wait up to S seconds for an idle machine
#                         (default 0: do not wait). Each step also reports the CPU that other
#                         processes used during its runs ("other load").
#   BENCH_MAX_OTHER=C     redo a run (up to 5 times per step) when other processes kept more
#                         than C cores busy on average during it (default: keep every run).
#                         The estimate counts 10 ms ticks: runs under 0.1 s are never redone.
#   BENCH_SOURCE_REV      the revision built, for the report, when the build's source tree is
#                         not a git checkout (e.g. an export made with git archive)
#
# Exits 1 when a command fails or when the raw queries and the dashboard disagree.
#
# Progress goes to stderr; the markdown report goes to stdout.
# shellcheck disable=SC2317  # the prep_* functions are called indirectly
set -euo pipefail

bench_name=run_bench.sh
# shellcheck source=bench_lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/bench_lib.sh"

parse_sizes "$@"
if ! [[ $as_of =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || ! date -u -d "$as_of" >/dev/null 2>&1; then
  die "BENCH_AS_OF must be a date YYYY-MM-DD, got '$as_of'"
fi
check_tools "apt-get install sqlite3 python3 time" sqlite3 python3 /usr/bin/time lscpu awk df

setup_scratch creditlens-bench
plugin_sha=$(sha256sum "$build/plugins/source_sqlite.so" 2>/dev/null | cut -c1-12 || true)

per_s() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%d", n / t }'; }
yes_no() { awk -v c="$1" 'BEGIN { print (c ? "**met**" : "**not met**") }'; }

# --- machine and versions ----------------------------------------------------------------------
sqlite_version=$(sqlite3 --version | awk '{ print $1, $2 }')
machine_info

echo "# creditlens benchmark"
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/run_bench.sh ${sizes[*]}\`, as-of $as_of, seed $seed"
echo
machine_rows
echo "| sqlite3 shell | $sqlite_version |"
echo "| creditlens | $cl_version ($source_desc, CMAKE_BUILD_TYPE=${build_type:-unset}, sha256 of creditlens $cl_sha..., of source_sqlite.so ${plugin_sha:-?}...) |"

raw_schema='CREATE TABLE events(
  id TEXT PRIMARY KEY, ts TEXT NOT NULL, workspace_id TEXT NOT NULL, category TEXT NOT NULL,
  feature TEXT NOT NULL, credits TEXT NOT NULL, quantity TEXT, unit TEXT, folder TEXT,
  api_key TEXT, user_id TEXT, source TEXT, run_id TEXT, module TEXT, data_bytes INTEGER);'
raw_params=".parameter set @as_of \"'$as_of'\""
raw_sql=$repo/bench/dashboard_raw.sql

declare -a summary
status=0
for n in "${sizes[@]}"; do
  # disk: CSV ~140 B/event, creditlens store and raw database ~2x it each, margin
  generate_events "$scratch/n$n" "$n" 700

  # creditlens ingest, fresh store per run
  store=$dir/store.db
  prep_store() { rm -f -- "$store" "$store-wal" "$store-shm" "$store-journal"; sync; }
  log "N=$n: creditlens ingest"
  measure ingest prep_store "$dir/ingest.log" "$cl" ingest "$csv" --accounts "$accounts" --store "$store"
  grep -q "$n new" "$dir/ingest.log" || { cat "$dir/ingest.log" >&2; die "creditlens ingest did not report '$n new'"; }

  # sqlite3 shell .import, fresh database per run
  raw=$dir/raw.db
  prep_raw() { rm -f -- "$raw" "$raw-journal" "$raw-wal"; sqlite3 "$raw" "$raw_schema"; sync; }
  log "N=$n: sqlite3 .import"
  measure import prep_raw "$dir/import.log" sqlite3 "$raw" ".import --csv --skip 1 $csv events"
  got=$(sqlite3 "$raw" 'SELECT count(*) FROM events')
  [[ $got == "$n" ]] || die "sqlite3 .import loaded $got rows, expected $n (see $dir/import.log)"
  python3 "$repo/bench/accounts_to_sql.py" "$accounts" "$as_of" | sqlite3 "$raw"
  sync

  # the dashboard: creditlens (JSON, PDF) and the raw GROUP BY queries
  log "N=$n: creditlens report dashboard"
  measure dash_json : "$dir/dash_json.log" "$cl" report dashboard --store "$store" --as-of "$as_of" --format json -o "$dir/dashboard.json"
  measure dash_pdf : "$dir/dash_pdf.log" "$cl" report dashboard --store "$store" --as-of "$as_of" -o "$dir/dashboard.pdf"
  [[ $(head -c 5 "$dir/dashboard.pdf") == "%PDF-" ]] || die "creditlens did not write a PDF (see $dir/dash_pdf.log)"
  log "N=$n: raw GROUP BY queries"
  measure raw_q : "$dir/raw_q.log" sqlite3 "$raw" "$raw_params" ".read $raw_sql"
  sqlite3 -json "$raw" "$raw_params" ".read $raw_sql" >"$dir/raw.json"
  check=$(python3 "$repo/bench/check_results.py" "$dir/dashboard.json" "$dir/raw.json" || true)
  log "N=$n: results $check"
  [[ $check == agree ]] || status=1

  log "N=$n: index on ts for the raw table"
  run_timed "$dir/index.log" sqlite3 "$raw" 'CREATE INDEX events_ts ON events(ts)'
  index_wall=$T_WALL
  measure raw_qi : "$dir/raw_qi.log" sqlite3 "$raw" "$raw_params" ".read $raw_sql"

  rollup_rows=$(sqlite3 "$store" 'SELECT count(*) FROM rollup_hour' 2>/dev/null || echo '?')
  store_size=$(fsize "$store"*)
  raw_size=$(fsize "$raw")
  csv_size=$(fsize "$csv")
  ingest_ratio=$(ratio "${WALL[import]}" "${WALL[ingest]}")
  dash_ratio=$(ratio "${WALL[raw_q]}" "${WALL[dash_json]}")
  dash_ratio_i=$(ratio "${WALL[raw_qi]}" "${WALL[dash_json]}")
  peak=$(printf '%s\n' "${RSS[ingest]}" "${RSS[dash_json]}" "${RSS[dash_pdf]}" | sort -n | tail -n 1)

  echo
  echo "## N = $(fmt_int "$n") events"
  echo
  echo "events.csv $csv_size, generated in $(secs "$gen_wall"). creditlens store $store_size ($(fmt_int "$rollup_rows") rows in its hourly rollup), sqlite3 database $raw_size (with the ts index)."
  echo "Dashboard numbers, creditlens vs the raw queries: $check."
  echo
  row() {  # row STEP COMMAND KEY [EVENTS/S]
    echo "| $1 | $2 | $(secs "${WALL[$3]}") | ${4:-} | ${CPU[$3]} s | $(mb "${RSS[$3]}") MB | ${OTHER[$3]} | $(runs_note "$3") |"
  }
  echo "| step | command | wall time | events/s | CPU (user+sys) | peak RSS | other load | runs (wall s) |"
  echo "|---|---|---:|---:|---:|---:|---:|---|"
  row ingest "\`creditlens ingest\` (fresh store)" ingest "$(fmt_int "$(per_s "$n" "${WALL[ingest]}")")"
  row ingest "\`sqlite3 .import --csv --skip 1\` (fresh db)" import "$(fmt_int "$(per_s "$n" "${WALL[import]}")")"
  row dashboard "\`creditlens report dashboard --format json\`" dash_json
  row dashboard "\`creditlens report dashboard -o dashboard.pdf\`" dash_pdf
  row dashboard "sqlite3 raw GROUP BY queries (\`dashboard_raw.sql\`)" raw_q
  row dashboard "same, after \`CREATE INDEX ON events(ts)\` ($(secs "$index_wall"), not counted)" raw_qi
  echo
  echo "\"other load\": the most CPU cores that other processes kept busy, on average, during any run of the step (0 = quiet machine)."
  echo
  echo "| goal | target | result | |"
  echo "|---|---|---|---|"
  echo "| ingest speed, creditlens / sqlite3 .import | >= 2x | ${ingest_ratio}x | $(yes_no "$(awk -v r="$ingest_ratio" 'BEGIN { print (r >= 2) }')") |"
  dash_goal_note=""
  ((n >= 10000000)) || dash_goal_note=" (the goal is set at 10M events)"
  echo "| dashboard speed, raw queries / creditlens JSON | >= 10x | ${dash_ratio}x$dash_goal_note | $(yes_no "$(awk -v r="$dash_ratio" 'BEGIN { print (r >= 10) }')") |"
  echo "| same, raw queries with a ts index | (for information) | ${dash_ratio_i}x | |"
  echo "| peak RSS of creditlens (ingest, dashboard JSON/PDF) | < 200 MB | $(mb "$peak") MB | $(yes_no "$(awk -v k="$peak" 'BEGIN { print (k * 1024 < 200e6) }')") |"

  summary+=("| $(fmt_int "$n") | $(secs "${WALL[ingest]}") | $(secs "${WALL[import]}") | ${ingest_ratio}x | $(secs "${WALL[dash_json]}") | $(secs "${WALL[dash_pdf]}") | $(secs "${WALL[raw_q]}") | ${dash_ratio}x | ${dash_ratio_i}x | $(mb "$peak") MB |")

  finish_n
done

print_summary "| events | creditlens ingest | sqlite3 .import | ingest ratio | dashboard JSON | dashboard PDF | raw queries | dashboard ratio | ratio vs indexed raw | creditlens peak RSS |" \
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" "${summary[@]}"
exit "$status"
