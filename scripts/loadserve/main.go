// Command loadserve is a bounded load test of chronicle serve: it serves a
// database on a loopback port in-process, sends a fixed number of requests
// (pages and API, over speakers, articles and search terms taken from the
// database) from a few concurrent clients, and reports requests per second
// and latency percentiles, overall and per route. Any error or non-200
// answer makes it exit 1.
//
//	go run ./scripts/loadserve --db corpus.db --requests 5000 --clients 8
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"
	"time"

	"chronicle/server"
	"chronicle/store"
)

func main() {
	dbPath := flag.String("db", "chronicle.db", "database to serve (ingest it first with chronicle ingest)")
	requests := flag.Int("requests", 5000, "requests to send in all")
	clients := flag.Int("clients", 8, "concurrent clients")
	limit := flag.Duration("max-time", 2*time.Minute, "stop sending after this long")
	facetWait := flag.Duration("facet-wait", 0, "how long pages wait for facets not yet cached (0: the server's default)")
	flag.Parse()
	if err := run(*dbPath, *requests, *clients, *limit, *facetWait); err != nil {
		fmt.Fprintln(os.Stderr, "loadserve:", err)
		os.Exit(1)
	}
}

type result struct {
	route string
	took  time.Duration
	err   error
}

func run(dbPath string, requests, clients int, limit, facetWait time.Duration) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, err := os.Stat(dbPath); err != nil {
		return fmt.Errorf("database %s: %w", dbPath, err)
	}
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	s, err := server.New(db, server.Options{FacetWait: facetWait})
	if err != nil {
		return err
	}
	// As chronicle serve does, compute the corpus-wide facets before serving.
	if err := s.Warm(ctx); err != nil {
		return err
	}
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- server.Listen(ctx, "127.0.0.1:0", s, func(a net.Addr) { addr <- a }) }()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a.String()
	case err := <-done:
		return err
	}

	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	targets, err := plan(client, base)
	if err != nil {
		return err
	}
	var quotes int
	if fc, err := db.Facets(ctx, store.QuoteFilter{}); err == nil {
		quotes = fc.Total
	}

	jobs := make(chan [2]string)
	results := make(chan result, clients)
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			for j := range jobs {
				start := time.Now()
				err := fetch(client, base+j[1])
				results <- result{j[0], time.Since(start), err}
			}
		})
	}
	start := time.Now()
	go func() {
		defer close(jobs)
		for i := 0; i < requests && time.Since(start) < limit; i++ {
			jobs <- targets[i%len(targets)]
		}
	}()
	go func() { wg.Wait(); close(results) }()

	byRoute := map[string][]time.Duration{}
	var all []time.Duration
	var errs []error
	for r := range results {
		if r.err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", r.route, r.err))
			continue
		}
		all = append(all, r.took)
		byRoute[r.route] = append(byRoute[r.route], r.took)
	}
	elapsed := time.Since(start)
	cancel()
	<-done

	fmt.Printf("corpus: %s (%d quotations)\n", dbPath, quotes)
	fmt.Printf("machine: %s/%s, %d CPUs (GOMAXPROCS %d), %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version())
	fmt.Printf("%d requests from %d clients in %.2fs: %.0f requests/s, %d errors\n", len(all)+len(errs), clients, elapsed.Seconds(), float64(len(all)+len(errs))/elapsed.Seconds(), len(errs))
	fmt.Printf("latency: p50 %s  p95 %s  p99 %s  max %s\n", pct(all, 50), pct(all, 95), pct(all, 99), pct(all, 100))
	routes := make([]string, 0, len(byRoute))
	for r := range byRoute {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		fmt.Printf("  %-22s n=%-5d p50 %-10s p95 %-10s max %s\n", r, len(byRoute[r]), pct(byRoute[r], 50), pct(byRoute[r], 95), pct(byRoute[r], 100))
	}
	for i, e := range errs {
		if i == 10 {
			break
		}
		fmt.Fprintln(os.Stderr, "error:", e)
	}
	if len(errs) > 0 {
		return fmt.Errorf("%d of %d requests failed", len(errs), len(all)+len(errs))
	}
	return nil
}

func fetch(c *http.Client, u string) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return nil
}

func getJSON(c *http.Client, u string, v any) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// plan lists the requests to cycle through: every page and API read, over
// the most quoted speakers, articles that have quotations, and words from
// their quotations as search terms.
func plan(c *http.Client, base string) ([][2]string, error) {
	var sp struct {
		Speakers []store.Speaker `json:"speakers"`
	}
	if err := getJSON(c, base+"/api/speakers?limit=40", &sp); err != nil {
		return nil, err
	}
	var qs struct {
		Quotes []store.Quote `json:"quotes"`
	}
	if err := getJSON(c, base+"/api/quotes?limit=200", &qs); err != nil {
		return nil, err
	}
	if len(sp.Speakers) < 2 || len(qs.Quotes) == 0 {
		return nil, fmt.Errorf("the database has too little in it (%d speakers, %d quotations)", len(sp.Speakers), len(qs.Quotes))
	}
	var terms []string
	var arts []int64
	for _, q := range qs.Quotes {
		if !slices.Contains(arts, q.ArticleID) {
			arts = append(arts, q.ArticleID)
		}
		for _, w := range words(q.Text) {
			if len(w) >= 6 && !slices.Contains(terms, w) && len(terms) < 40 {
				terms = append(terms, w)
			}
		}
	}
	var out [][2]string
	add := func(route, path string) { out = append(out, [2]string{route, path}) }
	for i := range 40 {
		s := sp.Speakers[i%len(sp.Speakers)]
		s2 := sp.Speakers[(i+1)%len(sp.Speakers)]
		id := strconv.FormatInt(s.ID, 10)
		t := url.QueryEscape(terms[i%len(terms)])
		a := strconv.FormatInt(arts[i%len(arts)], 10)
		add("page /", "/")
		add("page /?q=", "/?q="+t)
		add("page /?q=&speaker=", "/?q="+t+"&speaker="+id)
		add("page /speakers", "/speakers")
		add("page /speakers/{id}", "/speakers/"+id)
		add("page /articles/{id}", "/articles/"+a)
		add("page /compare", "/compare?a="+id+"&b="+strconv.FormatInt(s2.ID, 10))
		add("api quotes", "/api/quotes?limit=50")
		add("api quotes?speaker", "/api/quotes?speaker="+id)
		add("api quotes?about", "/api/quotes?about="+t)
		add("api search", "/api/search?q="+t)
		add("api speakers", "/api/speakers")
		add("api speakers/{id}", "/api/speakers/"+id)
		add("api articles/{id}", "/api/articles/"+a)
		add("api timeline", "/api/timeline?speaker="+id+"&bucket=week")
		add("api facets", "/api/facets?speaker="+id)
	}
	return out, nil
}

func words(s string) []string {
	var out []string
	cur := []rune{}
	for _, r := range s + " " {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			cur = append(cur, r|0x20)
			continue
		}
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	return out
}

func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[max(0, min(len(s)-1, i-1))].Round(10 * time.Microsecond)
}
