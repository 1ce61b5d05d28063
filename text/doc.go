// Package text holds an article's text and the small structures every
// analyser needs: code-point offsets, paragraphs, sentences and tokens.
//
// Analysers work in byte offsets (Go strings are bytes); the output contract
// speaks code points, so a Doc converts at the boundary.
package text

import (
	"sort"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) into a Doc's text.
type Span struct {
	Start, End int
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether t lies inside s.
func (s Span) Contains(t Span) bool { return s.Start <= t.Start && t.End <= s.End }

// Overlaps reports whether s and t share at least one byte.
func (s Span) Overlaps(t Span) bool { return s.Start < t.End && t.Start < s.End }

// Doc is an article's text, kept exactly as read, with what is needed to turn
// byte offsets into code-point offsets.
type Doc struct {
	Text string
	// wide holds, for each multi-byte rune, its byte offset and the number of
	// extra bytes (beyond one per rune) seen up to and including it. For ASCII
	// text it is empty and byte and code-point offsets coincide.
	wide []wideRune
}

type wideRune struct {
	at    int32 // byte offset of the rune
	extra int32 // cumulative extra bytes through this rune
}

// NewDoc indexes s. Invalid UTF-8 bytes count as one code point each, the
// way Go's range loop and Python's surrogateescape both see them.
func NewDoc(s string) *Doc {
	d := &Doc{Text: s}
	extra := int32(0)
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		if n > 1 {
			extra += int32(n - 1)
			d.wide = append(d.wide, wideRune{at: int32(i), extra: extra})
		}
		i += n
	}
	return d
}

// Rune converts a byte offset into a code-point offset. An offset inside a
// multi-byte rune maps to that rune's start.
func (d *Doc) Rune(b int) int {
	if len(d.wide) == 0 {
		return b
	}
	// The last wide rune starting before b decides how many extra bytes lie before b.
	k := sort.Search(len(d.wide), func(i int) bool { return int(d.wide[i].at) >= b }) - 1
	if k < 0 {
		return b
	}
	w := d.wide[k]
	runeEnd := int(w.at) + 1 + int(w.extra) - prevExtra(d.wide, k)
	if b < runeEnd { // inside the rune: snap to its start
		return int(w.at) - prevExtra(d.wide, k)
	}
	return b - int(w.extra)
}

func prevExtra(w []wideRune, k int) int {
	if k == 0 {
		return 0
	}
	return int(w[k-1].extra)
}

// Byte converts a code-point offset into a byte offset.
func (d *Doc) Byte(r int) int {
	if len(d.wide) == 0 {
		return r
	}
	// Code-point offset of wide rune i is at - prevExtra(i).
	k := sort.Search(len(d.wide), func(i int) bool {
		return int(d.wide[i].at)-prevExtra(d.wide, i) >= r
	}) - 1
	if k < 0 {
		return r
	}
	return r + int(d.wide[k].extra)
}

// RuneSpan converts a byte span into code points.
func (d *Doc) RuneSpan(s Span) (start, end int) { return d.Rune(s.Start), d.Rune(s.End) }

// Slice returns the text of a byte span.
func (d *Doc) Slice(s Span) string { return d.Text[s.Start:s.End] }
