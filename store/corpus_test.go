package store

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeCorpus writes n made-up articles as JSONL and returns the path. Each
// article draws its sentences from a pool of quotations and plain sentences
// with names and numbers varied by a seeded generator, so articles are
// neither duplicates nor near-duplicates of each other, and two calls with
// the same n give the same file.
func writeCorpus(t testing.TB, n int) string {
	t.Helper()
	first := []string{"Elin", "Jonas", "Petra", "Ole", "Karin", "Magnus", "Sofia", "Henrik", "Ingrid", "Lars"}
	last := []string{"Sandberg", "Holm", "Berg", "Lund", "Dahl", "Strand", "Nygaard", "Aas", "Moen", "Vik"}
	roles := []string{"Mayor", "Health Minister", "union leader", "council engineer", "Finance Minister", "police chief"}
	topics := []string{"the ferry", "the hospital", "the new bridge", "school repairs", "the harbour", "fish quotas",
		"the rail line", "road tolls", "the budget", "flood defences"}
	quotes := []string{
		`"We will finish %s before the winter," %s %s said on Monday.`,
		`%[2]s %[3]s said on Tuesday that %[1]s would cost more than planned.`,
		`"Nobody here asked for %s," said %s %s, who spoke at the meeting.`,
		`"The money for %s is already in the budget," %s %s told reporters.`,
		`%[2]s %[3]s warned that delays to %[1]s could last until next year.`,
	}
	plain := []string{
		"The council will vote on %s next week.", "Work on %s began in %d.",
		"About %[2]d people signed a petition about %[1]s.", "The plan for %s has been changed %[2]d times.",
		"Residents have complained about %s for years.",
	}
	r := rand.New(rand.NewPCG(uint64(n), 42))
	path := filepath.Join(t.TempDir(), fmt.Sprintf("corpus-%d.jsonl", n))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := range n {
		var b strings.Builder
		topic := topics[r.IntN(len(topics))]
		fmt.Fprintf(&b, "Article %d on %s\n\n", i, topic)
		for range 8 + r.IntN(6) {
			if r.IntN(2) == 0 {
				name := first[r.IntN(len(first))] + " " + last[r.IntN(len(last))]
				fmt.Fprintf(&b, quotes[r.IntN(len(quotes))], topics[r.IntN(len(topics))], roles[r.IntN(len(roles))], name)
			} else {
				fmt.Fprintf(&b, plain[r.IntN(len(plain))], topics[r.IntN(len(topics))], 1990+r.IntN(35))
			}
			b.WriteString("\n\n")
		}
		enc.Encode(map[string]string{
			"id": fmt.Sprintf("gen-%d", i), "title": fmt.Sprintf("Article %d", i), "source": fmt.Sprintf("Outlet %d", i%7),
			"published": fmt.Sprintf("2023-%02d-%02d", 1+i%12, 1+i%28), "text": b.String(),
		})
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}
