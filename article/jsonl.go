package article

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

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

// readJSONL reads one article per line. A bad line is a failed item named
// "name:line"; the lines after it are still read.
func readJSONL(ctx context.Context, name string, r io.Reader, fn func(Item) error) error {
	lr := newLineReader(r, MaxArticleBytes)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, n, err := lr.next()
		if err == io.EOF {
			return nil
		}
		where := fmt.Sprintf("%s:%d", name, n)
		if err != nil {
			if errors.Is(err, errLineTooLong) {
				if err := fn(Item{Where: where, Err: err}); err != nil {
					return err
				}
				continue
			}
			return fn(Item{Where: where, Err: err})
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if err := fn(jsonItem(line, where, name)); err != nil {
			return err
		}
	}
}

// jsonItem makes the item of one JSONL line; an html field is decoded later.
// Without an id or a source, the line is named by its place in the input.
func jsonItem(line []byte, where, name string) Item {
	a, html, err := ParseJSONLine(line)
	a.ID = firstNonEmpty(a.ID, where)
	a.Source = firstNonEmpty(a.Source, name)
	if err != nil || html == nil {
		return Item{Article: a, Where: where, Err: err}
	}
	return Item{Where: where, decode: func() (Article, error) { return fromHTML(html, a) }}
}

// ParseJSONLine reads one JSONL line into an article. When the line carries
// html rather than text, the page is returned for the HTML reader and the
// article holds only the line's metadata.
func ParseJSONLine(line []byte) (a Article, html []byte, err error) {
	line = bytes.TrimPrefix(line, []byte("\ufeff"))
	if !utf8.Valid(line) {
		return Article{}, nil, errors.New("not valid UTF-8")
	}
	var j jsonLine
	if decodeFlat(line, &j) != nil {
		j = jsonLine{}
		if err := json.Unmarshal(line, &j); err != nil {
			return Article{}, nil, fmt.Errorf("malformed JSON: %w", err)
		}
	}
	a = Article{ID: idString(j.ID), Title: j.Title, Source: j.Source, URL: j.URL, Format: "jsonl"}
	setPublished(&a, j.Published, "input")
	switch {
	case j.Text != nil:
		a.Text = *j.Text
	case j.HTML != nil:
		if strings.TrimSpace(*j.HTML) == "" {
			return a, nil, errors.New(`empty "html" field`)
		}
		return a, []byte(*j.HTML), nil
	default:
		return a, nil, errors.New(`no "text" or "html" field`)
	}
	if strings.TrimSpace(a.Text) == "" {
		return a, nil, errors.New(`empty "text" field`)
	}
	return a, nil, nil
}

// setPublished normalises a date the input states; a date it cannot read is
// dropped (null in the output) rather than passed on as a guess.
func setPublished(a *Article, s, from string) {
	if d, ok := NormalizeDate(s); ok {
		a.Published, a.PublishedFrom = d, from
	}
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

var errLineTooLong = fmt.Errorf("line longer than %d MiB", MaxArticleBytes>>20)

// lineReader yields the lines of r with their numbers. A line longer than
// max is skipped and reported as errLineTooLong, so one bad line does not
// end the file (bufio.Scanner would stop there).
type lineReader struct {
	br  *bufio.Reader
	max int
	n   int
	buf []byte
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10), max: max}
}

// next returns the next line without its end-of-line bytes. The slice is
// valid until the following call.
func (l *lineReader) next() ([]byte, int, error) {
	l.buf = l.buf[:0]
	tooLong := false
	for {
		chunk, err := l.br.ReadSlice('\n')
		if !tooLong {
			if len(l.buf)+len(chunk) > l.max+2 {
				tooLong, l.buf = true, l.buf[:0]
			} else {
				l.buf = append(l.buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && len(l.buf) == 0 && !tooLong {
			return nil, l.n, io.EOF
		}
		l.n++
		switch {
		case err != nil && err != io.EOF:
			return nil, l.n, fmt.Errorf("read: %w", err)
		case tooLong:
			return nil, l.n, errLineTooLong
		}
		return bytes.TrimRight(l.buf, "\r\n"), l.n, nil
	}
}
