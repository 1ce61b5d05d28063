package quote

import (
	"chronicle/text"
)

// directFrames ties each top-level quotation to the frame that reports it:
// a frame after it (`"...," he said`), before it (`He said: "..."`), or a
// frame sentence ending in a colon above a quote that opens its paragraph.
// Quotations left without a frame are dealt with by followers and by the
// reported-speech sieve (as mixed quotes); scare quotes stay unused.
func (d *doc) directFrames() {
	for qi, q := range d.quots {
		if q.Nested {
			continue
		}
		if cue, subj, ok := d.frameAfter(q); ok {
			if from := d.mixedStart(q); from >= 0 {
				d.quotUsed[qi] = true
				sp := text.Span{Start: d.Toks[from].Start, End: d.Toks[q.Close].End}
				d.add(cand{content: sp, kind: Mixed, cue: cue, subj: subj, quot: -1, from: -1, pos: cue[0]})
				continue
			}
			d.addDirect(qi, cue, subj)
			continue
		}
		if prev := d.sameSentenceSpeech(qi); prev >= 0 {
			from, _ := d.quoteTokens(q)
			d.add(cand{content: q.Content, kind: Direct, cue: none, subj: none, quot: qi, from: prev, pos: from})
			continue
		}
		if cue, subj, ok := d.frameBefore(qi, q); ok {
			d.addDirect(qi, cue, subj)
			continue
		}
		if cue, subj, ok := d.colonFrame(q); ok {
			d.addDirect(qi, cue, subj)
			continue
		}
		if cue, subj, ok := d.frameAbove(q); ok {
			c := d.addDirect(qi, cue, subj)
			// the frame sentence may also carry reported speech of its own
			// ("According to him, a treaty can be signed this year:").
			for i := cue[0]; i < cue[1]; i++ {
				d.cueUsed[i] = false
			}
			_ = c
		}
	}
}

func (d *doc) addDirect(qi int, cue, subj [2]int) int {
	q := d.quots[qi]
	return d.add(cand{content: q.Content, kind: Direct, cue: cue, subj: subj, quot: qi, from: -1, pos: cue[0]})
}

// utterance reports whether quotation q reads like something said rather
// than a quoted term: it ends in punctuation or a closing comma follows it,
// or it opens its sentence.
func (d *doc) utterance(q text.Quotation) bool {
	if q.Open > 0 && (d.has(q.Open-1, qTitleCue) || d.possessive(q.Open-1)) {
		return false // on CBS's "Face the Nation," ...: a title
	}
	last := d.S[q.Content.End-1]
	if last == ',' || last == '.' || last == '?' || last == '!' || last == ';' || last == ':' {
		return true
	}
	if q.Close >= 0 && (d.punct(q.Close+1, ',') || d.dash(q.Close+1)) {
		return true
	}
	from, _ := d.quoteTokens(q)
	return from == d.sentence(from).first || q.Paras > 1
}

// titleCue are words before a quoted title or term rather than speech.
var titleCue = map[string]bool{
	"on": true, "in": true, "of": true, "at": true, "from": true, "by": true, "for": true, "about": true,
	"titled": true, "entitled": true, "named": true, "dubbed": true, "called": true, "the": true, "a": true,
	"an": true, "his": true, "her": true, "their": true, "its": true, "so-called": true, "as": true,
}

