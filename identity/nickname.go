package identity

import (
	"slices"

	"chronicle/entity"
)

// familiar lists English given names with the familiar forms that stand
// for them in the news ("Bill Clinton", "William J. Clinton"). Only forms
// that are rarely given names of their own are listed: "Jack", "Harry" and
// "Sally" are not, because a Jack Smith is as likely a Jack as a John. A
// familiar form of several names ("Chris") joins a formal name only when
// the corpus has just one that fits, like any short form.
var familiar = map[string][]string{
	"abraham":     {"abe"},
	"albert":      {"al"},
	"alexander":   {"alex"},
	"alexandra":   {"alex"},
	"andrew":      {"andy", "drew"},
	"anthony":     {"tony"},
	"barbara":     {"barb"},
	"benjamin":    {"ben"},
	"charles":     {"charlie", "chuck"},
	"christopher": {"chris"},
	"christine":   {"chris"},
	"cynthia":     {"cindy"},
	"daniel":      {"dan", "danny"},
	"david":       {"dave"},
	"deborah":     {"deb", "debbie"},
	"donald":      {"don"},
	"douglas":     {"doug"},
	"edward":      {"ed", "eddie", "ted"},
	"elizabeth":   {"liz", "beth"},
	"frederick":   {"fred"},
	"gerald":      {"jerry", "gerry"},
	"gregory":     {"greg"},
	"jacob":       {"jake"},
	"james":       {"jim", "jimmy"},
	"jeffrey":     {"jeff"},
	"jennifer":    {"jen", "jenny"},
	"jonathan":    {"jon"},
	"joseph":      {"joe"},
	"joshua":      {"josh"},
	"judith":      {"judy"},
	"katherine":   {"kate", "kathy"},
	"catherine":   {"cathy", "kate"},
	"kenneth":     {"ken"},
	"kimberly":    {"kim"},
	"lawrence":    {"larry"},
	"margaret":    {"maggie", "meg"},
	"matthew":     {"matt"},
	"michael":     {"mike"},
	"nicholas":    {"nick"},
	"pamela":      {"pam"},
	"patricia":    {"pat"},
	"patrick":     {"pat"},
	"peter":       {"pete"},
	"philip":      {"phil"},
	"phillip":     {"phil"},
	"raymond":     {"ray"},
	"rebecca":     {"becky"},
	"richard":     {"rich", "rick", "dick"},
	"robert":      {"bob", "bobby", "rob"},
	"ronald":      {"ron"},
	"samuel":      {"sam"},
	"stanley":     {"stan"},
	"stephen":     {"steve"},
	"steven":      {"steve"},
	"susan":       {"sue"},
	"terence":     {"terry"},
	"theodore":    {"ted", "teddy"},
	"thomas":      {"tom", "tommy"},
	"timothy":     {"tim"},
	"victoria":    {"vicky"},
	"vincent":     {"vince"},
	"walter":      {"walt"},
	"william":     {"bill", "billy", "will"},
	"zachary":     {"zach"},
}

// formal maps a folded familiar form to the formal names it stands for
// (in no order: familiarFit tries them all).
var formal = func() map[string][]string {
	m := map[string][]string{}
	for f, nicks := range familiar {
		for _, nick := range nicks {
			m[nick] = append(m[nick], f)
		}
	}
	return m
}()

// familiarFit reports whether person name x, written with familiar forms
// of given names, is y or a short form of y once they are written out:
// "Bill Clinton" fits "William Clinton" and "William Jefferson Clinton".
// The surname is never a familiar form ("Ray" of "Johnnie Ray").
func familiarFit(x, y []string) bool {
	if len(x) < 2 || len(x) > len(y) {
		return false
	}
	var at []int // the words of x that are familiar forms
	for i, w := range x[:len(x)-1] {
		if formal[w] != nil {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return false
	}
	written := slices.Clone(x)
	var try func(k int) bool
	try = func(k int) bool {
		if k == len(at) {
			return slices.Equal(written, y) || entity.ShortForm(written, y)
		}
		for _, f := range formal[x[at[k]]] {
			written[at[k]] = f
			if try(k + 1) {
				return true
			}
		}
		return false
	}
	return try(0)
}
