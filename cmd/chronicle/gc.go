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
// writer's batches: a target of 200 (half as many collections as the
// default saves about a seventh of the CPU for some 70 MB of heap) and a
// soft limit of 256 MiB, past which the collector runs as often as it must,
// so that the heap stays flat as the corpus grows. GOGC and GOMEMLIMIT in
// the environment still win.
func tuneGCForIngest() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(256 << 20)
	}
}
