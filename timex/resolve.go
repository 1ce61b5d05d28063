package timex

import (
	"strconv"
	"time"
)

// Tense of the clause around an expression.
const (
	past    = -1
	unknown = 0
	future  = 1
)

// tense looks outward from the expression [i, j) for the nearest word that
// marks the past ("was", "-ed") or the future ("will", "would", "expected"),
// within its sentence. The nearest marker is usually the verb the expression
// modifies. A reporting verb counts only right beside the expression ("said
// on Tuesday that it will ..."): further off, it is the reporting that is
// past, not what is reported ("said the offer expires Dec. 7").
func (tg *tagger) tense(i, j int) int {
	if i >= len(tg.toks) {
		return unknown
	}
	// "since March" looks back whatever the verb. "by February", "until
	// Friday", "effective June 1" and "as soon as Tuesday" look ahead ("postponed until
	// Tuesday"), unless a past perfect puts the deadline behind ("had filed
	// by Wednesday", "Until Thursday, they had not called him").
	switch tg.word(i - 1) {
	case "by", "until", "till", "through", "effective", "starting":
		return tg.aheadTense(i, j)
	case "as":
		if tg.is(i-2, "soon", "early") && tg.is(i-3, "as") {
			return tg.aheadTense(i-3, j)
		}
	case "since":
		return past
	}
	return tg.clauseTense(i, j)
}

// aheadTense is the tense of an expression after a forward-looking
// preposition ending at token i-1: past when a "had" governs its clause,
// else future.
func (tg *tagger) aheadTense(i, j int) int {
	lo := tg.sentStart(i)
	k := i - 2
	for ; k >= lo && !tg.punct(k, ',', ';') && !tg.is(k, "had"); k-- {
	}
	if tg.is(k, "had") {
		return past
	}
	if i-1-lo <= 1 {
		// The sentence opens with it: the verb after it tells ("By
		// February, the army took the town").
		hi := tg.sentEnd(min(j, len(tg.toks)) - 1)
		for k := j; k < hi; k++ {
			if t := tg.marker(k, k-j+1, false); t != unknown {
				if t == past {
					return past
				}
				break
			}
		}
	}
	return future
}

// clauseTense is the tense of the nearest marker around [i, j).
func (tg *tagger) clauseTense(i, j int) int {
	lo, hi := tg.sentStart(i), tg.sentEnd(min(j, len(tg.toks))-1)
	// Going forward, a comma ends the expression's clause unless the
	// expression opens the sentence ("On Monday, the envoy said"), and a
	// "that" always does: what follows is reported ("told reporters on
	// Tuesday that the blockade might be extended").
	opens := i-lo <= 1
	for d := 1; i-d >= lo || j-1+d < hi; d++ {
		if k := j - 1 + d; k < hi && (!opens && tg.punct(k, ',', ';') || tg.is(k, "that") && k > j) {
			hi = k
		}
		if k := i - d; k >= lo {
			if t := tg.marker(k, d, true); t != unknown {
				return t
			}
		}
		if k := j - 1 + d; k < hi {
			if t := tg.marker(k, d, false); t != unknown {
				if tg.has(k, cReport) && k-lo > 0 && i-lo > 1 && tg.commaBetween(j, k) {
					continue // "... on Friday, officials said": the attribution of the clause
				}
				return t
			}
		}
	}
	return unknown
}

func (tg *tagger) commaBetween(j, k int) bool {
	for ; j < k; j++ {
		if tg.punct(j, ',', '"', '”', '\'') {
			return true
		}
	}
	return false
}

// marker is the tense token k marks, dist tokens from the expression,
// before it or after it.
func (tg *tagger) marker(k, dist int, before bool) int {
	t := &tg.toks[k]
	if t.kind != tWord {
		return unknown
	}
	if t.lx().cls&cReport != 0 {
		if dist <= 3 {
			return past
		}
		return unknown
	}
	if t.lx().cls&cFuture != 0 {
		if tg.is(k-1, "had") || tg.is(k-1, "been") && tg.is(k-2, "had") {
			return past // "it had been due to expire Friday"
		}
		switch t.lx().word {
		case "next":
			if tg.is(k+1, "to") {
				return unknown // "next to the embassy"
			}
		case "due":
			// "due in Yevlakh on Thursday", "due to meet"; not "due to the war".
			if tg.is(k+1, "to") && (tg.is(k+2, "the", "a", "an", "his", "her", "its", "their", "our", "this", "that") || tg.toks[min(k+2, len(tg.toks)-1)].kind != tWord) {
				return unknown
			}
			return future
		case "set", "going", "expected", "plans", "hopes", "intends", "aims":
			// "is expected to", "set for"; not "vacation plans".
			if tg.is(k+1, "to", "for") {
				return future
			}
			return unknown
		case "scheduled", "planned", "planning", "plan":
			// "planned to leave on Thursday", "has scheduled a news
			// conference Thursday": a plan made in the past for a day
			// ahead. After the expression, the day is when the plan was
			// made ("On Friday, the government planned to ...").
			if before && tg.is(k+1, "to", "for", "a", "an") {
				return future
			}
			if tg.word(k) == "scheduled" || tg.word(k) == "planned" {
				return past
			}
			return unknown
		}
		return future
	}
	if t.lx().cls&cPast != 0 {
		if tg.is(k-1, "be", "being", "been", "is", "are") {
			return unknown // "will be held"
		}
		if tg.is(k, "was", "were") && k+1 < len(tg.toks) && tg.has(k+1, cFuture) && !tg.is(k+1, "next", "coming", "upcoming") {
			return tg.marker(k+1, dist, before) // "were planning to drive ... on Monday"
		}
		return past
	}
	w := tg.s[t.start:t.end]
	if n := len(w); n >= 5 && w[n-2] == 'e' && w[n-1] == 'd' && w[n-3] != 'e' && (!t.upper || k == 0 || tg.endsSentence(k-1)) {
		if tg.is(k-1, "is", "are", "be", "being", "been", "a", "an", "the", "his", "her", "its", "their", "our", "still", "very", "most", "more", "well") {
			return unknown // a passive participle ("is being traded") or an adjective ("a still unspecified date")
		}
		return past
	}
	return unknown
}

