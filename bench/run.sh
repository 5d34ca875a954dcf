#!/usr/bin/env bash
# Handraise benchmark: one command, run from the project folder (a fresh clone is enough).
#
#   bench/run.sh [--size N] [--duration 10s] [--tolerance 5] [--max-windows 12] [--warmup 0s]
#                [--connections 16] [--threads 2] [--only NAME,NAME...] [--pg-port 55433] [--app-port 18080]
#                [--label TEXT] [--api-auth token|basic]
#
# 1. installs wrk (Debian package) if it is missing;
# 2. starts the system PostgreSQL 15 on 127.0.0.1:<pg-port> with its data in /var/tmp/handraise-bench-pg
#    (initdb on first use) and creates a new, empty database handraise_bench;
# 3. builds the jar if target/ has none, starts it on the postgres profile with the production JVM options that
#    docs/operations.md recommends (JVM_OPTS below, MALLOC_ARENA_MAX=2) and production settings (
#    sessions in JDBC, template cache on) and records the time to the first 200 on /actuator/health;
# 4. fills the database with bench/generate.sql (N requests, default 100,000, 1,000 people, 20 teams) and gives
#    the API users a personal access token each (a random token, its SHA-256 hash inserted with psql); the API,
#    stats and write-mix scenarios send it as "Authorization: Bearer" (--api-auth basic: HTTP Basic instead);
#    then VACUUM ANALYZE, a checkpoint, and a wait until autovacuum has been idle for 10 s (at most 5 minutes);
# 5. signs in one page session (form login with CSRF); drives each scenario (or those --only names; the static
#    resource always, as the baseline) with wrk in windows of --duration (10 s) until two consecutive windows'
#    req/s agree within --tolerance percent (at most --max-windows; a scenario that never settles is marked),
#    and reports the last two windows (req/s their mean, latencies the last one's); records RSS; counts the
#    SQL statements per request of every scenario (pg_stat_statements);
# 6. writes raw output to target/bench/ and the results table to docs/performance.md (below the marker line;
#    the hand-written text above it is kept); stops the app and PostgreSQL on exit.
# Traffic goes to 127.0.0.1 only; every wait is bounded.
set -euo pipefail

SIZE=100000
DURATION=10s
TOLERANCE=5
MAX_WINDOWS=12
ONLY=""
CONNECTIONS=16
THREADS=2
WARMUP=""
PG_PORT=55433
APP_PORT=18080
LABEL=""
API_AUTH_KIND=token
while [ $# -gt 0 ]; do
	case "$1" in
		--size) SIZE="$2"; shift 2 ;;
		--duration) DURATION="$2"; shift 2 ;;
		--connections) CONNECTIONS="$2"; shift 2 ;;
		--threads) THREADS="$2"; shift 2 ;;
		--warmup) WARMUP="$2"; shift 2 ;;
		--tolerance) TOLERANCE="$2"; shift 2 ;;
		--max-windows) MAX_WINDOWS="$2"; shift 2 ;;
		--only) ONLY="$2"; shift 2 ;;
		--pg-port) PG_PORT="$2"; shift 2 ;;
		--app-port) APP_PORT="$2"; shift 2 ;;
		--label) LABEL="$2"; shift 2 ;;
		--api-auth) API_AUTH_KIND="$2"; shift 2 ;;
		-h|--help) sed -n '2,25p' "$0"; exit 0 ;;
		*) echo "unknown option: $1" >&2; exit 2 ;;
	esac
done
case "$SIZE" in ''|*[!0-9]*) echo "--size must be a number" >&2; exit 2 ;; esac
case "$API_AUTH_KIND" in token|basic) ;; *) echo "--api-auth must be token or basic" >&2; exit 2 ;; esac
case "$MAX_WINDOWS" in ''|*[!0-9]*|0|1) echo "--max-windows must be a number of at least 2" >&2; exit 2 ;; esac
case "$TOLERANCE" in ''|*[!0-9.]*) echo "--tolerance must be a percentage" >&2; exit 2 ;; esac
seconds_of() { # 20s, 1m, 20 -> seconds
	case "$1" in *m) echo $(( ${1%m} * 60 )) ;; *s) echo "${1%s}" ;; *) echo "$1" ;; esac
}
DURATION_S=$(seconds_of "$DURATION")
if [ -z "$WARMUP" ]; then WARMUP=0s; fi
WARMUP_S=$(seconds_of "$WARMUP")

