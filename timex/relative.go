package timex

import (
	"strconv"
	"time"
)

// Rules for expressions relative to the reference date or to the time the
// text last named.

// deictic reads "today", "yesterday", "tomorrow", "tonight" and "last night",
// "this morning", "yesterday afternoon".
func (tg *tagger) deictic(i int) (match, bool) {
	off, end := 0, i+1
	switch tg.word(i) {
	case "today":
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
	case "tonight":
		if !tg.ref.ok {
			return match{start: i, end: end, typ: Time, val: "XXXX-XX-XXTNI"}, true
		}
		return match{start: i, end: end, typ: Date, val: tg.relDay(0)}, true
	case "last", "this":
		p, ok := tg.partOfDay(i + 1)
		if !ok || tg.word(i) == "last" && p != 4 {
			return match{}, false
		}
		if tg.word(i) == "last" {
			off = -1
		}
		return match{start: i, end: i + 2, typ: Time, val: tg.relDay(off) + "T" + partDayCode[p]}, true
	default:
		return match{}, false
	}
	if p, ok := tg.partOfDay(end); ok {
		return match{start: i, end: end + 1, typ: Time, val: tg.relDay(off) + "T" + partDayCode[p]}, true
	}
	return match{start: i, end: end, typ: Date, val: tg.relDay(off)}, true
}

// reference reads the vague PRESENT_REF, PAST_REF and FUTURE_REF
// expressions: "now", "currently", "recently", "the future", "soon".
func (tg *tagger) reference(i int) (match, bool) {
	val, end := "", i+1
	switch tg.word(i) {
	case "now", "currently", "nowadays", "presently":
		val = "PRESENT_REF"
	case "right":
		if tg.is(i+1, "now") {
			val, end = "PRESENT_REF", i+2
		}
	case "these":
		if tg.is(i+1, "days") {
			val, end = "PRESENT_REF", i+2
		}
	case "current":
		if !tg.has(i+1, cUnit) && !tg.is(i+1, "account", "accounts", "affairs", "events", "flows", "flow", "fiscal") {
			val = "PRESENT_REF"
		}
	case "present":
		if tg.is(i-1, "at", "the") && !tg.toks[i].upper {
			val = "PRESENT_REF"
		}
	case "time":
		if tg.is(i-1, "the") && tg.is(i+1, "being") {
			val, end = "PRESENT_REF", i+2
		}
	case "moment":
		if tg.is(i-1, "the") && tg.is(i-2, "at") {
			val = "PRESENT_REF"
		}
	case "recently", "lately":
		val = "PAST_REF"
	case "more":
		if tg.is(i+1, "recently") {
			val, end = "PAST_REF", i+2
		}
	case "recent":
		// "the recent talks" is an adjective TimeML leaves alone; "in recent
		// weeks" is read by shifted.
		if !tg.has(i+1, cUnit|cUnits) && !tg.is(i-1, "the", "a", "an", "his", "her", "its", "their", "our") {
			val = "PAST_REF"
		}
	case "past":
		if tg.is(i-1, "the") && !tg.has(i+1, cNumber|cUnit|cUnits) && !tg.is(i+1, "few", "several") && tg.toks[i+min(1, len(tg.toks)-1-i)].kind != tNum {
			val = "PAST_REF"
		}
	case "future":
		if tg.is(i-1, "the", "near", "distant", "foreseeable") {
			val = "FUTURE_REF"
		}
	case "near", "distant", "foreseeable":
		if tg.is(i+1, "future", "term") {
			val, end = "FUTURE_REF", i+2
		}
	case "soon":
		val = "FUTURE_REF"
		if tg.is(i-1, "as") || tg.is(i+1, "after", "before") {
			return match{}, false // "as soon as"; "soon after" relates two events, it names no time
		}
	case "long", "short":
		if tg.is(i+1, "term", "run") && tg.is(i-1, "the") {
			val, end = "FUTURE_REF", i+2
		}
	}
	if val == "" {
		return match{}, false
	}
	// "the" belongs to the nouns only: "the future", "the past", "the long run".
	the := tg.is(i, "past", "future", "present", "time", "moment", "long", "short", "near", "distant", "foreseeable")
	return match{start: i, end: end, typ: Date, val: val, the: the}, true
}

