package quote

import (
	"strings"

	"chronicle/text"
)

// reported reads reported speech around every reporting verb not already
// serving a direct quote:
//
//	clauseAfter:   X said (that) CLAUSE / X told reporters (that) CLAUSE
//	clauseBefore:  CLAUSE, X said. / CLAUSE, said X.
//	according:     According to X, CLAUSE. / CLAUSE, according to X.
//
// Quoted words inside the clause make it a mixed quote.
func (d *doc) reported() {
	for si := range d.sents {
		st := d.sents[si]
		for i := st.first; i < st.end; i++ {
			if d.inQ[i] != 0 || d.cueUsed[i] {
				continue
			}
			if d.Is(i, "according") && d.Is(i+1, "to") {
				d.according(i, st)
				continue
			}
			if d.Is(i, "asked") && d.askedPassive(i, st) {
				continue
			}
			if d.has(i, qSpeechNouns) && d.Is(i+1, "that") && d.nounCue(i, st) {
				continue
			}
			v, ok := d.verbAt(i)
			if ok && v.base && d.Is(i-1, "to") && d.infinitiveCue(i, v, st) {
				continue
			}
			if !ok || d.nounUse(i) || d.naming(i) || d.asReportedBy(i, st) || d.passive(i, v) {
				continue
			}
			d.reportingVerb(i, v, st)
		}
	}
}

