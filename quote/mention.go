package quote

import (
	"strings"

	"chronicle/text"
)

// This file finds the words that name a speaker next to a reporting verb:
// the subject before it ("the country's president Ilham Aliyev said"), the
// subject after it ("said presidential foreign policy advisor Hikmet
// Hajiyev"), or the subject of the clause a verb is coordinated with
// ("Hajiyev slammed ... and said"). A mention is a token range [from, to).

var none = [2]int{-1, -1}

// sourceNouns are things that speak in news copy besides people: "the
// ruling said", "the report found".
var sourceNouns = map[string]bool{
	"ruling": true, "report": true, "statement": true, "study": true, "letter": true, "lawsuit": true,
	"complaint": true, "memo": true, "filing": true, "indictment": true, "order": true, "decision": true,
	"opinion": true, "survey": true, "poll": true, "analysis": true, "document": true, "documents": true,
	"release": true, "website": true, "ad": true, "advertisement": true, "campaign": true, "spokesman": true,
	"email": true, "e-mail": true, "tweet": true, "post": true, "message": true, "video": true, "transcript": true,
	"note": true, "editorial": true, "column": true, "article": true, "story": true, "book": true, "memoir": true,
	"spokeswoman": true, "spokesperson": true, "announcer": true, "narrator": true, "agency": true,
}

const maxNP = 16 // tokens in a speaker noun phrase

// subjectBefore finds the subject of the verb at token v by scanning left
// within its sentence. It skips auxiliaries and adverbs ("has also said"),
// steps over an apposition ("McFaul, a senior fellow at ..., said") and a
// relative pronoun ("listeners who said").
func (d *doc) subjectBefore(v int) [2]int {
	lo := d.sentence(v).first
	j := v - 1
	for skip := 0; j >= lo && skip < 5; skip++ {
		switch {
		case d.has(j, qBetween) || d.adverb(j):
			j--
		case (d.IsCalendar(j) || d.has(j, qTimeWords) || d.Toks[j].Kind == text.Number) && j-1 >= lo &&
			(d.Is(j-1, "on") || d.Is(j-1, "in") || d.Is(j-1, "last") || d.Is(j-1, "this") || d.Is(j-1, "earlier")):
			j -= 2 // "who in 2010 said", "McConnell on Wednesday said"
		case d.IsCalendar(j) && j-1 >= lo && d.isWord(j-1) && !d.IsCalendar(j-1):
			j-- // "Axelrod Wednesday said"
		default:
			skip = 5
			continue
		}
	}
	j = d.skipBack(j, lo)
	if j < lo {
		return none
	}
	if _, ok := d.Pronoun(j); ok {
		// "who said": the mention is "who"; resolution looks further left.
		return [2]int{j, j + 1}
	}
	if d.punct(j, ',') || d.dash(j) {
		if np := d.beforeApposition(j, lo); np[0] >= 0 {
			return np
		}
		return none
	}
	if d.punct(j, '%') && j-1 >= lo && d.Toks[j-1].Kind == text.Number {
		np := d.npEndingAt(j-1, lo) // "42% say"
		return [2]int{np[0], j + 1}
	}
	if d.Toks[j].Kind == text.Number {
		return d.npEndingAt(j, lo) // "More than six in 10 said"
	}
	if d.Toks[j].Kind != text.Word || d.has(j, qStopWords) {
		return none
	}
	return d.npEndingAt(j, lo)
}

// skipBack steps left over a parenthesis ("Rep. Gwen Moore (D-Wis.)") and
// the period of an abbreviation ("The S.E.C.") before a verb.
func (d *doc) skipBack(j, lo int) int {
	if d.punct(j, ')') {
		for k := j - 1; k >= lo && j-k <= 8; k-- {
			if d.punct(k, '(') {
				return k - 1
			}
		}
	}
	if d.punct(j, '.') && j > lo && d.isWord(j-1) && d.Toks[j].Start == d.Toks[j-1].End {
		return j - 1
	}
	return j
}

