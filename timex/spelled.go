package timex

import "strconv"

// Years said in words, as broadcast transcripts write them: "nineteen
// ninety-six", "nineteen hundred", "the year two thousand", "two thousand
// and one".

// spelledYear reads a year in words at token i and returns the token after it.
func (tg *tagger) spelledYear(i int) (y, next int, ok bool) {
	if !tg.has(i, cNumber) {
		return 0, 0, false
	}
	c := tg.toks[i].lx().val
	k := i + 1
	switch {
	case c >= 16 && c <= 19: // the century: "nineteen ninety-six", "eighteen twelve"
		if tg.is(k, "hundred") {
			y, k = c*100, k+1
			break
		}
		if tg.is(k, "oh") && tg.has(k+1, cNumber) && tg.toks[k+1].lx().val < 10 {
			return c*100 + tg.toks[k+1].lx().val, k + 2, tg.yearEnds(k + 2)
		}
		n, k2, ok := tg.wordsBelow100(k)
		if !ok || n < 10 {
			return 0, 0, false
		}
		y, k = c*100+n, k2
	case c == 2 && tg.is(k, "thousand"): // "two thousand", "two thousand and one"
		y, k = 2000, k+1
		j := k
		if tg.is(j, "and") {
			j++
		}
		if n, k2, ok := tg.wordsBelow100(j); ok && n > 0 {
			y, k = 2000+n, k2
		}
	default:
		return 0, 0, false
	}
	return y, k, tg.yearEnds(k)
}

// wordsBelow100 reads "ninety-six", "ninety six", "twelve".
func (tg *tagger) wordsBelow100(k int) (n, next int, ok bool) {
	if !tg.has(k, cNumber) || tg.toks[k].lx().val >= 100 {
		return 0, 0, false
	}
	n, k = tg.toks[k].lx().val, k+1
	if n >= 20 && n%10 == 0 {
		j := k
		if tg.punct(j, '-') && tg.adj(j) {
			j++
		}
		if tg.has(j, cNumber) && tg.toks[j].lx().val > 0 && tg.toks[j].lx().val < 10 {
			n, k = n+tg.toks[j].lx().val, j+1
		}
	}
	return n, k, true
}

// yearEnds reports whether a year in words may end before token k: not
// when a noun it would count follows ("nineteen ninety-six people").
func (tg *tagger) yearEnds(k int) bool {
	return !tg.pluralNoun(k) && !tg.has(k, cNumber|cUnit|cUnits) && !(tg.punct(k, '-') && tg.adj(k))
}

// yearInWords reads a spelled year as an expression: "nineteen ninety-six"
// anywhere, "two thousand" only where a year is expected ("in", "by", "the
// year"), since it is far more often a number. "the year two thousand"
// takes "the year" in.
func (tg *tagger) yearInWords(i int) (match, bool) {
	start, k := i, i
	if tg.is(i, "year") {
		k = i + 1
		if y, ok := tg.year4(k); ok && tg.is(i-1, "the") && tg.yearEnds(k+1) {
			return match{start: i, end: k + 1, typ: Date, val: yearVal(y), the: true}, true // "the year 2000"
		}
	}
	y, end, ok := tg.spelledYear(k)
	if !ok {
		return match{}, false
	}
	if y >= 2000 && k == i && !tg.is(i-1, "in", "since", "by", "until", "of", "from", "before", "after", "early", "late", "mid") {
		return match{}, false
	}
	return match{start: start, end: end, typ: Date, val: yearVal(y), the: start != k}, true
}

// decadeWords are the decades said in words, "the nineties": 1900 + 10*index.
var decadeWords = map[string]int{"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
	"seventies": 7, "eighties": 8, "nineties": 9}

// decadeInWords reads "the nineties", "the early eighties" (the modifier is
// modified's): a decade of the twentieth century.
func (tg *tagger) decadeInWords(i int) (match, bool) {
	d, ok := decadeWords[tg.word(i)]
	if !ok || !tg.is(i-1, "the", "early", "late", "mid") {
		return match{}, false
	}
	return match{start: i, end: i + 1, typ: Date, val: "19" + strconv.Itoa(d), the: true}, true
}

// century reads "the 20th century", "the eleventh century": its value is
// the two leading digits of its years (19, 10).
func (tg *tagger) century(i int) (match, bool) {
	n, k := 0, i+1
	if v, digits, ok := tg.num(i); ok && digits <= 2 && tg.adj(i+1) && tg.is(i+1, "st", "nd", "rd", "th") {
		n, k = v, i+2
	} else if tg.has(i, cOrdinal) && !tg.is(i, "final") {
		n = tg.toks[i].lx().val
	}
	if n < 1 || n > 21 || !tg.is(k, "century") || tg.adj(k+1) && tg.punct(k+1, '-') {
		return match{}, false
	}
	return match{start: i, end: k + 1, typ: Date, val: two(n - 1), the: true}, true
}
