package identity

import (
	"strings"

	"chronicle/entity"
)

// node gathers the observations of one name of one type: the unit that
// the rules group into identities.
type node struct {
	name
	key   string
	forms map[string]int      // the name proper as written -> quotations
	raws  map[string]bool     // full names as observed
	roles map[string]*roleAgg // nil until a role is seen
	count int
	dates span
}

type roleAgg struct {
	forms map[string]int
	count int
	dates span
}

// span is the first and last of a set of dates ("" when none).
type span struct{ first, last string }

func (s *span) add(d string) {
	if d == "" {
		return
	}
	if s.first == "" || d < s.first {
		s.first = d
	}
	if d > s.last {
		s.last = d
	}
}

func (s *span) join(t span) { s.add(t.first); s.add(t.last) }

// day cuts an ISO 8601 date to YYYY-MM-DD; anything else is undated.
func day(d string) string {
	d = strings.TrimSpace(d)
	if len(d) < 10 {
		return ""
	}
	for i, c := range d[:10] {
		if i == 4 || i == 7 {
			if c != '-' {
				return ""
			}
		} else if c < '0' || c > '9' {
			return ""
		}
	}
	return d[:10]
}

// gather folds the observations into nodes, keyed by node key. Every step
// is a sum, a minimum, a maximum or a set union, so the order of the
// observations does not matter.
func gather(obs []Observation) map[string]*node {
	nodes := map[string]*node{}
	// A name comes with many roles and dates: parse it once.
	type parsed struct {
		n        name
		key, raw string
		skip     bool
	}
	seen := map[[2]string]*parsed{}
	roleKeys := map[string]string{}
	for _, o := range obs {
		p := seen[[2]string{o.Name, o.Type}]
		if p == nil {
			n := parse(o.Name, o.Type)
			p = &parsed{n: n, key: n.key(), raw: strings.Join(strings.Fields(o.Name), " "),
				// "the president": a description, not a name
				skip: len(n.words) == 0 || n.typ == "person" && len(n.words) == 1 && entity.TitleWord(n.form)}
			seen[[2]string{o.Name, o.Type}] = p
		}
		if p.skip {
			continue
		}
		n, k := p.n, p.key
		nd := nodes[k]
		if nd == nil {
			nd = &node{name: n, key: k, forms: map[string]int{}, raws: map[string]bool{}}
			nodes[k] = nd
		}
		c := max(o.Count, 1)
		d := day(o.Date)
		nd.forms[n.form] += c
		nd.raws[p.raw] = true
		nd.count += c
		nd.dates.add(d)
		role := strings.Join(strings.Fields(o.Role), " ")
		if role == "" {
			role = n.title
		}
		if role != "" {
			rk, ok := roleKeys[role]
			if !ok {
				rk = foldPhrase(role)
				roleKeys[role] = rk
			}
			ra := nd.roles[rk]
			if nd.roles == nil {
				nd.roles = map[string]*roleAgg{}
			}
			if ra == nil {
				ra = &roleAgg{forms: map[string]int{}}
				nd.roles[rk] = ra
			}
			ra.forms[role] += c
			ra.count += c
			ra.dates.add(d)
		}
	}
	return nodes
}

// foldPhrase folds every word of a phrase.
func foldPhrase(s string) string {
	ws := words(s)
	for i, w := range ws {
		ws[i] = fold(w)
	}
	return strings.Join(ws, " ")
}

// best is the most frequent form, the smallest string among equals.
func best(forms map[string]int) string {
	b, bc := "", 0
	for f, c := range forms {
		if c > bc || c == bc && f < b {
			b, bc = f, c
		}
	}
	return b
}

// fuller reports whether a is a fuller name than b, the order in which a
// group chooses its head: more words, then more quotations, then the
// smaller key.
func fuller(a, b *node) bool {
	if len(a.words) != len(b.words) {
		return len(a.words) > len(b.words)
	}
	if a.count != b.count {
		return a.count > b.count
	}
	return a.key < b.key
}
