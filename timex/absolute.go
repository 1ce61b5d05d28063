package timex

import (
	"strconv"
	"strings"
	"time"
)

// Rules for expressions that name a calendar date or clock time.

// isoDate reads "2023-07-23".
func (tg *tagger) isoDate(i int) (match, bool) {
	y, ok := tg.year4(i)
	if !ok || !tg.punct(i+1, '-') || !tg.adj(i+1) || !tg.adj(i+2) || !tg.punct(i+3, '-') || !tg.adj(i+3) || !tg.adj(i+4) {
		return match{}, false
	}
	m, dm, ok1 := tg.num(i + 2)
	d, dd, ok2 := tg.num(i + 4)
	if !ok1 || !ok2 || dm > 2 || dd > 2 || !validDate(y, m, d) {
		return match{}, false
	}
	return match{start: i, end: i + 5, typ: Date, val: dayVal(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC))}, true
}

// slashDate reads the American "7/8/07" and "7/8/2007".
func (tg *tagger) slashDate(i int) (match, bool) {
	m, dm, ok := tg.num(i)
	if !ok || dm > 2 || !tg.punct(i+1, '/') || !tg.adj(i+1) || !tg.adj(i+2) || !tg.punct(i+3, '/') || !tg.adj(i+3) || !tg.adj(i+4) {
		return match{}, false
	}
	d, dd, ok1 := tg.num(i + 2)
	y, dy, ok2 := tg.num(i + 4)
	if !ok1 || !ok2 || dd > 2 || (dy != 2 && dy != 4) || tg.adj(i+5) && tg.punct(i+5, '/') {
		return match{}, false
	}
	if dy == 2 {
		y += 1900
		if y < 1950 {
			y += 100
		}
	}
	if !validDate(y, m, d) {
		return match{}, false
	}
	return match{start: i, end: i + 5, typ: Date, val: dayVal(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC))}, true
}

// monthName reads a month name ("September", "Sept.", "Sept 27") and returns
// the token after it.
func (tg *tagger) monthName(i int) (m, next int, ok bool) {
	if i >= len(tg.toks) || !tg.toks[i].upper {
		return 0, 0, false
	}
	t := tg.toks[i]
	switch {
	case t.lx().cls&cMonth != 0:
		if tg.adj(i+1) && tg.punct(i+1, '-') && !tg.is(i+2, "end") { // "March-based"
			return 0, 0, false
		}
		return t.lx().val, i + 1, true
	case t.lx().cls&cMonAbbr != 0:
		if tg.punct(i+1, '.') && tg.adj(i+1) {
			return t.lx().val, i + 2, true
		}
		if _, _, ok := tg.dayNumber(i + 1); ok && t.end-t.start >= 3 {
			return t.lx().val, i + 1, true
		}
	}
	return 0, 0, false
}

// yearAfter reads ", 2023" or " 2023" after a month or a day.
func (tg *tagger) yearAfter(k int) (y, next int, ok bool) {
	if tg.punct(k, ',') {
		k++
	}
	if tg.newLine(k) {
		return 0, 0, false // a title ending in "March" over a dateline "2008 ..."
	}
	y, ok = tg.year4(k)
	if !ok {
		if y, next, ok := tg.spelledYear(k); ok && y >= 1000 {
			return y, next, true // "January nineteen ninety-seven"
		}
		return 0, 0, false
	}
	if tg.adj(k+1) && tg.punct(k+1, '-', '/', ':', '%') || tg.pluralNoun(k+1) {
		return 0, 0, false
	}
	return y, k + 1, true
}

// pluralNoun reports whether token k looks like a plural noun that a number
// before it would count ("2000 troops"), so the number is no year.
func (tg *tagger) pluralNoun(k int) bool {
	if k >= len(tg.toks) || tg.toks[k].kind != tWord || tg.toks[k].upper || tg.toks[k].lx().cls != 0 {
		return false
	}
	w := tg.text(k)
	return len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's'
}