func (d *doc) reportingVerb(i int, v verb, st sent) {
	cue := d.cueSpan(i)
	prev := i - 1
	for prev >= st.first && (d.has(prev, qBetween) || d.adverb(prev)) {
		prev--
	}
	subj := none
	inverted := false
	switch {
	case v.ing && (d.punct(prev, ',') || prev < st.first || d.has(prev, qPrepositions) || d.Is(prev, "of")):
		subj = d.lastSubject(i)
		if subj[0] < 0 {
			subj = d.clauseSubject(i)
		}
	case d.Is(prev, "and") || d.Is(prev, "but") || d.Is(prev, "or"):
		subj = d.lastSubject(i)
		if subj[0] < 0 {
			subj = d.clauseSubject(i)
		}
	case d.punct(prev, ',') && !v.ing:
		subj = d.subjectBefore(i)
		if subj[0] < 0 && !v.object {
			if s := d.subjectAfter(cue[1]); s[0] >= 0 && d.endsFrame(s[1], st) {
				subj, inverted = s, true
			}
		}
	default:
		subj = d.subjectBefore(i)
		if v.ing && subj[0] >= 0 && d.holdsObject(subj) {
			// "she issued a statement calling on ...": the noun phrase is
			// the object of a verb; the speaker is the clause's subject.
			if s := d.clauseSubject(i); s[0] >= 0 {
				subj = s
			}
		}
	}
	if subj[0] < 0 && !v.ing && v.clause && d.Is(cue[1], "that") && cue[1]+1 < st.end {
		// "Trump, who ..., who ..., claims that ...": a subject too far to
		// read; the clause is reported speech all the same, by the subject
		// of the sentence when it has one.
		if s := d.clauseSubject(i); s[0] >= 0 {
			subj = s
		} else {
			d.addReported(cue[1]+1, d.clauseEnd(cue[1]+1, st), cue, none)
			return
		}
	}
	if subj[0] < 0 {
		return
	}
	if !inverted && d.asFrame(cue, subj, st) {
		return
	}
	if !inverted && d.relativeFrame(cue, subj, st) {
		return
	}
	if !inverted && v.np && !v.clause {
		c := cue[1]
		if d.Is(c, "for") || d.Is(c, "on") || d.Is(c, "upon") {
			cue[1]++
			c++
		}
		if c < st.end && (d.isWord(c) || d.Toks[c].Kind == text.QMark || d.Toks[c].Kind == text.Number) && !d.has(c, qNotClause) || d.objectPronoun(c) {
			end := d.clauseEnd(c, st)
			if end-c >= 2 {
				d.addReported(c, end, cue, subj)
			}
		}
		return
	}
	if !inverted && v.clause {
		if c := d.clauseAfter(cue[1], v, st); c >= 0 {
			end := d.clauseEnd(c, st)
			if d.Is(subj[0], "who") || d.Is(subj[0], "which") || d.subordinate(subj[0], st) {
				// "Barkley, who said he votes Democratic, said ...", "While
				// Ramos said that ..., he appears ...": the relative or
				// subordinate clause ends at its comma.
				for k := c; k < end; k++ {
					if d.punct(k, ',') {
						end = k
						break
					}
				}
			}
			d.addReported(c, end, cue, subj)
			return
		}
		// "announced his candidacy", "reported $5,000 in income": what is
		// announced, reported or denied is the object.
		if c := cue[1]; !v.bare && objectReports(d, i) && c < st.end && (d.has(c, qDeterminers) || d.possessive(c) || d.Toks[c].Kind == text.Number) {
			if end := d.clauseEnd(c, st); end-c >= 2 {
				d.addReported(c, end, cue, subj)
				return
			}
		}
	}
	// CLAUSE, X said. The subject (or, inverted, the verb) follows a comma
	// and the frame runs to the end of the sentence.
	comma := subj[0] - 1
	if inverted {
		comma = prev
	}
	comma = d.skipBack(comma, st.first)
	if comma > st.first && d.Toks[comma].Kind == text.QMark && d.punct(comma-1, ',') {
		comma-- // `"... card," Fiorina said`: the comma sits inside the quote
	}
	if d.Is(subj[0], "who") || d.Is(subj[0], "which") {
		return // a relative clause does not frame the sentence
	}
	tail := cue[1]
	if v.object && !inverted {
		tail = d.objectAfter(tail, st) // "..., the president told her."
	}
	if !d.punct(comma, ',') || !d.endsFrame(tail, st) && !inverted {
		return
	}
	from := d.clauseStart(comma, st)
	after := tail // past the cue and its hearer: "Trump told CNN, his policy ..."
	if inverted {
		after = subj[1]
	}
	// An interrupting frame: "The museum, Mr. Obama said, would make ...":
	// one quotation around the frame.
	if !inverted && d.punct(after, ',') && st.end-after > 3 && !d.frameFollows(after+1, st) && !d.frameAdjunct(after+1) {
		end := d.clauseEnd(after+1, st)
		if from < 0 || d.introPhrase(from) {
			from = after + 1
		}
		d.addReported(from, end, cue, subj)
		return
	}
	if from >= 0 && d.introPhrase(from) && !d.subjectClause(from, comma) {
		from = d.pastIntro(from, comma)
	}
	if from < 0 || comma-from < 3 {
		return
	}
	d.addReported(from, comma, cue, subj)
}

// subjectClause reports whether tokens [from, to) are a clause that opens
// with "whether" or a gerund and serves as a subject ("Whether the plan
// works will be clear in May", "Finding oil is not as simple as ..."): a
// reported clause, not an introductory phrase.
func (d *doc) subjectClause(from, to int) bool {
	if !d.Is(from, "whether") && !(d.introPhrase(from) && !d.has(from, qIntro)) {
		return false
	}
	n := 0
	for k := from; k < to; k++ {
		if d.has(k, qFinite) {
			n++
		}
		if d.punct(k, ',') {
			return false
		}
	}
	return n >= 1
}

// frameAdjunct reports whether token k opens an adjunct of the frame
// rather than more of the content: "..., he said, on condition of
// anonymity", "..., she said, in an interview".
func (d *doc) frameAdjunct(k int) bool {
	return d.Is(k, "on") || d.Is(k, "in") || d.Is(k, "at") || d.Is(k, "during") || d.Is(k, "while") || d.Is(k, "after")
}

