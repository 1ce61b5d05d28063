package text

import (
	"reflect"
	"testing"
)

func TestParagraphs(t *testing.T) {
	s := "Headline here\n\n  First paragraph.  \r\n\n\u00a0\nSecond\tparagraph\n"
	var got []string
	for _, p := range Paragraphs(s) {
		got = append(got, s[p.Start:p.End])
	}
	want := []string{"Headline here", "First paragraph.", "Second\tparagraph"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Paragraphs = %q, want %q", got, want)
	}
}
