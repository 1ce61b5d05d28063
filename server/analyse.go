package server

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"chronicle/article"
	"chronicle/extract"
	"chronicle/store"
)

// upload is what the analyse form or API was given: raw bytes, the name of
// the uploaded file ("" for pasted text, which is sniffed like stdin) and
// which of its articles to analyse (1-based; 0 means the first).
type upload struct {
	raw  []byte
	name string
	row  int
}

// analysed is one article of an upload, extracted in memory, and how many
// articles the upload holds (a CSV or JSONL file holds many).
type analysed struct {
	rec        extract.Record
	row, total int
}

// analyse reads one article of an upload and extracts its record in memory.
// Nothing is stored. Fields in meta that are set override what the input
// says.
func analyse(ctx context.Context, up upload, meta article.Article) (analysed, error) {
	if len(bytes.TrimSpace(up.raw)) == 0 {
		return analysed{}, badRequest("the article is empty")
	}
	row := max(up.row, 1)
	name := up.name
	if name == "" {
		name = "-"
	}
	var rd article.Reader
	var a article.Article
	total := 0
	err := rd.ReadNamed(ctx, name, bytes.NewReader(up.raw), func(it article.Item) error {
		total++
		if total != row {
			return nil
		}
		if err := it.Err; err != nil {
			return badRequest("%v", err)
		}
		var err error
		if a, err = it.Load(); err != nil {
			return badRequest("%v", err)
		}
		return nil
	})
	if err != nil {
		return analysed{}, err
	}
	switch {
	case total == 0:
		return analysed{}, badRequest("no article in the input")
	case row > total:
		return analysed{}, badRequest("row %d asked for, but the input holds %d articles", row, total)
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
			return analysed{}, badRequest("published %q is not a date", meta.Published)
		}
		a.Published, a.PublishedFrom = d, "input"
	}
	return analysed{extract.Article(a, extract.Options{WithText: true}), row, total}, nil
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
	up := upload{raw: []byte(r.FormValue("text"))}
	if f, h, err := r.FormFile("file"); err == nil {
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		if len(bytes.TrimSpace(b)) > 0 {
			up.raw, up.name = b, h.Filename
		}
	}
	var err error
	if up.row, err = rowParam(r.FormValue("row")); err != nil {
		s.failErr(w, r, err)
		return
	}
	an, err := analyse(r.Context(), up, metaOf(r.FormValue))
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.renderArticle(w, r, store.Article{Record: an.rec, ExtractVersion: an.rec.Version}, &an)
}

// apiAnalyse takes the article as the request body and answers its record.
func (s *Server) apiAnalyse(w http.ResponseWriter, r *http.Request) {
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	q := r.URL.Query()
	row, err := rowParam(q.Get("row"))
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	an, err := analyse(r.Context(), upload{raw: raw, name: q.Get("name"), row: row}, metaOf(q.Get))
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, an.rec)
}

// rowParam reads which article of an upload to analyse: 1-based, "" for
// the first.
func rowParam(s string) (int, error) {
	if s = strings.TrimSpace(s); s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, badRequest("row must be a number from 1, not %q", s)
	}
	return n, nil
}

func metaOf(get func(string) string) article.Article {
	return article.Article{
		Title: strings.TrimSpace(get("title")), Source: strings.TrimSpace(get("source")),
		URL: strings.TrimSpace(get("url")), Published: strings.TrimSpace(get("published")),
	}
}
