package entity

import (
	"strings"

	"chronicle/text"
)

// Registry holds the named things of one article and where they are
// mentioned. Build it with Find; the quote sieves ask it what a span names.
type Registry struct {
	w    *Words
	ents []Entity
	// at maps a token index to 1 + the entity mentioned there (0: none).
	at []int32
	// names maps a lower-cased name to its entity.
	names map[string]int
	// single marks entities known only by one word and no title: they are
	// kept for linking but not reported unless promoted.
	single []bool
	// alias[e] is the entity e was merged into, or e itself.
	alias []int
	key   []byte // scratch for case-folded lookups
	// surnames maps the lower-cased last word of a person's name to the
	// person with the longest such name seen so far.
	surnames map[string]int
}

// Find scans the article's tokens for names. sentFirst holds the first
// token index of every sentence: a lone capitalised word there is
// capitalised for the sentence, not as a name.
func Find(w *Words, sentFirst []int) *Registry {
	r := &Registry{w: w, at: make([]int32, len(w.Toks)), names: map[string]int{}, surnames: map[string]int{}}
	starts := make(map[int]bool, len(sentFirst))
	for _, f := range sentFirst {
		starts[f] = true
	}
	for i := 0; i < len(w.Toks); {
		if !w.IsName(i) && !(w.IsTitle(i) && w.Toks[i].Cap) {
			i++
			continue
		}
		end := r.runEnd(i, starts)
		r.addRun(i, end, starts[i])
		i = end
	}
	r.linkSurnames()
	return r
}

// runEnd extends a capitalised run from token i: names, initials ("W."),
// abbreviated titles ("Sen."), and "of"/"for"/"the" between capitalised
// words ("Republic of Azerbaijan"). It stops after a possessive.
func (r *Registry) runEnd(i int, starts map[int]bool) int {
	w := r.w
	j := i
	for j < len(w.Toks) {
		if j > i && starts[j] {
			break // a name does not run into the next sentence
		}
		t := w.Toks[j]
		if t.Kind != text.Word || !t.Cap && !(j > i && r.joiner(j)) {
			break
		}
		if possessive(w.Text(j)) {
			return j + 1
		}
		// "W." / "Sen." inside a run: skip the period.
		if j+2 < len(w.Toks) && w.Toks[j+1].Kind == text.Punct && w.S[w.Toks[j+1].Start] == '.' &&
			w.Toks[j+1].Start == t.End && (t.Len() == 1 || w.IsTitle(j) || w.DottedAbbrev(j)) && w.IsName(j+2) {
			j += 2
			continue
		}
		if j > i && w.NotName(j) && !r.joiner(j) {
			break
		}
		j++
	}
	// do not end on a joiner
	for j > i+1 && r.joiner(j-1) {
		j--
	}
	return j
}

// joiner reports whether token j is a small word inside a name whose next
// word is capitalised: "of", "for", "the", "de", "al", "bin", "van", "von".
func (r *Registry) joiner(j int) bool {
	w := r.w
	if j+1 >= len(w.Toks) || !w.Toks[j+1].Cap || w.Toks[j+1].Kind != text.Word {
		return false
	}
	if w.Toks[j].Kind != text.Word || w.Toks[j].Len() > 3 {
		return false
	}
	switch w.Text(j) {
	case "of", "for", "the", "de", "da", "al", "bin", "van", "von", "la", "le", "del":
		return true
	}
	return false
}

func possessive(s string) bool {
	return strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "’s") || strings.HasSuffix(s, "s'") || strings.HasSuffix(s, "s’")
}

// nameSpan is the span of tokens [from, to) without a final possessive and
// with the full stop of a final abbreviation ("U.S.").
func (r *Registry) nameSpan(from, to int) text.Span {
	sp := text.Span{Start: r.w.Toks[from].Start, End: r.w.Toks[to-1].End}
	if r.w.DottedAbbrev(to - 1) {
		sp.End++
	}
	t := r.w.S[sp.Start:sp.End]
	switch {
	case strings.HasSuffix(t, "’s"):
		sp.End -= len("’s")
	case strings.HasSuffix(t, "'s"):
		sp.End -= 2
	case strings.HasSuffix(t, "s’"):
		sp.End -= len("’")
	case strings.HasSuffix(t, "s'"):
		sp.End--
	}
	return sp
}

