package dedup

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Near duplicates are found with MinHash over word shingles and
// locality-sensitive hashing (LSH) over the signatures.
//
// A text's shingles are its runs of ShingleWords consecutive words, case-folded;
// punctuation and white space only separate words, so "Clinton’s" and
// "Clinton's" are the same two words. Two texts' similarity is the Jaccard
// index of their shingle sets, which falls faster than the share of text they
// have in common: a copy with a fraction f of its words changed scores about
// (1-f)/(1+f), so one paragraph in eight rewritten is about 0.78.
//
// A Signature keeps, for each of Hashes fixed hash functions, the smallest
// hash of any shingle; the share of equal positions in two signatures
// estimates their Jaccard index (standard error sqrt(J(1-J)/Hashes), 0.04 at
// J = 0.7).
//
// Bands cuts a signature into Bands bands of Rows rows and hashes each band:
// two texts share at least one band key with probability 1-(1-J^Rows)^Bands.
// With 20 bands of 6 rows that S-curve turns at (1/20)^(1/6) ≈ 0.61 and gives
//
//	J:          0.1    0.3    0.5    0.6    0.7    0.75   0.8    0.9
//	candidate:  0.000  0.014  0.27   0.62   0.92   0.98   0.998  1.000
//
// Candidates are confirmed with Similarity >= Threshold (0.65). A copy under
// a new headline with one paragraph in eight rewritten is at about 0.77, a
// copy with a quarter of it changed at 0.6; different articles about the
// same event share names and facts but rarely five words in a row, and sit
// under 0.1. So the curve catches everything from 0.75 up (98-100%), and the
// threshold sits three standard errors below the one-paragraph edit, so that
// the estimate's error does not lose such copies. More rows per band would
// miss copies with an edited paragraph; fewer would make stock phrases and
// templates candidates.
const (
	ShingleWords = 5
	Bands        = 20
	Rows         = 6
	Hashes       = Bands * Rows
	// Threshold is the estimated Jaccard similarity from which two texts are
	// near duplicates.
	Threshold = 0.65
)

// Signature is the MinHash signature of a text: Hashes values, or none when
// the text has fewer than ShingleWords words (too short to tell a copy from
// a coincidence; ContentHash still catches exact copies of it).
type Signature []uint32

// seeds of the hash functions: h_i(x) = high 32 bits of a_i*x + b_i
// (multiply-shift hashing) applied to a well-mixed 64-bit shingle hash.
// They are fixed forever: stored signatures are only comparable with
// signatures made by the same functions (see signatureVersion).
var seedA, seedB = func() (a, b [Hashes]uint64) {
	s := uint64(0x6368726f6e69636c) // "chronicl"
	for i := range a {
		s, a[i] = splitmix(s)
		a[i] |= 1 // odd multipliers keep a_i*x a bijection
		s, b[i] = splitmix(s)
	}
	return a, b
}()

// splitmix advances a SplitMix64 state and returns the next state and output.
func splitmix(s uint64) (uint64, uint64) {
	s += 0x9e3779b97f4a7c15
	return s, mix(s)
}

// mix is the SplitMix64 finaliser: every input bit affects every output bit.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Sign computes the signature of text. It allocates only the signature.
func Sign(text string) Signature {
	var mins [Hashes]uint32
	for i := range mins {
		mins[i] = ^uint32(0)
	}
	var ring [ShingleWords]uint64 // hashes of the last words, ring[n%ShingleWords] newest
	var batch [512]uint64         // shingle hashes waiting for addShingles
	nb := 0
	n := 0                 // words seen
	w := uint64(fnvOffset) // hash of the word being read
	inWord := false
	for i := 0; i <= len(text); {
		r, size := rune(' '), 1 // a space after the text ends the last word
		if i < len(text) {
			r = rune(text[i])
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
		}
		i += size
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)):
			r = unicode.ToLower(r)
		default:
			if !inWord {
				continue
			}
			ring[n%ShingleWords] = mix(w)
			n++
			w, inWord = fnvOffset, false
			if n < ShingleWords {
				continue
			}
			batch[nb] = shingle(&ring, n)
			if nb++; nb == len(batch) {
				addShingles(&mins, batch[:])
				nb = 0
			}
			continue
		}
		w = (w ^ uint64(r)) * fnvPrime
		inWord = true
	}
	if n < ShingleWords {
		return nil
	}
	addShingles(&mins, batch[:nb])
	return Signature(mins[:])
}