// frameAfter reads `"...," he said`, `"...," said Ilham Aliyev`,
// `"..." — the president added`, in the sentence of the closing mark.
func (d *doc) frameAfter(q text.Quotation) (cue, subj [2]int, ok bool) {
	if q.Close < 0 || !d.utterance(q) {
		return none, none, false
	}
	j := q.Close + 1
	if d.dash(j) {
		// `"..." ― Jacklyn Ashley`: a dash and a name close the paragraph.
		end := d.paraEnd(d.paraOf(q.Close))
		if np := d.subjectAfter(j + 1); np[0] >= 0 && np[1] >= end-1 && end-j <= 8 {
			return [2]int{j, j + 1}, np, true
		}
	}
	if d.punct(j, ',') || d.dash(j) {
		j++
	}
	if j >= len(d.Toks) {
		return none, none, false
	}
	if d.sentOf[j] != d.sentOf[q.Close] {
		// `"... NOW!" Trump said.`: the sentence break after the closing
		// mark is the quote's own; a short frame sentence follows.
		return d.frameSentence(q, j)
	}
	// inversion: `," said X`
	if v, isVerb := d.verbAt(j); isVerb && !v.ing {
		if s := d.subjectAfter(j + 1); s[0] >= 0 {
			return d.cueSpan(j), s, true
		}
		return none, none, false
	}
	// subject then verb: `," the president added`, `," Michael McFaul, a
	// fellow at ..., said`, `" retired Air Force general Lloyd Newton said`.
	hi := d.sentence(q.Close).end
	for k := j; k < hi && k-j <= 30; k++ {
		if d.Toks[k].Kind == text.QMark || d.inQ[k] != 0 {
			break
		}
		if _, isVerb := d.verbAt(k); isVerb && k > j {
			s := d.subjectBefore(k)
			if s[0] >= j && s[0]-j <= 2 && d.lowerWords(j, s[0]) {
				return d.cueSpan(k), s, true
			}
			break
		}
	}
	return none, none, false
}

// frameSentence reads a frame that makes up the sentence starting at token
// j right after quotation q, which ends in its own full stop, question or
// exclamation mark: `"...!" Trump said.`, `"...?" asked the senator.`
// The frame must end the sentence, so that `"..." Trump said the plan
// ...` is not taken for one.
func (d *doc) frameSentence(q text.Quotation, j int) (cue, subj [2]int, ok bool) {
	st := d.sentence(j)
	if st.first != j || d.paraOf(j) != d.paraOf(q.Close) || d.Toks[j].Kind != text.Word {
		return none, none, false
	}
	if last := d.S[q.Content.End-1]; last != '.' && last != '!' && last != '?' {
		return none, none, false
	}
	if v, isVerb := d.verbAt(j); isVerb && !v.ing {
		if s := d.subjectAfter(j + 1); s[0] >= 0 && (d.endsFrame(s[1], st) || d.subordinator(s[1])) && d.frameEnds(s[1], st) {
			return d.cueSpan(j), s, true
		}
		return none, none, false
	}
	for k := j + 1; k < st.end && k-j <= 8; k++ {
		if _, isVerb := d.verbAt(k); !isVerb {
			continue
		}
		s := d.subjectBefore(k)
		c := d.cueSpan(k)
		if s[0] == j && (d.endsFrame(c[1], st) || d.subordinator(c[1])) && d.frameEnds(c[1], st) {
			return c, s, true
		}
		break
	}
	return none, none, false
}

// frameEnds reports whether the frame words from token k on run to the end
// of sentence st or to a comma, with only a few adjunct words between
// ("said in a tweet.", "said, adding ...").
func (d *doc) frameEnds(k int, st sent) bool {
	for j := k; j < st.end && j-k <= 6; j++ {
		if d.Toks[j].Kind == text.Punct && (j == st.end-1 || d.punct(j, ',')) {
			return true
		}
		if d.Toks[j].Kind == text.QMark || d.Is(j, "that") {
			return false
		}
		if j == k && d.subordinator(j) {
			return true // "..." Clinton asks as a man walks in: a clause of its own
		}
	}
	return k >= st.end
}

// subordinator reports whether token k opens a clause of time or manner
// after a frame ("as", "while", "when", "before", "after").
func (d *doc) subordinator(k int) bool {
	return d.Is(k, "as") || d.Is(k, "while") || d.Is(k, "when") || d.Is(k, "before") || d.Is(k, "after")
}

