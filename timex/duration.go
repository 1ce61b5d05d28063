package timex

import (
	"strconv"
	"strings"
)

// Rules for durations ("44-day", "two and a half years", "the past three
// years"), for the dates they make with "ago" ("five years ago"), and for
// sets ("every week", "daily", "24 hours a day").

// unitCode is the ISO 8601 designator of a unit, and whether it sits after
// the "T" of a duration.
func unitCode(u int) (code string, timePart bool) {
	switch u {
	case uSecond:
		return "S", true
	case uMinute:
		return "M", true
	case uHour:
		return "H", true
	case uDay:
		return "D", false
	case uWeek:
		return "W", false
	case uMonth:
		return "M", false
	case uQuarter:
		return "Q", false
	case uYear, uDecade, uCentury, uMillennium:
		return "Y", false
	}
	return "", false
}

// amount is a number of units: n, or n and a half, or unknown (x).
type amount struct {
	n    int
	half bool
	x    bool // "several", "a few": the number is unknown
	a    bool // the article "a"/"an"
}

// quantity reads a number: "44", "two", "twenty-four", "a", "a couple of",
// "a few", "several", "two and a half", "2 1/2", "half a".
func (tg *tagger) quantity(i int) (amount, int, bool) {
	switch tg.word(i) {
	case "a", "an":
		if tg.is(i+1, "couple") && tg.is(i+2, "of") {
			return amount{n: 2}, i + 3, true
		}
		if tg.is(i+1, "few") {
			return amount{x: true}, i + 2, true
		}
		if tg.is(i+1, "half") {
			return amount{half: true}, i + 2, true
		}
		if tg.is(i+1, "dozen") {
			return amount{n: 12}, i + 2, true
		}
		a, k := amount{n: 1, a: true}, i+1
		if tg.is(k, "and") && tg.is(k+1, "a", "one") && tg.is(k+2, "half") {
			return a, k, true // "a year and a half" is read by duration
		}
		return a, k, true
	case "few", "several", "some":
		if tg.word(i) == "some" {
			return amount{}, 0, false // "some 20 years" is read by approximate
		}
		return amount{x: true}, i + 1, true
	case "single":
		if tg.punct(i+1, '-') && tg.adj(i+1) {
			return amount{n: 1}, i + 1, true // "a single-day record"
		}
		return amount{}, 0, false
	case "half":
		if tg.is(i+1, "a", "an") {
			return amount{half: true}, i + 2, true
		}
		return amount{}, 0, false
	}
	n, k := 0, i
	if v, digits, ok := tg.num(i); ok {
		if digits > 4 {
			return amount{}, 0, false
		}
		if tg.adj(i) && tg.punct(i-1, '$', '.', ',', '/', ':', '#') {
			return amount{}, 0, false
		}
		n, k = v, i+1
		// "2 1/2"
		if tg.num1(k) == 1 && tg.punct(k+1, '/') && tg.num1(k+2) == 2 && tg.adj(k+1) && tg.adj(k+2) {
			return amount{n: n, half: true}, k + 3, true
		}
	} else if tg.has(i, cNumber) {
		n, k = tg.toks[i].lx().val, i+1
		// "twenty-four", "forty five"
		if n >= 20 && n < 100 && n%10 == 0 {
			j := k
			if tg.punct(j, '-') && tg.adj(j) {
				j++
			}
			if tg.has(j, cNumber) && tg.toks[j].lx().val < 10 && tg.toks[j].lx().val > 0 {
				n, k = n+tg.toks[j].lx().val, j+1
			}
		}
		if tg.is(k, "hundred", "thousand") {
			n *= tg.toks[k].lx().val
			k++
		}
	} else {
		return amount{}, 0, false
	}
	a := amount{n: n}
	if tg.is(k, "and") && tg.is(k+1, "a", "one") && tg.is(k+2, "half") {
		a.half, k = true, k+3
	}
	return a, k, true
}

func (tg *tagger) num1(i int) int {
	if n, d, ok := tg.num(i); ok && d == 1 {
		return n
	}
	return -1
}

// durationValue is the ISO 8601 value of an amount of unit u.
func durationValue(a amount, u int) string {
	code, tp := unitCode(u)
	if code == "" {
		return ""
	}
	prefix := "P"
	if tp {
		prefix = "PT"
	}
	if a.x {
		return prefix + "X" + code
	}
	n := a.n
	switch u {
	case uDecade:
		n *= 10
	case uCentury:
		n *= 100
	case uMillennium:
		n *= 1000
	}
	if !a.half {
		return prefix + strconv.Itoa(n) + code
	}
	// A half unit is written in the next smaller unit where there is one.
	switch u {
	case uYear:
		return "P" + nz(n, "Y") + "6M"
	case uDay:
		return "P" + nz(n, "D") + "T12H"
	case uHour:
		return "PT" + nz(n, "H") + "30M"
	case uMinute:
		return "PT" + nz(n, "M") + "30S"
	case uDecade, uCentury, uMillennium:
		return "P" + strconv.Itoa(n+halfOf(u)) + "Y"
	}
	return prefix + strconv.Itoa(n) + ".5" + code
}