// shifted reads a unit, month or weekday moved by "this", "last", "next",
// "past", "coming", "previous", "following", "current", "latest" or
// "recent": "last week", "next month", "the past year", "last September",
// "the coming days", "recent years".
func (tg *tagger) shifted(i int) (match, bool) {
	dir := 0
	switch tg.word(i) {
	case "this", "current":
	case "last", "past", "previous":
		dir = -1
	case "next", "coming", "following", "upcoming":
		dir = 1
	case "recent", "latest":
		dir = -2
	default:
		return match{}, false
	}
	k := i + 1

	switch {
	case dir == -2 && tg.is(i, "latest") && tg.is(k, "period"):
		// "the latest period" of an earnings report: the quarter last named
		return match{start: i, end: k + 1, typ: Date, val: tg.latestQuarter(), the: true}, true
	case tg.has(k, cUnits) && !tg.is(k, "decades"):
		// "recent years" (a vague duration, as TimeBank has it), "the coming days"
		switch dir {
		case -2:
			if tg.is(i, "latest") {
				return match{}, false
			}
			return match{start: i, end: k + 1, typ: Duration, val: durationValue(amount{x: true}, tg.toks[k].lx().unit), the: true}, true
		case 1:
			return match{start: i, end: k + 1, typ: Date, val: "FUTURE_REF", the: true}, true
		}
		return match{}, false
	case tg.has(k, cUnit):
		u := tg.toks[k].lx().unit
		if dir == -2 {
			if u != uQuarter && !tg.is(k, "period") {
				return match{}, false
			}
			return match{start: i, end: k + 1, typ: Date, val: tg.latestQuarter(), the: true}, true
		}
		if tg.adj(k+1) && tg.punct(k+1, '-') {
			return match{}, false // "last-minute", "this-year's"
		}
		if tg.toks[i].upper && tg.toks[k].upper && tg.punct(i-1, '"', '“', '`', '\'') {
			return match{}, false // a quoted title: ABC's "This Week"
		}
		v, typ := "", Date
		switch u {
		case uDay:
			if dir == 0 {
				return match{}, false
			}
			v = tg.relDay(dir)
		case uWeek:
			v = tg.relWeek(dir)
		case uWeekend:
			v = tg.relWeek(dir) + "-WE"
		case uMonth:
			v = tg.relMonth(dir)
			if a := tg.lastMonth; a != "" && tg.is(i, "following", "previous") {
				// "the following month": after the month the text last named
				y, _ := atoi(a[:4])
				m, _ := atoi(a[5:7])
				n := y*12 + m - 1 + dir
				v = monthVal(n/12, n%12+1)
			}
		case uQuarter:
			v = tg.relQuarter(dir)
		case uYear:
			v = tg.relYear(dir)
			if a := tg.lastYear; a != "" && tg.is(i, "following", "previous") {
				y, _ := atoi(a)
				v = yearVal(y + dir) // "In 1995 ... the following year"
			}
		case uDecade:
			if dir != 0 {
				v, typ = "P10Y", Duration
			} else if tg.ref.ok {
				v = strconv.Itoa(tg.refYear() / 10)
			} else {
				v = "XXX"
			}
		case uCentury:
			if dir != 0 {
				v, typ = "P100Y", Duration
			} else if tg.ref.ok {
				v = strconv.Itoa(tg.refYear() / 100)
			} else {
				v = "XX"
			}
		default:
			return match{}, false
		}
		// "last year's results" is last year; "last year's third quarter" is
		// longer, so the quarter rule's reading wins it.
		return match{start: i, end: k + 1, typ: typ, val: v, the: true}, true
	case tg.has(k, cMonth) && tg.toks[k].upper && dir != -2:
		m := tg.toks[k].lx().val
		if !tg.ref.ok {
			return match{start: i, end: k + 1, typ: Date, val: "XXXX-" + two(m)}, true
		}
		y, rm := tg.refYear(), int(tg.ref.t.Month())
		switch {
		case dir < 0 && m >= rm:
			y--
		case dir > 0 && m <= rm:
			y++
		}
		return match{start: i, end: k + 1, typ: Date, val: monthVal(y, m)}, true
	case tg.has(k, cWeekday) && tg.toks[k].upper && dir != -2:
		w := tg.toks[k].lx().val
		if !tg.ref.ok {
			return match{start: i, end: k + 1, typ: Date, val: weekdayX(w)}, true
		}
		r := int(tg.ref.t.Weekday()+6)%7 + 1
		var d time.Time
		switch dir {
		case -1:
			d = tg.ref.t.AddDate(0, 0, -((r-w+6)%7 + 1))
		case 1:
			d = tg.ref.t.AddDate(0, 0, (w-r+6)%7+1)
		default:
			d, _ = tg.weekday(w, i, k+1)
		}
		if tg.is(i, "previous") && !tg.lastDay.IsZero() {
			// "the previous Friday": the one before the day last named.
			ld := int(tg.lastDay.Weekday()+6)%7 + 1
			d = tg.lastDay.AddDate(0, 0, -((ld-w+6)%7 + 1))
		}
		return match{start: i, end: k + 1, typ: Date, val: dayVal(d)}, true
	}
	return match{}, false
}

