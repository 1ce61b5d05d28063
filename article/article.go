// Package article defines the Article that every analyser takes, and the
// readers that make Articles out of files, feeds and URLs.
package article

// Article is one news article as read from its input. Text is exactly what
// the offsets of every record index: a .txt file's content as read, a JSONL
// line's text field, or the main text extracted from an HTML page.
type Article struct {
	ID     string // the input's id, else the path as given
	Title  string // the input's title; empty when the input has none
	Source string // outlet, else the path
	URL    string
	Text   string

	// Published is the publication date the input itself states, as an ISO
	// 8601 date or date-time, and PublishedFrom says where it came from
	// ("input" or "html"). Both are empty when the input says nothing;
	// extraction may then find a date in the text or URL.
	Published     string
	PublishedFrom string

	// Format is the kind of input the article came from ("txt", "html",
	// "jsonl", ...); analysers use it only for format-specific conventions,
	// such as a .txt file's first line being its headline.
	Format string
}
