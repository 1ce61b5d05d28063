package store

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// Formats for listings: an aligned table for people, CSV and JSON lines for
// programs.
const (
	FormatTable = "table"
	FormatCSV   = "csv"
	FormatJSONL = "jsonl"
)

// QuoteWriter prints quotations one at a time, so an export streams.
type QuoteWriter struct {
	format string
	buf    *bufio.Writer
	csv    *csv.Writer
	tab    *tabwriter.Writer
	enc    *json.Encoder
	rows   int
}

// QuoteColumns are the CSV columns of a quotation: the extract contract's
// quotation fields (mentions flattened), then where it comes from.
var QuoteColumns = []string{"id", "date", "text", "start", "end", "kind", "speaker", "speaker_type",
	"speaker_role", "speaker_mention", "speaker_mention_start", "speaker_mention_end",
	"cue", "cue_start", "cue_end", "said_on", "said_on_from",
	"speaker_id", "article_id", "article", "source", "url", "title", "published"}

// NewQuoteWriter writes quotations to w in format (table, csv or jsonl).
func NewQuoteWriter(w io.Writer, format string) (*QuoteWriter, error) {
	qw := &QuoteWriter{format: format, buf: bufio.NewWriterSize(w, 1<<16)}
	switch format {
	case FormatCSV:
		qw.csv = csv.NewWriter(qw.buf)
		if err := qw.csv.Write(QuoteColumns); err != nil {
			return nil, err
		}
	case FormatJSONL:
		qw.enc = json.NewEncoder(qw.buf)
		qw.enc.SetEscapeHTML(false)
	case FormatTable, "":
		qw.tab = tabwriter.NewWriter(qw.buf, 0, 4, 2, ' ', 0)
		fmt.Fprintln(qw.tab, "DATE\tSPEAKER\tSOURCE\tQUOTATION\tID")
	default:
		return nil, fmt.Errorf("format %q: want table, csv or jsonl", format)
	}
	return qw, nil
}

// Write prints one quotation.
func (qw *QuoteWriter) Write(q Quote) error {
	qw.rows++
	switch {
	case qw.csv != nil:
		return qw.csv.Write(quoteRow(q))
	case qw.enc != nil:
		return qw.enc.Encode(q)
	default:
		_, err := fmt.Fprintf(qw.tab, "%s\t%s\t%s\t%s\t%d\n", orUndated(q.Date), orNone(q.Speaker),
			clip(q.Source, 24), clip(q.Text, 72), q.ID)
		if qw.rows%1000 == 0 { // a tabwriter holds everything until flushed
			return qw.tab.Flush()
		}
		return err
	}
}

// Flush prints what is buffered; call it once at the end.
func (qw *QuoteWriter) Flush() error {
	if qw.csv != nil {
		qw.csv.Flush()
		if err := qw.csv.Error(); err != nil {
			return err
		}
	}
	if qw.tab != nil {
		if err := qw.tab.Flush(); err != nil {
			return err
		}
	}
	return qw.buf.Flush()
}

func quoteRow(q Quote) []string {
	m, c := q.SpeakerMention, q.Cue
	mt, ms, me, ct, cs, ce := "", "", "", "", "", ""
	if m != nil {
		mt, ms, me = m.Text, strconv.Itoa(m.Start), strconv.Itoa(m.End)
	}
	if c != nil {
		ct, cs, ce = c.Text, strconv.Itoa(c.Start), strconv.Itoa(c.End)
	}
	sid := ""
	if q.SpeakerID != nil {
		sid = strconv.FormatInt(*q.SpeakerID, 10)
	}
	return []string{strconv.FormatInt(q.ID, 10), str(q.Date), q.Text, strconv.Itoa(q.Start), strconv.Itoa(q.End),
		q.Kind, str(q.Speaker), q.SpeakerType, str(q.SpeakerRole), mt, ms, me, ct, cs, ce,
		str(q.SaidOn), q.SaidOnFrom, sid, strconv.FormatInt(q.ArticleID, 10), q.Article,
		q.Source, q.URL, q.Title, str(q.Published)}
}

