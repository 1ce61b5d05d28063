package timex

import (
	"strings"
	"time"

	"chronicle/text"
)

// Tag returns the temporal expressions of s in text order, with values
// resolved against ref (which may be zero).
func Tag(s string, ref Ref) []Timex {
	tg := tagger{s: s, ref: ref}
	tg.toks = tokenize(s, make([]token, 0, len(s)/5+8))
	tg.bounds()
	tg.scan()
	return tg.out
}

// match is one rule's reading of the tokens [start, end).
type match struct {
	start, end int
	typ, val   string
	// the marks expressions that take a leading "the" into their extent
	// ("the third quarter", "the past two years"), as TimeML does; a month
	// or a weekday never does ("the March 1 deadline").
	the   bool
	extra *match // a second expression carried by the same words ("22" in "July 21-22")
	// derived marks a value computed from an earlier one ("the year-ago
	// quarter"), which must not become the anchor of later anaphora.
	derived bool
}

type tagger struct {
	s    string
	toks []token
	ref  Ref
	// sentEnd[i] is the token index that ends the sentence of token i (exclusive).
	sentEnd   []int32
	sentStart []int32
	out       []Timex

	// The most recent day and quarter the text named, for anaphora
	// ("the same day", "the year-earlier quarter").
	lastDay     time.Time
	lastQuarter int // year*10+quarter, or 0
	lastQTok    int // the token where that quarter was named
}

// quarterWindow is how many tokens back a named quarter still anchors "a
// year earlier" to a quarter rather than a year.
const quarterWindow = 100

// recentQuarter is the quarter named within quarterWindow tokens before i, or 0.
func (tg *tagger) recentQuarter(i int) int {
	if tg.lastQuarter == 0 || i-tg.lastQTok > quarterWindow {
		return 0
	}
	return tg.lastQuarter
}

// rule reads an expression starting at token i.
type rule func(tg *tagger, i int) (match, bool)

// rules are tried at every token that can start an expression; the longest
// reading wins, and the earlier rule wins a tie.
var rules []rule

func init() {
	rules = []rule{
		(*tagger).isoDate, (*tagger).slashDate, (*tagger).clock, (*tagger).yearNumber,
		(*tagger).dayMonth, (*tagger).monthDate, (*tagger).weekdayDate,
		(*tagger).deictic, (*tagger).reference, (*tagger).shifted, (*tagger).quarter,
		(*tagger).season, (*tagger).duration, (*tagger).set, (*tagger).anaphor,
		(*tagger).calendarNoun, (*tagger).holiday,
		(*tagger).edge, (*tagger).modified, (*tagger).approximate, (*tagger).withThe,
	}
}

func (tg *tagger) scan() {
	for i := 0; i < len(tg.toks); {
		m, ok := tg.longest(i)
		if !ok {
			i++
			continue
		}
		tg.emit(m)
		for e := m.extra; e != nil; e = e.extra {
			tg.emit(*e)
		}
		i = m.end
		if m.extra != nil {
			i = max(i, m.extra.end)
		}
	}
}

