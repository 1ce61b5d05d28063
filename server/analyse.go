package server

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"

	"chronicle/article"
	"chronicle/extract"
	"chronicle/store"
)

// analyse reads one article from raw bytes (sniffed like stdin: a JSON line,
// HTML, a feed or plain text) and extracts its record in memory. Nothing is
// stored. Fields in meta that are set override what the input says.
func analyse(ctx context.Context, raw []byte, meta article.Article) (extract.Record, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return extract.Record{}, badRequest("the article is empty")
	}
	rd := article.Reader{Stdin: bytes.NewReader(raw)}
	var a article.Article
	var found bool
	err := rd.Walk(ctx, []string{"-"}, func(it article.Item) error {
		if found {
			return nil
		}
		found = true
		if it.Err != nil {
			return badRequest("%v", it.Err)
		}
		a = it.Article
		return nil
	})
	if err != nil {
		return extract.Record{}, err
	}
	if !found {
		return extract.Record{}, badRequest("no article in the input")
	}
	a.ID = "analysed"
	if meta.Title != "" {
		a.Title = meta.Title
	}
	if meta.Source != "" {
		a.Source = meta.Source
	} else if a.Source == "-" || a.Source == "" {
		a.Source = "pasted"
	}
	if meta.URL != "" {
		a.URL = meta.URL
	}
	if meta.Published != "" {
		d, ok := article.NormalizeDate(meta.Published)
		if !ok {
			return extract.Record{}, badRequest("published %q is not a date", meta.Published)
		}
		a.Published, a.PublishedFrom = d, "input"
	}
	return extract.Article(a, extract.Options{WithText: true}), nil
}

// analyseForm shows the form for one article, or says how to turn it on.
func (s *Server) analyseForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, "analyse", page{Title: "Analyse", Nav: "analyse"})
}

// analysePage takes a pasted text or an uploaded file from the form and
// shows it as the article page does.
func (s *Server) analysePage(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(s.opt.MaxBody); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		s.failErr(w, r, badRequest("cannot read the form: %v", err))
		return
	}
	raw := []byte(r.FormValue("text"))
	if f, _, err := r.FormFile("file"); err == nil {
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		if len(bytes.TrimSpace(b)) > 0 {
			raw = b
		}
	}
	rec, err := analyse(r.Context(), raw, metaOf(r.FormValue))
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.renderArticle(w, r, store.Article{Record: rec, ExtractVersion: rec.Version}, true)
}

// apiAnalyse takes the article as the request body and answers its record.
func (s *Server) apiAnalyse(w http.ResponseWriter, r *http.Request) {
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	rec, err := analyse(r.Context(), raw, metaOf(r.URL.Query().Get))
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rec)
}

func metaOf(get func(string) string) article.Article {
	return article.Article{
		Title: strings.TrimSpace(get("title")), Source: strings.TrimSpace(get("source")),
		URL: strings.TrimSpace(get("url")), Published: strings.TrimSpace(get("published")),
	}
}
