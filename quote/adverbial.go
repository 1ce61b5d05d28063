package quote

import "chronicle/text"

// This file reads frames that are adverbial clauses rather than the main
// clause of their sentence: "As X reported, CLAUSE", "CLAUSE, as X noted",
// "As reported by X, CLAUSE", and questions put to someone ("X was asked
// whether ...", "..., he said when asked about ...").

// asFrame reads a frame opened by "as" around the reporting verb at
// cue[0] whose subject is subj: the content is the main clause after the
// frame ("As The Post reported, CLAUSE") or, at the end of a sentence,
// before it ("CLAUSE, as Clyburn noted."). It reports whether it read one.
func (d *doc) asFrame(cue, subj [2]int, st sent) bool {
	as := subj[0] - 1
	if subj[0] < 0 || !d.Is(as, "as") || d.inQ[as] != 0 {
		return false
	}
	if !d.asOpens(as, st) {
		return false
	}
	end := d.frameEnd(cue[1], st)
	if end < 0 {
		return false
	}
	if d.punct(end, ',') && end+1 < st.end {
		// "As X reported, CLAUSE" or "A, as X said, B": one quotation
		// from the start of the sentence when the part before the frame
		// is a clause of its own, else from the comma.
		from := end + 1
		if d.punct(as-1, ',') || d.dash(as-1) {
			if s := d.clauseStart(as-1, st); s >= 0 && as-1-s >= 3 && !d.introPhrase(s) {
				from = s
			}
		}
		d.addReported(from, d.clauseEnd(end+1, st), cue, subj)
		return true
	}
	if end >= st.end-1 && (d.punct(as-1, ',') || d.dash(as-1)) {
		from := d.clauseStart(as-1, st)
		if from >= 0 && d.introPhrase(from) {
			from = d.pastIntro(from, as-1)
		}
		if from >= 0 && as-1-from >= 3 {
			d.addReported(from, as-1, cue, subj)
			return true
		}
	}
	return false
}

// asOpens reports whether "as" at token k opens an adverbial frame: at the
// start of the sentence (past "And", "But", "Just"), or after a comma or a
// dash.
func (d *doc) asOpens(k int, st sent) bool {
	p := k - 1
	if d.Is(p, "just") {
		p--
	}
	if d.punct(p, ',') && p > st.first && (d.Is(p-1, "and") || d.Is(p-1, "but")) && p-1 == st.first {
		return true // "And, as X reported, ..."
	}
	if d.Is(p, "and") || d.Is(p, "but") || d.Is(p, "so") {
		p--
	}
	return p < st.first || d.punct(p, ',') || d.dash(p)
}

// frameEnd returns the token that ends a short frame whose words after the
// cue start at k: a comma, or the last token of the sentence. Only
// adjuncts may come between ("reported on Saturday", "noted in New York
// magazine"); -1 when anything else does.
func (d *doc) frameEnd(k int, st sent) int {
	for j := k; j < st.end && j-k <= 8; j++ {
		switch {
		case d.punct(j, ','):
			return j
		case d.Toks[j].Kind == text.Punct:
			if j == st.end-1 {
				return j
			}
			if !d.punct(j, '.') && !d.dash(j) {
				return -1
			}
		case d.Toks[j].Kind == text.QMark, d.Is(j, "that"):
			return -1
		}
	}
	if st.end-k <= 8 {
		return st.end - 1
	}
	return -1
}

// asReportedBy reads "As reported by X, CLAUSE" with the participle at
// token i; it reports whether it read one.
func (d *doc) asReportedBy(i int, st sent) bool {
	if !d.Is(i-1, "as") || !d.Is(i+1, "by") || !d.asOpens(i-1, st) {
		return false
	}
	subj := d.subjectAfter(i + 2)
	if subj[0] < 0 {
		return false
	}
	k := subj[1]
	for k < st.end && !d.punct(k, ',') && k-subj[1] < 6 && d.Toks[k].Kind != text.QMark {
		k++
	}
	if !d.punct(k, ',') || k+1 >= st.end {
		return false
	}
	d.addReported(k+1, d.clauseEnd(k+1, st), [2]int{i - 1, i + 2}, subj)
	return true
}

