package server

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// Term is a word a speaker uses often, with how many of their quotations
// use it.
type Term struct {
	Word string
	N    int
}

// topTerms counts, per quotation, the content words of texts (stop words and
// words under four letters left out) and returns the n most frequent.
func topTerms(texts []string, n int) []Term {
	counts := map[string]int{}
	for _, t := range texts {
		seen := map[string]bool{}
		for _, w := range words(t) {
			if len([]rune(w)) < 4 || stopWords[w] || seen[w] {
				continue
			}
			seen[w] = true
			counts[w]++
		}
	}
	out := make([]Term, 0, len(counts))
	for w, c := range counts {
		if c > 1 || len(texts) < 3 {
			out = append(out, Term{w, c})
		}
	}
	slices.SortFunc(out, func(a, b Term) int {
		return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Word, b.Word))
	})
	return out[:min(n, len(out))]
}

// words splits text into lower-cased words of letters, digits and inner
// apostrophes or hyphens.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	})
}

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`about above after again against also among another because been before
		being below between both can't cannot could couldn't does doesn't doing don't down during each
		even every from further given going gone have haven't having here here's hers herself himself
		into it's its itself just know like made make many more most much must myself need never
		only other ought ours ourselves over said same says shall she's should shouldn't since some such
		than that that's their theirs them themselves then there there's these they they'd they'll
		they're they've this those though through under until upon very want wants was wasn't we'd
		we'll we're we've were weren't what what's when when's where where's which while who's whom
		whose why why's will with won't would wouldn't you'd you'll you're you've your yours yourself
		yourselves still well think today told tell time year years people thing things going able
		back come came take took already really there'll whether within without against toward towards`) {
		m[w] = true
	}
	return m
}()

// Part is a piece of a snippet, marked when it matched the query.
type Part struct {
	Text string
	Mark bool
}

// snippetParts splits a store snippet, whose matches sit between « and »,
// into parts, so the template escapes the text and marks the matches. A
// marker without its pair (the article's own guillemets) stays as text.
func snippetParts(s string) []Part {
	const open, close = "«", "»"
	var out []Part
	plain := func(t string) {
		if t == "" {
			return
		}
		if n := len(out); n > 0 && !out[n-1].Mark {
			out[n-1].Text += t
			return
		}
		out = append(out, Part{Text: t})
	}
	for {
		e := strings.Index(s, close)
		if e < 0 {
			plain(s)
			return out
		}
		b := strings.LastIndex(s[:e], open)
		if b < 0 {
			plain(s[:e+len(close)])
			s = s[e+len(close):]
			continue
		}
		plain(s[:b])
		if m := s[b+len(open) : e]; m != "" {
			out = append(out, Part{Text: m, Mark: true})
		}
		s = s[e+len(close):]
	}
}

// highlight marks the words of query in text (whole words, any case), for
// quotations listed without a store snippet.
func highlight(text, query string) []Part {
	terms := map[string]bool{}
	for _, w := range words(query) {
		if !stopWords[w] && w != "and" && w != "or" && w != "not" && w != "near" {
			terms[strings.TrimSuffix(w, "*")] = true
		}
	}
	if len(terms) == 0 {
		return []Part{{Text: text}}
	}
	var out []Part
	rs := []rune(text)
	plain := 0
	for i := 0; i < len(rs); {
		if !isWordRune(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && isWordRune(rs[j]) {
			j++
		}
		if terms[strings.ToLower(string(rs[i:j]))] {
			if plain < i {
				out = append(out, Part{Text: string(rs[plain:i])})
			}
			out = append(out, Part{Text: string(rs[i:j]), Mark: true})
			plain = j
		}
		i = j
	}
	if plain < len(rs) {
		out = append(out, Part{Text: string(rs[plain:])})
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
