#!/usr/bin/env bash
# The scale benchmark of issue 4: generate N synthetic articles
# (scripts/gencorpus, from the PolNeAR inputs in ../shared), ingest them into
# a fresh database with `chronicle ingest`, then time the queries a user runs.
#
#   scripts/bench-store.sh 10000
#   RUNS=30 nice -n 10 scripts/bench-store.sh 1000000
#
# Prints generation and ingest rate (articles/s), peak RSS and CPU time of
# ingest (/usr/bin/time -v), database size in total and per 1,000 articles,
# then p50 and p95 wall time of each query over RUNS runs (default 20; the
# export runs EXPORT_RUNS times, default 3), twice: as whole commands
# (process start, opening the database, the query, printing; the "startup"
# row, `chronicle --help`, is the process start alone), then in process
# (scripts/storequery: the store calls alone, as the HTTP API sees them). Environment: SEED
# (default 1), WORK (a directory to keep corpus and database in, default a
# temporary one, removed at exit), KEEP=1 to keep it, QUERIES_ONLY=1 to time
# the queries on the database already in WORK (N then only names the
# article for show).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: scripts/bench-store.sh N}
runs=${RUNS:-20}
export_runs=${EXPORT_RUNS:-3}
seed=${SEED:-1}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

if [ -n "${WORK:-}" ]; then
	work=$WORK
	mkdir -p "$work"