// Split divides the capitalised run [from, to) into a leading title or
// role ("Azerbaijani President", "Representative of the President ... for
// Special Assignments") and a trailing person name ("Ilham Aliyev", "John
// Paul Jones"). name is
// empty (nameFrom == to) when the run does not end in a person's name.
func (r *Registry) Split(from, to int) (nameFrom int) {
	w := r.w
	k, words := to, 0
	for k > from {
		// an initial ("W.") or a particle ("de") does not count as a word
		// ("J.M." too, but not "U.S.")
		if k-2 >= from && w.Toks[k-1].Kind == text.Punct && w.S[w.Toks[k-1].Start] == '.' &&
			w.Toks[k-2].Kind == text.Word && (w.Toks[k-2].Len() == 1 || w.DottedAbbrev(k-2) && !w.IsPlace(k-2)) &&
			w.Toks[k-2].Cap && words > 0 {
			k -= 2
			continue
		}
		if !r.nameWord(k - 1) {
			break
		}
		if !r.particle(k - 1) {
			// Two words, or three when the first is a given name
			// ("Hillary Rodham Clinton", not "Rival Hillary Clinton").
			if words == 3 || words == 2 && !w.IsGivenName(k-1) {
				break
			}
			words++
		}
		k--
	}
	for k < to && r.particle(k) {
		k++ // a name does not start with "de"
	}
	return k
}

func (r *Registry) particle(i int) bool {
	switch r.w.Text(i) {
	case "de", "da", "al", "bin", "van", "von", "la", "le", "del":
		return true
	}
	return false
}

// nameWord reports whether token i can be part of a person's name.
func (r *Registry) nameWord(i int) bool {
	w := r.w
	if w.Toks[i].Kind != text.Word {
		return false
	}
	if !w.Toks[i].Cap && !r.particle(i) {
		return false
	}
	return !w.IsTitle(i) && !w.IsOrgWord(i) && !w.IsPlace(i) && !w.IsDemonym(i) && !w.IsTitleTail(i) && !w.NotName(i)
}

// addRun records the capitalised run [from, to).
func (r *Registry) addRun(from, to int, sentStart bool) {
	w := r.w
	if w.NotName(from) && to-from == 1 {
		return
	}
	if k := w.KindOfName(from, to); k == Org || k == Place {
		r.add(from, to, k, "", false)
		return
	}
	nf := r.Split(from, to)
	if nf == to {
		return // a title alone, or a run of demonyms and title words
	}
	titled := nf > from
	single := to-nf == 1 && !titled
	if single && sentStart {
		// "Clashes erupted": capitalised for the sentence. Keep it only
		// when it is a known name.
		if r.Lookup(r.w.S[r.nameSpan(nf, to).Start:r.nameSpan(nf, to).End]) < 0 {
			return
		}
	}
	role := ""
	if titled {
		rf := from
		for rf < nf && (honorifics[strings.ToLower(w.Text(rf))] || w.Toks[rf].Kind == text.Punct) {
			rf++
		}
		if rf < nf {
			role = w.S[w.Toks[rf].Start:w.Toks[nf-1].End]
		}
	}
	r.add(nf, to, Person, role, single)
}

// add records a mention of tokens [from, to) as an entity of kind k.
func (r *Registry) add(from, to int, k Kind, role string, single bool) int {
	sp := r.nameSpan(from, to)
	name := r.w.S[sp.Start:sp.End]
	r.key = ASCIILower(r.key, name)
	e, ok := r.names[string(r.key)]
	if !ok {
		key := string(r.key)
		e = len(r.ents)
		r.ents = append(r.ents, Entity{Name: name, Kind: k})
		r.single = append(r.single, single)
		r.alias = append(r.alias, e)
		r.names[key] = e
	}
	if !single {
		r.single[e] = false
	}
	if k != Unknown && r.ents[e].Kind == Unknown {
		r.ents[e].Kind = k
	}
	if k == Person && to-from >= 2 {
		last := strings.ToLower(r.w.S[r.nameSpan(to-1, to).Start:sp.End])
		if old, ok := r.surnames[last]; !ok || len(r.ents[old].Name) < len(name) {
			r.surnames[last] = e
		}
	}
	r.ents[e].Mentions = append(r.ents[e].Mentions, sp)
	if role != "" {
		r.AddRole(e, role)
	}
	for i := from; i < to; i++ {
		r.at[i] = int32(e + 1)
	}
	return e
}

