package article

import (
	"bytes"
	"net/url"
	"strings"
)

// sniffLen is how much of an input Sniff looks at.
const sniffLen = 4096

// Sniff names the format of an input from its first bytes: "jsonl" when it
// opens a JSON object, "feed" for RSS, Atom or RDF markup, "html" for other
// markup, and "txt" otherwise (the text reader then rejects binary content).
// CSV is never sniffed: a CSV file needs its .csv extension.
func Sniff(head []byte) string {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	head = bytes.TrimLeft(head, " \t\r\n")
	switch {
	case len(head) == 0:
		return "txt"
	case head[0] == '{':
		return "jsonl"
	case head[0] != '<':
		return "txt"
	}
	lower := bytes.ToLower(head)
	for _, tag := range []string{"<rss", "<feed", "<rdf:rdf"} {
		if hasTag(lower, tag) {
			return "feed"
		}
	}
	return "html"
}

// hasTag reports whether s opens the element tag (so "<feed" but not
// "<feedback").
func hasTag(s []byte, tag string) bool {
	for {
		i := bytes.Index(s, []byte(tag))
		if i < 0 {
			return false
		}
		s = s[i+len(tag):]
		if len(s) == 0 || bytes.IndexByte([]byte(" \t\r\n>/"), s[0]) >= 0 {
			return true
		}
	}
}

// isURL reports whether an input names an http or https URL.
func isURL(s string) bool {
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && u.Host != ""
}