// shingle hashes the ShingleWords words ending with the n-th, in order.
func shingle(ring *[ShingleWords]uint64, n int) uint64 {
	h := uint64(fnvOffset)
	for j := n; j < n+ShingleWords; j++ {
		h = (h ^ ring[j%ShingleWords]) * fnvPrime
	}
	return mix(h)
}

// addShingles lowers each minimum to the smallest hash of the shingles. One
// hash function at a time over all shingles keeps the loop in registers.
func addShingles(mins *[Hashes]uint32, xs []uint64) {
	for i := range mins {
		a, b := seedA[i], seedB[i]
		// four running minima break the dependency chain of one
		m0, m1, m2, m3 := mins[i], mins[i], mins[i], mins[i]
		j := 0
		for ; j+4 <= len(xs); j += 4 {
			m0 = min(m0, uint32((a*xs[j]+b)>>32))
			m1 = min(m1, uint32((a*xs[j+1]+b)>>32))
			m2 = min(m2, uint32((a*xs[j+2]+b)>>32))
			m3 = min(m3, uint32((a*xs[j+3]+b)>>32))
		}
		for ; j < len(xs); j++ {
			m0 = min(m0, uint32((a*xs[j]+b)>>32))
		}
		mins[i] = min(m0, m1, m2, m3)
	}
}

// Similarity estimates the Jaccard similarity of the two texts' shingle
// sets, from 0 to 1. It is 0 when either signature is empty: short texts
// are never near duplicates of anything.
func (s Signature) Similarity(t Signature) float64 {
	if len(s) != Hashes || len(t) != Hashes {
		return 0
	}
	same := 0
	for i := range s {
		if s[i] == t[i] {
			same++
		}
	}
	return float64(same) / Hashes
}

// Bands returns the signature's Bands LSH keys, band i at index i. Two texts
// are near-duplicate candidates when they have the same key at the same
// index; the index is mixed into the key, so keys of all bands can share one
// column (store it as int64(key): the bits are what matter). An empty
// signature has no keys.
func (s Signature) Bands() []uint64 {
	if len(s) != Hashes {
		return nil
	}
	keys := make([]uint64, Bands)
	for b := range keys {
		h := uint64(fnvOffset) ^ uint64(b+1)*0x9e3779b97f4a7c15
		for _, v := range s[b*Rows : (b+1)*Rows] {
			h = (h ^ uint64(v)) * fnvPrime
		}
		keys[b] = mix(h)
	}
	return keys
}

// signatureVersion is the first byte of a marshalled signature; it changes
// whenever the shingles, hash functions or sizes above change, so that old
// stored signatures are recognised instead of silently compared.
const signatureVersion = 1

// ErrVersion means a stored signature was made by another version of this
// package and has to be recomputed from its text.
var ErrVersion = errors.New("dedup: signature from another version")

// Marshal encodes the signature compactly for storage: one version byte,
// then Hashes little-endian uint32 values (481 bytes), or the version byte
// alone for an empty signature.
func (s Signature) Marshal() []byte {
	if len(s) != Hashes {
		return []byte{signatureVersion}
	}
	b := make([]byte, 1, 1+4*Hashes)
	b[0] = signatureVersion
	for _, v := range s {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b
}

// Unmarshal decodes what Marshal produced. It returns an error wrapping
// ErrVersion for a signature of another version, and an error for anything
// that is not a signature.
func Unmarshal(b []byte) (Signature, error) {
	if len(b) == 0 {
		return nil, errors.New("dedup: empty signature data")
	}
	if b[0] != signatureVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrVersion, b[0], signatureVersion)
	}
	switch len(b) {
	case 1:
		return nil, nil
	case 1 + 4*Hashes:
	default:
		return nil, fmt.Errorf("dedup: signature data of %d bytes, want 1 or %d", len(b), 1+4*Hashes)
	}
	s := make(Signature, Hashes)
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[1+4*i:])
	}
	return s, nil
}
