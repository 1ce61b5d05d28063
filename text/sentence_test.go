package text

import (
	"reflect"
	"testing"
)

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"One thing. Another thing.", []string{"One thing.", "Another thing."}},
		{`He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"Clashes erupted on Sept. 27, 2020, with attacks. It ended.", []string{"Clashes erupted on Sept. 27, 2020, with attacks.", "It ended."}},
		{"The U.S. Senate met. Sen. Smith spoke.", []string{"The U.S. Senate met.", "Sen. Smith spoke."}},
		{"Is it over? “Yes,” she said.", []string{"Is it over?", "“Yes,” she said."}},
		{"George W. Bush spoke at 3 p.m. today.", []string{"George W. Bush spoke at 3 p.m. today."}},
		{"no final stop", []string{"no final stop"}},
		{"It costs 3.5 million. Done", []string{"It costs 3.5 million.", "Done"}},
	}
	for _, c := range cases {
		var got []string
		for _, sp := range Sentences(c.in, Span{0, len(c.in)}) {
			got = append(got, c.in[sp.Start:sp.End])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Sentences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
