package article

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// collect walks inputs and returns the articles and the failures
// ("where: message") in the order they came.
func collect(t *testing.T, r *Reader, inputs ...string) (arts []Article, fails []string) {
	t.Helper()
	err := r.Walk(context.Background(), inputs, func(it Item) error {
		if it.Err != nil {
			fails = append(fails, it.Where+": "+it.Err.Error())
			return nil
		}
		arts = append(arts, it.Article)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return arts, fails
}

func TestReadText(t *testing.T) {
	path := "testdata/ferry.txt"
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	arts, fails := collect(t, &Reader{}, path)
	if len(fails) != 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, failures %q", len(arts), fails)
	}
	a := arts[0]
	if a.Text != string(want) {
		t.Errorf("Text is not the file as read")
	}
	checkFields(t, a, Article{ID: path, Source: path, Title: "Island ferry fares to rise by a fifth in spring", Format: "txt"})
}

func TestFirstLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Headline\nbody", "Headline"},
		{"\n\n   \n  Indented headline  \r\nbody", "Indented headline"},
		{"\ufeffWith a byte order mark\n", "With a byte order mark"},
		{"only line", "only line"},
		{"\n \n", ""},
	}
	for _, tt := range tests {
		if got := firstLine(tt.in); got != tt.want {
			t.Errorf("firstLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReadHTMLDropsBoilerplate(t *testing.T) {
	arts, fails := collect(t, &Reader{}, "testdata/harbour.html")
	if len(fails) != 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, failures %q", len(arts), fails)
	}
	a := arts[0]
	checkFields(t, a, Article{
		ID: "testdata/harbour.html", Source: "The Coastal Ledger",
		URL:   "https://ledger.example/2021/03/04/harbour-dredging",
		Title: "Port authority delays harbour dredging after survey",
		// The page states 2021-03-04T09:15:00+01:00, but go-htmldate vouches
		// only for the day, so the day is all we print.
		Published: "2021-03-04", PublishedFrom: "html", Format: "html",
	})
	for _, want := range []string{
		"The port authority of Vessby has postponed the dredging",
		"\u201cWe would rather start late than start twice,\u201d said Jonas Ekberg, the authority\u2019s director",
		"Local councillor Petra Holm told reporters the delay was \u201cdisappointing but understandable\u201d.",
	} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("main text lacks %q", want)
		}
	}
	for _, junk := range []string{
		"ADVERTISEMENT", "Sponsored", "Subscribe", "HarbourWatcher", "Comments (3)",
		"You might also like", "Share this article", "All rights reserved", "dataLayer", ".ad {",
	} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("main text keeps boilerplate %q", junk)
		}
	}
	// Paragraphs survive as blank-line separated blocks.
	paras := strings.Split(a.Text, "\n\n")
	if len(paras) < 5 {
		t.Errorf("got %d paragraphs, want at least 5:\n%s", len(paras), a.Text)
	}
	for _, p := range paras {
		if strings.TrimSpace(p) != p || p == "" || strings.Contains(p, "\n") {
			t.Errorf("paragraph %q is not one trimmed line", p)
		}
	}
}

