package server

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"chronicle/store"
)

// TestBrowser drives headless Chromium over the seeds (our fixtures when the
// seeds are absent): search, a speaker page, an article page, a click on a
// quotation. It checks what the page shows and saves screenshots in
// $CHRONICLE_SCREENSHOTS (else a temp directory).
func TestBrowser(t *testing.T) {
	wd := startChrome(t)
	inputs := fixtures
	if d := seedsDir(); d != "" {
		inputs = []string{d}
	}
	db := openStore(t, inputs...)
	base := serveStore(t, db, Options{})
	shots := os.Getenv("CHRONICLE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	query, speaker := "ceasefire", "Ilham Aliyev"
	if seedsDir() == "" {
		query, speaker = "crab", "Marta Keller"
	}

	// Search: type a query, submit, see highlighted matches.
	wd.open(base + "/")
	wd.typeInto(wd.find("#q"), query)
	wd.click(wd.find("form.search button[type=submit]"))
	wd.waitURL("q=" + query)
	hits := wd.findAll("ol.hits > li", 1)
	if got := wd.text(hits[0]); !strings.Contains(strings.ToLower(got), query) {
		t.Errorf("first hit %q lacks %q", got, query)
	}
	if got := wd.text(wd.find("ol.hits mark")); !strings.EqualFold(got, query) {
		t.Errorf("highlighted %q, want %q", got, query)
	}
	if u := wd.url(); !strings.Contains(u, "q="+query) {
		t.Errorf("search URL %s", u)
	}
	wd.screenshot(shots, "search")

	// Speakers list, then the speaker's page: name, timeline, quotations.
	wd.open(base + "/speakers")
	var link string
	for _, a := range wd.findAll("table.speakers a", 1) {
		if wd.text(a) == speaker {
			link = a
		}
	}
	if link == "" {
		t.Fatalf("%s not on the speakers page", speaker)
	}
	wd.click(link)
	wd.waitText("main h1", speaker)
	dots := wd.findAll(".chart circle", 1)
	quotes := wd.findAll("ol.quotes > li", 1)
	if len(quotes) < 2 {
		t.Errorf("%d quotations on %s's page", len(quotes), speaker)
	}
	if meta := wd.text(wd.find("ol.quotes > li .meta")); !strings.Contains(meta, speaker) {
		t.Errorf("quotation meta %q lacks the speaker", meta)
	}
	t.Logf("%s: %d timeline dots, %d quotations listed", speaker, len(dots), len(quotes))
	wd.screenshot(shots, "speaker")
	wd.must("POST", "/execute/sync", map[string]any{"script": "document.querySelector('.terms, #quotes').scrollIntoView()", "args": []any{}}, nil)
	wd.screenshot(shots, "speaker-quotes")

	// Open a quotation: the article page lands on its span and shows its record.
	first := wd.find("ol.quotes > li blockquote a.evidence")
	quoteText := strings.TrimSuffix(wd.text(first), " …")
	wd.click(first)
	u, _ := url.Parse(wd.waitURL("/articles/"))
	if !strings.HasPrefix(u.Path, "/articles/") || !strings.HasPrefix(u.Fragment, "q") {
		t.Fatalf("quotation link went to %s", u)
	}
	panel := wd.find("#panel")
	if !wd.displayed(panel) {
		t.Fatal("the record panel is hidden after opening a quotation link")
	}
	if got := wd.text(panel); !strings.Contains(got, speaker) || !strings.Contains(got, firstWords(quoteText, 6)) {
		t.Errorf("record panel shows %q; want %s and %q", got, speaker, firstWords(quoteText, 6))
	}
	active := wd.findAll(".text a.active", 1)
	if got := wd.attr(active[0], "data-q"); got != u.Fragment {
		t.Errorf("marked quotation %s, want %s", got, u.Fragment)
	}
	wd.screenshot(shots, "article")

	// Click another quotation in the text: its record replaces the first.
	var other, otherQ string
	for _, a := range wd.findAll(".text a.quote[id^=q]", 1) {
		if q := wd.attr(a, "data-q"); q != u.Fragment {
			other, otherQ = a, q
			break
		}
	}
	if other == "" {
		t.Fatal("the article has one quotation only")
	}
	wd.click(other)
	rec := wd.text(wd.find("#rec-" + otherQ))
	if got := wd.text(panel); got == "" || !strings.Contains(got, firstWords(rec, 5)) {
		t.Errorf("after clicking %s the panel shows %q, want its record %q", otherQ, got, rec)
	}
	if !strings.HasSuffix(wd.url(), "#"+otherQ) {
		t.Errorf("URL %s does not name the clicked quotation", wd.url())
	}
	wd.screenshot(shots, "article-click")

	// By keyboard: Escape closes the record; Tab reaches the skip link first;
	// Enter on a quotation (focused) opens its record again.
	wd.press(keyEscape)
	if wd.displayed(panel) {
		t.Error("Escape left the record panel open")
	}
	wd.open(base + u.Path)
	wd.press(keyTab)
	if got := wd.text(wd.active()); got != "Skip to content" {
		t.Errorf("first Tab focuses %q, want the skip link", got)
	}
	lead := wd.find("#" + otherQ)
	wd.must("POST", "/execute/sync", map[string]any{"script": "arguments[0].focus()", "args": []any{map[string]string{elementKey: lead}}}, nil)
	wd.press(keyEnter)
	panel = wd.find("#panel")
	if !wd.displayed(panel) || !strings.Contains(wd.text(panel), firstWords(rec, 5)) {
		t.Errorf("Enter on quotation %s: panel shows %q", otherQ, wd.text(panel))
	}
	if got := wd.attr(wd.active(), "id"); got != "panel" {
		t.Errorf("after Enter the focus is on %q, want the record panel", got)
	}

	// The same page on a phone.
	wd.resize(390, 844)
	wd.open(base + u.Path + "#" + otherQ)
	if !wd.displayed(wd.find("#panel")) {
		t.Error("record panel hidden on a phone")
	}
	wd.screenshot(shots, "article-phone")
	wd.open(base + "/?q=" + query)
	wd.screenshot(shots, "search-phone")
	wd.resize(1280, 900)

	// Compare two speakers.
	var top speakersPage
	decodeReal(t, base, "/api/speakers?limit=2", &top)
	wd.open(base + "/compare?kind=speaker&a=" + url.QueryEscape(top.Speakers[0].Name) + "&b=" + url.QueryEscape(top.Speakers[1].Name))
	sides := wd.findAll("section.side h2", 2)
	if wd.text(sides[0]) != top.Speakers[0].Name || wd.text(sides[1]) != top.Speakers[1].Name {
		t.Errorf("compare shows %q and %q", wd.text(sides[0]), wd.text(sides[1]))
	}
	wd.screenshot(shots, "compare")

	// Facets slower than the server waits: the page goes out saying so, and
	// the script fills them in once they are counted.
	slow := serveCorpus(t, lateFacets{db, 700 * time.Millisecond}, Options{FacetWait: 20 * time.Millisecond})
	wd.open(slow + "/?q=" + query)
	wd.find("#facets[data-counting]")
	wd.waitGone("[data-counting]")
	want, err := db.Facets(context.Background(), store.QuoteFilter{About: query})
	if err != nil {
		t.Fatal(err)
	}
	if got := wd.text(wd.find("#count")); !strings.HasPrefix(got, fmt.Sprintf("%d quotation", want.Total)) {
		t.Errorf("count after the facets came in: %q, want %d quotations", got, want.Total)
	}
	if len(want.Speakers) > 0 {
		if got := wd.text(wd.find("#facets li a")); got != want.Speakers[0].Key {
			t.Errorf("first speaker facet %q, want %q", got, want.Speakers[0].Key)
		}
	}

	// Analyse a pasted article on a writable server: shown, not stored.
	wbase := serveStore(t, db, Options{AllowWrite: true, Editor: db})
	wd.open(wbase + "/analyse")
	wd.typeInto(wd.find("#text"), pasted)
	wd.click(wd.find("form.analyse button[type=submit]"))
	wd.waitText("main h1", "Ferry fares to rise")
	wd.click(wd.find(".text a.quote#q2")) // q1 is the indirect "its director" one, speaker unknown
	if got := wd.text(wd.find("#panel")); !strings.Contains(got, "Lena Ortiz") {
		t.Errorf("analysed record panel %q", got)
	}
	wd.screenshot(shots, "analyse")
	t.Logf("screenshots in %s", shots)
}

// lateFacets is a store whose facets take a while, like a common word's
// over a million articles.
type lateFacets struct {
	*store.DB
	delay time.Duration
}

func (s lateFacets) Facets(ctx context.Context, f store.QuoteFilter) (store.Facets, error) {
	select {
	case <-time.After(s.delay):
	case <-ctx.Done():
		return store.Facets{}, ctx.Err()
	}
	return s.DB.Facets(ctx, f)
}

func firstWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(n, len(w))], " ")
}
