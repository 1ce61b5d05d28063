package article

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// csvColumns maps the header names that exports commonly use to our fields.
var csvColumns = map[string]string{
	"id": "id", "guid": "id", "uid": "id", "article_id": "id", "doc_id": "id", "stories_id": "id",
	"title": "title", "headline": "title",
	"published": "published", "date": "published", "publish_date": "published",
	"published_at": "published", "pubdate": "published", "publication_date": "published",
	"datetime": "published",
	"source":   "source", "outlet": "source", "media": "source", "media_name": "source",
	"publisher": "source", "site": "source",
	"url": "url", "link": "url", "permalink": "url",
	"text": "text", "content": "text", "body": "text", "article": "text",
	"full_text": "text", "maintext": "text",
	"html": "html", "raw_html": "html",
}

// readCSV reads an export with a header row, one article per row. A bad row
// is a failed item named "name:line"; the rows after it are still read.
func readCSV(ctx context.Context, name string, r io.Reader, fn func(Item) error) error {
	br := &boundedReader{r: r, max: MaxArticleBytes}
	cr := csv.NewReader(br)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			err = errors.New("empty")
		}
		return fn(Item{Where: name, Err: fmt.Errorf("CSV header: %w", err)})
	}
	cols, err := csvHeader(header)
	if err != nil {
		return fn(Item{Where: name, Err: err})
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		br.n = 0
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		line := 0
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe):
			line = pe.StartLine
		case len(rec) > 0:
			line, _ = cr.FieldPos(0) // FieldPos panics on an empty record
		}
		where := fmt.Sprintf("%s:%d", name, line)
		switch {
		case errors.Is(err, csv.ErrFieldCount):
			err = fmt.Errorf("CSV row has %d fields, the header %d", len(rec), len(header))
		case errors.Is(err, errRecordTooLong):
			return fn(Item{Where: where, Err: err})
		case err != nil && pe == nil:
			return fn(Item{Where: where, Err: fmt.Errorf("read: %w", err)})
		}
		if err != nil {
			if err := fn(Item{Where: where, Err: fmt.Errorf("malformed CSV: %w", err)}); err != nil {
				return err
			}
			continue
		}
		if err := fn(csvItem(rec, cols, where, name)); err != nil {
			return err
		}
	}
}

// csvHeader maps each of our fields to its column index.
func csvHeader(header []string) (map[string]int, error) {
	cols := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		h = strings.NewReplacer(" ", "_", "-", "_").Replace(h)
		if f, ok := csvColumns[h]; ok {
			if _, dup := cols[f]; !dup {
				cols[f] = i
			}
		}
	}
	if _, ok := cols["text"]; !ok {
		if _, ok := cols["html"]; !ok {
			return nil, fmt.Errorf("CSV header has no text or html column (columns: %s)", strings.Join(header, ","))
		}
	}
	return cols, nil
}

// csvItem makes the item of one row; an html column is decoded later.
func csvItem(rec []string, cols map[string]int, where, name string) Item {
	get := func(f string) string {
		if i, ok := cols[f]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	a := Article{
		ID: firstNonEmpty(get("id"), where), Title: strings.TrimSpace(get("title")),
		Source: firstNonEmpty(get("source"), name), URL: strings.TrimSpace(get("url")), Format: "csv",
	}
	setPublished(&a, get("published"), "input")
	if text := get("text"); strings.TrimSpace(text) != "" {
		a.Text = text
		return Item{Article: a, Where: where, Err: checkText([]byte(text))}
	}
	page := get("html")
	if strings.TrimSpace(page) == "" {
		return Item{Where: where, Err: errors.New("empty text")}
	}
	return Item{Where: where, decode: func() (Article, error) { return fromHTML([]byte(page), a) }}
}

var errRecordTooLong = fmt.Errorf("CSV record longer than %d MiB (an unclosed quote?)", MaxArticleBytes>>20)

// boundedReader fails once more than max bytes are read without a reset, so
// that an unclosed quote cannot make one CSV record swallow a huge file.
type boundedReader struct {
	r   io.Reader
	n   int
	max int
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.n > b.max {
		return 0, errRecordTooLong
	}
	n, err := b.r.Read(p)
	b.n += n
	return n, err
}
