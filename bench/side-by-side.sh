#!/usr/bin/env bash
# Two versions of Handraise measured side by side: both running at once on one PostgreSQL (a database each, filled
# by the version's own bench/generate.sql), wrk alternating short bursts between them so that the shared machine's
# noise falls on both alike, and the CPU each side spent per request read from /proc/<pid>/stat.
#
#   bench/side-by-side.sh --a ../handraise-before --b . --only list,home,api-list --warmup 3m --rounds 8
#
# --a and --b are project folders with a built jar in target/ (./mvnw -DskipTests package). The order of the two
# bursts alternates from round to round (AB, BA, ...). Prints, per scenario, each side's req/s (median of the
# rounds), CPU milliseconds per request and SQL statements per request (pg_stat_statements over the measured
# rounds, background work included), and B against A. Every burst is in target/bench/side-by-side.tsv.
set -euo pipefail

A_DIR=""
B_DIR=""
SIZE=100000
ONLY="list,detail,home,api-list,api-detail,writes"
WARMUP=3m
ROUNDS=8
BURST=8s
CONNECTIONS=16
THREADS=2
PG_PORT=55433
usage() {
	echo "usage: bench/side-by-side.sh --a DIR --b DIR [--size N] [--only a,b] [--warmup 3m] [--rounds N]" \
		"[--burst 8s] [--connections N] [--threads N] [--pg-port N]" >&2
	exit 2
}
while [ $# -gt 0 ]; do
	case "$1" in
		--a) A_DIR=$2; shift 2 ;;
		--b) B_DIR=$2; shift 2 ;;
		--size) SIZE=$2; shift 2 ;;
		--only) ONLY=$2; shift 2 ;;
		--warmup) WARMUP=$2; shift 2 ;;
		--rounds) ROUNDS=$2; shift 2 ;;
		--burst) BURST=$2; shift 2 ;;
		--connections) CONNECTIONS=$2; shift 2 ;;
		--threads) THREADS=$2; shift 2 ;;
		--pg-port) PG_PORT=$2; shift 2 ;;
		*) usage ;;
	esac
done
[ -n "$A_DIR" ] && [ -n "$B_DIR" ] || usage
seconds_of() { case "$1" in *m) echo $(( ${1%m} * 60 )) ;; *s) echo "${1%s}" ;; *) echo "$1" ;; esac; }
WARMUP_S=$(seconds_of "$WARMUP")

ROOT=$(pwd)
OUT="$ROOT/target/bench"
mkdir -p "$OUT"
TSV="$OUT/side-by-side.tsv"
PASSWORD=handraise-bench
PSQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1)
TICKS=$(getconf CLK_TCK)

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/side-by-side.log" >&2; }
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

declare -A DIR=([a]="$(cd "$A_DIR" && pwd)" [b]="$(cd "$B_DIR" && pwd)")
declare -A PORT=([a]=18081 [b]=18082)
declare -A PID=()
declare -A COOKIE=() API=() AUTHOR=() MENTOR=() HELPER=() DETAIL=()

