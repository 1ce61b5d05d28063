package entity

import "strings"

// Word-list questions about a single word, for callers that compare names
// outside an article (cross-article speaker identity). Case does not matter;
// a final full stop is optional ("Sen" and "Sen." are both titles).

// TitleWord reports whether w can stand before a name as part of a title, a
// role or a nationality ("President", "Foreign", "Minister", "Azerbaijani",
// "Sen.", "Mr."), and so is not part of the name itself.
func TitleWord(w string) bool {
	return lookup(w)&(fTitle|fRole|fDemonym|fTitleTail) != 0
}

// Honorific reports whether w is a title that says nothing about a role
// ("Mr.", "Ms", "Dr.").
func Honorific(w string) bool {
	w = strings.ToLower(w)
	return honorifics[w] || honorifics[strings.TrimSuffix(w, ".")]
}

// PlaceWord reports whether w is a one-word country or capital ("Azerbaijan",
// "Baku", "U.S.").
func PlaceWord(w string) bool {
	return lookup(w)&fPlace != 0
}

func lookup(w string) uint16 {
	if len(w) > 40 {
		return 0
	}
	var buf [40]byte
	lw := ASCIILower(buf[:0], w)
	if f := lexicon[string(lw)]; f != 0 {
		return f
	}
	if n := len(lw); n > 1 && lw[n-1] == '.' {
		return lexicon[string(lw[:n-1])]
	}
	return 0
}
