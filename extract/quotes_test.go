package extract

import (
	"testing"

	"chronicle/article"
)

// runeSlice returns the text between code-point offsets start and end.
func runeSlice(t *testing.T, s string, start, end int) string {
	t.Helper()
	r := []rune(s)
	if start < 0 || start > end || end > len(r) {
		t.Fatalf("offsets [%d,%d) outside %d code points", start, end, len(r))
	}
	return string(r[start:end])
}

// same compares texts as code points, so that an invalid byte (one code
// point, printed as U+FFFD) compares equal on both sides.
func same(a, b string) bool { return string([]rune(a)) == string([]rune(b)) }

// checkOffsets asserts that every text in the record equals the article
// text at its code-point offsets.
func checkOffsets(t *testing.T, text string, r Record) {
	t.Helper()
	for _, q := range r.Quotes {
		if got := runeSlice(t, text, q.Start, q.End); !same(got, q.Text) {
			t.Errorf("quote text %q, text at [%d,%d) is %q", q.Text, q.Start, q.End, got)
		}
		for _, m := range []*Mention{q.Cue, q.SpeakerMention} {
			if m != nil && !same(runeSlice(t, text, m.Start, m.End), m.Text) {
				t.Errorf("mention %q does not match its offsets [%d,%d)", m.Text, m.Start, m.End)
			}
		}
	}
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			if !same(runeSlice(t, text, m.Start, m.End), m.Text) {
				t.Errorf("entity mention %q does not match its offsets [%d,%d)", m.Text, m.Start, m.End)
			}
		}
	}
}

func TestQuotesCodePoints(t *testing.T) {
	text := "Şuşa talks resume: Əliyev\n\nPresident İlham Əliyev said the talks in Şuşa would resume. “We are ready — fully ready,” he said.\n"
	r := Article(article.Article{ID: "t", Text: text, Format: "txt"}, Options{})
	checkOffsets(t, text, r)
	want := []struct{ text, kind, speaker, mention string }{
		{"Şuşa talks resume", "indirect", "İlham Əliyev", "Əliyev"},
		{"the talks in Şuşa would resume", "indirect", "İlham Əliyev", "President İlham Əliyev"},
		{"We are ready — fully ready,", "direct", "İlham Əliyev", "he"},
	}
	if len(r.Quotes) != len(want) {
		t.Fatalf("got %d quotes %+v, want %d", len(r.Quotes), r.Quotes, len(want))
	}
	for i, w := range want {
		q := r.Quotes[i]
		if q.Text != w.text || q.Kind != w.kind || q.Speaker == nil || *q.Speaker != w.speaker || q.SpeakerMention == nil || q.SpeakerMention.Text != w.mention {
			t.Errorf("quote %d = %+v, want %+v", i, q, w)
		}
		if q.SaidOn != nil || q.SaidOnFrom != "none" {
			t.Errorf("quote %d: said_on should be left to the dates step", i)
		}
	}
	var person *Entity
	for i := range r.Entities {
		if r.Entities[i].Name == "İlham Əliyev" {
			person = &r.Entities[i]
		}
	}
	if person == nil || person.Type != "PERSON" || len(person.Mentions) < 2 || len(person.Roles) == 0 || person.Roles[0] != "President" {
		t.Errorf("entity İlham Əliyev = %+v, want a PERSON with role President and both mentions", person)
	}
}

// FuzzArticle shows extraction never panics on odd input and that every
// printed text matches the article at its code-point offsets.
func FuzzArticle(f *testing.F) {
	f.Add("“Quote,” she said.\n\nMore \xff text said \"x\"")
	f.Add("President İlham Əliyev said “yes”")
	f.Fuzz(func(t *testing.T, s string) {
		r := Article(article.Article{ID: "f", Text: s, Format: "txt"}, Options{})
		checkOffsets(t, s, r)
	})
}
