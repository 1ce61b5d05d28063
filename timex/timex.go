// Package timex recognises temporal expressions in English news text and
// normalises them to TIMEX3 types and values (TimeML, TempEval-3
// conventions) against a reference date, usually the publication date.
//
// Recognition is a hand-written scanner: the text is tokenised once, and only
// tokens that can start a temporal expression (digits, month and weekday
// names, a small set of trigger words) are tried against a few named rules.
// Resolution of relative expressions ("on Tuesday", "last month") uses the
// reference date and, for weekdays and bare months, the tense of the clause.
package timex

import (
	"time"

	"chronicle/text"
)

// TIMEX3 types.
const (
	Date     = "DATE"
	Time     = "TIME"
	Duration = "DURATION"
	Set      = "SET"
)

// Timex is one temporal expression: its byte span in the text, TIMEX3 type
// and value ("2020-09-27", "XXXX-02", "P44D", "PRESENT_REF", ...).
type Timex struct {
	Span  text.Span
	Type  string
	Value string
}

// Ref is a reference date. The zero Ref means "no reference": relative
// expressions then keep only what the text itself fixes (XXXX-WXX-2).
type Ref struct {
	t  time.Time
	ok bool
}

// NewRef returns the reference date y-m-d.
func NewRef(y, m, d int) Ref {
	return Ref{t: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), ok: true}
}

// ParseRef reads a reference date from an ISO 8601 date or date-time
// ("2023-09-20", "1998-02-06T22:19:00", "2023-09-20T13:00:00+04:00"); only the
// calendar date is kept. It reports false for anything else.
func ParseRef(s string) (Ref, bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' || (len(s) > 10 && s[10] != 'T' && s[10] != ' ') {
		return Ref{}, false
	}
	y, ok1 := atoi(s[0:4])
	m, ok2 := atoi(s[5:7])
	d, ok3 := atoi(s[8:10])
	if !ok1 || !ok2 || !ok3 || !validDate(y, m, d) {
		return Ref{}, false
	}
	return NewRef(y, m, d), true
}

// IsZero reports whether r carries no date.
func (r Ref) IsZero() bool { return !r.ok }

// String is the reference date as YYYY-MM-DD, or "" for the zero Ref.
func (r Ref) String() string {
	if !r.ok {
		return ""
	}
	return r.t.Format("2006-01-02")
}

func atoi(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func validDate(y, m, d int) bool {
	if y < 1 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(y, m)
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
