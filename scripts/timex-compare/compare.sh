#!/usr/bin/env bash
# compare.sh: chronicle's temporal expressions beside chrono-node's, on the
# MEANTIME and TBAQ sets of ../shared/data/timex, with the same scorer
# (../shared/eval/score_timex.py), for accuracy and for throughput, in one
# table. chrono-node is installed with npm into .deps/ here (gitignored);
# how its dates are mapped to TIMEX3 is documented in chrono.cjs.
#
# usage: scripts/timex-compare/compare.sh        (from anywhere; needs go, node, npm, python3)
# Throughput is in-process tagging only (no JSON reading or writing): `go
# test -bench` for chronicle, a timed loop for chrono-node. The machine is
# shared, so both figures move with its load; run it twice.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=${SHARED:-$(cd "$repo/../shared" && pwd)}
out=$here/out
deps=$here/.deps
chrono_version=2.10.3
mkdir -p "$out"

if [ ! -d "$deps/node_modules/chrono-node" ]; then
	echo "installing chrono-node@$chrono_version into $deps" >&2
	npm install --no-audit --no-fund --silent --prefix "$deps" "chrono-node@$chrono_version" >&2
fi
(cd "$repo" && go build -o "$out/chronicle" ./cmd/chronicle)

score() { python3 "$shared/eval/score_timex.py" "$1" "$2"; }

rows=$out/rows.tsv
: >"$rows"
for set in meantime tbaq; do
	gold=$shared/data/timex/$set.jsonl
	"$out/chronicle" extract --with-text "$gold" >"$out/$set.chronicle.jsonl"
	# chrono gets the reference date chronicle resolved against, for a fair comparison.
	python3 -c 'import json,sys; print(json.dumps({r["id"]: r["published"] for r in map(json.loads, open(sys.argv[1]))}))' \
		"$out/$set.chronicle.jsonl" >"$out/$set.refs.json"
	NODE_PATH="$deps/node_modules" node "$here/chrono.cjs" "$gold" "$out/$set.refs.json" "$out/$set.chrono.jsonl" >"$out/$set.chrono.speed.json"
	for sys in chronicle chrono; do
		printf '%s\t%s\tall\t%s\n' "$sys" "$set" "$(score "$gold" "$out/$set.$sys.jsonl")" >>"$rows"
	done
	if [ "$set" = meantime ]; then
		# MEANTIME annotates only the title and the first sentences: by
		# zone.py's splitter every gold expression lies in the title or the
		# first four sentences of the body (the dateline opening the first).
		for sys in chronicle chrono; do
			python3 "$here/zone.py" 4 "$out/$set.$sys.jsonl" "$out/$set.$sys.zone.jsonl"
			printf '%s\t%s\tzone\t%s\n' "$sys" "$set" "$(score "$gold" "$out/$set.$sys.zone.jsonl")" >>"$rows"
		done
	fi
done
(cd "$repo" && GOMAXPROCS=1 go test -run '^$' -bench 'BenchmarkTag(MEANTIME|TBAQ)$' -benchtime 2s ./timex) >"$out/bench.txt"

python3 - "$rows" "$out" <<'PY'
import json, re, sys
rows, out = sys.argv[1], sys.argv[2]
speed = {}
for line in open(f"{out}/bench.txt"):
    m = re.match(r"BenchmarkTag(\w+?)(-\d+)?\s.*?([\d.]+) articles/s", line)
    if m:
        speed[("chronicle", m.group(1).lower())] = float(m.group(3))
for s in ("meantime", "tbaq"):
    speed[("chrono", s)] = json.load(open(f"{out}/{s}.chrono.speed.json"))["articles_per_s"]
print(f"{'system':<10} {'set':<9} {'scope':<5} {'relaxed F1':>10} {'strict F1':>9} {'value F1':>8} {'articles/s':>11}")
for line in open(rows):
    sysname, s, scope, res = line.rstrip("\n").split("\t")
    rel = re.search(r"relaxed P=\S+ R=\S+ F1=([\d.]+)", res).group(1)
    strict = re.search(r"strict F1=([\d.]+)", res).group(1)
    val = re.search(r"value F1=([\d.]+)", res).group(1)
    sp = f"{speed.get((sysname, s), 0):,.0f}" if scope == "all" else ""
    print(f"{sysname:<10} {s:<9} {scope:<5} {rel:>10} {strict:>9} {val:>8} {sp:>11}")
print("scope zone: title + first four body sentences, the part MEANTIME annotates (see zone.py)")
PY
