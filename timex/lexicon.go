package timex

// class marks what a known word can be; a word may be several things
// ("may" is a month and a modal, "second" an ordinal and a unit).
type class uint32

const (
	cMonth    class = 1 << iota // val: 1..12
	cMonAbbr                    // a month abbreviation ("Sept", "Oct"); val: 1..12
	cWeekday                    // val: 1 (Monday) .. 7 (Sunday)
	cNumber                     // number word; val: its value
	cOrdinal                    // ordinal word; val: its value
	cUnit                       // singular unit; val: a unit
	cUnits                      // plural unit; val: a unit
	cSeason                     // val: a season
	cPartDay                    // val: a part of day
	cApprox                     // approximators kept in a duration's extent: "about", "nearly"
	cModifier                   // "early", "late", "mid", "earlier", "later"
	cPast                       // verbs and auxiliaries that mark the past
	cFuture                     // auxiliaries and verbs that mark the future
	cReport                     // reporting verbs: "said", "told"
	cTrigger                    // any other word some rule starts with
)

// Units of time.
const (
	uNone = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uMonth
	uQuarter
	uHalf
	uYear
	uDecade
	uCentury
	uMillennium
)

// Seasons and parts of day carry their TIMEX3 codes through these indexes.
var seasonCode = [...]string{"", "SP", "SU", "FA", "WI"}
var partDayCode = [...]string{"", "MO", "AF", "EV", "NI", "DT"}

type lex struct {
	rules ruleSet // the rules that may start at this word
	cls   class
	val   int    // month, weekday, number, ordinal, season or part-of-day value
	unit  int    // the unit, for cUnit and cUnits
	word  string // the lower-case word itself, so tokens share this string
}

// lexicon maps a lower-case word to its entry in lexTable. Facts only: month
// and weekday names, number words, units, and the words the rules look at.
// Entry 0 is the empty entry of every other word.
var (
	lexicon  = map[string]uint16{}
	lexTable = []lex{{}}
)

// entry returns the lexicon entry of w, adding an empty one.
func entry(w string) *lex {
	k, ok := lexicon[w]
	if !ok {
		k = uint16(len(lexTable))
		lexicon[w] = k
		lexTable = append(lexTable, lex{word: w})
	}
	return &lexTable[k]
}

func add(cls class, val int, words ...string) {
	for _, w := range words {
		l := entry(w)
		l.cls |= cls
		switch {
		case cls&(cUnit|cUnits) != 0:
			l.unit = val
		case cls&(cPast|cReport|cFuture|cTrigger|cApprox|cModifier) == 0:
			l.val = val
		}
	}
}

