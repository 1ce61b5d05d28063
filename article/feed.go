package article

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// readFeed reads an RSS, Atom or RDF feed: each entry is an article made
// from its content (else its description), as text with paragraphs kept.
// Entries are named "name#N", N counting from 1.
func readFeed(ctx context.Context, name string, r io.Reader, base Article, fn func(Item) error) error {
	doc, err := readAll(r, maxFeedBytes)
	if err != nil {
		return fn(Item{Where: name, Err: err})
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(doc))
	if err != nil {
		return fn(Item{Where: name, Err: fmt.Errorf("malformed feed: %w", err)})
	}
	source := firstNonEmpty(feed.Title, base.Source, name)
	for i, e := range feed.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		where := fmt.Sprintf("%s#%d", name, i+1)
		a, err := feedArticle(e, where, source)
		if err := fn(Item{Article: a, Where: where, Err: err}); err != nil {
			return err
		}
	}
	return nil
}

func feedArticle(e *gofeed.Item, where, source string) (Article, error) {
	a := Article{
		ID:     firstNonEmpty(e.GUID, e.Link, where),
		Title:  strings.TrimSpace(e.Title),
		Source: source,
		URL:    strings.TrimSpace(e.Link),
		Format: "feed",
	}
	for _, d := range []string{e.Published, e.Updated} {
		if setPublished(&a, d, "input"); a.Published != "" {
			break
		}
	}
	if a.Published == "" {
		for _, t := range []*time.Time{e.PublishedParsed, e.UpdatedParsed} {
			if t != nil {
				a.Published, a.PublishedFrom = t.Format(time.RFC3339), "input"
				break
			}
		}
	}
	body := firstNonEmpty(e.Content, e.Description)
	if body == "" {
		return a, errors.New("feed entry has no content or description")
	}
	a.Text = fragmentText(body)
	if a.Text == "" {
		return a, errors.New("feed entry has no text")
	}
	return a, nil
}

// fragmentText renders an HTML fragment (or plain text, which parses as
// one) as paragraphs.
func fragmentText(s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return strings.TrimSpace(s)
	}
	return renderText(doc)
}
