#!/usr/bin/env bash
# README command 1 on a bare machine (issue 10, item 1; issue 14, item 6): starts GovHall exactly as README command 1
# does (the extracted jar with its class-data archive, ADR 0035) with no system fonts at all (a tmpfs hides
# /usr/share/fonts and the fontconfig cache, as on a machine with only JDK 17 and Maven), in demo mode on a fresh H2
# database, waits for the first page, then takes a case from online application to acceptance and fetches the
# acceptance notice as PDF: it must embed the Chinese font that ships inside the jar. Prints the time from the start
# to the first page and the resident memory after the journey (figures, not asserted: docs/PERFORMANCE.md).
# Usage: bash scripts/bare-machine-check.sh   (after mvn package; needs root for the mount namespace)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
[ -f target/app/govhall.jar ] || { echo "bare-machine check: no target/app/govhall.jar (run mvn package first)"; exit 1; }
[ -f target/app/govhall.jsa ] || echo "bare-machine check: no class-data archive (built with -Dgovhall.launch.skip=true?)"
WORK="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
LOG="target/bare-machine.log"
mkdir -p target

# the JVM runs in its own mount namespace where the machine's fonts do not exist; nothing else of the machine is used.
# It runs from the repository root with README command 1's options (the archive names the jar by that path); its
# database and audit key go to the temporary directory instead of ./data
STARTED="$(date +%s%N)"
unshare --mount --propagation private sh -c '
  for d in /usr/share/fonts /usr/local/share/fonts /var/cache/fontconfig; do
    [ -d "$d" ] && mount -t tmpfs -o size=1m none "$d"
  done
  cd "$3" && exec env -i PATH=/usr/bin:/bin HOME="$1" LANG=C.UTF-8 GOVHALL_DEMO=true SERVER_PORT="$2" \
    GOVHALL_DB_URL="jdbc:h2:file:$1/data/govhall;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE" \
    GOVHALL_AUDIT_KEY_DIR="$1/data/audit-key" \
    java -XX:SharedArchiveFile=target/app/govhall.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -Xmx256m -jar target/app/govhall.jar
' bare "$WORK" "$PORT" "$ROOT" > "$LOG" 2>&1 &
PID=$!
cleanup() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

for _ in $(seq 1 1200); do
  CODE="$(curl -s -o /dev/null -w '%{http_code}' "$BASE/" 2>/dev/null || true)"
  if [ "$CODE" = 200 ]; then break; fi
  if ! kill -0 "$PID" 2>/dev/null; then echo "bare-machine check: GovHall exited; see $LOG"; tail -20 "$LOG"; exit 1; fi
  sleep 0.1
done
[ "$CODE" = 200 ] || { echo "bare-machine check: no first page in 120 s"; exit 1; }
FIRST_PAGE_MS=$(( ($(date +%s%N) - STARTED) / 1000000 ))
for _ in $(seq 1 120); do
  READY="$(curl -sS "$BASE/actuator/health/readiness" 2>/dev/null || true)"
  if [[ "$READY" == *'"UP"'* ]]; then break; fi
  sleep 1
done
[[ "$READY" == *'"UP"'* ]] || { echo "bare-machine check: not ready in 120 s"; exit 1; }
HOME_PAGE="$(curl -fsS "$BASE/")"
[[ "$HOME_PAGE" == *示范省* ]] || { echo "bare-machine check: the home page has no demo province"; exit 1; }
# the dashboards' chart script: the one file of the ECharts webjar that the jar keeps
CHARTS="$(curl -fsS "$BASE/webjars/echarts/dist/echarts.min.js" | wc -c)"
[[ "$CHARTS" -gt 500000 ]] || { echo "bare-machine check: /webjars/echarts/dist/echarts.min.js is missing"; exit 1; }

ITEM=660100-XK-02001
AUTH_A=(-u applicant:govhall-demo)
AUTH_C=(-u clerk:govhall-demo)
printf '%%PDF-1.4\n%%bare machine\n1 0 obj\n<<>>\nendobj\n' > "$WORK/material.pdf"
# every material the guide marks as mandatory, one file each
MATERIALS="$(curl -fsS "$BASE/api/v1/items/$ITEM" | python3 -c '
import json, sys
guide = json.load(sys.stdin)
print("\n".join(m["nameZh"] for m in guide["content"]["materials"] if m["requirement"] == "MANDATORY"))')"
BODY="$(python3 - "$BASE" "$WORK/material.pdf" "$ITEM" "$MATERIALS" <<'EOF'
import json, subprocess, sys
base, pdf, item, names = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].splitlines()
files = []
for name in names:
    out = subprocess.run(["curl", "-fsS", "-u", "applicant:govhall-demo", "-F", "file=@%s;type=application/pdf" % pdf,
                          base + "/api/v1/cases/files"], check=True, capture_output=True, text=True).stdout
    files.append({"material": name, "fileId": json.loads(out)["fileId"]})
print(json.dumps({"itemCode": item, "materials": files}, ensure_ascii=False))
EOF
)"
NUMBER="$(curl -fsS "${AUTH_A[@]}" -H 'Content-Type: application/json' -d "$BODY" "$BASE/api/v1/cases" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["number"])')"
curl -fsS "${AUTH_C[@]}" -X POST "$BASE/api/v1/cases/$NUMBER/acceptance" > /dev/null
DOC=""
for _ in $(seq 1 60); do
  DOC="$(curl -fsS "${AUTH_A[@]}" "$BASE/api/v1/cases/$NUMBER" | python3 -c '
import json, sys
docs = json.load(sys.stdin).get("documents") or []
print(docs[-1]["number"] if docs else "")')"
  [ -n "$DOC" ] && break
  sleep 1
done
[ -n "$DOC" ] || { echo "bare-machine check: no document was issued for $NUMBER; see $LOG"; exit 1; }
curl -fsS "${AUTH_A[@]}" -o "$WORK/notice.pdf" "$BASE/api/v1/cases/$NUMBER/documents/$DOC"
[ "$(head -c 5 "$WORK/notice.pdf")" = "%PDF-" ] || { echo "bare-machine check: $DOC is not a PDF"; exit 1; }
cp "$WORK/notice.pdf" target/bare-machine-notice.pdf
# pdffonts and pdftotext come with poppler-utils (scripts/setup-machine.sh): the font is embedded, the text is Chinese
FONTS="$(pdffonts target/bare-machine-notice.pdf)"
[[ "$FONTS" == *NotoSansSC*yes* ]] || { echo "bare-machine check: $DOC does not embed the bundled font: $FONTS"; exit 1; }
TEXT="$(pdftotext target/bare-machine-notice.pdf -)"
[[ "$TEXT" == *受理* ]] || { echo "bare-machine check: $DOC has no extractable Chinese text"; exit 1; }
JAVA_PID="$(pgrep -f -n 'SharedArchiveFile=target/app/govhall.jsa' || true)"
RSS_MB="$( [ -n "$JAVA_PID" ] && awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$JAVA_PID/status" || echo '?')"
echo "bare-machine check: ready without system fonts; case $NUMBER accepted; $DOC issued as a $(stat -c %s target/bare-machine-notice.pdf)-byte PDF with the bundled Noto Sans SC"
echo "bare-machine check: first page $FIRST_PAGE_MS ms after the start; resident memory after the journey $RSS_MB MB"
