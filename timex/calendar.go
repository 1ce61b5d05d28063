package timex

import (
	"strconv"
	"time"
)

// Rules for calendar nouns that need their neighbours to be read: "the
// weekend", "the year ended Sept. 30", "the fiscal year", "for years", and
// holidays.

// calendarNoun reads "the weekend", "the year ended/ending ...", "the
// full year", "the fiscal year" and bare plurals after "for", "within" or
// "in" ("for years", "within weeks").
func (tg *tagger) calendarNoun(i int) (match, bool) {
	switch {
	case tg.is(i, "weekend") && tg.is(i-1, "the"):
		return match{start: i, end: i + 1, typ: Date, val: tg.weekend(i), the: true}, true
	case tg.is(i, "year") && tg.is(i-1, "the") && tg.is(i+1, "ended", "ending"):
		return match{start: i, end: i + 1, typ: Duration, val: "P1Y", the: true}, true
	case tg.is(i, "full", "entire", "whole", "fiscal", "current", "latest") && tg.is(i-1, "the"):
		k := i + 1
		if tg.is(k, "fiscal") {
			k++
		}
		if !tg.is(k, "year") || tg.adj(k+1) && tg.punct(k+1, '-') {
			return match{}, false
		}
		if tg.is(k+1, "ended", "ending") {
			return match{start: i, end: k + 1, typ: Duration, val: "P1Y", the: true}, true
		}
		if tg.is(i, "latest") {
			return match{start: i, end: k + 1, typ: Date, val: tg.relYear(-1), the: true}, true
		}
		return match{start: i, end: k + 1, typ: Date, val: tg.contextYear(i), the: true}, true
	case tg.is(i, "year") && tg.is(i-1, "the") && tg.is(i-2, "for", "of", "during", "throughout") && tg.yearNounEnds(i+1):
		// "for the year, volume was flat", "the first nine months of the year"
		return match{start: i, end: i + 1, typ: Date, val: tg.contextYear(i), the: true}, true
	case tg.is(i, "year") && tg.is(i-1, "the") && (tg.is(i+1, "previous") || tg.is(i+1, "before") && tg.endsClause(i+2)):
		// "$19.8 billion less than the year previous": before the year last named
		v := tg.relYear(-1)
		if y, ok := atoi(tg.lastYear); ok {
			v = yearVal(y - 1)
		}
		return match{start: i, end: i + 2, typ: Date, val: v, the: true}, true
	case tg.is(i, "year") && tg.is(i-1, "that") && tg.yearNounEnds(i+1):
		// "watch imports that year": the year last named
		v := tg.lastYear
		if v == "" {
			v = tg.relYear(0)
		}
		return match{start: i - 1, end: i + 1, typ: Date, val: v}, true
	case tg.has(i, cUnits) && tg.is(i-1, "for", "within", "in", "over") && !(tg.adj(i+1) && tg.punct(i+1, '-')):
		if tg.is(i+1, "of", "old", "ago") || tg.has(i+1, cUnit|cUnits) {
			return match{}, false
		}
		val := durationValue(amount{x: true}, tg.toks[i].lx().unit)
		if val == "" || tg.toks[i].lx().unit == uWeekend || tg.toks[i].lx().unit == uHalf {
			return match{}, false
		}
		return match{start: i, end: i + 1, typ: Duration, val: val}, true
	}
	return match{}, false
}

// weekend is the weekend the reference week ends with, or the one before it
// when the reference falls early in the week and the clause is past.
func (tg *tagger) weekend(i int) string {
	if !tg.ref.ok {
		return "XXXX-WXX-WE"
	}
	r := int(tg.ref.t.Weekday()+6)%7 + 1
	d := tg.ref.t
	if r < 6 && tg.tense(i-1, i+1) != future {
		d = d.AddDate(0, 0, -r) // the Sunday before
	}
	return weekVal(d) + "-WE"
}

// holiday reads a few fixed and movable feasts: "Christmas", "Thanksgiving
// Day", "New Year's Day", "Independence Day", "Election Day", "Halloween".
func (tg *tagger) holiday(i int) (match, bool) {
	k := i + 1
	var day func(y int) time.Time
	switch tg.word(i) {
	case "christmas":
		d := 25
		if tg.is(k, "eve") {
			d, k = 24, k+1
		} else if tg.is(k, "day") {
			k++
		}
		day = fixed(12, d)
	case "halloween":
		day = fixed(10, 31)
	case "thanksgiving":
		if tg.is(k, "day") {
			k++
		}
		day = func(y int) time.Time { return nthWeekday(y, 11, 4, 4) }
	case "new":
		if !tg.toks[i].upper || !tg.is(k, "year") || !tg.punct(k+1, '\'') || !tg.is(k+2, "s") || !tg.is(k+3, "day", "eve") {
			return match{}, false
		}
		day, k = fixed(1, 1), k+4
		if tg.word(k-1) == "eve" {
			day = fixed(12, 31)
		}
	case "independence":
		if !tg.toks[i].upper || !tg.is(k, "day") {
			return match{}, false
		}
		day, k = fixed(7, 4), k+1
	case "election":
		if !tg.toks[i].upper || !tg.is(k, "day") || !tg.toks[k].upper {
			return match{}, false
		}
		day, k = func(y int) time.Time { return nthWeekday(y, 11, 1, 1).AddDate(0, 0, 1) }, k+1
	default:
		return match{}, false
	}
	if !tg.toks[i].upper {
		return match{}, false
	}
	if !tg.ref.ok {
		d := day(2000)
		return match{start: i, end: k, typ: Date, val: "XXXX-" + two(int(d.Month())) + "-" + two(d.Day())}, true
	}
	y := tg.refYear()
	if d := day(y); d.After(tg.ref.t) && tg.tense(i, k) == past || tg.is(i-1, "last") {
		y--
	} else if d.Before(tg.ref.t) && (tg.tense(i, k) == future || tg.is(i-1, "next")) {
		y++
	}
	start := i
	if tg.is(i-1, "last", "next", "this") {
		start = i - 1
	}
	return match{start: start, end: k, typ: Date, val: dayVal(day(y))}, true
}

