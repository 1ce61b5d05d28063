package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronicle/article"
	"chronicle/text"
	"chronicle/timex"
)

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The fixtures have the shapes of real reports: a date header, a date under
// "2 min read", a photo caption with a date and no publication date, an
// interview with none. Every date they name must come out right.
func TestFixtureDates(t *testing.T) {
	for _, c := range []struct {
		file, published, from string
		timexes               []string // "text=value", in order
	}{
		{"header-date.txt", "2024-02-11", "text", []string{
			"2024-02-11=2024-02-11", "February 8=2024-02-08", "9=2024-02-09", "May 2022=2022-05",
			"October 2023=2023-10", "Now=PRESENT_REF", "Today=2024-02-11",
			"the past three and a half years=P3Y6M", "the end of the year=2024", "the coming days=FUTURE_REF",
			"the end of this year=2024", "31 years=P31Y"}},
		{"date-under-readtime.txt", "2024-03-14", "text", []string{
			"14 March, 2024=2024-03-14", "2016=2016", "Thursday=2024-03-14", "one-day=P1D", "Friday=2024-03-15"}},
		{"caption-no-date.txt", "", "none", []string{
			"Dec. 3, 2021=2021-12-03", "Monday=XXXX-WXX-1", "April=XXXX-04", "April 2, 2024=2024-04-02",
			"January=XXXX-01", "1994=1994", "Oct. 5, 2021=2021-10-05", "51-day=P51D", "almost 25 years=P25Y",
			"Nov. 9, 2021=2021-11-09"}},
		{"no-date.txt", "", "none", []string{
			"the last few days=PXD", "24 hours=PT24H", "a day=P1D", "October 12=XXXX-10-12",
			"October 11, 2024=2024-10-11", "15:00 (GMT+3)=2024-10-11T15:00+03:00", "now=PRESENT_REF"}},
	} {
		txt := readFixture(t, c.file)
		r := Article(article.Article{ID: c.file, Text: txt, Format: "txt"}, Options{})
		pub := ""
		if r.Published != nil {
			pub = *r.Published
		}
		if pub != c.published || r.PublishedFrom != c.from {
			t.Errorf("%s: published %q from %q, want %q from %q", c.file, pub, r.PublishedFrom, c.published, c.from)
		}
		var got []string
		runes := []rune(txt)
		for _, x := range r.Timexes {
			if string(runes[x.Start:x.End]) != x.Text {
				t.Errorf("%s: offsets %d-%d do not give %q", c.file, x.Start, x.End, x.Text)
			}
			got = append(got, x.Text+"="+x.Value)
		}
		if strings.Join(got, "\n") != strings.Join(c.timexes, "\n") {
			t.Errorf("%s:\n got  %q\n want %q", c.file, got, c.timexes)
		}
	}
}

func TestPublicationOrder(t *testing.T) {
	header := "Storm hits coast\n20 September, 2023\nWinds rose on Tuesday."
	for _, c := range []struct {
		name      string
		a         article.Article
		opt       Options
		published string // "" for null
		from      string
		tuesday   string // value of "Tuesday", which shows the reference date used
	}{
		{"input field wins", article.Article{Text: header, Published: "2023-09-22"}, Options{}, "2023-09-22", "input", "2023-09-19"},
		{"html metadata kept", article.Article{Text: header, Published: "2023-09-21T08:00:00Z", PublishedFrom: "html"}, Options{}, "2023-09-21T08:00:00Z", "html", "2023-09-19"},
		{"text header next", article.Article{Text: header, URL: "https://example.com/2020/01/05/x"}, Options{}, "2023-09-20", "text", "2023-09-19"},
		{"url last", article.Article{Text: "Storm hits coast\nWinds rose on Tuesday.", URL: "https://example.com/news/2023/09/22/storm"}, Options{}, "2023-09-22", "url", "2023-09-19"},
		{"none", article.Article{Text: "Storm hits coast\nWinds rose on Tuesday."}, Options{}, "", "none", "XXXX-WXX-2"},
		{"reference date overrides the anchor only", article.Article{Text: header}, Options{ReferenceDate: "2023-10-05"}, "2023-09-20", "text", "2023-10-03"},
		{"unreadable input date still anchors on the header", article.Article{Text: header, Published: "20-09-2023"}, Options{}, "20-09-2023", "input", "2023-09-19"},
	} {
		r := Article(c.a, c.opt)
		pub := ""
		if r.Published != nil {
			pub = *r.Published
		}
		if pub != c.published || r.PublishedFrom != c.from {
			t.Errorf("%s: published %q from %q, want %q from %q", c.name, pub, r.PublishedFrom, c.published, c.from)
		}
		tue := ""
		for _, x := range r.Timexes {
			if x.Text == "Tuesday" {
				tue = x.Value
			}
		}
		if tue != c.tuesday {
			t.Errorf("%s: Tuesday = %q, want %q", c.name, tue, c.tuesday)
		}
	}
}

func TestSaidOnFallbacks(t *testing.T) {
	s := `"Roads are open," the minister said on Tuesday. "We will rebuild," she said.`
	ref := timex.NewRef(2023, 9, 20)
	tx := timex.Tag(s, ref)
	sentence := func(a, b string) text.Span {
		i := strings.Index(s, a)
		return text.Span{Start: i, End: strings.Index(s, b) + len(b)}
	}
	cue := func(from int) text.Span {
		i := strings.Index(s[from:], "said") + from
		return text.Span{Start: i, End: i + 4}
	}
	first := timex.Utterance{Cue: cue(0), Sentence: sentence(`"Roads`, "Tuesday.")}
	second := timex.Utterance{Cue: cue(first.Sentence.End), Sentence: sentence(`"We will`, "she said.")}
	pub := "2023-09-20T10:00:00+04:00"
	for _, c := range []struct {
		name      string
		u         timex.Utterance
		published *string
		want      string
		from      string
	}{
		{"date in the text", first, &pub, "2023-09-19", "text"},
		{"publication date", second, &pub, "2023-09-20", "published"},
		{"nothing", second, nil, "", "none"},
	} {
		var q Quote
		saidOn(&q, s, c.u, tx, c.published)
		got := ""
		if q.SaidOn != nil {
			got = *q.SaidOn
		}
		if got != c.want || q.SaidOnFrom != c.from {
			t.Errorf("%s: said_on %q from %q, want %q from %q", c.name, got, q.SaidOnFrom, c.want, c.from)
		}
	}
}
