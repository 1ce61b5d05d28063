package quote

import (
	"sync"

	"chronicle/entity"
	"chronicle/text"
)

// doc is one article being read: its tokens, sentences, paragraphs and
// quotation marks, and the candidate quotes the sieves have found so far.
type doc struct {
	entity.Words
	paraFirst []int  // first token of each (non-furniture) paragraph
	sents     []sent // in text order
	sentOf    []int32
	quots     []text.Quotation
	inQ       []int32 // token -> 1 + index of the top-level quotation holding it (marks included)
	quotUsed  []bool  // quotation already part of a candidate
	cueUsed   []bool  // token already serves as a cue
	qw        []word  // per token: its entry in the quote word lists
	reg       *entity.Registry
	cands     []cand
	headPara  int     // index into paraFirst of the headline paragraph, or -1
	sentFirst []int   // first token of each sentence (for entity.Find)
	sentLast  []int32 // per sentence: 1 + the latest candidate whose mention is there
	quotReach []int   // per quotation: the largest content end up to it
}

type sent struct {
	first, end int // token range
	para       int // index into paraFirst
	span       text.Span
}

// cand is a quote found by a sieve, by token indices where it can be.
type cand struct {
	content text.Span
	kind    Kind
	cue     [2]int // token range of the cue; cue[0] < 0: none
	subj    [2]int // token range of the speaker mention; subj[0] < 0: none
	quot    int    // the quotation it comes from, or -1
	from    int    // for a follower: the candidate it inherits its speaker from, else -1
	// prevInSent is the candidate added before this one whose mention is in
	// the same sentence, or -1 (see indexSubject).
	prevInSent int
	pos        int // token where the quote is anchored (for resolution order)
	// resolved speaker
	speaker string
	typ     entity.Kind
	role    string
	ent     int
}

// docPool keeps the per-token buffers of finished articles for the next
// one: most of what reading an article allocates is these slices, and
// reusing them keeps the garbage collector out of the way. Nothing of one
// article is visible in the next (every buffer is cut to length and
// cleared), so Extract stays a pure function.
var docPool = sync.Pool{New: func() any { return new(doc) }}

// maxPooledTokens bounds the buffers kept for reuse, so that one huge
// article does not pin its memory.
const maxPooledTokens = 1 << 16

func newDoc(s string) *doc {
	d := docPool.Get().(*doc)
	d.S, d.headPara, d.reg = s, -1, nil
	if want := len(s)/5 + 16; cap(d.Toks) < want {
		d.Toks = make([]text.Token, 0, want)
	}
	d.Toks, d.paraFirst, d.sents, d.cands = d.Toks[:0], d.paraFirst[:0], d.sents[:0], d.cands[:0]
	d.sentFirst = d.sentFirst[:0]
	for pi, p := range text.Paragraphs(s) {
		if text.IsFurniture(s[p.Start:p.End]) {
			continue
		}
		if pi == 0 {
			d.headPara = len(d.paraFirst)
		}
		d.paraFirst = append(d.paraFirst, len(d.Toks))
		for _, ss := range text.Sentences(s, p) {
			first := len(d.Toks)
			d.Toks = text.Tokenize(s, ss, d.Toks)
			if len(d.Toks) == first {
				continue
			}
			d.sents = append(d.sents, sent{first: first, end: len(d.Toks), para: len(d.paraFirst) - 1, span: ss})
			d.sentFirst = append(d.sentFirst, first)
		}
		if d.paraFirst[len(d.paraFirst)-1] == len(d.Toks) {
			d.paraFirst = d.paraFirst[:len(d.paraFirst)-1]
		}
	}
	n := len(d.Toks)
	d.sentLast = resize(d.sentLast, len(d.sents))
	d.sentOf = resize(d.sentOf, n)
	for si, st := range d.sents {
		for i := st.first; i < st.end; i++ {
			d.sentOf[i] = int32(si)
		}
	}
	d.qw = resize(d.qw, n)
	d.Index(func(i int, lower []byte) { d.qw[i] = lexicon[string(lower)] })
	d.quots = text.PairQuotes(s, d.Toks, d.paraFirst)
	d.quotUsed = resize(d.quotUsed, len(d.quots))
	d.quotReach = resize(d.quotReach, len(d.quots))
	for qi, q := range d.quots {
		d.quotReach[qi] = q.Content.End
		if qi > 0 {
			d.quotReach[qi] = max(q.Content.End, d.quotReach[qi-1])
		}
	}
	d.cueUsed = resize(d.cueUsed, n)
	d.inQ = resize(d.inQ, n)
	for qi, q := range d.quots {
		if q.Nested {
			continue
		}
		from, to := d.quoteTokens(q)
		for i := from; i < to; i++ {
			d.inQ[i] = int32(qi + 1)
		}
	}
	d.reg = entity.Find(&d.Words, d.sentFirst)
	return d
}

