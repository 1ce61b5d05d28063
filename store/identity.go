package store

// This file is the seam between the store and the cross-article merge of
// speaker names into identities. mergeNames is a pure, deterministic
// function: the same observations and corrections give the same identities
// in any order.

import (
	"slices"
	"strings"
	"unicode"
)

// observation is one speaker name as one article gives it.
type observation struct {
	Article int64
	Name    string // the article's fullest name for the speaker
	Type    string // person, organization, country, group, unknown
	Roles   []string
}

// correction is a user's edit of the merge, by identity key and name.
type correction struct {
	Op string // merge (B into A), split (alias B out of A), rename (A to B), alias (B joins A)
	A  string // an identity key
	B  string // a key (merge) or a name
}

// identity is one speaker across articles.
type identity struct {
	Key     string // stable: made from names, so it survives re-extraction
	Name    string // canonical name
	Type    string
	Aliases []string // every name it was given, sorted
}

// mergeNames merges observations into identities. assign[i] is the index
// in ids of observation i's identity.
//
// Person names with two or more words are one identity per normalised name.
// A single word ("Aliyev") joins the one identity whose last word it is;
// when several share it, the role decides ("President" picks the president)
// and otherwise it stays apart rather than guess. Other speakers are one
// identity per type and normalised name. Corrections apply last, in order.
func mergeNames(obs []observation, corr []correction) (ids []identity, assign []int) {
	keyOf := make([]string, len(obs))
	type person struct{ roles map[string]bool }
	full := map[string]*person{}       // key of a full name -> its roles' words
	bySurname := map[string][]string{} // last word -> keys of full names
	for i, o := range obs {
		n := normName(o.Name)
		if o.Type != "person" {
			keyOf[i] = o.Type + ":" + n
			continue
		}
		keyOf[i] = "person:" + n
		if strings.Contains(n, " ") {
			p := full[keyOf[i]]
			if p == nil {
				p = &person{roles: map[string]bool{}}
				full[keyOf[i]] = p
				w := strings.Fields(n)
				bySurname[w[len(w)-1]] = append(bySurname[w[len(w)-1]], keyOf[i])
			}
			for _, r := range o.Roles {
				for _, w := range roleWords(r) {
					p.roles[w] = true
				}
			}
		}
	}
	for i, o := range obs {
		n := normName(o.Name)
		if o.Type != "person" || strings.Contains(n, " ") {
			continue
		}
		cands := slices.Clone(bySurname[n])
		slices.Sort(cands)
		cands = slices.Compact(cands)
		if len(cands) > 1 {
			var fit []string
			for _, c := range cands {
				for _, r := range o.Roles {
					if slices.ContainsFunc(roleWords(r), func(w string) bool { return full[c].roles[w] }) {
						fit = append(fit, c)
						break
					}
				}
			}
			cands = fit
		}
		if len(cands) == 1 {
			keyOf[i] = cands[0]
		}
	}
	keyOf = applyCorrections(obs, keyOf, corr)

	// Build identities in key order, so their order does not depend on
	// the order of the observations.
	index := map[string]int{}
	keys := slices.Clone(keyOf)
	slices.Sort(keys)
	keys = slices.Compact(keys)
	for _, k := range keys {
		index[k] = len(ids)
		ids = append(ids, identity{Key: k})
	}
	names := make([]map[string]int, len(ids))
	assign = make([]int, len(obs))
	for i, o := range obs {
		j := index[keyOf[i]]
		assign[i] = j
		if names[j] == nil {
			names[j] = map[string]int{}
		}
		names[j][o.Name]++
		if ids[j].Type == "" || o.Type < ids[j].Type {
			ids[j].Type = o.Type
		}
	}
	for j := range ids {
		for n := range names[j] {
			ids[j].Aliases = append(ids[j].Aliases, n)
		}
		slices.Sort(ids[j].Aliases)
		ids[j].Name = canonical(names[j])
	}
	for _, c := range corr {
		switch c.Op {
		case "rename":
			if j, ok := index[c.A]; ok {
				ids[j].Name = c.B
			}
		case "alias":
			if j, ok := index[c.A]; ok && !slices.Contains(ids[j].Aliases, c.B) {
				ids[j].Aliases = append(ids[j].Aliases, c.B)
				slices.Sort(ids[j].Aliases)
			}
		}
	}
	return ids, assign
}

// applyCorrections moves observations between identity keys as the user
// said: merge B into A, split the name B out of A, attach the name B to A.
func applyCorrections(obs []observation, keyOf []string, corr []correction) []string {
	for _, c := range corr {
		for i, o := range obs {
			switch {
			case c.Op == "merge" && keyOf[i] == c.B:
				keyOf[i] = c.A
			case c.Op == "split" && keyOf[i] == c.A && normName(o.Name) == normName(c.B):
				keyOf[i] = splitKey(c.A, c.B)
			case c.Op == "alias" && normName(o.Name) == normName(c.B):
				keyOf[i] = c.A
			}
		}
	}
	return keyOf
}

func splitKey(key, name string) string { return key + "|split:" + normName(name) }

// canonical picks the fullest name (most words, then most frequent, then
// first in sort order).
func canonical(names map[string]int) string {
	best := ""
	for n, c := range names {
		if best == "" {
			best = n
			continue
		}
		wn, wb := len(strings.Fields(n)), len(strings.Fields(best))
		if wn > wb || wn == wb && (c > names[best] || c == names[best] && n < best) {
			best = n
		}
	}
	return best
}

// normName folds case, punctuation and spacing: "Ilham  Aliyev," and
// "ilham aliyev" are one name.
func normName(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}), " ")
}

// roleWords are the words of a role that can tell two people apart: not
// "former", "the", "of" and the like.
func roleWords(role string) []string {
	var out []string
	for _, w := range strings.Fields(normName(role)) {
		switch w {
		case "the", "of", "a", "an", "and", "former", "ex", "then", "late":
			continue
		}
		out = append(out, w)
	}
	return out
}
