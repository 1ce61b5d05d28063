package entity

import (
	"strings"
	"testing"

	"chronicle/text"
)

// find runs the finder over s, sentence by sentence.
func find(s string) *Registry {
	w := &Words{S: s}
	var starts []int
	for _, p := range text.Paragraphs(s) {
		for _, st := range text.Sentences(s, p) {
			starts = append(starts, len(w.Toks))
			w.Toks = text.Tokenize(s, st, w.Toks)
		}
	}
	w.Index(nil)
	return Find(w, starts)
}

func TestFind(t *testing.T) {
	s := "Azerbaijani President Ilham Aliyev met Armenian Prime Minister Nikol Pashinyan in Moscow. " +
		"Aliyev said the Ministry of Foreign Affairs would publish the text. Clashes erupted later. " +
		"George W. Bush and NATO were not mentioned by Pashinyan’s office."
	r := find(s)
	type want struct {
		name     string
		kind     Kind
		role     string
		mentions int
	}
	for _, w := range []want{
		{"Ilham Aliyev", Person, "Azerbaijani President", 2},
		{"Nikol Pashinyan", Person, "Armenian Prime Minister", 2},
		{"Moscow", Place, "", 1},
		{"Ministry of Foreign Affairs", Org, "", 1},
		{"George W. Bush", Person, "", 1},
		{"NATO", Org, "", 1},
	} {
		e := r.Lookup(w.name)
		if e < 0 {
			t.Errorf("%s not found", w.name)
			continue
		}
		got := r.Entity(e)
		if got.Name != w.name || got.Kind != w.kind || len(got.Mentions) != w.mentions {
			t.Errorf("%s = %q kind %v with %d mentions, want kind %v with %d", w.name, got.Name, got.Kind, len(got.Mentions), w.kind, w.mentions)
		}
		if w.role != "" && (len(got.Roles) == 0 || got.Roles[0] != w.role) {
			t.Errorf("%s roles %q, want %q", w.name, got.Roles, w.role)
		}
	}
	if e := r.Lookup("Clashes"); e >= 0 {
		t.Errorf("sentence-initial %q taken for a name", "Clashes")
	}
	for _, e := range r.Entities() {
		if e.Name == "Aliyev" || e.Name == "Pashinyan" {
			t.Errorf("surname %q reported as its own entity", e.Name)
		}
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Person: "person", Org: "organization", Place: "country", Group: "group", Unknown: "unknown"} {
		if k.String() != want {
			t.Errorf("%d.String() = %q, want %q", k, k.String(), want)
		}
	}
}

func TestTitleWords(t *testing.T) {
	for _, w := range []string{"President", "president", "Azerbaijani", "Foreign", "Minister", "Sen.", "Sen", "Mr.", "Affairs"} {
		if !TitleWord(w) {
			t.Errorf("TitleWord(%q) = false", w)
		}
	}
	for _, w := range []string{"Ilham", "Aliyev", "Heydar", "Baku", "the", ""} {
		if TitleWord(w) {
			t.Errorf("TitleWord(%q) = true", w)
		}
	}
	if !Honorific("Mr.") || !Honorific("ms") || Honorific("President") {
		t.Error("Honorific: Mr. and ms are honorifics, President is not")
	}
	if !PlaceWord("Azerbaijan") || !PlaceWord("U.S.") || PlaceWord("Aliyev") {
		t.Error("PlaceWord: Azerbaijan and U.S. are places, Aliyev is not")
	}
}

// TestNotPersonNames: party words, and abbreviations cut at their dot, are
// not person names.
func TestNotPersonNames(t *testing.T) {
	cases := []struct {
		in, name string
		kind     Kind // Unknown: no such entity at all
	}{
		{"The Republican nominee spoke in Ohio.", "Republican", Unknown},
		{"The Democratic candidate spoke in Ohio.", "Democratic", Unknown},
		{"On Friday the Democrats walked out.", "Democrats", Unknown},
		{"Delegates met at the Republican National Convention in July.", "Republican National Convention", Org},
		{"Delegates met at the Republican National Convention in July.", "National Convention", Unknown},
		{"It was filed with the U.S. Department of Labor on Monday.", "U.S. Department of Labor", Org},
		{"Officials from the U.S. met in Geneva.", "U.S.", Place},
		{"The analyst J.M. Berger wrote the report.", "J.M. Berger", Person},
	}
	for _, c := range cases {
		r := find(c.in)
		e := r.Lookup(c.name)
		switch {
		case c.kind == Unknown && e >= 0 && r.Entity(e).Kind == Person:
			t.Errorf("%q: %q taken for a person", c.in, c.name)
		case c.kind != Unknown && e < 0:
			t.Errorf("%q: %q not found", c.in, c.name)
		case c.kind != Unknown && (r.Entity(e).Name != c.name || r.Entity(e).Kind != c.kind):
			t.Errorf("%q: %q = %q kind %v, want kind %v", c.in, c.name, r.Entity(e).Name, r.Entity(e).Kind, c.kind)
		}
	}
}

// TestPersonNames: names of three words when the first is a given name,
// shorter forms folded into the fullest, and a shared surname given to the
// person the article names most.
func TestPersonNames(t *testing.T) {
	cases := []struct {
		in   string
		look string // a name as written in the text
		want string // the entity it belongs to
	}{
		{"The hearing was chaired by Hillary Rodham Clinton on Monday.", "Hillary Rodham Clinton", "Hillary Rodham Clinton"},
		{"Mary Ellen Carter, the port director, spoke first.", "Mary Ellen Carter", "Mary Ellen Carter"},
		{"The vote was close, John Paul Jones told reporters.", "John Paul Jones", "John Paul Jones"},
		// a capitalised word before a two-word name in a headline is no first name
		{"Rival Hillary Clinton stayed silent.", "Hillary Clinton", "Hillary Clinton"},
		{"Actor Clint Howard Says He Loves Boats", "Clint Howard", "Clint Howard"},
		// a headline's verb ends the name
		{"Donald Trump Is Wrong About Trade", "Donald Trump", "Donald Trump"},
		// the shorter form of a name joins the fullest
		{"Hillary Rodham Clinton spoke. Later Hillary Clinton left. Clinton said nothing.", "Hillary Clinton", "Hillary Rodham Clinton"},
		{"Hillary Rodham Clinton spoke. Later Hillary Clinton left. Clinton said nothing.", "Clinton", "Hillary Rodham Clinton"},
		// two people with one surname: the bare surname is the one named most
		{"Chris Murphy met parents in Newtown. Anne Marie Murphy taught there. Chris Murphy listened. Murphy said little.", "Murphy", "Chris Murphy"},
		{"Chris Murphy met parents in Newtown. Anne Marie Murphy taught there. Chris Murphy listened. Murphy said little.", "Anne Marie Murphy", "Anne Marie Murphy"},
		// a name that fits two fuller names stays apart from both
		{"George H. W. Bush and George W. Bush met. George Bush spoke.", "George Bush", "George Bush"},
	}
	for _, c := range cases {
		r := find(c.in)
		i := strings.Index(c.in, c.look)
		if strings.HasPrefix(c.look, "Clinton") || strings.HasPrefix(c.look, "Murphy") {
			i = strings.LastIndex(c.in, c.look)
		}
		e := -1
		for k, tok := range r.w.Toks {
			if tok.Start == i {
				e = r.At(k)
			}
		}
		if e < 0 {
			t.Errorf("%q: no entity at %q", c.in, c.look)
			continue
		}
		if got := r.Entity(e).Name; got != c.want {
			t.Errorf("%q: %q belongs to %q, want %q", c.in, c.look, got, c.want)
		}
	}
}
