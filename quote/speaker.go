package quote

import (
	"sort"
	"strings"
	"unicode"

	"chronicle/entity"
	"chronicle/text"
)

// resolve gives every candidate its speaker: the named entity its mention
// refers to, through pronouns ("he" -> the latest person who spoke),
// descriptions ("the Azeri leader", "the official" -> the latest speaker
// holding that role), and short names ("Aliyev" -> "Ilham Aliyev").
// Followers take the speaker of the quote they follow.
func (d *doc) resolve() {
	order := make([]int, 0, len(d.cands))
	for c := range d.cands {
		order = append(order, c)
	}
	sort.SliceStable(order, func(a, b int) bool { return d.cands[order[a]].pos < d.cands[order[b]].pos })
	var history []spoke
	for _, c := range order {
		x := &d.cands[c]
		if x.from >= 0 || x.subj[0] < 0 {
			continue
		}
		d.resolveMention(x, history)
		if x.ent >= 0 {
			history = append(history, spoke{pos: x.pos, ent: x.ent})
		}
	}
	for _, c := range order {
		x := &d.cands[c]
		if x.from < 0 {
			continue
		}
		p := d.cands[x.from]
		for p.from >= 0 && p.from != x.from {
			p = d.cands[p.from]
		}
		x.subj, x.speaker, x.typ, x.role, x.ent = p.subj, p.speaker, p.typ, p.role, p.ent
		if x.cue[0] < 0 {
			x.cue = p.cue
		}
	}
}

type spoke struct{ pos, ent int }

func (d *doc) resolveMention(x *cand, history []spoke) {
	a, b := x.subj[0], x.subj[1]
	if b-a == 1 {
		if k, ok := d.Pronoun(a); ok {
			d.resolvePronoun(x, a, k, history)
			return
		}
	}
	d.resolveNP(x, a, b, history)
}

func (d *doc) resolvePronoun(x *cand, a int, k entity.Kind, history []spoke) {
	switch {
	case d.Is(a, "who") || d.Is(a, "which"):
		h := a - 1
		if d.punct(h, ',') {
			h--
		}
		if h >= 0 && d.isWord(h) {
			np := d.npEndingAt(h, d.sentence(h).first)
			if np[0] >= 0 {
				d.resolveNP(x, np[0], np[1], history)
				return
			}
		}
		x.typ = entity.Unknown
	case k == entity.Person:
		if d.Is(a, "i") {
			x.typ = entity.Person
			return
		}
		x.typ = entity.Person
		if e := d.lastSpeaker(history, x.pos, entity.Person); e >= 0 {
			d.setEntity(x, e, "")
			return
		}
		if e := d.lastPerson(a); e >= 0 {
			d.setEntity(x, e, "")
		}
	case d.Is(a, "it"):
		for h := len(history) - 1; h >= 0; h-- {
			if k := d.reg.Entity(history[h].ent).Kind; k == entity.Org || k == entity.Place {
				d.setEntity(x, history[h].ent, "")
				return
			}
		}
	default: // they, we
		x.typ = entity.Group
	}
}

// lastSpeaker returns the latest speaker of kind k before token pos, or -1.
func (d *doc) lastSpeaker(history []spoke, pos int, k entity.Kind) int {
	for h := len(history) - 1; h >= 0; h-- {
		if history[h].pos < pos && d.reg.Entity(history[h].ent).Kind == k {
			return history[h].ent
		}
	}
	return -1
}

// lastPerson returns the latest person named before token i, or -1.
func (d *doc) lastPerson(i int) int {
	for j := i - 1; j >= 0 && i-j < 2000; j-- {
		if e := d.reg.At(j); e >= 0 && d.reg.Entity(e).Kind == entity.Person {
			return e
		}
	}
	return -1
}

