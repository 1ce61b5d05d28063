package article

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// MaxArticleBytes bounds one article; anything larger is reported, not read.
const MaxArticleBytes = 16 << 20

// Item is what a reader yields: an article, or the failure of one input item.
// Where names the item (a path, "path:line", a URL) in error messages.
type Item struct {
	Article Article
	Where   string
	Err     error
}

// Walk reads every input (files, directories recursively, "-" for stdin) and
// calls fn for each article or failed item, in input order. A failed item does
// not stop the walk; only an error returned by fn or a cancelled ctx does.
func Walk(ctx context.Context, inputs []string, fn func(Item) error) error {
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if in == "-" {
			err = readStream(ctx, "-", os.Stdin, fn)
		} else {
			err = walkPath(ctx, in, fn)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func walkPath(ctx context.Context, root string, fn func(Item) error) error {
	info, err := os.Stat(root)
	if err != nil {
		return fn(Item{Where: root, Err: err})
	}
	if !info.IsDir() {
		return readFile(ctx, root, fn)
	}
	var files []string
	werr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fn(Item{Where: p, Err: err})
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if formatOf(p) != "" {
			files = append(files, p)
		}
		return nil
	})
	if werr != nil {
		return werr
	}
	sort.Strings(files)
	for _, f := range files {
		if err := readFile(ctx, f, fn); err != nil {
			return err
		}
	}
	return nil
}

// formatOf names the reader for a path by its extension, or "" when none fits.
func formatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return "txt"
	case ".jsonl", ".ndjson":
		return "jsonl"
	}
	return ""
}

func readFile(ctx context.Context, path string, fn func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(Item{Where: path, Err: err})
	}
	defer f.Close()
	if formatOf(path) == "jsonl" {
		return readJSONL(ctx, path, f, fn)
	}
	a, err := readText(path, f)
	return fn(Item{Article: a, Where: path, Err: err})
}

// readStream reads stdin: JSONL when its first byte opens an object, else one text article.
func readStream(ctx context.Context, name string, r io.Reader, fn func(Item) error) error {
	br := bufio.NewReader(r)
	if b, err := br.Peek(1); err == nil && b[0] == '{' {
		return readJSONL(ctx, name, br, fn)
	}
	a, err := readText(name, br)
	return fn(Item{Article: a, Where: name, Err: err})
}

func readText(name string, r io.Reader) (Article, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxArticleBytes+1))
	if err != nil {
		return Article{}, fmt.Errorf("read: %w", err)
	}
	if err := checkText(b); err != nil {
		return Article{}, err
	}
	return Article{ID: name, Source: name, Text: string(b), Format: "txt"}, nil
}

// checkText rejects what cannot be an article: too large, empty, binary or not UTF-8.
func checkText(b []byte) error {
	switch {
	case len(b) > MaxArticleBytes:
		return fmt.Errorf("larger than %d MiB", MaxArticleBytes>>20)
	case len(strings.TrimSpace(string(b))) == 0:
		return errors.New("empty")
	case strings.IndexByte(string(b), 0) >= 0:
		return errors.New("binary content (NUL byte)")
	case !utf8.Valid(b):
		return errors.New("not valid UTF-8")
	}
	return nil
}

// jsonLine is one line of a JSONL input.
type jsonLine struct {
	ID        json.RawMessage `json:"id"`
	Title     string          `json:"title"`
	Published string          `json:"published"`
	Source    string          `json:"source"`
	URL       string          `json:"url"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
}

func readJSONL(ctx context.Context, name string, r io.Reader, fn func(Item) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), MaxArticleBytes)
	for n := 1; sc.Scan(); n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line := sc.Bytes()
		if len(strings.TrimSpace(string(line))) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, n)
		a, err := parseJSONLine(line)
		if a.ID == "" {
			a.ID = where
		}
		if err := fn(Item{Article: a, Where: where, Err: err}); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fn(Item{Where: name, Err: fmt.Errorf("read: %w", err)})
	}
	return nil
}

func parseJSONLine(line []byte) (Article, error) {
	var j jsonLine
	if err := json.Unmarshal(line, &j); err != nil {
		return Article{}, fmt.Errorf("malformed JSON: %w", err)
	}
	a := Article{
		ID: idString(j.ID), Title: j.Title, Source: j.Source, URL: j.URL,
		Published: j.Published, Format: "jsonl",
	}
	if j.Published != "" {
		a.PublishedFrom = "input"
	}
	switch {
	case j.Text != nil:
		a.Text = *j.Text
	case j.HTML != nil:
		return a, errors.New("html field: not supported yet")
	default:
		return a, errors.New(`no "text" or "html" field`)
	}
	if strings.TrimSpace(a.Text) == "" {
		return a, errors.New("empty text")
	}
	return a, nil
}

// idString accepts a JSON string or number as an id.
func idString(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}
