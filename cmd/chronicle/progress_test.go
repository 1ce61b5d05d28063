package main

import (
	"strings"
	"testing"
	"time"

	"chronicle/article"
)

// The status line shows the items and their rate; once the work after the
// last item has a step, how long the items took, at what rate, and the
// step with its time so far, in place of an ETA that would stand at 0s.
func TestProgressLine(t *testing.T) {
	p := &progress{r: &article.Reader{}, start: time.Now().Add(-20 * time.Second)}
	for range 400 {
		p.add(false)
	}
	p.add(true)
	if got, want := p.line(), "401 done, 20/s, 1 failed"; got != want {
		t.Errorf("line = %q, want %q", got, want)
	}
	p.setStep("merging speakers")
	p.stepStart = p.stepStart.Add(-3 * time.Second)
	if got, want := p.line(), "401 done in 20s, 20/s, 1 failed; merging speakers, 3s"; got != want {
		t.Errorf("line = %q, want %q", got, want)
	}
	// A later step keeps the items' time.
	p.setStep("building index quotes_fkey (1 of 5)")
	if got := p.line(); !strings.HasPrefix(got, "401 done in 20s, 20/s, 1 failed; building index quotes_fkey (1 of 5), 0s") {
		t.Errorf("line after a second step = %q", got)
	}
}
