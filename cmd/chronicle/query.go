package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"chronicle/store"
)

// filterFlags select quotations, for quotes and export.
type filterFlags struct {
	Speaker    string `help:"A speaker ID, name or alias."`
	About      string `help:"Full-text query over the quotation text (FTS5 syntax)."`
	Since      string `help:"From this date on (YYYY-MM-DD)."`
	Until      string `help:"Up to this date, inclusive (YYYY-MM-DD)."`
	Source     string `help:"Only this outlet."`
	Duplicates bool   `help:"Include quotations of near-duplicate articles."`
}

func (f filterFlags) filter() store.QuoteFilter {
	return store.QuoteFilter{Speaker: f.Speaker, About: f.About, Since: f.Since, Until: f.Until,
		Source: f.Source, Duplicates: f.Duplicates}
}

type quotesCmd struct {
	filterFlags
	Format string `default:"table" enum:"table,csv,jsonl" help:"Output format: table, csv or jsonl."`
	Limit  int    `default:"100" help:"Quotations per page; 0 for all."`
	Cursor string `help:"Continue after a previous page (its cursor is printed on stderr)."`
}

func (c *quotesCmd) Run(ctx context.Context, app *cli) error {
	return withDB(ctx, app, func(db *store.DB) error {
		f := c.filter()
		f.Limit, f.Cursor = c.Limit, c.Cursor
		qs, next, err := db.Quotes(ctx, f)
		if err != nil {
			return err
		}
		w, err := store.NewQuoteWriter(os.Stdout, c.Format)
		if err != nil {
			return err
		}
		for _, q := range qs {
			if err := w.Write(q); err != nil {
				return err
			}
		}
		if err := w.Flush(); err != nil {
			return err
		}
		if next != "" {
			fmt.Fprintf(os.Stderr, "chronicle: more: --cursor %s\n", next)
		}
		return nil
	})
}

type exportCmd struct {
	filterFlags
	Format string `default:"jsonl" enum:"csv,jsonl" help:"Output format: csv or jsonl."`
}

func (c *exportCmd) Run(ctx context.Context, app *cli) error {
	return withDB(ctx, app, func(db *store.DB) error {
		w, err := store.NewQuoteWriter(os.Stdout, c.Format)
		if err != nil {
			return err
		}
		if err := db.EachQuote(ctx, c.filter(), w.Write); err != nil {
			return err
		}
		return w.Flush()
	})
}

type speakersCmd struct {
	List   speakersListCmd `cmd:"" default:"withargs" hidden:"" help:"List speakers, most quoted first."`
	Merge  mergeCmd        `cmd:"" help:"Merge speaker B into speaker A."`
	Split  splitCmd        `cmd:"" help:"Give the quotations under one name of a speaker a speaker of their own."`
	Rename renameCmd       `cmd:"" help:"Change the name a speaker is shown under."`
	Alias  aliasCmd        `cmd:"" help:"Give a speaker another name."`
}

type speakersListCmd struct {
	Top    int    `default:"50" help:"At most this many; 0 for all."`
	Query  string `short:"q" help:"Only speakers with a name or alias starting with this."`
	Format string `default:"table" enum:"table,csv,jsonl" help:"Output format: table, csv or jsonl."`
}

func (c *speakersListCmd) Run(ctx context.Context, app *cli) error {
	return withDB(ctx, app, func(db *store.DB) error {
		sp, _, err := db.Speakers(ctx, store.SpeakerFilter{Query: c.Query, Top: c.Top})
		if err != nil {
			return err
		}
		return store.WriteSpeakers(os.Stdout, c.Format, sp)
	})
}

type mergeCmd struct {
	A int64 `arg:"" help:"The speaker that remains."`
	B int64 `arg:"" help:"The speaker merged into it."`
}

func (c *mergeCmd) Run(ctx context.Context, app *cli) error {
	return withDB(ctx, app, func(db *store.DB) error { return db.MergeSpeakers(ctx, c.A, c.B) })
}

type splitCmd struct {
	ID    int64  `arg:"" help:"The speaker."`
	Alias string `arg:"" help:"The name whose quotations get a speaker of their own."`
}

func (c *splitCmd) Run(ctx context.Context, app *cli) error {
	return withDB(ctx, app, func(db *store.DB) error {
		id, err := db.SplitSpeaker(ctx, c.ID, c.Alias)
		if err == nil {
			fmt.Println(id)
		}
		return err
	})
}

type renameCmd struct {
	ID   int64  `arg:"" help:"The speaker."`
	Name string `arg:"" help:"Its new name."`
}

func (c *renameCmd) Run(ctx context.Context, app *cli) error {
	return withDB(ctx, app, func(db *store.DB) error { return db.RenameSpeaker(ctx, c.ID, c.Name) })
}

type aliasCmd struct {
	ID    int64  `arg:"" help:"The speaker."`
	Alias string `arg:"" help:"Another name of it."`
}

func (c *aliasCmd) Run(ctx context.Context, app *cli) error {
	return withDB(ctx, app, func(db *store.DB) error { return db.AddAlias(ctx, c.ID, c.Alias) })
}

type searchCmd struct {
	Query  []string `arg:"" help:"Words or an FTS5 query."`
	Limit  int      `default:"20" help:"Results per page."`
	Cursor string   `help:"Continue after a previous page."`
	Format string   `default:"table" enum:"table,jsonl" help:"Output format: table or jsonl."`
}

func (c *searchCmd) Run(ctx context.Context, app *cli) error {
	return withDB(ctx, app, func(db *store.DB) error {
		hits, next, err := db.Search(ctx, strings.Join(c.Query, " "), c.Limit, c.Cursor)
		if err != nil {
			return err
		}
		if c.Format == "jsonl" {
			err = writeJSONL(hits)
		} else {
			err = store.WriteHits(os.Stdout, hits)
		}
		if err == nil && next != "" {
			fmt.Fprintf(os.Stderr, "chronicle: more: --cursor %s\n", next)
		}
		if err == nil && len(hits) == 0 && c.Format == "table" {
			// An empty table looks like a failure; say that nothing matched.
			fmt.Fprintln(os.Stderr, "chronicle: no matches")
		}
		return err
	})
}

type showCmd struct {
	Article string `arg:"" help:"The article's store ID or input id."`
	Format  string `default:"text" enum:"text,json" help:"Output format: text or json."`
}

func (c *showCmd) Run(ctx context.Context, app *cli) error {
	return withDB(ctx, app, func(db *store.DB) error {
		a, err := db.FindArticle(ctx, c.Article)
		if err != nil {
			return err
		}
		if c.Format == "json" {
			return writeJSONL([]store.Article{a})
		}
		return store.WriteArticle(os.Stdout, a)
	})
}

func withDB(ctx context.Context, app *cli, fn func(*store.DB) error) error {
	db, err := store.Open(ctx, app.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db)
}

func writeJSONL[T any](vs []T) error {
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for _, v := range vs {
		if err := enc.Encode(v); err != nil {
			return err
		}
	}
	return nil
}
