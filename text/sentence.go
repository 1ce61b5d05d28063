package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits a paragraph span of s into sentence spans. A sentence ends
// at '.', '!' or '?' (with any closing quotes or brackets after it) when white
// space and then a capital, digit or opening quote follow, unless the word
// before the period is a known abbreviation or an initial ("U.S.", "Sept.",
// "J."). It is a deliberately small rule set: fast, predictable, and right on
// news prose.
func Sentences(s string, para Span) []Span {
	var out []Span
	start := para.Start
	for i := para.Start; i < para.End; i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		end := i + 1
		// Absorb runs of terminators and closing quotes/brackets: `?!`, `."`, `.”)`.
		for end < para.End {
			if t := s[end]; t == '.' || t == '!' || t == '?' || t == '"' || t == '\'' || t == ')' || t == ']' {
				end++
				continue
			}
			if r, n := utf8.DecodeRuneInString(s[end:]); r == '’' || r == '”' || r == '»' {
				end += n
				continue
			}
			break
		}
		if end >= para.End {
			break
		}
		if !IsSpaceAt(s, end) {
			continue
		}
		next := end
		for next < para.End && IsSpaceAt(s, next) {
			next += spaceAt(s, next)
		}
		if next >= para.End || !opensSentence(s[next:]) {
			continue
		}
		if c == '.' && end == i+1 && isAbbreviation(s[start:i]) {
			continue
		}
		out = append(out, TrimSpace(s, Span{start, end}))
		start = next
		i = next - 1
	}
	if sp := TrimSpace(s, Span{start, para.End}); sp.Len() > 0 {
		out = append(out, sp)
	}
	return out
}

func opensSentence(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '«', '—', '–':
		return true
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isAbbreviation reports whether the text before a period ends in a word that
// is an abbreviation rather than the end of a sentence.
func isAbbreviation(before string) bool {
	j := len(before)
	for j > 0 && before[j-1] != ' ' && before[j-1] != '\n' && before[j-1] != '(' && before[j-1] != '"' {
		j--
	}
	w := before[j:]
	if w == "" {
		return false
	}
	// Initials and dotted acronyms: "J", "U.S", "D.C", "a.m".
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	if strings.Contains(w, ".") && len(w) <= 6 {
		return true
	}
	_, ok := abbreviations[strings.ToLower(w)]
	return ok
}

// abbreviations are words that take a period without ending a sentence in
// English news copy: titles, months, and a few Latin forms.
var abbreviations = map[string]struct{}{
	"mr": {}, "mrs": {}, "ms": {}, "dr": {}, "prof": {}, "sen": {}, "rep": {}, "gov": {},
	"gen": {}, "col": {}, "lt": {}, "sgt": {}, "capt": {}, "cmdr": {}, "adm": {}, "maj": {},
	"pres": {}, "st": {}, "sr": {}, "jr": {}, "rev": {}, "hon": {}, "amb": {}, "atty": {}, "supt": {},
	"jan": {}, "feb": {}, "mar": {}, "apr": {}, "jun": {}, "jul": {}, "aug": {},
	"sep": {}, "sept": {}, "oct": {}, "nov": {}, "dec": {},
	"no": {}, "vs": {}, "etc": {}, "inc": {}, "corp": {}, "co": {}, "ltd": {}, "dept": {},
	"approx": {}, "est": {}, "fig": {}, "vol": {}, "ft": {}, "mt": {}, "ave": {}, "blvd": {},
}
