// Command gencorpus writes a large synthetic news corpus in chronicle's
// JSONL input format, made from real articles (by default the PolNeAR
// inputs in ../shared) for the scale benchmark (scripts/bench-store.sh).
//
//	go run ./scripts/gencorpus -n 100000 -seed 1 > corpus.jsonl
//
// Every article is a copy of a real one, altered so that it is not a near
// duplicate of any other: half its paragraphs swapped for paragraphs of
// other articles, the paragraphs shuffled, every known politician renamed
// to a made-up person (consistently within the article), a made-up outlet,
// a new id and url, a date spread over 2015-2024 (2% undated). About 1% of
// the articles republish an earlier one (new headline, another outlet, one
// paragraph dropped), so that near-duplicate detection has work to do.
// Output is deterministic by seed and streams: memory does not grow with -n.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Uint64("seed", 1, "random seed: the same seed gives the same corpus")
	src := flag.String("src", "../shared/data/polnear/*.input.jsonl", "JSONL articles to copy from (glob)")
	undated := flag.Float64("undated", 0.02, "share of articles without a publication date")
	dups := flag.Float64("dups", 0.01, "share of articles that republish an earlier one")
	flag.Parse()
	if err := run(*n, *seed, *src, *undated, *dups); err != nil {
		slog.Error("gencorpus", "err", err)
		os.Exit(1)
	}
}

func run(n int, seed uint64, src string, undated, dups float64) error {
	bases, err := readBases(src)
	if err != nil {
		return err
	}
	g := New(bases, seed)
	g.Undated, g.Dups = undated, dups
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range n {
		if err := enc.Encode(g.Article(i)); err != nil {
			return fmt.Errorf("article %d: %w", i, err)
		}
	}
	return w.Flush()
}

// readBases reads the title and body paragraphs of every article in the
// files matching the glob.
func readBases(glob string) ([]Base, error) {
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no source articles match %q", glob)
	}
	var bases []Base
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for line := 1; sc.Scan(); line++ {
			var a struct{ Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				fh.Close()
				return nil, fmt.Errorf("%s:%d: %w", f, line, err)
			}
			if b, ok := base(a.Title, a.Text); ok {
				bases = append(bases, b)
			}
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
	}
	if len(bases) == 0 {
		return nil, fmt.Errorf("no usable articles in %q", glob)
	}
	return bases, nil
}

// base splits an article into its title and body paragraphs; the first
// paragraph is dropped when it only repeats the title.
func base(title, text string) (Base, bool) {
	var paras []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	if len(paras) > 0 && title != "" && strings.HasPrefix(paras[0], strings.TrimSpace(title)) {
		paras = paras[1:]
	}
	if title == "" && len(paras) > 1 {
		title, paras = paras[0], paras[1:]
	}
	return Base{Title: strings.TrimSpace(title), Paras: paras}, len(paras) > 0
}
