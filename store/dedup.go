package store

// This file is the seam between the store and near-duplicate detection:
// the content hash and the MinHash signatures with their LSH band keys.

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/fnv"
	"strings"
	"unicode"
)

// nearDuplicate is the estimated Jaccard similarity of word shingles above
// which an article is a copy of an earlier one (a wire story republished
// under a new headline, with a changed byline or a trimmed paragraph).
const nearDuplicate = 0.8

const (
	sigSize  = 64 // hashes per signature
	bands    = 16 // LSH bands of sigSize/bands rows each
	shingleN = 4  // words per shingle
)

// contentHash identifies an article by its text alone: the same text read
// twice, from any input, is one article.
func contentHash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

type signature [sigSize]uint32

// minhash computes the MinHash signature of the text's word shingles. Each
// of the sigSize hash functions is the shingle's FNV hash remixed with its
// own seed; the signature keeps each function's minimum.
func minhash(text string) (sig signature, ok bool) {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) < shingleN {
		return sig, false
	}
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for i := 0; i+shingleN <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+shingleN] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for j := range sig {
			if v := uint32(mix(x ^ seeds[j])); v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig, true
}

// seeds are fixed, so that signatures stored by one run compare with the next.
var seeds = func() (s [sigSize]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x = mix(x + uint64(i))
		s[i] = x
	}
	return s
}()

// mix is the splitmix64 finaliser: a cheap, well-spread 64-bit hash.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// bandKeys hashes each band of the signature with its band number, so that
// two articles share a key only when a whole band agrees.
func bandKeys(sig signature) []int64 {
	rows := sigSize / bands
	keys := make([]int64, bands)
	for b := range bands {
		x := uint64(b) + 1
		for _, v := range sig[b*rows : (b+1)*rows] {
			x = mix(x ^ uint64(v))
		}
		keys[b] = int64(x)
	}
	return keys
}

// similarity estimates the Jaccard similarity of two shingle sets.
func similarity(a, b signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / sigSize
}

func (s signature) bytes() []byte {
	b := make([]byte, 4*sigSize)
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

func signatureFrom(b []byte) (s signature, ok bool) {
	if len(b) != 4*sigSize {
		return s, false
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s, true
}
