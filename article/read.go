package article

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

// MaxArticleBytes bounds one article (a file, a JSONL line, a CSV row, a page);
// anything larger is reported, not read.
const MaxArticleBytes = 16 << 20

// maxFeedBytes bounds one feed document, which holds many articles.
const maxFeedBytes = 4 * MaxArticleBytes

// Item is what a reader yields: an article, or the failure of one input item.
// Where names the item (a path, "path:line", "path#entry", a URL) in error
// messages. Costly decoding (HTML main-text extraction) is deferred to Load,
// so that callers can run it in their workers; Walk calls Load itself.
type Item struct {
	Article Article
	Where   string
	Err     error

	decode func() (Article, error)
}

// Load finishes reading the item, if anything is left to do, and returns its
// article or the reason it has none. It is safe to call more than once.
func (it *Item) Load() (Article, error) {
	if it.decode != nil {
		it.Article, it.Err = it.decode()
		it.decode = nil
	}
	return it.Article, it.Err
}

// Reader reads inputs into articles. Its zero value reads files, directories
// and stdin, and fetches URLs with a default Fetcher.
type Reader struct {
	// Fetcher fetches http and https inputs; nil means a default Fetcher.
	Fetcher *Fetcher
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader

	read atomic.Int64 // bytes consumed from local files and stdin
}

// BytesRead reports how many bytes of input the Reader has consumed so far;
// with InputSize it lets a progress display estimate the time left.
func (r *Reader) BytesRead() int64 { return r.read.Load() }

// Walk reads every input with a zero Reader; see Reader.Walk.
func Walk(ctx context.Context, inputs []string, fn func(Item) error) error {
	var r Reader
	return r.Walk(ctx, inputs, fn)
}

// Walk reads every input (files, directories recursively, URLs, "-" for
// stdin) and calls fn for each loaded article or failed item, in input order.
// A failed item does not stop the walk; only an error returned by fn or a
// cancelled ctx does.
func (r *Reader) Walk(ctx context.Context, inputs []string, fn func(Item) error) error {
	return r.items(ctx, inputs, func(it Item) error {
		it.Load()
		return fn(it)
	})
}

// items is Walk without Load: it yields items whose decoding may be pending.
func (r *Reader) items(ctx context.Context, inputs []string, fn func(Item) error) error {
	if r.Fetcher == nil {
		r.Fetcher = NewFetcher()
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case in == "-":
			stdin := r.Stdin
			if stdin == nil {
				stdin = os.Stdin
			}
			err = r.readSniffed(ctx, "-", r.count(stdin), fn)
		case isURL(in):
			err = r.readURL(ctx, in, fn)
		default:
			err = r.walkPath(ctx, in, fn)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (r *Reader) walkPath(ctx context.Context, root string, fn func(Item) error) error {
	info, err := os.Stat(root)
	if err != nil {
		return fn(Item{Where: root, Err: err})
	}
	if !info.IsDir() {
		return r.readFile(ctx, root, formatOf(root), fn)
	}
	files, errs := listDir(root)
	for _, e := range errs {
		if err := fn(e); err != nil {
			return err
		}
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.readFile(ctx, f, formatOf(f), fn); err != nil {
			return err
		}
	}
	return nil
}

// listDir lists the readable files under root in sorted order, skipping
// dot-directories, dot-files and files whose extension names no format.
// Unreadable directories come back as failed items.
func listDir(root string) ([]string, []Item) {
	var files []string
	var errs []Item
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, Item{Where: p, Err: err})
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && formatOf(p) != "" {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files, errs
}

// InputSize sums the sizes of the local files that inputs name, as Walk
// would read them; stdin and URLs count as unknown and make ok false.
func InputSize(inputs []string) (total int64, ok bool) {
	ok = true
	for _, in := range inputs {
		if in == "-" || isURL(in) {
			ok = false
			continue
		}
		info, err := os.Stat(in)
		if err != nil {
			continue
		}
		if !info.IsDir() {
			total += info.Size()
			continue
		}
		files, _ := listDir(in)
		for _, f := range files {
			if fi, err := os.Stat(f); err == nil {
				total += fi.Size()
			}
		}
	}
	return total, ok
}

// formatOf names the reader for a path by its extension, or "" when none fits.
func formatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return "txt"
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".csv":
		return "csv"
	case ".xml", ".rss", ".atom":
		return "feed"
	}
	return ""
}