// latestQuarter is "the latest quarter": the quarter last named, else the
// one before the reference date's.
func (tg *tagger) latestQuarter() string {
	if tg.lastQuarter != 0 {
		return quarterVal(tg.lastQuarter/10, tg.lastQuarter%10)
	}
	return tg.relQuarter(-1)
}

// quarter reads fiscal quarters and halves: "the third quarter",
// "third-quarter", "the first quarter of 2009", "the fourth quarter of last
// year", "next year's first quarter", "the 1988 third quarter", "the
// year-ago quarter", "the first half", "fiscal 1989", and "the quarter".
func (tg *tagger) quarter(i int) (match, bool) {
	k := i
	y, haveYear := 0, false
	if tg.is(k, "fiscal") {
		k++
		if yy, ok := tg.year4(k); ok && !tg.has(k+1, cOrdinal) && !tg.is(k+1, "quarter") {
			return match{start: i, end: k + 1, typ: Date, val: yearVal(yy)}, true
		}
	}
	// A year before the ordinal: "1988", "this year's", "last year's", "year-ago".
	if yy, ok := tg.year4(k); ok {
		y, haveYear, k = yy, true, k+1
	} else if tg.is(k, "this", "last", "next") && tg.is(k+1, "year") && tg.punct(k+2, '\'') && tg.is(k+3, "s") {
		off := map[string]int{"this": 0, "last": -1, "next": 1}[tg.word(k)]
		y, haveYear, k = tg.refYear()+off, tg.ref.ok, k+4
	} else if tg.is(k, "year") && tg.punct(k+1, '-') && tg.is(k+2, "ago", "earlier") {
		k += 3
		q := tg.lastQuarter
		if q == 0 {
			if !tg.ref.ok {
				return match{}, false
			}
			ry, rq := tg.refQuarter()
			q = ry*10 + rq - 1
			if rq == 1 {
				q = (ry-1)*10 + 4
			}
		}
		if tg.is(k, "fiscal") {
			k++
		}
		if tg.has(k, cOrdinal) && tg.is(k+1, "quarter") {
			q = q/10*10 + tg.toks[k].lx().val
			k++
		}
		if tg.is(k, "quarter", "period") {
			k++
		}
		return match{start: i, end: k, typ: Date, val: quarterVal(q/10-1, q%10), the: true, derived: true}, true
	}
	if tg.is(k, "fiscal") {
		k++
	}
	ord, lastOf := 0, false
	if tg.has(k, cOrdinal) {
		ord = tg.toks[k].lx().val
		k++
		if tg.punct(k, '-') && tg.adj(k) {
			k++
		}
	} else if tg.is(k, "last") && tg.is(k+1, "quarter", "half") && tg.is(k+2, "of") {
		// "the last half of 1989", "the last quarter of 2008": the last one of
		// that year, not the one before the reference
		ord, k, lastOf = 4, k+1, true
		if tg.is(k, "half") {
			ord = 2
		}
	}
	unit := tg.word(k)
	if unit != "quarter" && unit != "half" && !(unit == "period" && haveYear) {
		return match{}, false
	}
	if unit == "half" && (ord < 1 || ord > 2) || unit == "quarter" && ord > 4 {
		return match{}, false
	}
	k++
	if tg.adj(k) && tg.punct(k, '-') && !tg.is(k+1, "end") && !(ord > 0 && tg.is(k+1, "over", "to", "on")) {
		return match{}, false // "quarter-point"
	}
	if ord == 0 && !haveYear {
		// "the quarter": only with the article, and it is the quarter last named.
		if !tg.is(i-1, "the") || tg.is(k, "of", "century") {
			return match{}, false
		}
		// A quarter the text just named is its own label (a fiscal "first
		// quarter" may end in September); else the end date tells.
		if v, ok := tg.quarterEnded(k); ok && tg.recentQuarter(i) == 0 {
			return match{start: i, end: k, typ: Date, val: v, the: true}, true
		}
		return match{start: i, end: k, typ: Date, val: tg.latestQuarter(), the: true}, true
	}
	// A year after: "of 2009", "of last year", "of this year", "of fiscal 1990".
	if !haveYear && tg.is(k, "of", "in") {
		j := k + 1
		if tg.is(j, "fiscal") {
			j++
		}
		if yy, ok := tg.year4(j); ok {
			y, haveYear, k = yy, true, j+1
		} else if tg.is(j, "this", "last", "next") && tg.is(j+1, "year") && tg.ref.ok {
			off := map[string]int{"this": 0, "last": -1, "next": 1}[tg.word(j)]
			y, haveYear, k = tg.refYear()+off, true, j+2
		} else if tg.is(j, "the") && tg.is(j+1, "year") && tg.ref.ok {
			y, haveYear, k = tg.refYear(), true, j+2
		}
	}
	if lastOf && !haveYear {
		return match{}, false // "the last half of the '80s"
	}
	if ord == 0 {
		// "the 1988 period": the year-ago side of a comparison, valued by
		// the quarter last named and no anchor for what follows.
		if tg.lastQuarter == 0 {
			return match{start: i, end: k, typ: Date, val: yearVal(y), the: true, derived: true}, true
		}
		ord = tg.lastQuarter % 10
		return match{start: i, end: k, typ: Date, val: quarterVal(y, ord), the: true, derived: true}, true
	}
	code := "Q"
	if unit == "half" {
		code = "H"
	}
	if !haveYear {
		if !tg.ref.ok {
			return match{start: i, end: k, typ: Date, val: "XXXX-" + code + strconv.Itoa(ord), the: true}, true
		}
		y = tg.refYear()
		ry, rq := tg.refQuarter()
		cur := rq
		if code == "H" {
			cur = (rq + 1) / 2
		}
		if ord > cur && tg.tense(i, k) == past {
			y = ry - 1
		}
	}
	return match{start: i, end: k, typ: Date, val: yearVal(y) + "-" + code + strconv.Itoa(ord), the: true}, true
}

