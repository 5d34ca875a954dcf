# Shared by bench/run.sh and bench/side-by-side.sh (sourced, not run). Expects PG_PORT, OUT, PSQL and log().

PG_BIN=/usr/lib/postgresql/15/bin
PGDATA=/var/tmp/handraise-bench-pg

# the production JVM options of docs/operations.md ("JVM options"): a capped heap that starts small and grows with
# the load, and caps on what else takes memory
JVM_OPTS=(-Xms64m -Xmx256m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:+UseSerialGC -Xss512k
	-XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError)
# returning freed native memory to the system: a plain option of recent Java updates (17.0.12 and 21.0.3 on);
# older ones refuse to start with it, so it is added only where the JVM accepts it
if java -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1; then
	JVM_OPTS+=(-XX:TrimNativeHeapInterval=5000)
fi

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts the benchmark's PostgreSQL 15 on 127.0.0.1:$PG_PORT (initdb on first use), stopping one left running.
start_postgres() {
	if runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
		log "stopping a benchmark PostgreSQL left running in $PGDATA"
		runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w -t 30 stop >/dev/null
	fi
	if port_busy "$PG_PORT"; then
		echo "port $PG_PORT is taken by another server; choose another with --pg-port" >&2; exit 2
	fi
	if [ ! -f "$PGDATA/PG_VERSION" ]; then
		log "initdb $PGDATA"
		install -d -o postgres -g postgres -m 700 "$PGDATA"
		runuser -u postgres -- "$PG_BIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
			>"$OUT/initdb.log"
	fi
	log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
	# Modest production-like settings; pg_stat_statements to count statements per request.
	runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PGDATA -c shared_buffers=256MB -c work_mem=16MB \
-c max_connections=100 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_utility=off" \
		start >/dev/null
	PG_STARTED=1
}

stop_postgres() {
	runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w -t 30 stop >/dev/null 2>&1 || true
}

# The database's own catch-up after a bulk load (autovacuum's analyze and vacuum of the new rows) must not land in
# the measurement: waits until no autovacuum worker has run for 10 s in a row, at most 5 minutes.
await_autovacuum_quiet() {
	local quiet=0 workers
	for _ in $(seq 1 300); do
		workers=$("${PSQL[@]}" -d postgres -At -c "select count(*) from pg_stat_activity
			where backend_type = 'autovacuum worker'")
		if [ "$workers" = 0 ]; then quiet=$(( quiet + 1 )); else quiet=0; fi
		[ "$quiet" -ge 10 ] && return 0
		sleep 1
	done
	log "autovacuum was still busy after 5 minutes; measuring anyway"
}

# new_token DATABASE USERNAME -> "Bearer hr_..." for a new personal access token of that user: 32 random bytes,
# base64url after hr_, only its SHA-256 hash in the table
new_token() {
	local token hash
	token="hr_$(head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')"
	hash=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
	"${PSQL[@]}" -d "$1" -c "insert into access_tokens (person_id, name, token_hash, created_at)
		select id, 'bench', '$hash', now() from people where username = '$2'" >/dev/null
	printf 'Bearer %s' "$token"
}
