package store

import (
	"context"
	"testing"
)

// TestSpeakerKeepsIDAsNameFillsOut ingests an article that calls a speaker
// "Lind" only, then one that gives the full name, "Jonas Lind". The merge
// makes "Jonas Lind" the identity's key; the speaker must keep the ID it had,
// so that links and scripts that use it still find the same person.
func TestSpeakerKeepsIDAsNameFillsOut(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	ingest(t, db, "testdata/grow/first.jsonl")
	before := speakerNamed(t, db, "Lind")
	if before.Quotes != 2 {
		t.Fatalf("before: %+v, want 2 quotations", before)
	}
	ingest(t, db, "testdata/grow/later.jsonl")
	after, err := db.Speaker(ctx, before.ID)
	if err != nil {
		t.Fatalf("speaker %d after the fuller name appeared: %v", before.ID, err)
	}
	if after.Name != "Jonas Lind" || after.Quotes != 3 {
		t.Errorf("speaker %d is now %q with %d quotations, want \"Jonas Lind\" with 3", after.ID, after.Name, after.Quotes)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM speakers WHERE live = 1`); n != 1 {
		t.Errorf("%d live speakers, want 1", n)
	}
	qs, _, err := db.Quotes(ctx, QuoteFilter{Speaker: "Jonas Lind"})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if q.SpeakerID == nil || *q.SpeakerID != before.ID {
			t.Errorf("quotation %d has speaker %v, want %d", q.ID, q.SpeakerID, before.ID)
		}
	}
	if len(qs) != 3 {
		t.Errorf("%d quotations under \"Jonas Lind\", want 3", len(qs))
	}
}
