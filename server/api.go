package server

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"chronicle/store"
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// orEmpty makes a nil slice encode as [] rather than null: an empty page is
// not an unknown one.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

type quotesPage struct {
	Quotes []store.Quote `json:"quotes"`
	Next   string        `json:"next"`
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) {
	f, err := quoteFilter(r.URL.Query())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	qs, next, err := s.corpus.Quotes(r.Context(), f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, quotesPage{orEmpty(qs), next})
}

type speakersPage struct {
	Speakers []store.Speaker `json:"speakers"`
	Next     string          `json:"next"`
}

func (s *Server) apiSpeakers(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, err := limitParam(q)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	sp, next, err := s.corpus.Speakers(r.Context(), store.SpeakerFilter{Query: strings.TrimSpace(q.Get("q")), Top: limit, Cursor: q.Get("cursor")})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, speakersPage{orEmpty(sp), next})
}

// byID looks up the {id} of the path with get; on failure it has answered
// the error and ok is false.
func byID[T any](s *Server, w http.ResponseWriter, r *http.Request, get func(context.Context, int64) (T, error)) (v T, ok bool) {
	id, err := idParam(r)
	if err == nil {
		v, err = get(r.Context(), id)
	}
	if err != nil {
		s.failErr(w, r, err)
		return v, false
	}
	return v, true
}

func (s *Server) apiSpeaker(w http.ResponseWriter, r *http.Request) {
	if sp, ok := byID(s, w, r, s.corpus.Speaker); ok {
		writeJSON(w, http.StatusOK, sp)
	}
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	if a, ok := byID(s, w, r, s.corpus.Article); ok {
		writeJSON(w, http.StatusOK, a)
	}
}

type hitsPage struct {
	Hits []store.Hit `json:"hits"`
	Next string      `json:"next"`
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	query := strings.TrimSpace(q.Get("q"))
	if query == "" {
		s.fail(w, r, http.StatusBadRequest, "q is required")
		return
	}
	limit, err := limitParam(q)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	hits, next, err := s.corpus.Search(r.Context(), query, limit, q.Get("cursor"))
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, hitsPage{orEmpty(hits), next})
}

func (s *Server) apiFacets(w http.ResponseWriter, r *http.Request) {
	f, err := quoteFilter(r.URL.Query())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	f.Limit, f.Cursor = 0, ""
	fc, err := s.facets(r.Context(), f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	fc.Speakers, fc.Sources, fc.Months = orEmpty(fc.Speakers), orEmpty(fc.Sources), orEmpty(fc.Months)
	writeJSON(w, http.StatusOK, fc)
}

type timelineResult struct {
	Bucket  string         `json:"bucket"`
	Buckets []store.Bucket `json:"buckets"`
	Undated int            `json:"undated"`
}

func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := quoteFilter(q)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	f.Limit, f.Cursor = 0, ""
	bucket, err := bucketParam(q)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	bs, undated, err := s.timeline(r.Context(), f, bucket)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, timelineResult{bucket, orEmpty(bs), undated})
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPI)
}

// The speaker corrections. From a form they redirect to the speaker page;
// otherwise they answer JSON.

func (s *Server) apiRename(w http.ResponseWriter, r *http.Request) {
	s.edit(w, r, "name", func(id int64, name string) (int64, error) {
		return id, s.opt.Editor.RenameSpeaker(r.Context(), id, name)
	})
}

func (s *Server) apiAddAlias(w http.ResponseWriter, r *http.Request) {
	s.edit(w, r, "alias", func(id int64, alias string) (int64, error) {
		return id, s.opt.Editor.AddAlias(r.Context(), id, alias)
	})
}

func (s *Server) apiMerge(w http.ResponseWriter, r *http.Request) {
	s.edit(w, r, "from", func(id int64, from string) (int64, error) {
		other, err := strconv.ParseInt(from, 10, 64)
		if err != nil || other < 1 || other == id {
			return 0, badRequest("from must be the ID of another speaker, not %q", from)
		}
		return id, s.opt.Editor.MergeSpeakers(r.Context(), id, other)
	})
}

func (s *Server) apiSplit(w http.ResponseWriter, r *http.Request) {
	s.edit(w, r, "alias", func(id int64, alias string) (int64, error) {
		return s.opt.Editor.SplitSpeaker(r.Context(), id, alias)
	})
}

// edit runs one correction on the speaker in the path with the named field
// of the body, and answers with the speaker it leaves (the new one, for a
// split).
func (s *Server) edit(w http.ResponseWriter, r *http.Request, field string, do func(id int64, v string) (int64, error)) {
	id, err := idParam(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	fields, err := bodyFields(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	v := strings.TrimSpace(fields[field])
	if v == "" {
		s.fail(w, r, http.StatusBadRequest, field+" is required")
		return
	}
	after, err := do(id, v)
	s.resetCaches() // speaker facets, timelines and terms name speakers
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if isForm(r) {
		http.Redirect(w, r, "/speakers/"+strconv.FormatInt(after, 10), http.StatusSeeOther)
		return
	}
	sp, err := s.corpus.Speaker(r.Context(), after)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, sp)
}
