# shellcheck shell=bash
# Helpers shared by the benchmark drivers run_bench.sh and projection_bench.sh. Not run on its own:
# each driver sets `set -euo pipefail` and bench_name, then sources this file:
#
#   bench_name=run_bench.sh
#   source "$(dirname "${BASH_SOURCE[0]}")/bench_lib.sh"
#
# Reads:
#   bench_name            the driver's file name, for error messages (default: $0's base name)
#   CREDITLENS_BUILD_DIR  the build tree with bin/creditlens, bin/creditlens-sample and plugins/
#   BENCH_AS_OF, BENCH_SEED, BENCH_RUNS, BENCH_LONG_S, BENCH_DIR, BENCH_KEEP, BENCH_WAIT_IDLE,
#   BENCH_MAX_OTHER, BENCH_SOURCE_REV   as described in bench/README.md
#
# Sets when sourced: repo, build, cl, sample, as_of, seed, runs, long_s, hz; exports LC_ALL=C and
# CREDITLENS_NO_PROGRESS=1; declares the arrays WALL CPU RSS OTHER NRUNS ALL REDONE that measure
# fills.
#
# Provides:
#   die MSG, log MSG            error (exits 1) and progress messages, to stderr
#   parse_sizes ARG...          sets sizes (the Ns; default 1000000) and checks them
#   check_tools HINT TOOL...    dies unless creditlens and creditlens-sample are built and each TOOL
#                               is on PATH (HINT: how to install them)
#   setup_scratch PREFIX        the scratch directory (with its cleanup trap) and copies of the
#                               binaries in it; sets scratch, dir, cl_sha, and cl and sample to the
#                               copies
#   machine_info, machine_rows  describe the machine, the build and its source for the report
#   generate_events DIR N B     a fresh directory for one N with N sample events in it
#   finish_n                    deletes the current N's directory unless BENCH_KEEP=1
#   print_summary HEAD SEP ROW...   the summary table over all Ns, when there is more than one
#   busy_jiffies, wait_idle, run_timed, measure, median   timing (see each function)
#   fmt_int, ratio, mb, fsize, secs, runs_note            formatting for the report
# shellcheck disable=SC2034  # most variables set here are used by the drivers
# shellcheck disable=SC2317  # cleanup is called indirectly

