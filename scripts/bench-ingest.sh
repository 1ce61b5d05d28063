#!/usr/bin/env bash
# Whole-command ingest throughput, database size and peak RSS of
# `chronicle ingest` on the PolNeAR train+dev inputs (924 articles),
# replicated K times. Each replica renames the capitalised words of the text
# (so names, and hence content hashes and shingles, differ: replicas are
# neither duplicates nor near-duplicates) and shifts the dates by K years.
#
#   scripts/bench-ingest.sh              # SIZES="1 10"
#   SIZES="1 10 20" scripts/bench-ingest.sh
#
# On a shared machine the wall time measures the neighbours too; cpu_s
# (user+sys) and cpu_ms/art say what the ingest itself costs.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data/polnear
sizes=${SIZES:-1 10}
[ -f "$shared/train.input.jsonl" ] || { echo "no PolNeAR data in $shared" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/chronicle" ./cmd/chronicle
cat "$shared/train.input.jsonl" "$shared/dev.input.jsonl" > "$tmp/x1.jsonl"

printf 'GOMAXPROCS=%s; load average: %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %9s %8s %11s %8s %12s %9s %12s %11s\n' size articles wall_s articles/s cpu_s cpu_ms/art db_MB MB/1000art peak_RSS_MB
for k in $sizes; do
	python3 - "$tmp/x1.jsonl" "$k" > "$tmp/rep$k.jsonl" <<'PY'
import json, re, sys
src, k = sys.argv[1], int(sys.argv[2])
keep = set("The This That These Those They There Then When What Where Which While Who Why How But And "
           "Also After Before Since However According Many Most Some Such Other More".split())
lines = open(src, encoding="utf-8").read().splitlines()
for r in range(k):
    tag = "".join(chr(ord("a") + int(d)) for d in str(r)) if r else ""
    def rename(m):
        w = m.group(0)
        return w if not tag or w in keep else w + tag
    for line in lines:
        a = json.loads(line)
        a["id"] = "r%d-%s" % (r, a["id"])
        a["text"] = re.sub(r"\b[A-Z][a-z]{3,}\b", rename, a["text"])
        if a.get("published"):
            a["published"] = str(int(a["published"][:4]) + r) + a["published"][4:]
        print(json.dumps(a, ensure_ascii=False))
PY
	n=$(grep -c . "$tmp/rep$k.jsonl")
	rm -f "$tmp/db"*
	t=$( { /usr/bin/time -f "%e %U %S %M" "$tmp/chronicle" --db "$tmp/db" ingest "$tmp/rep$k.jsonl" >/dev/null; } 2>&1 | tail -1)
	read -r wall user sys rss <<<"$t"
	size=$(du -cb "$tmp/db"* | tail -1 | cut -f1)
	awk -v k="$k" -v n="$n" -v w="$wall" -v c="$(echo "$user + $sys" | bc)" -v s="$size" -v r="$rss" 'BEGIN {
		printf "%-6s %9d %8.2f %11.0f %8.2f %12.3f %9.1f %12.2f %11.1f\n", k "x", n, w, n / w, c, c / n * 1000, s / 1e6, s / 1e6 / n * 1000, r / 1024 }'
done
