package timex

import (
	"strings"

	"chronicle/text"
)

// headerLines and headerBytes bound the zone where a publication date may
// stand: the title, a standfirst, "1 min read", the date line.
const (
	headerLines = 6
	headerBytes = 1500
)

// captionMarks are words of photo captions and credits; a date in such a
// line is when the photo was taken, not when the article was published.
var captionMarks = []string{"Photo", "photo", "Getty", "AFP", "Reuters", "(AP", "Image", "image", "Pictured", "File"}

// dateLabels may stand before a publication date on its line.
var dateLabels = []string{"date", "published", "publication date", "updated", "last updated", "posted", "posted on",
	"published on", "updated on", "first published", "on"}

// Published finds a publication date in the header of a text: a line that
// is, or starts with, a full date ("20 September, 2023", "March 01, 2008
// Northrop ...") or a labelled one ("date 2023-07-23", "Published 30 May
// 2023"), among the first lines. It returns the date (YYYY-MM-DD) and its
// byte span. Dates inside a sentence or a photo caption are not taken.
func Published(s string) (string, text.Span, bool) {
	lines := 0
	for start := 0; start < len(s) && start < headerBytes && lines < headerLines; {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		line := s[start:end]
		if strings.TrimSpace(line) != "" {
			lines++
			if v, sp, ok := lineDate(line); ok {
				sp.Start += start
				sp.End += start
				return v, sp, true
			}
		}
		start = end + 1
	}
	return "", text.Span{}, false
}

func lineDate(line string) (string, text.Span, bool) {
	for _, c := range captionMarks {
		if strings.Contains(line, c) {
			return "", text.Span{}, false
		}
	}
	// Skip leading space, a label and its punctuation.
	i := skipSpacePunct(line, 0)
	low := strings.ToLower(line[i:])
	for _, l := range dateLabels {
		if strings.HasPrefix(low, l) && len(low) > len(l) && !isASCIILetter(low[len(l)]) {
			i = skipSpacePunct(line, i+len(l))
			break
		}
	}
	// Drop a leading weekday ("Tuesday, March 3, 2009").
	tx := Tag(line[i:], Ref{})
	if len(tx) == 0 || tx[0].Span.Start != 0 || tx[0].Type != Date || !fullDate(tx[0].Value) {
		return "", text.Span{}, false
	}
	t := tx[0]
	return t.Value, text.Span{Start: t.Span.Start + i, End: t.Span.End + i}, true
}

func skipSpacePunct(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == ':' || s[i] == '|' || s[i] == '-' || s[i] == '\r' || s[i] == '\u00a0') {
		i++
	}
	return i
}

func fullDate(v string) bool {
	_, ok := ParseRef(v)
	return ok
}

// FromURL reads a publication date from a URL path: "/2023/09/20/",
// "/2023-09-20", or the month "/2023/09/". It returns "" when there is none.
func FromURL(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	for i := 0; i+5 <= len(u); i++ {
		if u[i] != '/' && u[i] != '-' && u[i] != '_' || !isDigits(u[i+1:min(i+5, len(u))]) || len(u) < i+5 {
			continue
		}
		y, _ := atoi(u[i+1 : i+5])
		if y < 1990 || y > 2099 || i+5 < len(u) && u[i+5] >= '0' && u[i+5] <= '9' {
			continue
		}
		rest := u[i+5:]
		if len(rest) < 4 || (rest[0] != '/' && rest[0] != '-') || !isDigits(rest[1:3]) {
			continue
		}
		m, _ := atoi(rest[1:3])
		if m < 1 || m > 12 || len(rest) > 3 && rest[3] >= '0' && rest[3] <= '9' {
			continue
		}
		if len(rest) >= 6 && rest[3] == rest[0] && isDigits(rest[4:6]) && (len(rest) == 6 || rest[6] < '0' || rest[6] > '9') {
			d, _ := atoi(rest[4:6])
			if validDate(y, m, d) {
				return yearVal(y) + "-" + two(m) + "-" + two(d)
			}
		}
		if rest[0] == '/' && rest[3] == '/' {
			return monthVal(y, m)
		}
	}
	return ""
}
