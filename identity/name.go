package identity

import (
	"strings"
	"unicode"

	"chronicle/entity"
	"golang.org/x/text/unicode/norm"
)

// name is one speaker name taken apart for comparison across articles.
type name struct {
	typ    string   // normalised speaker type
	words  []string // folded words of the name proper: titles stripped for people
	suffix string   // "jr", "sr", "ii", ... of a person, else ""
	form   string   // the name proper as written: "Ilham Aliyev" of "President Ilham Aliyev"
	title  string   // the title words stripped from a person's name as written, "" for none or a bare "Mr."
}

// key is the identity of the name within its type: "person:ilham aliyev".
func (n name) key() string {
	k := n.typ + ":" + strings.Join(n.words, " ")
	if n.suffix != "" {
		k += " " + n.suffix
	}
	return k
}

// normType maps a speaker_type (and a few spellings of it) to the five
// types of the extract contract.
func normType(t string) string {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "person", "per":
		return "person"
	case "organization", "organisation", "org":
		return "organization"
	case "country", "gpe", "place":
		return "country"
	case "group":
		return "group"
	}
	return "unknown"
}

// modifiers go with a title rather than the name ("former Foreign Minister",
// "Minister of Foreign Affairs"); the titles themselves are entity's lists.
var modifiers = map[string]bool{
	"the": true, "of": true, "for": true, "and": true, "former": true, "acting": true, "then": true,
	"late": true, "ex": true, "outgoing": true, "incoming": true, "senior": true, "top": true,
	"presidential": true, "interim": true, "deputy": true,
}

var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// parse takes a speaker name as extract prints it apart. People lose
// leading titles, roles and nationalities ("Azerbaijani President Ilham
// Aliyev" is "Ilham Aliyev"), always keeping the last word; other types
// lose only a leading "the".
func parse(raw, typ string) name {
	n := name{typ: normType(typ)}
	ws := words(raw)
	if len(ws) == 0 {
		return n
	}
	from, suffix := 0, ""
	if n.typ == "person" {
		ws = splitInitials(ws)
	}
	fs := make([]string, len(ws)) // folded once: every rule below compares folded words
	for i, w := range ws {
		fs[i] = fold(w)
	}
	if n.typ == "person" {
		if last := len(ws) - 1; last > 0 && suffixes[fs[last]] {
			n.suffix, suffix = fs[last], " "+ws[last]
			ws, fs = ws[:last], fs[:last]
		}
		from = titleEnd(ws, fs)
		for i, w := range ws[:from] {
			if !entity.Honorific(w) && !modifiers[fs[i]] {
				n.title = strings.Join(ws[:from], " ")
				break
			}
		}
	} else if len(ws) > 1 && fs[0] == "the" {
		from = 1
	}
	n.words = fs[from:]
	n.form = strings.Join(ws[from:], " ") + suffix
	return n
}

// titleEnd returns the index of the first word of the name proper in a
// person's name: after titles, roles, nationalities and the words that join
// them ("Minister of Foreign Affairs of Azerbaijan Jeyhun Bayramov"). A
// possessive or a country counts as part of the title only before a title
// word ("Azerbaijan's President", "Trump's lawyer") or after "of"/"for".
func titleEnd(ws, folded []string) int {
	i := 0
	for i < len(ws)-1 {
		w, next := ws[i], ws[i+1]
		switch {
		case entity.TitleWord(w) || modifiers[folded[i]]:
		case (possessive(w) || entity.PlaceWord(w)) && entity.TitleWord(next):
		case entity.PlaceWord(w) && i > 0 && (folded[i-1] == "of" || folded[i-1] == "for"):
		default:
			return i
		}
		i++
	}
	return i
}

func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s'")
}

// words splits a name on white space and trims the punctuation that can
// cling to its words (commas, quotation marks, brackets).
func words(raw string) []string {
	raw = strings.ReplaceAll(raw, "’", "'")
	var ws []string
	for _, w := range strings.Fields(raw) {
		if w = strings.Trim(w, ",;:\"“”()[]«»"); w != "" {
			ws = append(ws, w)
		}
	}
	return ws
}

// splitInitials writes run-together initials as separate words, so that
// "H.W." and "H. W." compare equal.
func splitInitials(ws []string) []string {
	var out []string
	for _, w := range ws {
		parts := strings.Split(strings.TrimSuffix(w, "."), ".")
		if len(parts) < 2 || !allInitials(parts) {
			out = append(out, w)
			continue
		}
		for _, p := range parts {
			out = append(out, p+".")
		}
	}
	return out
}

func allInitials(parts []string) bool {
	for _, p := range parts {
		if len([]rune(p)) != 1 || !unicode.IsLetter([]rune(p)[0]) {
			return false
		}
	}
	return true
}

// foldLetters are the letters that do not decompose into a base letter and
// an accent.
var foldLetters = map[rune]string{'ı': "i", 'ø': "o", 'ł': "l", 'đ': "d", 'ß': "ss", 'æ': "ae", 'œ': "oe",
	'ə': "e", 'þ': "th", 'ð': "d", 'ħ': "h"}

// fold gives the comparison form of a word: lower case, without accents,
// full stops or apostrophes ("Erdoğan" and "ERDOGAN" are "erdogan",
// "O'Brien" is "obrien").
func fold(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	if ascii(w) { // most names: no decomposition needed
		for i := 0; i < len(w); i++ {
			if c := w[i]; c != '.' && c != '\'' {
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
		}
		return b.String()
	}
	for _, r := range norm.NFD.String(w) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.', r == '\'', r == '’':
		default:
			r = unicode.ToLower(r)
			if s, ok := foldLetters[r]; ok {
				b.WriteString(s)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
