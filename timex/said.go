package timex

import "chronicle/text"

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
// date it: "said on Tuesday", "On Tuesday, Aliyev said", "he underscored
// back in February".
const maxGap = 80

// SaidOn returns the date the text gives for an utterance: the dated
// expression of the cue's sentence nearest the cue, outside the quoted
// content ("said on Tuesday", "on September 21, when he said"). Only dates
// that name a day, month or year count (not "now", not durations). It
// reports false when the text gives none; the caller then falls back to the
// publication date.
func SaidOn(u Utterance, tx []Timex) (string, bool) {
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
		gap := 0
		switch {
		case t.Span.End <= u.Cue.Start:
			gap = u.Cue.Start - t.Span.End
		case t.Span.Start >= u.Cue.End:
			gap = t.Span.Start - u.Cue.End
		}
		if gap < bestGap {
			best, bestGap = v, gap
		}
	}
	return best, best != ""
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
