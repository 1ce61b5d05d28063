package identity

import (
	"fmt"
	"slices"
	"strings"
)

// corrector applies users' corrections to the automatic groups.
type corrector struct {
	gs      *groups
	nodes   map[string]*node
	aliases map[string]*group // key of a user alias (parsed with its group's type) -> group
}

// find returns the groups a correction's name may refer to: observed names
// first, then user aliases. typ "" looks in every type.
func (c *corrector) find(speaker, typ string) []*group {
	var out []*group
	add := func(g *group) {
		if g != nil && len(g.nodes) > 0 && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	for _, t := range types {
		if typ != "" && normType(typ) != t {
			continue
		}
		k := parse(speaker, t).key()
		if n := c.nodes[k]; n != nil {
			add(c.gs.of[k])
		}
		add(c.aliases[k])
	}
	return out
}

// one finds the single group a name refers to, or says why not.
func (c *corrector) one(speaker, typ string) (*group, string) {
	gs := c.find(speaker, typ)
	switch len(gs) {
	case 0:
		return nil, fmt.Sprintf("no speaker named %q", speaker)
	case 1:
		return gs[0], ""
	}
	var ts []string
	for _, g := range gs {
		ts = append(ts, g.head.typ)
	}
	return nil, fmt.Sprintf("%q names %d speakers (%s): give a type", speaker, len(gs), strings.Join(ts, ", "))
}

// apply applies one correction, returning why it could not be, or "".
func (c *corrector) apply(x Correction) string {
	if strings.TrimSpace(x.Name) == "" {
		return "no name given"
	}
	switch x.Op {
	case Merge:
		from, why := c.one(x.Name, x.Type)
		if from == nil {
			return why
		}
		into, why := c.one(x.Target, x.Type)
		if into == nil {
			return why
		}
		if from != into {
			c.merge(from, into)
		}
	case Split:
		g, why := c.one(x.Name, x.Type)
		if g == nil {
			return why
		}
		n := c.nodeIn(g, x.Name)
		if n == nil {
			return fmt.Sprintf("%q is only an alias; split needs an observed name", x.Name)
		}
		if len(g.nodes) > 1 {
			c.gs.move(n, &group{head: n, nodes: map[string]*node{}})
		}
	case Rename, Alias:
		if strings.TrimSpace(x.Target) == "" {
			return "no new name given"
		}
		g, why := c.one(x.Name, x.Type)
		if g == nil {
			return why
		}
		target := strings.Join(strings.Fields(x.Target), " ")
		if x.Op == Rename {
			g.rename = target
		} else {
			c.alias(g, target)
		}
	default:
		return fmt.Sprintf("unknown correction %q", x.Op)
	}
	return ""
}

// nodeIn returns the observed name of group g that speaker parses to.
func (c *corrector) nodeIn(g *group, speaker string) *node {
	for _, t := range types {
		if n := g.nodes[parse(speaker, t).key()]; n != nil {
			return n
		}
	}
	return nil
}

func (c *corrector) merge(from, into *group) {
	for _, k := range sortedKeys(from.nodes) {
		c.gs.move(from.nodes[k], into)
	}
	for a := range from.aliases {
		into.addAlias(a)
		c.aliases[parse(a, into.head.typ).key()] = into
	}
	if into.rename == "" {
		into.rename = from.rename
	}
}

// alias records a user's alias and moves the speakers observed under it
// (of the group's type, or of unknown type) into the group.
func (c *corrector) alias(g *group, alias string) {
	g.addAlias(alias)
	for _, t := range []string{g.head.typ, "unknown"} {
		k := parse(alias, t).key()
		if t == g.head.typ {
			c.aliases[k] = g
		}
		if n := c.nodes[k]; n != nil {
			c.gs.move(n, g)
		}
	}
}