// subordinate reports whether the subject at token k opens a subordinate
// clause at the start of sentence st: "While Ramos said ...", "When
// Francis said ...", "Even as Mr. Obama has said ...".
func (d *doc) subordinate(k int, st sent) bool {
	p := k - 1
	if p < st.first {
		return false
	}
	if d.Is(p, "as") && d.Is(p-1, "even") {
		p--
	}
	return p <= st.first+1 && (d.Is(p, "while") || d.Is(p, "when") || d.Is(p, "although") || d.Is(p, "though") ||
		d.Is(p, "if") || d.Is(p, "because") || d.Is(p, "since") || d.Is(p, "even") || d.Is(p, "whereas") || d.Is(p, "after") || d.Is(p, "before"))
}

// pastIntro returns the first token after the introductory phrase that
// starts at from ("After some challenges, ..."), or -1 when the phrase
// runs up to end.
func (d *doc) pastIntro(from, end int) int {
	for k := from; k < end; k++ {
		if d.punct(k, ',') {
			return k + 1
		}
	}
	return -1
}

// frameFollows reports whether a new frame starts at token k (a participle
// cue, "according to"), so the words after a frame are not its content.
func (d *doc) frameFollows(k int, st sent) bool {
	if d.Is(k, "according") {
		return true
	}
	v, ok := d.verbAt(k)
	return ok && v.ing
}

// introPhrase reports whether the words from token k open an adverbial
// phrase rather than a clause that could be reported ("In response to a
// question, ...", "At the same time, ...", "Speaking to reporters, ...").
func (d *doc) introPhrase(k int) bool {
	if d.has(k, qIntro) {
		return true
	}
	w := d.Text(k)
	return d.isWord(k) && len(w) > 4 && (w[len(w)-3:] == "ing")
}

var intro = map[string]bool{
	"in": true, "at": true, "on": true, "after": true, "before": true, "during": true, "since": true,
	"while": true, "when": true, "although": true, "though": true, "if": true, "because": true,
	"as": true, "despite": true, "unlike": true, "for": true, "from": true, "with": true, "without": true,
	"by": true, "under": true, "over": true, "to": true, "until": true, "once": true, "upon": true,
	"whether": true, "amid": true, "following": true, "asked": true,
}

// speechNouns name an act of speech whose content follows with "that":
// "voiced assurances that ...", "issued a warning that ...".
var speechNouns = map[string]bool{
	"assurance": true, "assurances": true, "warning": true, "warnings": true, "claim": true, "claims": true,
	"statement": true, "promise": true, "promises": true, "pledge": true, "insistence": true,
	"argument": true, "message": true, "assertion": true, "allegation": true, "allegations": true,
	"remarks": true, "comments": true, "accusation": true, "accusations": true, "announcement": true,
}

// speechVerbs make a speech noun into a frame: "voiced assurances".
var speechVerbs = map[string]bool{
	"voiced": true, "voices": true, "voice": true, "gave": true, "gives": true, "made": true, "makes": true,
	"issued": true, "issues": true, "offered": true, "offers": true, "repeated": true, "expressed": true,
	"reiterated": true, "delivered": true, "sent": true, "renewed": true, "dismissed": true, "rejected": true,
}

// nounCue reads "X voiced assurances that CLAUSE": the cue runs from the
// verb to the noun. It reports whether it read one (else "claims that" may
// still be a verb).
func (d *doc) nounCue(n int, st sent) bool {
	for v := n - 1; v >= st.first && n-v <= 4; v-- {
		if !d.isWord(v) || d.inQ[v] != 0 {
			return false
		}
		if !d.has(v, qSpeechVerbs) {
			continue
		}
		subj := d.subjectBefore(v)
		if subj[0] < 0 {
			return false
		}
		c := n + 2
		if c < st.end {
			d.addReported(c, d.clauseEnd(c, st), [2]int{v, n + 1}, subj)
		}
		return true
	}
	return false
}

