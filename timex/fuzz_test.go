package timex

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTag checks the recogniser never panics, keeps its spans inside the
// text on rune boundaries, in order and without overlap, and writes values
// of a well-formed TIMEX3 shape.
func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"Aliyev said on Tuesday that talks on Sept. 27, 2020 were over.",
		"date 2023-07-23 On July 21-22, a forum met for the 44-day anniversary.",
		"at 13:00 (GMT+4) every week for almost two and a half years",
		"the third quarter of last year, a year earlier, the year-ago quarter",
		"'80s 1990s 7/8/07 12:00 UTC Monday noon Saturday 5 p.m",
		"May 2021 may be\nlast\n", "Friday's 2 1/2 half a", "’", "",
		"the end of the", "mid-", "twenty-", "a year and a", "9 a.", "(GMT+", "Christmas",
		"nineteen ninety-", "the year two thousand and", "Q3 20", "H", "the 21st century", "the quarter ended Sept",
		"until Friday\nSeptember 18, 2008", "as soon as", "by", "the nineties", "of the year", "that year",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, withRef bool) {
		var r Ref
		if withRef {
			r = NewRef(2023, 9, 20)
		}
		prev := 0
		for _, x := range Tag(s, r) {
			sp := x.Span
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("span %v out of order or bounds (prev end %d, len %d) in %q", sp, prev, len(s), s)
			}
			if utf8.ValidString(s) && (!utf8.RuneStart(s[sp.Start]) || sp.End < len(s) && !utf8.RuneStart(s[sp.End])) {
				t.Fatalf("span %v splits a rune in %q", sp, s)
			}
			prev = sp.End
			if !wellFormed(x) {
				t.Fatalf("ill-formed %s value %q for %q in %q", x.Type, x.Value, s[sp.Start:sp.End], s)
			}
		}
	})
}

// wellFormed checks the shape of a TIMEX3 value: a (partly unknown)
// calendar date with optional time, week, quarter, half or season; a
// decade or century; a duration; or a REF token.
func wellFormed(x Timex) bool {
	v := x.Value
	switch x.Type {
	case Date, Time, Set:
		if v == "PRESENT_REF" || v == "PAST_REF" || v == "FUTURE_REF" {
			return x.Type != Set
		}
		if strings.HasPrefix(v, "P") {
			return x.Type == Set && durationShape(v)
		}
		return dateShape(v)
	case Duration:
		return durationShape(v)
	}
	return false
}

func dateShape(v string) bool {
	date, tm, hasT := strings.Cut(v, "T")
	if len(date) == 2 || len(date) == 3 {
		return isDigitsOrX(date) && !hasT
	}
	if len(date) < 4 || !isDigitsOrX(date[:4]) {
		return false
	}
	rest := date[4:]
	switch {
	case rest == "":
	case len(rest) == 3 && rest[0] == '-' && isDigitsOrX(rest[1:]): // -MM
	case len(rest) == 6 && rest[0] == '-' && rest[3] == '-' && isDigitsOrX(rest[1:3]) && isDigitsOrX(rest[4:]): // -MM-DD
	case len(rest) == 3 && rest[0] == '-' && (rest[1] == 'Q' || rest[1] == 'H') && isDigitsOrX(rest[2:]):
	case rest == "-SP" || rest == "-SU" || rest == "-FA" || rest == "-WI":
	case strings.HasPrefix(rest, "-W") && len(rest) >= 4:
		w := rest[2:]
		w, _, _ = strings.Cut(w, "-")
		if !isDigitsOrX(w) {
			return false
		}
	default:
		return false
	}
	if !hasT {
		return true
	}
	switch tm {
	case "MO", "AF", "EV", "NI", "DT":
		return true
	}
	return len(tm) >= 5 && isDigits(tm[:2]) && tm[2] == ':' && isDigits(tm[3:5])
}

func durationShape(v string) bool {
	if len(v) < 3 || v[0] != 'P' {
		return false
	}
	for _, c := range v[1:] {
		if !strings.ContainsRune("0123456789.XTYMWDHSQ", c) {
			return false
		}
	}
	return true
}

func isDigitsOrX(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != 'X' {
			return false
		}
	}
	return s != ""
}
