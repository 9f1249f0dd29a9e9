#!/usr/bin/env bash
# GovHall case-handling benchmark (docs/PERFORMANCE.md). Not part of `mvn verify`: run it by hand, from the repository
# root, on a machine with the local PostgreSQL that scripts/setup-postgres.sh prepares:
#
#   bash bench/run.sh
#
# Phases, each on a freshly created database:
#   1. in-process: complete cases through CaseHandling in GovHall's own Spring context (web server off)
#   2. HTTP:       the same cases over the REST API against `java -jar target/govhall-*.jar --server.port=18080`
#   3. pgbench:    `pgbench -b simple-update -c T -j T` on its own scale-1 database, the physical reference
#   4. profile:    one thread, SQL statements and DB transactions per step, in the call and in the asynchronous
#                  listeners it triggers (in-process and over HTTP), and the time of one BCrypt check
# then one table with every figure and the ratios to pgbench. Settings (environment):
#   BENCH_THREADS (8)   client threads T, and pgbench clients
#   BENCH_WARMUP (10)   seconds of warm-up before each window (pgbench too)
#   BENCH_DURATION (30) seconds of each measured window
#   BENCH_DRAIN_LIMIT (240) seconds to wait for the asynchronous documents of a window
#   BENCH_PORT (18080)  port of the HTTP phase's server
#   BENCH_SKIP_BUILD (false) true: use the jars already built
#   BENCH_PHASES ("inprocess http pgbench profile") the phases to run; "loaded" (issue 14, item 5: the in-process
#                       phase again on a database loaded with BENCH_HISTORICAL closed and BENCH_OPEN open cases) and
#                       "scale" (issue 4: dashboards and the nightly
#                       supervision run over BENCH_HISTORICAL=1000000 closed and BENCH_OPEN=50000 open cases) is
#                       run only when named
#   BENCH_PROFILE_CASES (8), BENCH_PROFILE_HTTP_CASES (4) cases counted by the profile, after
#                       BENCH_PROFILE_WARMUP (3) untimed ones
#   BENCH_JFR (false)   true: record the app's JVM (in-process, and the HTTP server) with Java Flight Recorder and
#                       print where its CPU went in the window (costs a little throughput; off for the figures)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
APP_DIR=$(cd "$BENCH_DIR/.." && pwd)
export BENCH_THREADS=${BENCH_THREADS:-8}
export BENCH_WARMUP=${BENCH_WARMUP:-10}
export BENCH_DURATION=${BENCH_DURATION:-30}
export BENCH_DRAIN_LIMIT=${BENCH_DRAIN_LIMIT:-240}
PORT=${BENCH_PORT:-18080}
PHASES=${BENCH_PHASES:-"inprocess http pgbench profile"}
DB=govhall_bench
PGBENCH_DB=govhall_pgbench
OUT=$BENCH_DIR/target/results
WORK=$BENCH_DIR/target/work
JAVA_OPTS=(-Dfile.encoding=UTF-8)
jfr_opts() {  # the app JVM's recording, when BENCH_JFR=true
  if [ "${BENCH_JFR:-false}" = "true" ]; then
    echo "-XX:StartFlightRecording=filename=$OUT/$1.jfr,settings=profile -XX:FlightRecorderOptions:stackdepth=256"
  fi
}
export GOVHALL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" GOVHALL_DB_USER=govhall GOVHALL_DB_PASSWORD=govhall

log() { printf '\n[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

psql_admin() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtAX "$@"
  else sudo -u postgres psql -v ON_ERROR_STOP=1 -qtAX "$@"; fi
}

# every phase starts from an empty database, created the way scripts/setup-postgres.sh creates GovHall's
fresh_db() {
  psql_admin -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)"
  psql_admin -c "CREATE DATABASE $1 OWNER govhall ENCODING 'UTF8' TEMPLATE template0"
}