// readFile reads one file in the given format; a file named explicitly whose
// extension names no format is sniffed like stdin.
func (r *Reader) readFile(ctx context.Context, path, format string, fn func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(Item{Where: path, Err: err})
	}
	defer f.Close()
	in := r.count(f)
	if format == "" {
		return r.readSniffed(ctx, path, in, fn)
	}
	return readAs(ctx, format, path, in, Article{ID: path, Source: path}, fn)
}

// readAs reads r in one format. base carries what is known of the input
// before it is read (its name, or the URL it came from).
func readAs(ctx context.Context, format, name string, r io.Reader, base Article, fn func(Item) error) error {
	switch format {
	case "jsonl":
		return readJSONL(ctx, name, r, fn)
	case "csv":
		return readCSV(ctx, name, r, fn)
	case "feed":
		return readFeed(ctx, name, r, base, fn)
	case "html":
		page, err := readAll(r, MaxArticleBytes)
		if err != nil {
			return fn(Item{Where: name, Err: err})
		}
		// The page's own site name makes a better source than a path or host.
		fallback := base.Source
		base.Source = ""
		return fn(Item{Where: name, decode: func() (Article, error) {
			a, err := fromHTML(page, base)
			a.Source = firstNonEmpty(a.Source, fallback)
			return a, err
		}})
	}
	a, err := readText(r, base)
	return fn(Item{Article: a, Where: name, Err: err})
}

// readSniffed reads an input of unknown format (stdin, a file without a known
// extension) as whatever its first bytes say it is.
func (r *Reader) readSniffed(ctx context.Context, name string, in io.Reader, fn func(Item) error) error {
	br := bufio.NewReaderSize(in, sniffLen)
	head, _ := br.Peek(sniffLen)
	return readAs(ctx, Sniff(head), name, br, Article{ID: name, Source: name}, fn)
}

// ReadNamed reads src as an input called name: in the format its extension
// names (an uploaded "wire.csv" is read as CSV), else sniffed like stdin.
func (r *Reader) ReadNamed(ctx context.Context, name string, src io.Reader, fn func(Item) error) error {
	in := r.count(src)
	format := formatOf(name)
	if format == "" {
		return r.readSniffed(ctx, name, in, fn)
	}
	return readAs(ctx, format, name, in, Article{ID: name, Source: name}, fn)
}

func (r *Reader) count(in io.Reader) io.Reader { return &countingReader{in, &r.read} }

type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// readAll reads at most limit bytes and reports an input that is larger.
func readAll(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("larger than %s", byteSize(limit))
	}
	return b, nil
}

// byteSize writes a limit for people: "16 MiB", or "2000 bytes".
func byteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// readText reads a plain-text article: its content exactly as read, with the
// first non-blank line as its title.
func readText(r io.Reader, base Article) (Article, error) {
	b, err := readAll(r, MaxArticleBytes)
	if err != nil {
		return Article{}, err
	}
	if err := checkText(b); err != nil {
		return Article{}, err
	}
	a := base
	a.Text, a.Format = string(b), "txt"
	a.Title = firstLine(a.Text)
	return a, nil
}

// firstLine is the first non-blank line of s, trimmed: a text article's headline.
func firstLine(s string) string {
	for s != "" {
		line, rest, _ := strings.Cut(s, "\n")
		if t := strings.TrimSpace(strings.TrimPrefix(line, "\ufeff")); t != "" {
			return t
		}
		s = rest
	}
	return ""
}

// checkText rejects what cannot be an article: empty, binary or not UTF-8.
func checkText(b []byte) error {
	switch {
	case len(bytes.TrimSpace(b)) == 0:
		return errors.New("empty")
	case bytes.IndexByte(b, 0) >= 0:
		return errors.New("binary content (NUL byte)")
	case !utf8.Valid(b):
		return errors.New("not valid UTF-8")
	}
	return nil
}
