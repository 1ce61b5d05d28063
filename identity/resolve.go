package identity

import (
	"slices"
	"strings"
)

// Resolve groups the observed speaker names into identities and applies
// the corrections, in order. Observations with an empty name are skipped
// (quotations without a named speaker have no identity). Corrections that
// name nothing known are returned in Unapplied, not guessed at.
func Resolve(obs []Observation, corrections []Correction) Result {
	nodes := gather(obs)
	gs := automatic(nodes)
	c := &corrector{gs: gs, nodes: nodes, aliases: map[string]*group{}}
	var r Result
	for _, x := range corrections {
		if why := c.apply(x); why != "" {
			r.Unapplied = append(r.Unapplied, Unapplied{Correction: x, Reason: why})
		}
	}
	r.keys = map[string]string{}
	for _, g := range gs.all() {
		id := g.identity()
		r.Identities = append(r.Identities, id)
		for _, n := range g.nodes {
			r.keys[n.key] = id.Key
			for raw := range n.raws {
				r.names = append(r.names, NameKey{Name: raw, Type: n.typ, Key: id.Key})
			}
		}
		for _, a := range append(sortedKeys(g.aliases), g.rename) {
			if a == "" {
				continue
			}
			k := parse(a, id.Type).key()
			if _, taken := r.keys[k]; !taken {
				r.keys[k] = id.Key
			}
			r.names = append(r.names, NameKey{Name: a, Type: id.Type, Key: id.Key})
		}
	}
	slices.SortFunc(r.names, func(a, b NameKey) int {
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.Type, b.Type)
	})
	r.names = slices.Compact(r.names)
	return r
}

// identity builds the finished record of a group.
func (g *group) identity() Identity {
	id := Identity{Key: g.head.key, Type: g.head.typ, Name: g.rename}
	if id.Name == "" {
		id.Name = best(g.head.forms)
	}
	var dates span
	roles := map[string]*roleAgg{}
	aliases := map[string]bool{}
	for _, k := range sortedKeys(g.nodes) {
		n := g.nodes[k]
		id.Count += n.count
		dates.join(n.dates)
		for raw := range n.raws {
			aliases[raw] = true
		}
		for rk, ra := range n.roles {
			to := roles[rk]
			if to == nil {
				to = &roleAgg{forms: map[string]int{}}
				roles[rk] = to
			}
			for f, c := range ra.forms {
				to.forms[f] += c
			}
			to.count += ra.count
			to.dates.join(ra.dates)
		}
	}
	for a := range g.aliases {
		aliases[a] = true
	}
	if g.rename != "" {
		aliases[g.rename] = true
	}
	id.First, id.Last = dates.first, dates.last
	id.Aliases = sortedKeys(aliases)
	for _, ra := range roles {
		id.Roles = append(id.Roles, Role{Role: best(ra.forms), First: ra.dates.first, Last: ra.dates.last, Count: ra.count})
	}
	slices.SortFunc(id.Roles, func(a, b Role) int {
		switch {
		case a.First == b.First:
			return strings.Compare(a.Role, b.Role)
		case a.First == "":
			return 1
		case b.First == "":
			return -1
		}
		return strings.Compare(a.First, b.First)
	})
	return id
}