ROOT=$(pwd)
if [ ! -f "$ROOT/pom.xml" ] || [ ! -f "$ROOT/bench/generate.sql" ]; then
	echo "run bench/run.sh from the project folder" >&2; exit 2
fi
OUT="$ROOT/target/bench"
mkdir -p "$OUT"
rm -f "$OUT"/*.txt "$OUT"/*.log "$OUT"/*.tsv 2>/dev/null || true

DB=handraise_bench
PASSWORD=handraise-bench
BASE="http://127.0.0.1:$APP_PORT"
PSQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1)

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
now_ms() { date +%s%3N; }
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

# --- tools -------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
	log "installing wrk"
	apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
fi
for tool in curl java "$PG_BIN/pg_ctl"; do
	command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done

# --- clean-up on any exit ----------------------------------------------------------------------------------
APP_PID=""
PG_STARTED=""
cleanup() {
	if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID" 2>/dev/null || true
		for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$APP_PID" 2>/dev/null || true
	fi
	if [ -n "$PG_STARTED" ]; then
		stop_postgres
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- PostgreSQL --------------------------------------------------------------------------------------------
if port_busy "$APP_PORT"; then
	echo "port $APP_PORT is taken; choose another with --app-port" >&2; exit 2
fi
start_postgres
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" \
	-c "create extension if not exists pg_stat_statements"

# --- the application ---------------------------------------------------------------------------------------
JAR=$(ls "$ROOT"/target/handraise-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
if [ -z "$JAR" ]; then
	log "building the jar (./mvnw -B -q -DskipTests package)"
	(cd "$ROOT" && ./mvnw -B -q -DskipTests package)
	JAR=$(ls "$ROOT"/target/handraise-*.jar | grep -v '\.original$' | head -1)
fi
# Class data sharing, as docs/operations.md recommends: the jar extracted, and an archive of the classes a start
# loads, recorded by a training start on an in-memory H2 database (the benchmark's database stays untouched, so the
# measured start still creates its schema).
CDS_DIR="$OUT/cds"
rm -rf "$CDS_DIR"
java -Djarmode=tools -jar "$JAR" extract --destination "$CDS_DIR" >"$OUT/cds-extract.log" 2>&1
log "training class data sharing ($CDS_DIR/app.jsa)"
timeout 180 java "${JVM_OPTS[@]}" -XX:ArchiveClassesAtExit="$CDS_DIR/app.jsa" -Dspring.context.exit=onRefresh \
	-jar "$CDS_DIR/$(basename "$JAR")" --spring.datasource.url=jdbc:h2:mem:cds-training \
	--handraise.demo-data=false --server.port=0 >"$OUT/cds-training.log" 2>&1 || true
if [ -f "$CDS_DIR/app.jsa" ]; then
	RUN_JAR="$CDS_DIR/$(basename "$JAR")"
	JVM_OPTS+=(-XX:SharedArchiveFile="$CDS_DIR/app.jsa")
else
	log "no class data sharing archive (see $OUT/cds-training.log): starting the jar as it is"
	RUN_JAR="$JAR"
fi
log "starting $(basename "$JAR") on :$APP_PORT (postgres profile, ${JVM_OPTS[*]})"
START_MS=$(now_ms)
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" SPRING_DATASOURCE_USERNAME=postgres \
	SPRING_DATASOURCE_PASSWORD="" \
	MALLOC_ARENA_MAX=2 java "${JVM_OPTS[@]}" -jar "$RUN_JAR" --spring.profiles.active=postgres --server.port="$APP_PORT" \
	--server.address=127.0.0.1 --handraise.demo-data=false >"$OUT/app.log" 2>&1 &
APP_PID=$!
STARTUP_MS=""
for _ in $(seq 1 1200); do # at most 120 s
	if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health" || true)" = "200" ]; then
		STARTUP_MS=$(( $(now_ms) - START_MS )); break
	fi
	kill -0 "$APP_PID" 2>/dev/null || { echo "the application died; see $OUT/app.log" >&2; exit 1; }
	sleep 0.1
done
[ -n "$STARTUP_MS" ] || { echo "no 200 from /actuator/health within 120 s" >&2; exit 1; }
log "first 200 after $STARTUP_MS ms (empty database, Flyway migrated it)"

# --- data --------------------------------------------------------------------------------------------------
log "generating $SIZE requests"
GEN_START=$(now_ms)
"${PSQL[@]}" -d "$DB" -v size="$SIZE" -f "$ROOT/bench/generate.sql" | tee "$OUT/generate.txt" >&2
GEN_S=$(awk -v ms=$(( $(now_ms) - GEN_START )) 'BEGIN { printf "%.1f", ms / 1000 }')
read -r N_REQ N_OFFERS N_EVENTS N_NOTES <<<"$("${PSQL[@]}" -d "$DB" -At -F ' ' -c "select (select count(*) from help_requests),
	(select count(*) from offers), (select count(*) from request_events), (select count(*) from thank_you_notes)")"
log "generated in ${GEN_S} s: $N_REQ requests, $N_OFFERS offers, $N_EVENTS events, $N_NOTES notes"

# The database's own catch-up after a bulk load (autovacuum's analyze and vacuum of the new rows, the checkpoint
# that writes them) must not land in the measurement: vacuum and analyze now, write the checkpoint, then wait
# until no autovacuum worker has run for 10 s in a row.
log "VACUUM ANALYZE, checkpoint, waiting for autovacuum to go quiet"
"${PSQL[@]}" -d "$DB" -c "vacuum analyze" -c "checkpoint"
await_autovacuum_quiet

# --- who and what --------------------------------------------------------------------------------------------
PAGE_USER=user0011     # a mentor: the home page also shows suggestions
MANAGER_USER=user0002  # a manager, for /api/stats
basic() { printf 'Basic %s' "$(printf '%s:%s' "$1" "$PASSWORD" | base64 -w0)"; }
bearer() { new_token "$DB" "$1"; }
api_auth() { if [ "$API_AUTH_KIND" = token ]; then bearer "$1"; else basic "$1"; fi; }
API_AUTH=$(api_auth "$PAGE_USER")
MANAGER_AUTH=$(api_auth "$MANAGER_USER")
export BENCH_AUTHOR_AUTH; BENCH_AUTHOR_AUTH=$(api_auth user0003)
export BENCH_MENTOR_AUTH; BENCH_MENTOR_AUTH=$(api_auth user0021)
export BENCH_HELPER_AUTH; BENCH_HELPER_AUTH=$(api_auth user0004)
for auth in "$API_AUTH" "$MANAGER_AUTH"; do
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: $auth" "$BASE/api/me")
	[ "$code" = 200 ] || { echo "API sign-in ($API_AUTH_KIND) failed: $code" >&2; exit 1; }
done
DETAIL_ID=$("${PSQL[@]}" -d "$DB" -At -c "select r.id from help_requests r where r.status = 'RESOLVED' and r.anonymous = false
	and (select count(*) from offers o where o.request_id = r.id) >= 2 order by r.id desc limit 1")
[ -n "$DETAIL_ID" ] || DETAIL_ID=$("${PSQL[@]}" -d "$DB" -At -c "select max(id) from help_requests")
API_PAGE=5
TODAY=$(date -u +%F)
YEAR_AGO=$(date -u -d '364 days ago' +%F)

JAR_COOKIES="$OUT/cookies.txt"
rm -f "$JAR_COOKIES"
LOGIN_HTML=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login")
CSRF=$(printf '%s' "$LOGIN_HTML" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/')
[ -n "$CSRF" ] || { echo "no CSRF token on /login" >&2; exit 1; }
LOGIN_TO=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" \
	--data-urlencode "username=$PAGE_USER" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF" \
	"$BASE/login")
case "$LOGIN_TO" in 302*/login*|200*) echo "sign-in failed: $LOGIN_TO" >&2; exit 1 ;; esac
SESSION=$(awk '$6 == "SESSION" { print $7 }' "$JAR_COOKIES" | tail -1)
[ -n "$SESSION" ] || { echo "no SESSION cookie after sign-in" >&2; exit 1; }
COOKIE="SESSION=$SESSION"
log "signed in as $PAGE_USER; detail page is request #$DETAIL_ID"

