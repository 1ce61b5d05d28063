package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target for the chronicle command.
// Its live heap is mostly fixed tables (language profiles, word lists,
// about 36 MB), and each article's garbage is small and short-lived, so the
// default of 100 collects every few dozen articles and spends a sixth of
// the time rescanning those tables. At 400 the heap stays flat (it follows
// the tables, not the input) at about 200 MB peak, and extraction runs
// about a quarter faster on one core. GOGC in the environment still wins.
const gcPercent = 400

func init() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

// tuneGCForIngest sets the collector for ingest, whose heap also holds the
// batches in flight (one filling, one queued and one being written by the
// corpus writer, one queued and one being indexed: some 200 MB of live
// heap at most): a target of 200 (half as many collections as the default
// saves about a seventh of the CPU for some 70 MB of heap) and a soft limit
// of 512 MiB, past which the collector runs as often as it must, so that
// the heap stays flat as the corpus grows. With 256 MiB the live batches
// kept the heap at the limit and the collector ran without pause (20,000
// articles: 27 s instead of 31-35 s). GOGC and GOMEMLIMIT in the
// environment still win.
func tuneGCForIngest() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(512 << 20)
	}
}
