package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"chronicle/store"
)

var fixtures = []string{"testdata/harbour.jsonl", "testdata/hostile.jsonl"}

func newTestServer(t *testing.T, opt Options) (*Server, *memCorpus) {
	t.Helper()
	c := newMemCorpus(t, fixtures...)
	if opt.FacetWait == 0 {
		opt.FacetWait = time.Minute // a loaded test machine must not drop the facets
	}
	if opt.AllowWrite && opt.Editor == nil {
		opt.Editor = c
	}
	s, err := New(c, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

func do(t *testing.T, h http.Handler, method, path string, body string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// get fetches path and checks its status and content type.
func get(t *testing.T, h http.Handler, path string, status int, ctype string) []byte {
	t.Helper()
	w := do(t, h, "GET", path, "")
	if w.Code != status {
		t.Fatalf("GET %s: status %d, want %d: %s", path, w.Code, status, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, ctype) {
		t.Fatalf("GET %s: content type %q, want %s", path, ct, ctype)
	}
	return w.Body.Bytes()
}

// getJSON fetches path, checks the status and decodes the body into v.
func getJSON(t *testing.T, h http.Handler, path string, status int, v any) {
	t.Helper()
	body := get(t, h, path, status, "application/json")
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v: %s", path, err, body)
	}
}

func apiError(t *testing.T, h http.Handler, path string, status int, want string) {
	t.Helper()
	var e struct{ Error string }
	getJSON(t, h, path, status, &e)
	if !strings.Contains(e.Error, want) {
		t.Errorf("GET %s: error %q, want it to mention %q", path, e.Error, want)
	}
}

func TestAPIQuotesFilters(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	var all quotesPage
	getJSON(t, s, "/api/quotes", 200, &all)
	if len(all.Quotes) != 11 || all.Next != "" {
		t.Fatalf("all quotes: got %d (next %q), want the 11 of the fixtures on one page", len(all.Quotes), all.Next)
	}
	var reyes quotesPage
	getJSON(t, s, "/api/quotes?speaker="+url.QueryEscape("Tomas Reyes"), 200, &reyes)
	var dates []string
	for _, q := range reyes.Quotes {
		if q.Speaker == nil || *q.Speaker != "Tomas Reyes" {
			t.Errorf("speaker filter let through %v", q.Speaker)
		}
		dates = append(dates, *q.SaidOn)
	}
	if want := []string{"2024-03-04", "2024-05-20", "2024-06-11"}; !slices.Equal(dates, want) {
		t.Errorf("Reyes's quotes dated %v, want %v in date order", dates, want)
	}
	var period quotesPage
	getJSON(t, s, "/api/quotes?since=2024-05-01&until=2024-05-31&source="+url.QueryEscape("Coastal Ledger"), 200, &period)
	if len(period.Quotes) != 3 {
		t.Errorf("May in Coastal Ledger: %d quotes, want the 3 of harbour-2", len(period.Quotes))
	}
	var about quotesPage
	getJSON(t, s, "/api/quotes?about=crab", 200, &about)
	if len(about.Quotes) != 2 {
		t.Errorf("about=crab: %d quotes, want 2", len(about.Quotes))
	}
	apiError(t, s, "/api/quotes?since=March", 400, "since must be a date")
	apiError(t, s, "/api/quotes?since=2024-06-01&until=2024-05-01", 400, "after until")
	apiError(t, s, "/api/quotes?limit=0", 400, "limit")
	apiError(t, s, "/api/quotes?limit=501", 400, "limit")
}

func TestAPIQuotesCursorPagination(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	var ids []int64
	path := "/api/quotes?limit=4"
	for pages := 0; ; pages++ {
		if pages > 5 {
			t.Fatal("pagination does not end")
		}
		var p quotesPage
		getJSON(t, s, path, 200, &p)
		if len(p.Quotes) > 4 {
			t.Fatalf("page of %d, limit 4", len(p.Quotes))
		}
		for _, q := range p.Quotes {
			ids = append(ids, q.ID)
		}
		if p.Next == "" {
			break
		}
		path = "/api/quotes?limit=4&cursor=" + url.QueryEscape(p.Next)
	}
	var all quotesPage
	getJSON(t, s, "/api/quotes", 200, &all)
	var want []int64
	for _, q := range all.Quotes {
		want = append(want, q.ID)
	}
	if !slices.Equal(ids, want) {
		t.Errorf("pages gave %v, one page gives %v", ids, want)
	}
}

func TestAPISpeakers(t *testing.T) {
	s, c := newTestServer(t, Options{})
	var p speakersPage
	getJSON(t, s, "/api/speakers", 200, &p)
	if len(p.Speakers) != 4 {
		t.Fatalf("%d speakers, want Keller, Reyes, Vogt and Ada", len(p.Speakers))
	}
	for i := 1; i < len(p.Speakers); i++ {
		if p.Speakers[i].Quotes > p.Speakers[i-1].Quotes {
			t.Errorf("speakers not most quoted first: %d after %d", p.Speakers[i].Quotes, p.Speakers[i-1].Quotes)
		}
	}
	getJSON(t, s, "/api/speakers?q=mar", 200, &p)
	if len(p.Speakers) != 1 || p.Speakers[0].Name != "Marta Keller" {
		t.Errorf("q=mar gave %+v", p.Speakers)
	}
	getJSON(t, s, "/api/speakers?limit=2", 200, &p)
	if len(p.Speakers) != 2 || p.Next == "" {
		t.Errorf("limit=2: %d speakers, next %q", len(p.Speakers), p.Next)
	}

	id := c.speakerNamed(t, "Ines Vogt")
	var sp store.Speaker
	getJSON(t, s, "/api/speakers/"+strconv.FormatInt(id, 10), 200, &sp)
	if sp.Name != "Ines Vogt" || sp.Quotes != 2 || len(sp.Roles) != 1 || sp.Roles[0].Role != "harbour board's lawyer" {
		t.Errorf("Vogt: %+v", sp)
	}
	apiError(t, s, "/api/speakers/9999", 404, "not found")
	apiError(t, s, "/api/speakers/abc", 400, "id must be")
}

func TestAPIArticle(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	var a store.Article
	getJSON(t, s, "/api/articles/1", 200, &a)
	if a.Record.ID != "harbour-1" || len(a.Quotes) != 3 || !strings.Contains(a.Record.Text, "northern channel") {
		t.Errorf("article 1: id %q, %d quotes, text %q", a.Record.ID, len(a.Quotes), clipText(a.Record.Text, 40))
	}
	// The record's offsets index the text: the evidence link is exact.
	q := a.Quotes[0]
	if got := string([]rune(a.Record.Text)[q.Start:q.End]); got != q.Text {
		t.Errorf("quote span %d-%d is %q, quote text %q", q.Start, q.End, got, q.Text)
	}
	apiError(t, s, "/api/articles/77", 404, "not found")
	apiError(t, s, "/api/articles/0", 400, "id must be")
}

func TestAPISearch(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	var p hitsPage
	getJSON(t, s, "/api/search?q=crab", 200, &p)
	if len(p.Hits) != 2 {
		t.Fatalf("crab: %d hits, want 2", len(p.Hits))
	}
	for _, h := range p.Hits {
		if h.Kind != "quote" || h.QuoteID == nil || !strings.Contains(h.Snippet, "«crab»") {
			t.Errorf("hit %+v", h)
		}
	}
	getJSON(t, s, "/api/search?q=dredging", 200, &p)
	if !slices.ContainsFunc(p.Hits, func(h store.Hit) bool { return h.Kind == "article" && h.ArticleID == 2 }) {
		t.Errorf("dredging: no article hit for 'Dredging starts despite protest': %+v", p.Hits)
	}
	apiError(t, s, "/api/search", 400, "q is required")
	apiError(t, s, "/api/search?q=crab&limit=x", 400, "limit")
}

func TestAPIFacets(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	var fc store.Facets
	getJSON(t, s, "/api/facets?source="+url.QueryEscape("Coastal Ledger"), 200, &fc)
	if fc.Total != 6 || len(fc.Sources) != 1 || fc.Sources[0].N != 6 {
		t.Errorf("Coastal Ledger facets: %+v", fc)
	}
	if fc.First == nil || *fc.First != "2024-03-04" || fc.Last == nil || *fc.Last != "2024-05-20" {
		t.Errorf("Coastal Ledger dates: %v to %v", fc.First, fc.Last)
	}
	if len(fc.Speakers) != 2 || fc.Speakers[0].Key != "Marta Keller" || fc.Speakers[0].N != 4 || fc.Speakers[0].ID == nil {
		t.Errorf("Coastal Ledger speakers: %+v", fc.Speakers)
	}
	apiError(t, s, "/api/facets?until=2024-13-01", 400, "until must be a date")
}

func TestAPITimeline(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	var tl timelineResult
	getJSON(t, s, "/api/timeline?speaker=Tomas+Reyes&bucket=week", 200, &tl)
	var starts []string
	for _, b := range tl.Buckets {
		starts = append(starts, b.Start)
	}
	// 4 March and 20 May 2024 are Mondays; 11 June is a Tuesday.
	if want := []string{"2024-03-04", "2024-05-20", "2024-06-10"}; !slices.Equal(starts, want) || tl.Bucket != "week" {
		t.Errorf("weeks %v (%s), want %v", starts, tl.Bucket, want)
	}
	getJSON(t, s, "/api/timeline?speaker=Marta+Keller", 200, &tl)
	if tl.Bucket != "month" || len(tl.Buckets) != 2 || tl.Buckets[0].Start != "2024-03-01" || tl.Buckets[0].Count != 2 || len(tl.Buckets[0].QuoteIDs) != 2 {
		t.Errorf("Keller by month: %+v", tl)
	}
	apiError(t, s, "/api/timeline?bucket=day", 400, "bucket must be week or month")
}

func TestAPIOpenAPIDescribesEveryRoute(t *testing.T) {
	s, _ := newTestServer(t, Options{AllowWrite: true})
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	getJSON(t, s, "/api/openapi.json", 200, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	var described, served []string
	for p, ops := range doc.Paths {
		for m := range ops {
			described = append(described, strings.ToUpper(m)+" "+p)
		}
	}
	for _, r := range s.routes {
		if r.api {
			served = append(served, r.method+" "+r.path)
		}
	}
	slices.Sort(described)
	slices.Sort(served)
	if !slices.Equal(described, served) {
		t.Errorf("openapi.json describes\n%v\nthe server serves\n%v", described, served)
	}
}