// resolveNP resolves a noun-phrase mention [a, b): a name in it, else a
// description matched against the roles of earlier speakers.
func (d *doc) resolveNP(x *cand, a, b int, history []spoke) {
	// The head part ends before "of"/"for": "a spokesman for the State
	// Department" is a spokesman, not the department.
	head := b
	for i := a + 1; i < b; i++ {
		if d.Is(i, "of") || d.Is(i, "for") {
			head = i
			break
		}
	}
	if e := d.entityIn(a, head); e >= 0 && !d.placeQualifies(a, head, e) {
		d.setEntity(x, e, d.roleBefore(a, head, e))
		return
	}
	if head < b {
		if e := d.entityIn(head, b); e >= 0 && d.reg.Entity(e).Kind == entity.Person && d.reg.At(b-1) == e {
			d.setEntity(x, e, d.roleBefore(a, b, e))
			return
		}
	}
	// "The city's attorney, Samuel Okafor, said": the name stands in
	// apposition after the description.
	if d.punct(b, ',') {
		if n := d.nameAfter(b+1, d.sentence(b)); n > b+1 && d.punct(n, ',') {
			if e := d.entityIn(b+1, n); e >= 0 && d.reg.Entity(e).Kind == entity.Person {
				d.setEntity(x, e, d.roleBefore(a, b, -1))
				return
			}
		}
	}
	// An unregistered name ("Strada accused", a lone surname opening a
	// sentence): register it.
	if n := d.nameRun(a, head); n[0] >= 0 {
		k := d.KindOfName(n[0], n[1])
		if k == entity.Unknown {
			k = entity.Person
		}
		e := d.reg.Add(n[0], n[1], k)
		d.setEntity(x, e, d.roleBefore(a, head, e))
		return
	}
	d.resolveDescription(x, a, b, head, history)
}

// placeQualifies reports whether place e only qualifies the person or group
// that heads [a, head): "a former U.S. official" is an official, not the
// U.S.
func (d *doc) placeQualifies(a, head, e int) bool {
	h := head - 1
	return d.reg.Entity(e).Kind == entity.Place && h > a && d.reg.At(h) != e &&
		(d.IsRoleNoun(h) || d.IsGroupNoun(h) || d.IsTitle(h))
}

// entityIn returns the entity named last in tokens [a, b), preferring a
// person, or -1.
func (d *doc) entityIn(a, b int) int {
	best := -1
	for i := b - 1; i >= a; i-- {
		e := d.reg.At(i)
		if e < 0 {
			continue
		}
		if d.reg.Entity(e).Kind == entity.Person {
			return e
		}
		if best < 0 {
			best = e
		}
	}
	return best
}

// nameRun finds a run of capitalised name words at the end of [a, b).
func (d *doc) nameRun(a, b int) [2]int {
	j := b
	for j > a && d.IsName(j-1) && !d.IsTitle(j-1) && !d.IsDemonym(j-1) && !d.IsGroupNoun(j-1) && !d.IsRoleNoun(j-1) {
		j--
	}
	if j == b {
		return none
	}
	return [2]int{j, b}
}

// roleBefore is the role given by the words before entity e's name in the
// mention [a, b): "presidential foreign policy advisor" in "presidential
// foreign policy advisor Hikmet Hajiyev".
func (d *doc) roleBefore(a, b, e int) string {
	first := b // e < 0: the whole mention is the role
	for i := a; i < b && e >= 0; i++ {
		if d.reg.At(i) == e {
			first = i
			break
		}
	}
	for a < first && (d.has(a, qArticles) || d.Toks[a].Kind == text.Punct) {
		a++
	}
	for a < first && honorific(d.Text(a)) {
		a++
	}
	if first <= a {
		return ""
	}
	role := d.S[d.Toks[a].Start:d.Toks[first-1].End]
	return strings.TrimRight(role, " ,.")
}

var articles = map[string]bool{"the": true, "a": true, "an": true}

func honorific(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "mr", "mrs", "ms", "dr", "sir", "dame", "miss":
		return true
	}
	return false
}