// npEndingAt extends a noun phrase left from its head at token j.
func (d *doc) npEndingAt(j, lo int) [2]int {
	k := j
	for k > lo && j-k < maxNP-1 {
		p := k - 1
		switch {
		case d.punct(p, '.') && p > lo && (d.IsTitle(p-1) || d.initial(p-1) || d.DottedAbbrev(p-1)) && d.Toks[p].Start == d.Toks[p-1].End:
			k = p // "Mr." / "Sen.": the period of an abbreviated title
			continue
		case p-2 > lo && d.ageAdjective(p-2):
			k = p - 2 // "the 71-year-old diplomat"
			continue
		case d.Toks[p].Kind != text.Word:
		case d.Is(p, "of") || d.Is(p, "for") && (d.Toks[k].Cap || d.IsRoleNoun(p-1) || d.IsGroupNoun(p-1)):
			k = p
			continue
		case (d.Is(p, "to") || d.Is(p, "with")) && p-1 > lo && (d.Is(p-1, "close") || d.Is(p-1, "familiar") || d.Is(p-1, "loyal")):
			k = p - 1 // "people close to Clinton", "sources familiar with the talks"
			continue
		case d.has(p, qStopWords):
		case d.IsCalendar(p) || d.has(p, qTimeWords):
		default:
			k = p
			continue
		}
		break
	}
	for k < j && (d.Is(k, "of") || d.Is(k, "for") || d.punct(k, '.')) {
		k++
	}
	// Verbs and adverbs far from the head are not part of it: "
	// retired general Lloyd Newton" keeps "retired" out.
	for k < j && !d.Toks[k].Cap && d.verbLike(k) {
		k++
	}
	return [2]int{k, j + 1}
}

// verbLike reports whether lower-case word k looks like a verb or adverb
// (-ed, -ly, -ing): words that end a subject rather than belong to it.
func (d *doc) verbLike(k int) bool {
	if !d.isWord(k) {
		return true
	}
	w := d.Text(k)
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ing"))
}

// npStart reports whether token k can open a speaker noun phrase.
func (d *doc) npStart(k int) bool {
	return d.has(k, qDeterminers) || d.Toks[k].Cap || d.IsRoleNoun(k) || d.IsGroupNoun(k) || d.IsDemonym(k)
}

// beforeApposition handles "NAME, APPOSITION, said": comma is the token
// before the verb; it finds the comma opening the apposition and the noun
// phrase before that.
func (d *doc) beforeApposition(comma, lo int) [2]int {
	for k := comma - 1; k > lo && comma-k <= 30; k-- {
		if d.Toks[k].Kind == text.QMark {
			return none
		}
		if !d.punct(k, ',') && !(d.dash(k) && d.dash(comma)) {
			continue
		}
		// the apposition should look like one: "a senior fellow", "who ...",
		// "the former ambassador", "52", "an adviser to ...".
		a := k + 1
		if d.Is(a, "and") || d.Is(a, "but") || d.Is(a, "or") || d.Is(a, "that") {
			return none
		}
		if !d.Is(a, "who") && !d.Is(a, "which") && !d.Is(a, "whose") && !d.Is(a, "whom") && d.finiteIn(a, comma) {
			// "..., candidates have more room to ..., said X": a clause, not
			// an apposition
			return none
		}
		h := d.skipBack(k-1, lo)
		if h >= lo && d.Toks[h].Kind == text.Number {
			continue // "Schiff, 56, who ...": another apposition before this one
		}
		if h < lo || d.Toks[h].Kind != text.Word || d.has(h, qStopWords) {
			return none
		}
		if _, ok := d.Pronoun(h); ok {
			return [2]int{h, h + 1}
		}
		np := d.npEndingAt(h, lo)
		if !d.namesSomeone(np) {
			return none
		}
		// "Trump, who attacked the judge, who is American, said": the noun
		// phrase sits inside an earlier relative clause; the subject is
		// before that one.
		if c := np[0] - 1; c > lo && d.relativeBefore(c, lo) {
			for j := c; j >= lo && c-j <= 20; j-- {
				if d.punct(j, ',') && (d.Is(j+1, "who") || d.Is(j+1, "which")) {
					if outer := d.beforeApposition(j+1, lo); outer[0] >= 0 {
						return outer
					}
					break
				}
			}
		}
		return np
	}
	return none
}

