package timex

import (
	"strings"

	"chronicle/text"
)

// Utterance is what SaidOn needs to know of a quotation: byte spans of its
// cue ("said"), of the sentence that holds the cue, and of the quoted
// content (zero when unknown), so a date inside the quote is not taken for
// the date of saying it.
type Utterance struct {
	Cue      text.Span
	Sentence text.Span
	Content  text.Span
}

// maxGap bounds how far (in bytes) a date may stand from the cue and still
// date it: "said on Tuesday", "told reporters in an interview on Sunday".
const maxGap = 60

// SaidOn returns the date the text s gives for an utterance: a dated
// expression of the cue's sentence, outside the quoted content, that is
// attached to the cue. After the cue, nothing but a few words may stand
// between ("said on Tuesday", "he underscored back in February", "told
// reporters on Monday"), no comma, quote or "that" (whatever follows "said
// that" is what was said). Before the cue, the date must open the sentence
// ("On Monday, the envoy told ...") or be taken up by "when" ("on September
// 21, when he said"). Only dates that name a day, month or year count (not
// "now", not durations). It reports false when the text gives none; the
// caller then falls back to the publication date.
func SaidOn(s string, u Utterance, tx []Timex) (string, bool) {
	best, bestGap := "", maxGap+1
	for _, t := range tx {
		if !u.Sentence.Contains(t.Span) || u.Content.Len() > 0 && u.Content.Overlaps(t.Span) {
			continue
		}
		if t.Type != Date && t.Type != Time {
			continue
		}
		v := datePart(t.Value)
		if v == "" {
			continue
		}
		gap := maxGap + 1
		switch {
		case t.Span.Start >= u.Cue.End:
			if between := s[u.Cue.End:t.Span.Start]; attachedAfter(between) {
				gap = len(between)
			}
		case t.Span.End <= u.Cue.Start:
			if attachedBefore(s, u, t.Span) {
				gap = u.Cue.Start - t.Span.End
			}
		}
		if gap < bestGap {
			best, bestGap = v, gap
		}
	}
	return best, best != ""
}

// attachedAfter reports whether the words between a cue and a date let the
// date modify the cue.
func attachedAfter(between string) bool {
	if len(between) > maxGap || strings.ContainsAny(between, ",;:\"“”«»()") {
		return false
	}
	for _, w := range strings.Fields(between) {
		switch strings.ToLower(w) {
		case "that", "which", "who", "when", "after", "before", "since", "until":
			return false
		}
	}
	return true
}

// attachedBefore reports whether a date before the cue opens the sentence
// or is taken up by "when".
func attachedBefore(s string, u Utterance, t text.Span) bool {
	if u.Cue.Start-t.End > maxGap || strings.ContainsAny(s[t.End:u.Cue.Start], "\"“”«»") {
		return false
	}
	rest := strings.TrimLeft(s[t.End:u.Cue.Start], " ,")
	if strings.HasPrefix(strings.ToLower(rest), "when ") {
		return true
	}
	// Only a preposition or two may stand before the date in its sentence.
	lead := strings.Fields(s[u.Sentence.Start:t.Start])
	if len(lead) > 2 {
		return false
	}
	for _, w := range lead {
		switch strings.ToLower(w) {
		case "on", "in", "late", "early", "earlier", "later", "back", "at", "by", "last":
		default:
			return false
		}
	}
	return true
}

// datePart is the calendar part of a resolved value ("2023-09-20" of
// "2023-09-20T13:00+04:00", "2023-02", "2023"), or "" when the value is not
// anchored to the calendar (PRESENT_REF, XXXX-WXX-2, P3Y, 2009-Q3).
func datePart(v string) string {
	if len(v) < 4 || !isDigits(v[:4]) {
		return ""
	}
	switch {
	case len(v) >= 10 && v[4] == '-' && v[7] == '-' && isDigits(v[5:7]) && isDigits(v[8:10]):
		return v[:10]
	case len(v) == 7 && v[4] == '-' && isDigits(v[5:7]):
		return v
	case len(v) == 4:
		return v
	}
	return ""
}
