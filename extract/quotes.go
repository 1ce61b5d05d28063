package extract

import (
	"chronicle/entity"
	"chronicle/quote"
	"chronicle/text"
)

// quotesAndEntities runs quotation detection and speaker attribution over
// the article and converts its byte spans to the output's code points.
// The internal quotes (with cue and sentence byte spans) are returned too,
// for dating them.
func quotesAndEntities(doc *text.Doc, headline bool) ([]Quote, []Entity, []quote.Quote) {
	res := quote.Extract(doc.Text, quote.Options{Headline: headline})
	quotes := make([]Quote, 0, len(res.Quotes))
	for _, q := range res.Quotes {
		quotes = append(quotes, outQuote(doc, q))
	}
	ents := make([]Entity, 0, len(res.Entities))
	for _, e := range res.Entities {
		ents = append(ents, outEntity(doc, e))
	}
	return quotes, ents, res.Quotes
}

func outQuote(doc *text.Doc, q quote.Quote) Quote {
	s, e := doc.RuneSpan(q.Content)
	out := Quote{
		Text:        doc.Slice(q.Content),
		Start:       s,
		End:         e,
		Kind:        q.Kind.String(),
		SpeakerType: q.Type.String(),
		SaidOnFrom:  "none",
	}
	if q.Speaker != "" {
		sp := q.Speaker
		out.Speaker = &sp
	}
	if q.Role != "" {
		r := q.Role
		out.SpeakerRole = &r
	}
	if q.HasMention {
		out.SpeakerMention = mention(doc, q.Mention)
	}
	if q.HasCue {
		out.Cue = mention(doc, q.Cue)
	}
	return out
}

func outEntity(doc *text.Doc, e entity.Entity) Entity {
	out := Entity{Name: e.Name, Roles: e.Roles, Mentions: make([]Mention, 0, len(e.Mentions))}
	if out.Roles == nil {
		out.Roles = []string{}
	}
	switch e.Kind {
	case entity.Person:
		out.Type = "PERSON"
	case entity.Org:
		out.Type = "ORG"
	default:
		out.Type = "GPE"
	}
	for _, m := range e.Mentions {
		out.Mentions = append(out.Mentions, *mention(doc, m))
	}
	return out
}