// objectReports reports whether the verb at i reports through a plain
// object ("announced his resignation") — not "answered questions".
func objectReports(d *doc, i int) bool {
	for _, w := range []string{"answer", "comment", "respond", "reply", "indicate", "estimate", "agree", "state", "maintain"} {
		if len(d.Text(i)) >= len(w)-1 && strings.HasPrefix(strings.ToLower(d.Text(i)), w[:len(w)-1]) {
			return false
		}
	}
	return true
}

// endsFrame reports whether what follows token k in the sentence is the end
// of a frame: nothing, punctuation, or time and place ("said on Tuesday",
// "said in an interview"), not an object or an infinitive.
func (d *doc) endsFrame(k int, st sent) bool {
	if k >= st.end || d.Toks[k].Kind == text.Punct {
		return true
	}
	return d.IsCalendar(k) || d.has(k, qTimeWords) || d.adverb(k) || d.has(k, qPrepositions) && !d.Is(k, "to")
}

// according reads "according to X": "According to X, CLAUSE", "CLAUSE,
// according to X", "..., according to X, CLAUSE".
func (d *doc) according(i int, st sent) {
	cue := [2]int{i, i + 2}
	// The source runs to the next punctuation: "according to a new poll by
	// the Harvard University Institute of Politics".
	k := i + 2
	for k < st.end && k-i < 30 && d.Toks[k].Kind != text.QMark && !(d.Toks[k].Kind == text.Punct && !d.punct(k, '.') && !d.punct(k, '-')) {
		if d.punct(k, '.') && !(k > 0 && d.Toks[k].Start == d.Toks[k-1].End && (d.initial(k-1) || d.IsTitle(k-1))) {
			break
		}
		k++
	}
	if k == i+2 {
		return
	}
	subj := [2]int{i + 2, k}
	if np := d.subjectAfter(i + 2); np[0] >= 0 && np[1] <= k {
		subj = np
	}
	// "According to their lawyer, Nadia Haddad, ...": the name is part of
	// the source.
	if d.punct(k, ',') {
		if n := d.nameAfter(k+1, st); n > k+1 && d.punct(n, ',') {
			k = n
		}
	}
	atStart := i == st.first || i == st.first+1 && !d.Toks[st.first].Cap || d.punct(i-1, ',') && d.introBefore(i-1, st)
	switch {
	case atStart && (d.punct(k, ',') || d.punct(k, ':')) && k+1 < st.end:
		d.addReported(k+1, d.clauseEnd(k+1, st), cue, subj)
	case d.punct(i-1, ',') && d.punct(k, ',') && st.end-k > 3:
		// "The deal, according to officials, will be signed": one clause
		// around the frame.
		from := d.clauseStart(i-1, st)
		if from < 0 || d.introPhrase(from) {
			from = k + 1
		}
		d.addReported(from, d.clauseEnd(k+1, st), cue, subj)
	case i > st.first && (d.punct(i-1, ',') || d.dash(i-1) || d.Toks[i-1].Kind == text.Word || d.Toks[i-1].Kind == text.QMark && d.punct(i-2, ',')):
		end := i - 1
		if d.Toks[i-1].Kind != text.Punct {
			end = i // `became "the mark,"' according to ...`: the comma sits inside the quote
		}
		from := d.clauseStart(end, st)
		if from >= 0 && d.introPhrase(from) {
			from = d.pastIntro(from, end)
		}
		if from >= 0 && end-from >= 3 {
			d.addReported(from, end, cue, subj)
		} else if d.punct(k, ',') && st.end-k > 3 {
			d.addReported(k+1, d.clauseEnd(k+1, st), cue, subj)
		}
	}
}

// nameAfter returns the end of a run of capitalised name words starting at
// token k (k itself when there is none).
func (d *doc) nameAfter(k int, st sent) int {
	j := k
	for j < st.end && d.IsName(j) && !d.IsCalendar(j) {
		j++
	}
	if j-k > 4 {
		return k
	}
	return j
}

