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
// lexicon entry, looked up once.
type token struct {
	start, end int32
	num        int32  // value of a tNum token (capped), else 0
	ch         rune   // the character of a tPunct token
	entry      uint16 // index in lexTable; 0 for words the lexicon does not know
	kind       tokKind
	nl         bool // a line break lies between this token and the previous one
	upper      bool // starts with an upper-case letter
}

// lx is the token's lexicon entry (the empty entry for unknown words,
// numbers and punctuation). Tokens hold an index, not the entry, so a token
// slice has no pointers for the garbage collector to follow.
func (t *token) lx() *lex { return &lexTable[t.entry] }

// tokenize splits s into tokens. Apostrophes and hyphens are tokens of their
// own, so "44-day" is 44 - day and "Friday's" is Friday ' s.
func tokenize(s string, toks []token) []token {
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
			toks = append(toks, token{start: int32(i), end: int32(j), kind: k, num: int32(n), nl: nl})
			nl = false
			i = j
		case c < utf8.RuneSelf && isASCIILetter(c):
			j := i
			for j < len(s) && s[j] < utf8.RuneSelf && isASCIILetter(s[j]) {
				j++
			}
			t := token{start: int32(i), end: int32(j), kind: tWord, nl: nl, upper: c >= 'A' && c <= 'Z'}
			if j-i <= maxWord && mayKnow(s[i], s[j-1]) {
				t.entry = find(s[i:j])
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
				toks = append(toks, token{start: int32(i), end: int32(j), kind: tWord, nl: nl, upper: unicode.IsUpper(r)})
				nl = false
				i = j
				continue
			}
			if r == '’' {
				r = '\''
			}
			toks = append(toks, token{start: int32(i), end: int32(i + n), kind: tPunct, nl: nl, ch: r})
			nl = false
			i += n
		}
	}
	return toks
}

// maxWord is the longest word of the lexicon; firstLast[a][b] says whether
// some lexicon word starts with letter a and ends with letter b. Together
// they spare a map lookup for most words of a text.
var (
	maxWord   int
	firstLast [26][26]bool
)

func mayKnow(first, last byte) bool {
	return firstLast[(first|0x20)-'a'][(last|0x20)-'a']
}

// slots is an open-addressing hash table of the lexicon, keyed by a
// case-folded hash of the word: a lookup hashes the text in place, with no
// lower-case copy, and most words stop at an empty slot.
const slotBits = 12

var slots [1 << slotBits]uint16

func foldHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i]|0x20)) * 16777619
	}
	return h
}

// find returns the lexicon index of the ASCII word w in any case, or 0.
func find(w string) uint16 {
	mask := uint32(len(slots) - 1)
	for i := foldHash(w) & mask; ; i = (i + 1) & mask {
		k := slots[i]
		if k == 0 {
			return 0
		}
		if e := lexTable[k].word; len(e) == len(w) && equalFold(e, w) {
			return k
		}
	}
}

// equalFold compares a lower-case lexicon word with ASCII letters of any case.
func equalFold(low, w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i]|0x20 != low[i] {
			return false
		}
	}
	return true
}

func indexLexicon() {
	if len(lexTable) > len(slots)/2 {
		panic("timex: lexicon outgrew its hash table")
	}
	mask := uint32(len(slots) - 1)
	for k := 1; k < len(lexTable); k++ {
		w := lexTable[k].word
		maxWord = max(maxWord, len(w))
		firstLast[w[0]-'a'][w[len(w)-1]-'a'] = true
		i := foldHash(w) & mask
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = uint16(k)
	}
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
