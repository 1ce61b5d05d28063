package article

import (
	"strings"
	"time"
)

// Date layouts that inputs use for publication dates, each with the precision
// it carries: a layout without a clock gives a date, one with a clock but no
// zone gives a local date-time, one with a zone gives a date-time with offset.
var (
	dateLayouts = []string{
		"2006-01-02",
		"2006/01/02",
		"January 2, 2006",
		"Jan 2, 2006",
		"Jan. 2, 2006",
		"2 January 2006",
		"2 Jan 2006",
		"Monday, January 2, 2006",
		"Mon, 2 Jan 2006",
	}
	localLayouts = []string{
		"2006-01-02T15:04:05",
		"2006-01-02T15:04",
		"2006-01-02 15:04:05",
		"2006-01-02 15:04",
		"2006-01-02T15:04:05.999999999",
		"2006-01-02 15:04:05.999999999",
	}
	zonedLayouts = []string{
		time.RFC3339Nano,
		"2006-01-02T15:04Z07:00",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05 Z07:00",
		"2006-01-02 15:04:05 -0700",
		"2006-01-02T15:04:05-0700",
		time.RFC1123Z,
		time.RFC1123,
		"Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04:05 MST",
		"Mon, 2 Jan 2006 15:04 -0700",
		"Mon, 2 Jan 2006 15:04 MST",
		"2 Jan 2006 15:04:05 -0700",
		"2 Jan 2006 15:04:05 MST",
		time.RFC850,
		time.RFC822Z,
		time.RFC822,
		time.UnixDate,
	}
)

// zoneOffsets gives the offsets of zone abbreviations that feeds commonly use;
// Go's parser knows only the machine's own zone and would otherwise read them
// as UTC.
var zoneOffsets = map[string]int{
	"UT": 0, "UTC": 0, "GMT": 0, "Z": 0,
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
	"MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
}

// NormalizeDate turns a publication date as an input states it into ISO 8601,
// keeping its precision: "2016-09-12", "2016-09-12T10:00:00" (no zone given)
// or "2016-09-12T10:00:00-04:00". It reports false for what it cannot read.
func NormalizeDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return "", false
	}
	// Only strings with a clock can match the date-time layouts; trying
	// those first on a plain date would cost a failed parse per layout.
	if strings.IndexByte(s, ':') >= 0 {
		for _, l := range zonedLayouts {
			if t, err := time.Parse(l, s); err == nil {
				return fixZone(t, s).Format("2006-01-02T15:04:05Z07:00"), true
			}
		}
		for _, l := range localLayouts {
			if t, err := time.Parse(l, s); err == nil {
				return t.Format("2006-01-02T15:04:05"), true
			}
		}
		return "", false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

// fixZone gives t the offset of a zone abbreviation that time.Parse could not
// resolve (it then invents a zone with offset 0 under that name).
func fixZone(t time.Time, s string) time.Time {
	name, off := t.Zone()
	if off != 0 || name == "" {
		return t
	}
	h, ok := zoneOffsets[name]
	if !ok || !strings.HasSuffix(s, name) {
		return t
	}
	if h == 0 {
		return t.UTC()
	}
	loc := time.FixedZone(name, h*3600)
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
}

// formatTime writes a date found by an HTML date extractor with the
// precision the extractor vouches for.
func formatTime(t time.Time, hasTime, hasZone bool) string {
	switch {
	case !hasTime:
		return t.Format("2006-01-02")
	case !hasZone:
		return t.Format("2006-01-02T15:04:05")
	}
	return t.Format("2006-01-02T15:04:05Z07:00")
}
