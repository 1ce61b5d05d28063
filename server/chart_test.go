package server

import (
	"slices"
	"strconv"
	"testing"

	"chronicle/store"
)

func TestBucketOf(t *testing.T) {
	for _, c := range []struct{ date, bucket, want string }{
		{"2024-06-11", "week", "2024-06-10"}, // a Tuesday
		{"2024-06-10", "week", "2024-06-10"}, // a Monday
		{"2024-06-16", "week", "2024-06-10"}, // a Sunday
		{"2025-01-01", "week", "2024-12-30"}, // across the year
		{"2024-06-11", "month", "2024-06-01"},
		{"2024-06-11T10:00:00+04:00", "month", "2024-06-01"},
		{"2024", "month", ""},
	} {
		if got := bucketOf(c.date, c.bucket); got != c.want {
			t.Errorf("bucketOf(%s, %s) = %q, want %q", c.date, c.bucket, got, c.want)
		}
	}
	if got := bucketEnd("2024-02-01", "month"); got != "2024-02-29" {
		t.Errorf("end of February 2024: %s", got)
	}
}

func TestTimelineChartDotsAndGaps(t *testing.T) {
	bs := []store.Bucket{
		{Start: "2024-01-01", Count: 2, QuoteIDs: []int64{1, 2}},
		{Start: "2024-04-01", Count: 1, QuoteIDs: []int64{3}},
	}
	links := chartLinks{
		quote: func(id int64) string {
			if id == 2 {
				return "" // not in the sample: falls back to its month
			}
			return "/q/" + strconv.FormatInt(id, 10)
		},
		bucket: func(since, until string) string { return "/b/" + since + "/" + until },
	}
	c := timelineChart(bs, "month", "", "", 5, "test", links)
	var hrefs []string
	for _, d := range c.Dots {
		hrefs = append(hrefs, d.Href)
	}
	if want := []string{"/q/1", "/b/2024-01-01/2024-01-31", "/q/3"}; !slices.Equal(hrefs, want) {
		t.Errorf("dot links %v, want %v", hrefs, want)
	}
	// January to April is four columns: the empty months keep their place.
	colW := float64(chartWidth-plotLeft) / 4
	if got, want := c.Dots[2].CX, plotLeft+3*colW+colW/2; got != want {
		t.Errorf("April's dot at x=%v, want %v", got, want)
	}
	if c.Dots[0].CY <= c.Dots[1].CY {
		t.Errorf("January's dots do not stack upwards: %v, %v", c.Dots[0].CY, c.Dots[1].CY)
	}
	if c.Max != 2 || c.Undated != 5 || len(c.Bars) != 0 {
		t.Errorf("max %d, undated %d, bars %d", c.Max, c.Undated, len(c.Bars))
	}
}

func TestTimelineChartBarsWhenCrowded(t *testing.T) {
	c := timelineChart([]store.Bucket{{Start: "2024-01-01", Count: 400}, {Start: "2024-02-01", Count: 100}}, "month", "", "", 0, "", chartLinks{
		quote:  func(int64) string { return "" },
		bucket: func(since, until string) string { return since },
	})
	if len(c.Dots) != 0 || len(c.Bars) != 2 {
		t.Fatalf("%d dots, %d bars", len(c.Dots), len(c.Bars))
	}
	if c.Bars[0].H != float64(plotBottom-plotTop) || c.Bars[1].H != c.Bars[0].H/4 {
		t.Errorf("bar heights %v, %v", c.Bars[0].H, c.Bars[1].H)
	}
	if c.Bars[1].Href != "2024-02-01" {
		t.Errorf("bar link %q", c.Bars[1].Href)
	}
}

func TestTopTermsAndSnippets(t *testing.T) {
	terms := topTerms([]string{
		"The harbour must be dredged, the harbour is silting.",
		"Dredging the harbour pays for itself.",
		"We said the ferry would run.",
	}, 3)
	if len(terms) != 1 || terms[0] != (Term{"harbour", 2}) {
		t.Errorf("terms %+v, want harbour in 2 quotations (counted once each)", terms)
	}
	parts := snippetParts("the «ceasefire» held «until» dawn")
	want := []Part{{"the ", false}, {"ceasefire", true}, {" held ", false}, {"until", true}, {" dawn", false}}
	if !slices.Equal(parts, want) {
		t.Errorf("snippet parts %+v", parts)
	}
	// The article's own guillemets, unpaired, stay text.
	parts = snippetParts("he said »no« then «yes»")
	want = []Part{{"he said »no« then ", false}, {"yes", true}}
	if !slices.Equal(parts, want) {
		t.Errorf("snippet parts with guillemets %+v", parts)
	}
	hl := highlight("Crab grounds, not crabs; the CRAB season.", "crab")
	want = []Part{{"Crab", true}, {" grounds, not crabs; the ", false}, {"CRAB", true}, {" season.", false}}
	if !slices.Equal(hl, want) {
		t.Errorf("highlight %+v", hl)
	}
}
