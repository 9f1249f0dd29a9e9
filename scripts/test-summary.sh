#!/usr/bin/env bash
# After mvn test or mvn verify: the tests and time of each surefire execution (ADR 0007), and the distinct Spring
# contexts the test JVMs started (support/ContextBudget writes them to target/test-contexts/). Fails when the whole
# run started more distinct contexts than the budget (GOVHALL_MAX_CONTEXTS, default 8).
# Usage: bash scripts/test-summary.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for dir in target/surefire-reports target/surefire-reports-slow target/surefire-reports-2026-12-20 \
	target/surefire-reports-2027-03-01; do
	[ -d "$dir" ] || continue
	python3 - "$dir" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
d = sys.argv[1]
tests = failures = errors = skipped = 0
seconds = 0.0
classes = 0
for f in glob.glob(d + "/TEST-*.xml"):
    s = ET.parse(f).getroot()
    classes += 1
    tests += int(s.get("tests", 0)); failures += int(s.get("failures", 0)); errors += int(s.get("errors", 0))
    skipped += int(s.get("skipped", 0)); seconds += float(s.get("time", 0) or 0)
print(f"{d}: {classes} classes, {tests} tests, {failures} failures, {errors} errors, {skipped} skipped, "
      f"{seconds:.0f} s in the test classes")
PY
done
limit="${GOVHALL_MAX_CONTEXTS:-8}"
if compgen -G "target/test-contexts/*.txt" > /dev/null; then
	# each line: "app <key>" or "slice <key>", a tab, the test class that started it
	count="$(cut -f1 target/test-contexts/*.txt | grep '^app ' | sort -u | wc -l)"
	slices="$(cut -f1 target/test-contexts/*.txt | grep '^slice ' | sort -u | wc -l)"
	echo "distinct Spring application contexts: $count (budget $limit); started by:"
	sort -t$'\t' -k1,1 -u target/test-contexts/*.txt | grep '^app ' | cut -f2 | sed 's/^/  /'
	echo "distinct slices (web layer, repositories, one module): $slices; started by:"
	sort -t$'\t' -k1,1 -u target/test-contexts/*.txt | grep '^slice ' | cut -f2 | sed 's/^/  /'
	if [ "$count" -gt "$limit" ]; then
		echo "more distinct Spring application contexts than the budget of $limit (ADR 0007)"
		exit 1
	fi
fi