// season reads "spring", "last fall", "this summer", "the early summer".
func (tg *tagger) season(i int) (match, bool) {
	k, dir, explicit := i, 0, false
	switch tg.word(i) {
	case "this":
		k, explicit = i+1, true
	case "last", "past":
		k, dir, explicit = i+1, -1, true
	case "next", "coming":
		k, dir, explicit = i+1, 1, true
	}
	if !tg.has(k, cSeason) {
		return match{}, false
	}
	if !explicit && !tg.toks[k].upper && !tg.is(k-1, "in", "the", "early", "late", "mid", "of", "since", "until", "by", "during", "this", "last", "next", "through") {
		return match{}, false
	}
	if tg.word(k) == "fall" && !explicit && !tg.is(k-1, "the", "in", "early", "late", "this", "last", "next", "mid", "since", "until", "by") {
		return match{}, false
	}
	if tg.adj(k+1) && tg.punct(k+1, '-') {
		return match{}, false
	}
	s := tg.toks[k].lx().val
	// "the winter of 1994", "spring 2009"
	j := k + 1
	if tg.is(j, "of") {
		j++
	}
	if y, next, ok := tg.yearAfter(j); ok && !tg.punct(j, ',') {
		return match{start: i, end: next, typ: Date, val: yearVal(y) + "-" + seasonCode[s], the: true}, true
	}
	if !tg.ref.ok {
		return match{start: i, end: k + 1, typ: Date, val: "XXXX-" + seasonCode[s], the: true}, true
	}
	y, m := tg.refYear(), int(tg.ref.t.Month())
	cur := (m%12)/3 + 1 // Dec-Feb winter=4 is handled below
	if m == 12 || m <= 2 {
		cur = 4
	}
	switch {
	case dir < 0:
		y--
	case dir > 0:
		if s <= cur {
			y++
		}
	default:
		if s > cur && tg.tense(i, k+1) == past {
			y--
		}
	}
	return match{start: i, end: k + 1, typ: Date, val: yearVal(y) + "-" + seasonCode[s], the: true}, true
}