// askedPassive reads a question put to someone, with the asker named after
// "by" or not at all: "Sanders was asked whether ...", "..., he said when
// asked about ...", "Asked by a caller why ...". The content is the
// question from its first word (a question word, "about", "to", or the
// object: "asked a direct question about this"). It reports whether it
// read one.
func (d *doc) askedPassive(i int, st sent) bool {
	p := i - 1
	for p >= st.first && (d.adverb(p) || d.Is(p, "also") || d.Is(p, "even") || d.Is(p, "often")) {
		p--
	}
	opens := p < st.first || d.Is(p, "when") || d.Is(p, "whenever") || d.Is(p, "if") || d.Is(p, "after") ||
		d.Is(p, "once") || d.punct(p, ',') || d.dash(p) ||
		d.Is(p, "was") || d.Is(p, "were") || d.Is(p, "is") || d.Is(p, "are") || d.Is(p, "been") || d.Is(p, "being") || d.Is(p, "be")
	if !opens {
		return false
	}
	c := i + 1
	subj := none
	for c < st.end && c-i <= 12 {
		switch {
		case d.adverb(c) || d.IsCalendar(c) || d.has(c, qTimeWords):
			c++
			continue
		case d.Is(c, "by"):
			// the asker runs to the question: "by host John Dickerson whether"
			j := c + 1
			for j < st.end && j-c <= 8 && d.isWord(j) && !d.has(j, qQuestionWords) && !d.Is(j, "to") {
				j++
			}
			if j == c+1 || !d.has(j, qQuestionWords) && !d.Is(j, "to") {
				return false
			}
			subj, c = [2]int{c + 1, j}, j
			continue
		case d.punct(c, '-') || d.dash(c) || d.punct(c, ','):
			c++
			continue
		case (d.Is(c, "at") || d.Is(c, "during") || d.Is(c, "in") || d.Is(c, "on")) && !d.has(c+1, qQuestionWords):
			// "asked at a briefing Monday about ...": skip to the question
			j := c + 1
			for j < st.end && j-c <= 8 && !d.has(j, qQuestionWords) && d.Toks[j].Kind == text.Word {
				j++
			}
			if !d.has(j, qQuestionWords) {
				return false
			}
			c = j
			continue
		}
		break
	}
	if c >= st.end || !(d.has(c, qQuestionWords) || d.Is(c, "to") || d.has(c, qDeterminers) || d.possessive(c)) {
		return false
	}
	end := d.clauseEnd(c, st)
	if p < st.first || d.Is(p, "when") && p == st.first || d.punct(p, ',') && p > st.first {
		// "Asked whether she would run, she said ...", "The mayor, asked
		// about the budget, said ...": the question ends at the comma.
		for k := c; k < end; k++ {
			if d.punct(k, ',') {
				end = k
				break
			}
		}
	}
	if end-c < 2 && !(end-c == 1 && d.has(c, qQuestionWords)) {
		return false
	}
	d.addReported(c, end, [2]int{i, i + 1}, subj)
	return true
}

// relativeFrame reads a frame inside a relative clause, whose content is
// the rest of that clause: "a charity that prosecutors said was suspected
// of ...", "what he said were the failures of ...", "a probe the agency
// said was ongoing". The verb is followed at once by a finite verb (the
// content lacks its subject, which is the relative pronoun). It reports
// whether it read one.
func (d *doc) relativeFrame(cue, subj [2]int, st sent) bool {
	k := cue[1]
	for k < st.end && d.adverb(k) {
		k++
	}
	if !d.has(k, qFinite) || subj[0] <= st.first {
		return false
	}
	r := subj[0] - 1
	rel := d.Is(r, "which") || d.Is(r, "that") || d.Is(r, "who") || d.Is(r, "what") || d.Is(r, "whom")
	contact := d.isWord(r) && !d.Toks[r].Cap && !d.has(r, qStopWords) && !d.qw[r].isVerb && d.has(subj[0], qDeterminers)
	if !rel && !contact {
		return false
	}
	end := d.clauseEnd(k, st)
	if end-k < 2 {
		return false
	}
	d.addReported(k, end, cue, subj)
	return true
}

// infinitiveCue reads a reporting verb in the infinitive whose speaker is
// the subject of the clause: "D'Souza went on to explain that ...",
// "Clinton took to Twitter to say she ...", "Fox News sent a host to ask
// voters if ...". Only a clause opened by "that" or a question word counts,
// since "to say goodbye" and "to tell the truth" report nothing. It
// reports whether it read one.
func (d *doc) infinitiveCue(i int, v verb, st sent) bool {
	if !v.clause && !v.np {
		return false
	}
	cue := d.cueSpan(i)
	k := cue[1]
	if (v.object || v.np) && !d.Is(k, "that") && !d.has(k, qQuestionWords) {
		k = d.objectAfter(k, st)
	}
	if !d.Is(k, "that") && !(d.has(k, qQuestionWords) && !d.Is(k, "about")) || k+1 >= st.end {
		return false
	}
	subj := d.clauseSubject(i)
	if subj[0] < 0 {
		subj = d.lastSubject(i) // `"...," Sanders said, going on to say that ...`
	}
	if subj[0] < 0 {
		return false
	}
	c := k
	if d.Is(k, "that") {
		c = k + 1
	}
	d.addReported(c, d.clauseEnd(c, st), cue, subj)
	return true
}
