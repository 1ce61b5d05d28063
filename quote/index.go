package quote

import (
	"sort"

	"chronicle/text"
)

// This file keeps the look-ups over candidates and sentences that the
// sieves repeat for every quote (the speaker of the sentence or paragraph
// before, the candidate a quote follows, the sentences a quote spans) in
// time that does not grow with the number of quotes in the article, so an
// article of thousands of quotes costs what its length says.

// indexSubject records candidate c, just added, under the sentence of its
// speaker mention.
func (d *doc) indexSubject(c int) {
	x := &d.cands[c]
	x.prevInSent = -1
	if x.subj[0] < 0 {
		return
	}
	si := d.sentOf[x.subj[0]]
	x.prevInSent = int(d.sentLast[si]) - 1
	d.sentLast[si] = int32(c + 1)
}

// lastSubject is the speaker mention of the latest candidate before token k
// in the same sentence (for "..., adding that ...").
func (d *doc) lastSubject(k int) [2]int {
	for c := int(d.sentLast[d.sentOf[k]]) - 1; c >= 0; c = d.cands[c].prevInSent {
		if x := d.cands[c]; x.subj[0] < k {
			return x.subj
		}
	}
	return none
}

// previousSubject is the speaker mention of the latest candidate before
// token k in its paragraph or the one before, or none.
func (d *doc) previousSubject(k int) [2]int {
	p := d.paraOf(k)
	for si := int(d.sentOf[k]); si >= 0 && d.sents[si].para >= p-1; si-- {
		best := none
		for c := int(d.sentLast[si]) - 1; c >= 0; c = d.cands[c].prevInSent {
			if x := d.cands[c]; x.subj[0] < k && x.subj[0] >= best[0] {
				best = x.subj
			}
		}
		if best[0] >= 0 {
			return best
		}
	}
	return none
}

// candIndex orders the candidates for followers: by where their content
// ends (to find the one a quote follows) and by where it starts, with the
// furthest end reached so far (to tell whether a quote lies inside one).
type candIndex struct {
	byEnd   []int // candidate indices by (content end, index)
	byStart []int // candidate indices by content start
	reach   []int // reach[i]: the largest content end among byStart[:i+1]
}

func (d *doc) newCandIndex() *candIndex {
	ix := &candIndex{byEnd: make([]int, len(d.cands)), byStart: make([]int, len(d.cands))}
	for c := range d.cands {
		ix.byEnd[c], ix.byStart[c] = c, c
	}
	sort.SliceStable(ix.byEnd, func(a, b int) bool {
		return d.cands[ix.byEnd[a]].content.End < d.cands[ix.byEnd[b]].content.End
	})
	sort.SliceStable(ix.byStart, func(a, b int) bool {
		return d.cands[ix.byStart[a]].content.Start < d.cands[ix.byStart[b]].content.Start
	})
	ix.reach = make([]int, len(ix.byStart))
	far := -1
	for i, c := range ix.byStart {
		far = max(far, d.cands[c].content.End)
		ix.reach[i] = far
	}
	return ix
}

// added records candidate c, added by followers, for later candBefore
// calls. (A follower is a top-level quotation, which holds no later one,
// so the containment order need not see it.)
func (ix *candIndex) added(d *doc, c int) {
	end := d.cands[c].content.End
	i := sort.Search(len(ix.byEnd), func(i int) bool { return d.cands[ix.byEnd[i]].content.End > end })
	ix.byEnd = append(ix.byEnd, 0)
	copy(ix.byEnd[i+1:], ix.byEnd[i:])
	ix.byEnd[i] = c
}

// candBefore returns the latest candidate ending at or before byte b in
// paragraph p or the one before it, or -1. Of candidates ending at the same
// place, the first added wins.
func (d *doc) candBefore(ix *candIndex, b, p int) int {
	i := sort.Search(len(ix.byEnd), func(i int) bool { return d.cands[ix.byEnd[i]].content.End > b })
	if i == 0 {
		return -1
	}
	end := d.cands[ix.byEnd[i-1]].content.End
	for i > 1 && d.cands[ix.byEnd[i-2]].content.End == end {
		i--
	}
	c := ix.byEnd[i-1]
	if cp := d.paraOf(d.tokAt(end - 1)); cp == p || cp == p-1 {
		return c
	}
	return -1
}

// inCandidate reports whether span sp lies inside a candidate indexed by ix.
func (ix *candIndex) inCandidate(d *doc, sp text.Span) bool {
	i := sort.Search(len(ix.byStart), func(i int) bool { return d.cands[ix.byStart[i]].content.Start > sp.Start })
	return i > 0 && ix.reach[i-1] >= sp.End
}

// sentencesOf lists the sentences holding q's cue and content, in order.
func (d *doc) sentencesOf(q Quote) []text.Span {
	var out []text.Span
	from := d.firstSentenceEndingAfter(q.Content.Start)
	if q.HasCue {
		from = min(from, d.firstSentenceEndingAfter(q.Cue.Start))
	}
	for _, st := range d.sents[from:] {
		if st.span.Start >= q.Content.End && (!q.HasCue || st.span.Start >= q.Cue.End) {
			break
		}
		if st.span.Overlaps(q.Content) || q.HasCue && st.span.Overlaps(q.Cue) {
			out = append(out, st.span)
		}
	}
	return out
}

// firstSentenceEndingAfter is the index of the first sentence that ends
// after byte b.
func (d *doc) firstSentenceEndingAfter(b int) int {
	return sort.Search(len(d.sents), func(i int) bool { return d.sents[i].span.End > b })
}

// firstQuoteReaching is the index of the first quotation (in order of
// start) that it, or one before it, ends after byte b: no quotation before
// it reaches b.
func (d *doc) firstQuoteReaching(b int) int {
	return sort.Search(len(d.quotReach), func(i int) bool { return d.quotReach[i] > b })
}