func init() {
	months := [][]string{
		{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
		{"may"}, {"june", "jun"}, {"july", "jul"}, {"august", "aug"},
		{"september", "sep", "sept"}, {"october", "oct"}, {"november", "nov"}, {"december", "dec"},
	}
	for i, names := range months {
		add(cMonth, i+1, names[0])
		for _, a := range names[1:] {
			add(cMonAbbr, i+1, a)
		}
	}
	days := []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	for i, d := range days {
		add(cWeekday, i+1, d)
		add(cWeekday, i+1, d+"s") // "on Mondays" is a set
	}
	for i, w := range []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen"} {
		add(cNumber, i, w)
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		add(cNumber, 20+10*i, w)
	}
	add(cNumber, 100, "hundred")
	add(cNumber, 1000, "thousand")
	add(cNumber, 12, "dozen")
	for i, w := range []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
		"ninth", "tenth", "eleventh", "twelfth"} {
		add(cOrdinal, i+1, w)
	}
	add(cOrdinal, 4, "final") // "the final quarter"
	units := []struct {
		u     int
		one   []string
		other []string
	}{
		{uSecond, []string{"second"}, []string{"seconds"}},
		{uMinute, []string{"minute", "min"}, []string{"minutes", "mins"}},
		{uHour, []string{"hour"}, []string{"hours"}},
		{uDay, []string{"day"}, []string{"days"}},
		{uWeek, []string{"week"}, []string{"weeks"}},
		{uWeekend, []string{"weekend"}, []string{"weekends"}},
		{uMonth, []string{"month"}, []string{"months"}},
		{uQuarter, []string{"quarter"}, []string{"quarters"}},
		{uHalf, []string{"half"}, []string{"halves"}},
		{uYear, []string{"year"}, []string{"years"}},
		{uDecade, []string{"decade"}, []string{"decades"}},
		{uCentury, []string{"century"}, []string{"centuries"}},
		{uMillennium, []string{"millennium"}, []string{"millennia"}},
	}
	for _, u := range units {
		add(cUnit, u.u, u.one...)
		add(cUnits, u.u, u.other...)
	}
	add(cSeason, 1, "spring")
	add(cSeason, 2, "summer")
	add(cSeason, 3, "fall", "autumn")
	add(cSeason, 4, "winter")
	add(cPartDay, 1, "morning")
	add(cPartDay, 2, "afternoon")
	add(cPartDay, 3, "evening")
	add(cPartDay, 4, "night")
	add(cApprox, 0, "about", "almost", "nearly", "around", "roughly", "approximately", "some", "over",
		"more", "less", "fewer", "least", "up", "under", "within", "only", "just", "barely", "another",
		"additional", "full", "whole", "entire", "than", "at", "to", "exactly", "precisely")
	add(cModifier, 0, "early", "late", "mid", "earlier", "later", "middle", "end", "beginning", "start")
	add(cPast, 0, "was", "were", "had", "did", "ago", "last", "yesterday", "earlier", "previously",
		"met", "held", "took", "came", "went", "made", "gave", "began", "saw", "won", "lost", "fell",
		"rose", "left", "spoke", "wrote", "brought", "bought", "sold", "became", "broke", "chose",
		"drew", "drove", "felt", "fought", "found", "flew", "got", "grew", "heard", "hid", "hit", "kept",
		"knew", "laid", "led", "lent", "meant", "paid", "ran", "rang", "sought", "sent", "shot", "shut",
		"sat", "slept", "spent", "stood", "stole", "struck", "swore", "taught", "tore", "thought",
		"threw", "understood", "woke", "wore", "sank", "slid", "stuck", "won", "withdrew", "overtook")
	add(cReport, 0, "said", "says", "say", "told", "added", "announced", "stated", "noted", "reported",
		"declared", "explained", "stressed", "underscored", "emphasized", "emphasised", "insisted")
	add(cFuture, 0, "will", "ll", "shall", "next", "tomorrow", "upcoming", "coming", "scheduled",
		"expected", "plans", "due", "would", "going", "set", "until", "hopes", "intends", "aims",
		"planned", "planning", "plan")
	add(cTrigger, 0, "today", "yesterday", "tomorrow", "tonight", "now", "currently", "current",
		"recently", "recent", "lately", "previously", "formerly", "soon", "future", "past", "present",
		"the", "this", "last", "next", "coming", "previous", "following", "latest", "these", "that",
		"every", "each", "per", "daily", "weekly", "monthly", "yearly", "annually", "annual", "hourly",
		"quarterly", "nightly", "fiscal", "noon", "midnight", "midday", "overnight", "ago", "a",
		"several", "few", "couple", "decades", "once", "twice", "right", "year", "day", "term",
		"meantime", "moment", "date", "period", "time", "times", "half", "christmas", "thanksgiving",
		"same", "prior", "immediately", "for", "in", "over", "an", "close", "turn", "long", "short", "near",
		"distant", "foreseeable", "nowadays", "presently", "upcoming", "other", "halloween", "new",
		"independence", "election", "weekend")
	// Words the rules look at but never start with.
	add(0, 0, "account", "accounts", "affairs", "events", "flow", "flows", "after", "and", "as", "before",
		"being", "business", "by", "circa", "consecutive", "during", "from", "most", "o", "of", "old", "on",
		"percent", "run", "since", "straight", "through", "throughout", "trading", "working", "till", "or",
		"between", "when", "s", "eve", "oh", "high", "against", "index", "effective", "previous", "st", "nd", "rd", "th", "all", "those", "them", "it", "ends", "finish", "finished", "finishing", "closed", "closing", "started", "starting", "read", "corresponding", "comparable", "period", "is", "are", "be", "being", "been", "still", "very", "well", "ended", "ending", "his", "her", "its", "their", "our")
	registerRules()
}