// introBefore reports whether the words before comma c in the sentence are
// only an introductory phrase ("However, according to ...").
func (d *doc) introBefore(c int, st sent) bool {
	return c-st.first <= 2 || d.introPhrase(st.first) && c-st.first <= 8
}

var questionWords = map[string]bool{
	"whether": true, "if": true, "what": true, "who": true, "whom": true, "why": true, "how": true,
	"when": true, "where": true, "which": true, "about": true,
}

// clauseAfter finds where the reported clause after a verb starts (token
// k follows the cue): past a hearer for "told", past time and place, past
// "that". It returns -1 when no clause follows ("said on Tuesday.",
// "announced an end to ...").
func (d *doc) clauseAfter(k int, v verb, st sent) int {
	if k >= st.end {
		return -1
	}
	if v.object && !d.Is(k, "that") {
		// "told reporters", "told CNN's Jake Tapper", "warned the council that"
		if o := d.objectAfter(k, st); o > k && (d.Is(k-1, "told") || d.Is(k-1, "tell") || d.Is(k-1, "tells") || d.Is(o, "that")) {
			k = o
		}
	}
	for k < st.end {
		switch {
		case d.IsCalendar(k) || d.has(k, qTimeWords) || d.adverb(k):
			k++
			continue
		case (d.Is(k, "this") || d.Is(k, "last") || d.Is(k, "next")) && (d.has(k+1, qTimeWords) || d.IsCalendar(k+1)):
			k += 2
			continue
		case d.has(k, qPrepositions):
			// "said in a statement that ...", "told CNN on Sunday that ..."
			for j := k + 1; j < st.end && j-k <= 15; j++ {
				if d.Is(j, "that") {
					return d.afterThat(j, st)
				}
				if d.Toks[j].Kind == text.QMark || d.punct(j, ';') || d.punct(j, ',') && d.isWord(j+1) && !d.Toks[j+1].Cap && !d.Is(j+1, "that") {
					break
				}
			}
			return -1
		case d.punct(k, ',') && (d.adverb(k+1) || d.Is(k+1, "however")) && d.punct(k+2, ','):
			k += 3
			continue
		case d.punct(k, ',') || d.dash(k):
			// "said, among other things, that ...", "said — on Twitter — that"
			for j := k + 1; j < st.end && j-k <= 10; j++ {
				if d.Is(j, "that") && (d.punct(j-1, ',') || d.dash(j-1)) {
					return d.afterThat(j, st)
				}
				if d.Toks[j].Kind == text.QMark {
					break
				}
			}
		}
		break
	}
	if k >= st.end {
		return -1
	}
	if d.Is(k, "that") {
		return d.afterThat(k, st)
	}
	if v.inf && (d.Is(k, "to") || d.Is(k, "not") && d.Is(k+1, "to")) && d.isWord(k+1) {
		return k // "vowed to repeal", "promised not to run"
	}
	if d.Is(k, "to") || d.Is(k, "of") || d.Is(k, "so") || d.Is(k, "nothing") || d.Toks[k].Kind == text.Punct {
		return -1
	}
	if !v.bare {
		if _, ok := d.Pronoun(k); ok && !d.objectPronoun(k) && !d.Is(k, "who") && !d.Is(k, "which") {
			return k
		}
		if d.Is(k, "there") || d.subjectThenFinite(k, st) {
			return k
		}
		return -1
	}
	if d.Toks[k].Kind == text.QMark || d.Toks[k].Kind == text.Number {
		return k
	}
	if d.Toks[k].Kind != text.Word || d.has(k, qNotClause) || d.IsCalendar(k) {
		return -1
	}
	return k
}