func (d *doc) setEntity(x *cand, e int, role string) {
	ent := d.reg.Entity(e)
	k := ent.Kind
	if k == entity.Unknown {
		k = entity.Person
	}
	d.reg.Promote(e, k)
	x.ent, x.speaker, x.typ = e, ent.Name, k
	if role != "" {
		d.reg.AddRole(e, role)
		x.role = role
	} else if len(ent.Roles) > 0 {
		x.role = ent.Roles[0]
	}
}

// genericRoles are descriptions that refer back to the latest speaker
// whatever their exact title ("the official", "the Azeri leader").
var genericRoles = map[string]bool{"official": true, "leader": true, "diplomat": true, "politician": true}

// resolveDescription resolves "the Azeri leader", "the official", "the
// country's president", "officials", "representatives of ...".
func (d *doc) resolveDescription(x *cand, a, b, head int, history []spoke) {
	h := head - 1
	switch {
	case d.IsGroupNoun(h):
		x.typ = entity.Group
		// a group named by a proper qualifier is as much of a name as the
		// text gives: "representatives of the Armenian residents of Karabakh".
		for i := a; i < b; i++ {
			if d.Toks[i].Cap && !d.NotName(i) && i != d.sentence(i).first {
				from := a
				for from < b && d.has(from, qArticles) {
					from++
				}
				x.speaker = d.S[d.Toks[from].Start:d.Toks[b-1].End]
				return
			}
		}
	case d.IsRoleNoun(h) || d.IsTitle(h):
		x.typ = entity.Person
		if d.Is(a, "a") || d.Is(a, "an") {
			return // "a former official" brings in someone new
		}
		w := strings.ToLower(d.Text(h))
		for hi := len(history) - 1; hi >= 0; hi-- {
			if history[hi].pos < x.pos && hasRoleWord(d.reg.Entity(history[hi].ent).Roles, w) {
				d.setEntity(x, history[hi].ent, "")
				return
			}
		}
		for e := 0; e < d.reg.Len(); e++ {
			if ent := d.reg.Entity(e); ent.Kind == entity.Person && len(ent.Mentions) > 0 && hasRoleWord(ent.Roles, w) {
				d.setEntity(x, e, "")
				return
			}
		}
		if genericRoles[w] {
			if e := d.lastSpeaker(history, x.pos, entity.Person); e >= 0 {
				d.setEntity(x, e, "")
			}
		}
	}
}

// hasRoleWord reports whether any role holds word w (case-insensitively).
func hasRoleWord(roles []string, w string) bool {
	for _, r := range roles {
		for _, f := range strings.Fields(r) {
			if strings.EqualFold(strings.Trim(f, ",."), w) {
				return true
			}
		}
	}
	return false
}

// output turns candidates into Quotes in text order, dropping any that
// lie inside another (a nested quote is not a separate quotation).
func (d *doc) output() []Quote {
	d.mergeFollowers()
	sort.SliceStable(d.cands, func(a, b int) bool {
		x, y := d.cands[a].content, d.cands[b].content
		if x.Start != y.Start {
			return x.Start < y.Start
		}
		return x.End > y.End
	})
	out := make([]Quote, 0, len(d.cands))
	maxEnd := -1
	for _, c := range d.cands {
		if c.content.End <= maxEnd || !hasWord(d.S[c.content.Start:c.content.End]) {
			continue
		}
		maxEnd = c.content.End
		q := Quote{Content: c.content, Kind: c.kind, Speaker: c.speaker, Type: c.typ, Role: c.role}
		if c.cue[0] >= 0 {
			q.Cue, q.HasCue = d.span(c.cue[0], c.cue[1]), true
		}
		if c.subj[0] >= 0 {
			q.Mention, q.HasMention = d.span(c.subj[0], c.subj[1]), true
			if d.DottedAbbrev(c.subj[1] - 1) {
				q.Mention.End++ // "the U.S." keeps its full stop
			}
		}
		q.Sentences = d.sentencesOf(q)
		out = append(out, q)
	}
	return out
}

