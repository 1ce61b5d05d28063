package server

import (
	"slices"
	"strings"
	"testing"
)

// Whatever the marks (stale, reversed, overlapping offsets), the segments
// put the text back together exactly, and no segment is empty.
func FuzzSegments(f *testing.F) {
	f.Add("Café: “We sail on 3 May,” said Ana.", 7, 25, 20, 25, 27, 31)
	f.Add("", 0, 5, 3, 1, -4, 9)
	f.Add("\xff\xfe broken UTF-8", 2, 1, 0, 99, 5, 5)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		marks := []mark{
			{start: a, end: b, class: "quote", quote: "q1", id: "q1"},
			{start: c, end: d, class: "date", id: "t1"},
			{start: e, end: g, class: "speaker"},
		}
		var sb strings.Builder
		for _, s := range segments(text, marks) {
			if s.Text == "" {
				t.Fatalf("empty segment in %+v", segments(text, marks))
			}
			sb.WriteString(s.Text)
		}
		if want := string([]rune(text)); sb.String() != want {
			t.Fatalf("segments give %q, want %q", sb.String(), want)
		}
	})
}

// Highlighting keeps every character of the text; snippet parsing is stable.
func FuzzHighlight(f *testing.F) {
	f.Add("Crab grounds, not crabs", "crab")
	f.Add("the «ceasefire» held «until", "ceasefire OR until*")
	f.Add("a«b«c»d» «»", "b")
	f.Fuzz(func(t *testing.T, text, query string) {
		var sb strings.Builder
		for _, p := range highlight(text, query) {
			sb.WriteString(p.Text)
		}
		if string([]rune(sb.String())) != string([]rune(text)) {
			t.Fatalf("highlight lost text: %q from %q", sb.String(), text)
		}
		// Snippets: parsing what the parts print back gives the same parts,
		// and marks never hold the markers.
		parts := snippetParts(text)
		sb.Reset()
		for _, p := range parts {
			if p.Mark {
				if strings.ContainsAny(p.Text, "«»") {
					t.Fatalf("mark %q holds a marker", p.Text)
				}
				sb.WriteString("«" + p.Text + "»")
			} else {
				sb.WriteString(p.Text)
			}
		}
		if again := snippetParts(sb.String()); !slices.Equal(again, parts) {
			t.Fatalf("snippetParts(%q) = %+v, but its print %q parses as %+v", text, parts, sb.String(), again)
		}
	})
}
