// Command chronicle turns news articles into a dated, source-linked record of
// who said what, when. This package holds flags and subcommands only.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/alecthomas/kong"
)

type cli struct {
	Verbose bool   `short:"v" help:"Log progress and details to stderr."`
	DB      string `name:"db" default:"./chronicle.db" type:"path" help:"The database of ingest and the queries."`
	// For finding where a long run spends its time (go tool pprof).
	CPUProfile string `name:"cpuprofile" hidden:"" type:"path" help:"Write a CPU profile of the command to this file."`

	Extract   extractCmd   `cmd:"" help:"Print one JSON record per article: quotations, speakers, dates, entities."`
	Ingest    ingestCmd    `cmd:"" help:"Extract articles and store them in the database."`
	Quotes    quotesCmd    `cmd:"" help:"List stored quotations in date order."`
	Speakers  speakersCmd  `cmd:"" help:"List speakers, or correct how names were merged into speakers."`
	Search    searchCmd    `cmd:"" help:"Full-text search over articles and quotations."`
	Show      showCmd      `cmd:"" help:"Print one stored article with its quotations marked."`
	Export    exportCmd    `cmd:"" help:"Stream every selected quotation as CSV or JSON lines."`
	Failures  failuresCmd  `cmd:"" help:"List the input items that could not be stored."`
	Reextract reextractCmd `cmd:"" help:"Extract again the articles stored by an older extractor."`
	Serve     serveCmd     `cmd:"" help:"Serve the web UI and JSON API over the database, ingesting PATHs first."`
}

// errPartial reports that some items failed while the rest were processed.
type errPartial struct{ failed, total int }

func (e errPartial) Error() string {
	return fmt.Sprintf("%d of %d items failed", e.failed, e.total)
}

func main() { os.Exit(run()) }

// run is main with an exit status, so that deferred calls (the profile's
// end) run before the process exits.
func run() int {
	var c cli
	kctx := kong.Parse(&c,
		kong.Name("chronicle"),
		kong.Description("Who said what, when, about whom: quotations and dates from news articles."),
		kong.UsageOnError(),
	)
	level := slog.LevelWarn
	if c.Verbose {
		level = slog.LevelInfo
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	kctx.BindTo(ctx, (*context.Context)(nil))
	kctx.Bind(&c)
	if c.CPUProfile != "" {
		f, err := os.Create(c.CPUProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "chronicle: cpu profile: %v\n", err)
			return 1
		}
		defer f.Close()
		defer pprof.StopCPUProfile()
	}
	if err := kctx.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "chronicle: %v\n", err)
		return 1
	}
	return 0
}
