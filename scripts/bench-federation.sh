#!/usr/bin/env bash
# The federation benchmark: COUNT generated enterprises (50 to 5,000 employees each) checked end to end
# by `hegui batch` into PostgreSQL, with 1 worker process, with 2 worker processes started at once, and
# with 1 process on every core. Prints, per mode: wall time, enterprises per second, the median and p99
# time per enterprise (from the jobs' claim and finish times), database size, and whether every job ran
# once and every enterprise's audit chain verifies.
#   HEGUI_TEST_POSTGRES_URL=postgresql://… scripts/bench-federation.sh [COUNT] [DATA_DIR]
#   HEGUI_BENCH_MODES="two" runs only some of the modes (one, two, cores).
# Needs a release build (`swift build -c release`) and `psql`.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
data=${2:-.build/bench-data/enterprises-$count}
base=${HEGUI_BENCH_POSTGRES_URL:-${HEGUI_TEST_POSTGRES_URL:?set HEGUI_TEST_POSTGRES_URL (scripts/postgres-dev.sh start)}}
bin=.build/release
if [ ! -d "$data" ]; then
  "$bin/hegui-bench" enterprises --out "$data" --count "$count" --seed 2019 >&2
fi
echo "data: $data ($(du -sh "$data" | cut -f1), $(ls "$data" | wc -l) enterprises)"
with_schema() { case "$1" in *\?*) echo "$1&schema=$2" ;; *) echo "$1?schema=$2" ;; esac; }
sql() { psql "$base" -XAtq -c "$1"; }

run_mode() { # name processes threads-per-process
  local name=$1 processes=$2 threads=$3
  local schema="bench_${name}_$$"
  local url
  url=$(with_schema "$base" "$schema")
  local start end pids=()
  start=$(date +%s.%N)
  for _ in $(seq "$processes"); do
    "$bin/hegui" batch --enterprises "$data" --period 2019 --ledger "$url" --jobs "$threads" --today 2020-01-15 \
      --format json >/dev/null 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  end=$(date +%s.%N)
  local wall
  wall=$(echo "$end - $start" | bc -l)
  local jobs="\"${schema}_hegui\".jobs"
  local stats
  stats=$(sql "SELECT count(*) FILTER (WHERE status IN ('done','failed')), count(*) FILTER (WHERE attempts <> 1),
      round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - claimed_at))::numeric, 3),
      round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - claimed_at))::numeric, 3),
      count(DISTINCT split_part(worker, ':', 2)) FROM $jobs")
  local size
  size=$(sql "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE '${schema}\\_%'")
  local verify=fail
  if "$bin/hegui" ledger verify --ledger "$url" >/dev/null 2>&1; then verify=ok; fi
  IFS='|' read -r finished retried median p99 pids_seen <<<"$stats"
  printf 'load %s  ' "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-10s processes=%s threads=%s wall=%.1fs  %.1f enterprises/s  median=%ss p99=%ss  finished=%s retried=%s workers=%s  db=%s  chains=%s\n' \
    "$name" "$processes" "$threads" "$wall" "$(echo "$count / $wall" | bc -l)" "$median" "$p99" "$finished" "$retried" \
    "$pids_seen" "$size" "$verify"
}

nproc_count=$(nproc)
echo "commit $(git rev-parse --short HEAD)"
for mode in ${HEGUI_BENCH_MODES:-one two cores}; do
  case $mode in
  one) run_mode one 1 1 ;;
  two) run_mode two 2 1 ;;
  cores) run_mode cores 1 "$nproc_count" ;;
  esac
done