// linkSurnames folds the shorter forms of a person's name into the fullest:
// "Hillary Clinton" into "Hillary Rodham Clinton" when no other fuller name
// fits it, and a bare "Clinton" into the person it names. When people share
// a surname ("Chris Murphy" and "Anne Marie Murphy"), the bare surname goes
// to the one named in full most often, the first named on a tie: an article
// introduces its subject first and calls them by surname after.
func (r *Registry) linkSurnames() {
	type person struct {
		e     int
		words []string
	}
	bySurname := map[string][]person{}
	var surnames []string
	for e := range r.ents {
		if r.ents[e].Kind != Person {
			continue
		}
		ws := strings.Fields(strings.ToLower(r.ents[e].Name))
		if len(ws) < 2 {
			continue
		}
		last := ws[len(ws)-1]
		if bySurname[last] == nil {
			surnames = append(surnames, last)
		}
		bySurname[last] = append(bySurname[last], person{e, ws})
	}
	for _, last := range surnames {
		ps := bySurname[last]
		for _, x := range ps {
			fullest := -1
			for _, y := range ps {
				if !ShortForm(x.words, y.words) {
					continue
				}
				maximal := true
				for _, z := range ps {
					if ShortForm(y.words, z.words) && ShortForm(x.words, z.words) {
						maximal = false
						break
					}
				}
				if !maximal {
					continue
				}
				if fullest >= 0 {
					fullest = -2 // two fullest names fit: leave x alone
					break
				}
				fullest = y.e
			}
			if fullest >= 0 {
				r.merge(x.e, fullest)
			}
		}
		best := -1
		for _, p := range ps {
			if r.alias[p.e] != p.e {
				continue
			}
			if best < 0 || r.namedBefore(p.e, best) {
				best = p.e
			}
		}
		r.surnames[last] = best
	}
	for e := range r.ents {
		if r.ents[e].Kind != Person && r.ents[e].Kind != Unknown || strings.Contains(r.ents[e].Name, " ") {
			continue
		}
		to, ok := r.surnames[strings.ToLower(r.ents[e].Name)]
		if !ok || to == e || r.alias[e] != e {
			continue
		}
		r.merge(e, to)
	}
}

// namedBefore reports whether person a is the likelier referent of a bare
// surname than person b: more mentions, or as many and mentioned first.
func (r *Registry) namedBefore(a, b int) bool {
	ma, mb := r.ents[a].Mentions, r.ents[b].Mentions
	if len(ma) != len(mb) {
		return len(ma) > len(mb)
	}
	return firstStart(ma) < firstStart(mb)
}

func firstStart(ms []text.Span) int {
	first := -1
	for _, m := range ms {
		if first < 0 || m.Start < first {
			first = m.Start
		}
	}
	return first
}

// merge moves entity e's mentions and roles into entity to, leaving e empty.
func (r *Registry) merge(e, to int) {
	r.ents[to].Mentions = append(r.ents[to].Mentions, r.ents[e].Mentions...)
	for _, ro := range r.ents[e].Roles {
		r.AddRole(to, ro)
	}
	r.ents[e].Mentions = nil
	r.ents[e].Roles = nil
	r.names[strings.ToLower(r.ents[e].Name)] = to
	r.alias[e] = to
	r.single[to] = false
}

// At returns the entity mentioned at token i, or -1.
func (r *Registry) At(i int) int {
	if i < 0 || i >= len(r.at) {
		return -1
	}
	e := int(r.at[i]) - 1
	for e >= 0 && r.alias[e] != e {
		e = r.alias[e]
	}
	return e
}

// Lookup returns the entity with this name (any case), or -1.
func (r *Registry) Lookup(name string) int {
	r.key = ASCIILower(r.key, name)
	if e, ok := r.names[string(r.key)]; ok {
		return r.resolve(e)
	}
	if e, ok := r.surnames[string(r.key)]; ok {
		return r.resolve(e)
	}
	return -1
}

func (r *Registry) resolve(e int) int {
	for r.alias[e] != e {
		e = r.alias[e]
	}
	return e
}

// Entity returns entity e.
func (r *Registry) Entity(e int) *Entity { return &r.ents[e] }

// Add records a speaker named by tokens [from, to) that the finder did not
// know (a lone surname at the start of a sentence, say) and returns it.
func (r *Registry) Add(from, to int, k Kind) int {
	sp := r.nameSpan(from, to)
	if e := r.Lookup(r.w.S[sp.Start:sp.End]); e >= 0 {
		r.ents[e].Mentions = append(r.ents[e].Mentions, sp)
		for i := from; i < to; i++ {
			r.at[i] = int32(e + 1)
		}
		r.single[e] = false
		if r.ents[e].Kind == Unknown {
			r.ents[e].Kind = k
		}
		return e
	}
	return r.add(from, to, k, "", false)
}

// Promote marks entity e as worth reporting (it spoke) with kind k when its
// kind was unknown.
func (r *Registry) Promote(e int, k Kind) {
	r.single[e] = false
	if r.ents[e].Kind == Unknown {
		r.ents[e].Kind = k
	}
}

// AddRole adds a role to entity e once.
func (r *Registry) AddRole(e int, role string) {
	role = strings.TrimSpace(role)
	if role == "" {
		return
	}
	for _, x := range r.ents[e].Roles {
		if strings.EqualFold(x, role) {
			return
		}
	}
	r.ents[e].Roles = append(r.ents[e].Roles, role)
}

// Entities returns the persons, organisations and places worth reporting.
func (r *Registry) Entities() []Entity {
	var out []Entity
	for e, x := range r.ents {
		if len(x.Mentions) == 0 || x.Kind == Unknown || x.Kind == Group || r.single[e] {
			continue
		}
		out = append(out, x)
	}
	return out
}

// Len is the number of entities (reported or not).
func (r *Registry) Len() int { return len(r.ents) }