# name | path | auth kind (none, cookie, api, manager, write) | description
SCENARIOS=(
	"static|/css/handraise.css|none|static resource, no auth (baseline)"
	"health|/actuator/health/liveness|none|trivial endpoint, no auth"
	"list|/requests|cookie|request list page"
	"detail|/requests/$DETAIL_ID|cookie|request detail page"
	"home|/|cookie|home page"
	"api-list|/api/requests?page=$API_PAGE|api|GET /api/requests?page=$API_PAGE"
	"api-detail|/api/requests/$DETAIL_ID|api|GET /api/requests/{id}"
	"stats-8w|/api/stats|manager|GET /api/stats (8 weeks)"
	"stats-1y|/api/stats?from=$YEAR_AGO&to=$TODAY|manager|GET /api/stats (one year)"
	"writes|/api/requests|write|write mix: POST /api/requests + claim + offer"
)
if [ -n "$ONLY" ]; then # the chosen scenarios, and the static resource as the baseline
	declare -A CHOSEN=([static]=1)
	IFS=',' read -r -a only_names <<<"$ONLY"
	for n in "${only_names[@]}"; do CHOSEN[$n]=1; done
	KEPT=()
	for s in "${SCENARIOS[@]}"; do
		if [ -n "${CHOSEN[${s%%|*}]:-}" ]; then
			KEPT+=("$s")
			unset "CHOSEN[${s%%|*}]"
		fi
	done
	[ "${#CHOSEN[@]}" = 0 ] || { echo "--only: unknown scenario(s): ${!CHOSEN[*]}" >&2; exit 2; }
	SCENARIOS=("${KEPT[@]}")