// subjectThenFinite reports whether a short noun phrase from token k is
// followed by an auxiliary or a form of "be": "declared Trump was a
// threat", "announced the deal would close", a clause rather than an
// object ("announced the winner").
func (d *doc) subjectThenFinite(k int, st sent) bool {
	for j := k; j < st.end && j-k <= 5; j++ {
		if d.has(j, qFinite) {
			return j > k
		}
		if !d.isWord(j) || d.has(j, qStopWords) && !(j == k && d.has(j, qDeterminers)) || d.qw[j].isVerb {
			return false
		}
	}
	return false
}

// objectAfter returns the token after the hearer that starts at k: a
// pronoun, a name ("CNN's Jake Tapper"), a determiner and its noun ("the
// crowd"), or one word ("reporters"); k itself when none.
func (d *doc) objectAfter(k int, st sent) int {
	if k >= st.end || !d.isWord(k) {
		return k
	}
	if d.objectPronoun(k) {
		return k + 1
	}
	if _, pron := d.Pronoun(k); pron {
		return k // "told he ..." is not English; "told she" neither: no object
	}
	j := k
	switch {
	case d.Toks[k].Cap:
		// "CNN's Jake Tapper", "The Star-Ledger of Newark", "The Post and
		// Courier"
		for j < st.end && j-k < 10 && d.isWord(j) && !d.IsCalendar(j) &&
			(d.Toks[j].Cap || d.possessive(j-1) && j > k || j > k && (d.Is(j, "of") || d.Is(j, "and")) && d.isWord(j+1) && d.Toks[j+1].Cap && !d.IsCalendar(j+1)) {
			j++
		}
	case d.has(k, qDeterminers) || d.possessive(k):
		j++
		for j < st.end && j-k <= 4 && d.isWord(j) && !d.has(j, qStopWords) && !d.IsCalendar(j) && !d.has(j, qTimeWords) {
			j++
		}
	default:
		if !d.has(k, qStopWords) && !d.has(k, qNotClause) {
			j++
		}
	}
	return j
}

func (d *doc) afterThat(j int, st sent) int {
	if j+1 < st.end {
		return j + 1
	}
	return -1
}

func (d *doc) objectPronoun(k int) bool {
	return d.Is(k, "him") || d.Is(k, "her") || d.Is(k, "them") || d.Is(k, "me") || d.Is(k, "us") || d.Is(k, "you")
}

// notClause are words after a reporting verb that show no clause follows:
// "said so", "told him to", "said goodbye".
var notClause = map[string]bool{
	"to": true, "of": true, "so": true, "nothing": true, "something": true, "anything": true,
	"goodbye": true, "hello": true, "as": true, "about": true, "otherwise": true, "thanks": true,
	"sorry": true, "it": false, "what": true, "which": true, "whom": true, "whose": true,
	"publicly": true, "privately": true, "out": true, "up": true, "off": true, "back": true,
	"and": true, "or": true, "but": true, "than": true,
	"him": true, "them": true, "me": true, "us": true, "himself": true, "herself": true,
	"themselves": true, "itself": true, "not": true, "were": true, "was": true,
	"is": true, "are": true, "be": true, "been": true, "had": true, "has": true, "have": true, "did": true,
	"will": true, "would": true, "could": true, "should": true, "can": true, "may": true, "might": true,
}

// contrast words after a comma start a clause that is no longer the
// reported one: "..., compared with 30 percent who ...", "..., while ...".
var contrast = map[string]bool{
	"compared": true, "while": true, "whereas": true, "though": true, "although": true,
}

// prepositions that open an adjunct between a verb and its clause.
var prepositions = map[string]bool{
	"in": true, "on": true, "at": true, "during": true, "after": true, "before": true, "with": true,
	"to": false, "from": true, "by": true, "while": true, "when": true, "over": true, "via": true,
	"through": true, "for": true, "late": true, "early": true,
}

