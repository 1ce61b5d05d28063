package text

import (
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"The country’s president said “yes”.", []string{"The", "country’s", "president", "said", "“", "yes", "”", "."}},
		{"U.S. envoy Ban Ki-moon, 72, don't", []string{"U.S", ".", "envoy", "Ban", "Ki-moon", ",", "72", ",", "don't"}},
		{"''NYT style,'' he said", []string{"''", "NYT", "style", ",", "''", "he", "said"}},
		{"$2,000 on 9/11 at 3.5%", []string{"$", "2,000", "on", "9/11", "at", "3.5", "%"}},
		{"Şuşa\u00a0and Əliyev", []string{"Şuşa", "and", "Əliyev"}},
	}
	for _, c := range cases {
		var got []string
		for _, tk := range Tokenize(c.in, Span{0, len(c.in)}, nil) {
			got = append(got, c.in[tk.Start:tk.End])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTokenSpaceAndCase(t *testing.T) {
	s := `said "Yes," then`
	toks := Tokenize(s, Span{0, len(s)}, nil)
	open, closing := toks[1], toks[4]
	if open.Kind != QMark || !open.SpaceBefore || open.SpaceAfter {
		t.Errorf("opening mark %+v: want space before only", open)
	}
	if closing.Kind != QMark || closing.SpaceBefore || !closing.SpaceAfter {
		t.Errorf("closing mark %+v: want space after only", closing)
	}
	if !toks[2].Cap || toks[0].Cap {
		t.Errorf("Cap flags wrong: %+v %+v", toks[0], toks[2])
	}
}