# utime+stime clock ticks (10 ms) of the client backends connected to database $1
pg_backend_ticks() {
  local pids sum=0 p
  pids=$(psql_admin -d "$1" -c "SELECT pid FROM pg_stat_activity WHERE datname = '$1' AND backend_type = 'client backend' AND pid <> pg_backend_pid()")
  for p in $pids; do
    if [ -r "/proc/$p/stat" ]; then sum=$((sum + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); fi
  done
  echo "$sum"
}

has_phase() { [[ " $PHASES " == *" $1 "* ]]; }

SERVER_PID=""
TOP_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() {
  stop_server
  if [ -n "$TOP_PID" ]; then kill "$TOP_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

# ---- PostgreSQL and the builds
log "PostgreSQL: role govhall and its databases (scripts/setup-postgres.sh)"
bash "$APP_DIR/scripts/setup-postgres.sh"
if [ "${BENCH_SKIP_BUILD:-false}" != "true" ]; then
  log "building the app jar (mvn -B -ntp -DskipTests package in $APP_DIR)"
  (cd "$APP_DIR" && mvn -B -ntp -DskipTests package)
  log "building the benchmark (mvn -B -ntp -f bench/pom.xml package)"
  mvn -B -ntp -f "$BENCH_DIR/pom.xml" -Dgovhall.app.dir="$APP_DIR" package
fi
APP_JAR=$(ls "$APP_DIR"/target/govhall-*.jar | grep -v '\.original$' | head -n 1)
BENCH_JAR=$BENCH_DIR/target/govhall-bench.jar
[ -f "$APP_JAR" ] && [ -f "$BENCH_JAR" ] || { echo "missing $APP_JAR or $BENCH_JAR" >&2; exit 1; }
# the app's classes and libraries from its executable jar, plus the benchmark's classes; output to $1
launch() {
  local log=$1 main=$2; shift 2
  java "${JAVA_OPTS[@]}" "$@" -cp "$APP_JAR" -Dloader.path="$BENCH_JAR" -Dloader.main="$main" \
    org.springframework.boot.loader.launch.PropertiesLauncher > "$log" 2>&1 &
  local pid=$!
  echo "$pid" >> "$OUT/our.pids"
  wait "$pid"
}
rm -rf "$OUT" "$WORK"
mkdir -p "$OUT" "$WORK"
# what else the machine runs meanwhile: top every 2 s (summarised at the end)
top -b -c -w 256 -d 2 > "$OUT/top.log" 2>/dev/null &
TOP_PID=$!

# ---- the machine, as the run found it
{
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc=$(nproc)"
  echo "memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "postgresql=$(psql_admin -c 'SHOW server_version')"
  echo "java=$(java -version 2>&1 | head -n 1)"
  echo "app=$(git -C "$APP_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')$( [ -n "$(git -C "$APP_DIR" status --porcelain 2>/dev/null | grep -v '^?? bench/')" ] && echo ' + uncommitted changes')"
  echo "loadavg.start=$(cat /proc/loadavg)"
} > "$OUT/machine.properties"
cat "$OUT/machine.properties"

# ---- 1. in-process
if has_phase inprocess; then
  log "phase 1/4: in-process, $BENCH_THREADS threads, ${BENCH_WARMUP}s warm-up + ${BENCH_DURATION}s"
  fresh_db "$DB"
  # shellcheck disable=SC2046
  BENCH_OUT="$OUT/inprocess.properties" BENCH_STORAGE_DIR="$WORK/files-inprocess" \
    launch "$OUT/inprocess.log" govhall.bench.InProcessBench $(jfr_opts inprocess) \
    || { tail -n 60 "$OUT/inprocess.log"; echo "in-process phase FAILED" >&2; exit 1; }
  grep '^in-process' "$OUT/inprocess.log"
fi

# ---- 1b. in-process on a loaded database (issue 14, item 5): not among the default phases, run with
# BENCH_PHASES="inprocess loaded"; the same case and settings as phase 1, after BENCH_HISTORICAL closed and BENCH_OPEN
# open cases were copied into every table a step touches (HistoricalLoad)
if has_phase loaded; then
  log "phase loaded: in-process after loading ${BENCH_HISTORICAL:-1000000} closed and ${BENCH_OPEN:-50000} open cases"
  fresh_db "$DB"
  # shellcheck disable=SC2046
  BENCH_OUT="$OUT/loaded.properties" BENCH_STORAGE_DIR="$WORK/files-loaded" \
    BENCH_LOAD_HISTORICAL="${BENCH_HISTORICAL:-1000000}" BENCH_LOAD_OPEN="${BENCH_OPEN:-50000}" \
    launch "$OUT/loaded.log" govhall.bench.InProcessBench $(jfr_opts loaded) \
    || { tail -n 60 "$OUT/loaded.log"; echo "loaded phase FAILED" >&2; exit 1; }
  grep '^in-process\|^loaded' "$OUT/loaded.log"
fi

# ---- 2. HTTP
if has_phase http; then
  log "phase 2/4: HTTP, server on port $PORT, $BENCH_THREADS client threads"
  fresh_db "$DB"
  if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT is taken" >&2; exit 1; fi
  # load, not people: the limits of issue 12 are lifted, and the rate limits per client address (ADR 0019) are off, as
  # every account calls from the one address of this machine
  # shellcheck disable=SC2046
  GOVHALL_DEMO=true java "${JAVA_OPTS[@]}" $(jfr_opts http-server) -jar "$APP_JAR" --server.port="$PORT" \
    --govhall.storage.dir="$WORK/files-http" --govhall.cases.max-open-per-item=100000000 \
    --govhall.cases.upload-quota.applicant-files=100000000 --govhall.cases.upload-quota.applicant-size=1TB \
    --govhall.cases.upload-quota.intermediary-files=100000000 --govhall.cases.upload-quota.intermediary-size=1TB \
    --govhall.rate-limit.enabled=false \
    > "$OUT/http-server.log" 2>&1 &
  SERVER_PID=$!
  echo "$SERVER_PID" >> "$OUT/our.pids"
  # readiness turns UP after the ApplicationReadyEvent, i.e. after the demo data are loaded
  for _ in $(seq 1 180); do
    curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 60 "$OUT/http-server.log"; echo "server died" >&2; exit 1; }
    sleep 1
  done
  curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q '"UP"' \
    || { tail -n 60 "$OUT/http-server.log"; echo "server not ready" >&2; exit 1; }
  BENCH_OUT="$OUT/http.properties" BENCH_BASE_URL="http://127.0.0.1:$PORT" BENCH_SERVER_PID="$SERVER_PID" \
    launch "$OUT/http.log" govhall.bench.HttpBench \
    || { tail -n 60 "$OUT/http.log"; echo "HTTP phase FAILED" >&2; exit 1; }
  grep '^http' "$OUT/http.log"
  stop_server
fi

# ---- 3. pgbench simple-update, the physical reference
if has_phase pgbench; then
  log "phase 3/4: pgbench -b simple-update -c $BENCH_THREADS -j $BENCH_THREADS (scale 1)"
  fresh_db "$PGBENCH_DB"
  export PGPASSWORD=govhall
  PGB=(pgbench -h 127.0.0.1 -p 5432 -U govhall)
  "${PGB[@]}" -i -s 1 -q "$PGBENCH_DB" > "$OUT/pgbench-init.log" 2>&1
  "${PGB[@]}" -n -b simple-update -c "$BENCH_THREADS" -j "$BENCH_THREADS" -T "$BENCH_WARMUP" "$PGBENCH_DB" \
    > "$OUT/pgbench-warmup.log" 2>&1
  read -r busy0 total0 < <(awk '/^cpu / {t=0; for (i=2;i<=9;i++) t+=$i; print t-$5-$6, t}' /proc/stat)
  "${PGB[@]}" -n -b simple-update -c "$BENCH_THREADS" -j "$BENCH_THREADS" -T "$BENCH_DURATION" "$PGBENCH_DB" \
    > "$OUT/pgbench.log" 2>&1 &
  pgbench_pid=$!
  # its backends' CPU, read from 2 s after the start to 2 s before the end (they exit with pgbench)
  sleep 2
  db0=$(pg_backend_ticks "$PGBENCH_DB"); s0=$(date +%s.%N)
  sleep $((BENCH_DURATION > 6 ? BENCH_DURATION - 4 : 1))
  db1=$(pg_backend_ticks "$PGBENCH_DB"); s1=$(date +%s.%N)
  wait "$pgbench_pid" || { cat "$OUT/pgbench.log"; echo "pgbench FAILED" >&2; exit 1; }
  read -r busy1 total1 < <(awk '/^cpu / {t=0; for (i=2;i<=9;i++) t+=$i; print t-$5-$6, t}' /proc/stat)
  cat "$OUT/pgbench.log"
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$OUT/pgbench.log")
  txs=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$OUT/pgbench.log")
  lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/pgbench.log")
  [ -n "$tps" ] && [ -n "$txs" ] || { echo "pgbench gave no tps" >&2; exit 1; }
  {
    echo "tps=$tps"
    echo "transactions=$txs"
    echo "latency.ms=$lat"
    echo "clients=$BENCH_THREADS"
    echo "duration=$BENCH_DURATION"
    awk -v b0="$busy0" -v b1="$busy1" -v t0="$total0" -v t1="$total1" -v n="$txs" \
      'BEGIN { printf "machine.cpu.ms.per.tx=%.3f\nmachine.cpu.utilisation=%.2f\n", (b1-b0)*10/n, (b1-b0)/(t1-t0) }'
    awk -v d0="$db0" -v d1="$db1" -v s0="$s0" -v s1="$s1" -v tps="$tps" \
      'BEGIN { printf "db.cpu.ms.per.tx=%.3f\n", (d1-d0)*10/(tps*(s1-s0)) }'
  } > "$OUT/pgbench.properties"
  unset PGPASSWORD
fi

# ---- 4. SQL profile (one thread; not timed for the targets)
if has_phase profile; then
  log "phase 4/4: SQL statements per step, one thread"
  fresh_db "$DB"
  BENCH_OUT_DIR="$OUT" BENCH_STORAGE_DIR="$WORK/files-profile" \
    launch "$OUT/profile.log" govhall.bench.InProcessBench -Dbench.mode=profile \
    || { tail -n 60 "$OUT/profile.log"; echo "profile phase FAILED" >&2; exit 1; }
fi

# ---- 5. supervision at scale (issue 4): not among the default phases, run with BENCH_PHASES=scale
if has_phase scale; then
  log "phase scale: ${BENCH_HISTORICAL:-1000000} historical and ${BENCH_OPEN:-50000} open cases in the supervision read model"
  fresh_db "$DB"
  BENCH_OUT="$OUT/scale.properties" BENCH_STORAGE_DIR="$WORK/files-scale" \
    launch "$OUT/scale.log" govhall.bench.SupervisionScaleBench \
    || { tail -n 60 "$OUT/scale.log"; echo "scale phase FAILED" >&2; exit 1; }
  grep '^scale' "$OUT/scale.log"
fi

echo "loadavg.end=$(cat /proc/loadavg)" >> "$OUT/machine.properties"
kill "$TOP_PID" 2>/dev/null || true
TOP_PID=""
# other work: processes that are not this run's JVMs, PostgreSQL, pgbench or top, seen above 20 % of a core
others=$(awk -v pids="$(tr '\n' ' ' < "$OUT/our.pids")" '
  BEGIN { n = split(pids, p, " "); for (i = 1; i <= n; i++) ours[p[i]] = 1 }
  /^top - / { samples++ }
  $1 ~ /^[0-9]+$/ && $9 + 0 >= 20 && !($1 in ours) && $12 !~ /(^|\/)(postgres|pgbench|top)(:|$)/ {
    cmd = $12; for (i = 13; i <= NF && length(cmd) < 48; i++) cmd = cmd " " $i
    key = substr(cmd, 1, 48); seen[key]++; cpu[key] += $9
  }
  END { for (k in seen) printf "%d\t%s: in %d of %d samples at %.0f%% of a core\n", seen[k], k, seen[k], samples, cpu[k] / seen[k] }
' "$OUT/top.log" | sort -rn | head -n 5 | cut -f2- | paste -sd ';' -)
echo "other.work=${others:-none above 20% of a core}" >> "$OUT/machine.properties"
if has_phase inprocess || has_phase http || has_phase pgbench || has_phase profile; then
  java "${JAVA_OPTS[@]}" -cp "$BENCH_JAR" govhall.bench.Report "$OUT"
fi
if [ "${BENCH_JFR:-false}" = "true" ]; then
  echo
  echo "where the app's CPU went (Java Flight Recorder, window and drain):"
  [ -f "$OUT/inprocess.jfr" ] && java -cp "$BENCH_JAR" govhall.bench.JfrSummary "$OUT/inprocess.jfr" \
    "$OUT/inprocess.properties" "$OUT/jfr-inprocess.txt"
  [ -f "$OUT/http-server.jfr" ] && java -cp "$BENCH_JAR" govhall.bench.JfrSummary "$OUT/http-server.jfr" \
    "$OUT/http.properties" "$OUT/jfr-http.txt"
fi
echo
echo "results: $OUT (report.txt, *.properties, logs; SQL by statement in sql-profile.txt)"
