package text

import (
	"testing"
	"unicode/utf8"
)

func TestRuneOffsets(t *testing.T) {
	for _, s := range []string{
		"",
		"plain ascii",
		"the country’s president said “yes” – twice",
		"Ağdam, Şuşa and Gəncə: 日本語 and 🙂 emoji",
		"bad \xff byte and \xe2\x80 truncated",
	} {
		d := NewDoc(s)
		// Walk the string the way a reader counting code points would.
		r := 0
		for b := 0; b < len(s); {
			if got := d.Rune(b); got != r {
				t.Fatalf("%q: Rune(%d) = %d, want %d", s, b, got, r)
			}
			if got := d.Byte(r); got != b {
				t.Fatalf("%q: Byte(%d) = %d, want %d", s, r, got, b)
			}
			_, n := utf8.DecodeRuneInString(s[b:])
			for k := 1; k < n; k++ { // inside a rune: snap to its start
				if got := d.Rune(b + k); got != r {
					t.Fatalf("%q: Rune(%d) inside rune = %d, want %d", s, b+k, got, r)
				}
			}
			b += n
			r++
		}
		if got := d.Rune(len(s)); got != r {
			t.Fatalf("%q: Rune(end) = %d, want %d", s, got, r)
		}
		if got := d.Byte(r); got != len(s) {
			t.Fatalf("%q: Byte(end) = %d, want %d", s, got, len(s))
		}
	}
}

func FuzzRuneOffsets(f *testing.F) {
	f.Add("the country’s president said “yes”")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		d := NewDoc(s)
		r := 0
		for b := 0; b < len(s); {
			if d.Rune(b) != r || d.Byte(r) != b {
				t.Fatalf("offset mismatch at byte %d rune %d", b, r)
			}
			_, n := utf8.DecodeRuneInString(s[b:])
			b += n
			r++
		}
	})
}