// release hands the buffers of d back for the next article; d must not be
// used after.
func (d *doc) release() {
	if cap(d.Toks) > maxPooledTokens {
		return
	}
	d.S, d.reg, d.quots = "", nil, nil
	docPool.Put(d)
}

// resize returns b with length n and every element zero, reusing its
// storage when it is large enough.
func resize[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// quoteTokens is the token range of quotation q, marks included.
func (d *doc) quoteTokens(q text.Quotation) (from, to int) {
	from = q.Open
	if from < 0 {
		from = d.tokAt(q.Content.Start)
	}
	if q.Close >= 0 {
		to = q.Close + 1
	} else {
		to = d.tokAt(q.Content.End-1) + 1
	}
	return from, to
}

// tokAt returns the index of the token holding byte b (or the next one).
func (d *doc) tokAt(b int) int {
	lo, hi := 0, len(d.Toks)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Toks[m].End <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// sentence returns the sentence holding token i.
func (d *doc) sentence(i int) sent { return d.sents[d.sentOf[i]] }

// isWord reports whether token i is a word.
func (d *doc) isWord(i int) bool { return i >= 0 && i < len(d.Toks) && d.Toks[i].Kind == text.Word }

// punct reports whether token i is the punctuation character c.
func (d *doc) punct(i int, c byte) bool {
	return i >= 0 && i < len(d.Toks) && d.Toks[i].Kind == text.Punct && d.S[d.Toks[i].Start] == c
}

// dash reports whether token i is a dash: —, –, ―, "--", or a hyphen with
// space on both sides ("Reynolds - his girlfriend - told").
func (d *doc) dash(i int) bool {
	if i < 0 || i >= len(d.Toks) || d.Toks[i].Kind != text.Punct {
		return false
	}
	t := d.Toks[i]
	w := d.Text(i)
	return w == "—" || w == "–" || w == "―" || len(w) >= 2 && w[0] == '-' && w[1] == '-' ||
		w == "-" && t.SpaceBefore && t.SpaceAfter
}

// has reports whether token i is in the word lists of flag f.
func (d *doc) has(i int, f uint32) bool {
	return i >= 0 && i < len(d.qw) && d.qw[i].flags&f != 0
}

// verbAt returns the reporting verb at token i, if it is one.
func (d *doc) verbAt(i int) (verb, bool) {
	if i < 0 || i >= len(d.qw) || !d.qw[i].isVerb {
		return verb{}, false
	}
	if d.Toks[i].Cap && i != d.sentence(i).first && d.paraOf(i) != d.headPara {
		return verb{}, false // "United States", "Says" in a title
	}
	if d.qw[i].verb.out && !d.Is(i+1, "out") {
		return verb{}, false // "pointed to", "the point"
	}
	return d.qw[i].verb, true
}

// span is the byte span of tokens [from, to).
func (d *doc) span(from, to int) text.Span {
	return text.Span{Start: d.Toks[from].Start, End: d.Toks[to-1].End}
}

// paraOf returns the paragraph index of token i.
func (d *doc) paraOf(i int) int { return d.sents[d.sentOf[i]].para }

// paraEnd is the token after the last one of paragraph k.
func (d *doc) paraEnd(k int) int {
	if k+1 < len(d.paraFirst) {
		return d.paraFirst[k+1]
	}
	return len(d.Toks)
}

func (d *doc) add(c cand) int {
	if c.quot >= 0 {
		d.quotUsed[c.quot] = true
	}
	if c.cue[0] >= 0 {
		for i := c.cue[0]; i < c.cue[1]; i++ {
			d.cueUsed[i] = true
		}
	}
	c.ent = -1
	d.cands = append(d.cands, c)
	d.indexSubject(len(d.cands) - 1)
	return len(d.cands) - 1
}