fi

headers_for() { # auth kind -> curl/wrk header arguments, one per line
	case "$1" in
		cookie) printf '%s\n' "Cookie: $COOKIE" "Accept: text/html" ;;
		api) printf '%s\n' "Authorization: $API_AUTH" "Accept: application/json" ;;
		manager) printf '%s\n' "Authorization: $MANAGER_AUTH" "Accept: application/json" ;;
		*) ;;
	esac
}

run_wrk() { # name path kind duration outfile
	local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$4" --latency --timeout 10s)
	if [ "$3" = write ]; then
		args+=(-s "$ROOT/bench/write-mix.lua")
	else
		while IFS= read -r h; do [ -n "$h" ] && args+=(-H "$h"); done < <(headers_for "$3")
	fi
	wrk "${args[@]}" "$BASE$2" >"$5" 2>&1 || true
}

status_of() { # path kind -> HTTP status of one GET
	local args=(-s -o /dev/null -w '%{http_code}')
	while IFS= read -r h; do [ -n "$h" ] && args+=(-H "$h"); done < <(headers_for "$2")
	curl "${args[@]}" "$BASE$1" || true
}

# --- availability -------------------------------------------------------------------------------------------
RSS_START=$(rss_mb "$APP_PID")
declare -A SKIP
for s in "${SCENARIOS[@]}"; do
	IFS='|' read -r name path kind _ <<<"$s"
	[ "$kind" = write ] && continue
	code=$(status_of "$path" "$kind")
	if [ "$code" != 200 ]; then
		SKIP[$name]="answered $code"
		log "skipping $name: $path answered $code"
	fi
done

