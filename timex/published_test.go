package timex

import "testing"

func TestPublished(t *testing.T) {
	for _, c := range []struct {
		name, text, want, span string
	}{
		{"labelled header", " date 2024-02-11 Ministers agree on a border commission\n\nThe ministers met.", "2024-02-11", "2024-02-11"},
		{"date line under read time", "Port reopens after storm\n\nThe harbour reopened to ships.\n3 min read\n14 March, 2024\nThe storm had closed it.", "2024-03-14", "14 March, 2024"},
		{"published label", "Mayor quits\nPublished 30 May 2023\nThe mayor resigned.", "2023-05-30", "30 May 2023"},
		{"dateline before the story", "Rail strike ends\n\nApril 02, 2011 Rail workers returned to work on Saturday.", "2011-04-02", "April 02, 2011"},
		{"weekday before the date", "Budget passed\nTuesday, March 3, 2009\nLawmakers passed it.", "2009-03-03", "Tuesday, March 3, 2009"},
		{"photo caption is not a date line", "Leader visits the north\nA view of the old bridge in the northern district, Nov. 15, 2020. (Reuters Photo)\n\nThe leader said on Tuesday that roads would be rebuilt.", "", ""},
		{"caption starting with a date", "Floods\nMarch 3, 2021: residents wade through water. Photo: AFP\nRivers rose.", "", ""},
		{"date inside the story", "Talks resume\n\nNegotiators will meet again on September 21, 2023, officials said.", "", ""},
		{"relative dates are not publication dates", "Talks resume\nYesterday\nNegotiators met.", "", ""},
		{"too far down", "Title\n\na\nb\nc\nd\ne\nf\n20 September, 2023\n", "", ""},
		{"no date", "Armenians who left may come back\n\nThe official said they had a choice.", "", ""},
	} {
		got, sp, ok := Published(c.text)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s: Published = %q, %v; want %q", c.name, got, ok, c.want)
			continue
		}
		if ok && c.text[sp.Start:sp.End] != c.span {
			t.Errorf("%s: span %q, want %q", c.name, c.text[sp.Start:sp.End], c.span)
		}
	}
}

func TestFromURL(t *testing.T) {
	for _, c := range []struct{ url, want string }{
		{"https://example.com/news/2023/09/20/azerbaijan-talks", "2023-09-20"},
		{"https://example.com/2023-09-20-azerbaijan-talks.html", "2023-09-20"},
		{"https://example.com/world/2021/05/border-tension", "2021-05"},
		{"https://example.com/story/12345678/azerbaijan", ""},
		{"https://example.com/2023/13/40/x", ""},
		{"https://example.com/page?date=2023/09/20", ""},
		{"", ""},
		{"http://en.wikinews.org/wiki/Northrop_Grumman_defeats_Boeing", ""},
	} {
		if got := FromURL(c.url); got != c.want {
			t.Errorf("FromURL(%q) = %q, want %q", c.url, got, c.want)
		}
	}
}