// monthDate reads "Sept. 27, 2020", "March 1", "July 21-22", "May 2021",
// "January this year" and a bare "October".
func (tg *tagger) monthDate(i int) (match, bool) {
	m, k, ok := tg.monthName(i)
	if !ok {
		return match{}, false
	}
	if d, k2, ok := tg.dayNumber(k); ok && !tg.newLine(k) {
		end, y := k2, 0
		if yy, k3, ok := tg.yearAfter(k2); ok {
			y, end = yy, k3
		}
		// "July 21-22": the second day is an expression of its own.
		var extra *match
		if tg.punct(end, '-', '–') || tg.is(end, "to", "and", "through") {
			if d2, k4, ok := tg.dayNumber(end + 1); ok && d2 > d {
				if yy, k5, ok := tg.yearAfter(k4); ok && y == 0 {
					y, k4 = yy, k5
				}
				extra = &match{start: end + 1, end: k4, typ: Date, val: tg.dateVal(y, m, d2, i, k4)}
			}
		}
		if !tg.validDay(y, m, d) {
			return match{}, false
		}
		return match{start: i, end: end, typ: Date, val: tg.dateVal(y, m, d, i, end), extra: extra}, true
	}
	if y, k2, ok := tg.yearAfter(k); ok {
		return match{start: i, end: k2, typ: Date, val: monthVal(y, m)}, true
	}
	// "January this year" is one expression; in "October of next year" and
	// "May of 2010" the year is one of its own, which gives the month its year.
	j, of := k, tg.is(k, "of")
	if of {
		j++
		if y, _, ok := tg.yearAfter(j); ok && !tg.punct(j, ',') {
			return match{start: i, end: k, typ: Date, val: monthVal(y, m)}, true
		}
	}
	if tg.is(j, "this", "last", "next") && tg.is(j+1, "year") {
		off := map[string]int{"this": 0, "last": -1, "next": 1}[tg.word(j)]
		end := j + 2
		if of {
			end = k
		}
		if !tg.ref.ok {
			return match{start: i, end: end, typ: Date, val: "XXXX-" + two(m)}, true
		}
		return match{start: i, end: end, typ: Date, val: monthVal(tg.refYear()+off, m)}, true
	}
	if m == 3 && tg.is(i-1, "the", "a", "an", "annual") && (tg.is(k, "of", "for", "on", "to", "through", "from", "against") ||
		k >= len(tg.toks) || tg.toks[k].kind != tWord || tg.toks[k].upper) {
		return match{}, false // "the annual March for Life": the noun; not "the March accession"
	}
	if m == 5 && !tg.is(i-1, "in", "since", "until", "till", "of", "by", "from", "through", "last", "this", "next",
		"early", "late", "mid", "and", "or", "between", "before", "after", "during", "each", "every") {
		return match{}, false // "May" is far more often the modal
	}
	return match{start: i, end: k, typ: Date, val: tg.monthOf(m, i, k)}, true
}

func (tg *tagger) validDay(y, m, d int) bool {
	if y == 0 {
		return d <= daysIn(2000, m) // a leap year: February 29 may be meant
	}
	return validDate(y, m, d)
}

// dateVal is the value of a day in month m: in year y when the text gives
// one, else resolved against the reference date.
func (tg *tagger) dateVal(y, m, d, i, j int) string {
	if y != 0 {
		if !validDate(y, m, d) {
			return yearVal(y) + "-" + two(m) + "-" + two(d)
		}
		return dayVal(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC))
	}
	return tg.monthDay(m, d, i, j)
}

// dayMonth reads the day-first "20 September, 2023" and "11 December".
func (tg *tagger) dayMonth(i int) (match, bool) {
	d, k, ok := tg.dayNumber(i)
	if !ok {
		return match{}, false
	}
	if tg.is(k, "of") {
		k++
	}
	m, k, ok := tg.monthName(k)
	if !ok || !tg.validDay(0, m, d) {
		return match{}, false
	}
	end, y := k, 0
	if yy, k2, ok := tg.yearAfter(k); ok {
		end, y = k2, yy
	}
	return match{start: i, end: end, typ: Date, val: tg.dateVal(y, m, d, i, end)}, true
}

// yearNumber reads a year ("1991", "'82"), a decade ("the 1990s", "'80s",
// "70s") and a span of years ("2009-2011" is two expressions).
func (tg *tagger) yearNumber(i int) (match, bool) {
	if tg.punct(i, '\'') {
		n, digits, ok := tg.num(i + 1)
		if !ok || digits != 2 || !tg.adj(i+1) || tg.adj(i) && i > 0 && tg.toks[i-1].kind == tWord || tg.nameWord(i-1) {
			return match{}, false // "rock 'n' roll"; "iLife '11", a version
		}
		if tg.adj(i+2) && tg.text(i+2) == "s" && n%10 == 0 {
			return match{start: i, end: i + 3, typ: Date, val: strconv.Itoa(190 + n/10), the: true}, true
		}
		return match{start: i, end: i + 2, typ: Date, val: strconv.Itoa(1900 + n)}, true
	}
	n, digits, ok := tg.num(i)
	if !ok {
		return match{}, false
	}
	if digits == 2 && n%10 == 0 && tg.adj(i+1) && i+1 < len(tg.toks) && tg.text(i+1) == "s" && !tg.adj(i) {
		return match{start: i, end: i + 2, typ: Date, val: strconv.Itoa(190 + n/10), the: true}, true
	}
	y, ok := tg.year4(i)
	if !ok {
		return match{}, false
	}
	if tg.adj(i) && tg.punct(i-1, '$', '#', '/', '.', ':', '€', '£', '+', ',') ||
		tg.adj(i) && tg.punct(i-1, '-') && !tg.has(i-2, cModifier|cTrigger) {
		return match{}, false
	}
	if tg.adj(i+1) && i+1 < len(tg.toks) && tg.text(i+1) == "s" {
		return match{start: i, end: i + 2, typ: Date, val: strconv.Itoa(y / 10), the: true}, true
	}
	if tg.adj(i+1) && tg.punct(i+1, '/', ':', '%') && tg.adj(i+2) || tg.is(i+1, "percent", "index") || tg.pluralNoun(i+1) {
		return match{}, false // "the Russell 2000 index"
	}
	if y < 1800 && !tg.is(i-1, "in", "since", "of", "by", "from", "until", "to", "and", "year", "before", "after", "around", "circa") {
		return match{}, false
	}
	if y > 2100 {
		return match{}, false
	}
	m := match{start: i, end: i + 1, typ: Date, val: yearVal(y)}
	// "2009-2011", "2014-15"
	if tg.punct(i+1, '-', '–') && tg.adj(i+1) && tg.adj(i+2) {
		if y2, ok := tg.year4(i + 2); ok && y2 > y {
			m.extra = &match{start: i + 2, end: i + 3, typ: Date, val: yearVal(y2)}
		} else {
			return match{}, false
		}
	}
	return m, true
}

