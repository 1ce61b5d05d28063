package timex

import (
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord   tokKind = iota + 1
	tNum            // a run of digits
	tNumber         // digits with separators ("1,700", "3.5"): never a date
	tPunct          // one punctuation character (or one non-letter rune)
)

// token is a word, number or punctuation mark of the text. Words carry their
// lexicon entry, looked up once, and the lower-case form when the lexicon
// knows them (interned: the map's own key, so no allocation).
type token struct {
	start, end int
	kind       tokKind
	nl         bool // a line break lies between this token and the previous one
	upper      bool // starts with an upper-case letter
	low        string
	lx         lex
	num        int // value of a tNum token (capped), else 0
	ch         rune
}

// tokenize splits s into tokens. Apostrophes and hyphens are tokens of their
// own, so "44-day" is 44 - day and "Friday's" is Friday ' s.
func tokenize(s string, toks []token) []token {
	var buf [24]byte
	nl := false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '\n':
			nl = true
			i++
		case c >= '0' && c <= '9':
			j, n, plain := i, 0, true
			for j < len(s) {
				if d := s[j]; d >= '0' && d <= '9' {
					if n < 1e8 {
						n = n*10 + int(d-'0')
					}
					j++
					continue
				}
				// "1,700" and "3.5" are one number; "2008." ends a sentence.
				if s[j] == '.' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' ||
					s[j] == ',' && j+4 <= len(s) && isDigits(s[j+1:j+4]) && (j+4 == len(s) || s[j+4] < '0' || s[j+4] > '9') {
					plain = false
					j++
					continue
				}
				break
			}
			k := tNum
			if !plain {
				k, n = tNumber, 0
			}
			toks = append(toks, token{start: i, end: j, kind: k, num: n, nl: nl})
			nl = false
			i = j
		case c < utf8.RuneSelf && isASCIILetter(c):
			j := i
			for j < len(s) && s[j] < utf8.RuneSelf && isASCIILetter(s[j]) {
				j++
			}
			t := token{start: i, end: j, kind: tWord, nl: nl, upper: c >= 'A' && c <= 'Z'}
			if j-i <= len(buf) {
				b := buf[:j-i]
				for k := range b {
					b[k] = s[i+k] | 0x20
				}
				if l, ok := lexicon[string(b)]; ok {
					t.lx = l
					t.low = l.word
				}
			}
			toks = append(toks, t)
			nl = false
			i = j
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			if unicode.IsLetter(r) {
				// A word in another script or with accents: one word token, unknown to the lexicon.
				j := i + n
				for j < len(s) {
					r2, n2 := utf8.DecodeRuneInString(s[j:])
					if !unicode.IsLetter(r2) && !(r2 < utf8.RuneSelf && isASCIILetter(byte(r2))) {
						break
					}
					j += n2
				}
				toks = append(toks, token{start: i, end: j, kind: tWord, nl: nl, upper: unicode.IsUpper(r)})
				nl = false
				i = j
				continue
			}
			if r == '’' {
				r = '\''
			}
			toks = append(toks, token{start: i, end: i + n, kind: tPunct, nl: nl, ch: r})
			nl = false
			i += n
		}
	}
	return toks
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
