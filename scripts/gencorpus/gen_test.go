package main

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"chronicle/dedup"
)

// testBases are two short articles of our own, with the source corpus's
// politicians in them, and filler articles so the pool has variety.
func testBases() []Base {
	bases := []Base{
		{Title: "Clinton and Trump trade blows over trade", Paras: []string{
			`Hillary Clinton said on Monday that Donald Trump "has no plan for the factories he keeps talking about," as the two candidates toured the same state a day apart.`,
			`Trump answered within hours. "She has been in Washington for thirty years and the factories left anyway," he told a rally in a half-empty arena.`,
			`Clinton's campaign released a list of economists who back her proposal, including two who advised Bill Clinton in the 1990s.`,
			`The Trump campaign said the list proved its point. A spokesman called the economists "the same people who wrote the deals."`,
			`Bernie Sanders, who endorsed Clinton last month, is due to campaign with her on Thursday in three college towns.`,
			`Polls show the race tightening in the state, with Clinton ahead by two points among likely voters.`,
		}},
		{Title: "Cruz and Rubio clash on immigration", Paras: []string{
			`Ted Cruz accused Marco Rubio of "amnesty by another name" during a tense exchange at the debate on Saturday night.`,
			`Rubio said Cruz had supported the same measures until they became unpopular. "Ted, you were for it before you were against it," he said.`,
			`Jeb Bush tried to intervene, telling both men that voters wanted solutions rather than insults.`,
			`Moderators moved on to foreign policy after several minutes, but the exchange dominated coverage the next morning.`,
			`Cruz's campaign said it raised more money in the hour after the debate than in any hour before.`,
			`Rubio's aides said their candidate had won the night and pointed to a rise in volunteer sign-ups.`,
		}},
	}
	// Filler articles of made-up words fill the paragraph pool, as the
	// thousands of other articles of a real source corpus do.
	rng := rand.New(rand.NewPCG(9, 9))
	syllables := []string{"ka", "lo", "mi", "ren", "tos", "va", "quel", "dor", "sin", "pa", "ju", "ber"}
	for i := range 150 {
		var ps []string
		for range 6 {
			var ws []string
			for range 25 {
				ws = append(ws, syllables[rng.IntN(len(syllables))]+syllables[rng.IntN(len(syllables))])
			}
			ps = append(ps, strings.Join(ws, " ")+".")
		}
		bases = append(bases, Base{Title: fmt.Sprintf("Filler story %d", i), Paras: ps})
	}
	return bases
}

func TestDeterministic(t *testing.T) {
	a, b := New(testBases(), 7), New(testBases(), 7)
	for _, i := range []int{0, 1, 50, 999} {
		if !reflect.DeepEqual(a.Article(i), b.Article(i)) {
			t.Errorf("article %d differs between two generators with the same seed", i)
		}
	}
	if reflect.DeepEqual(New(testBases(), 8).Article(3), a.Article(3)) {
		t.Error("another seed gives the same article")
	}
}

func TestCopiesAreNotNearDuplicates(t *testing.T) {
	g := New(testBases(), 1)
	g.Dups = 0
	var sigs []dedup.Signature
	var arts []Article
	for i := range 1000 {
		a := g.Article(i)
		if !strings.HasPrefix(a.Text, a.Title+"\n\n") || a.ID != fmt.Sprintf("gen1-%08d", i) || a.Source == "" || !strings.HasPrefix(a.URL, "https://www.") {
			t.Fatalf("article %d is malformed: %+v", i, a)
		}
		if a.Published != nil && (*a.Published < "2015-01-01" || *a.Published > "2024-12-31") {
			t.Errorf("article %d published %s, outside 2015-2024", i, *a.Published)
		}
		for _, name := range []string{"Clinton", "Trump", "Cruz", "Rubio", "Hillary", "Sanders", "Bush"} {
			if strings.Contains(a.Text, name) {
				t.Errorf("article %d still names %s", i, name)
			}
		}
		sigs, arts = append(sigs, dedup.Sign(a.Text)), append(arts, a)
	}
	near := 0
	for i := range sigs {
		for j := range i {
			if sigs[i].Similarity(sigs[j]) >= dedup.Threshold {
				near++
				if near < 3 {
					t.Errorf("articles %d and %d are near duplicates:\n%s\n---\n%s", j, i, arts[j].Text, arts[i].Text)
				}
			}
		}
	}
	if near > 0 {
		t.Errorf("%d near-duplicate pairs among 1000 copies of 152 articles", near)
	}
}

func TestRenamingIsConsistent(t *testing.T) {
	g := New(testBases(), 3)
	for seed := range uint64(20) {
		r := renamer{g: g, rng: rand.New(rand.NewPCG(seed, 0)), to: map[string]string{}, used: map[string]bool{}}
		got := strings.Fields(r.rename("Hillary Clinton met Bill Clinton ; Clinton's aides , Trump and Billings ."))
		// 0 Hillary 1 Clinton 2 met 3 Bill 4 Clinton 5 ; 6 Clinton's 7 aides 8 , 9 Trump 10 and 11 Billings
		if got[1] != got[4] || got[6] != got[1]+"'s" {
			t.Errorf("seed %d: Clinton became %q, %q and %q", seed, got[1], got[4], got[6])
		}
		if got[0] == got[3] || got[1] == got[9] || got[0] == "Hillary" || got[9] == "Trump" {
			t.Errorf("seed %d: two people share a new name, or a name was kept: %q", seed, got)
		}
		if got[2] != "met" || got[7] != "aides" || got[11] != "Billings" {
			t.Errorf("seed %d: words that are no known names changed: %q", seed, got)
		}
	}
}

func TestRepublicationsAreNearDuplicates(t *testing.T) {
	g := New(testBases(), 5)
	g.Dups = 0.3
	found := 0
	for i := range 200 {
		a := g.Article(i)
		if !strings.Contains(a.Title, ": ") {
			continue
		}
		found++
		best := 0.0
		for j := range i {
			b := g.Article(j)
			best = max(best, dedup.Sign(b.Text).Similarity(dedup.Sign(a.Text)))
		}
		if best < dedup.Threshold {
			t.Errorf("republication %d (%q) has no near duplicate before it (best %.2f)", i, a.Title, best)
		}
	}
	if found < 30 {
		t.Errorf("only %d republications in 200 articles at Dups 0.3", found)
	}
}