// lowerWords reports whether tokens [from, to) are all lower-case words.
func (d *doc) lowerWords(from, to int) bool {
	for k := from; k < to; k++ {
		if !d.isWord(k) || d.Toks[k].Cap || d.has(k, qStopWords) {
			return false
		}
	}
	return true
}

// mixedStart returns where the clause holding quotation q starts when q
// is only part of what a frame after it reports (`Not paying taxes "makes
// me smart," Trump said`), or -1 when q stands alone.
func (d *doc) mixedStart(q text.Quotation) int {
	if q.Open < 0 {
		return -1
	}
	st := d.sentence(q.Open)
	if q.Open == st.first || d.punct(q.Open-1, ':') || d.punct(q.Open-1, ',') || d.dash(q.Open-1) {
		return -1
	}
	for k := st.first; k < q.Open; k++ {
		if d.Toks[k].Kind == text.QMark || d.inQ[k] != 0 {
			return -1
		}
		if _, ok := d.verbAt(k); ok {
			return -1
		}
	}
	return st.first
}

// frameBefore reads `He said: "..."`, `She continued, "..."`,
// `Schiff told reporters on Wednesday, "but ..."`, `said: "..."`.
func (d *doc) frameBefore(qi int, q text.Quotation) (cue, subj [2]int, ok bool) {
	if q.Open < 0 {
		return none, none, false
	}
	j := q.Open - 1
	lo := d.sentence(q.Open).first
	if j < lo {
		return none, none, false
	}
	sep := d.punct(j, ':') || d.punct(j, ',')
	if sep {
		j--
	}
	// scan back over adjuncts and a hearer to the verb
	for k := j; k >= lo && j-k <= 8; k-- {
		if d.Toks[k].Kind == text.QMark || d.inQ[k] != 0 && d.inQ[k] != int32(qi+1) {
			break
		}
		v, isVerb := d.verbAt(k)
		if !isVerb {
			if k < j && d.punct(k, ',') {
				break
			}
			continue
		}
		if k != j && !sep && !v.object {
			break // `said Baku was "ready"`: a mixed quote, not a frame
		}
		if k != j && !d.adjuncts(k+1, j+1, v) {
			break
		}
		if !sep && !d.endsClause(q) {
			break // `said "budget reforms" and ...`: quoted words in a clause
		}
		s := d.subjectBefore(k)
		if s[0] < 0 && v.ing {
			s = d.lastSubject(k)
		}
		if s[0] < 0 {
			s = d.clauseSubject(k)
		}
		if s[0] < 0 && k+1 <= j {
			s = d.subjectAfter(k + 1)
		}
		if s[0] < 0 && (v.ing || k == lo) {
			s = d.previousSubject(k)
		}
		return d.cueSpan(k), s, true
	}
	return none, none, false
}

// endsClause reports whether quotation q ends where its clause does: at a
// punctuation mark or the end of the sentence.
func (d *doc) endsClause(q text.Quotation) bool {
	if q.Close < 0 {
		return true
	}
	n := q.Close + 1
	return n >= len(d.Toks) || d.sentOf[n] != d.sentOf[q.Close] || d.Toks[n].Kind == text.Punct
}

// adjuncts reports whether tokens [from, to) between a verb and a quote are
// only a hearer, time and place: "reporters on Wednesday", "in a statement".
func (d *doc) adjuncts(from, to int, v verb) bool {
	for k := from; k < to; k++ {
		if d.Is(k, "that") {
			return false
		}
		if d.Toks[k].Kind == text.Punct && !d.punct(k, ',') && !d.punct(k, '.') {
			return false
		}
	}
	return to-from <= 7
}

