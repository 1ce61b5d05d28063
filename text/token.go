package text

import (
	"unicode"
	"unicode/utf8"
)

// TokenKind says what a token is made of.
type TokenKind uint8

const (
	Word   TokenKind = iota // letters, with inner apostrophes, hyphens and dotted initials: "don’t", "Ki-moon", "U.S"
	Number                  // digits with inner separators: "2,000", "3.5", "9/11"
	Punct                   // any other single character: , . : ; ( ) — and so on
	QMark                   // a quotation mark: " “ ” ‘ ’ « » „ or a straight ' used as one, or '' (two apostrophes)
)

// Token is one word, number, punctuation or quotation mark, by byte span.
type Token struct {
	Span
	Kind TokenKind
	// Cap is set for a word whose first letter is upper case.
	Cap bool
	// SpaceBefore and SpaceAfter tell whether white space (or the edge of the
	// tokenised span) touches the token: quotation marks need it to decide
	// whether they open or close.
	SpaceBefore, SpaceAfter bool
}

// Tokenize appends the tokens of s[sp.Start:sp.End] to dst and returns it.
// It allocates nothing beyond growing dst, so callers reuse one slice for a
// whole article.
func Tokenize(s string, sp Span, dst []Token) []Token {
	i, first := sp.Start, len(dst)
	space := true
	for i < sp.End {
		if n := spaceAt(s, i); n > 0 {
			i += n
			space = true
			continue
		}
		t := Token{Span: Span{i, i}, SpaceBefore: space}
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:sp.End])
		}
		switch {
		case isLetter(r):
			t.Kind, t.Cap = Word, unicode.IsUpper(r)
			t.End = wordEnd(s, i+n, sp.End)
		case r >= '0' && r <= '9':
			t.Kind = Number
			t.End = numberEnd(s, i+n, sp.End)
		case r == '\'' && i+1 < sp.End && s[i+1] == '\'':
			t.Kind, t.End = QMark, i+2
		case isQuoteRune(r):
			t.Kind, t.End = QMark, i+n
		case r == '-' && i+1 < sp.End && s[i+1] == '-':
			// "--", the typewriter dash, is one mark
			t.Kind, t.End = Punct, i+2
			for t.End < sp.End && s[t.End] == '-' {
				t.End++
			}
		default:
			t.Kind, t.End = Punct, i+n
		}
		if len(dst) > first {
			dst[len(dst)-1].SpaceAfter = space
		}
		space = false
		dst = append(dst, t)
		i = t.End
	}
	if len(dst) > first {
		dst[len(dst)-1].SpaceAfter = true
	}
	return dst
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// wordEnd extends a word over letters, digits, and inner apostrophes,
// hyphens and periods that sit between letters ("Trump’s", "Ki-moon", "U.S").
func wordEnd(s string, i, end int) int {
	for i < end {
		if asciiAlnum[s[i]] {
			i++ // the common case, without decoding
			continue
		}
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:end])
		}
		if isLetter(r) || r >= '0' && r <= '9' {
			i += n
			continue
		}
		if (r == '\'' || r == '’' || r == '-' || r == '‐' || r == '.') && i+n < end {
			nr, _ := utf8.DecodeRuneInString(s[i+n : end])
			if isLetter(nr) && (r != '.' || dottedInitial(s, i, end)) {
				i += n
				continue
			}
		}
		break
	}
	return i
}

// dottedInitial reports whether the period at i joins single letters, as in
// "U.S" or "p.m", rather than ending a sentence before the next word.
func dottedInitial(s string, i, end int) bool {
	prevSingle := i >= 1 && isASCIILetter(s[i-1]) && (i < 2 || !isASCIILetter(s[i-2]))
	nextSingle := i+2 <= end && isASCIILetter(s[i+1]) && (i+2 == end || !isASCIILetter(s[i+2]))
	return prevSingle && nextSingle
}

// asciiAlnum marks the ASCII letters and digits.
var asciiAlnum = func() (t [256]bool) {
	for c := 0; c < 128; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func numberEnd(s string, i, end int) int {
	for i < end {
		c := s[i]
		if c >= '0' && c <= '9' || isASCIILetter(c) {
			i++
			continue
		}
		if (c == ',' || c == '.' || c == '/' || c == ':' || c == '-') && i+1 < end && s[i+1] >= '0' && s[i+1] <= '9' {
			i++
			continue
		}
		break
	}
	return i
}

// isQuoteRune reports whether r is a quotation mark (straight or typographic).
func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‟', '‚', '‛':
		return true
	}
	return false
}