// relativeBefore reports whether the words from the last comma before
// token c up to c open with a relative pronoun ("who", "which").
func (d *doc) relativeBefore(c, lo int) bool {
	for j := c; j >= lo && c-j <= 20; j-- {
		if d.punct(j, ',') || d.dash(j) {
			return d.Is(j+1, "who") || d.Is(j+1, "which")
		}
	}
	return false
}

// finiteIn reports whether tokens [from, to), before any relative
// pronoun, hold an auxiliary or a form
// of "be" or "have", the mark of a clause rather than a noun phrase.
func (d *doc) finiteIn(from, to int) bool {
	for k := from; k < to; k++ {
		if d.Is(k, "who") || d.Is(k, "which") || d.Is(k, "that") || d.Is(k, "whose") || d.Toks[k].Kind == text.QMark {
			return false // "a Democrat who has served ...": a relative clause inside the noun phrase
		}
		if d.has(k, qFinite) {
			return true
		}
	}
	return false
}

// finite are auxiliaries and forms of "be" and "have".
var finite = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "can": true, "could": true, "should": true, "may": true, "might": true,
	"must": true, "does": true, "do": true, "did": true, "isn't": true, "aren't": true, "wasn't": true,
	"weren't": true, "won't": true, "isn’t": true, "aren’t": true, "wasn’t": true, "weren’t": true, "won’t": true,
}

// namesSomeone reports whether a noun phrase can name a speaker: it holds a
// capitalised word, a role or group noun, or is a pronoun.
func (d *doc) namesSomeone(np [2]int) bool {
	if np[0] < 0 {
		return false
	}
	for i := np[0]; i < np[1]; i++ {
		if d.Toks[i].Cap && !d.NotName(i) || d.IsRoleNoun(i) || d.IsGroupNoun(i) || d.IsTitle(i) || d.has(i, qSourceNouns) {
			return true
		}
		if _, ok := d.Pronoun(i); ok && np[1]-np[0] == 1 {
			return true
		}
		if d.ageAdjective(i) && strings.HasSuffix(d.Text(i+2), "old") {
			return true // "the 46-year-old"
		}
	}
	return false
}

// subjectAfter reads a subject that follows its verb (inversion: `," said
// Ilham Aliyev`, "said the official"), from token i on.
func (d *doc) subjectAfter(i int) [2]int {
	if i >= len(d.Toks) {
		return none
	}
	hi := d.sentence(i).end
	if _, ok := d.Pronoun(i); ok && !d.Is(i, "it") && !d.Is(i, "who") && !d.Is(i, "which") {
		return [2]int{i, i + 1}
	}
	k := i
	if d.Toks[k].Kind == text.Number && k+1 < hi && d.isWord(k+1) {
		k++ // "9/11 widow Terry Strada", "73 percent"
	}
	sawHead := false
	lastQualifier := -1
	for k < hi && k-i < maxNP {
		switch {
		case d.punct(k, '.') && k > i && (d.IsTitle(k-1) || d.initial(k-1)) && d.Toks[k].Start == d.Toks[k-1].End && k+1 < hi && d.Toks[k+1].Cap:
			k++
			continue
		case d.punct(k, '.') && k > i && d.DottedAbbrev(k-1) && k+1 < hi && d.isWord(k+1):
			k++ // "a former U.S. law enforcement official"
			continue
		case d.ageAdjective(k) && k+3 < hi:
			k += 3 // "the 46-year-old", "a 29-year-old Berlin woman"
			if d.isWord(k) && !d.has(k, qStopWords) {
				continue
			}
			sawHead = true // "said the 46-year-old."
			continue
		case d.Toks[k].Kind != text.Word:
		case d.IsCalendar(k) || d.has(k, qTimeWords):
		case (d.Is(k, "of") || d.Is(k, "for")) && k > i && k+1 < hi && (d.Toks[k+1].Cap || d.has(k+1, qDeterminers)):
			k++
			continue
		case d.has(k, qStopWords):
		case sawHead && !d.Toks[k].Cap && !d.possessive(k-1) && !d.IsRoleNoun(k) && !d.IsGroupNoun(k) && !d.IsTitle(k):
			// a lower-case word after the name ends the phrase ("chief
			// executive" and "press secretary" go on)
		default:
			// a place or nationality before a noun qualifies it ("a
			// former U.S. official", "the Republican nominee")
			qualifier := (d.IsPlace(k) || d.IsDemonym(k) && !d.IsGroupNoun(k)) && k+1 < hi && d.isWord(k+1) || d.DottedAbbrev(k)
			if qualifier && !sawHead {
				lastQualifier = k
			}
			if !qualifier && (d.Toks[k].Cap && !d.NotName(k) || d.IsRoleNoun(k) || d.IsGroupNoun(k) || d.has(k, qSourceNouns)) {
				sawHead = true
			}
			k++
			continue
		}
		break
	}
	if !sawHead && lastQualifier >= 0 {
		// no noun came after the qualifier: it was the head ("one
		// Republican involved in the talks", "a Democrat familiar with")
		k = lastQualifier + 1
	}
	np := [2]int{i, k}
	if k == i || !d.namesSomeone(np) {
		return none
	}
	return np
}