func nz(n int, code string) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n) + code
}

func halfOf(u int) int {
	switch u {
	case uDecade:
		return 5
	case uCentury:
		return 50
	}
	return 500
}

// duration reads "two years", "44-day", "a week", "the past three years",
// "the next four years", "almost two and a half years" (the hedge is
// approximate's), "five years ago" (a date), and "24 hours a day" (the last
// two words are a set).
func (tg *tagger) duration(i int) (match, bool) {
	k, lead := i, false
	if tg.is(i, "past", "last", "next", "coming", "first", "final", "previous", "following", "latest", "recent") {
		if tg.word(i) == "last" && !tg.is(i-1, "the", "for", "in", "over", "during", "within") {
			return match{}, false // "will last two weeks": the verb
		}
		k, lead = i+1, true
	}
	a, k, ok := tg.quantity(k)
	if !ok {
		return match{}, false
	}
	hyphen := false
	if tg.punct(k, '-') && tg.adj(k) && tg.adj(k+1) {
		hyphen, k = true, k+1
	}
	for tg.is(k, "more", "straight", "consecutive", "full", "trading", "additional", "long", "whole", "business", "working") && !hyphen {
		k++
	}
	u := 0
	switch {
	case tg.has(k, cUnit) && (a.n == 1 && !a.x || hyphen || a.half || !a.a && tg.toks[k+min(1, len(tg.toks)-1-k)].kind == tWord && !tg.has(k+1, cUnit|cUnits)):
		u = tg.toks[k].lx().unit
	case tg.has(k, cUnits) && (a.n != 1 || a.x || a.half):
		u = tg.toks[k].lx().unit
	default:
		return match{}, false
	}
	if u == uWeekend || u == uHalf || u == uQuarter && !a.x && a.n < 4 && tg.fraction(k+1) {
		return match{}, false
	}
	// "a second consecutive day", "a second time": the ordinal, not the unit.
	if u == uSecond && a.a && k+1 < len(tg.toks) && tg.toks[k+1].kind == tWord && !tg.is(k+1, "ago", "later", "earlier", "or", "and", "of") {
		return match{}, false
	}
	if a.a && tg.is(i-1, "per", "every", "each") {
		return match{}, false
	}
	end := k + 1
	// "a year and a half"
	if a.a && tg.is(end, "and") && tg.is(end+1, "a") && tg.is(end+2, "half") {
		a.half, end = true, end+3
	}
	// "a year-earlier loss" is read by quarter, from "year".
	if tg.punct(end, '-') && tg.adj(end) && tg.is(end+1, "earlier", "ago", "end") {
		return match{}, false
	}
	// "two-year-long"; an age ("6-year-old", "52 years old") is no temporal expression.
	if tg.punct(end, '-') && tg.adj(end) && tg.is(end+1, "long") {
		end += 2
	}
	if tg.is(end, "old") || tg.punct(end, '-') && tg.is(end+1, "old") {
		return match{}, false
	}
	// "3 min read" is a page's reading time, not part of the story.
	if u == uMinute && tg.is(end, "read") {
		return match{}, false
	}
	if !lead && !hyphen {
		switch tg.word(end) {
		case "ago", "earlier", "before", "later", "after", "hence":
			return tg.agoDate(i, end, a, u)
		}
	}
	val := durationValue(a, u)
	if val == "" {
		return match{}, false
	}
	if a.a && !hyphen && tg.setContext(i-1) {
		return match{start: i, end: end, typ: Set, val: val}, true
	}
	return match{start: i, end: end, typ: Duration, val: val, the: !hyphen}, true
}

// setContext reports whether token k counts what "a day" divides: a number,
// "times", "twice", an amount of money or another unit ("24 hours a day").
func (tg *tagger) setContext(k int) bool {
	if k < 0 {
		return false
	}
	t := tg.toks[k]
	if t.kind == tNum || t.kind == tNumber || t.kind == tPunct && t.ch == '%' {
		return true
	}
	if t.lx().cls&(cUnits|cNumber) != 0 {
		return true
	}
	switch strings.ToLower(tg.text(k)) {
	case "times", "twice", "once", "thrice", "million", "billion", "percent", "dollars", "cents", "euros", "pounds":
		return true
	}
	return false
}

