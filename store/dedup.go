package store

// This file is the seam between the store and near-duplicate detection:
// the content hash and the MinHash signatures with their LSH band keys.

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
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
// word is hashed once; a shingle's hash mixes its words' hashes, and each of
// the sigSize hash functions is a multiply-add of it with fixed odd
// constants, keeping the top 32 bits (a universal family, cheap enough to
// run on every article).
func minhash(text string) (sig signature, ok bool) {
	var words []uint64
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		words = append(words, wordHash(w))
	}
	if len(words) < shingleN {
		return sig, false
	}
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for i := 0; i+shingleN <= len(words); i++ {
		x := uint64(shingleN)
		for _, w := range words[i : i+shingleN] {
			x = mix(x ^ w)
		}
		for j := range sig {
			if v := uint32((x*mults[j] + adds[j]) >> 32); v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig, true
}

// wordHash is FNV-1a over the lower-cased word.
func wordHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range w {
		r = unicode.ToLower(r)
		for r > 0 {
			h ^= uint64(r & 0xff)
			h *= 1099511628211
			r >>= 8
		}
	}
	return h
}

// mults and adds are fixed, so that signatures stored by one run compare
// with the next.
var mults, adds = func() (m, a [sigSize]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	for i := range m {
		x = mix(x + uint64(i))
		m[i] = x | 1
		x = mix(x)
		a[i] = x
	}
	return m, a
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
