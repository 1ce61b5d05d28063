package store

import (
	"strings"
	"testing"
)

func TestNearDuplicateSimilarity(t *testing.T) {
	story := "The regional assembly passed next year's budget on Wednesday, with an extra 3 million euros for " +
		"clinics in villages that have lost their doctors. Nobody should drive an hour to see a nurse, said " +
		"finance officer Henrik Dahl, who presented the plan. He said the money would pay for two mobile " +
		"clinics and longer opening hours. The opposition voted against the budget, saying it relied on tax " +
		"income that might not arrive. The plan now goes to the national government for approval."
	other := "Several hundred fishermen gathered outside parliament on Tuesday to protest against the new cod " +
		"quotas. Union leader Jonas Sandberg said the plan was written in an office by people who had never " +
		"been to sea, and that the union would come back every week until the quotas changed. The ministry " +
		"said the quotas followed scientific advice and would be reviewed in the autumn."
	tests := []struct {
		name     string
		a, b     string
		near     bool
		min, max float64
	}{
		{"same text", story, story, true, 1, 1},
		{"new headline", "Clinics get more money\n\n" + story, "Budget row over village doctors\n\n" + story, true, 0.8, 1},
		{"byline and case changed", "By Anna Berg. " + story, "BY STAFF. " + strings.ToUpper(story[:40]) + story[40:], true, 0.8, 1},
		{"unrelated", story, other, false, 0, 0.2},
		{"half the story", story, story[:len(story)/2] + other, false, 0, 0.6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, okA := minhash(tt.a)
			b, okB := minhash(tt.b)
			if !okA || !okB {
				t.Fatal("no signature")
			}
			s := similarity(a, b)
			if s < tt.min || s > tt.max || (s >= nearDuplicate) != tt.near {
				t.Errorf("similarity %.2f, want %.2f..%.2f, near-duplicate %v", s, tt.min, tt.max, tt.near)
			}
			shared := 0
			ka, kb := bandKeys(a), bandKeys(b)
			for i := range ka {
				if ka[i] == kb[i] {
					shared++
				}
			}
			if tt.near && shared == 0 {
				t.Error("near-duplicates share no LSH band: the lookup would miss them")
			}
			if round, ok := signatureFrom(a.bytes()); !ok || round != a {
				t.Error("signature does not survive storage")
			}
		})
	}
	if _, ok := minhash("Too short."); ok {
		t.Error("a signature for three words")
	}
	if contentHash("a") == contentHash("a ") {
		t.Error("content hash ignores a byte")
	}
}