func TestRenderText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"inline spacing", "<p><b>Bold</b> and <i>it</i>alic</p>", "Bold and italic"},
		{"collapsed space", "<p>  a \n\t b&nbsp;c </p>", "a b c"},
		{"line break", "<p>one<br>two</p>", "one two"},
		{"scripts dropped", "<div>Text<script>var x = 1;</script><style>p{}</style></div>", "Text"},
		{"lists", "<ul><li>first</li><li>second</li></ul>", "first\n\nsecond"},
		{"plain text", "just words", "just words"},
		{"entities", "<p>&ldquo;Yes,&rdquo; she said &amp; left.</p>", "\u201cYes,\u201d she said & left."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fragmentText(tt.in); got != tt.want {
				t.Errorf("fragmentText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestReadJSONL(t *testing.T) {
	path := "testdata/articles.jsonl"
	arts, fails := collect(t, &Reader{}, path)
	wantFails := []string{
		path + ":3: malformed JSON",
		path + `:6: no "text" or "html" field`,
	}
	checkFails(t, fails, wantFails)
	want := []Article{
		{ID: "mill-001", Title: "Paper mill to close its night shift", Source: "Valley Post",
			URL: "https://valley.example/mill", Published: "2019-11-05", PublishedFrom: "input", Format: "jsonl"},
		{ID: "42", Title: "Library opens on Sundays", Source: "Valley Post",
			Published: "2019-11-05T14:30:00Z", PublishedFrom: "input", Format: "jsonl"},
		// The html field goes through the HTML reader; the line's date wins.
		{ID: "school-004", Title: "School roof repaired", Source: "Valley Post",
			Published: "2019-11-07T08:00:00", PublishedFrom: "input", Format: "html"},
		// An unreadable date is dropped, not guessed; no source means the file.
		{ID: "last-006", Title: "Bus route 7 returns", Source: path, Format: "jsonl"},
	}
	if len(arts) != len(want) {
		t.Fatalf("got %d articles, want %d", len(arts), len(want))
	}
	for i := range want {
		checkFields(t, arts[i], want[i])
	}
	if !strings.HasPrefix(arts[0].Text, "Paper mill to close its night shift\n\nThe paper mill") {
		t.Errorf("text field not decoded as is: %q", arts[0].Text)
	}
	if want := "School roof repaired\n\nThe roof of the primary school in Ashby"; !strings.HasPrefix(arts[2].Text, want) {
		t.Errorf("html field text = %q, want it to start %q", arts[2].Text, want)
	}
	if !strings.Contains(arts[2].Text, "\n\n\u201cThe children can stay dry this year,\u201d said head teacher Tomas Berg") {
		t.Errorf("html field paragraphs lost: %q", arts[2].Text)
	}
}

func TestParseJSONLine(t *testing.T) {
	tests := []struct {
		name, line string
		wantErr    string
		want       Article
	}{
		{"string id", `{"id":"a","text":"body"}`, "", Article{ID: "a", Text: "body", Format: "jsonl"}},
		{"number id", `{"id":7,"text":"body"}`, "", Article{ID: "7", Text: "body", Format: "jsonl"}},
		{"capitalised keys", `{"ID":"b","Text":"body"}`, "", Article{ID: "b", Text: "body", Format: "jsonl"}},
		{"nested extra field", `{"id":"c","meta":{"k":[1,2]},"text":"body"}`, "", Article{ID: "c", Text: "body", Format: "jsonl"}},
		{"rfc3339 date", `{"text":"body","published":"2016-09-12T10:00:00-04:00"}`, "",
			Article{Text: "body", Published: "2016-09-12T10:00:00-04:00", PublishedFrom: "input", Format: "jsonl"}},
		{"byte order mark", "\ufeff{\"text\":\"body\"}", "", Article{Text: "body", Format: "jsonl"}},
		{"truncated", `{"id":"d","text":"bo`, "malformed JSON", Article{}},
		{"not an object", `["text"]`, "malformed JSON", Article{}},
		{"text not a string", `{"text": 5}`, "malformed JSON", Article{}},
		{"no body", `{"id":"e"}`, `no "text" or "html" field`, Article{}},
		{"blank text", `{"id":"f","text":"  \n"}`, `empty "text" field`, Article{}},
		{"invalid utf-8", "{\"text\":\"caf\xe9\"}", "not valid UTF-8", Article{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := ParseJSONLine([]byte(tt.line))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if a != tt.want {
				t.Errorf("got %+v, want %+v", a, tt.want)
			}
		})
	}
}

func TestReadCSV(t *testing.T) {
	path := "testdata/export.csv"
	arts, fails := collect(t, &Reader{}, path)
	checkFails(t, fails, []string{
		path + ":6: malformed CSV: CSV row has 3 fields, the header 6",
		path + ":8: empty text",
	})
	want := []Article{
		{ID: "c1", Title: "Council approves cycle lanes", Source: "Metro Daily", URL: "https://metro.example/c1",
			Published: "2020-06-01", PublishedFrom: "input", Format: "csv"},
		{ID: "c2", Title: "Water prices frozen", Source: "Metro Daily", URL: "https://metro.example/c2",
			Published: "2020-06-02", PublishedFrom: "input", Format: "csv"},
		{ID: "c4", Title: "Market hall reopens", Source: "Metro Daily", URL: "https://metro.example/c4",
			Published: "2020-06-04T10:30:00+02:00", PublishedFrom: "input", Format: "csv"},
	}
	if len(arts) != len(want) {
		t.Fatalf("got %d articles, want %d", len(arts), len(want))
	}
	for i := range want {
		checkFields(t, arts[i], want[i])
	}
	wantText := "The city council approved two new cycle lanes on Thursday.\n\n\"It is a start,\" said campaigner Lea Novak."
	if arts[0].Text != wantText {
		t.Errorf("multi-line quoted field = %q, want %q", arts[0].Text, wantText)
	}
}

func TestCSVHeader(t *testing.T) {
	tests := []struct {
		header  string
		want    map[string]int
		wantErr bool
	}{
		{"id,title,published,source,url,text", map[string]int{"id": 0, "title": 1, "published": 2, "source": 3, "url": 4, "text": 5}, false},
		{"\ufeffStories_ID, Publish Date ,media_name,body", map[string]int{"id": 0, "published": 1, "source": 2, "text": 3}, false},
		{"link,html", map[string]int{"url": 0, "html": 1}, false},
		{"id,title,summary", nil, true},
	}
	for _, tt := range tests {
		got, err := csvHeader(strings.Split(tt.header, ","))
		if (err != nil) != tt.wantErr {
			t.Errorf("csvHeader(%q) err = %v", tt.header, err)
			continue
		}
		if !tt.wantErr && !maps.Equal(got, tt.want) {
			t.Errorf("csvHeader(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}

func TestReadFeeds(t *testing.T) {
	rss, rssFails := collect(t, &Reader{}, "testdata/feed.rss")
	checkFails(t, rssFails, []string{"testdata/feed.rss#3: feed entry has no content or description"})
	atom, atomFails := collect(t, &Reader{}, "testdata/feed.atom")
	checkFails(t, atomFails, nil)
	got := append(rss, atom...)
	want := []Article{
		{ID: "https://wire.example/?p=101", Title: "Airport adds winter route to the capital", Source: "Northern Wire",
			URL: "https://wire.example/2022/01/airport-route", Published: "2022-01-10T07:45:00+01:00", PublishedFrom: "input", Format: "feed"},
		// No guid: the link names the entry; EST is read as -05:00, not UTC.
		{ID: "https://wire.example/2022/01/pass-closed", Title: "Snow closes mountain pass", Source: "Northern Wire",
			URL: "https://wire.example/2022/01/pass-closed", Published: "2022-01-11T06:00:00-05:00", PublishedFrom: "input", Format: "feed"},
		{ID: "urn:uuid:crane-2023", Title: "New crane arrives at the container terminal", Source: "Harbour Notes",
			URL: "https://notes.example/crane", Published: "2023-05-01T16:20:00+03:00", PublishedFrom: "input", Format: "feed"},
		// Without a published date, the updated date stands in.
		{ID: "urn:uuid:pay-2023", Title: "Dock workers agree pay deal", Source: "Harbour Notes",
			URL: "https://notes.example/pay", Published: "2023-05-02T11:00:00Z", PublishedFrom: "input", Format: "feed"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d articles, want %d", len(got), len(want))
	}
	for i := range want {
		checkFields(t, got[i], want[i])
	}
	texts := []string{
		"The regional airport will add a daily flight to the capital this winter, its director said on Monday.\n\n\u201cWe listened to the business community,\u201d said director Anna Voss.",
		"The mountain pass was closed overnight after heavy snow, police said.",
		"A new crane arrived at the container terminal on Monday.\n\nThe terminal manager said it would cut waiting times for ships by a third.",
		"Dock workers voted on Tuesday to accept a two-year pay deal, their union said.",
	}
	for i, want := range texts {
		if got[i].Text != want {
			t.Errorf("entry %d text = %q, want %q", i, got[i].Text, want)
		}
	}
}

func TestBadFiles(t *testing.T) {
	arts, fails := collect(t, &Reader{}, "testdata/empty.txt", "testdata/latin1.txt", "testdata/blob", "testdata/no-such-file.txt")
	if len(arts) != 0 {
		t.Errorf("got %d articles from bad files", len(arts))
	}
	checkFails(t, fails, []string{
		"testdata/empty.txt: empty",
		"testdata/latin1.txt: not valid UTF-8",
		"testdata/blob: binary content (NUL byte)",
		"testdata/no-such-file.txt: stat testdata/no-such-file.txt: no such file or directory",
	})
}

func TestHugeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	if err := os.WriteFile(path, []byte(strings.Repeat("word ", MaxArticleBytes/5+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, fails := collect(t, &Reader{}, path)
	checkFails(t, fails, []string{path + ": larger than 16 MiB"})
}

func TestWalkDirectory(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"b/second.txt":         "Second\n\nbody two",
		"a.txt":                "First\n\nbody one",
		"b/c/third.jsonl":      `{"id":"third","text":"body three"}` + "\n",
		".hidden/skipped.txt":  "Hidden\n\nnot read",
		"b/.dotfile.txt":       "Dot\n\nnot read",
		"notes.md":             "# not an article format",
		"README":               "extension-less files are read only when named",
		"b/c/d/fourth.csv":     "id,text\nfourth,body four\n",
		"b/c/d/fifth.html":     "",
		"b/c/d/zz-ignored.bin": "\x00\x01",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arts, fails := collect(t, &Reader{}, dir)
	var ids []string
	for _, a := range arts {
		ids = append(ids, strings.TrimPrefix(a.ID, dir+"/"))
	}
	want := []string{"a.txt", "fourth", "third", "b/second.txt"}
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("articles %q, want %q (sorted paths, dot entries and unknown extensions skipped)", ids, want)
	}
	checkFails(t, fails, []string{filepath.Join(dir, "b/c/d/fifth.html") + ": empty"})
}

func TestStdinSniffing(t *testing.T) {
	tests := []struct {
		name, in   string
		wantFormat []string
		wantFail   string
	}{
		{"jsonl", "{\"id\":\"s1\",\"text\":\"one\"}\n{\"id\":\"s2\",\"text\":\"two\"}\n", []string{"jsonl", "jsonl"}, ""},
		{"text", "A headline\n\nSome body text.", []string{"txt"}, ""},
		{"html", readFixture(t, "testdata/harbour.html"), []string{"html"}, ""},
		{"rss", readFixture(t, "testdata/feed.rss"), []string{"feed", "feed"}, "-#3: feed entry has no content"},
		{"atom after a bom", "\ufeff" + readFixture(t, "testdata/feed.atom"), []string{"feed", "feed"}, ""},
		{"binary", "\x00\x01\x02binary", nil, "-: binary content (NUL byte)"},
		{"empty", "", nil, "-: empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, fails := collect(t, &Reader{Stdin: strings.NewReader(tt.in)}, "-")
			var formats []string
			for _, a := range arts {
				formats = append(formats, a.Format)
			}
			if strings.Join(formats, ",") != strings.Join(tt.wantFormat, ",") {
				t.Errorf("formats %q, want %q", formats, tt.wantFormat)
			}
			var wantFails []string
			if tt.wantFail != "" {
				wantFails = []string{tt.wantFail}
			}
			checkFails(t, fails, wantFails)
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct{ head, want string }{
		{`{"id":1}`, "jsonl"},
		{"  \n{\"id\":1}", "jsonl"},
		{"<!DOCTYPE html><html>", "html"},
		{"<html><head>", "html"},
		{`<?xml version="1.0"?><rss version="2.0">`, "feed"},
		{`<?xml version="1.0"?>` + "\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", "feed"},
		{`<rdf:RDF xmlns:rdf="x">`, "feed"},
		{"<html><body><feedback-form></feedback-form>", "html"},
		{"Plain headline\n\nbody", "txt"},
		{"", "txt"},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.head)); got != tt.want {
			t.Errorf("Sniff(%q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}

func TestLineReaderSkipsLongLines(t *testing.T) {
	in := "short\n" + strings.Repeat("x", 100) + "\nafter\nlast without newline"
	lr := newLineReader(strings.NewReader(in), 50)
	type got struct {
		line string
		n    int
		err  error
	}
	var lines []got
	for {
		l, n, err := lr.next()
		if err != nil && !errors.Is(err, errLineTooLong) {
			break
		}
		lines = append(lines, got{string(l), n, err})
	}
	want := []got{{"short", 1, nil}, {"", 2, errLineTooLong}, {"after", 3, nil}, {"last without newline", 4, nil}}
	if len(lines) != len(want) {
		t.Fatalf("got %v, want %v", lines, want)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d: got %v, want %v", i, lines[i], want[i])
		}
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2016-09-12", "2016-09-12"},
		{" 2016/09/12 ", "2016-09-12"},
		{"September 12, 2016", "2016-09-12"},
		{"Sep. 12, 2016", "2016-09-12"},
		{"12 September 2016", "2016-09-12"},
		{"2016-09-12 10:00:00", "2016-09-12T10:00:00"},
		{"2016-09-12T10:00", "2016-09-12T10:00:00"},
		{"2016-09-12T10:00:00Z", "2016-09-12T10:00:00Z"},
		{"2016-09-12T10:00:00.123+04:00", "2016-09-12T10:00:00+04:00"}, // to the second
		{"2016-09-12 10:00:00 +0200", "2016-09-12T10:00:00+02:00"},
		{"Mon, 12 Sep 2016 10:00:00 GMT", "2016-09-12T10:00:00Z"},
		{"Mon, 12 Sep 2016 10:00:00 -0400", "2016-09-12T10:00:00-04:00"},
		{"Mon, 12 Sep 2016 10:00:00 EDT", "2016-09-12T10:00:00-04:00"},
		{"Mon, 2 Jan 2006 15:04:05 PST", "2006-01-02T15:04:05-08:00"},
		{"", ""},
		{"yesterday", ""},
		{"2016-13-45", ""},
	}
	for _, tt := range tests {
		got, ok := NormalizeDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// checkFields compares the metadata of a with want; the text is checked apart.
func checkFields(t *testing.T, a, want Article) {
	t.Helper()
	a.Text = ""
	if a != want {
		t.Errorf("article\n got %+v\nwant %+v", a, want)
	}
}

// checkFails checks that each failure starts with its wanted prefix.
func checkFails(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("failures %q, want %q", got, want)
		return
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("failure %q, want it to start %q", got[i], want[i])
		}
	}
}

func readFixture(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
