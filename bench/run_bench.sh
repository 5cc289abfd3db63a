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
# shellcheck disable=SC2317  # cleanup and the prep_* functions are called indirectly
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${CREDITLENS_BUILD_DIR:-$repo/build}
cl=$build/bin/creditlens
sample=$build/bin/creditlens-sample
as_of=${BENCH_AS_OF:-2026-11-21}
seed=${BENCH_SEED:-42}
runs=${BENCH_RUNS:-3}
long_s=${BENCH_LONG_S:-10}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000000)

die() { echo "run_bench.sh: $*" >&2; exit 1; }
log() { echo "[bench] $*" >&2; }

for n in "${sizes[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$n'"
done
if ! [[ $as_of =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || ! date -u -d "$as_of" >/dev/null 2>&1; then
  die "BENCH_AS_OF must be a date YYYY-MM-DD, got '$as_of'"
fi
for tool in "$cl" "$sample"; do
  [[ -x $tool ]] || die "$tool not found; build it or set CREDITLENS_BUILD_DIR"
done
for tool in sqlite3 python3 /usr/bin/time lscpu awk df; do
  command -v "$tool" >/dev/null || die "$tool is required (apt-get install sqlite3 python3 time)"
done

# --- scratch directory, never inside the repository -----------------------------------------
repo_real=$(cd "$repo" && pwd -P)
if [[ -n ${BENCH_DIR:-} ]]; then
  scratch=$(realpath -m "$BENCH_DIR")
  case "$scratch/" in
    "$repo_real"/*) die "BENCH_DIR ($scratch) is inside the repository; use a directory elsewhere" ;;
  esac
  mkdir -p "$scratch"
  own_scratch=0
else
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/creditlens-bench.XXXXXX")
  own_scratch=1
fi
cleanup() {
  [[ ${BENCH_KEEP:-0} != 1 ]] || return 0
  if [[ $own_scratch == 1 ]]; then
    rm -rf -- "${scratch:?}"
  else
    rm -rf -- "${scratch:?}/bin" "${scratch:?}/plugins" "${scratch:?}/.time" ${dir:+"$dir"}
  fi
}
dir=""   # the current N's directory
trap cleanup EXIT

# Measure copies of the binaries, so that a rebuild during the run cannot change what is measured.
# The copied plugins come first on CREDITLENS_PLUGIN_PATH (a plugin file name loads only once).
mkdir -p "$scratch/bin" "$scratch/plugins"
cp "$cl" "$sample" "$scratch/bin/"
cp "$build"/plugins/*.so "$scratch/plugins/" 2>/dev/null || true
cl_sha=$(sha256sum "$cl" | cut -c1-12)
plugin_sha=$(sha256sum "$build/plugins/source_sqlite.so" 2>/dev/null | cut -c1-12 || true)
cl=$scratch/bin/creditlens
sample=$scratch/bin/creditlens-sample
export CREDITLENS_PLUGIN_PATH=$scratch/plugins${CREDITLENS_PLUGIN_PATH:+:$CREDITLENS_PLUGIN_PATH}

export CREDITLENS_NO_PROGRESS=1
export LC_ALL=C   # "." decimals in awk and sort -g

# --- timing helpers ---------------------------------------------------------------------------
# Busy CPU jiffies of the whole machine (user+nice+system+irq+softirq+steal), from /proc/stat.
busy_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
hz=$(getconf CLK_TCK)

# wait_idle: with BENCH_WAIT_IDLE=S, waits (up to S seconds) until the machine is idle, i.e. less
# than 0.1 core busy over 2 s, so that other work does not skew the timings.
wait_idle() {
  local limit=${BENCH_WAIT_IDLE:-0} waited=0 b0 b1
  ((limit > 0)) || return 0
  while ((waited < limit)); do
    b0=$(busy_jiffies); sleep 2; b1=$(busy_jiffies)
    if (((b1 - b0) * 10 < 2 * hz)); then return 0; fi
    waited=$((waited + 2))
    ((waited % 60 == 0)) && log "  waiting for an idle machine (${waited} s)"
  done
  log "  machine still busy after ${limit} s; measuring anyway"
}

# run_timed LOG CMD...: runs CMD once, stdout+stderr to LOG. Sets T_WALL (s), T_RSS (peak KiB),
# T_CPU (user+sys s of CMD) and T_OTHER (cores that other processes kept busy meanwhile, on
# average: machine busy time minus CMD's CPU time, over the wall time).
run_timed() {
  local logf=$1; shift
  local statf=$scratch/.time start end b0 b1
  b0=$(busy_jiffies)
  start=$(date +%s%N)
  if ! /usr/bin/time -f '%M %U %S' -o "$statf" "$@" >"$logf" 2>&1; then
    echo "run_bench.sh: command failed: $*" >&2
    tail -n 20 "$logf" >&2
    exit 1
  fi
  end=$(date +%s%N)
  b1=$(busy_jiffies)
  read -r T_RSS T_CPU T_OTHER < <(tail -n 1 "$statf" | awk -v a="$start" -v b="$end" -v j="$((b1 - b0))" -v hz="$hz" '{
    wall = (b - a) / 1e9; cpu = $2 + $3; other = (j / hz - cpu) / wall
    printf "%d %.2f %.2f\n", $1, cpu, (other < 0 ? 0 : other) }')
  T_WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
}

# measure KEY PREP LOG CMD...: runs PREP (untimed; a function name or ":") then CMD, BENCH_RUNS
# times unless the first run takes >= BENCH_LONG_S. Sets WALL[KEY] (median s), CPU[KEY] (median
# user+sys s), RSS[KEY] (max KiB over the runs), OTHER[KEY] (max background cores over the
# runs), NRUNS[KEY], ALL[KEY] (every wall time).
declare -A WALL CPU RSS OTHER NRUNS ALL REDONE
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
measure() {
  local key=$1 prep=$2 logf=$3; shift 3
  local walls=() cpus=() max_rss=0 max_other=0 i
  local retries=0
  for ((i = 1; i <= runs; i++)); do
    $prep
    wait_idle
    run_timed "$logf" "$@"
    if [[ -n ${BENCH_MAX_OTHER:-} ]] && ((retries < 5)) &&
       awk -v o="$T_OTHER" -v m="$BENCH_MAX_OTHER" -v w="$T_WALL" 'BEGIN { exit !(o > m && w >= 0.1) }'; then
      log "  $key run $i: ${T_WALL} s, but other processes kept ${T_OTHER} cores busy; running it again"
      retries=$((retries + 1)); i=$((i - 1)); continue
    fi
    walls+=("$T_WALL")
    cpus+=("$T_CPU")
    ((T_RSS > max_rss)) && max_rss=$T_RSS
    max_other=$(awk -v a="$max_other" -v b="$T_OTHER" 'BEGIN { print (b > a ? b : a) }')
    log "  $key run $i: ${T_WALL} s wall, ${T_CPU} s CPU, peak RSS $((T_RSS / 1024)) MiB, other processes ${T_OTHER} cores"
    if ((i == 1)) && awk -v w="$T_WALL" -v l="$long_s" 'BEGIN { exit !(w >= l) }'; then break; fi
  done
  WALL[$key]=$(median "${walls[@]}")
  CPU[$key]=$(median "${cpus[@]}")
  RSS[$key]=$max_rss
  OTHER[$key]=$max_other
  NRUNS[$key]=${#walls[@]}
  REDONE[$key]=$retries
  ALL[$key]=$(printf '%s ' "${walls[@]}")
}

fmt_int() { printf '%d' "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }
per_s() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%d", n / t }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }'; }          # KiB -> MB (10^6)
fsize() { du -B1 --apparent-size -c "$@" 2>/dev/null | tail -n 1 | awk '{ printf "%.0f MB", $1 / 1e6 }'; }
secs() { awk -v t="$1" 'BEGIN { if (t < 1) printf "%.3f s", t; else if (t < 10) printf "%.2f s", t; else printf "%.1f s", t }'; }
runs_note() {
  if [[ ${NRUNS[$1]} == 1 ]]; then printf '1 run'; else printf 'median of %s: %s' "${NRUNS[$1]}" "${ALL[$1]% }"; fi
  if ((REDONE[$1] > 0)); then printf ' (%s more discarded: machine busy)' "${REDONE[$1]}"; fi
  echo
}
yes_no() { awk -v c="$1" 'BEGIN { print (c ? "**met**" : "**not met**") }'; }

# --- machine and versions ----------------------------------------------------------------------
cpu=$(lscpu | awk -F: '/^Model name/ { sub(/^[ \t]+/, "", $2); print $2; exit }')
cores=$(nproc)
ram=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
kernel=$(uname -sr)
disk=$(df -h --output=avail "$scratch" | tail -n 1 | tr -d ' ')
fs=$(df --output=source,fstype "$scratch" | tail -n 1 | awk '{ print $2 " (" $1 ")" }')
# shellcheck disable=SC1091
os=$( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null || echo unknown)
sqlite_version=$(sqlite3 --version | awk '{ print $1, $2 }')
cl_version=$("$cl" --version 2>&1 | head -n 1)
# What was measured: the source tree the build was configured from (its CMakeCache), its git
# revision and any uncommitted changes to it outside bench/ and docs/ (which do not change what is
# measured). BENCH_SOURCE_REV describes the revision when that tree is not a git checkout.
src_dir=$(awk -F= '/^CMAKE_HOME_DIRECTORY:/ { print $2 }' "$build/CMakeCache.txt" 2>/dev/null || true)
src_dir=${src_dir:-$repo}
if git -C "$src_dir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  source_desc="git $(git -C "$src_dir" rev-parse --short HEAD)"
  dirty=$(git -C "$src_dir" status --porcelain -- . ':!bench' ':!docs' 2>/dev/null | awk '{ print $2 }' | paste -sd ' ' -)
  [[ -z $dirty ]] || source_desc+=" + uncommitted changes to $dirty"
else
  source_desc="${BENCH_SOURCE_REV:-unknown revision} (source $src_dir)"
fi
build_type=$(awk -F= '/^CMAKE_BUILD_TYPE:/ { print $2 }' "$build/CMakeCache.txt" 2>/dev/null || true)

echo "# creditlens benchmark"
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/run_bench.sh ${sizes[*]}\`, as-of $as_of, seed $seed"
echo
echo "| machine | |"
echo "|---|---|"
echo "| CPU | $cpu |"
echo "| cores | $cores |"
echo "| RAM | $ram |"
echo "| OS, kernel | $os, $kernel |"
echo "| scratch disk | $scratch on $fs, $disk free at start |"
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
  dir=$scratch/n$n
  rm -rf -- "$dir"
  mkdir -p "$dir"
  need=$((n * 700))   # CSV ~140 B/event, creditlens store and raw database ~2x it each, margin
  avail=$(df -B1 --output=avail "$scratch" | tail -n 1 | tr -d ' ')
  ((avail > need)) || die "not enough disk for N=$n in $scratch: need ~$((need / 1000000)) MB, have $((avail / 1000000)) MB"

  log "N=$n: generating into $dir"
  run_timed "$dir/sample.log" "$sample" --out-dir "$dir" --events "$n" --seed "$seed"
  gen_wall=$T_WALL
  csv=$dir/events.csv
  accounts=$dir/accounts.json

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

  if [[ ${BENCH_KEEP:-0} != 1 ]]; then rm -rf -- "$dir"; else log "kept $dir"; fi
done

if ((${#sizes[@]} > 1)); then
  echo
  echo "## Summary"
  echo
  echo "| events | creditlens ingest | sqlite3 .import | ingest ratio | dashboard JSON | dashboard PDF | raw queries | dashboard ratio | ratio vs indexed raw | creditlens peak RSS |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${summary[@]}"
fi
exit "$status"
