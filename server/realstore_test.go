package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"chronicle/store"
)

// The same endpoints against the real store, ingested from our fixtures:
// the fake corpus above must not hide a mismatch with *store.DB.

func getReal(t *testing.T, base, path string, status int) string {
	t.Helper()
	resp, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		t.Fatalf("GET %s: %d, want %d: %s", path, resp.StatusCode, status, b)
	}
	return string(b)
}

func decodeReal(t *testing.T, base, path string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(getReal(t, base, path, 200)), v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

func TestRealStoreEndpoints(t *testing.T) {
	db := openStore(t, fixtures...)
	base := serveStore(t, db, Options{})

	var sp speakersPage
	decodeReal(t, base, "/api/speakers?q=tomas", &sp)
	if len(sp.Speakers) != 1 || sp.Speakers[0].Name != "Tomas Reyes" || sp.Speakers[0].Quotes != 3 {
		t.Fatalf("speakers?q=tomas: %+v", sp.Speakers)
	}
	reyes := strconv.FormatInt(sp.Speakers[0].ID, 10)

	var qs quotesPage
	decodeReal(t, base, "/api/quotes?speaker="+reyes+"&limit=2", &qs)
	if len(qs.Quotes) != 2 || qs.Next == "" || *qs.Quotes[0].SaidOn != "2024-03-04" {
		t.Fatalf("Reyes's first page: %+v next %q", qs.Quotes, qs.Next)
	}
	var rest quotesPage
	decodeReal(t, base, "/api/quotes?speaker="+reyes+"&limit=2&cursor="+url.QueryEscape(qs.Next), &rest)
	if len(rest.Quotes) != 1 || rest.Next != "" || *rest.Quotes[0].SaidOn != "2024-06-11" {
		t.Fatalf("Reyes's second page: %+v next %q", rest.Quotes, rest.Next)
	}
	q := rest.Quotes[0]

	var a store.Article
	decodeReal(t, base, "/api/articles/"+strconv.FormatInt(q.ArticleID, 10), &a)
	if got := string([]rune(a.Record.Text)[q.Start:q.End]); got != q.Text {
		t.Errorf("stored quote span is %q, quote %q", got, q.Text)
	}
	var hits hitsPage
	decodeReal(t, base, "/api/search?q=crab", &hits)
	if len(hits.Hits) == 0 || !strings.Contains(hits.Hits[0].Snippet, "«crab»") {
		t.Errorf("search crab: %+v", hits.Hits)
	}
	var tl timelineResult
	decodeReal(t, base, "/api/timeline?speaker="+reyes+"&bucket=week", &tl)
	if len(tl.Buckets) != 3 || tl.Buckets[2].Start != "2024-06-10" {
		t.Errorf("Reyes's weeks: %+v", tl.Buckets)
	}
	var fc store.Facets
	decodeReal(t, base, "/api/facets?source=Valley+Post", &fc)
	if fc.Total != 3 {
		t.Errorf("Valley Post facets: %+v", fc)
	}
	getReal(t, base, "/api/speakers/"+reyes, 200)
	getReal(t, base, "/api/speakers/99999", 404)
	getReal(t, base, "/api/articles/99999", 404)

	// The pages, with the evidence link of the quotation above.
	body := getReal(t, base, "/speakers/"+reyes, 200)
	mustContain(t, "Reyes's page (store)", body, "<h1>Tomas Reyes</h1>", `href="`+quoteHref(q.ArticleID, q.ID)+`"`, "<circle")
	body = getReal(t, base, articleHref(q.ArticleID), 200)
	mustContain(t, "article (store)", body, `id="`+quoteAnchor(q.ID)+`"`, `id="rec-`+quoteAnchor(q.ID)+`"`)
	mustContain(t, "search (store)", getReal(t, base, "/?q=crab", 200), "<mark>crab</mark>")
	mustContain(t, "compare (store)", getReal(t, base, "/compare?kind=source&a=Valley+Post&b=Coastal+Ledger", 200), "<h2>Valley Post</h2>", "3 quotations", "6 quotations")
	getReal(t, base, "/speakers", 200)

	var plain store.Facets
	decodeReal(t, base, "/api/facets?about=%22crab", &plain) // an unclosed phrase: the word crab
	if plain.Total != 2 {
		t.Errorf("facets of an unclosed phrase: %d quotations, want the 2 with crab", plain.Total)
	}

	// What a user types is never a server error: a query that is not FTS5
	// syntax is searched as words (the store's choice), a bad cursor is a 400.
	for p, want := range map[string]int{
		"/api/search?q=%22unclosed":   200,
		"/api/quotes?about=AND+OR":    200,
		"/?q=crab+AND":                200,
		"/compare?a=1&b=2&q=crab+AND": 200,
		"/api/facets?about=%22crab":   200,
		"/api/timeline?about=crab+OR": 200,
		"/api/quotes?cursor=garbage":  400,
		"/api/search?q=x&cursor=zzz!": 400,
	} {
		resp, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", p, resp.StatusCode, want)
		}
	}
}

func TestRealStoreEscapesHostileArticle(t *testing.T) {
	db := openStore(t, fixtures...)
	base := serveStore(t, db, Options{})
	var hits hitsPage
	decodeReal(t, base, "/api/search?q=harmless", &hits)
	if len(hits.Hits) == 0 {
		t.Fatal("hostile article not found")
	}
	aid := hits.Hits[0].ArticleID
	for _, p := range []string{articleHref(aid), "/?q=harmless", "/?q=markup", "/speakers", "/compare?kind=source&a=" + url.QueryEscape(hits.Hits[0].Source) + "&b=Valley+Post"} {
		body := getReal(t, base, p, 200)
		for _, bad := range []string{"<script>alert", "<img src=x", "<img onerror", `href="javascript:`} {
			if strings.Contains(body, bad) {
				t.Errorf("GET %s: raw %q", p, bad)
			}
		}
	}
	body := getReal(t, base, articleHref(aid), 200)
	mustContain(t, "hostile article (store)", body, "&lt;script&gt;alert(1)&lt;/script&gt;", `<span class="url">javascript:alert(5)</span>`)
}