// weekdayDate reads "Tuesday", "Friday morning", "Monday, Oct. 26" and the
// sets "Tuesdays", "Tuesday nights".
func (tg *tagger) weekdayDate(i int) (match, bool) {
	if !tg.has(i, cWeekday) || !tg.toks[i].upper {
		return match{}, false
	}
	w := tg.toks[i].lx().val
	if strings.HasSuffix(tg.toks[i].lx().word, "s") {
		v, end := weekdayX(w), i+1
		if p, ok := tg.partOfDay(i + 1); ok {
			v, end = v+"T"+partDayCode[p], i+2
		}
		return match{start: i, end: end, typ: Set, val: v}, true
	}
	j := i + 1
	if tg.punct(j, ',') {
		j++
	}
	if tg.newLine(j) {
		j = len(tg.toks) // a title ending in "until Friday" over a dateline "September 18, 2008"
	}
	if m, ok := tg.monthDate(j); ok && len(m.val) == 10 {
		m.start = i
		return m, true
	}
	if m, ok := tg.dayMonth(j); ok {
		m.start = i
		return m, true
	}
	v := weekdayX(w)
	if tg.punct(i+1, '\'') && tg.is(i+2, "s") {
		// "Wednesday's ruling": a possessive names a day already past.
		if t, ok := tg.weekdayPast(w); ok {
			v = dayVal(t)
		}
	} else if t, ok := tg.weekday(w, i, i+1); ok {
		v = dayVal(t)
	}
	if p, ok := tg.partOfDay(i + 1); ok {
		return match{start: i, end: i + 2, typ: Time, val: v + "T" + partDayCode[p]}, true
	}
	return match{start: i, end: i + 1, typ: Date, val: v}, true
}

func (tg *tagger) partOfDay(i int) (int, bool) {
	if tg.has(i, cPartDay) {
		return tg.toks[i].lx().val, true
	}
	return 0, false
}

// clock reads a time of day: "13:00 (GMT+4)", "6:40 p.m.", "10 a.m. EST",
// "0800 UTC", "noon", with the day that may follow ("12:00 UTC Monday").
func (tg *tagger) clock(i int) (match, bool) {
	h, mi, k := -1, 0, i
	switch {
	case tg.is(i, "noon", "midday"):
		if tg.is(i-1, "high") {
			return match{}, false // "High Noon", "high noon comes today"
		}
		h, k = 12, i+1
	case tg.is(i, "midnight"):
		h, k = 24, i+1
	default:
		n, digits, ok := tg.num(i)
		if !ok {
			return match{}, false
		}
		switch {
		case digits <= 2 && tg.punct(i+1, ':', '.') && tg.adj(i+1) && tg.adj(i+2):
			m, d2, ok := tg.num(i + 2)
			if !ok || d2 != 2 || m > 59 || n > 24 {
				return match{}, false
			}
			h, mi, k = n, m, i+3
			if tg.punct(i+1, '.') {
				if _, _, ok := tg.ampm(k); !ok {
					return match{}, false // "3.45" is a number unless "3.45 p.m."
				}
			}
		case digits == 4 && n%100 < 60 && n/100 <= 24:
			if _, ok := tg.zone(i + 1); !ok {
				return match{}, false
			}
			h, mi, k = n/100, n%100, i+1
		case digits <= 2 && n >= 1 && n <= 12:
			if _, _, ok := tg.ampm(i + 1); !ok {
				if !tg.is(i+1, "o") || !tg.punct(i+2, '\'') || i+3 >= len(tg.toks) || !strings.EqualFold(tg.text(i+3), "clock") {
					return match{}, false
				}
				k = i + 4 // "ten o'clock"
			}
			h, k = n, max(k, i+1)
		default:
			return match{}, false
		}
	}
	if pm, next, ok := tg.ampm(k); ok {
		if pm && h < 12 {
			h += 12
		} else if !pm && h == 12 {
			h = 0
		}
		k = next
	}
	zone := ""
	if z, ok := tg.zone(k); ok {
		zone, k = z.val, z.end
	}
	day, end := "", k
	j := k
	if tg.punct(j, ',') || tg.is(j, "on") {
		j++
	}
	if tg.newLine(j) {
		j = len(tg.toks)
	}
	for _, r := range []rule{(*tagger).weekdayDate, (*tagger).monthDate, (*tagger).dayMonth, (*tagger).deictic} {
		if m, ok := r(tg, j); ok && m.typ == Date && len(m.val) == 10 {
			day, end = m.val, m.end
			break
		}
	}
	if day == "" {
		day = tg.dayInSentence(i)
	}
	v := day + "T" + two(h%100) + ":" + two(mi) + zone
	return match{start: i, end: end, typ: Time, val: v}, true
}