func fixed(m, d int) func(int) time.Time {
	return func(y int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
}

// nthWeekday is the n-th weekday w (1 = Monday) of month m.
func nthWeekday(y, m, w, n int) time.Time {
	first := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	fw := int(first.Weekday()+6)%7 + 1
	return first.AddDate(0, 0, (w-fw+7)%7+7*(n-1))
}

// samePeriod reads "the same period last year", "the corresponding quarter
// a year ago", "the same month a year earlier": the period last named (a
// quarter or a month), a year before.
func (tg *tagger) samePeriod(i int) (match, bool) {
	if !tg.is(i, "same", "corresponding", "comparable") || !tg.is(i+1, "period", "quarter", "month") {
		return match{}, false
	}
	k := i + 2
	switch {
	case tg.is(k, "last", "previous") && tg.is(k+1, "year"):
		k += 2
	case tg.is(k, "of") && tg.is(k+1, "the") && tg.is(k+2, "last", "previous") && tg.is(k+3, "year"):
		k += 4
	case tg.is(k, "a") && tg.is(k+1, "year") && tg.is(k+2, "ago", "earlier"):
		k += 3
	default:
		return match{}, false
	}
	v := tg.relYear(-1)
	switch {
	case tg.word(i+1) != "month" && tg.recentQuarter(i) != 0:
		q := tg.recentQuarter(i)
		v = quarterVal(q/10-1, q%10)
	case tg.word(i+1) != "quarter" && tg.lastMonth != "":
		y, _ := atoi(tg.lastMonth[:4])
		v = yearVal(y-1) + tg.lastMonth[4:]
	}
	return match{start: i, end: k, typ: Date, val: v, the: true, derived: true}, true
}

// yearNounEnds reports whether "the year" ends before token k, rather than
// going on into another expression or a compound ("the year ended Sept.
// 30", "the year before", "the year-ago quarter", "the year 2000").
func (tg *tagger) yearNounEnds(k int) bool {
	if tg.adj(k) && tg.punct(k, '-', '\'') || k < len(tg.toks) && tg.toks[k].kind == tNum {
		return false
	}
	return !tg.is(k, "ended", "ending", "before", "after", "earlier", "ago", "later", "old", "and", "or")
}

// contextYear is the year "the year" and "the entire year" mean: the year
// of a date named earlier in the same sentence ("the fourth quarter of 2005
// and a loss for the entire year"), else the reference year.
func (tg *tagger) contextYear(i int) string {
	lo := int(tg.toks[tg.sentStart(i)].start)
	for k := len(tg.out) - 1; k >= 0 && tg.out[k].Span.Start >= lo; k-- {
		if v := tg.out[k].Value; tg.out[k].Type == Date && len(v) >= 4 && isDigits(v[:4]) {
			return v[:4]
		}
	}
	return tg.relYear(0)
}

// quarterCode reads the business shorthand "Q3", "Q3 2023", "H1 2024",
// "Q4 of last year"'s "Q4": a quarter or half, in the year written after
// it, else the reference year (the year before in a past clause when the
// quarter lies ahead of the reference).
func (tg *tagger) quarterCode(i int) (match, bool) {
	t := tg.toks[i]
	if !t.upper || t.end-t.start != 1 || !tg.adj(i+1) {
		return match{}, false
	}
	n, digits, ok := tg.num(i + 1)
	code := tg.text(i)
	if !ok || digits != 1 || n < 1 || code == "Q" && n > 4 || code == "H" && n > 2 || tg.adj(i+2) && !tg.punct(i+2, ',', '.', ';', ')') {
		return match{}, false
	}
	end := i + 2
	if y, next, ok := tg.yearAfter(end); ok && !tg.punct(end, ',') {
		return match{start: i, end: next, typ: Date, val: yearVal(y) + "-" + code + strconv.Itoa(n)}, true
	}
	if !tg.ref.ok {
		return match{start: i, end: end, typ: Date, val: "XXXX-" + code + strconv.Itoa(n)}, true
	}
	y, q := tg.refQuarter()
	cur := q
	if code == "H" {
		cur = (q + 1) / 2
	}
	if n > cur && tg.tense(i, end) == past {
		y--
	}
	return match{start: i, end: end, typ: Date, val: yearVal(y) + "-" + code + strconv.Itoa(n)}, true
}

// endsClause reports whether token k ends a clause: punctuation, a line
// break or the end of the text.
func (tg *tagger) endsClause(k int) bool {
	return k >= len(tg.toks) || tg.toks[k].nl || tg.punct(k, '.', ',', ';', ':', ')', '"', '”')
}