PG_STARTED=""
cleanup() {
	for side in a b; do
		if [ -n "${PID[$side]:-}" ]; then kill "${PID[$side]}" 2>/dev/null || true; fi
	done
	sleep 2
	for side in a b; do
		if [ -n "${PID[$side]:-}" ]; then kill -9 "${PID[$side]}" 2>/dev/null || true; fi
	done
	if [ -n "$PG_STARTED" ]; then
		stop_postgres
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v wrk >/dev/null || { echo "missing: wrk (apt-get install wrk)" >&2; exit 2; }
start_postgres
"${PSQL[@]}" -d postgres -c "create extension if not exists pg_stat_statements"

for side in a b; do
	db="handraise_side_$side"
	jar=$(ls "${DIR[$side]}"/target/handraise-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
	[ -n "$jar" ] || { echo "no jar in ${DIR[$side]}/target: build it first" >&2; exit 2; }
	"${PSQL[@]}" -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
	log "side $side: starting $jar on :${PORT[$side]}, database $db"
	SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" SPRING_DATASOURCE_USERNAME=postgres \
		SPRING_DATASOURCE_PASSWORD="" MALLOC_ARENA_MAX=2 java "${JVM_OPTS[@]}" -jar "$jar" \
		--spring.profiles.active=postgres --server.port="${PORT[$side]}" --server.address=127.0.0.1 \
		--handraise.demo-data=false >"$OUT/side-$side.log" 2>&1 &
	PID[$side]=$!
	for _ in $(seq 1 1200); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT[$side]}/actuator/health" || true)" = 200 ] \
			&& break
		kill -0 "${PID[$side]}" 2>/dev/null || { echo "side $side died: $OUT/side-$side.log" >&2; exit 1; }
		sleep 0.1
	done
	log "side $side: generating $SIZE requests with its own bench/generate.sql"
	"${PSQL[@]}" -d "$db" -v size="$SIZE" -f "${DIR[$side]}/bench/generate.sql" >/dev/null
	"${PSQL[@]}" -d "$db" -c "vacuum analyze" -c "checkpoint"
done
await_autovacuum_quiet

bearer() { new_token "handraise_side_$1" "$2"; } # side username -> "Bearer hr_..."
for side in a b; do
	base="http://127.0.0.1:${PORT[$side]}"
	jar_cookies="$OUT/side-$side-cookies.txt"
	rm -f "$jar_cookies"
	csrf=$(curl -s -c "$jar_cookies" -b "$jar_cookies" "$base/login" \
		| grep -o 'name="_csrf"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/')
	curl -s -o /dev/null -c "$jar_cookies" -b "$jar_cookies" --data-urlencode "username=user0011" \
		--data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$base/login"
	COOKIE[$side]="SESSION=$(awk '$6 == "SESSION" { print $7 }' "$jar_cookies" | tail -1)"
	API[$side]=$(bearer "$side" user0011)
	AUTHOR[$side]=$(bearer "$side" user0003)
	MENTOR[$side]=$(bearer "$side" user0021)
	HELPER[$side]=$(bearer "$side" user0004)
	DETAIL[$side]=$("${PSQL[@]}" -d "handraise_side_$side" -At -c "select r.id from help_requests r
		where r.status = 'RESOLVED' and r.anonymous = false
		and (select count(*) from offers o where o.request_id = r.id) >= 2 order by r.id desc limit 1")
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${COOKIE[$side]}" -H 'Accept: text/html' "$base/")
	[ "$code" = 200 ] || { echo "side $side: the home page answered $code after sign-in" >&2; exit 1; }
done

path_of() { # scenario side -> path
	case "$1" in
		static) echo /css/handraise.css ;;
		list) echo /requests ;;
		detail) echo "/requests/${DETAIL[$2]}" ;;
		home) echo / ;;
		api-list) echo "/api/requests?page=5" ;;
		api-detail) echo "/api/requests/${DETAIL[$2]}" ;;
		writes) echo /api/requests ;;
		*) echo "unknown scenario: $1" >&2; exit 2 ;;
	esac
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
burst() { # scenario side duration outfile
	local base="http://127.0.0.1:${PORT[$2]}" args=(-t"$THREADS" -c"$CONNECTIONS" -d"$3" --timeout 10s)
	case "$1" in
		list|detail|home) args+=(-H "Cookie: ${COOKIE[$2]}" -H 'Accept: text/html') ;;
		api-list|api-detail) args+=(-H "Authorization: ${API[$2]}" -H 'Accept: application/json') ;;
		writes) args+=(-s "$ROOT/bench/write-mix.lua") ;;
		*) ;;
	esac
	BENCH_AUTHOR_AUTH="${AUTHOR[$2]}" BENCH_MENTOR_AUTH="${MENTOR[$2]}" BENCH_HELPER_AUTH="${HELPER[$2]}" \
		wrk "${args[@]}" "$base$(path_of "$1" "$2")" >"$4" 2>&1
}
statements() { # side -> statements recorded for its database since the last reset
	"${PSQL[@]}" -d postgres -At -c "select coalesce(sum(s.calls), 0) from pg_stat_statements s
		join pg_database d on d.oid = s.dbid where d.datname = 'handraise_side_$1'"
}