// ---- values ----

func dayVal(t time.Time) string { return t.Format("2006-01-02") }

func yearVal(y int) string {
	if y < 0 || y > 9999 {
		return "XXXX"
	}
	s := strconv.Itoa(y)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

func monthVal(y, m int) string { return yearVal(y) + "-" + two(m) }

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func weekVal(t time.Time) string {
	y, w := t.ISOWeek()
	return yearVal(y) + "-W" + two(w)
}

func quarterVal(y, q int) string { return yearVal(y) + "-Q" + strconv.Itoa(q) }

func (tg *tagger) refYear() int { return tg.ref.t.Year() }

// relDay is the day off days from the reference.
func (tg *tagger) relDay(off int) string {
	if !tg.ref.ok {
		return "XXXX-XX-XX"
	}
	return dayVal(tg.ref.t.AddDate(0, 0, off))
}

func (tg *tagger) relWeek(off int) string {
	if !tg.ref.ok {
		return "XXXX-WXX"
	}
	return weekVal(tg.ref.t.AddDate(0, 0, 7*off))
}

func (tg *tagger) relMonth(off int) string {
	if !tg.ref.ok {
		return "XXXX-XX"
	}
	t := time.Date(tg.ref.t.Year(), tg.ref.t.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
	return monthVal(t.Year(), int(t.Month()))
}

func (tg *tagger) relYear(off int) string {
	if !tg.ref.ok {
		return "XXXX"
	}
	return yearVal(tg.refYear() + off)
}

func (tg *tagger) refQuarter() (y, q int) {
	return tg.refYear(), (int(tg.ref.t.Month())-1)/3 + 1
}

func (tg *tagger) relQuarter(off int) string {
	if !tg.ref.ok {
		return "XXXX-QX"
	}
	y, q := tg.refQuarter()
	n := y*4 + q - 1 + off
	return quarterVal(n/4, n%4+1)
}

// monthOf resolves a month named without a year: the reference year, moved
// back a year when the clause is past and the month lies ahead, or forward a
// year when the clause is future and the month is behind.
func (tg *tagger) monthOf(m, i, j int) string {
	if !tg.ref.ok {
		return "XXXX-" + two(m)
	}
	return monthVal(tg.yearForMonth(m, 0, i, j), m)
}

func (tg *tagger) yearForMonth(m, d, i, j int) int {
	y := tg.refYear()
	if d == 0 {
		d = 15
	}
	// The candidate years around the reference; the tense picks the side,
	// with a margin of some six weeks for dates just across it.
	const margin = 45 * 24 * time.Hour
	best, bestDist := y, time.Duration(1<<62)
	tense := tg.tense(i, j)
	for _, cy := range []int{y - 1, y, y + 1} {
		dt := time.Date(cy, time.Month(m), min(d, daysIn(cy, m)), 0, 0, 0, 0, time.UTC).Sub(tg.ref.t)
		if tense == past && dt > margin || tense == future && dt < -margin {
			continue
		}
		if dt < 0 {
			dt = -dt
		}
		if dt < bestDist {
			best, bestDist = cy, dt
		}
	}
	return best
}

// monthDay resolves "March 1" without a year.
func (tg *tagger) monthDay(m, d, i, j int) string {
	if !tg.ref.ok {
		return "XXXX-" + two(m) + "-" + two(d)
	}
	y := tg.yearForMonth(m, d, i, j)
	if !validDate(y, m, d) {
		return yearVal(y) + "-" + two(m) + "-" + two(d)
	}
	return dayVal(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC))
}

// weekday resolves a weekday named alone (1 = Monday): the reference day
// itself when it is that weekday, else the one before it in a past or
// tenseless clause, or the one after it in a future clause.
func (tg *tagger) weekday(w, i, j int) (time.Time, bool) {
	if !tg.ref.ok {
		return time.Time{}, false
	}
	r := int(tg.ref.t.Weekday()+6)%7 + 1
	if r == w {
		return tg.ref.t, true
	}
	if tg.tense(i, j) == future {
		return tg.ref.t.AddDate(0, 0, (w-r+7)%7), true
	}
	return tg.ref.t.AddDate(0, 0, -((r - w + 7) % 7)), true
}

// weekdayPast is the reference day if it is weekday w, else the w before it.
func (tg *tagger) weekdayPast(w int) (time.Time, bool) {
	if !tg.ref.ok {
		return time.Time{}, false
	}
	r := int(tg.ref.t.Weekday()+6)%7 + 1
	return tg.ref.t.AddDate(0, 0, -((r - w + 7) % 7)), true
}

func weekdayX(w int) string { return "XXXX-WXX-" + strconv.Itoa(w) }