// hasWord reports whether s holds a letter or digit: a quote of marks and
// punctuation alone is no quote.
func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// mergeFollowers joins a quote interrupted by its frame in one paragraph
// (`"A," he said, "B."`, `"A," he said. "B."`) into one quotation
// spanning both parts: it is one quotation, counted once. The span holds
// the frame between the parts, as the text does.
func (d *doc) mergeFollowers() {
	for c := range d.cands {
		x := &d.cands[c]
		if x.from < 0 || x.content.Len() <= 0 {
			continue
		}
		root := x.from
		for d.cands[root].content.Len() <= 0 && d.cands[root].from >= 0 {
			root = d.cands[root].from
		}
		r := &d.cands[root]
		if r.content.Len() <= 0 || r.kind == Indirect || r.content.End > x.content.Start ||
			d.paraOf(d.tokAt(r.content.Start)) != d.paraOf(d.tokAt(x.content.Start)) ||
			!d.onlyFrame(r, d.tokAt(r.content.End), d.tokAt(x.content.Start)) {
			continue
		}
		r.content.End = x.content.End
		x.content = text.Span{}
		x.from = root // later followers of x join the root too
	}
}

// onlyFrame reports whether tokens [from, to) between two parts of a quote
// hold only the frame of r: its mention and cue, marks and punctuation,
// and adjuncts of time and place (`"A," he said during a visit to Bodø.
// "B."` is one quotation). Words of a clause of their own (a participle,
// an auxiliary, another reporting verb: `"A," she said, referring to the
// loans that were ... "B."`) keep the parts apart, as do long frames.
func (d *doc) onlyFrame(r *cand, from, to int) bool {
	extra := 0
	for k := from; k < to; k++ {
		if !d.isWord(k) || k >= r.cue[0] && k < r.cue[1] || k >= r.subj[0] && k < r.subj[1] {
			continue
		}
		if d.participle(k) && !d.has(k-1, qPrepositions) || d.has(k, qFinite) || d.qw[k].isVerb {
			return false
		}
		extra++
	}
	return extra <= maxFrameWords
}

// maxFrameWords bounds the words an interrupting frame may hold besides
// its mention and cue ("on Tuesday", "during a visit to Bodø").
const maxFrameWords = 8

// participle reports whether token k is a lower-case -ing word other than
// a preposition ("referring", "speaking"; not "during", "including").
func (d *doc) participle(k int) bool {
	if !d.isWord(k) || d.Toks[k].Cap || d.Is(k, "during") || d.Is(k, "including") || d.Is(k, "according") {
		return false
	}
	w := d.Text(k)
	return len(w) > 5 && strings.HasSuffix(w, "ing")
}

// headline reads a headline of the form "CONTENT: Aliyev" or "Aliyev:
// CONTENT" when the name is a person who speaks in the article.
func (d *doc) headline() {
	if d.headPara != 0 || len(d.paraFirst) == 0 {
		return
	}
	first, end := d.paraFirst[0], d.paraEnd(0)
	for k := first; k < end; k++ {
		if !d.punct(k, ':') || d.inQ[k] != 0 {
			continue
		}
		if n := d.nameRun(first, k); n[0] == first && k-first <= 3 && k+2 < end {
			d.headlineQuote(n, k+1, end)
		} else if n := d.nameRun(k+1, end); n[0] == k+1 && end-k-1 <= 3 && k-first >= 3 {
			d.headlineQuote(n, first, k)
		}
		return
	}
}

func (d *doc) headlineQuote(name [2]int, from, to int) {
	e := d.reg.At(name[1] - 1)
	if e < 0 || d.reg.Entity(e).Kind != entity.Person {
		return
	}
	for to > from && d.Toks[to-1].Kind == text.Punct {
		to--
	}
	if to-from < 3 {
		return
	}
	c := cand{content: d.span(from, to), kind: Indirect, cue: none, subj: name, quot: -1, from: -1, pos: name[0]}
	d.add(c)
}
