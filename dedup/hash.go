// Package dedup recognises the same article published twice: exactly
// (ContentHash) or nearly (MinHash signatures of word shingles, with LSH band
// keys to find candidates without comparing every pair). It is pure: no I/O,
// no state, the same text gives the same hash and signature on every run and
// machine, so the store can keep them and compare them years later.
package dedup

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ContentHash is the identity of a text for exact duplicates: the sha256 (hex)
// of the text in Unicode NFC with every run of white space folded to one space
// and the ends trimmed. A copy that differs only in line endings, indentation,
// non-breaking spaces or composed versus decomposed accents has the same hash;
// any change of a visible character gives another.
func ContentHash(text string) string {
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	h := sha256.New()
	w := bufio.NewWriterSize(h, 4096) // to h a buffer at a time, not a write per word
	space, started := false, false
	for i := 0; i < len(text); {
		// the next run of ASCII without white space, or one other rune
		j := i
		for j < len(text) && text[j] < utf8.RuneSelf && !asciiSpace[text[j]] {
			j++
		}
		run := text[i:j]
		if j == i {
			r, size := utf8.DecodeRuneInString(text[i:])
			j = i + size
			if unicode.IsSpace(r) {
				space, i = true, j
				continue
			}
			run = text[i:j]
			if r == utf8.RuneError && size == 1 {
				// An invalid byte hashes as U+FFFD, as ranging over the
				// string did in the first version: stored hashes must not
				// change.
				run = string(utf8.RuneError)
			}
		}
		if space && started {
			w.WriteByte(' ')
		}
		space, started = false, true
		w.WriteString(run)
		i = j
	}
	w.Flush() // a hash.Hash never fails a write
	return hex.EncodeToString(h.Sum(nil))
}

// asciiSpace marks the ASCII characters unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