// agoDate is the date an amount of time before or after the reference:
// "five years ago" is a year, "10 days ago" a day, "a year earlier" the
// quarter a year before the one last named in an earnings report.
func (tg *tagger) agoDate(i, k int, a amount, u int) (match, bool) {
	dir := -1
	switch tg.word(k) {
	case "later", "after", "hence":
		dir = 1
	}
	end := k + 1
	if tg.word(k) == "before" || tg.word(k) == "after" {
		// "two days before the vote" is a duration; the anchor is another event.
		val := durationValue(a, u)
		return match{start: i, end: k, typ: Duration, val: val}, val != ""
	}
	if tg.word(k) == "earlier" || tg.word(k) == "later" {
		if u != uYear || a.n != 1 || a.x {
			val := durationValue(a, u)
			return match{start: i, end: end, typ: Duration, val: val}, val != ""
		}
	}
	if a.x {
		v := "PAST_REF"
		if dir > 0 {
			v = "FUTURE_REF"
		}
		return match{start: i, end: end, typ: Date, val: v}, true
	}
	n := dir * a.n
	var v string
	switch u {
	case uDay:
		v = tg.relDay(n)
	case uWeek:
		v = tg.relDay(7 * n) // "a week ago" is a day, as annotators value it
	case uMonth:
		v = tg.relMonth(n)
	case uQuarter:
		v = tg.relQuarter(n)
	case uYear:
		v = tg.relYear(n)
		if q := tg.recentQuarter(i); a.n == 1 && q != 0 {
			return match{start: i, end: end, typ: Date, val: quarterVal(q/10+dir, q%10), derived: true}, true
		}
	case uDecade:
		v = tg.relYear(10 * n)
	case uCentury:
		v = tg.relYear(100 * n)
	default:
		val := durationValue(a, u)
		return match{start: i, end: end, typ: Duration, val: val}, val != ""
	}
	return match{start: i, end: end, typ: Date, val: v}, true
}

// set reads "every week", "each year", "every two years", "each July",
// "every Monday", "daily", "weekly", "annually".
func (tg *tagger) set(i int) (match, bool) {
	switch tg.word(i) {
	case "daily", "nightly":
		return tg.adverbSet(i, "P1D")
	case "weekly":
		return tg.adverbSet(i, "P1W")
	case "monthly":
		return tg.adverbSet(i, "P1M")
	case "yearly", "annually", "annual":
		return tg.adverbSet(i, "P1Y")
	case "hourly":
		return tg.adverbSet(i, "PT1H")
	case "every", "each", "per":
	default:
		return match{}, false
	}
	k := i + 1
	if tg.is(k, "other") {
		if !tg.has(k+1, cUnit) {
			return match{}, false
		}
		code, tp := unitCode(tg.toks[k+1].lx().unit)
		if code == "" {
			return match{}, false
		}
		p := "P2"
		if tp {
			p = "PT2"
		}
		return match{start: i, end: k + 2, typ: Set, val: p + code}, true
	}
	switch {
	case tg.has(k, cWeekday) && tg.toks[k].upper:
		v, end := weekdayX(tg.toks[k].lx().val), k+1
		if p, ok := tg.partOfDay(end); ok {
			v, end = v+"T"+partDayCode[p], end+1
		}
		return match{start: i, end: end, typ: Set, val: v}, true
	case tg.has(k, cMonth) && tg.toks[k].upper:
		return match{start: i, end: k + 1, typ: Set, val: "XXXX-" + two(tg.toks[k].lx().val)}, true
	case tg.has(k, cSeason):
		return match{start: i, end: k + 1, typ: Set, val: "XXXX-" + seasonCode[tg.toks[k].lx().val]}, true
	case tg.has(k, cPartDay):
		return match{start: i, end: k + 1, typ: Set, val: "XXXX-XX-XXT" + partDayCode[tg.toks[k].lx().val]}, true
	case tg.has(k, cUnit):
		val := durationValue(amount{n: 1}, tg.toks[k].lx().unit)
		if tg.toks[k].lx().unit == uWeekend {
			val = "XXXX-WXX-WE"
		}
		if val == "" {
			return match{}, false
		}
		return match{start: i, end: k + 1, typ: Set, val: val}, true
	}
	if a, k2, ok := tg.quantity(k); ok && !a.a && tg.has(k2, cUnits) {
		val := durationValue(a, tg.toks[k2].lx().unit)
		if val == "" {
			return match{}, false
		}
		return match{start: i, end: k2 + 1, typ: Set, val: val}, true
	}
	return match{}, false
}

// adverbSet is "daily", "weekly" and the like, unless part of a name ("the
// Daily Telegraph").
func (tg *tagger) adverbSet(i int, val string) (match, bool) {
	if tg.toks[i].upper && !tg.toks[i].nl && !(i == 0 || tg.endsSentence(i-1)) {
		return match{}, false
	}
	return match{start: i, end: i + 1, typ: Set, val: val}, true
}

// fraction reports whether "of its food" follows token k-1: "three-quarters
// of its food" and "about a quarter, of its dealers" share out a whole;
// "several quarters of losses" still counts time.
func (tg *tagger) fraction(k int) bool {
	if tg.punct(k, ',') {
		k++
	}
	return tg.is(k, "of") && (tg.is(k+1, "the", "its", "his", "her", "their", "our", "all", "this", "these", "those", "them", "it", "a", "an") ||
		tg.toks[min(k+1, len(tg.toks)-1)].kind == tNum || tg.toks[min(k+1, len(tg.toks)-1)].kind == tNumber)
}
