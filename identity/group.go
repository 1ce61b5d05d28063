package identity

import (
	"slices"
	"strings"

	"chronicle/entity"
)

// group is an identity under construction.
type group struct {
	head    *node
	nodes   map[string]*node
	aliases map[string]bool // added by users, as written; nil until there is one
	rename  string
}

// groups keeps every node's group while rules and corrections move nodes.
type groups struct {
	of map[string]*group // node key -> group
}

func (gs *groups) start(n *node) *group {
	g := &group{head: n, nodes: map[string]*node{n.key: n}}
	gs.of[n.key] = g
	return g
}

func (g *group) addAlias(a string) {
	if g.aliases == nil {
		g.aliases = map[string]bool{}
	}
	g.aliases[a] = true
}

// move takes node n out of its group into g; a group left without its
// head takes the fullest of the rest.
func (gs *groups) move(n *node, g *group) {
	old := gs.of[n.key]
	if old == g {
		return
	}
	delete(old.nodes, n.key)
	if old.head == n {
		old.head = nil
		for _, m := range old.nodes {
			if old.head == nil || fuller(m, old.head) {
				old.head = m
			}
		}
	}
	g.nodes[n.key] = n
	gs.of[n.key] = g
}

// automatic groups the nodes by the rules of the package documentation.
func automatic(nodes map[string]*node) *groups {
	gs := &groups{of: map[string]*group{}}
	bySurname := map[string][]*node{}
	var unknown []*node
	for _, k := range sortedKeys(nodes) {
		n := nodes[k]
		switch n.typ {
		case "person":
			last := n.words[len(n.words)-1]
			bySurname[last] = append(bySurname[last], n)
		case "unknown":
			unknown = append(unknown, n)
		default:
			gs.start(n)
		}
	}
	for _, last := range sortedKeys(bySurname) {
		people := bySurname[last]
		var heads []*node // names no other name fits into: the fullest names
		fitsInto := map[*node][]*node{}
		for _, x := range people {
			for _, y := range people {
				if fits(&x.name, &y.name) {
					fitsInto[x] = append(fitsInto[x], y)
				}
			}
			if len(fitsInto[x]) == 0 {
				heads = append(heads, x)
				gs.start(x)
			}
		}
		for _, x := range people {
			if len(fitsInto[x]) == 0 {
				continue // a head, already started
			}
			var into []*node
			for _, y := range fitsInto[x] {
				if len(fitsInto[y]) == 0 {
					into = append(into, y)
				}
			}
			switch {
			case len(into) == 1:
				g := gs.of[into[0].key]
				g.nodes[x.key] = x
				gs.of[x.key] = g
			default:
				gs.start(x) // fits several people: honest, not a guess
			}
		}
	}
	joinUnknown(gs, nodes, unknown)
	return gs
}

// joinUnknown puts each speaker of unknown type with the one typed speaker
// observed under exactly the same name, if there is only one.
func joinUnknown(gs *groups, nodes map[string]*node, unknown []*node) {
	if len(unknown) == 0 {
		return
	}
	typed := map[string][]*node{} // folded full name -> typed nodes
	for _, k := range sortedKeys(nodes) {
		if n := nodes[k]; n.typ != "unknown" {
			for raw := range n.raws {
				f := foldPhrase(raw)
				if !slices.Contains(typed[f], n) {
					typed[f] = append(typed[f], n)
				}
			}
		}
	}
	for _, u := range unknown {
		var match []*node
		for raw := range u.raws {
			for _, n := range typed[foldPhrase(raw)] {
				if !slices.Contains(match, n) {
					match = append(match, n)
				}
			}
		}
		if len(match) == 1 {
			g := gs.of[match[0].key]
			g.nodes[u.key] = u
			gs.of[u.key] = g
		} else {
			gs.start(u)
		}
	}
}

// fits reports whether person name x is a shorter or familiar form of
// person name y: the same suffix ("Jr." is someone else), which a bare
// surname may lack.
func fits(x, y *name) bool {
	if !entity.ShortForm(x.words, y.words) && !familiarFit(x.words, y.words) {
		return false
	}
	return x.suffix == y.suffix || len(x.words) == 1 && x.suffix == ""
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// all returns the distinct groups in key order of their heads.
func (gs *groups) all() []*group {
	seen := map[*group]bool{}
	var out []*group
	for _, g := range gs.of {
		if !seen[g] && len(g.nodes) > 0 {
			seen[g] = true
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b *group) int { return strings.Compare(a.head.key, b.head.key) })
	return out
}