else
	work=$(mktemp -d)
	[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
fi
go build -o "$work/chronicle" ./cmd/chronicle
go build -o "$work/gencorpus" ./scripts/gencorpus
go build -o "$work/storequery" ./scripts/storequery
bin=$work/chronicle
db=$work/chronicle.db
corpus=$work/corpus-$n-$seed.jsonl

printf '# bench-store: N=%d seed=%s, %s cores, %s GiB RAM, %s; load average %s\n' "$n" "$seed" "$(nproc)" \
	"$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo)" "$(date -u +%FT%TZ)" "$(cut -d' ' -f1-3 /proc/loadavg)"

if [ -n "${QUERIES_ONLY:-}" ]; then
	[ -s "$db" ] || { echo "QUERIES_ONLY: no database $db" >&2; exit 1; }
	printf 'queries only, on %s: %s articles\n' "$db" "$(sqlite3 "$db" 'SELECT count(*) FROM articles' 2>/dev/null || echo '?')"
elif [ ! -s "$corpus" ]; then
	start=$(date +%s.%N)
	"$work/gencorpus" -n "$n" -seed "$seed" > "$corpus.part"
	mv "$corpus.part" "$corpus" # a killed run leaves no short corpus behind
	end=$(date +%s.%N)
	awk -v n="$n" -v s="$start" -v e="$end" -v b="$(stat -c %s "$corpus")" \
		'BEGIN {printf "generate: %d articles, %.0f MB, %.1f s, %.0f articles/s\n", n, b/1e6, e-s, n/(e-s)}'
fi

if [ -z "${QUERIES_ONLY:-}" ]; then
got=$(wc -l < "$corpus")
[ "$got" -eq "$n" ] || { echo "$corpus has $got articles, want $n" >&2; exit 1; }
rm -f "$db" "$db"-* "$db".fts "$db".fts-* # the index too: a stale one is rebuilt, its file not shrunk
/usr/bin/time -v -o "$work/ingest.time" "$bin" --db "$db" ingest "$corpus" >"$work/ingest.out" 2>"$work/ingest.err" ||
	{ echo "ingest failed (exit $?):" >&2; tail -5 "$work/ingest.err" >&2; exit 1; }
grep . "$work/ingest.err" | tail -3 | sed 's/^/ingest says: /' || true
size=$(du -cb "$db"* | tail -1 | cut -f1)
awk -v n="$n" -v size="$size" -F': ' '
	/Elapsed \(wall clock\)/ { k = split($2, p, ":"); wall = 0; for (i = 1; i <= k; i++) wall = wall * 60 + p[i] }
	/User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident set size/ { rss = $2 }
	END {
		printf "ingest: %d articles in %.1f s = %.0f articles/s; CPU %.0f s user + %.0f s system; peak RSS %.0f MB\n", n, wall, n / wall, user, sys, rss / 1024
		printf "database: %.1f MB = %.2f MB per 1,000 articles\n", size / 1e6, size / 1e6 / n * 1000
	}' "$work/ingest.time"
fi

# Query parameters from the data: the most quoted speaker and one further
# down, an outlet, a month, an article.
"$bin" --db "$db" speakers --top 50 --format csv > "$work/speakers.csv"
top=$(awk -F, 'NR == 2 {print $2}' "$work/speakers.csv")
mid=$(awk -F, 'NR == 40 {print $2} END {if (NR < 40) print ""}' "$work/speakers.csv")
[ -n "$mid" ] || mid=$top
outlet="Northline"
article="gen$seed-$(printf '%08d' $((n / 2)))"
echo "speakers: top \"$top\", 39th \"$mid\"; outlet $outlet; article $article"

# time_ms CMD...: wall time of one run in milliseconds, output discarded;
# "fail" when the command fails.
time_ms() {
	local s e
	s=$(date +%s%N)
	"$@" >/dev/null 2>"$work/query.err" || { cp "$work/query.err" "$work/query.fail"; echo fail; return 0; }
	e=$(date +%s%N)
	echo $(((e - s) / 1000000))
}

# bench NAME RUNS CMD...: p50 and p95 of RUNS runs, and the output lines of one.
bench() {
	local name=$1 k=$2
	shift 2
	local lines
	lines=$("$@" 2>/dev/null | wc -l) || true
	for _ in $(seq "$k"); do time_ms "$@"; done | sort -n | awk -v name="$name" -v lines="$lines" '
		$1 == "fail" { fail++; next }
		{ t[++n] = $1 }
		END {
			if (fail) { printf "%-38s %6d %8s %8s %9s  (%d runs failed)\n", name, n, "-", "-", "-", fail; exit }
			p50 = t[int((n + 1) * 0.5)]; i95 = int(n * 0.95 + 0.999)
			printf "%-38s %6d %8d %8d %9d\n", name, n, p50, t[i95], lines
		}'
	if [ -s "$work/query.fail" ]; then sed 's/^/    /' "$work/query.fail" | head -2; rm -f "$work/query.fail"; fi
}

printf '%-38s %6s %8s %8s %9s\n' query runs p50_ms p95_ms out_lines
q=("$bin" --db "$db")
bench "startup (chronicle --help)" "$runs" "$bin" --help
bench "quotes --speaker TOP" "$runs" "${q[@]}" quotes --speaker "$top"
bench "quotes --speaker 39TH" "$runs" "${q[@]}" quotes --speaker "$mid"
bench "quotes --about immigration" "$runs" "${q[@]}" quotes --about immigration
bench "quotes --about 'health care'" "$runs" "${q[@]}" quotes --about 'health care'
bench "quotes --since 2019-03-01 --until ..31" "$runs" "${q[@]}" quotes --since 2019-03-01 --until 2019-03-31
bench "quotes --source $outlet" "$runs" "${q[@]}" quotes --source "$outlet"
bench "quotes --speaker TOP --since 2020-01-01" "$runs" "${q[@]}" quotes --speaker "$top" --since 2020-01-01
bench "speakers --top 20" "$runs" "${q[@]}" speakers --top 20
bench "search tax" "$runs" "${q[@]}" search tax
bench "search border wall" "$runs" "${q[@]}" search border wall
bench "show $article" "$runs" "${q[@]}" show "$article"
bench "export --format jsonl | wc -l" "$export_runs" "${q[@]}" export --format jsonl

echo
"$work/storequery" -db "$db" -runs "$runs" -speaker "$top" -speaker2 "$mid" -article "$article" -source "$outlet" -export-runs "$export_runs"
