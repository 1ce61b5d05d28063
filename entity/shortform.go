package entity

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// ShortForm reports whether the person name x is a shorter form of the
// person name y, both as words in one case: fewer words, the same surname,
// x's other words among y's in order, and the same initials if x has any
// ("George Bush" fits "George W. Bush"; "George W. Bush" does not fit
// "George H. W. Bush"). Within an article it joins "Hillary Clinton" to
// "Hillary Rodham Clinton"; across articles (package identity), names.
func ShortForm(x, y []string) bool {
	nx, ny := len(x), len(y)
	if nx == 0 || nx >= ny || x[nx-1] != y[ny-1] {
		return false
	}
	gx, gy := x[:nx-1], y[:ny-1]
	if ix := initials(gx); len(ix) > 0 && !slices.Equal(ix, initials(gy)) {
		return false
	}
	i := 0 // gx's words found in gy, in order
	for _, w := range gy {
		if i < len(gx) && gx[i] == w {
			i++
		}
	}
	return i == len(gx)
}

func initials(ws []string) []string {
	var out []string
	for _, w := range ws {
		if initial(w) {
			out = append(out, w)
		}
	}
	return out
}

// initial reports whether a word of a name is an initial: one letter, with
// or without its full stop ("w", "w."), or run-together ones ("j.m.").
func initial(w string) bool {
	return utf8.RuneCountInString(strings.TrimSuffix(w, ".")) == 1 || strings.HasSuffix(w, ".") && len(w) <= 4
}
