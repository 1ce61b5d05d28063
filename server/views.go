package server

import (
	"net/url"
	"strconv"
	"strings"

	"chronicle/store"
)

// The view models the templates render. Hrefs are built here so that the
// templates only print them (html/template still escapes every one).

// quoteRow is one quotation in a list, linked to its evidence.
type quoteRow struct {
	Q           store.Quote
	Href        string // the quotation's span in its article
	ArticleHref string
	SpeakerHref string
	Date        string // said_on, else the publication date, else "undated"
	DateFrom    string // "said", "published" or ""
	Parts       []Part
}

func articleHref(articleID int64) string {
	return "/articles/" + strconv.FormatInt(articleID, 10)
}

func quoteHref(articleID, quoteID int64) string {
	return articleHref(articleID) + "#" + quoteAnchor(quoteID)
}

func speakerHref(id *int64) string {
	if id == nil {
		return ""
	}
	return "/speakers/" + strconv.FormatInt(*id, 10)
}

func newQuoteRow(q store.Quote, query string) quoteRow {
	row := quoteRow{
		Q: q, Href: quoteHref(q.ArticleID, q.ID), ArticleHref: articleHref(q.ArticleID),
		SpeakerHref: speakerHref(q.SpeakerID), Date: "undated",
	}
	switch {
	case q.SaidOn != nil:
		row.Date, row.DateFrom = *q.SaidOn, "said"
	case q.Published != nil:
		row.Date, row.DateFrom = dateOnly(*q.Published), "published"
	}
	row.Parts = highlight(clipText(q.Text, 600), query)
	return row
}

func quoteRows(qs []store.Quote, query string) []quoteRow {
	out := make([]quoteRow, len(qs))
	for i, q := range qs {
		out[i] = newQuoteRow(q, query)
	}
	return out
}

func dateOnly(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

// clipText shortens long text to about n code points, at a space.
func clipText(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := string(rs[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + " …"
}

// safeLink returns u when it is an http or https URL, else "": an article's
// URL is untrusted and a javascript: or data: URL must never become a link.
func safeLink(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// with returns the path with q's parameters, set replaced (an empty value
// removes the parameter) and the cursor dropped.
func with(path string, q url.Values, set ...string) string {
	v := url.Values{}
	for k, vs := range q {
		if k != "cursor" && len(vs) > 0 && vs[0] != "" {
			v.Set(k, vs[0])
		}
	}
	for i := 0; i+1 < len(set); i += 2 {
		if set[i+1] == "" {
			v.Del(set[i])
		} else {
			v.Set(set[i], set[i+1])
		}
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// nextHref is the link to the page after this one, "" on the last page.
func nextHref(path string, q url.Values, next string) string {
	if next == "" {
		return ""
	}
	return with(path, q) + sep(with(path, q)) + "cursor=" + url.QueryEscape(next)
}

func sep(href string) string {
	if strings.Contains(href, "?") {
		return "&"
	}
	return "?"
}