// dayInSentence is the day named last in the sentence of token i, else the
// reference day: a clock time with no day falls on it.
func (tg *tagger) dayInSentence(i int) string {
	lo := int(tg.toks[tg.sentStart(i)].start)
	for k := len(tg.out) - 1; k >= 0 && tg.out[k].Span.Start >= lo; k-- {
		if v := tg.out[k].Value; len(v) >= 10 && v[4] == '-' && v[7] == '-' && v[0] != 'X' {
			return v[:10]
		}
	}
	return tg.relDay(0)
}

// ampm reads "a.m.", "p.m", "am", "PM".
func (tg *tagger) ampm(k int) (pm bool, next int, ok bool) {
	if k >= len(tg.toks) || tg.toks[k].kind != tWord {
		return false, 0, false
	}
	w := strings.ToLower(tg.text(k))
	switch w {
	case "am", "pm":
		return w == "pm", k + 1, true
	case "a", "p":
		if tg.punct(k+1, '.') && tg.adj(k+1) && tg.adj(k+2) && strings.EqualFold(tg.text(k+2), "m") {
			next = k + 3
			if tg.punct(next, '.') && tg.adj(next) && !tg.sentenceEndsAt(next) {
				next++
			}
			return w == "p", next, true
		}
	}
	return false, 0, false
}

func (tg *tagger) sentenceEndsAt(k int) bool { return k+1 < len(tg.toks) && tg.endsSentence(k) }

type zoneMatch struct {
	val string
	end int
}

// zone reads a time zone: "UTC", "EST", "GMT+4", "(GMT +8)". UTC and GMT
// offsets go into the value; named American zones are dropped, as in the
// TimeBank annotation.
func (tg *tagger) zone(k int) (zoneMatch, bool) {
	paren := tg.punct(k, '(')
	if paren {
		k++
	}
	if k >= len(tg.toks) || tg.toks[k].kind != tWord {
		return zoneMatch{}, false
	}
	name := tg.text(k)
	val := ""
	switch name {
	case "UTC", "GMT", "Z":
		val = "Z"
	case "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "CET", "CEST", "BST", "MSK", "IST", "JST":
	default:
		return zoneMatch{}, false
	}
	k++
	if tg.punct(k, '+', '-', '−') {
		sign := "+"
		if !tg.punct(k, '+') {
			sign = "-"
		}
		if n, d, ok := tg.num(k + 1); ok && d <= 2 && n <= 14 {
			val, k = sign+two(n)+":00", k+2
			if tg.punct(k, ':') && tg.adj(k) {
				if m, d2, ok := tg.num(k + 1); ok && d2 == 2 {
					val, k = sign+two(n)+":"+two(m), k+2
				}
			}
		}
	}
	if paren {
		if !tg.punct(k, ')') {
			return zoneMatch{}, false
		}
		k++
	}
	return zoneMatch{val: val, end: k}, true
}

// newLine reports whether a line break comes before token k (or the text
// ends): no expression runs across one.
func (tg *tagger) newLine(k int) bool { return k >= len(tg.toks) || tg.toks[k].nl }

// nameWord reports whether token k is a word of a name: capitalised (or
// capitalised inside, "iLife") and unknown to the lexicon.
func (tg *tagger) nameWord(k int) bool {
	if k < 0 || k >= len(tg.toks) || tg.toks[k].kind != tWord || tg.toks[k].entry != 0 {
		return false
	}
	return strings.ContainsAny(tg.text(k), "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
}
