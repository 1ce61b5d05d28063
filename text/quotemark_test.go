package text

import (
	"testing"
)

// pair tokenises s paragraph by paragraph and pairs its quotation marks.
func pair(s string) []Quotation {
	var toks []Token
	var first []int
	for _, p := range Paragraphs(s) {
		first = append(first, len(toks))
		toks = Tokenize(s, p, toks)
	}
	return PairQuotes(s, toks, first)
}

func TestPairQuotes(t *testing.T) {
	type q struct {
		content string
		nested  bool
		paras   int
	}
	cases := []struct {
		name string
		in   string
		want []q
	}{
		{"straight", `He said "yes," and left.`, []q{{"yes,", false, 1}}},
		{"curly", "“No,” she said.", []q{{"No,", false, 1}}},
		{"nested single", `"He told me 'never' twice," she said.`, []q{{"He told me 'never' twice,", false, 1}, {"never", true, 1}}},
		{"nested double in curly", "“They call themselves “presidents”, then “ministers”.”", []q{
			{"They call themselves “presidents”, then “ministers”.", false, 1}, {"presidents", true, 1}, {"ministers", true, 1}}},
		{"apostrophes are not quotes", "Armenians’ rights, don’t, ’90s and the ‘cultural autonomy’ plan", []q{{"cultural autonomy", false, 1}}},
		{"continued paragraph opens with a mark", "\"First part.\n\n\"Second part,\" he said.", []q{{"First part.\n\n\"Second part,", false, 2}}},
		{"continued block without marks", "He said:\n\n“First part.\n\nSecond part.”\n\nAfter.", []q{{"First part.\n\nSecond part.", false, 2}}},
		{"unclosed quote is cut at its paragraph", "He said \"never closed here.\n\nNext paragraph \"quoted\" words.", []q{{"never closed here.", false, 1}, {"quoted", false, 1}}},
		{"two apostrophes as a mark", "''It is done,'' he said.", []q{{"It is done,", false, 1}}},
		{"lost opening mark", "It is done,\" he said.", []q{{"It is done,", false, 1}}},
		{"mark between spaces", `"I was insulted by 'outreach,' " he said.`, []q{{"I was insulted by 'outreach,'", false, 1}, {"outreach,", true, 1}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := pair(c.in)
			if len(got) != len(c.want) {
				var texts []string
				for _, g := range got {
					texts = append(texts, c.in[g.Content.Start:g.Content.End])
				}
				t.Fatalf("got %d quotations %q, want %d", len(got), texts, len(c.want))
			}
			for i, w := range c.want {
				g := got[i]
				if c.in[g.Content.Start:g.Content.End] != w.content || g.Nested != w.nested || g.Paras != w.paras {
					t.Errorf("quotation %d = %q nested=%v paras=%d, want %+v", i, c.in[g.Content.Start:g.Content.End], g.Nested, g.Paras, w)
				}
			}
		})
	}
}
