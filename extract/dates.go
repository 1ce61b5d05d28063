package extract

import (
	"chronicle/article"
	"chronicle/text"
	"chronicle/timex"
)

// publication fills r.Published and r.PublishedFrom, in order of trust: the
// input's own field (or HTML metadata, set by the reader), a date line in the
// text's header, the URL path. It returns the reference date for relative
// expressions: --reference-date when given, else the publication date.
func publication(r *Record, a article.Article, opt Options) timex.Ref {
	r.Published, r.PublishedFrom = nil, "none"
	var pub timex.Ref
	switch {
	case a.Published != "":
		p, from := a.Published, a.PublishedFrom
		if from == "" {
			from = "input"
		}
		r.Published, r.PublishedFrom = &p, from
		pub, _ = timex.ParseRef(p)
	}
	if pub.IsZero() {
		// An input date we cannot read still yields to one we can.
		if v, _, ok := timex.Published(a.Text); ok {
			if r.Published == nil {
				r.Published, r.PublishedFrom = &v, "text"
			}
			pub, _ = timex.ParseRef(v)
		} else if v := timex.FromURL(a.URL); v != "" {
			if r.Published == nil {
				r.Published, r.PublishedFrom = &v, "url"
			}
			pub, _ = timex.ParseRef(v)
		}
	}
	if ref, ok := timex.ParseRef(opt.ReferenceDate); ok {
		return ref
	}
	return pub
}

// timexes converts the tagger's byte spans to the record's code points.
func timexes(doc *text.Doc, tx []timex.Timex) []Timex {
	out := make([]Timex, 0, len(tx))
	for _, t := range tx {
		s, e := doc.RuneSpan(t.Span)
		out = append(out, Timex{Text: doc.Slice(t.Span), Start: s, End: e, Type: t.Type, Value: t.Value})
	}
	return out
}

// saidOn dates one quotation: the date its text gives, else the publication
// date, else null.
func saidOn(q *Quote, s string, u timex.Utterance, tx []timex.Timex, published *string) {
	if v, ok := timex.SaidOn(s, u, tx); ok {
		q.SaidOn, q.SaidOnFrom = &v, "text"
		return
	}
	if published != nil {
		p := *published
		if len(p) > 10 && p[10] == 'T' {
			p = p[:10]
		}
		q.SaidOn, q.SaidOnFrom = &p, "published"
		return
	}
	q.SaidOn, q.SaidOnFrom = nil, "none"
}
