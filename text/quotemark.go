package text

import (
	"sort"
	"unicode/utf8"
)

// Quotation is a stretch of text between paired quotation marks.
type Quotation struct {
	// Open and Close are the token indices of the marks; Close is -1 when the
	// quotation runs to the end of a paragraph without a closing mark.
	Open, Close int
	// Content is the text between the marks, trimmed of white space.
	Content Span
	// Single is set for single marks (‘…’ or '…').
	Single bool
	// Nested is set for a quotation inside another one; Parent is then the
	// index of the enclosing quotation in the result.
	Nested bool
	Parent int
	// Paras is the number of paragraphs the quotation spans (1 for most).
	Paras int
}

// maxCarry bounds how many paragraphs an unclosed quotation may run on:
// real multi-paragraph quotes rarely pass it, and the bound keeps a stray
// mark from swallowing an article.
const maxCarry = 40

// mark is a quotation mark's reading in context.
type mark uint8

const (
	markNone mark = iota
	markOpen
	markClose
	markEither // a straight mark that context does not decide
)

// PairQuotes pairs the quotation marks among toks (the tokens of s), where
// paraFirst holds the index of the first token of each paragraph, in order.
// Double marks pair across paragraphs under the news convention: a quote
// that does not close at the end of its paragraph goes on in the next one,
// whether or not that one opens with a mark. A quotation that never closes
// is cut back to the end of its first paragraph. Single marks pair within a
// paragraph, and only where a closing mark follows (else they are
// apostrophes). Results are in order of their opening marks.
func PairQuotes(s string, toks []Token, paraFirst []int) []Quotation {
	p := pairer{s: s, toks: toks, paraFirst: paraFirst}
	p.doubles(0)
	p.singles()
	sortByOpen(p.out)
	link(p.out)
	return p.out
}

type pairer struct {
	s         string
	toks      []Token
	paraFirst []int
	out       []Quotation
}

func (p *pairer) paraEnd(k int) int {
	if k+1 < len(p.paraFirst) {
		return p.paraFirst[k+1]
	}
	return len(p.toks)
}

// doubles pairs double marks from paragraph k0 on.
func (p *pairer) doubles(k0 int) {
	for k := k0; k < len(p.paraFirst); k++ {
		outer, inner := -1, -1 // token index of the open outer / nested mark
		for k2 := k; k2 < len(p.paraFirst); k2++ {
			first, end := p.paraFirst[k2], p.paraEnd(k2)
			from := first // where a quote that lost its opening mark would begin
			for i := first; i < end; i++ {
				if p.toks[i].Kind != QMark || !p.isDouble(i) {
					continue
				}
				m := p.read(i)
				switch {
				case m == markNone:
				case outer >= 0 && i == first && k2 > k && m != markClose:
					// the opening mark of a continued paragraph
				case outer < 0 && m != markClose:
					outer = i
				case outer < 0:
					// A closing mark with no opening one: the quote began
					// where the paragraph (or the last quote in it) ended.
					p.emit(-1, i, from, k2, k2)
					from = i + 1
				case inner >= 0:
					p.emitNested(inner, i)
					inner = -1
				case m == markOpen && (!p.straight(i) || p.closesHere(i)):
					inner = i
				default:
					p.emit(outer, i, outer+1, k, k2)
					outer, from = -1, i+1
				}
			}
			inner = -1 // a nested quote does not run past its paragraph
			if outer < 0 {
				k = k2
				break
			}
			if k2-k >= maxCarry || k2 == len(p.paraFirst)-1 || !p.continues(outer, k, k2+1) {
				// Unclosed: cut it at the end of its first paragraph and
				// read on from the next.
				p.dropAfter(outer)
				p.emit(outer, -1, outer+1, k, k)
				break
			}
		}
	}
}

// continues reports whether the quote opened at token open (in paragraph
// openPara) plausibly goes on in paragraph next: either that paragraph opens
// with a quotation mark, or the quote is a block (it opened its paragraph
// or followed a colon) and the next paragraph does not open a new quote
// before closing one.
func (p *pairer) continues(open, openPara, next int) bool {
	first := p.paraFirst[next]
	if first < len(p.toks) && p.toks[first].Kind == QMark && p.isDouble(first) && p.read(first) != markClose {
		return true
	}
	block := open == p.paraFirst[openPara] || open > 0 && p.toks[open-1].Kind == Punct && p.s[p.toks[open-1].Start] == ':'
	if !block {
		return false
	}
	for i := first; i < p.paraEnd(next); i++ {
		if p.toks[i].Kind == QMark && p.isDouble(i) {
			return p.read(i) != markOpen || p.closesHere(i)
		}
	}
	return true
}

// closesHere reports whether the straight mark at i is followed, in its
// paragraph, by another mark that closes it (so it opens a nested quote of
// its own rather than closing the outer one).
func (p *pairer) closesHere(i int) bool {
	end := p.paraEnd(p.paraOf(i))
	for j := i + 1; j < end; j++ {
		if p.toks[j].Kind == QMark && p.isDouble(j) {
			return p.read(j) != markOpen
		}
	}
	return false
}

func (p *pairer) paraOf(i int) int {
	lo, hi := 0, len(p.paraFirst)
	for lo+1 < hi {
		m := (lo + hi) / 2
		if p.paraFirst[m] <= i {
			lo = m
		} else {
			hi = m
		}
	}
	return lo
}

func (p *pairer) dropAfter(open int) {
	n := len(p.out)
	for n > 0 && p.out[n-1].Open >= open {
		n--
	}
	p.out = p.out[:n]
}

