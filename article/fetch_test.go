package article

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// newTestSite serves our fixtures and a few failure modes on the loopback
// interface, and records the User-Agent of each request.
func newTestSite(t *testing.T) (srv *httptest.Server, userAgents func() []string) {
	t.Helper()
	page := readFixture(t, "testdata/harbour.html")
	feed := readFixture(t, "testdata/feed.atom")
	var mu sync.Mutex
	var agents []string
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		w.Write([]byte(feed))
	})
	mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write([]byte(`{"id":"u1","text":"A line served without a useful type."}` + "\n"))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select { // outlasts the client's timeout, but ends with the request
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>" + strings.Repeat("big ", 1000) + "</p></body></html>"))
	})
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.UserAgent())
		mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), agents...)
	}
}

func testFetcher() *Fetcher {
	f := NewFetcher()
	f.Timeout = 300 * time.Millisecond
	f.PerHost = 0
	f.MaxBytes = 2000
	return f
}

func TestReadURLs(t *testing.T) {
	srv, agents := newTestSite(t)
	// A port that was listening a moment ago and is closed now.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/gone"
	l.Close()

	r := &Reader{Fetcher: testFetcher()}
	r.Fetcher.MaxBytes = 1 << 20
	arts, fails := collect(t, r, srv.URL+"/page", srv.URL+"/feed", srv.URL+"/untyped",
		srv.URL+"/missing", srv.URL+"/slow", closed)
	var got []string
	for _, a := range arts {
		got = append(got, a.ID+" "+a.Format+" "+a.Source)
	}
	want := []string{
		srv.URL + "/page html The Coastal Ledger",
		"urn:uuid:crane-2023 feed Harbour Notes",
		"urn:uuid:pay-2023 feed Harbour Notes",
		"u1 jsonl " + srv.URL + "/untyped",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("articles\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	checkFails(t, fails, []string{
		srv.URL + "/missing: fetch: HTTP 404 Not Found",
		srv.URL + "/slow: fetch: ",
		closed + ": fetch: ",
	})
	if len(fails) == 3 {
		if !strings.Contains(fails[1], "deadline exceeded") {
			t.Errorf("timeout failure %q does not say so", fails[1])
		}
		if !strings.Contains(fails[2], "refused") {
			t.Errorf("unreachable failure %q does not say so", fails[2])
		}
	}
	if len(arts) > 0 && !strings.Contains(arts[0].Text, "The port authority of Vessby") {
		t.Errorf("fetched page text = %q", arts[0].Text)
	}
	for _, ua := range agents() {
		if ua != UserAgent {
			t.Errorf("request sent User-Agent %q, want %q", ua, UserAgent)
		}
	}
}

func TestFetchOversized(t *testing.T) {
	srv, _ := newTestSite(t)
	r := &Reader{Fetcher: testFetcher()} // MaxBytes 2000; /huge sends about 4 KB
	_, fails := collect(t, r, srv.URL+"/huge")
	checkFails(t, fails, []string{srv.URL + "/huge: fetch: "})
	if len(fails) == 1 && !strings.Contains(fails[0], "larger than 2000 bytes") {
		t.Errorf("failure %q does not say the body is too large", fails[0])
	}
}

func TestFetchRatePerHost(t *testing.T) {
	srv, agents := newTestSite(t)
	f := testFetcher()
	f.PerHost = 150 * time.Millisecond
	start := time.Now()
	for range 3 {
		if _, _, _, err := f.Get(context.Background(), srv.URL+"/untyped"); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(agents()); n != 3 {
		t.Fatalf("server saw %d requests, want 3", n)
	}
	// Three requests to one host need at least two intervals between them.
	if d := time.Since(start); d < 2*f.PerHost {
		t.Errorf("3 requests took %v, want at least %v", d, 2*f.PerHost)
	}
}

func TestFetchWaitHonoursContext(t *testing.T) {
	f := testFetcher()
	f.PerHost = time.Hour
	ctx, cancel := context.WithCancel(context.Background())
	if err := f.wait(ctx, "example.test"); err != nil {
		t.Fatal(err) // the first request goes at once
	}
	cancel()
	if err := f.wait(ctx, "example.test"); err == nil {
		t.Error("second wait returned without error after cancel; want ctx error")
	}
}

func TestFormatOfType(t *testing.T) {
	tests := []struct{ ctype, body, want string }{
		{"text/html; charset=utf-8", "<html>", "html"},
		{"application/rss+xml", "<rss>", "feed"},
		{"application/atom+xml", "<feed>", "feed"},
		{"text/html", "<?xml version='1.0'?><rss version='2.0'>", "feed"},
		{"text/xml", "<rss version='2.0'>", "feed"},
		{"text/csv", "id,text", "csv"},
		{"text/plain", "Headline\n\nbody", "txt"},
		{"", `{"text":"x"}`, "jsonl"},
	}
	for _, tt := range tests {
		if got := formatOfType(tt.ctype, []byte(tt.body)); got != tt.want {
			t.Errorf("formatOfType(%q, %q) = %q, want %q", tt.ctype, tt.body, got, tt.want)
		}
	}
}
