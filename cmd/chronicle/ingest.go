package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"time"

	"chronicle/article"
	"chronicle/extract"
	"chronicle/store"
)

type ingestCmd struct {
	Workers    int `help:"Articles extracted at once (default: GOMAXPROCS)."`
	Batch      int `help:"Most articles stored per transaction (default 2000)."`
	CacheMiB   int `name:"cache-mib" help:"Page cache of the database writer in MiB (default 128); more helps a corpus of millions."`
	inputFlags `embed:""`
	Paths      []string `arg:"" name:"path" help:"Files, directories, URLs, feeds, or - for stdin."`
}

func (c *ingestCmd) Run(ctx context.Context, app *cli) error {
	return c.run(ctx, app.DB, os.Stdin, os.Stderr)
}

func (c *ingestCmd) run(ctx context.Context, path string, stdin io.Reader, stderr io.Writer) error {
	r, err := c.reader(stdin)
	if err != nil {
		return err
	}
	tuneGCForIngest()
	db, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	prog := startProgress(stderr, r, c.Paths)
	stats, err := db.Ingest(ctx, c.Paths, store.IngestOptions{
		Reader: r, Workers: c.Workers, Batch: c.Batch, CacheMiB: c.CacheMiB,
		Extract: extract.Options{ReferenceDate: c.ReferenceDate},
		OnItem:  prog.item, OnStep: prog.setStep,
	})
	prog.stop()
	return finish("ingest", stats, prog, err)
}

// item counts one stored or failed item.
func (p *progress) item(where string, err error) {
	if err != nil {
		p.fail(where, err)
		return
	}
	p.add(false)
}

// finish logs what a store run did and turns failed items into exit status 1.
func finish(what string, st store.IngestStats, prog *progress, err error) error {
	slog.Info(what, "stored", st.Stored, "near_duplicates", st.NearDuplicates,
		"unchanged", st.Unchanged, "failed", st.Failed, "seconds", time.Since(prog.start).Seconds())
	if err != nil {
		return err
	}
	if done, failed := prog.counts(); failed > 0 {
		return errPartial{failed, done}
	}
	return nil
}

type reextractCmd struct {
	Workers int `help:"Articles extracted at once (default: GOMAXPROCS)."`
	Batch   int `help:"Most articles stored per transaction (default 2000)."`
}

func (c *reextractCmd) Run(ctx context.Context, app *cli) error {
	tuneGCForIngest()
	return withDB(ctx, app, func(db *store.DB) error {
		prog := startProgress(os.Stderr, &article.Reader{}, nil)
		stats, err := db.Reextract(ctx, store.IngestOptions{Workers: c.Workers, Batch: c.Batch, OnItem: prog.item, OnStep: prog.setStep})
		prog.stop()
		return finish("reextract", stats, prog, err)
	})
}

type failuresCmd struct {
	Format string `default:"table" enum:"table,jsonl" help:"Output format: table or jsonl."`
}

func (c *failuresCmd) Run(ctx context.Context, app *cli) error {
	return withDB(ctx, app, func(db *store.DB) error {
		fs, err := db.Failures(ctx)
		if err != nil {
			return err
		}
		return store.WriteFailures(os.Stdout, c.Format, fs)
	})
}
