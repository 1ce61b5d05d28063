package quote

import (
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
			v, ok := d.verbAt(i)
			if !ok || d.nounUse(i) || d.passive(i, v) {
				continue
			}
			d.reportingVerb(i, v, st)
		}
	}
}

func (d *doc) reportingVerb(i int, v verb, st sent) {
	cue := d.cueSpan(i)
	prev := i - 1
	for prev >= st.first && (d.lookup(prev, between) || d.adverb(prev)) {
		prev--
	}
	subj := none
	inverted := false
	switch {
	case v.ing && (d.punct(prev, ',') || prev < st.first || d.lookup(prev, prepositions) || d.Is(prev, "of")):
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
	}
	if subj[0] < 0 {
		return
	}
	if !inverted && v.np && !v.clause {
		c := cue[1]
		if d.Is(c, "for") || d.Is(c, "on") || d.Is(c, "upon") {
			cue[1]++
			c++
		}
		if c < st.end && (d.isWord(c) || d.Toks[c].Kind == text.QMark || d.Toks[c].Kind == text.Number) && !d.lookup(c, notClause) || d.objectPronoun(c) {
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
			d.addReported(c, end, cue, subj)
			return
		}
	}
	// CLAUSE, X said. The subject (or, inverted, the verb) follows a comma
	// and the frame runs to the end of the sentence.
	comma := subj[0] - 1
	if inverted {
		comma = prev
	}
	comma = d.skipBack(comma, st.first)
	if !d.punct(comma, ',') || !d.endsFrame(cue[1], st) && !inverted {
		return
	}
	from := d.clauseStart(comma, st)
	after := cue[1]
	if inverted {
		after = subj[1]
	}
	// An interrupting frame: "The museum, Mr. Obama said, would make ...":
	// one quotation around the frame.
	if !inverted && d.punct(after, ',') && st.end-after > 3 && !d.frameFollows(after+1, st) {
		end := d.clauseEnd(after+1, st)
		if from < 0 || d.introPhrase(from) {
			from = after + 1
		}
		d.addReported(from, end, cue, subj)
		return
	}
	if from >= 0 && d.introPhrase(from) {
		from = d.pastIntro(from, comma)
	}
	if from < 0 || comma-from < 3 {
		return
	}
	d.addReported(from, comma, cue, subj)
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
	if d.lookup(k, intro) {
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

// endsFrame reports whether what follows token k in the sentence is the end
// of a frame: nothing, time and place, or a comma and more.
func (d *doc) endsFrame(k int, st sent) bool {
	for j := k; j < st.end; j++ {
		if d.Toks[j].Kind == text.Punct {
			return true
		}
		if d.Is(j, "that") || d.Toks[j].Kind == text.QMark {
			return false
		}
		if _, ok := d.verbAt(j); ok && j > k {
			return true // "..., he said, adding ..."
		}
	}
	return true
}

// according reads "according to X".
func (d *doc) according(i int, st sent) {
	cue := [2]int{i, i + 2}
	subj := d.subjectAfter(i + 2)
	if subj[0] < 0 {
		// any source will do: "according to exit polls", "according to
		// federal statistics".
		k := i + 2
		for k < st.end && k-i < 25 && d.Toks[k].Kind != text.Punct && d.Toks[k].Kind != text.QMark {
			k++
		}
		if k == i+2 {
			return
		}
		subj = [2]int{i + 2, k}
	}
	switch {
	case d.punct(subj[1], ',') && (i == st.first || i == st.first+1 && !d.Toks[st.first].Cap):
		c := subj[1] + 1
		if c < st.end {
			d.addReported(c, d.clauseEnd(c, st), cue, subj)
		}
	case d.punct(i-1, ',') || d.dash(i-1):
		from := d.clauseStart(i-1, st)
		if from >= 0 && i-1-from >= 3 {
			d.addReported(from, i-1, cue, subj)
		}
	case i > st.first+3:
		from := d.clauseStart(i, st)
		if from >= 0 && i-from >= 3 {
			d.addReported(from, i, cue, subj)
		}
	}
}

// clauseAfter finds where the reported clause after a verb starts (token
// k follows the cue): past a hearer for "told", past time and place, past
// "that". It returns -1 when no clause follows ("said on Tuesday.",
// "announced an end to ...").
func (d *doc) clauseAfter(k int, v verb, st sent) int {
	if k >= st.end {
		return -1
	}
	if v.object {
		if np := d.subjectAfter(k); np[0] >= 0 && !d.Is(k, "that") {
			if _, pron := d.Pronoun(k); !pron || d.objectPronoun(k) {
				if v.bare && d.Is(np[1], "that") || d.Is(k-1, "told") || d.Is(k-1, "tell") || d.Is(k-1, "tells") || d.Is(np[1], "that") {
					k = np[1]
				}
			}
		}
	}
	for k < st.end {
		switch {
		case d.IsCalendar(k) || d.lookup(k, timeWords) || d.adverb(k):
			k++
			continue
		case d.lookup(k, prepositions):
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
		}
		break
	}
	if k >= st.end {
		return -1
	}
	if d.Is(k, "that") {
		return d.afterThat(k, st)
	}
	if d.Is(k, "to") || d.Is(k, "of") || d.Is(k, "so") || d.Is(k, "nothing") || d.Toks[k].Kind == text.Punct {
		return -1
	}
	if !v.bare {
		if _, ok := d.Pronoun(k); ok && !d.objectPronoun(k) && !d.Is(k, "who") && !d.Is(k, "which") {
			return k
		}
		if d.Is(k, "there") {
			return k
		}
		return -1
	}
	if d.Toks[k].Kind == text.QMark || d.Toks[k].Kind == text.Number {
		return k
	}
	if d.Toks[k].Kind != text.Word || d.lookup(k, notClause) || d.IsCalendar(k) {
		return -1
	}
	return k
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
	"goodbye": true, "hello": true, "as": true, "about": true, "otherwise": true, "yes": true, "no": true, "thanks": true,
	"sorry": true, "it": false, "what": true, "which": true, "whom": true, "whose": true,
	"publicly": true, "privately": true, "out": true, "up": true, "off": true, "back": true,
	"and": true, "or": true, "but": true, "than": true, "because": true, "if": true, "when": true,
	"while": true, "although": true, "though": true, "before": true, "after": true, "until": true,
	"him": true, "them": true, "me": true, "us": true, "himself": true, "herself": true,
	"themselves": true, "itself": true, "not": true, "were": true, "was": true,
	"is": true, "are": true, "be": true, "been": true, "had": true, "has": true, "have": true, "did": true,
	"will": true, "would": true, "could": true, "should": true, "can": true, "may": true, "might": true,
}

// prepositions that open an adjunct between a verb and its clause.
var prepositions = map[string]bool{
	"in": true, "on": true, "at": true, "during": true, "after": true, "before": true, "with": true,
	"to": false, "from": true, "by": true, "while": true, "when": true, "over": true, "via": true,
	"through": true, "for": true, "last": true, "this": true, "late": true, "early": true,
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
			if v, ok := d.verbAt(n); ok && (v.ing && d.punct(k, ',') || !v.ing && !v.base && (d.Is(k, "and") || d.Is(k, "but") || d.Is(n-1, "and") || d.Is(n-1, "but"))) {
				return k
			}
			if d.punct(k, ',') {
				if s := d.subjectAfter(n); s[0] >= 0 && s[1]-s[0] <= 6 {
					if _, ok := d.verbAt(s[1]); ok && d.endsFrame(s[1]+1, st) {
						return k
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
	for qi, q := range d.quots {
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
	if kind == Mixed || kind == Indirect {
		// keep a closing mark whose opening one is inside: "... render
		// "negotiations senseless."" should not end mid-quote
		if to < len(d.Toks) && d.Toks[to].Kind == text.QMark && d.inQ[to] != 0 && d.quotUsed[d.inQ[to]-1] {
			sp.End = d.Toks[to].End
		}
	}
	d.add(cand{content: sp, kind: kind, cue: cue, subj: subj, quot: quot, from: -1, pos: cue[0]})
}

// nounUse reports whether the verb-looking word at i is a noun here: "the
// report", "his claims", "a statement".
func (d *doc) nounUse(i int) bool {
	p := i - 1
	if p < 0 || !d.isWord(p) {
		return false
	}
	switch {
	case d.Is(p, "the"), d.Is(p, "a"), d.Is(p, "an"), d.Is(p, "his"), d.Is(p, "her"), d.Is(p, "their"),
		d.Is(p, "its"), d.Is(p, "our"), d.Is(p, "this"), d.Is(p, "these"), d.Is(p, "whose"), d.Is(p, "my"),
		d.Is(p, "to") && !d.Is(p-1, "according"), d.possessive(p):
		return true
	}
	return false
}

// passive reports whether the verb at i is passive ("was told", "is said
// to"), where its subject is not the speaker.
func (d *doc) passive(i int, v verb) bool {
	if v.ing {
		return false
	}
	p := i - 1
	for p >= 0 && d.adverb(p) {
		p--
	}
	return d.Is(p, "was") || d.Is(p, "were") || d.Is(p, "is") || d.Is(p, "are") || d.Is(p, "been") ||
		d.Is(p, "be") || d.Is(p, "being") || d.Is(p, "get") || d.Is(p, "got")
}
