#!/usr/bin/env bash
# creditlens benchmark: the organisation-wide dashboard read from PostgreSQL and ClickHouse, against
# the embedded SQLite store.
#
#   bench/connectors_bench.sh [N ...]          (default N: 1000000)
#
# For each N it generates N sample events (creditlens-sample), ingests them into a store (timed, for
# information), and starts PostgreSQL 15 and ClickHouse on loopback in the scratch directory with
# bench/load_connectors.py (the e2e harness of tests/e2e), which loads the same events through the
# non-canonical schema of tests/e2e/usage_log.py, as test_connectors.py does: PostgreSQL with a
# primary key and an index on created_at, ClickHouse MergeTree ORDER BY (org_id, created_ms). It then
# measures `creditlens report dashboard --as-of AS_OF --format json` on the store, on PostgreSQL and on
# ClickHouse (--mapping, --source-settings with password_file), and checks that the three give
# identical kpis, datasets and tables.
#
# Environment: as run_bench.sh (CREDITLENS_BUILD_DIR, BENCH_DIR, BENCH_KEEP, BENCH_AS_OF,
# BENCH_SEED, BENCH_RUNS, BENCH_LONG_S, BENCH_WAIT_IDLE, BENCH_MAX_OTHER, BENCH_SOURCE_REV).
# Needs psql and /usr/lib/postgresql/15 (postgresql-15), clickhouse-server, python3.
# Exits 1 when a command fails or the dashboards differ. Report on stdout, progress on stderr.
set -euo pipefail

bench_name=connectors_bench.sh
# shellcheck source=bench_lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/bench_lib.sh"

parse_sizes "$@"
check_tools "apt-get install postgresql-15 clickhouse-server python3 time" \
  psql clickhouse-server python3 /usr/bin/time lscpu awk df
[[ -x /usr/lib/postgresql/15/bin/initdb ]] || die "PostgreSQL 15 is required (apt-get install postgresql-15)"

setup_scratch creditlens-conn
# The servers run as the postgres user when we are root: it must reach their directory.
chmod 755 "$scratch"
loader=$repo/bench/load_connectors.py
loader_pid=""
stop_servers() {
  if [[ -n $loader_pid ]]; then
    exec 3>&-
    wait "$loader_pid" || true
    loader_pid=""
  fi
}
trap 'stop_servers; cleanup' EXIT

machine_info
json_get() { python3 -c 'import json, sys; v = json.load(open(sys.argv[1])); [v := v[k] for k in sys.argv[2:]]; print(v)' "$@"; }

