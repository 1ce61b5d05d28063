package article

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	htmldate "github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// fromHTML extracts the main text and metadata of a web page. Fields already
// set in base (from a JSONL line, a feed entry, a fetched URL) win over what
// the page says, except the text, which is always the page's.
func fromHTML(page []byte, base Article) (Article, error) {
	switch {
	case len(bytes.TrimSpace(page)) == 0:
		return Article{}, errors.New("empty")
	case bytes.IndexByte(page, 0) >= 0:
		return Article{}, errors.New("binary content (NUL byte)")
	}
	doc, err := parseHTML(page)
	if err != nil {
		return Article{}, fmt.Errorf("parse HTML: %w", err)
	}
	// The publication date comes from go-htmldate, run by us rather than
	// through trafilatura, so that we learn whether the page gave a time and
	// a zone and can print exactly that precision.
	date, _ := htmldate.FromDocument(doc, htmldate.Options{
		ExtractTime: true, UseOriginalDate: true, SkipExtensiveSearch: true, URL: base.URL,
	})
	opts := trafilatura.Options{
		ExcludeComments: true,
		ExcludeTables:   false,
		HtmlDateMode:    trafilatura.Disabled,
		Deduplicate:     false,
	}
	if u, err := url.ParseRequestURI(base.URL); err == nil {
		opts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return Article{}, fmt.Errorf("no main text found: %w", err)
	}
	a := base
	a.Format = "html"
	a.Text = renderText(res.ContentNode)
	if strings.TrimSpace(a.Text) == "" {
		return Article{}, errors.New("no main text found")
	}
	md := res.Metadata
	a.Title = firstNonEmpty(a.Title, md.Title)
	a.URL = firstNonEmpty(a.URL, md.URL)
	a.Source = firstNonEmpty(a.Source, md.Sitename, md.Hostname)
	if a.Published == "" && !date.IsZero() {
		a.Published, a.PublishedFrom = formatTime(date.DateTime, date.HasTime, date.HasTimezone), "html"
	}
	return a, nil
}

// parseHTML parses a page; pages that are not UTF-8 go through charset
// detection, which is slow, so UTF-8 pages skip it.
func parseHTML(page []byte) (*html.Node, error) {
	if utf8.Valid(page) {
		return html.Parse(bytes.NewReader(page))
	}
	return dom.Parse(bytes.NewReader(page))
}

// blockTags start a new paragraph in rendered text; everything else is inline.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true,
	"header": true, "footer": true, "aside": true, "blockquote": true, "pre": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "dl": true, "li": true, "dd": true, "dt": true,
	"table": true, "tr": true, "figure": true, "figcaption": true, "summary": true,
	"head": true, "list": true, "item": true, "quote": true, "hr": true,
}

// skipTags hold no readable text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "iframe": true, "object": true, "button": true, "title": true,
}

// renderText writes the text of a node as paragraphs separated by blank
// lines, with the white space inside each paragraph collapsed, so that the
// paragraph structure of the page survives into the article text.
func renderText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var r textRenderer
	r.node(n)
	r.flush()
	return strings.Join(r.paras, "\n\n")
}

type textRenderer struct {
	paras []string
	cur   strings.Builder
	space bool // a space is owed before the next word
}

func (r *textRenderer) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode:
		if skipTags[n.Data] {
			return
		}
		if n.Data == "br" || n.Data == "lb" {
			r.space = true
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blockTags[n.Data]
	if block {
		r.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c)
	}
	if block {
		r.flush()
	}
}

func (r *textRenderer) text(s string) {
	if s == "" {
		return
	}
	if c, _ := utf8.DecodeRuneInString(s); isHTMLSpace(c) {
		r.space = true
	}
	for i, w := range strings.FieldsFunc(s, isHTMLSpace) {
		if (r.space || i > 0) && r.cur.Len() > 0 {
			r.cur.WriteByte(' ')
		}
		r.cur.WriteString(w)
		r.space = false
	}
	if c, _ := utf8.DecodeLastRuneInString(s); isHTMLSpace(c) {
		r.space = true
	}
}

func (r *textRenderer) flush() {
	if r.cur.Len() > 0 {
		r.paras = append(r.paras, r.cur.String())
		r.cur.Reset()
	}
	r.space = false
}

// isHTMLSpace is white space as HTML collapses it, plus the no-break space,
// which pages use as a layout device.
func isHTMLSpace(c rune) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '\u00a0':
		return true
	}
	return false
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
