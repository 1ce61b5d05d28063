// Package quote finds the quotations of one news article and who said them:
// direct quotes in quotation marks, reported speech ("X said (that) ..."),
// and mixed quotes, each with its reporting verb (the cue), the words that
// name the speaker (the mention) and the speaker's canonical name, kind and
// role.
//
// It is a pipeline of small sieves over one tokenised article: quotation
// marks are paired (text.PairQuotes), direct quotes are tied to a frame
// after, before or above them (direct.go), reported speech is read around
// reporting verbs and in adverbial frames ("As X reported, ...", "when
// asked whether ...": reported.go, adverbial.go), quotes without a frame of
// their own follow the one before, a paragraph set off by "X added:" is a
// quote without marks (direct.go), and speakers are resolved to names in
// the article (speaker.go). All offsets are byte offsets into the text.
package quote

import (
	"chronicle/entity"
	"chronicle/text"
)

// Kind is how a quotation is given.
type Kind uint8

const (
	Direct   Kind = iota // in quotation marks
	Indirect             // reported speech
	Mixed                // reported speech with quoted words in it
)

func (k Kind) String() string {
	switch k {
	case Indirect:
		return "indirect"
	case Mixed:
		return "mixed"
	}
	return "direct"
}

// Quote is one quotation, by byte spans into the article text.
type Quote struct {
	Content text.Span // without the enclosing quotation marks
	Kind    Kind
	// Cue is the reporting verb ("said", "according to"); HasCue is false
	// for a quote that follows another without a frame of its own.
	Cue    text.Span
	HasCue bool
	// Mention is the text naming the speaker here ("he", "the official");
	// HasMention is false when the text names nobody.
	Mention    text.Span
	HasMention bool
	// Speaker is the canonical name ("" when none can be found), Type what
	// it is, Role its role from titles and appositions.
	Speaker string
	Type    entity.Kind
	Role    string
	// Sentences are the sentences holding the cue and the content, for
	// dating the quote.
	Sentences []text.Span
}

// Result is what Extract finds in one article.
type Result struct {
	Quotes   []Quote
	Entities []entity.Entity
}

// Options say how to read the article.
type Options struct {
	// Headline: the first line is the headline (true for .txt articles).
	Headline bool
}

// Extract finds the quotations and named entities of article text s.
func Extract(s string, opt Options) Result {
	d := newDoc(s)
	d.directFrames()
	d.reported()
	d.followers()
	d.blockQuotes()
	if opt.Headline {
		d.headline()
	}
	d.resolve()
	r := Result{Quotes: d.output(), Entities: d.reg.Entities()}
	d.release()
	return r
}