// frameAbove reads a frame sentence ending in a colon in the paragraph above
// a quote that opens its paragraph: "the president commented on the
// situation:" followed by a quoted paragraph.
func (d *doc) frameAbove(q text.Quotation) (cue, subj [2]int, ok bool) {
	from, _ := d.quoteTokens(q)
	p := d.paraOf(from)
	if from != d.paraFirst[p] || p == 0 {
		return none, none, false
	}
	last := d.paraFirst[p] - 1
	if !d.punct(last, ':') {
		return none, none, false
	}
	st := d.sentence(last)
	for k := st.first; k < last; k++ {
		if d.inQ[k] != 0 {
			continue
		}
		if d.Is(k, "according") && d.Is(k+1, "to") {
			s := d.subjectAfter(k + 2)
			return [2]int{k, k + 2}, s, true
		}
		if _, isVerb := d.verbAt(k); !isVerb || d.nounUse(k) && !d.Is(k-1, "to") {
			continue
		}
		return d.cueSpan(k), d.frameSubject(k, st), true
	}
	// Any sentence that ends in a colon introduces the quote below it:
	// "17-year-old Jared Potts echoed:", "Clinton released the following
	// statement:". The cue is the word before the colon.
	if k := last - 1; k >= st.first && d.isWord(k) && d.inQ[k] == 0 {
		if s := d.clauseSubject(k); s[0] >= 0 {
			return [2]int{k, k + 1}, s, true
		}
	}
	return none, none, false
}

// colonFrame reads a colon before a quote in the same sentence when no
// reporting verb frames it: `Schumer tweeted: "..."`, `Trump leaned in and
// boomed: "..."`, `Clinton: "..."`, `Pollsters agree - Carl Bialik: "..."`.
// The cue is the word before the colon; the speaker is the subject of its
// clause, or the name that is all there is before the colon.
func (d *doc) colonFrame(q text.Quotation) (cue, subj [2]int, ok bool) {
	if q.Open < 1 || !d.punct(q.Open-1, ':') {
		return none, none, false
	}
	k := q.Open - 2
	st := d.sentence(q.Open)
	if k < st.first || !d.isWord(k) || d.inQ[k] != 0 {
		return none, none, false
	}
	// "Clinton:", "- Carl Bialik:": a name alone before the colon
	from := st.first
	for j := k; j >= st.first; j-- {
		if d.dash(j) || d.punct(j, '-') {
			from = j + 1
			break
		}
	}
	if np := d.npEndingAt(k, from); np[0] == from && d.namesSomeone(np) && d.Toks[k].Cap {
		return [2]int{q.Open - 1, q.Open}, np, true
	}
	if s := d.clauseSubject(k); s[0] >= 0 {
		return [2]int{k, k + 1}, s, true
	}
	return none, none, false
}

// frameSubject finds the speaker of the verb at k in sentence st: its
// subject, the subject of its clause, the subject after it ("Stated
// Stone:"), or the speaker of the quote before (a participle opening the
// sentence: "Adding, ...").
func (d *doc) frameSubject(k int, st sent) [2]int {
	if s := d.subjectBefore(k); s[0] >= 0 {
		return s
	}
	if s := d.clauseSubject(k); s[0] >= 0 {
		return s
	}
	if s := d.subjectAfter(k + 1); s[0] >= 0 && k == st.first {
		return s
	}
	return d.previousSubject(k)
}

// cueSpan is the cue at verb token k, with a particle that belongs to it
// ("pointed out").
func (d *doc) cueSpan(k int) [2]int {
	if k >= 0 && k < len(d.qw) && d.qw[k].verb.out && d.Is(k+1, "out") {
		return [2]int{k, k + 2}
	}
	return [2]int{k, k + 1}
}