// WriteSpeakers prints speakers in format.
func WriteSpeakers(w io.Writer, format string, sp []Speaker) error {
	buf := bufio.NewWriter(w)
	switch format {
	case FormatJSONL:
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false)
		for _, s := range sp {
			if err := enc.Encode(s); err != nil {
				return err
			}
		}
	case FormatCSV:
		cw := csv.NewWriter(buf)
		cw.Write([]string{"id", "name", "type", "quotes", "first", "last", "aliases", "roles", "sources"})
		for _, s := range sp {
			cw.Write([]string{strconv.FormatInt(s.ID, 10), s.Name, s.Type, strconv.Itoa(s.Quotes),
				str(s.First), str(s.Last), strings.Join(s.Aliases, "; "), roleList(s.Roles), strings.Join(s.Sources, "; ")})
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
	case FormatTable, "":
		tw := tabwriter.NewWriter(buf, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSPEAKER\tQUOTES\tFIRST\tLAST\tROLES\tOUTLETS")
		for _, s := range sp {
			fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\t%s\t%s\n", s.ID, clip(s.Name, 32), s.Quotes,
				orUndated(s.First), orUndated(s.Last), clip(roleList(s.Roles), 40), clip(strings.Join(s.Sources, ", "), 40))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	default:
		return fmt.Errorf("format %q: want table, csv or jsonl", format)
	}
	return buf.Flush()
}

func roleList(rs []Role) string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s (%s..%s)", r.Role, orUndated(r.First), orUndated(r.Last)))
	}
	return strings.Join(out, "; ")
}

// WriteHits prints search results, one block each.
func WriteHits(w io.Writer, hits []Hit) error {
	buf := bufio.NewWriter(w)
	for _, h := range hits {
		head := fmt.Sprintf("article %d", h.ArticleID)
		if h.QuoteID != nil {
			head = fmt.Sprintf("quote %d in article %d, %s", *h.QuoteID, h.ArticleID, orNone(h.Speaker))
		}
		fmt.Fprintf(buf, "%s  %s  %s  (%s)\n    %s\n", orUndated(h.Published), h.Source, h.Title, head,
			strings.Join(strings.Fields(h.Snippet), " "))
	}
	return buf.Flush()
}

// WriteArticle prints an article for reading: its metadata, its text with
// each quotation between ⟦ and ⟧ followed by its number, and the list of
// quotations with their speakers and dates.
func WriteArticle(w io.Writer, a Article) error {
	buf := bufio.NewWriter(w)
	r := a.Record
	fmt.Fprintf(buf, "%s\n%s  %s  published %s (%s)  article %d, input %s, extractor %s\n",
		r.Title, r.Source, r.URL, orUndated(r.Published), r.PublishedFrom, a.ID, r.ID, a.ExtractVersion)
	if a.DuplicateOf != nil {
		fmt.Fprintf(buf, "near-duplicate of article %d\n", *a.DuplicateOf)
	}
	fmt.Fprintln(buf)
	buf.WriteString(markQuotes(r.Text, a.Quotes))
	fmt.Fprintln(buf)
	fmt.Fprintln(buf)
	for i, q := range a.Quotes {
		sp := orNone(q.Speaker)
		if q.SpeakerID != nil {
			sp += fmt.Sprintf(" [speaker %d]", *q.SpeakerID)
		}
		if q.SpeakerRole != nil {
			sp += ", " + *q.SpeakerRole
		}
		fmt.Fprintf(buf, "[%d] %s  %s, said on %s (%s)\n", i+1, q.Kind, sp, orUndated(q.SaidOn), q.SaidOnFrom)
	}
	if len(a.Quotes) == 0 {
		fmt.Fprintln(buf, "no quotations")
	}
	return buf.Flush()
}

// markQuotes brackets each quotation's span (code-point offsets) in text.
func markQuotes(text string, qs []Quote) string {
	open := map[int][]int{}
	closeAt := map[int][]int{}
	for i, q := range qs {
		open[q.Start] = append(open[q.Start], i)
		closeAt[q.End] = append(closeAt[q.End], i)
	}
	var b strings.Builder
	mark := func(n int) {
		for _, i := range closeAt[n] {
			fmt.Fprintf(&b, "⟧%d", i+1)
		}
		for range open[n] {
			b.WriteString("⟦")
		}
	}
	n := 0
	for _, r := range text {
		mark(n)
		b.WriteRune(r)
		n++
	}
	mark(n)
	return b.String()
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func orNone(s *string) string {
	if s == nil {
		return "(unknown)"
	}
	return *s
}

func orUndated(s *string) string {
	if s == nil {
		return "undated"
	}
	return *s
}

// clip shortens s to n code points for a table cell.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