bench_name=${bench_name:-${0##*/}}

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${CREDITLENS_BUILD_DIR:-$repo/build}
cl=$build/bin/creditlens
sample=$build/bin/creditlens-sample
as_of=${BENCH_AS_OF:-2026-11-21}
seed=${BENCH_SEED:-42}
runs=${BENCH_RUNS:-3}
long_s=${BENCH_LONG_S:-10}

export CREDITLENS_NO_PROGRESS=1
export LC_ALL=C   # "." decimals in awk and sort -g

die() { echo "$bench_name: $*" >&2; exit 1; }
log() { echo "[bench] $*" >&2; }

# parse_sizes ARG...: the Ns to measure (default 1000000), each a positive integer.
parse_sizes() {
  sizes=("$@")
  [[ ${#sizes[@]} -gt 0 ]] || sizes=(1000000)
  local n
  for n in "${sizes[@]}"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$n'"
  done
}

# check_tools HINT TOOL...: the creditlens binaries must be built, and each TOOL on PATH.
check_tools() {
  local hint=$1 tool; shift
  for tool in "$cl" "$sample"; do
    [[ -x $tool ]] || die "$tool not found; build it or set CREDITLENS_BUILD_DIR"
  done
  for tool in "$@"; do
    command -v "$tool" >/dev/null || die "$tool is required ($hint)"
  done
}

# --- scratch directory, never inside the repository -----------------------------------------
# setup_scratch PREFIX: BENCH_DIR, or a new ${TMPDIR:-/tmp}/PREFIX.XXXXXX (deleted at exit).
cleanup() {
  [[ ${BENCH_KEEP:-0} != 1 ]] || return 0
  if [[ $own_scratch == 1 ]]; then
    rm -rf -- "${scratch:?}"
  else
    rm -rf -- "${scratch:?}/bin" "${scratch:?}/plugins" "${scratch:?}/.time" ${dir:+"$dir"}
  fi
}
setup_scratch() {
  local repo_real
  repo_real=$(cd "$repo" && pwd -P)
  if [[ -n ${BENCH_DIR:-} ]]; then
    scratch=$(realpath -m "$BENCH_DIR")
    case "$scratch/" in
      "$repo_real"/*) die "BENCH_DIR ($scratch) is inside the repository; use a directory elsewhere" ;;
    esac
    mkdir -p "$scratch"
    own_scratch=0
  else
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
    own_scratch=1
  fi
  dir=""   # the current N's directory
  trap cleanup EXIT

  # Measure copies of the binaries, so that a rebuild during the run cannot change what is measured.
  # The copied plugins come first on CREDITLENS_PLUGIN_PATH (a plugin file name loads only once).
  mkdir -p "$scratch/bin" "$scratch/plugins"
  cp "$cl" "$sample" "$scratch/bin/"
  cp "$build"/plugins/*.so "$scratch/plugins/" 2>/dev/null || true
  cl_sha=$(sha256sum "$cl" | cut -c1-12)
  cl=$scratch/bin/creditlens
  sample=$scratch/bin/creditlens-sample
  export CREDITLENS_PLUGIN_PATH=$scratch/plugins${CREDITLENS_PLUGIN_PATH:+:$CREDITLENS_PLUGIN_PATH}
}

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
    echo "$bench_name: command failed: $*" >&2
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
# runs), NRUNS[KEY], REDONE[KEY] (runs thrown away under BENCH_MAX_OTHER), ALL[KEY] (every wall
# time).
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

# --- formatting ---------------------------------------------------------------------------------
fmt_int() { printf '%d' "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }
ratio() { awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN { printf "%." d "f", a / b }'; }  # ratio A B [DECIMALS=2]
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }'; }          # KiB -> MB (10^6)
fsize() { du -B1 --apparent-size -c "$@" 2>/dev/null | tail -n 1 | awk '{ printf "%.0f MB", $1 / 1e6 }'; }
secs() { awk -v t="$1" 'BEGIN { if (t < 1) printf "%.3f s", t; else if (t < 10) printf "%.2f s", t; else printf "%.1f s", t }'; }
runs_note() {
  if [[ ${NRUNS[$1]} == 1 ]]; then printf '1 run'; else printf 'median of %s: %s' "${NRUNS[$1]}" "${ALL[$1]% }"; fi
  if ((REDONE[$1] > 0)); then printf ' (%s more discarded: machine busy)' "${REDONE[$1]}"; fi
  echo
}

# --- machine and versions ----------------------------------------------------------------------
# machine_info: sets cpu, cores, ram, kernel, disk, fs, os, cl_version, source_desc and build_type.
machine_info() {
  cpu=$(lscpu | awk -F: '/^Model name/ { sub(/^[ \t]+/, "", $2); print $2; exit }')
  cores=$(nproc)
  ram=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  kernel=$(uname -sr)
  disk=$(df -h --output=avail "$scratch" | tail -n 1 | tr -d ' ')
  fs=$(df --output=source,fstype "$scratch" | tail -n 1 | awk '{ print $2 " (" $1 ")" }')
  # shellcheck disable=SC1091
  os=$( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null || echo unknown)
  cl_version=$("$cl" --version 2>&1 | head -n 1)
  # What was measured: the source tree the build was configured from (its CMakeCache), its git
  # revision and any uncommitted changes to it outside bench/ and docs/ (which do not change what
  # is measured). BENCH_SOURCE_REV describes the revision when that tree is not a git checkout.
  local src_dir dirty
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
}

# machine_rows: the report's machine table up to the scratch disk; the driver adds its own rows.
machine_rows() {
  echo "| machine | |"
  echo "|---|---|"
  echo "| CPU | $cpu |"
  echo "| cores | $cores |"
  echo "| RAM | $ram |"
  echo "| OS, kernel | $os, $kernel |"
  echo "| scratch disk | $scratch on $fs, $disk free at start |"
}

# --- one N --------------------------------------------------------------------------------------
# generate_events DIR N BYTES_PER_EVENT: makes DIR afresh as the current N's directory, checks that
# the scratch disk has N * BYTES_PER_EVENT bytes free, and generates N sample events into it.
# Sets dir, csv (events.csv), accounts (accounts.json) and gen_wall (the generation's wall s).
generate_events() {
  local n=$2 need avail
  dir=$1
  rm -rf -- "$dir"
  mkdir -p "$dir"
  need=$((n * $3))
  avail=$(df -B1 --output=avail "$scratch" | tail -n 1 | tr -d ' ')
  ((avail > need)) || die "not enough disk for N=$n in $scratch: need ~$((need / 1000000)) MB, have $((avail / 1000000)) MB"

  log "N=$n: generating into $dir"
  run_timed "$dir/sample.log" "$sample" --out-dir "$dir" --events "$n" --seed "$seed"
  gen_wall=$T_WALL
  csv=$dir/events.csv
  accounts=$dir/accounts.json
}

# finish_n: deletes the current N's directory, or keeps it with BENCH_KEEP=1.
finish_n() {
  if [[ ${BENCH_KEEP:-0} != 1 ]]; then rm -rf -- "$dir"; else log "kept $dir"; fi
}

# print_summary HEADER SEPARATOR ROW...: with more than one N, the "Summary" table of the ROWs.
print_summary() {
  ((${#sizes[@]} > 1)) || return 0
  echo
  echo "## Summary"
  echo
  printf '%s\n' "$@"
}
