package server

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// getPage fetches an HTML page and checks its status.
func getPage(t *testing.T, s *Server, path string, status int) string {
	t.Helper()
	return string(get(t, s, path, status, "text/html"))
}

func mustContain(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

func TestSearchPage(t *testing.T) {
	s, c := newTestServer(t, Options{})
	body := getPage(t, s, "/?q=crab", 200)
	mustContain(t, "search for crab", body,
		`<mark>crab</mark>`,
		`href="/articles/2#q4"`, // Reyes's quotation in the second article
		`value="crab"`,
	)
	// Facets link to the same search narrowed to a speaker or an outlet.
	reyes := strconv.FormatInt(c.speakerNamed(t, "Tomas Reyes"), 10)
	mustContain(t, "facets", body, `href="/?q=crab&amp;speaker=`+reyes+`"`, `href="/?q=crab&amp;source=Coastal&#43;Ledger"`)

	body = getPage(t, s, "/?q=crab&speaker="+reyes, 200)
	mustContain(t, "faceted search", body, "1 quotation from 2024-05-20 to 2024-05-20", "<mark>crab</mark>", "clear filters")
	if strings.Contains(body, "Marta Keller</a> ·") {
		t.Error("speaker facet let Keller's quotation through")
	}

	body = getPage(t, s, "/?since=2024-06-01", 200)
	mustContain(t, "date range", body, "Ines Vogt", `value="2024-06-01"`)
	if strings.Contains(body, "Nobody asked us") {
		t.Error("since=2024-06-01 shows a March quotation")
	}
	getPage(t, s, "/?since=yesterday", 400)
}

func TestSpeakerPages(t *testing.T) {
	s, c := newTestServer(t, Options{})
	body := getPage(t, s, "/speakers", 200)
	mustContain(t, "speakers page", body, "Marta Keller", "Tomas Reyes", "Ines Vogt")

	id := c.speakerNamed(t, "Marta Keller")
	path := "/speakers/" + strconv.FormatInt(id, 10)
	body = getPage(t, s, path, 200)
	mustContain(t, "Keller's page", body,
		"<h1>Marta Keller</h1>",
		"<svg",                                           // the timeline
		`href="/articles/1#q1"`, `href="/articles/2#q6"`, // quotations link to their spans
		"Coastal Ledger",
		"2024-03-04", "2024-05-20",
		"?bucket=week", // switch to weekly buckets
	)
	// One dot per quotation, each a link to its evidence.
	dots := regexp.MustCompile(`<a href="(/articles/\d+#q\d+)"><circle`).FindAllStringSubmatch(body, -1)
	if len(dots) != 4 {
		t.Errorf("timeline has %d quotation dots, want Keller's 4", len(dots))
	}
	// Her terms link to a search of her quotations.
	mustContain(t, "Keller's terms", body, `href="/?q=site&amp;speaker=`+strconv.FormatInt(id, 10)+`">site</a> <span class="n">2</span>`)

	body = getPage(t, s, path+"?bucket=week&since=2024-05-01", 200)
	mustContain(t, "weekly, from May", body, "per week", "all dates")
	if strings.Contains(body, "cargo ships") {
		t.Error("since=2024-05-01 lists a March quotation")
	}
	getPage(t, s, "/speakers/4040", 404)
	getPage(t, s, "/speakers/x", 400)
}

func TestArticlePageEvidence(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	body := getPage(t, s, "/articles/1", 200)
	mustContain(t, "article 1", body,
		"<h1>Harbour board approves dredging plan</h1>",
		`href="https://ledger.example/harbour-dredging"`,
		// The first quotation is a link to its record, anchored for links from elsewhere.
		`<a class="quote" href="#rec-q1" data-q="q1" id="q1" title="quotation of Marta Keller">We cannot keep turning away cargo ships`,
		`<li class="rec" id="rec-q1">`,
		// Marks nest: the speaker and the cue interrupt the quotation, a date sits in one.
		`<a class="quote cue" href="#rec-q1" data-q="q1" tabindex="-1" title="cue">said</a>`,
		`<a class="quote speaker" href="#rec-q1" data-q="q1" tabindex="-1" title="speaker">Marta Keller</a>`,
		`<span class="speaker" title="speaker">Tomas Reyes</span>`,
		`<a class="quote date" href="#rec-q3" data-q="q3" id="t5" tabindex="-1" title="DATE 2024-04-15">April 15</a>`,
		`<span class="date" id="t1" title="DATE 2024-03-04">Monday</span>`,
		"3 quotations",
	)
	getPage(t, s, "/articles/99", 404)
}

func TestComparePage(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	body := getPage(t, s, "/compare", 200)
	mustContain(t, "empty compare", body, `name="a"`, `name="b"`)
	body = getPage(t, s, "/compare?kind=speaker&a="+url.QueryEscape("Marta Keller")+"&b="+url.QueryEscape("Tomas Reyes"), 200)
	mustContain(t, "Keller and Reyes", body, "<h2>Marta Keller</h2>", "<h2>Tomas Reyes</h2>", "4 quotations", "3 quotations", "cargo ships", "crab grounds")
	body = getPage(t, s, "/compare?kind=source&a="+url.QueryEscape("Coastal Ledger")+"&b="+url.QueryEscape("Valley Post")+"&q=survey", 200)
	mustContain(t, "outlets on survey", body, "<h2>Valley Post</h2>", "<mark>survey</mark>", "2 quotations")
	// Both timelines share one axis: the same first tick.
	ticks := regexp.MustCompile(`<text class="tick" x="[\d.]+" y="188">([\d-]+)</text>`).FindAllStringSubmatch(body, -1)
	if len(ticks) < 2 {
		t.Fatalf("compare charts have %d ticks", len(ticks))
	}
}

func TestAnalyseOffUnlessAllowed(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	body := getPage(t, s, "/analyse", 200)
	mustContain(t, "analyse page without --allow-write", body, "Analyse is off", "--allow-write")
	if w := do(t, s, "POST", "/analyse", "text=hello", "Content-Type", "application/x-www-form-urlencoded"); w.Code != 405 {
		t.Errorf("POST /analyse without --allow-write: %d, want 405", w.Code)
	}
	if w := do(t, s, "POST", "/api/analyse", "hello"); w.Code != 404 && w.Code != 405 {
		t.Errorf("POST /api/analyse without --allow-write: %d", w.Code)
	}
}

func TestStaticAssetsAndHeaders(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	for _, p := range []string{"/static/app.js", "/static/style.css"} {
		w := do(t, s, "GET", p, "")
		if w.Code != 200 || w.Body.Len() < 500 {
			t.Errorf("GET %s: %d, %d bytes", p, w.Code, w.Body.Len())
		}
	}
	w := do(t, s, "GET", "/", "")
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
	if w.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Error("no nosniff header")
	}
}
