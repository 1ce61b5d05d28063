package timex

import (
	"math/bits"
	"strings"
	"time"

	"chronicle/text"
)

// Tag returns the temporal expressions of s in text order, with values
// resolved against ref (which may be zero).
func Tag(s string, ref Ref) []Timex {
	tg := tagger{s: s, ref: ref}
	tg.toks = tokenize(s, make([]token, 0, len(s)/5+8))
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
	out  []Timex

	// The most recent day and quarter the text named, for anaphora
	// ("the same day", "the year-earlier quarter").
	lastDay     time.Time
	lastQuarter int    // year*10+quarter, or 0
	lastQTok    int    // the token where that quarter was named
	lastMonth   string // the month last named (YYYY-MM), for "the same month a year ago"
	lastYear    string // the year of the date last named (YYYY), for "that year"
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

// ruleSet is a set of rules, by their index in rules.
type ruleSet uint32

// ruleDef names a rule and the tokens it may start at: numbers, words of
// some lexicon classes, or given words. Each token tries only the rules
// that may start at it, so most words of a text cost nothing.
type ruleDef struct {
	read    rule
	numbers bool
	apos    bool // an apostrophe ("'82")
	classes class
	words   []string
}

var (
	rules      []rule
	numRules   ruleSet // the rules that may start at a number
	aposRules  ruleSet
	wrapRules  ruleSet // approximate and withThe: rules that wrap another
	ruleByName = map[string]int{}
)

// registerRules builds rules and the start sets; the lexicon's init calls it
// once the words are in.
func registerRules() {
	defs := []ruleDef{
		{read: (*tagger).isoDate, numbers: true},
		{read: (*tagger).slashDate, numbers: true},
		{read: (*tagger).clock, numbers: true, words: []string{"noon", "midday", "midnight"}},
		{read: (*tagger).yearNumber, numbers: true, apos: true},
		{read: (*tagger).decadeInWords, words: []string{"twenties", "thirties", "forties", "fifties", "sixties",
			"seventies", "eighties", "nineties"}},
		{read: (*tagger).century, numbers: true, classes: cOrdinal},
		{read: (*tagger).quarterCode, words: []string{"q", "h"}},
		{read: (*tagger).yearInWords, words: []string{"sixteen", "seventeen", "eighteen", "nineteen", "two", "year"}},
		{read: (*tagger).dayMonth, numbers: true},
		{read: (*tagger).monthDate, classes: cMonth | cMonAbbr},
		{read: (*tagger).weekdayDate, classes: cWeekday},
		{read: (*tagger).deictic, words: []string{"today", "yesterday", "tomorrow", "tonight", "last", "this"}},
		{read: (*tagger).reference, words: []string{"now", "currently", "nowadays", "presently", "right", "these",
			"current", "present", "time", "moment", "recently", "lately", "more", "recent", "past", "future",
			"near", "distant", "foreseeable", "soon", "long", "short"}},
		{read: (*tagger).shifted, words: []string{"this", "current", "last", "past", "previous", "next", "coming",
			"following", "upcoming", "recent", "latest"}},
		{read: (*tagger).quarter, numbers: true, classes: cOrdinal, words: []string{"fiscal", "this", "last", "next",
			"year", "quarter", "half"}},
		{read: (*tagger).season, classes: cSeason, words: []string{"this", "last", "past", "next", "coming"}},
		{read: (*tagger).duration, numbers: true, classes: cNumber, words: []string{"past", "last", "next", "coming",
			"first", "final", "previous", "following", "latest", "recent", "a", "an", "few", "several", "half", "single"}},
		{read: (*tagger).set, words: []string{"daily", "nightly", "weekly", "monthly", "yearly", "annually", "annual",
			"hourly", "every", "each", "per"}},
		{read: (*tagger).anaphor, words: []string{"the", "that"}},
		{read: (*tagger).samePeriod, words: []string{"same", "corresponding", "comparable"}},
		{read: (*tagger).calendarNoun, classes: cUnits, words: []string{"weekend", "year", "full", "entire", "whole",
			"fiscal", "current", "latest"}},
		{read: (*tagger).holiday, words: []string{"christmas", "halloween", "thanksgiving", "new", "independence", "election"}},
		{read: (*tagger).edge, words: []string{"year", "month", "end", "beginning", "start", "middle", "close", "turn"}},
		{read: (*tagger).modified, words: []string{"early", "late", "mid", "earlier", "later", "middle"}},
		{read: (*tagger).approximate, words: []string{"more", "less", "fewer", "at", "up", "about", "almost", "nearly",
			"around", "roughly", "approximately", "some", "over", "under", "within", "just", "barely", "another",
			"additional", "exactly", "precisely"}},
		{read: (*tagger).withThe, words: []string{"the"}},
	}
	for r, d := range defs {
		bit := ruleSet(1) << r
		rules = append(rules, d.read)
		if d.numbers {
			numRules |= bit
		}
		if d.apos {
			aposRules |= bit
		}
		for _, w := range d.words {
			entry(w).rules |= bit
		}
		if d.classes != 0 {
			for k := range lexTable {
				if lexTable[k].cls&d.classes != 0 {
					lexTable[k].rules |= bit
				}
			}
		}
	}
	wrapRules = 1<<(len(defs)-1) | 1<<(len(defs)-2)
	indexLexicon()
}

func (tg *tagger) scan() {
	for i := 0; i < len(tg.toks); {
		if tg.startRules(i) == 0 {
			i++
			continue
		}
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

// startRules is the set of rules that may start at token i.
func (tg *tagger) startRules(i int) ruleSet {
	t := &tg.toks[i]
	switch t.kind {
	case tNum:
		return numRules
	case tWord:
		return t.lx().rules
	case tPunct:
		if t.ch == '\'' {
			return aposRules
		}
	}
	return 0
}

func (tg *tagger) longest(i int) (match, bool) {
	return tg.best(i, tg.startRules(i))
}

// core is longest without the two wrapping rules (approximate, withThe),
// for rules that wrap another expression. Every wrapper moves past at least
// one token before it calls core, so the recursion ends.
func (tg *tagger) core(i int) (match, bool) {
	if i >= len(tg.toks) {
		return match{}, false
	}
	return tg.best(i, tg.startRules(i)&^wrapRules)
}

// best is the longest reading at i among the rules of set; the earlier rule
// wins a tie.
func (tg *tagger) best(i int, set ruleSet) (match, bool) {
	var best match
	found := false
	for set != 0 {
		r := bits.TrailingZeros32(uint32(set))
		set &= set - 1
		if m, ok := rules[r](tg, i); ok && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	return best, found
}

func (tg *tagger) emit(m match) {
	sp := text.Span{Start: int(tg.toks[m.start].start), End: int(tg.toks[m.end-1].end)}
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
			tg.lastDay, tg.lastMonth = r.t, v[:7]
		}
	}
	if len(v) >= 4 && isDigits(v[:4]) && (len(v) == 4 || v[4] == '-') {
		tg.lastYear = v[:4]
	}
	if len(v) == 7 && v[4] == '-' && v[5] != 'Q' && v[5] != 'H' && v[0] != 'X' {
		tg.lastMonth = v
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
	return tg.toks[i].lx().word
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
	return i >= 0 && i < len(tg.toks) && tg.toks[i].kind == tWord && tg.toks[i].lx().cls&c != 0
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
	return int(t.num), int(t.end - t.start), true
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

// endsSentence reports whether a sentence ends after token i: at a line
// break, or at a full stop, question or exclamation mark before a capital,
// digit or opening quote, unless the stop closes an abbreviation.
func (tg *tagger) endsSentence(i int) bool {
	n := len(tg.toks)
	if i >= n-1 || tg.toks[i+1].nl {
		return true
	}
	if !tg.punct(i, '.', '!', '?') {
		return false
	}
	nx := tg.toks[i+1]
	opens := nx.upper || nx.kind == tNum || nx.kind == tPunct && (nx.ch == '"' || nx.ch == '“' || nx.ch == '\'')
	return opens && !(tg.toks[i].ch == '.' && tg.abbreviation(i-1))
}

// sentStart is the first token of the sentence of token i; sentEnd the
// token after its last. They are found on demand: only a few expressions
// per text need them.
func (tg *tagger) sentStart(i int) int {
	for i > 0 && !tg.endsSentence(i-1) {
		i--
	}
	return i
}

func (tg *tagger) sentEnd(i int) int {
	for i < len(tg.toks) && !tg.endsSentence(i) {
		i++
	}
	return min(i+1, len(tg.toks))
}

func (tg *tagger) abbreviation(i int) bool {
	if i < 0 || tg.toks[i].kind != tWord {
		return false
	}
	t := tg.toks[i]
	if t.end-t.start == 1 || t.lx().cls&cMonAbbr != 0 {
		return true
	}
	switch tg.s[t.start:t.end] {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Inc", "Corp", "Co", "Jr", "Sr", "Gov", "Sen", "Rep", "Gen",
		"Lt", "Col", "No", "vs", "Prof", "Ltd", "Mt", "Sgt", "Capt", "Adm", "Rev", "Messrs":
		return true
	}
	return false
}
