package quote

import (
	"testing"

	"chronicle/entity"
)

// TestQualifiedDescriptions: party words, places and abbreviations inside a
// description qualify it; they are never taken for a person's name.
func TestQualifiedDescriptions(t *testing.T) {
	cases := []struct {
		name, in         string
		speaker, mention string
		kind             entity.Kind
	}{
		{"party adjective in a description",
			"The rally in Dover ran late.\n\n\"We will win this state,\" said the Republican presidential nominee.",
			"", "the Republican presidential nominee", entity.Person},
		{"party adjective before a named person",
			"\"The tax plan is a gift to landlords,\" said Democratic Sen. Laura Whitcombe.",
			"Laura Whitcombe", "Democratic Sen. Laura Whitcombe", entity.Person},
		{"party plural is a group",
			"The vote on the dam was delayed.\n\nIn Dover, Democrats said the delay would cost the county millions.",
			"Democrats", "Democrats", entity.Group},
		{"party adjective with a group noun",
			"In Trenton, Democratic sources said the caucus would back the bill.",
			"Democratic sources", "Democratic sources", entity.Group},
		{"abbreviation keeps its dot, head is the official",
			"Talks on the pipeline stalled.\n\n\"There is not a lot you can do,\" said a former U.S. law enforcement official.",
			"", "a former U.S. law enforcement official", entity.Person},
		{"abbreviation inside an organisation name",
			"The U.S. Department of Energy said the loan would be repaid by 2030.",
			"U.S. Department of Energy", "The U.S. Department of Energy", entity.Org},
		{"party noun as the head",
			"\"The whip count is soft,\" said one Democrat familiar with the talks.",
			"", "one Democrat", entity.Person},
		{"indefinite description brings in someone new",
			"Mayor Hal Brenner spoke first.\n\n\"The bridge is safe,\" Brenner said.\n\n\"We were never shown the report,\" a city official said.",
			"", "a city official", entity.Person},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := Extract(c.in, Options{}).Quotes
			if len(qs) == 0 {
				t.Fatalf("no quote in %q", c.in)
			}
			q := qs[len(qs)-1]
			mention := ""
			if q.HasMention {
				mention = c.in[q.Mention.Start:q.Mention.End]
			}
			if q.Speaker != c.speaker || mention != c.mention || q.Type != c.kind {
				t.Errorf("speaker %q (%v) mention %q, want %q (%v) mention %q", q.Speaker, q.Type, mention, c.speaker, c.kind, c.mention)
			}
		})
	}
}
