package store

// This file is the seam between the store and package identity, the pure
// cross-article merge of speaker names: what the store keeps (one
// observation per name, type and role; corrections by name) in, identities
// and each name's identity key out.

import (
	"strings"

	"chronicle/identity"
)

// nameKey is one observed speaker name with its type and role ("" for none).
type nameKey struct{ name, typ, role string }

// resolve merges the observed names with the user's corrections. keyOf
// gives each name's identity key, "" for a name that is no identity (a bare
// description such as "the president").
func resolve(names []nameKey, corr []identity.Correction) (res identity.Result, keyOf func(nameKey) string) {
	obs := make([]identity.Observation, len(names))
	for i, n := range names {
		obs[i] = identity.Observation{Name: n.name, Type: n.typ, Role: n.role, Count: 1}
	}
	res = identity.Resolve(obs, corr)
	return res, func(n nameKey) string {
		k, _ := res.Key(n.name, n.typ)
		return k
	}
}

// keyName turns an identity key ("person:elin sandberg") back into a name
// and type that find the identity in a correction, whatever it is displayed as.
func keyName(key string) (name, typ string) {
	typ, name, _ = strings.Cut(key, ":")
	return name, typ
}
