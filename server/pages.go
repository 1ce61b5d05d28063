package server

import (
	"bytes"
	"cmp"
	"context"
	"html/template"
	"io/fs"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	"chronicle/store"
)

// page is what every template gets: the page's own data and the layout's.
type page struct {
	Title     string
	Nav       string // which menu entry is current
	Writes    bool
	NeedToken bool
	Data      any
}

type errorPage struct {
	Status  int
	Message string
}

func parsePages() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"deref": func(s *string) string {
			if s == nil {
				return ""
			}
			return *s
		},
		"safeLink":    safeLink,
		"speakerHref": speakerHref,
		"dateOnly": func(s *string) string {
			if s == nil {
				return ""
			}
			return dateOnly(*s)
		},
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if name == "layout" || strings.HasPrefix(name, "_") {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/_*.html", n)
		if err != nil {
			return nil, err
		}
		pages[name] = t
	}
	return pages, nil
}

// render runs a page template into a buffer first, so a template error
// gives a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, data any) {
	t, ok := s.pages[name]
	if !ok {
		http.Error(w, "no such page template", http.StatusInternalServerError)
		return
	}
	p, ok := data.(page)
	if !ok {
		p = page{Data: data}
		if e, isErr := data.(errorPage); isErr {
			p.Title = http.StatusText(e.Status)
		}
	}
	p.Writes = s.writes()
	p.NeedToken = s.opt.Token != ""
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		s.opt.Logger.Error("template failed", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

// hitRow is one search result.
type hitRow struct {
	H           store.Hit
	Href        string
	SpeakerHref string
	Parts       []Part
}

type facetLink struct {
	Label    string
	N        int
	Href     string
	Selected bool
}

type searchView struct {
	Query, Speaker, Source, Since, Until string
	Faceted                              bool
	Hits                                 []hitRow
	Quotes                               []quoteRow
	Next                                 string
	Facets                               store.Facets
	Speakers, Sources                    []facetLink
	Months                               Chart
	Clear                                string
	Counting                             bool // the facets were not ready in time
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := quoteFilter(q)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	v := searchView{Query: strings.TrimSpace(q.Get("q")), Speaker: f.Speaker, Source: f.Source, Since: f.Since, Until: f.Until}
	f.About = v.Query
	v.Faceted = f.Speaker != "" || f.Source != "" || f.Since != "" || f.Until != ""
	ctx := r.Context()
	// The facets are counted beside the page's own query, so that the page
	// waits at most FacetWait from its start for them, not after its query.
	ff := f
	ff.Limit, ff.Cursor = 0, ""
	type counted struct {
		fc    store.Facets
		ready bool
		err   error
	}
	facets := make(chan counted, 1)
	go func() {
		fc, ready, err := s.facetsWithin(ctx, ff)
		facets <- counted{fc, ready, err}
	}()
	if v.Query != "" && !v.Faceted {
		hits, next, err := s.corpus.Search(ctx, v.Query, f.Limit, f.Cursor)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		for _, h := range hits {
			row := hitRow{H: h, Href: articleHref(h.ArticleID), Parts: snippetParts(h.Snippet)}
			if h.QuoteID != nil {
				row.Href = quoteHref(h.ArticleID, *h.QuoteID)
			}
			v.Hits = append(v.Hits, row)
		}
		v.Next = nextHref("/", q, next)
	} else {
		qs, next, err := s.corpus.Quotes(ctx, f)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		v.Quotes = quoteRows(qs, v.Query)
		v.Next = nextHref("/", q, next)
	}
	c := <-facets
	if c.err != nil {
		s.failErr(w, r, c.err)
		return
	}
	v.Facets, v.Counting = c.fc, !c.ready
	for _, c := range v.Facets.Speakers {
		key := c.Key
		if c.ID != nil {
			key = strconv.FormatInt(*c.ID, 10)
		}
		v.Speakers = append(v.Speakers, facetLink{c.Key, c.N, with("/", q, "speaker", key), f.Speaker == key || f.Speaker == c.Key})
	}
	for _, c := range v.Facets.Sources {
		v.Sources = append(v.Sources, facetLink{c.Key, c.N, with("/", q, "source", c.Key), f.Source == c.Key})
	}
	var months []store.Bucket
	for _, m := range v.Facets.Months {
		months = append(months, store.Bucket{Start: m.Key + "-01", Count: m.N})
	}
	v.Months = timelineChart(months, "month", "", "", 0, "quotations per month", chartLinks{
		quote:  func(int64) string { return "" },
		bucket: func(since, until string) string { return with("/", q, "since", since, "until", until) },
	})
	v.Clear = with("/", q, "speaker", "", "source", "", "since", "", "until", "")
	title := "Search"
	if v.Query != "" {
		title = v.Query + " · Search"
	}
	s.render(w, r, "search", page{Title: title, Nav: "search", Data: v})
}

type speakersView struct {
	Query    string
	Speakers []store.Speaker
	Next     string
}

func (s *Server) speakersPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, err := limitParam(q)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	v := speakersView{Query: strings.TrimSpace(q.Get("q"))}
	sp, next, err := s.corpus.Speakers(r.Context(), store.SpeakerFilter{Query: v.Query, Top: limit, Cursor: q.Get("cursor")})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	v.Speakers, v.Next = sp, nextHref("/speakers", q, next)
	s.render(w, r, "speakers", page{Title: "Speakers", Nav: "speakers", Data: v})
}

