package quote

import (
	"strings"
	"testing"
)

// FuzzExtract shows the extractor never panics and every span it returns
// lies inside the text, in order, and on rune boundaries.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"",
		"\"",
		"“unclosed quote at the end",
		"\"A,\" he said, \"B.\"\n\n\"C",
		"Mayor Linda Ortiz said: \"We will balance this budget.\"",
		"According to , .",
		"said said said, said \"",
		"Bad \xff\xfe bytes said \"\xe2\x80\" ok",
		"''NYT style,'' said Mr. Smith. ''More.''",
		"Name: \n\n: Name",
		strings.Repeat("\"Long paragraph, ", 200) + "\" she said.",
		"‘single’ ’90s don’t ‘open",
		"— ― \"x\" ― Jane Doe",
		"As X reported, . , as",
		"asked by by whether",
		"Asked, when asked about",
		"\"A!\" Ruiz said. \"B?\" asked",
		"Ruiz: \"x\" : \"",
		"vowed to",
		"a conference call said",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, headline bool) {
		res := Extract(s, Options{Headline: headline})
		in := func(sp [2]int, what string) {
			if sp[0] < 0 || sp[0] > sp[1] || sp[1] > len(s) {
				t.Fatalf("%s span %v outside text of %d bytes", what, sp, len(s))
			}
			if sp[0] < len(s) && !runeStart(s, sp[0]) || sp[1] < len(s) && !runeStart(s, sp[1]) {
				t.Fatalf("%s span %v cuts a rune", what, sp)
			}
		}
		for _, q := range res.Quotes {
			in([2]int{q.Content.Start, q.Content.End}, "content")
			if q.Content.Len() == 0 {
				t.Fatalf("empty quote")
			}
			if q.HasCue {
				in([2]int{q.Cue.Start, q.Cue.End}, "cue")
			}
			if q.HasMention {
				in([2]int{q.Mention.Start, q.Mention.End}, "mention")
			}
			for _, st := range q.Sentences {
				in([2]int{st.Start, st.End}, "sentence")
			}
		}
		for _, e := range res.Entities {
			for _, m := range e.Mentions {
				in([2]int{m.Start, m.End}, "entity mention")
			}
		}
	})
}

// runeStart reports whether byte i starts a rune (or an invalid byte).
func runeStart(s string, i int) bool { return s[i]&0xC0 != 0x80 || !validAround(s, i) }

// validAround reports whether the continuation byte at i belongs to a
// well-formed rune that starts before it.
func validAround(s string, i int) bool {
	for j := i - 1; j >= 0 && i-j < 4; j-- {
		if s[j]&0xC0 != 0x80 {
			r := []rune(s[j : i+1])
			return len(r) >= 1 && r[len(r)-1] != '\uFFFD'
		}
	}
	return false
}
