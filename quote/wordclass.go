package quote

import (
	"strings"

	"chronicle/text"
)

// This file tells a reporting verb from the same word used otherwise: as a
// noun ("the report", "a conference call"), an adjective ("271 pledged
// delegates"), a name-giver ("a group called ..."), a passive ("was told"),
// and finds a participle's object ("issued a statement saying ...").

// objectOf reports whether token k is a verb whose object follows it:
// "issued", "released", "posted" (a lower-case word ending in -ed that is
// not a reporting verb).
func (d *doc) objectOf(k int) bool {
	if !d.isWord(k) || d.Toks[k].Cap || d.qw[k].isVerb || d.has(k, qStopWords) {
		return false
	}
	w := d.Text(k)
	return len(w) > 3 && strings.HasSuffix(w, "ed")
}

// holdsObject reports whether the noun phrase np before a participle is,
// or ends in, the object of a verb: "(she issued) a statement", "Ana Ruiz
// released a report".
func (d *doc) holdsObject(np [2]int) bool {
	if d.objectOf(np[0] - 1) {
		return true
	}
	for k := np[0] + 1; k < np[1]-1; k++ {
		if d.objectOf(k) && d.has(k+1, qDeterminers) {
			return true
		}
	}
	return false
}

// nounUse reports whether the verb-looking word at i is a noun here: "the
// report", "his claims", "a statement".
func (d *doc) nounUse(i int) bool {
	p := i - 1
	if p < 0 {
		return false
	}
	// "271 pledged delegates": a participle used
	// as an adjective before its noun.
	if d.Toks[p].Kind == text.Number && !d.Is(p-1, "in") && !d.qw[i].verb.base && !d.qw[i].verb.ing && d.isWord(i+1) && !d.has(i+1, qStopWords) && !d.has(i+1, qDeterminers) && !d.isPronounSubject(i+1) {
		return true
	}
	if !d.isWord(p) {
		return false
	}
	switch {
	case d.Is(p, "the"), d.Is(p, "a"), d.Is(p, "an"), d.Is(p, "his"), d.Is(p, "her"), d.Is(p, "their"),
		d.Is(p, "its"), d.Is(p, "our"), d.Is(p, "this"), d.Is(p, "these"), d.Is(p, "whose"), d.Is(p, "my"),
		d.Is(p, "to") && !d.Is(p-1, "according"), d.possessive(p):
		return true
	}
	// "Western states that ...", "swing states": "states" is a verb only
	// after a pronoun or a lower-case noun, with "that" or a colon after.
	if d.Is(i, "states") && (!d.Is(i+1, "that") && !d.punct(i+1, ':') || d.Toks[p].Cap && !d.isPronounSubject(p)) {
		return true
	}
	// "a conference call", "a news report": a base form after "a" and one
	// word cannot be a verb, whose subject would be singular.
	if v := d.qw[i].verb; (v.base || d.Text(i)[len(d.Text(i))-1] == 's' && !v.ing) && (d.Is(p-1, "a") || d.Is(p-1, "an")) &&
		!d.Toks[p].Cap && !d.Is(p, "few") && !d.Is(p, "lot") && !d.Is(p, "number") && !d.Is(p, "majority") {
		return true
	}
	return false
}

// naming reports whether "called" or "dubbed" at i names a thing rather
// than reports speech: "a program called Sandy Hook Promise", "the resort,
// now called Trump National": a name follows and no speaker precedes, only
// an adverb or a common noun after its determiner.
func (d *doc) naming(i int) bool {
	if !d.Is(i, "called") && !d.Is(i, "dubbed") || !d.isWord(i+1) || !d.Toks[i+1].Cap {
		return false
	}
	p := i - 1
	if d.adverb(p) || d.Is(p, "now") || d.Is(p, "also") {
		return true
	}
	if !d.isWord(p) || d.Toks[p].Cap || d.isPronounSubject(p) || d.IsRoleNoun(p) || d.has(p, qStopWords) {
		return false
	}
	return d.has(p-1, qDeterminers) || d.has(p-2, qDeterminers) && d.isWord(p-1) && !d.Toks[p-1].Cap
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
