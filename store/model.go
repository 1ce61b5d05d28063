// Package store keeps a corpus of extracted articles in an embedded SQLite
// database (modernc.org/sqlite, WAL, FTS5) and answers questions about it:
// quotations by speaker, topic, date and outlet; speakers; full-text search;
// one article with its records. The CLI (cmd/chronicle) and the HTTP API
// (server) return these same types, so both print the same records.
//
// This file holds the record types that leave the store. Unknown values are
// nil pointers (null in JSON), never guesses.
package store

import "chronicle/extract"

// Quote is one stored quotation: the quotation fields of the extract
// contract, plus the speaker identity and the article it came from.
type Quote struct {
	ID        int64  `json:"id"`
	SpeakerID *int64 `json:"speaker_id"` // the cross-article speaker; nil when the quote has no named speaker
	ArticleID int64  `json:"article_id"` // the store's key of the article
	Article   string `json:"article"`    // the article's input id (path or id field)
	Source    string `json:"source"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	// Published is the article's publication date; nil when unknown.
	Published *string `json:"published"`
	// Date is the day the quotation is ordered by: said_on, else the day of
	// publication; nil when both are unknown (undated quotations come last).
	Date *string `json:"date"`
	extract.Quote
}

// Speaker is one speaker across the corpus: one identity behind many names.
type Speaker struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"` // canonical: the fullest name, or the user's rename
	Type    string   `json:"type"` // person, organization, country, group, unknown
	Aliases []string `json:"aliases"`
	Roles   []Role   `json:"roles"`
	Quotes  int      `json:"quotes"`
	// First and Last are the earliest and latest dates of its quotations
	// (said_on, else published); nil when none is dated.
	First   *string  `json:"first"`
	Last    *string  `json:"last"`
	Sources []string `json:"sources"` // outlets that quote it, most quotes first
}

// Role is a title or description a speaker was given, with the dates of the
// articles that gave it (nil when undated).
type Role struct {
	Role  string  `json:"role"`
	First *string `json:"first"`
	Last  *string `json:"last"`
	Count int     `json:"count"`
}

// QuoteFilter selects quotations. Zero fields select everything. Results come
// in date order (said_on, else published; undated last), then by ID.
type QuoteFilter struct {
	Speaker string // a speaker ID, name or alias
	About   string // full-text query over the quotation text (FTS5 syntax)
	Since   string // YYYY-MM-DD, inclusive
	Until   string // YYYY-MM-DD, inclusive
	Source  string // outlet, exact
	// Duplicates includes the quotations of near-duplicate articles, which
	// are otherwise left out so that a syndicated story counts once.
	Duplicates bool
	Limit      int    // page size; 0 means no limit
	Cursor     string // from a previous page's next cursor; empty for the first page
}

// SpeakerFilter selects speakers, most quoted first.
type SpeakerFilter struct {
	Query  string // name or alias prefix, case-insensitive; empty for all
	Top    int    // at most this many; 0 means no limit
	Cursor string
}

// Hit is one full-text search result: a quotation or an article.
type Hit struct {
	Kind      string  `json:"kind"` // "quote" or "article"
	ArticleID int64   `json:"article_id"`
	QuoteID   *int64  `json:"quote_id"` // set when Kind is "quote"
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	Published *string `json:"published"`
	Speaker   *string `json:"speaker"`
	Snippet   string  `json:"snippet"` // plain text; matched terms between « and »
}

// Article is one stored article with its full record, for the evidence view.
type Article struct {
	ID             int64          `json:"id"`
	Record         extract.Record `json:"record"`       // Record.Text holds the analysed text
	Quotes         []Quote        `json:"quotes"`       // the same quotations with their store IDs and speaker IDs
	DuplicateOf    *int64         `json:"duplicate_of"` // a near-duplicate's original, nil otherwise
	ContentHash    string         `json:"content_hash"`
	ExtractVersion string         `json:"extractor_version"`
}

// Bucket is one step of a speaker's timeline.
type Bucket struct {
	Start    string  `json:"start"` // YYYY-MM-DD: the Monday of the week, or the first of the month
	Count    int     `json:"count"`
	QuoteIDs []int64 `json:"quote_ids"`
}

// Facets summarise the quotations a QuoteFilter selects: the most quoted
// speakers and outlets, the quotations per month, the date range and the total.
type Facets struct {
	Speakers []Count `json:"speakers"`
	Sources  []Count `json:"sources"`
	Months   []Count `json:"months"` // Key is YYYY-MM
	First    *string `json:"first"`
	Last     *string `json:"last"`
	Total    int     `json:"total"`
}

// Count is one facet value and how many quotations have it. ID is the
// speaker's ID for speaker facets, nil otherwise.
type Count struct {
	Key string `json:"key"`
	ID  *int64 `json:"id"`
	N   int    `json:"n"`
}