func (tg *tagger) longest(i int) (match, bool) {
	t := &tg.toks[i]
	if t.kind == tWord && t.lx.cls == 0 || t.kind == tNumber || t.kind == tPunct && t.ch != '\'' {
		return match{}, false
	}
	var best match
	found := false
	for _, r := range rules {
		if m, ok := r(tg, i); ok && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	return best, found
}

// core is longest without the two wrapping rules (approximate, withThe),
// for rules that wrap another expression. Every wrapper moves past at least
// one token before it calls core, so the recursion ends.
func (tg *tagger) core(i int) (match, bool) {
	if i >= len(tg.toks) {
		return match{}, false
	}
	var best match
	found := false
	for _, r := range rules[:len(rules)-2] {
		if m, ok := r(tg, i); ok && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	return best, found
}

func (tg *tagger) emit(m match) {
	sp := text.Span{Start: tg.toks[m.start].start, End: tg.toks[m.end-1].end}
	tg.out = append(tg.out, Timex{Span: sp, Type: m.typ, Value: m.val})
	if !m.derived {
		tg.remember(m.val, m.start)
	}
	if m.typ == Duration && (strings.HasSuffix(m.val, "M") && !strings.HasPrefix(m.val, "PT") || m.val == "P1Y") {
		// "For the nine months, ... a year earlier": the comparison is now of
		// months or years, no longer of the quarter named before.
		tg.lastQTok = -quarterWindow - 1
	}
}

// remember notes a resolved day or quarter for later anaphora.
func (tg *tagger) remember(v string, tok int) {
	if len(v) >= 10 && v[4] == '-' && v[7] == '-' {
		if r, ok := ParseRef(v[:10]); ok {
			tg.lastDay = r.t
		}
	}
	if len(v) == 7 && v[4] == '-' && v[5] == 'Q' {
		y, ok := atoi(v[:4])
		if ok && v[6] >= '1' && v[6] <= '4' {
			tg.lastQuarter, tg.lastQTok = y*10+int(v[6]-'0'), tok
		}
	}
}

// ---- token helpers ----

func (tg *tagger) word(i int) string {
	if i < 0 || i >= len(tg.toks) {
		return ""
	}
	return tg.toks[i].low
}

func (tg *tagger) is(i int, words ...string) bool {
	w := tg.word(i)
	if w == "" {
		return false
	}
	for _, x := range words {
		if w == x {
			return true
		}
	}
	return false
}

func (tg *tagger) has(i int, c class) bool {
	return i >= 0 && i < len(tg.toks) && tg.toks[i].kind == tWord && tg.toks[i].lx.cls&c != 0
}

// adj reports whether token i touches token i-1 (no space between).
func (tg *tagger) adj(i int) bool {
	return i > 0 && i < len(tg.toks) && tg.toks[i].start == tg.toks[i-1].end
}

func (tg *tagger) punct(i int, chars ...rune) bool {
	if i < 0 || i >= len(tg.toks) || tg.toks[i].kind != tPunct {
		return false
	}
	for _, c := range chars {
		if tg.toks[i].ch == c {
			return true
		}
	}
	return false
}

// num returns the value and digit count of a plain number token.
func (tg *tagger) num(i int) (n, digits int, ok bool) {
	if i < 0 || i >= len(tg.toks) || tg.toks[i].kind != tNum {
		return 0, 0, false
	}
	t := tg.toks[i]
	return t.num, t.end - t.start, true
}

func (tg *tagger) text(i int) string { return tg.s[tg.toks[i].start:tg.toks[i].end] }

// dayNumber reads a day of month: "27", "1st", "2nd", "21st". It returns the
// token after it.
func (tg *tagger) dayNumber(i int) (d, next int, ok bool) {
	n, digits, ok := tg.num(i)
	if !ok || digits > 2 || n < 1 || n > 31 {
		return 0, 0, false
	}
	next = i + 1
	if tg.adj(next) && tg.toks[next].kind == tWord {
		switch tg.text(next) {
		case "st", "nd", "rd", "th":
			next++
		default:
			return 0, 0, false // "27th-century", "3D": not a day
		}
	}
	return n, next, true
}

// year4 reads a four-digit year.
func (tg *tagger) year4(i int) (int, bool) {
	n, digits, ok := tg.num(i)
	if !ok || digits != 4 || n < 1000 || n > 2199 {
		return 0, false
	}
	return n, true
}

// bounds marks sentence ends: a full stop, question or exclamation mark
// before a capital, digit or new line, unless it closes an abbreviation; and
// every line break.
func (tg *tagger) bounds() {
	n := len(tg.toks)
	tg.sentStart = make([]int32, n)
	tg.sentEnd = make([]int32, n)
	start := 0
	for i := 0; i < n; i++ {
		end := i == n-1 || tg.toks[i+1].nl
		if !end && tg.punct(i, '.', '!', '?') {
			nx := tg.toks[i+1]
			opens := nx.upper || nx.kind == tNum || nx.kind == tPunct && (nx.ch == '"' || nx.ch == '“' || nx.ch == '\'')
			end = opens && !(tg.toks[i].ch == '.' && tg.abbreviation(i-1))
		}
		if end {
			for k := start; k <= i; k++ {
				tg.sentStart[k], tg.sentEnd[k] = int32(start), int32(i+1)
			}
			start = i + 1
		}
	}
}

func (tg *tagger) abbreviation(i int) bool {
	if i < 0 || tg.toks[i].kind != tWord {
		return false
	}
	t := tg.toks[i]
	if t.end-t.start == 1 || t.lx.cls&cMonAbbr != 0 {
		return true
	}
	switch tg.s[t.start:t.end] {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Inc", "Corp", "Co", "Jr", "Sr", "Gov", "Sen", "Rep", "Gen",
		"Lt", "Col", "No", "vs", "Prof", "Ltd", "Mt", "Sgt", "Capt", "Adm", "Rev", "Messrs":
		return true
	}
	return false
}
