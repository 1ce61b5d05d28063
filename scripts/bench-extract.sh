#!/usr/bin/env bash
# Whole-command throughput and memory of `chronicle extract` on the PolNeAR
# train+dev inputs (924 articles), repeated 1x, 10x and 50x with renamed ids,
# so that memory flatness shows. Prints articles/s and peak RSS per size.
#
#   scripts/bench-extract.sh            # GOMAXPROCS=1 (one core)
#   PROCS=2 scripts/bench-extract.sh    # both cores
#   SIZES="1 10" RUNS=3 scripts/bench-extract.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data/polnear
procs=${PROCS:-1}
sizes=${SIZES:-1 10 50}
runs=${RUNS:-3}
[ -f "$shared/train.input.jsonl" ] || { echo "no PolNeAR data in $shared" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/chronicle" ./cmd/chronicle
cat "$shared/train.input.jsonl" "$shared/dev.input.jsonl" > "$tmp/x1.jsonl"
per=$(grep -c . "$tmp/x1.jsonl")

# Start-up alone (package initialisation of the dependencies), one tiny article.
echo '{"id":"t","text":"Startup only."}' > "$tmp/tiny.jsonl"
best=""
for _ in $(seq "$runs"); do
	t=$( { GOMAXPROCS=$procs /usr/bin/time -f "%e %M" "$tmp/chronicle" extract "$tmp/tiny.jsonl" >/dev/null; } 2>&1 | tail -1)
	best=$(printf '%s\n%s\n' "$best" "$t" | awk 'NF' | sort -n | head -1)
done
read -r startup startrss <<<"$best"
printf 'GOMAXPROCS=%s, %s runs each, best wall time; load average: %s\n' "$procs" "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %10s %9s %12s %14s %12s\n' size articles wall_s articles/s "excl_startup/s" peak_RSS_MB
printf '%-8s %10s %9s %12s %14s %12.1f\n' startup 1 "$startup" - - "$(echo "$startrss/1024" | bc -l)"

for k in $sizes; do
	in="$tmp/x$k.jsonl"
	if [ ! -f "$in" ]; then
		for i in $(seq "$k"); do sed "s/^{\"id\": \"/{\"id\": \"r$i-/" "$tmp/x1.jsonl"; done > "$in"
	fi
	n=$((per * k))
	best=""
	for _ in $(seq "$runs"); do
		t=$( { GOMAXPROCS=$procs /usr/bin/time -f "%e %M" "$tmp/chronicle" extract "$in" >"$tmp/out.jsonl"; } 2>&1 | tail -1)
		best=$(printf '%s\n%s\n' "$best" "$t" | awk 'NF' | sort -n | head -1)
	done
	got=$(wc -l <"$tmp/out.jsonl")
	[ "$got" -eq "$n" ] || { echo "size ${k}x: $got records, want $n" >&2; exit 1; }
	read -r wall rss <<<"$best"
	printf '%-8s %10d %9.2f %12.0f %14.0f %12.1f\n' "${k}x" "$n" "$wall" \
		"$(echo "$n/$wall" | bc -l)" "$(echo "$n/($wall-$startup)" | bc -l)" "$(echo "$rss/1024" | bc -l)"
done