// edge reads the start or end of a period: "the end of this year", "the
// beginning of October", "year-end", "the end of the month".
func (tg *tagger) edge(i int) (match, bool) {
	if tg.is(i, "year", "month") && (tg.punct(i+1, '-') && tg.adj(i+1) || true) {
		k := i + 1
		if tg.punct(k, '-') {
			k++
		} else if tg.punct(k, '\'') && tg.is(k+1, "s") {
			k += 2
		}
		if tg.is(k, "end") && !(tg.adj(k+1) && tg.punct(k+1, '-')) {
			v := tg.relYear(0)
			if tg.word(i) == "month" {
				v = tg.relMonth(0)
			}
			return match{start: i, end: k + 1, typ: Date, val: v}, true
		}
		return match{}, false
	}
	if !tg.is(i, "end", "beginning", "start", "middle", "close", "turn") || !tg.is(i+1, "of") {
		return match{}, false
	}
	k := i + 2
	if tg.is(k, "the") && tg.has(k+1, cUnit) && !tg.has(k+2, cUnit) && !tg.is(k+2, "of") {
		v := ""
		switch tg.toks[k+1].lx().unit {
		case uDay:
			v = tg.relDay(0)
		case uWeek:
			v = tg.relWeek(0)
		case uMonth:
			v = tg.relMonth(0)
		case uYear:
			v = tg.relYear(0)
		case uDecade:
			if tg.ref.ok {
				v = strconv.Itoa(tg.refYear() / 10)
			}
		case uCentury:
			if tg.ref.ok {
				v = strconv.Itoa(tg.refYear() / 100)
			}
		}
		if v == "" {
			return match{}, false
		}
		return match{start: i, end: k + 2, typ: Date, val: v, the: true}, true
	}
	m, ok := tg.inner(k)
	if !ok || m.typ != Date {
		return match{}, false
	}
	m.start, m.the, m.extra = i, true, nil
	return m, true
}

// inner is the longest expression at k, "the" included.
func (tg *tagger) inner(k int) (match, bool) {
	if tg.is(k, "the") {
		if m, ok := tg.core(k + 1); ok && m.the {
			m.start = k
			return m, true
		}
		return match{}, false
	}
	return tg.core(k)
}

// modified reads an expression with "early", "late", "mid", "earlier" or
// "later" before it: "early June", "mid-2011", "earlier this year", "late
// yesterday", "later in the year". The value keeps the expression's.
func (tg *tagger) modified(i int) (match, bool) {
	if !tg.is(i, "early", "late", "mid", "earlier", "later", "middle") {
		return match{}, false
	}
	k := i + 1
	if tg.punct(k, '-') && tg.adj(k) {
		k++
	}
	if tg.is(k, "in", "on") && tg.is(k+1, "the") && tg.is(k+2, "year", "month", "week", "day") {
		v := map[string]string{"year": tg.relYear(0), "month": tg.relMonth(0), "week": tg.relWeek(0), "day": tg.relDay(0)}[tg.word(k+2)]
		return match{start: i, end: k + 3, typ: Date, val: v}, true
	}
	if tg.is(k, "that") && tg.is(k+1, "day", "year") {
		return match{}, false
	}
	m, ok := tg.inner(k)
	if !ok || m.typ == Duration || m.typ == Set || m.val == "PRESENT_REF" {
		return match{}, false
	}
	if tg.is(i, "mid") && len(m.val) == 4 && !tg.ref.ok {
		m.val += "-XX"
	}
	m.start = i
	m.the = len(m.val) == 3 && isDigits(m.val) // "the late 1970s", as a decade takes "the"
	return m, true
}

