// Package server serves a corpus over HTTP: a web UI (search, speakers,
// articles with their evidence, compare, analyse) and a JSON API with the
// same records as the CLI. Templates and assets are embedded, so the binary
// works offline.
package server

import (
	"crypto/subtle"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"chronicle/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options configure a Server. The zero value serves read-only.
type Options struct {
	// AllowWrite turns on speaker corrections and analyse.
	AllowWrite bool
	// Token, when set, must come with every write, as "Authorization: Bearer
	// TOKEN" or a form field "token".
	Token string
	// Editor makes the speaker corrections; nil leaves them off.
	Editor Editor
	// Timeout bounds each request's handler; 0 means 10 s.
	Timeout time.Duration
	// MaxBody bounds request bodies (analyse uploads); 0 means 4 MiB.
	MaxBody int64
	// FacetWait is how long a page waits for facets not yet cached before it
	// goes out without them (they are finished in the background); 0 means
	// 100 ms.
	FacetWait time.Duration
	Logger    *slog.Logger
}

// Server is the HTTP handler over a Corpus.
type Server struct {
	corpus  Corpus
	opt     Options
	pages   map[string]*template.Template
	mux     *http.ServeMux
	routes  []route
	handler http.Handler

	facetCache *facetCache
	facetSlots chan struct{} // background facet computations running
	timelines  *memo[timelineKey, timeline]
	terms      *memo[int64, speakerTerms] // by speaker ID
}

// route is one registered pattern; api routes are described in openapi.json.
type route struct {
	method, path string
	api          bool
}

// New builds the server's routes and templates.
func New(c Corpus, opt Options) (*Server, error) {
	if opt.Timeout == 0 {
		opt.Timeout = 10 * time.Second
	}
	if opt.FacetWait == 0 {
		opt.FacetWait = 100 * time.Millisecond
	}
	if opt.MaxBody == 0 {
		opt.MaxBody = 4 << 20
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	s := &Server{corpus: c, opt: opt, mux: http.NewServeMux(), facetCache: newFacetCache(time.Minute, 256),
		facetSlots: make(chan struct{}, backgroundFacets),
		timelines:  newMemo[timelineKey, timeline](time.Minute, 512),
		terms:      newMemo[int64, speakerTerms](time.Minute, 512)}
	var err error
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	s.register()
	s.handler = s.secure(http.TimeoutHandler(s.mux, opt.Timeout, "request timed out\n"))
	return s, nil
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// writes reports whether write routes are served at all.
func (s *Server) writes() bool { return s.opt.AllowWrite }

func (s *Server) register() {
	static, _ := fs.Sub(staticFS, "static")
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", cacheFor(http.FileServerFS(static))))

	page := func(p string, h http.HandlerFunc) { s.add("GET "+p, false, h) }
	page("/{$}", s.searchPage)
	page("/speakers", s.speakersPage)
	page("/speakers/{id}", s.speakerPage)
	page("/articles/{id}", s.articlePage)
	page("/compare", s.comparePage)
	page("/analyse", s.analyseForm)

	api := func(p string, h http.HandlerFunc) { s.add(p, true, h) }
	api("GET /api/quotes", s.apiQuotes)
	api("GET /api/speakers", s.apiSpeakers)
	api("GET /api/speakers/{id}", s.apiSpeaker)
	api("GET /api/articles/{id}", s.apiArticle)
	api("GET /api/search", s.apiSearch)
	api("GET /api/facets", s.apiFacets)
	api("GET /api/timeline", s.apiTimeline)
	api("GET /api/openapi.json", s.apiOpenAPI)
	if s.writes() {
		s.add("POST /analyse", false, s.guard(s.analysePage))
		api("POST /api/analyse", s.guard(s.apiAnalyse))
		if s.opt.Editor != nil {
			api("POST /api/speakers/{id}/rename", s.guard(s.apiRename))
			api("POST /api/speakers/{id}/aliases", s.guard(s.apiAddAlias))
			api("POST /api/speakers/{id}/merge", s.guard(s.apiMerge))
			api("POST /api/speakers/{id}/split", s.guard(s.apiSplit))
		}
	}
}

func (s *Server) add(pattern string, api bool, h http.HandlerFunc) {
	method, path, _ := strings.Cut(pattern, " ")
	s.routes = append(s.routes, route{method, path, api})
	s.mux.HandleFunc(pattern, h)
}

// guard admits a write only with the token (when one is set), from the
// server's own pages or a non-browser client (no cross-site forms), with a
// bounded body.
func (s *Server) guard(h http.HandlerFunc) http.HandlerFunc {
	cop := http.NewCrossOriginProtection()
	return func(w http.ResponseWriter, r *http.Request) {
		if err := cop.Check(r); err != nil {
			s.fail(w, r, http.StatusForbidden, "cross-origin write refused")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxBody)
		if s.opt.Token != "" && !s.tokenOK(r) {
			s.fail(w, r, http.StatusUnauthorized, "this write needs the server's token")
			return
		}
		h(w, r)
	}
}

func (s *Server) tokenOK(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		got = r.FormValue("token")
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(s.opt.Token)) == 1
}

// secure adds the headers every response carries. The policy allows only the
// server's own scripts and styles, so injected markup could not run anyway.
func (s *Server) secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		start := time.Now()
		h.ServeHTTP(w, r)
		s.opt.Logger.Debug("request", "method", r.Method, "path", r.URL.Path, "took", time.Since(start))
	})
}

func cacheFor(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

// statusOf maps a store error to an HTTP status.
func statusOf(err error) int {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, errBadRequest):
		return http.StatusBadRequest
	}
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return http.StatusRequestEntityTooLarge
	}
	if errors.Is(err, store.ErrBadQuery) {
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

var errBadRequest = errors.New("bad request")

func badRequest(format string, a ...any) error {
	return fmt.Errorf("%w: %s", errBadRequest, fmt.Sprintf(format, a...))
}

// fail answers an error as JSON for API paths and as a page otherwise.
// Internal errors are logged and not shown.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, status, map[string]string{"error": msg})
		return
	}
	w.WriteHeader(status)
	s.render(w, r, "error", errorPage{Status: status, Message: msg})
}

func (s *Server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	msg := err.Error()
	if status == http.StatusInternalServerError {
		s.opt.Logger.Error("request failed", "path", r.URL.Path, "err", err)
		msg = "internal error"
	}
	s.fail(w, r, status, msg)
}
