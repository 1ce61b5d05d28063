package server

import (
	"net/http"
	"strings"

	"chronicle/store"
)

// compareSide is one column of the compare page.
type compareSide struct {
	Label  string
	Facets store.Facets
	Chart  Chart
	Quotes []quoteRow
	More   string // the search page with this side's filter
	// Counting is set when the totals were not ready in time.
	Counting bool
}

type compareView struct {
	Kind, A, B, Query, Since, Until string
	Sides                           []compareSide
}

// comparePage puts two speakers, or two outlets, side by side on the same
// query and period, their timelines on the same axis.
func (s *Server) comparePage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	base, err := quoteFilter(q)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	v := compareView{Kind: q.Get("kind"), A: strings.TrimSpace(q.Get("a")), B: strings.TrimSpace(q.Get("b")),
		Query: strings.TrimSpace(q.Get("q")), Since: base.Since, Until: base.Until}
	if v.Kind != "source" {
		v.Kind = "speaker"
	}
	if v.A == "" || v.B == "" {
		s.render(w, r, "compare", page{Title: "Compare", Nav: "compare", Data: v})
		return
	}
	ctx := r.Context()
	type column struct {
		f       store.QuoteFilter
		buckets []store.Bucket
		undated int
	}
	var cols []column
	from, to := "", ""
	for _, who := range []string{v.A, v.B} {
		f := store.QuoteFilter{About: v.Query, Since: base.Since, Until: base.Until, Limit: 20}
		if v.Kind == "source" {
			f.Source = who
		} else {
			f.Speaker = who
		}
		tf := f
		tf.Limit = 0
		bs, undated, err := s.timeline(ctx, tf, "month")
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		if len(bs) > 0 {
			if from == "" || bs[0].Start < from {
				from = bs[0].Start
			}
			if last := bs[len(bs)-1].Start; last > to {
				to = last
			}
		}
		cols = append(cols, column{f, bs, undated})
	}
	for i, c := range cols {
		side := compareSide{Label: []string{v.A, v.B}[i]}
		qs, _, err := s.corpus.Quotes(ctx, c.f)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		side.Quotes = quoteRows(qs, v.Query)
		ff := c.f
		ff.Limit = 0
		var ready bool
		if side.Facets, ready, err = s.facetsWithin(ctx, ff); err != nil {
			s.failErr(w, r, err)
			return
		}
		side.Counting = !ready
		articleOf := map[int64]int64{}
		for _, q := range qs {
			articleOf[q.ID] = q.ArticleID
		}
		more := with("/", nil, "q", v.Query, v.Kind, side.Label, "since", v.Since, "until", v.Until)
		side.More = more
		side.Chart = timelineChart(c.buckets, "month", from, to, c.undated, "quotations per month: "+side.Label, chartLinks{
			quote: func(id int64) string {
				if aid, ok := articleOf[id]; ok {
					return quoteHref(aid, id)
				}
				return ""
			},
			bucket: func(since, until string) string {
				return with("/", nil, "q", v.Query, v.Kind, side.Label, "since", since, "until", until)
			},
		})
		v.Sides = append(v.Sides, side)
	}
	s.render(w, r, "compare", page{Title: v.A + " / " + v.B + " · Compare", Nav: "compare", Data: v})
}
