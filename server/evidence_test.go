package server

import (
	"testing"
)

func TestSegmentsCutAtEveryMarkEdge(t *testing.T) {
	// Code points, not bytes: "é" and "“" are one each.
	text := `Café: “We will sail on 3 May,” said Ana.`
	marks := []mark{
		{start: 7, end: 29, class: "quote", quote: "q1", id: "q1"},
		{start: 23, end: 28, class: "date", id: "t1", title: "DATE 2025-05-03"},
		{start: 31, end: 35, class: "cue"},
		{start: 36, end: 39, class: "speaker"},
		{start: 90, end: 120, class: "date"}, // stale offsets are clipped, not trusted
	}
	got := segments(text, marks)
	want := []Segment{
		{Text: "Café: “"},
		{Text: "We will sail on ", Classes: "quote", Quote: "q1", ID: "q1", Lead: true},
		{Text: "3 May", Classes: "quote date", Quote: "q1", ID: "t1", Title: "DATE 2025-05-03"},
		{Text: ",", Classes: "quote", Quote: "q1"},
		{Text: "” "},
		{Text: "said", Classes: "cue"},
		{Text: " "},
		{Text: "Ana", Classes: "speaker"},
		{Text: "."},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d segments %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("segment %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestSegmentsOfTextWithoutMarks(t *testing.T) {
	got := segments("plain", nil)
	if len(got) != 1 || got[0].Text != "plain" || got[0].Classes != "" {
		t.Errorf("got %+v", got)
	}
	if got := segments("", []mark{{start: 0, end: 3, class: "quote"}}); len(got) != 0 {
		t.Errorf("empty text: %+v", got)
	}
}