# --- measurement ---------------------------------------------------------------------------------------------
STMT_SAMPLES=10
db_calls() {
	"${PSQL[@]}" -d postgres -At -c "select coalesce(sum(s.calls), 0)
		from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = '$DB'"
}
settle() { # until the database has been quiet for a second (requests left over from wrk), at most 60 s
	local i
	for i in $(seq 1 60); do
		"${PSQL[@]}" -d postgres -At -c "select pg_stat_statements_reset()" >/dev/null
		sleep 1
		[ "$(db_calls)" = 0 ] && return 0
	done
	log "the database did not become quiet within 60 s; statement counts may include other work"
}
req_s_of() { awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$1"; }
# Drives one scenario in windows of DURATION until two consecutive windows agree within TOLERANCE percent or
# MAX_WINDOWS have run; the last window's output becomes $OUT/<name>.txt, and SETTLED/WINDOWS/MEAN say how it went.
declare -A SETTLED WINDOWS MEAN
measure() { # name path kind
	local i prev="" cur agree
	if [ "$WARMUP_S" -gt 0 ]; then run_wrk "$1" "$2" "$3" "$WARMUP" "$OUT/warmup-$1.txt"; fi
	SETTLED[$1]=no
	for i in $(seq 1 "$MAX_WINDOWS"); do
		settle
		run_wrk "$1" "$2" "$3" "$DURATION" "$OUT/$1-window-$i.txt"
		cur=$(req_s_of "$OUT/$1-window-$i.txt"); cur=${cur:-0}
		printf '%s\t%s\t%s\n' "$1" "$i" "$cur" >>"$OUT/windows.tsv"
		WINDOWS[$1]=$i
		if [ -n "$prev" ]; then
			agree=$(awk -v a="$prev" -v b="$cur" -v t="$TOLERANCE" 'BEGIN {
				m = (a > b) ? a : b; d = (a > b) ? a - b : b - a; print (m > 0 && d * 100 <= t * m) ? 1 : 0 }')
			if [ "$agree" = 1 ]; then SETTLED[$1]=yes; fi
		fi
		MEAN[$1]=$(awk -v a="${prev:-$cur}" -v b="$cur" 'BEGIN { printf "%.0f", (a + b) / 2 }')
		cp "$OUT/$1-window-$i.txt" "$OUT/$1.txt"
		log "$1 window $i: $cur req/s${prev:+ (before: $prev)}"
		[ "${SETTLED[$1]}" = yes ] && break
		prev=$cur
	done
	[ "${SETTLED[$1]}" = yes ] || log "$1 did not settle within $MAX_WINDOWS windows"
}

log "measuring every scenario in $DURATION windows until two agree within $TOLERANCE % (at most $MAX_WINDOWS)"
printf 'scenario\twindow\treq_s\n' >"$OUT/windows.tsv"
for s in "${SCENARIOS[@]}"; do
	IFS='|' read -r name path kind _ <<<"$s"
	[ -n "${SKIP[$name]:-}" ] && continue
	measure "$name" "$path" "$kind"
done
RSS_AFTER=$(rss_mb "$APP_PID")
log "RSS after the run: $RSS_AFTER MB"

# --- statements per request (pg_stat_statements, top-level statements, no BEGIN/COMMIT) ---------------------
statements() { # name path kind -> statements per request, from STMT_SAMPLES sequential requests
	settle
	local i
	if [ "$3" = write ]; then
		for i in $(seq 1 "$STMT_SAMPLES"); do
			local id
			id=$(curl -s -H "Authorization: $BENCH_AUTHOR_AUTH" -H 'Content-Type: application/json' \
				-d '{"title":"Statement count probe","details":"Counting statements per write."}' \
				"$BASE/api/requests" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
			curl -s -o /dev/null -X POST -H "Authorization: $BENCH_MENTOR_AUTH" "$BASE/api/requests/$id/claim"
			curl -s -o /dev/null -H "Authorization: $BENCH_HELPER_AUTH" -H 'Content-Type: application/json' \
				-d '{"message":"Counting statements, too."}' "$BASE/api/requests/$id/offers"
		done
		i=$(( STMT_SAMPLES * 3 ))
	else
		for i in $(seq 1 "$STMT_SAMPLES"); do status_of "$2" "$3" >/dev/null; done
		i=$STMT_SAMPLES
	fi
	sleep 0.2
	awk -v c="$(db_calls)" -v n="$i" 'BEGIN { printf "%.1f", c / n }'
}
declare -A STMTS
for s in "${SCENARIOS[@]}"; do
	IFS='|' read -r name path kind _ <<<"$s"
	[ -n "${SKIP[$name]:-}" ] && continue
	STMTS[$name]=$(statements "$name" "$path" "$kind")
	"${PSQL[@]}" -d postgres -At -F ' | ' -c "select s.calls, left(regexp_replace(s.query, '\s+', ' ', 'g'), 160)
		from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = '$DB'
		order by s.calls desc" >"$OUT/statements-$name.txt"
	log "statements per request, $name: ${STMTS[$name]}"
done

# --- statistics computed after a change ----------------------------------------------------------------------
# The stats scenarios ask one question over and over, so after its first call they are answered from the kept
# reports (handraise.stats.cache-for). What computing a report costs: a request posted (which drops the kept
# reports), then the report timed, one call at a time.
COMPUTED_SAMPLES=10
computed_ms() { # path -> "median max" milliseconds of COMPUTED_SAMPLES reports, each computed right after a change
	local i times=()
	for i in $(seq 1 "$COMPUTED_SAMPLES"); do
		curl -s -o /dev/null -H "Authorization: $BENCH_AUTHOR_AUTH" -H 'Content-Type: application/json' \
			-d '{"title":"Statistics probe","details":"A change, so that the next report is computed."}' \
			"$BASE/api/requests"
		times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: $MANAGER_AUTH" \
			-H "Accept: application/json" "$BASE$1")")
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 * 1000 }
		END { printf "%.0f %.0f", (a[int((NR + 1) / 2)] + a[int(NR / 2) + 1]) / 2, a[NR] }'
}
declare -A COMPUTED=()
for s in "${SCENARIOS[@]}"; do
	IFS='|' read -r name path kind _ <<<"$s"
	case "$name" in stats-*) ;; *) continue ;; esac
	[ -n "${SKIP[$name]:-}" ] && continue
	settle
	COMPUTED[$name]=$(computed_ms "$path")
	log "$name computed after a change: median and max ${COMPUTED[$name]} ms"
