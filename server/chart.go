package server

import (
	"fmt"
	"time"

	"chronicle/store"
)

// Chart is a timeline drawn as SVG by the templates: one column per week or
// month from the first bucket to the last (empty ones included, so gaps show),
// with a dot per quotation that links to it, or a bar per column linking to
// its quotations when there are too many to draw one by one.
type Chart struct {
	Width, Height int
	PlotTop       int
	PlotBottom    int
	Label         string // what the chart shows, for screen readers
	Bars          []Bar
	Dots          []Dot
	Ticks         []Tick
	Max           int
	Undated       int
}

type Bar struct {
	X, Y, W, H float64
	Href       string
	Title      string
}

type Dot struct {
	CX, CY, R float64
	Href      string
	Title     string
}

type Tick struct {
	X     float64
	Label string
}

const (
	chartWidth  = 720
	chartHeight = 200
	plotLeft    = 30
	plotTop     = 10
	plotBottom  = 170
	maxColumns  = 600
	minDotPitch = 7.0 // px per quotation below which dots give way to bars
)

// chartLinks say where a chart's marks lead.
type chartLinks struct {
	quote  func(id int64) string            // a quotation's evidence, "" if unknown
	bucket func(since, until string) string // the quotations of one column
}

// timelineChart lays out buckets between from and to (YYYY-MM-DD starts of
// buckets; empty means the buckets' own range).
func timelineChart(bs []store.Bucket, bucket, from, to string, undated int, label string, links chartLinks) Chart {
	c := Chart{Width: chartWidth, Height: chartHeight, PlotTop: plotTop, PlotBottom: plotBottom, Label: label, Undated: undated}
	if len(bs) == 0 && from == "" {
		return c
	}
	if from == "" || (len(bs) > 0 && bs[0].Start < from) {
		from = bs[0].Start
	}
	if to == "" || (len(bs) > 0 && bs[len(bs)-1].Start > to) {
		to = bs[len(bs)-1].Start
	}
	starts := bucketStarts(from, to, bucket)
	if len(starts) == 0 {
		return c
	}
	counts := map[string]store.Bucket{}
	for _, b := range bs {
		counts[b.Start] = b
		c.Max = max(c.Max, b.Count)
	}
	colW := float64(chartWidth-plotLeft) / float64(len(starts))
	plotH := float64(plotBottom - plotTop)
	dots := c.Max > 0 && plotH/float64(c.Max) >= minDotPitch
	every := max(1, len(starts)/7)
	for i, st := range starts {
		x := plotLeft + float64(i)*colW
		if i%every == 0 {
			c.Ticks = append(c.Ticks, Tick{X: x, Label: tickLabel(st, bucket)})
		}
		b, ok := counts[st]
		if !ok || b.Count == 0 {
			continue
		}
		if dots {
			pitch := min(plotH/float64(c.Max), 12)
			r := max(1.5, min(pitch/2-0.5, colW/2-0.5))
			for k := range b.Count {
				d := Dot{CX: x + colW/2, CY: plotBottom - pitch*(float64(k)+0.5), R: r, Title: fmt.Sprintf("%s: quotation %d of %d", tickLabel(st, bucket), k+1, b.Count)}
				if k < len(b.QuoteIDs) {
					d.Href = links.quote(b.QuoteIDs[k])
				}
				if d.Href == "" {
					d.Href = links.bucket(st, bucketEnd(st, bucket))
				}
				c.Dots = append(c.Dots, d)
			}
			continue
		}
		h := plotH * float64(b.Count) / float64(c.Max)
		c.Bars = append(c.Bars, Bar{
			X: x + colW*0.1, W: max(colW*0.8, 1), Y: plotBottom - h, H: h,
			Href: links.bucket(st, bucketEnd(st, bucket)), Title: fmt.Sprintf("%s: %d quotations", tickLabel(st, bucket), b.Count),
		})
	}
	return c
}

// bucketStarts lists the starts of every bucket from from to to, at most
// maxColumns of them.
func bucketStarts(from, to, bucket string) []string {
	a, err1 := time.Parse(time.DateOnly, from)
	b, err2 := time.Parse(time.DateOnly, to)
	if err1 != nil || err2 != nil || b.Before(a) {
		return nil
	}
	var out []string
	for t := a; !t.After(b) && len(out) < maxColumns; t = next(t, bucket) {
		out = append(out, t.Format(time.DateOnly))
	}
	return out
}

func next(t time.Time, bucket string) time.Time {
	if bucket == "week" {
		return t.AddDate(0, 0, 7)
	}
	return t.AddDate(0, 1, 0)
}

// bucketEnd is the last day of the bucket that starts on start.
func bucketEnd(start, bucket string) string {
	t, err := time.Parse(time.DateOnly, start)
	if err != nil {
		return start
	}
	return next(t, bucket).AddDate(0, 0, -1).Format(time.DateOnly)
}

// bucketOf is the start of the bucket that holds a date: its week's Monday
// or its month's first day.
func bucketOf(date, bucket string) string {
	if len(date) < 10 {
		return ""
	}
	t, err := time.Parse(time.DateOnly, date[:10])
	if err != nil {
		return ""
	}
	if bucket == "week" {
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)).Format(time.DateOnly)
	}
	return t.Format("2006-01") + "-01"
}

func tickLabel(start, bucket string) string {
	if bucket == "week" || len(start) < 7 {
		return start
	}
	return start[:7]
}
