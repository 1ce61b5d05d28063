// Package dedup recognises the same article published twice: exactly
// (ContentHash) or nearly (MinHash signatures of word shingles, with LSH band
// keys to find candidates without comparing every pair). It is pure: no I/O,
// no state, the same text gives the same hash and signature on every run and
// machine, so the store can keep them and compare them years later.
package dedup

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ContentHash is the identity of a text for exact duplicates: the sha256 (hex)
// of the text in Unicode NFC with every run of white space folded to one space
// and the ends trimmed. A copy that differs only in line endings, indentation,
// non-breaking spaces or composed versus decomposed accents has the same hash;
// any change of a visible character gives another.
func ContentHash(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for _, r := range norm.NFC.String(text) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}