// approximate reads a duration with a hedge or bound before it: "almost 30
// years", "more than four hours", "at least 20 days", "up to 180 days",
// "nearly two months", "around Nov. 1".
func (tg *tagger) approximate(i int) (match, bool) {
	k := i + 1
	switch tg.word(i) {
	case "more", "less", "fewer":
		if !tg.is(k, "than") {
			return match{}, false
		}
		k++
	case "at":
		if !tg.is(k, "least", "most") {
			return match{}, false
		}
		k++
	case "up":
		if !tg.is(k, "to") {
			return match{}, false
		}
		k++
	case "over", "under", "within":
		// A preposition before "the past two years" stays out of the extent.
		if tg.is(k, "the") {
			return match{}, false
		}
	case "about", "almost", "nearly", "around", "roughly", "approximately", "some",
		"just", "barely", "another", "additional", "exactly", "precisely":
	default:
		return match{}, false
	}
	m, ok := tg.inner(k)
	if !ok {
		return match{}, false
	}
	if m.typ != Duration && !(m.typ == Date && tg.is(i, "around", "about", "exactly", "just") && len(m.val) >= 7 && m.val[0] != 'P') {
		return match{}, false
	}
	m.start = i
	m.the = false
	return m, true
}

// withThe takes a leading "the" into expressions that take one.
func (tg *tagger) withThe(i int) (match, bool) {
	if !tg.is(i, "the") {
		return match{}, false
	}
	m, ok := tg.core(i + 1)
	if !ok || !m.the {
		return tg.anaphor(i)
	}
	m.start = i
	return m, true
}

// anaphor reads a day named by reference to the day the text last named:
// "the same day", "that day", "the next day", "the day before".
func (tg *tagger) anaphor(i int) (match, bool) {
	if !tg.is(i, "the", "that") {
		return match{}, false
	}
	k, off := i+1, 0
	if tg.is(k, "same") {
		k++
	} else if tg.is(k, "next", "following") {
		k, off = k+1, 1
	} else if tg.is(k, "previous") {
		k, off = k+1, -1
	}
	if !tg.is(k, "day") || tg.adj(k+1) && tg.punct(k+1, '-') {
		return match{}, false
	}
	// A bare "the day" is a date after a preposition ("for the day") or
	// a verb of the trading session ("the index ended the day at 7,114").
	if off == 0 && tg.word(i+1) != "same" && tg.word(i) == "the" && !tg.is(i-1, "on", "for", "during", "of", "throughout", "over",
		"end", "ends", "ended", "ending", "finish", "finished", "finishing", "close", "closed", "closing", "start", "started", "starting") {
		return match{}, false
	}
	if tg.is(k+1, "before") && off == 0 {
		k, off = k+1, -1
	} else if tg.is(k+1, "after") && off == 0 {
		k, off = k+1, 1
	}
	day := tg.lastDay
	if day.IsZero() {
		if !tg.ref.ok {
			return match{start: i, end: k + 1, typ: Date, val: "XXXX-XX-XX"}, true
		}
		day = tg.ref.t
	}
	return match{start: i, end: k + 1, typ: Date, val: dayVal(day.AddDate(0, 0, off))}, true
}

// quarterEnded reads "ended Sept. 30" after "the quarter" (token k): the
// quarter is the three months up to that day, valued by the calendar
// quarter of their middle month ("ended July 31" is May to July: Q2).
func (tg *tagger) quarterEnded(k int) (string, bool) {
	if !tg.is(k, "ended", "ending") {
		return "", false
	}
	m, ok := tg.monthDate(k + 1)
	if !ok || len(m.val) != 10 || m.val[0] == 'X' {
		return "", false
	}
	y, _ := atoi(m.val[:4])
	mo, _ := atoi(m.val[5:7])
	mid := mo - 1
	if mid < 1 {
		y, mid = y-1, mid+12
	}
	return quarterVal(y, (mid-1)/3+1), true
}
