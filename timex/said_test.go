package timex

import (
	"strings"
	"testing"

	"chronicle/text"
)

// utterance builds an Utterance for the cue word and the quoted content in
// s, whose sentence is the whole of s.
func utterance(s, cue, content string) Utterance {
	u := Utterance{Sentence: text.Span{Start: 0, End: len(s)}}
	if i := strings.Index(s, cue); i >= 0 {
		u.Cue = text.Span{Start: i, End: i + len(cue)}
	}
	if content != "" {
		if i := strings.Index(s, content); i >= 0 {
			u.Content = text.Span{Start: i, End: i + len(content)}
		}
	}
	return u
}

func TestSaidOn(t *testing.T) {
	r := ref("2023-09-20") // a Wednesday
	for _, c := range []struct {
		name, s, cue, content string
		ref                   Ref
		want                  string
	}{
		{"said on weekday", `Citizens must choose, the president said on Tuesday.`, "said", "", r, "2023-09-19"},
		{"weekday first", `On Monday, the envoy told reporters that roads were open.`, "told", "", r, "2023-09-18"},
		{"back in a month", `"We offered guarantees," he underscored back in February.`, "underscored", "We offered guarantees,", r, "2023-02"},
		{"when he said", `He is backtracking from his words of September 21, when he said there was no threat.`, "said", "", r, "2023-09-21"},
		{"date inside the quote is not the saying", `"On March 1 we met," the minister said.`, "said", "On March 1 we met,", r, ""},
		{"a duration does not date", `"We waited for almost 30 years," she said.`, "said", "We waited for almost 30 years,", r, ""},
		{"now does not date", `Now the issue depends on them, the official said.`, "said", "", r, ""},
		{"no reference: the weekday is unknown", `Citizens must choose, the president said on Tuesday.`, "said", "", Ref{}, ""},
		{"nearest of two", `In 2020 the war began; the minister said on Monday that it ended.`, "said", "", r, "2023-09-18"},
		{"date of the reported event", `The minister said that talks would be held on Friday.`, "said", "", r, ""},
		{"date of the main clause before a participle cue", `Baku was ready for talks due in the town on Thursday, adding that it wanted calm.`, "adding", "", r, ""},
		{"date inside a clause before the cue", `Talks that began on Monday were useful, the envoy said.`, "said", "", r, ""},
		{"said weekday without on", `The ministry said Wednesday it aimed to reintegrate the residents.`, "said", "", r, "2023-09-20"},
		{"said yesterday", `The spokesman said yesterday that the road had reopened.`, "said", "", r, "2023-09-19"},
		{"back in a month, no reference", `"We offered guarantees," he underscored back in February.`, "underscored", "We offered guarantees,", Ref{}, ""},
		{"date of a meeting, not of the saying", `The envoy met residents on September 21, 2023, in the town, the office said.`, "said", "", r, ""},
		{"year-qualified day after the cue", `The office said on September 21, 2023 that the envoy had met residents.`, "said", "", r, "2023-09-21"},
		{"said in an interview on", `The envoy said in an interview with a radio station on Sunday that roads were open.`, "said", "", r, "2023-09-17"},
	} {
		got, ok := SaidOn(c.s, utterance(c.s, c.cue, c.content), Tag(c.s, c.ref))
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s: SaidOn = %q, %v; want %q", c.name, got, ok, c.want)
		}
	}
}
