package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"

	"chronicle/article"
	"chronicle/extract"
)

type extractCmd struct {
	Format     string `default:"jsonl" enum:"jsonl" help:"Output format."`
	WithText   bool   `help:"Include the analysed text in each record (for HTML, the extracted text)."`
	Workers    int    `help:"Articles analysed at once (default: GOMAXPROCS)."`
	inputFlags `embed:""`
	Paths      []string `arg:"" name:"path" help:"Files, directories, URLs, or - for stdin."`
}

func (c *extractCmd) Run(ctx context.Context) error {
	return c.run(ctx, os.Stdin, os.Stdout, os.Stderr)
}

// extracted is the outcome of one item: its JSON line, or why it has none.
type extracted struct {
	where string
	line  []byte
	err   error
}

func (c *extractCmd) run(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer) error {
	r, err := c.reader(stdin)
	if err != nil {
		return err
	}
	workers := c.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	opt := extract.Options{ReferenceDate: c.ReferenceDate, WithText: c.WithText}

	out := bufio.NewWriterSize(stdout, 1<<16)
	defer out.Flush()
	prog := startProgress(stderr, r, c.Paths)
	defer prog.stop()

	err = article.Process(ctx, r, c.Paths, workers,
		func(it article.Item) extracted {
			a, err := it.Load()
			if err != nil {
				return extracted{where: it.Where, err: err}
			}
			line, err := encodeRecord(extract.Article(a, opt))
			return extracted{where: it.Where, line: line, err: err}
		},
		func(e extracted) error {
			if e.err != nil {
				prog.fail(e.where, e.err)
				return nil
			}
			prog.add(false)
			_, err := out.Write(e.line)
			return err
		})
	if err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if done, failed := prog.counts(); failed > 0 {
		return errPartial{failed, done}
	}
	return nil
}

// encodeRecord writes a record as one JSON line, without HTML escaping, so
// that quotations read as they were written.
func encodeRecord(rec extract.Record) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rec); err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	return buf.Bytes(), nil
}
