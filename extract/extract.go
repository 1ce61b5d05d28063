package extract

import (
	"chronicle/article"
	"chronicle/quote"
	"chronicle/text"
	"chronicle/timex"
)

// Version changes whenever extraction changes what it outputs for the same
// input; stored records from older versions are re-extracted.
const Version = "0.3.0"

// Options tune extraction without making it impure.
type Options struct {
	// ReferenceDate, when set (YYYY-MM-DD), anchors relative dates instead of
	// the publication date.
	ReferenceDate string
	// WithText copies the analysed text into the record.
	WithText bool
}

// Article extracts the record of one article.
func Article(a article.Article, opt Options) Record {
	doc := text.NewDoc(a.Text)
	r := Record{
		ID:       a.ID,
		Source:   a.Source,
		URL:      a.URL,
		Title:    a.Title,
		Language: Language(a.Text),
		Quotes:   []Quote{},
		Timexes:  []Timex{},
		Entities: []Entity{},
		Version:  Version,
	}
	if opt.WithText {
		r.Text = a.Text
	}
	ref := publication(&r, a, opt)
	tx := timex.Tag(a.Text, ref)
	r.Timexes = timexes(doc, tx)
	var qs []quote.Quote
	r.Quotes, r.Entities, qs = quotesAndEntities(doc, a.Format == "txt")
	for i, q := range qs {
		saidOn(&r.Quotes[i], a.Text, utterance(q), tx, r.Published)
	}
	return r
}

// mention converts a byte span of doc into an output Mention.
func mention(doc *text.Doc, sp text.Span) *Mention {
	s, e := doc.RuneSpan(sp)
	return &Mention{Text: doc.Slice(sp), Start: s, End: e}
}

// utterance is what dating needs of a quotation: its cue, the sentence that
// holds the cue (else its first sentence), and its content.
func utterance(q quote.Quote) timex.Utterance {
	u := timex.Utterance{Cue: q.Cue, Content: q.Content}
	for _, s := range q.Sentences {
		if !q.HasCue || s.Contains(q.Cue) {
			u.Sentence = s
			break
		}
	}
	return u
}