// emit records a quotation from mark open to mark close (token indices;
// open may be first-1 for a lost opening mark, close -1 for none), whose
// content starts at token from.
func (p *pairer) emit(open, close, from, para0, para1 int) {
	var end int
	if close >= 0 {
		end = p.toks[close].Start
	} else {
		end = p.toks[p.paraEnd(para0)-1].End
	}
	if from >= len(p.toks) {
		return
	}
	c := TrimSpace(p.s, Span{p.toks[from].Start, end})
	if c.Len() <= 0 {
		return
	}
	p.out = append(p.out, Quotation{Open: open, Close: close, Content: c, Paras: para1 - para0 + 1})
}

func (p *pairer) emitNested(open, close int) {
	c := TrimSpace(p.s, Span{p.toks[open].End, p.toks[close].Start})
	if c.Len() > 0 {
		p.out = append(p.out, Quotation{Open: open, Close: close, Content: c, Nested: true, Paras: 1})
	}
}

// singles pairs single marks within each paragraph, outside and inside
// double quotations alike (inside, they are nested).
func (p *pairer) singles() {
	for k := range p.paraFirst {
		first, end := p.paraFirst[k], p.paraEnd(k)
		open := -1
		for i := first; i < end; i++ {
			if p.toks[i].Kind != QMark || p.isDouble(i) {
				continue
			}
			m := p.read(i)
			switch {
			case open < 0 && m == markOpen:
				open = i
			case open >= 0 && (m == markClose || m == markEither):
				c := TrimSpace(p.s, Span{p.toks[open].End, p.toks[i].Start})
				if c.Len() > 0 {
					p.out = append(p.out, Quotation{Open: open, Close: i, Content: c, Single: true, Paras: 1})
				}
				open = -1
			}
		}
	}
}

// link sets Nested and Parent from containment, once the list is sorted:
// a quotation inside another's content is nested in the innermost such
// (the latest before it). Only quotations still open where one starts can
// hold it, so the search looks at those alone.
func link(qs []Quotation) {
	var open []int // quotations that end after the current start, in order
	for i := range qs {
		qs[i].Parent = -1
		c := qs[i].Content
		n := 0
		for _, j := range open {
			if qs[j].Content.End > c.Start {
				open[n] = j
				n++
			}
		}
		open = open[:n]
		for k := len(open) - 1; k >= 0; k-- {
			j := open[k]
			if qs[j].Content.Contains(c) && qs[j].Content != c {
				qs[i].Parent, qs[i].Nested = j, true
				break
			}
		}
		open = append(open, i)
	}
}

// isDouble tells double marks (" “ ” « » „ ”) from single ones.
func (p *pairer) isDouble(i int) bool {
	t := p.toks[i]
	r, _ := utf8.DecodeRuneInString(p.s[t.Start:t.End])
	switch r {
	case '\'', '‘', '’', '‚', '‛':
		return t.Len() == 2 && p.s[t.Start+1] == '\'' // '' is a double
	}
	return true
}

func (p *pairer) straight(i int) bool {
	c := p.s[p.toks[i].Start]
	return c == '"' || c == '\''
}

// read decides whether the mark at token i opens or closes, from its glyph
// and from the space around it.
func (p *pairer) read(i int) mark {
	t := p.toks[i]
	before := t.SpaceBefore || i > 0 && opensBefore(p.s, p.toks[i-1])
	after := t.SpaceAfter || i+1 < len(p.toks) && closesAfter(p.s, p.toks[i+1])
	// Marks side by side ('" or "') take their space from the outer one.
	if !t.SpaceBefore && i > 0 && p.toks[i-1].Kind == QMark {
		before = p.toks[i-1].SpaceBefore
	}
	if !t.SpaceAfter && i+1 < len(p.toks) && p.toks[i+1].Kind == QMark {
		after = p.toks[i+1].SpaceAfter || i+2 < len(p.toks) && closesAfter(p.s, p.toks[i+2])
	}
	r, _ := utf8.DecodeRuneInString(p.s[t.Start:t.End])
	switch r {
	case '“', '‘', '«', '„', '‚', '‛':
		if after && !before && r != '„' {
			return markClose // sloppy typography: “ used to close
		}
		if after && before {
			return markNone
		}
		return markOpen
	case '”', '»':
		if before && !after {
			return markOpen
		}
		return markClose
	case '’':
		if before && !after {
			return markNone // ’90s, ’em: an apostrophe, not a quote
		}
		if before && after {
			return markNone
		}
		return markClose
	}
	// Straight marks: only context tells.
	switch {
	case before && !after:
		return markOpen
	case after && !before:
		return markClose
	case before && after && t.Len() == 1 && r == '\'':
		return markNone
	case before && after:
		return markEither // a lone " between spaces: the pairing state decides
	}
	if r == '\'' && t.Len() == 1 {
		return markNone // inside a word: an apostrophe
	}
	return markEither
}

// opensBefore reports whether token t, just before a mark, counts as white
// space for an opening mark: an opening bracket, a dash, a slash or another
// mark.
func opensBefore(s string, t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch r, _ := utf8.DecodeRuneInString(s[t.Start:t.End]); r {
	case '(', '[', '{', '—', '–', '-', '/', ':':
		return true
	}
	return false
}

// closesAfter reports whether token t, just after a mark, counts as white
// space for a closing mark: punctuation that follows a closed quote.
func closesAfter(s string, t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch r, _ := utf8.DecodeRuneInString(s[t.Start:t.End]); r {
	case ',', '.', ';', ':', '!', '?', ')', ']', '}', '—', '–', '…':
		return true
	}
	return false
}

// sortByOpen orders quotations by where their content starts, keeping the
// order of those that start together.
func sortByOpen(qs []Quotation) {
	sort.SliceStable(qs, func(a, b int) bool { return qs[a].Content.Start < qs[b].Content.Start })
}
