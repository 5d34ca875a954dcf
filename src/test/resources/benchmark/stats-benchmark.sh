#!/usr/bin/env bash
# Times GET /api/stats against a running Handraise filled by stats-data.sql (grace / bench, {noop} password, so
# HTTP Basic costs nothing). Not a test: prints min / median / max wall time per query after warm-up calls.
#   stats-benchmark.sh [base-url] [runs] [warm-ups]      e.g. stats-benchmark.sh http://localhost:8092 11 5
set -euo pipefail
BASE=${1:-http://localhost:8080}
RUNS=${2:-9}
WARMUPS=${3:-2}
TODAY=$(date -u +%F)
YEAR_AGO=$(date -u -d '364 days ago' +%F)
time_it() {
  local path=$1
  printf 'load %s  ' "$(cut -d' ' -f1-3 /proc/loadavg)"
  for _ in $(seq 1 "$WARMUPS"); do curl -sf -o /dev/null -u grace:bench "$BASE$path"; done
  for _ in $(seq 1 "$RUNS"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -u grace:bench "$BASE$path"
  done | sort -n | awk -v p="$path" '{t[NR] = $1 * 1000}
    END {printf "%-55s runs=%d  min=%5.0f ms  median=%5.0f ms  max=%5.0f ms\n", p, NR, t[1], t[int((NR + 1) / 2)], t[NR]}'
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
time_it "/api/stats"
time_it "/api/stats?from=$YEAR_AGO&to=$TODAY"
time_it "/api/stats?team=Team%2007"
time_it "/api/stats?topic=java"
time_it "/api/stats.csv"