// followers gives quotations without a frame of their own the speaker of
// the quote just before them, when they read as more of the same speech:
// a quoted sentence right after an attributed quote in the same paragraph
// (`"A," he said. "B."`), or a quoted paragraph after a paragraph whose
// last quote is attributed. A whole quoted paragraph with no quote before
// it is kept with no speaker.
func (d *doc) followers() {
	ix := d.newCandIndex()
	for qi, q := range d.quots {
		if q.Nested || d.quotUsed[qi] || ix.inCandidate(d, q.Content) {
			continue
		}
		from, to := d.quoteTokens(q)
		if prev := d.sameSentenceSpeech(qi); prev >= 0 {
			ix.added(d, d.add(cand{content: q.Content, kind: Direct, cue: none, subj: none, quot: qi, from: prev, pos: from}))
			continue
		}
		p := d.paraOf(from)
		wholePara := from == d.paraFirst[p] && to >= d.paraEnd(p)-1
		sentStart := from == d.sentence(from).first
		if !wholePara && !(sentStart && d.utterance(q)) {
			continue
		}
		prev := d.candBefore(ix, d.Toks[from].Start, p)
		if prev < 0 && !wholePara {
			continue
		}
		if prev >= 0 && d.paraOf(d.cands[prev].pos) == p && !sentStart {
			continue
		}
		ix.added(d, d.add(cand{content: q.Content, kind: Direct, cue: none, subj: none, quot: qi, from: prev, pos: from}))
	}
}

// sameSentenceSpeech finds the attributed direct quote that quotation qi
// continues in the same sentence (`"A," he said, "B."`, `"A," he said,
// but "B"`): the candidate, or -1.
func (d *doc) sameSentenceSpeech(qi int) int {
	q := d.quots[qi]
	if q.Open < 0 {
		return -1
	}
	si := d.sentOf[q.Open]
	for k := q.Open - 1; k >= 0 && d.sentOf[k] == si && q.Open-k <= 15; k-- {
		if d.Toks[k].Kind != text.QMark {
			continue
		}
		p := d.inQ[k]
		if p == 0 {
			return -1
		}
		for c, x := range d.cands {
			if x.quot == int(p-1) && x.cue[0] > k && x.cue[0] < q.Open && (d.connectives(max(x.cue[1], x.subj[1]), q.Open) || d.adjuncts(max(x.cue[1], x.subj[1]), q.Open, verb{})) {
				return c
			}
		}
		return -1
	}
	return -1
}

// connectives reports whether tokens [from, to) only join two parts of a
// quote: punctuation, "and", "but", "then", time words.
func (d *doc) connectives(from, to int) bool {
	if to-from > 5 {
		return false
	}
	for k := from; k < to; k++ {
		if d.Toks[k].Kind == text.Punct || d.Is(k, "and") || d.Is(k, "but") || d.Is(k, "then") ||
			d.IsCalendar(k) || d.has(k, qTimeWords) || d.adverb(k) {
			continue
		}
		return false
	}
	return true
}

// blockQuotes reads a paragraph set off, without quotation marks, by a
// frame that ends the paragraph before it in a colon: "Limbaugh added:"
// and then, as a paragraph of its own, what he added. Quoted paragraphs
// are the other sieves' (frameAbove); a colon with no reporting verb
// close before it ("Related:") frames nothing.
func (d *doc) blockQuotes() {
	for p := 1; p < len(d.paraFirst); p++ {
		first, end := d.paraFirst[p], d.paraEnd(p)
		last := first - 1
		if !d.punct(last, ':') || d.inQ[last] != 0 || d.paraOf(last) != p-1 || end-first < 3 {
			continue
		}
		quoted := false
		for k := first; k < end && !quoted; k++ {
			quoted = d.Toks[k].Kind == text.QMark || d.inQ[k] != 0
		}
		if quoted {
			continue
		}
		st := d.sentence(last)
		for k := max(st.first, last-6); k < last; k++ {
			if d.inQ[k] != 0 || d.cueUsed[k] {
				continue
			}
			if _, ok := d.verbAt(k); !ok || d.nounUse(k) {
				continue
			}
			if subj := d.frameSubject(k, st); subj[0] >= 0 {
				sp := text.Span{Start: d.Toks[first].Start, End: d.Toks[end-1].End}
				d.add(cand{content: sp, kind: Direct, cue: d.cueSpan(k), subj: subj, quot: -1, from: -1, pos: k})
			}
			break
		}
	}
}
