// Package entity finds the people, organisations and places named in one
// article, with their roles ("presidential foreign policy advisor") and every
// mention, and links short forms to the fullest name ("Aliyev" to "Ilham
// Aliyev"). It works from capitalisation and small word lists: no model, no
// per-token allocation, fast enough to run on every article.
package entity

import (
	"strings"

	"chronicle/text"
)

// Kind is what sort of thing a name or speaker is.
type Kind uint8

const (
	Unknown Kind = iota
	Person
	Org
	Place // a country or its capital standing for it (GPE)
	Group // a plural or collective description ("officials")
)

// String gives the speaker_type of the output contract.
func (k Kind) String() string {
	switch k {
	case Person:
		return "person"
	case Org:
		return "organization"
	case Place:
		return "country"
	case Group:
		return "group"
	}
	return "unknown"
}

// Entity is one named thing of an article.
type Entity struct {
	Name     string // fullest form in the article
	Kind     Kind
	Roles    []string
	Mentions []text.Span
}

// Words is a view of an article's tokens with case-folded lookups; the
// finder and the quote sieves share it.
type Words struct {
	S    string
	Toks []text.Token
	buf  []byte
	lex  []uint16 // per token: which word lists hold it (see Index)
}

// Index looks every word up in the word lists once, so later questions
// about a token are bit tests. Call it after the tokens are complete.
// also, when not nil, sees every word lower-cased (valid during the call
// only), so a caller can index its own lists in the same pass.
func (w *Words) Index(also func(i int, lower []byte)) {
	if cap(w.lex) >= len(w.Toks) {
		w.lex = w.lex[:len(w.Toks)]
		clear(w.lex)
	} else {
		w.lex = make([]uint16, len(w.Toks))
	}
	for i, t := range w.Toks {
		if t.Kind != text.Word || t.Len() > 40 {
			continue
		}
		w.buf = ASCIILower(w.buf, w.S[t.Start:t.End])
		f := lexicon[string(w.buf)]
		// plurals of roles and groups ("senators", "attorneys") and of
		// demonyms ("Armenians")
		if n := len(w.buf); n > 3 && w.buf[n-1] == 's' {
			stem := lexicon[string(w.buf[:n-1])]
			if stem&(fRole|fGroup|fTitle) != 0 && !t.Cap {
				f |= fGroup
			}
			if stem&fDemonym != 0 {
				f |= fDemonym | fGroup
			}
		}
		w.lex[i] = f
		if also != nil {
			also(i, w.buf)
		}
	}
}

func (w *Words) has(i int, f uint16) bool {
	if w.lex == nil {
		w.Index(nil)
	}
	return i >= 0 && i < len(w.lex) && w.lex[i]&f != 0
}

// Text is the text of token i.
func (w *Words) Text(i int) string { t := w.Toks[i]; return w.S[t.Start:t.End] }

// Is reports whether token i is the word (lower case) lw, ignoring case.
func (w *Words) Is(i int, lw string) bool {
	if i < 0 || i >= len(w.Toks) || w.Toks[i].Kind != text.Word || w.Toks[i].Len() != len(lw) {
		return false
	}
	return strings.EqualFold(w.Text(i), lw)
}

// Table lookups on token i.
func (w *Words) IsTitle(i int) bool     { return w.has(i, fTitle) }
func (w *Words) IsRoleNoun(i int) bool  { return w.has(i, fRole) }
func (w *Words) IsGroupNoun(i int) bool { return w.has(i, fGroup) }
func (w *Words) IsDemonym(i int) bool   { return w.has(i, fDemonym) }
func (w *Words) IsPlace(i int) bool     { return w.has(i, fPlace) }
func (w *Words) IsOrgWord(i int) bool   { return w.has(i, fOrg) }
func (w *Words) NotName(i int) bool     { return w.has(i, fNotName) }
func (w *Words) IsCalendar(i int) bool  { return w.has(i, fCalendar) }
func (w *Words) IsTitleTail(i int) bool { return w.has(i, fTitleTail) }
func (w *Words) IsGivenName(i int) bool { return w.has(i, fGiven) }

// DottedAbbrev reports whether token i is a dotted abbreviation ("U.S",
// "U.N") written against a full stop of its own: the stop belongs to the
// abbreviation ("the U.S. Department"), whatever the tokenizer made of it.
func (w *Words) DottedAbbrev(i int) bool {
	if !w.isWord(i) || i+1 >= len(w.Toks) || !strings.Contains(w.Text(i), ".") {
		return false
	}
	n := w.Toks[i+1]
	return n.Kind == text.Punct && w.S[n.Start] == '.' && n.Start == w.Toks[i].End
}

func (w *Words) isWord(i int) bool {
	return i >= 0 && i < len(w.Toks) && w.Toks[i].Kind == text.Word
}

// Pronoun reports whether token i is a pronoun that can name a speaker, and
// what kind of speaker it stands for.
func (w *Words) Pronoun(i int) (Kind, bool) {
	if !w.isWord(i) {
		return Unknown, false
	}
	w.buf = ASCIILower(w.buf, w.Text(i))
	k, ok := pronouns[string(w.buf)]
	return k, ok
}

// IsName reports whether token i can be part of a proper name: a capitalised
// word that is not a function word, month or day.
func (w *Words) IsName(i int) bool {
	if !w.isWord(i) || !w.Toks[i].Cap {
		return false
	}
	return !w.has(i, fNotName)
}

// KindOfName classifies the name made of tokens [from, to).
func (w *Words) KindOfName(from, to int) Kind {
	if to-from == 2 {
		w.buf = ASCIILower(w.buf, w.Text(from))
		w.buf = append(w.buf, '_')
		w.buf = append(w.buf, ASCIILower(nil, w.Text(from+1))...)
		if placePhrases[string(w.buf)] {
			return Place
		}
	}
	if to-from == 3 && w.Is(from, "the") {
		return w.KindOfName(from+1, to)
	}
	for i := from; i < to; i++ {
		if w.IsOrgWord(i) {
			return Org
		}
	}
	if to-from == 1 && w.IsPlace(from) {
		return Place
	}
	if to-from == 1 {
		t := w.Text(from)
		if len(t) >= 2 && strings.ToUpper(t) == t && w.Toks[from].Kind == text.Word {
			return Org // an acronym: NATO, FBI
		}
	}
	return Unknown
}
