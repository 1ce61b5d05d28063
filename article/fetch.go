package article

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// UserAgent is sent with every request, so that sites can tell who fetches.
const UserAgent = "chronicle/0.1 (news quotation extractor)"

// Fetcher fetches articles and feeds over HTTP: one request at a time per
// host at most every PerHost, each bounded by Timeout and MaxBytes.
type Fetcher struct {
	Client    *http.Client
	Timeout   time.Duration // per request, including reading the body
	MaxBytes  int64         // larger bodies are reported, not read
	PerHost   time.Duration // least time between two requests to one host
	UserAgent string

	mu   sync.Mutex
	next map[string]time.Time // host -> earliest time of its next request
}

// NewFetcher returns a Fetcher with polite defaults: 30 s per request,
// 16 MiB per body, one request per second per host.
func NewFetcher() *Fetcher {
	return &Fetcher{
		Client:    &http.Client{},
		Timeout:   30 * time.Second,
		MaxBytes:  maxFeedBytes,
		PerHost:   time.Second,
		UserAgent: UserAgent,
	}
}

// readURL fetches one URL and reads the body as the page, feed, JSONL or
// text that its content type (else its first bytes) says it is. A failed
// fetch is a failed item named by the URL.
func (r *Reader) readURL(ctx context.Context, u string, fn func(Item) error) error {
	body, ctype, final, err := r.Fetcher.Get(ctx, u)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fn(Item{Where: u, Err: err})
	}
	base := Article{ID: u, URL: final, Source: hostOf(final)}
	return readAs(ctx, formatOfType(ctype, body), u, bytes.NewReader(body), base, fn)
}

// formatOfType names the reader for a fetched body from its content type,
// falling back to sniffing when the type says little.
func formatOfType(ctype string, body []byte) string {
	mt, _, _ := mime.ParseMediaType(ctype)
	switch {
	case strings.Contains(mt, "rss"), strings.Contains(mt, "atom"), strings.Contains(mt, "rdf"):
		return "feed"
	case mt == "text/html", mt == "application/xhtml+xml":
		if Sniff(head(body)) == "feed" {
			return "feed" // feeds served as text/html exist
		}
		return "html"
	case mt == "text/csv":
		return "csv"
	}
	return Sniff(head(body))
}

func head(b []byte) []byte {
	if len(b) > sniffLen {
		return b[:sniffLen]
	}
	return b
}

// Get fetches u politely and returns its body, content type and final URL
// (after redirects).
func (f *Fetcher) Get(ctx context.Context, u string) (body []byte, ctype, final string, err error) {
	parsed, err := url.Parse(u)
	if err != nil {
		return nil, "", "", fmt.Errorf("bad URL: %w", err)
	}
	if err := f.wait(ctx, parsed.Host); err != nil {
		return nil, "", "", err
	}
	ctx, cancel := context.WithTimeout(ctx, f.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", "", fmt.Errorf("bad URL: %w", err)
	}
	req.Header.Set("User-Agent", f.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8")
	resp, err := f.Client.Do(req)
	if err != nil {
		return nil, "", "", fmt.Errorf("fetch: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", "", fmt.Errorf("fetch: HTTP %s", resp.Status)
	}
	if resp.ContentLength > f.MaxBytes {
		return nil, "", "", fmt.Errorf("fetch: body of %d bytes is larger than %s", resp.ContentLength, byteSize(f.MaxBytes))
	}
	body, err = readAll(bufio.NewReader(resp.Body), f.MaxBytes)
	if err != nil {
		return nil, "", "", fmt.Errorf("fetch: %w", err)
	}
	return body, resp.Header.Get("Content-Type"), resp.Request.URL.String(), nil
}

// wait blocks until host may be asked again, then books the next slot.
func (f *Fetcher) wait(ctx context.Context, host string) error {
	f.mu.Lock()
	if f.next == nil {
		f.next = map[string]time.Time{}
	}
	now := time.Now()
	at := f.next[host]
	if at.Before(now) {
		at = now
	}
	f.next[host] = at.Add(f.PerHost)
	f.mu.Unlock()
	if d := time.Until(at); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}

func hostOf(u string) string {
	if p, err := url.Parse(u); err == nil && p.Host != "" {
		return p.Hostname()
	}
	return u
}
