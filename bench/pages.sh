#!/usr/bin/env bash
# CPU of rendering pages (docs/PERFORMANCE.md, "Pages"): starts README command 1's JVM (the extracted jar with the
# demo province on a fresh H2 database) from each build given, requests each page PAGES_WARMUP times untimed and then
# PAGES_COUNT times one after another, and prints the application's CPU per page (from /proc/<pid>/stat) and the ratio
# of each build to the first. Builds are directories made by `mvn -B -ntp package` (target/app), copied aside:
#
#   cp -r target/app /tmp/before      # on the commit before
#   cp -r target/app /tmp/after       # on the commit after
#   bash bench/pages.sh /tmp/before /tmp/after
#
# Settings (environment): PAGES ("/ /items /items/660100-XK-02001 /login"), PAGES_WARMUP (200), PAGES_COUNT (500),
# PAGES_PORT (18090), PAGES_ROUNDS (2: the builds are measured in turn, this many times each).
set -euo pipefail

PAGES=${PAGES:-"/ /items /items/660100-XK-02001 /login"}
WARMUP=${PAGES_WARMUP:-200}
COUNT=${PAGES_COUNT:-500}
PORT=${PAGES_PORT:-18090}
ROUNDS=${PAGES_ROUNDS:-2}
TICK=$(getconf CLK_TCK)

[ $# -ge 1 ] || { echo "usage: bash bench/pages.sh BUILD_DIR [BUILD_DIR ...]" >&2; exit 2; }

# one build: the CPU in ms per page of each page, space-separated
measure() {
	local build=$1 work
	work=$(mktemp -d)
	(cd "$work" && GOVHALL_DEMO=true exec java -XX:SharedArchiveFile="$build/govhall.jsa" -XX:TieredStopAtLevel=1 \
		-XX:+UseSerialGC -Xms64m -Xmx256m -jar "$build/govhall.jar" --server.port="$PORT" > app.log 2>&1) &
	local pid=$!
	for _ in $(seq 1 120); do
		curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" && break
		sleep 1
	done
	local out=""
	for page in $PAGES; do
		for _ in $(seq 1 "$WARMUP"); do curl -s -o /dev/null "http://127.0.0.1:$PORT$page"; done
		local t0 t1
		t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
		for _ in $(seq 1 "$COUNT"); do curl -s -o /dev/null "http://127.0.0.1:$PORT$page"; done
		t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
		out+="$(echo "scale=2; ($t1 - $t0) * 1000 / $TICK / $COUNT" | bc) "
	done
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	rm -rf "$work"
	echo "$out"
}

declare -A sums
for round in $(seq 1 "$ROUNDS"); do
	for build in "$@"; do
		figures=$(measure "$build")
		echo "round $round  $build: $figures(ms of CPU per page: $PAGES)"
		sums[$build]="${sums[$build]:-} $figures"
	done
done

# the mean of each page over the rounds, and its ratio to the first build
echo
printf '%-40s' "build \\ page"
for page in $PAGES; do printf '%26s' "$page"; done
echo
declare -A means
for build in "$@"; do
	printf '%-40s' "$build"
	i=0
	for page in $PAGES; do
		mean=$(echo "${sums[$build]}" | awk -v n="$(echo $PAGES | wc -w)" -v i="$i" \
			'{ s = 0; c = 0; for (k = i + 1; k <= NF; k += n) { s += $k; c++ } printf "%.2f", s / c }')
		means[$build,$i]=$mean
		ratio=$(echo "scale=2; $mean / ${means[$1,$i]}" | bc)
		printf '%26s' "$mean ms (x$ratio)"
		i=$((i + 1))
	done
	echo
done
