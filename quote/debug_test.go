package quote

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugDump(t *testing.T) {
	s := os.Getenv("QDEBUG")
	if s == "" {
		t.Skip()
	}
	d := newDoc(s)
	for _, q := range d.quots {
		fmt.Printf("quot %q open=%d close=%d nested=%v\n", s[q.Content.Start:q.Content.End], q.Open, q.Close, q.Nested)
	}
	d.directFrames()
	fmt.Println("after direct", len(d.cands))
	d.reported()
	fmt.Println("after reported", len(d.cands))
	for _, c := range d.cands {
		fmt.Printf("cand %v %q\n", c.kind, s[c.content.Start:c.content.End])
	}
}