// clauseEnd finds where a reported clause starting at token c ends: at the
// end of the sentence, or before a new frame (", adding that ...", ", he
// said", "and said ...", ", according to ..."), a semicolon, or an
// attributed direct quote.
func (d *doc) clauseEnd(c int, st sent) int {
	for k := c; k < st.end; k++ {
		if d.punct(k, ';') {
			return k
		}
		if q := d.inQ[k]; q != 0 && d.quotUsed[q-1] && k > c {
			return k
		}
		if d.punct(k, ',') || d.dash(k) || d.Is(k, "and") || d.Is(k, "but") {
			n := k + 1
			if d.punct(k, ',') && (d.Is(n, "and") || d.Is(n, "but")) {
				n++
			}
			if d.Is(n, "according") && d.Is(n+1, "to") {
				return k
			}
			if v, ok := d.verbAt(n); ok && (v.ing && (d.punct(k, ',') || d.Is(k, "and")) || !v.ing && !v.base && (d.Is(k, "and") || d.Is(k, "but") || d.Is(n-1, "and") || d.Is(n-1, "but"))) {
				return k
			}
			if d.punct(k, ',') {
				if d.has(n, qContrast) {
					return k // "..., compared with 64 percent who say ..."
				}
				if s := d.subjectAfter(n); s[0] >= 0 && s[1]-s[0] <= 6 {
					v := s[1]
					for v < st.end && v-s[1] < 2 && (d.has(v, qBetween) || d.adverb(v)) {
						v++
					}
					if _, ok := d.verbAt(v); ok && (d.endsFrame(v+1, st) || v > s[1] || d.isPronounSubject(s[0]) || n > k+1) {
						return k // "..., he said", "..., they also say he ..."
					}
				}
			}
		}
	}
	return st.end
}

// clauseStart finds where the clause reported by a frame after it starts:
// the start of the sentence, past an opening conjunction.
func (d *doc) clauseStart(end int, st sent) int {
	from := st.first
	for from < end && d.Toks[from].Kind == text.QMark && d.inQ[from] == 0 {
		from++
	}
	// "However, ...", "But ...": the clause starts after the connective.
	if d.Is(from, "however") || d.Is(from, "meanwhile") || d.Is(from, "still") || d.Is(from, "instead") {
		from++
		if d.punct(from, ',') {
			from++
		}
	} else if d.Is(from, "but") || d.Is(from, "and") || d.Is(from, "so") || d.Is(from, "yet") {
		from++
	}
	if from >= end {
		return -1
	}
	for k := from; k < end; k++ {
		if q := d.inQ[k]; q != 0 && d.quotUsed[q-1] {
			return -1 // the sentence holds a direct quote already framed
		}
	}
	return from
}

// addReported records reported speech over tokens [from, to), trimmed of
// edge punctuation. Quotations inside it are absorbed: it is then mixed,
// or direct when one quotation is the whole of it.
func (d *doc) addReported(from, to int, cue, subj [2]int) {
	for to > from && (d.Toks[to-1].Kind == text.Punct) {
		to--
	}
	if to <= from {
		return
	}
	sp := d.span(from, to)
	kind := Indirect
	quot := -1
	for qi := d.firstQuoteReaching(sp.Start); qi < len(d.quots) && d.quots[qi].Content.Start < sp.End; qi++ {
		q := d.quots[qi]
		if q.Nested || !sp.Overlaps(q.Content) {
			continue
		}
		qf, qt := d.quoteTokens(q)
		if qf < from || qt > to+1 {
			if d.quotUsed[qi] {
				return // crosses a quote that has a frame of its own
			}
			continue
		}
		if qf == from && qt >= to {
			kind, quot, sp = Direct, qi, q.Content
			break
		}
		kind = Mixed
		d.quotUsed[qi] = true
	}
	d.add(cand{content: sp, kind: kind, cue: cue, subj: subj, quot: quot, from: -1, pos: cue[0]})
}