echo "# creditlens connectors benchmark"
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/connectors_bench.sh ${sizes[*]}\`, as-of $as_of, seed $seed"
echo
machine_rows
echo "| creditlens | $cl_version ($source_desc, CMAKE_BUILD_TYPE=${build_type:-unset}, sha256 of creditlens $cl_sha...) |"

declare -a summary
status=0
for n in "${sizes[@]}"; do
  # disk: CSV ~143 B/event, store ~75, transformed CSV ~140, PostgreSQL ~300, ClickHouse ~60, margin
  generate_events "$scratch/n$n" "$n" 1000
  chmod 755 "$dir"

  store=$dir/store.db
  log "N=$n: creditlens ingest (once, for information)"
  run_timed "$dir/ingest.log" "$cl" ingest "$csv" --accounts "$accounts" --store "$store"
  ingest_wall=$T_WALL

  log "N=$n: starting PostgreSQL and ClickHouse, loading"
  mkdir -p "$dir/servers" && chmod 755 "$dir/servers"
  mkfifo "$dir/ctl"
  load_start=$(date +%s)
  TMPDIR=$dir/servers python3 "$loader" serve "$csv" "$dir" <"$dir/ctl" 2>"$dir/loader.log" &
  loader_pid=$!
  exec 3>"$dir/ctl"
  while [[ ! -f $dir/ready.json ]]; do
    kill -0 "$loader_pid" 2>/dev/null || { tail -n 30 "$dir/loader.log" >&2; die "loading the servers failed"; }
    sleep 1
  done
  log "N=$n: servers loaded in $(($(date +%s) - load_start)) s: $(json_get "$dir/ready.json" times)"
  pg_uri=$(json_get "$dir/ready.json" pg_uri)
  ch_uri=$(json_get "$dir/ready.json" ch_uri)

  log "N=$n: dashboard on the store"
  measure dash_store : "$dir/dash_store.log" "$cl" report dashboard --store "$store" --as-of "$as_of" --format json -o "$dir/dash_store.json"
  log "N=$n: dashboard on PostgreSQL"
  measure dash_pg : "$dir/dash_pg.log" "$cl" report dashboard --source "$pg_uri" --mapping "$dir/pg.json" \
    --source-settings "$dir/settings.json" --as-of "$as_of" --format json -o "$dir/dash_pg.json"
  log "N=$n: dashboard on ClickHouse"
  measure dash_ch : "$dir/dash_ch.log" "$cl" report dashboard --source "$ch_uri" --mapping "$dir/clickhouse.json" \
    --source-settings "$dir/settings.json" --as-of "$as_of" --format json -o "$dir/dash_ch.json"
  check=$(python3 "$loader" compare "$dir/dash_store.json" "$dir/dash_pg.json" "$dir/dash_ch.json" || true)
  log "N=$n: dashboards $check"
  [[ $check == agree ]] || status=1

  # the servers' CPU during the dashboards is not in the creditlens process's CPU column
  t() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["times"][sys.argv[2]])' "$dir/ready.json" "$1"; }
  pg_version=$(json_get "$dir/ready.json" pg_version)
  ch_version=$(json_get "$dir/ready.json" ch_version)
  pg_load=$(python3 -c 'import json, sys; t = json.load(open(sys.argv[1]))["times"]; print(round(t["pg_transform"] + t["pg_copy"] + t["pg_primary_key"] + t["pg_index"] + t["pg_analyze"], 1))' "$dir/ready.json")
  ch_load=$(python3 -c 'import json, sys; t = json.load(open(sys.argv[1]))["times"]; print(round(t["ch_insert"] + t["ch_optimize"], 1))' "$dir/ready.json")
  pg_size=$(awk -v b="$(json_get "$dir/ready.json" pg_bytes)" 'BEGIN { printf "%.0f MB", b / 1e6 }')
  ch_size=$(awk -v b="$(json_get "$dir/ready.json" ch_bytes)" 'BEGIN { printf "%.0f MB", b / 1e6 }')
  rollup_rows=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM rollup_hour").fetchone()[0])' "$store" 2>/dev/null || echo '?')
  stop_servers

  echo
  echo "## N = $(fmt_int "$n") events"
  echo
  echo "events.csv $(fsize "$csv"), generated in $(secs "$gen_wall"). Servers: PostgreSQL $pg_version, ClickHouse $ch_version, on 127.0.0.1."
  echo "Dashboard numbers (kpis, datasets, tables), store vs PostgreSQL vs ClickHouse: $check."
  echo
  echo "| source | loaded in (for information) | size |"
  echo "|---|---|---:|"
  echo "| creditlens store (\`creditlens ingest\`) | $(secs "$ingest_wall") ($(fmt_int "$rollup_rows") rows in its hourly rollup) | $(fsize "$store"*) |"
  echo "| PostgreSQL \`usage_log\` | $pg_load s: CSV rewritten with micro-credits by Python $(t pg_transform) s, psql \\\\copy $(t pg_copy) s, primary key $(t pg_primary_key) s, index on created_at $(t pg_index) s, VACUUM ANALYZE $(t pg_analyze) s | $pg_size (table + indexes) |"
  echo "| ClickHouse \`usage_log\` | $ch_load s: Python TSV conversion + INSERT FORMAT TabSeparated in 500k-row chunks $(t ch_insert) s, OPTIMIZE FINAL $(t ch_optimize) s | $ch_size (active parts) |"
  echo
  row() {  # row SOURCE KEY
    echo "| $1 | $(secs "${WALL[$2]}") | ${CPU[$2]} s | $(mb "${RSS[$2]}") MB | ${OTHER[$2]} | $(runs_note "$2") |"
  }
  echo "| \`creditlens report dashboard --format json\` on | wall time | CPU of creditlens (user+sys) | peak RSS of creditlens | other load | runs (wall s) |"
  echo "|---|---:|---:|---:|---:|---|"
  row "the embedded SQLite store (\`--store\`)" dash_store
  row "PostgreSQL (\`--source postgresql://...\`)" dash_pg
  row "ClickHouse (\`--source clickhouse://...\`)" dash_ch
  echo
  echo "\"other load\": the most CPU cores that other processes kept busy, on average, during any run of the step. For PostgreSQL and ClickHouse this includes the database server answering the queries."

  summary+=("| $(fmt_int "$n") | $(secs "${WALL[dash_store]}") | $(secs "${WALL[dash_pg]}") | $(secs "${WALL[dash_ch]}") | $check |")
  finish_n
done

print_summary "| events | dashboard on store | on PostgreSQL | on ClickHouse | numbers |" "|---:|---:|---:|---:|---|" "${summary[@]}"
exit "$status"
