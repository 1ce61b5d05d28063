// Package extract turns one Article into its Record: the output contract of
// DESIGN.md. It is a pure function of the article, with no I/O and no global
// state beyond read-only tables, so the same code runs on a laptop, in the
// embedded database and in a distributed pipeline.
package extract

// Record is the contract of `chronicle extract --format jsonl`. Offsets are
// Unicode code points into Text. Unknown values are null, never guessed.
type Record struct {
	ID            string   `json:"id"`
	Source        string   `json:"source"`
	URL           string   `json:"url"`
	Title         string   `json:"title"`
	Published     *string  `json:"published"`
	PublishedFrom string   `json:"published_from"`
	Language      string   `json:"language"`
	Quotes        []Quote  `json:"quotes"`
	Timexes       []Timex  `json:"timexes"`
	Entities      []Entity `json:"entities"`
	// Text is printed only with --with-text (the extracted text of an HTML page, say).
	Text string `json:"text,omitempty"`
	// Version names the extractor that made the record, so a store can redo old ones.
	Version string `json:"extractor_version"`
}

// Quote is one quotation and its attribution.
type Quote struct {
	Text           string   `json:"text"`
	Start          int      `json:"start"`
	End            int      `json:"end"`
	Kind           string   `json:"kind"` // direct, indirect or mixed
	Speaker        *string  `json:"speaker"`
	SpeakerType    string   `json:"speaker_type"` // person, organization, country, group, unknown
	SpeakerRole    *string  `json:"speaker_role"`
	SpeakerMention *Mention `json:"speaker_mention"`
	Cue            *Mention `json:"cue"`
	SaidOn         *string  `json:"said_on"`
	SaidOnFrom     string   `json:"said_on_from"` // text, published or none
}

// Mention is a stretch of the article text.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Timex is a temporal expression with its TIMEX3 type and value.
type Timex struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"` // DATE, TIME, DURATION or SET
	Value string `json:"value"`
}

// Entity is a person, organisation or place named in the article, with every
// mention of it.
type Entity struct {
	Name     string    `json:"name"`
	Type     string    `json:"type"` // PERSON, ORG or GPE
	Roles    []string  `json:"roles"`
	Mentions []Mention `json:"mentions"`
}
