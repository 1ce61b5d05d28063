// Package identity decides which speaker names across a corpus belong to the
// same speaker: "Aliyev", "Ilham Aliyev", "President Ilham Aliyev" and
// "Azerbaijani President Ilham Aliyev" in different articles are one
// identity with four aliases, while "Ilham Aliyev" and "Heydar Aliyev" stay
// two, and a bare "Aliyev" in a corpus that has both stays a third rather
// than being guessed into either.
//
// It is a pure, deterministic merge: Resolve takes what the articles said
// (Observations) and what users decided (Corrections), both by name rather
// than by database id so that they survive re-extraction, and returns the
// identities. The same observations in any order give the same result.
//
// The rules, applied to names folded for case and accents ("Erdoğan" is
// "ERDOGAN"), never across speaker types (a person, an organisation and a
// country called "Georgia" are three speakers):
//
//   - A person's name loses its leading titles, roles and nationalities
//     (the word lists of package entity): "Azerbaijani President Ilham
//     Aliyev" and "Mr. Ilham Aliyev" are the name "Ilham Aliyev". Names
//     equal after that are one identity.
//   - A shorter name fits a longer one with the same surname (and suffix:
//     "Jr." is someone else) when its other words appear in the longer one
//     in order: "Aliyev" and "Tayyip Erdogan" fit "Ilham Aliyev" and
//     "Recep Tayyip Erdogan". A name with initials fits only a name with the
//     same initials, so "George W. Bush" does not fit "George H. W. Bush".
//   - A familiar given name fits the formal one it stands for (nickname.go):
//     "Bill Clinton" fits "William Clinton" and "William Jefferson Clinton",
//     and not the other way round.
//   - A name joins the fullest name it fits only when exactly one fullest
//     name in the corpus fits it; otherwise it is an identity of its own.
//   - A speaker of type "unknown" joins a typed speaker of exactly the same
//     name when there is only one; organisations, countries and groups are
//     one identity per name.
//
// Corrections are applied after these rules, in the order given (they are a
// user's edit history: a split after a merge undoes part of it).
package identity

// Observation is what the articles said about one speaker name: usually an
// aggregate of the quotations with the same speaker, type, role and date.
type Observation struct {
	Name  string // the speaker as extract prints it ("President Ilham Aliyev")
	Type  string // speaker_type: person, organization, country, group, unknown
	Role  string // speaker_role, "" when none
	Date  string // the quotation's date, YYYY-MM-DD or longer ISO 8601; "" when unknown
	Count int    // quotations with these values; less than 1 counts as 1
}

// Op is the kind of a user's correction.
type Op string

const (
	Merge  Op = "merge"  // Name's identity joins Target's identity (and takes its key)
	Split  Op = "split"  // Name leaves its identity for one of its own
	Rename Op = "rename" // Name's identity is displayed as Target; its key does not change
	Alias  Op = "alias"  // Target is another name of Name's identity: speakers so named join it
)

// Correction is one decision of a user. Names are matched like
// observations (titles stripped, case and accents folded), so "president
// aliyev" names the identity of "Aliyev".
type Correction struct {
	Op     Op
	Name   string
	Target string // the other identity for Merge, the new name for Rename and Alias
	Type   string // optional: only speakers of this type, when a name has several
}

// Unapplied is a correction that could not be applied, and why: it names
// no known speaker, or a name that several speakers have.
type Unapplied struct {
	Correction
	Reason string
}

// Identity is one speaker across the corpus.
type Identity struct {
	// Key is stable: it depends only on the identity's fullest name (or the
	// target of a merge), "person:ilham aliyev", so the same corpus gives
	// the same keys on every run and after re-extraction. A newly seen
	// fuller name can change it; a rename does not.
	Key     string
	Name    string   // display name: the user's rename, else the fullest name as most often written
	Type    string   // person, organization, country, group, unknown
	Aliases []string // every name it was observed or aliased under, as written, sorted
	Roles   []Role   // earliest first, undated last
	Count   int      // quotations
	First   string   // earliest date, "" when none is dated
	Last    string   // latest date
}

// Role is a role a speaker was given (speaker_role, or the title in front
// of its name), with the dates of the quotations that gave it.
type Role struct {
	Role  string // as most often written
	First string // "" when undated
	Last  string
	Count int
}

// NameKey says which identity a name (of a type) belongs to.
type NameKey struct {
	Name, Type, Key string
}

// Result is the outcome of Resolve.
type Result struct {
	Identities []Identity  // sorted by Key
	Unapplied  []Unapplied // in the order given
	names      []NameKey   // sorted by Name, Type
	keys       map[string]string
}

// Names lists every observed name and every alias with its identity's key,
// sorted by name and type.
func (r *Result) Names() []NameKey { return r.names }

// Key returns the key of the identity a speaker name of a type belongs to,
// matching it like Resolve does (so "Mr. Ilham Aliyev" finds "Ilham
// Aliyev"). With an empty type, any type will do as long as only one
// identity has the name. It reports false for a name Resolve did not see.
func (r *Result) Key(speaker, typ string) (string, bool) {
	if typ != "" {
		k, ok := r.keys[parse(speaker, typ).key()]
		return k, ok
	}
	found := ""
	for _, t := range types {
		if k, ok := r.keys[parse(speaker, t).key()]; ok {
			if found != "" && found != k {
				return "", false
			}
			found = k
		}
	}
	return found, found != ""
}

// Successor returns the key of the identity that an identity key of an
// earlier merge now belongs to: an identity's key is its fullest name's,
// so when a fuller name turns up ("Ilham Aliyev" after "Aliyev"), the old
// key names a member of the new identity. It reports false for a key whose
// name is gone.
func (r *Result) Successor(key string) (string, bool) {
	k, ok := r.keys[key]
	return k, ok
}

var types = []string{"person", "organization", "country", "group", "unknown"}