done

# --- results --------------------------------------------------------------------------------------------------
to_ms() { # 1.23ms, 850.00us, 1.02s -> milliseconds
	awk -v v="$1" 'BEGIN {
		if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
		else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.0f", v * 60000 }
		else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.0f", v * 1000 }
		else printf "?" }'
}
field() { awk -v k="$1" '$1 == k { print $2; exit }' "$2"; }

RESULTS="$OUT/results.tsv"
printf 'scenario\treq_s\tp50_ms\tp99_ms\tnon2xx\terrors\tstatements\twindows\tsettled\n' >"$RESULTS"
BASELINE=""
TABLE=""
for s in "${SCENARIOS[@]}"; do
	IFS='|' read -r name path kind desc <<<"$s"
	if [ -n "${SKIP[$name]:-}" ]; then
		TABLE+="| $desc | skipped: ${SKIP[$name]} | | | | | | |"$'\n'
		continue
	fi
	f="$OUT/$name.txt"
	rps=${MEAN[$name]:-$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$f")}
	windows="${WINDOWS[$name]:-?}"
	[ "${SETTLED[$name]:-no}" = yes ] || windows="$windows, **not settled**"
	p50=$(to_ms "$(field '50%' "$f")")
	p99=$(to_ms "$(field '99%' "$f")")
	non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$f"); non2xx=${non2xx:-0}
	errors=$(awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' "$f"); errors=${errors:-0}
	[ -z "$BASELINE" ] && BASELINE=${rps:-0}
	ratio=$(awk -v a="${rps:-0}" -v b="$BASELINE" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "?" }')
	extra=""
	if [ "$kind" = write ]; then
		created=$(awk '/created requests\/s/ { print $NF }' "$f")
		extra=" (created requests/s: ${created:-?}; $(grep -o 'posted.*' "$f" | head -1))"
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$non2xx" "$errors" \
		"${STMTS[$name]:-}" "${WINDOWS[$name]:-}" "${SETTLED[$name]:-no}" >>"$RESULTS"
	TABLE+="| $desc$extra | $rps | $p50 | $p99 | $ratio | ${STMTS[$name]:-} | $non2xx / $errors | $windows |"$'\n'
done

if [ -z "$LABEL" ] && { [ "$SIZE" -lt 100000 ] || [ "$DURATION_S" -lt 10 ]; }; then
	LABEL="VALIDATION RUN ONLY (small data / short runs): these figures check that the script works, they are not the measurement"
fi
DOC="$ROOT/docs/performance.md"
MARKER='<!-- bench/run.sh writes everything below this line -->'
mkdir -p "$ROOT/docs"
if [ -f "$DOC" ] && grep -qF "$MARKER" "$DOC"; then
	awk -v m="$MARKER" '{ print } $0 == m { exit }' "$DOC" >"$OUT/performance.head"
else
	printf '# Performance\n\nRun `bench/run.sh` from the project folder.\n\n%s\n' "$MARKER" >"$OUT/performance.head"
fi
{
	cat "$OUT/performance.head"
	echo
	echo "## Latest run: $(date -u '+%Y-%m-%d %H:%M UTC')${LABEL:+ — $LABEL}"
	echo
	echo "- Command: \`bench/run.sh --size $SIZE --duration $DURATION${ONLY:+ --only $ONLY}\` (wrk -t$THREADS -c$CONNECTIONS --latency in $DURATION windows until two agree within $TOLERANCE %, at most $MAX_WINDOWS; req/s is the mean of the last two windows, latencies the last one's)"
	echo "- Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo), load average before the run $(cut -d' ' -f1-3 /proc/loadavg) (shared machine: compare ratios, not absolute req/s)"
	echo "- Data: $N_REQ requests, $N_OFFERS offers, $N_EVENTS events, $N_NOTES thank-you notes, 1,000 people, 20 teams; generated in $GEN_S s"
	echo "- JVM: $(java -version 2>&1 | head -1), \`${JVM_OPTS[*]//"$ROOT"\//}\`, \`MALLOC_ARENA_MAX=2\`, profile \`postgres\`, sessions in JDBC"
	echo "- Startup to the first 200 on /actuator/health: $STARTUP_MS ms"
	echo "- RSS: $RSS_START MB before the load, $RSS_AFTER MB after the run"
	echo "- Page scenarios as $PAGE_USER (mentor) with one signed-in session; API as $PAGE_USER with $([ "$API_AUTH_KIND" = token ] && echo "a personal access token (Bearer)" || echo "HTTP Basic"); stats as $MANAGER_USER (manager); detail = request #$DETAIL_ID"
	echo
	echo "| scenario | req/s | p50 ms | p99 ms | ratio to static | SQL statements / request | non-2xx / socket errors | windows |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	printf '%s' "$TABLE"
	echo
	echo "Statements per request: top-level statements seen by PostgreSQL (pg_stat_statements, BEGIN/COMMIT not counted),"
	echo "averaged over $STMT_SAMPLES sequential requests after the measurement; they include Spring Session's reads and writes and,"
	echo "for the API, the sign-in look-up. The write mix counts per HTTP call (post, claim, offer). Raw wrk output: \`target/bench/\`."
	if [ "${#COMPUTED[@]}" -gt 0 ]; then
		echo
		echo "The stats scenarios ask the same question again and again: after the first call, managers get the kept report"
		echo "(\`handraise.stats.cache-for\`, docs/stats.md), and concurrent callers wait for one computation. Computing one,"
		echo "one call at a time, each right after a posted request dropped the kept reports ($COMPUTED_SAMPLES calls each):"
		echo
		echo "| report | p50 ms | max ms |"
		echo "| --- | ---: | ---: |"
		for s in "${SCENARIOS[@]}"; do
			IFS='|' read -r name _ _ desc <<<"$s"
			[ -n "${COMPUTED[$name]:-}" ] || continue
			read -r med max <<<"${COMPUTED[$name]}"
			echo "| $desc, computed | $med | $max |"
		done
	fi
} >"$DOC"
log "wrote $DOC and $OUT/"
