package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"

	"chronicle/article"
	"chronicle/extract"
)

type extractCmd struct {
	Format        string   `default:"jsonl" enum:"jsonl" help:"Output format."`
	WithText      bool     `help:"Include the analysed text in each record (for HTML, the extracted text)."`
	ReferenceDate string   `help:"Resolve relative dates against this date (YYYY-MM-DD) instead of the publication date."`
	Paths         []string `arg:"" name:"path" help:"Files, directories, or - for stdin."`
}

func (c *extractCmd) Run(ctx context.Context) error {
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	opt := extract.Options{ReferenceDate: c.ReferenceDate, WithText: c.WithText}
	total, failed := 0, 0
	err := article.Walk(ctx, c.Paths, func(it article.Item) error {
		total++
		if it.Err != nil {
			failed++
			fmt.Fprintf(os.Stderr, "chronicle: %s: %v\n", it.Where, it.Err)
			return nil
		}
		return enc.Encode(extract.Article(it.Article, opt))
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return errPartial{failed, total}
	}
	return nil
}