// ageAdjective reports whether tokens k, k+1, k+2 are a number, a hyphen
// and a word written together ("46-year-old", "2-to-1").
func (d *doc) ageAdjective(k int) bool {
	return k >= 0 && k+2 < len(d.Toks) && d.Toks[k].Kind == text.Number && d.punct(k+1, '-') && d.isWord(k+2) &&
		d.Toks[k+1].Start == d.Toks[k].End && d.Toks[k+2].Start == d.Toks[k+1].End
}

// initial reports whether token i is a capital letter standing for a name
// ("J." in "Donald J. Trump").
func (d *doc) initial(i int) bool {
	return d.isWord(i) && d.Toks[i].Len() == 1 && d.Toks[i].Cap
}

func (d *doc) possessive(i int) bool {
	if !d.isWord(i) {
		return false
	}
	w := d.Text(i)
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// clauseSubject finds the subject at the start of the sentence holding token
// i, for a verb coordinated with an earlier one ("Hajiyev slammed ... and
// said ...") or a participle ("..., adding that ...").
func (d *doc) clauseSubject(i int) [2]int {
	st := d.sentence(i)
	k := st.first
	// skip an introductory phrase and an opening conjunction or adverb
	// ("In his speech,", "On the other hand,", "But").
	if d.has(k, qIntro) || d.Is(k, "despite") || d.introPhrase(k) {
		j := k
		for j < i && !d.punct(j, ',') {
			j++
		}
		if j < i {
			k = j + 1
		}
	}
	// "Hours later, ...", "Last week, ...": a short time phrase
	for j := k; j < i && j-k < 4; j++ {
		if d.punct(j, ',') {
			if j > k && d.timePhrase(k, j) {
				k = j + 1
			}
			break
		}
	}
	for k < i && (d.has(k, qStopWords) && !d.isPronounSubject(k) || d.Toks[k].Kind == text.Punct) {
		k++
	}
	if k >= i || d.inQ[k] != 0 {
		return none
	}
	np := d.subjectAfter(k)
	if np[0] < 0 || np[1] > i {
		return none
	}
	return np
}

// timePhrase reports whether tokens [from, to) are only words of time:
// "Hours later", "Last week", "On Tuesday", "In 2015".
func (d *doc) timePhrase(from, to int) bool {
	for t := from; t < to; t++ {
		if !(d.IsCalendar(t) || d.has(t, qTimeWords) || d.Toks[t].Kind == text.Number || d.Is(t, "hours") || d.Is(t, "days") || d.Is(t, "minutes") ||
			d.Is(t, "weeks") || d.Is(t, "months") || d.Is(t, "years") || d.Is(t, "moments") || d.Is(t, "ago") ||
			d.Is(t, "last") || d.Is(t, "on") || d.Is(t, "in") || d.Is(t, "this") || d.Is(t, "early")) {
			return false
		}
	}
	return true
}

func (d *doc) isPronounSubject(k int) bool {
	_, ok := d.Pronoun(k)
	return ok
}

// adverb reports whether token i is an -ly adverb ("repeatedly").
func (d *doc) adverb(i int) bool {
	if !d.isWord(i) || d.Toks[i].Cap {
		return false
	}
	w := d.Text(i)
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !strings.HasSuffix(w, "ply") && w != "family" && w != "rally"
}