// termSample bounds how many quotations feed a speaker's top terms and the
// links of their timeline dots.
const termSample = 300

// speakerTerms are what a speaker talks about most, from their latest
// termSample quotations, and the articles of those quotations (the links
// of their timeline dots).
type speakerTerms struct {
	terms     []Term
	articleOf map[int64]int64
}

func (s *Server) speakerTerms(ctx context.Context, id int64) (speakerTerms, error) {
	return s.terms.get(ctx, id, func(ctx context.Context) (speakerTerms, error) {
		sample, _, err := s.corpus.Quotes(ctx, store.QuoteFilter{Speaker: strconv.FormatInt(id, 10), Limit: termSample})
		if err != nil {
			return speakerTerms{}, err
		}
		st := speakerTerms{articleOf: make(map[int64]int64, len(sample))}
		texts := make([]string, len(sample))
		for i, sq := range sample {
			st.articleOf[sq.ID] = sq.ArticleID
			texts[i] = sq.Text
		}
		st.terms = topTerms(texts, 15)
		return st, nil
	})
}

type speakerView struct {
	Sp           store.Speaker
	Bucket       string
	Other        string // the href of the other bucket size
	Chart        Chart
	Quotes       []quoteRow
	Next         string
	Terms        []Term
	Since, Until string
	All          string // the list without a date range
	TermHref     map[string]string
}

func (s *Server) speakerPage(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	q := r.URL.Query()
	bucket, err := bucketParam(q)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	f, err := quoteFilter(q)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	ctx := r.Context()
	sp, err := s.corpus.Speaker(ctx, id)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	sp.Aliases = slices.DeleteFunc(slices.Clone(sp.Aliases), func(a string) bool { return a == sp.Name })
	idStr := strconv.FormatInt(id, 10)
	path := "/speakers/" + idStr
	v := speakerView{Sp: sp, Bucket: bucket, Since: f.Since, Until: f.Until, TermHref: map[string]string{}}
	v.Other = with(path, q, "bucket", map[string]string{"month": "week", "week": "month"}[bucket])
	v.All = with(path, q, "since", "", "until", "")

	f.Speaker = idStr
	// The page's quotations and its two summaries of the speaker at once:
	// on a large corpus each takes tens of milliseconds for a much quoted
	// speaker.
	var (
		wg      sync.WaitGroup
		qs      []store.Quote
		next    string
		st      speakerTerms
		bs      []store.Bucket
		undated int
		errs    [3]error
	)
	wg.Go(func() { qs, next, errs[0] = s.corpus.Quotes(ctx, f) })
	wg.Go(func() { st, errs[1] = s.speakerTerms(ctx, id) })
	wg.Go(func() { bs, undated, errs[2] = s.timeline(ctx, store.QuoteFilter{Speaker: idStr}, bucket) })
	wg.Wait()
	if err := cmp.Or(errs[0], errs[1], errs[2]); err != nil {
		s.failErr(w, r, err)
		return
	}
	v.Quotes, v.Next = quoteRows(qs, ""), nextHref(path, q, next)
	v.Terms = st.terms
	for _, t := range v.Terms {
		v.TermHref[t.Word] = with("/", nil, "q", t.Word, "speaker", idStr)
	}
	articleOf := st.articleOf
	v.Chart = timelineChart(bs, bucket, "", "", undated, "quotations of "+sp.Name+" per "+bucket, chartLinks{
		quote: func(qid int64) string {
			if aid, ok := articleOf[qid]; ok {
				return quoteHref(aid, qid)
			}
			return ""
		},
		bucket: func(since, until string) string { return with(path, q, "since", since, "until", until) + "#quotes" },
	})
	s.render(w, r, "speaker", page{Title: sp.Name, Nav: "speakers", Data: v})
}

type articleView struct {
	A        store.Article
	Segments []Segment
	Quotes   []quoteRow
	Link     string // the article's URL when it is safe to link
	Analysed bool
	Row      int // of an analysed upload of Rows articles, when there are several
	Rows     int
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	if a, ok := byID(s, w, r, s.corpus.Article); ok {
		s.renderArticle(w, r, a, nil)
	}
}

// renderArticle shows a stored article, or (with an) an analysed one.
func (s *Server) renderArticle(w http.ResponseWriter, r *http.Request, a store.Article, an *analysed) {
	articleQuotes(&a)
	v := articleView{A: a, Segments: segments(a.Record.Text, evidenceMarks(a)), Link: safeLink(a.Record.URL), Analysed: an != nil}
	if an != nil && an.total > 1 {
		v.Row, v.Rows = an.row, an.total
	}
	analysed := an != nil
	v.Quotes = quoteRows(a.Quotes, "")
	title := a.Record.Title
	if title == "" {
		title = a.Record.ID
	}
	nav := ""
	if analysed {
		nav = "analyse"
	}
	s.render(w, r, "article", page{Title: title, Nav: nav, Data: v})
}
