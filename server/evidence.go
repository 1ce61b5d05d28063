package server

import (
	"slices"
	"strconv"
	"strings"

	"chronicle/store"
)

// The evidence view: an article's text cut into segments, each carrying the
// marks (quotation, speaker mention, cue, date) that cover it. Marks may
// overlap or nest (a date inside a quotation), so the text is cut at every
// mark's edge rather than nested as elements.

// mark is a highlighted stretch of the text, in code points.
type mark struct {
	start, end int
	class      string // quote, speaker, cue, date
	quote      string // the anchor of the quotation it belongs to, "q12"
	id         string // the anchor this mark starts, if any
	title      string
}

// Segment is one run of text with the same marks.
type Segment struct {
	Text    string
	Classes string // space-separated mark classes; empty for plain text
	Quote   string // anchor of the covering quotation ("q12"), if any
	ID      string // anchor that starts here, if any
	Title   string
	Lead    bool // the first segment of its quotation (the one in the tab order)
}

// segments cuts text at the edges of marks. Marks outside the text (stale
// offsets) are clipped, never trusted to index.
func segments(text string, marks []mark) []Segment {
	runes := []rune(text)
	n := len(runes)
	cuts := []int{0, n}
	for i := range marks {
		m := &marks[i]
		m.start, m.end = clip(m.start, n), clip(m.end, n)
		cuts = append(cuts, m.start, m.end)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	seen := map[string]bool{}
	var out []Segment
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		seg := Segment{Text: string(runes[a:b])}
		var classes []string
		for _, m := range marks {
			if m.start > a || m.end < b || m.start == m.end {
				continue
			}
			if !slices.Contains(classes, m.class) {
				classes = append(classes, m.class)
			}
			if m.quote != "" && seg.Quote == "" {
				seg.Quote = m.quote
			}
			if m.id != "" && m.start == a && seg.ID == "" && !seen[m.id] {
				seg.ID = m.id
				seen[m.id] = true
			}
			if m.title != "" {
				seg.Title = m.title // the innermost (latest listed) mark names it
			}
		}
		if seg.Quote != "" && !seen["lead-"+seg.Quote] {
			seg.Lead = true
			seen["lead-"+seg.Quote] = true
		}
		seg.Classes = strings.Join(classes, " ")
		out = append(out, seg)
	}
	return out
}

func clip(v, n int) int { return max(0, min(v, n)) }

// quoteAnchor is the fragment that names a quotation's span in its article.
func quoteAnchor(id int64) string { return "q" + strconv.FormatInt(id, 10) }

// evidenceMarks lists the marks of an article: each quotation (anchored by
// its ID), its speaker mention and cue, and every date.
func evidenceMarks(a store.Article) []mark {
	var ms []mark
	for _, q := range a.Quotes {
		anchor := quoteAnchor(q.ID)
		title := "quotation"
		if q.Speaker != nil {
			title = "quotation of " + *q.Speaker
		}
		ms = append(ms, mark{start: q.Start, end: q.End, class: "quote", quote: anchor, id: anchor, title: title})
		if m := q.SpeakerMention; m != nil {
			ms = append(ms, mark{start: m.Start, end: m.End, class: "speaker", title: "speaker"})
		}
		if m := q.Cue; m != nil {
			ms = append(ms, mark{start: m.Start, end: m.End, class: "cue", title: "cue"})
		}
	}
	for i, t := range a.Record.Timexes {
		ms = append(ms, mark{start: t.Start, end: t.End, class: "date", id: "t" + strconv.Itoa(i+1), title: t.Type + " " + t.Value})
	}
	return ms
}

// articleQuotes pairs the article's stored quotations with its record's.
// The store keeps them together; an analysed article has only the record's,
// which get their position as ID.
func articleQuotes(a *store.Article) {
	if len(a.Quotes) > 0 || len(a.Record.Quotes) == 0 {
		return
	}
	for i, q := range a.Record.Quotes {
		a.Quotes = append(a.Quotes, store.Quote{
			ID: int64(i + 1), Article: a.Record.ID, Source: a.Record.Source, URL: a.Record.URL,
			Title: a.Record.Title, Published: a.Record.Published, Quote: q,
		})
	}
}