printf 'scenario\tround\tside\trequests\treq_s\tcpu_ms\tnon_2xx\n' >"$TSV"
RESULTS=()
IFS=',' read -r -a scenarios <<<"$ONLY"
for scenario in "${scenarios[@]}"; do
	log "$scenario: warming both sides for ${WARMUP_S}s in alternating bursts"
	end=$(( $(date +%s) + WARMUP_S ))
	while [ "$(date +%s)" -lt "$end" ]; do
		burst "$scenario" a "$BURST" /dev/null
		burst "$scenario" b "$BURST" /dev/null
	done
	"${PSQL[@]}" -d postgres -c "select pg_stat_statements_reset()" >/dev/null
	declare -A reqs=([a]=0 [b]=0) cpu=([a]=0 [b]=0) rates=([a]="" [b]="")
	for round in $(seq 1 "$ROUNDS"); do
		if [ $(( round % 2 )) = 1 ]; then order="a b"; else order="b a"; fi
		for side in $order; do
			before=$(cpu_ticks "${PID[$side]}")
			burst "$scenario" "$side" "$BURST" "$OUT/side-burst.txt"
			after=$(cpu_ticks "${PID[$side]}")
			n=$(awk '/requests in/ { print $1 }' "$OUT/side-burst.txt")
			rate=$(awk '/^Requests\/sec:/ { print $2 }' "$OUT/side-burst.txt")
			bad=$(awk '/Non-2xx/ { print $NF }' "$OUT/side-burst.txt")
			ms=$(( (after - before) * 1000 / TICKS ))
			printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$round" "$side" "$n" "$rate" "$ms" "${bad:-0}" >>"$TSV"
			reqs[$side]=$(( ${reqs[$side]} + n ))
			cpu[$side]=$(( ${cpu[$side]} + ms ))
			rates[$side]="${rates[$side]} $rate"
		done
	done
	line=$(awk -v s="$scenario" -v ra="${rates[a]}" -v rb="${rates[b]}" -v ca="${cpu[a]}" -v cb="${cpu[b]}" \
		-v na="${reqs[a]}" -v nb="${reqs[b]}" -v sa="$(statements a)" -v sb="$(statements b)" '
		function median(str,   arr, n, i, j, t) {
			n = split(str, arr, " ")
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (arr[j] + 0 < arr[i] + 0) { t = arr[i]; arr[i] = arr[j]; arr[j] = t }
			return n % 2 ? arr[(n + 1) / 2] : (arr[n / 2] + arr[n / 2 + 1]) / 2
		}
		BEGIN {
			ma = median(ra); mb = median(rb); pa = ca / na; pb = cb / nb
			printf "| %s | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f |", s, ma, mb, mb / ma, pa, pb, pb / pa, sa / na, sb / nb
		}')
	log "$line"
	RESULTS+=("$line")
done

{
	echo "A: ${DIR[a]} ($(git -C "${DIR[a]}" rev-parse --short HEAD 2>/dev/null || echo '?'))"
	echo "B: ${DIR[b]} ($(git -C "${DIR[b]}" rev-parse --short HEAD 2>/dev/null || echo '?'))"
	echo "$SIZE requests each, warm-up ${WARMUP}, $ROUNDS rounds of ${BURST} per side, wrk -t$THREADS -c$CONNECTIONS"
	echo
	echo "| scenario | A req/s | B req/s | B ÷ A | A CPU ms/req | B CPU ms/req | B ÷ A | A stmts/req | B stmts/req |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	printf '%s\n' "${RESULTS[@]}"
} | tee "$OUT/side-by-side.md"
