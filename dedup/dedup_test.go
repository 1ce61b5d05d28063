package dedup

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func read(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestContentHash(t *testing.T) {
	base := "Aliyev said: \"No.\""
	sum := sha256.Sum256([]byte(base))
	if got, want := ContentHash(base), hex.EncodeToString(sum[:]); got != want {
		t.Fatalf("ContentHash(%q) = %s, want the plain sha256 %s", base, got, want)
	}
	same := []string{
		"  Aliyev said:\n\"No.\"\n",
		"Aliyev\u00a0said:\r\n\t\"No.\"",
		"Aliyev   said:  \"No.\"   ",
	}
	for _, s := range same {
		if ContentHash(s) != ContentHash(base) {
			t.Errorf("ContentHash(%q) differs from ContentHash(%q): only white space changed", s, base)
		}
	}
	// Composed and decomposed accents are the same text.
	if ContentHash("Erdo\u011fan said") != ContentHash("Erdog\u0306an said") {
		t.Error("NFC and NFD forms of the same name hash differently")
	}
	different := []string{"Aliyev said: \"No\"", "aliyev said: \"No.\"", "Aliyev said: “No.”", "Aliyevsaid: \"No.\""}
	for _, s := range different {
		if ContentHash(s) == ContentHash(base) {
			t.Errorf("ContentHash(%q) equals ContentHash(%q) though a visible character changed", s, base)
		}
	}
}

// republish makes the kind of copy a syndicating site publishes: a new
// headline, another dateline, one paragraph rewritten, typographic quotes
// and Windows line endings.
func republish(wire string) string {
	paras := strings.Split(wire, "\n\n")
	paras[0] = "Four-nation deal on Sava Verde water ends long dispute"
	paras[1] = strings.Replace(paras[1], "VALMORA, March 14 (Northline) - ", "(Northline) ", 1)
	paras[5] = "The commission will also pay for an outside expert to check the reservoir's depth every other year. Any of the four governments may call the commission together at short notice when the border gauges show low water for more than ten days."
	s := strings.Join(paras, "\r\n\r\n")
	return strings.ReplaceAll(s, "\"", "\u201d")
}

// jaccard computes the exact Jaccard index of two texts' shingle sets, the
// quantity a signature estimates, written independently of Sign.
func jaccard(a, b string) float64 {
	set := func(s string) map[string]bool {
		words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
		})
		m := map[string]bool{}
		for i := 0; i+ShingleWords <= len(words); i++ {
			m[strings.Join(words[i:i+ShingleWords], " ")] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	both := 0
	for k := range sa {
		if sb[k] {
			both++
		}
	}
	return float64(both) / float64(len(sa)+len(sb)-both)
}

func shareBand(a, b Signature) bool {
	ka, kb := a.Bands(), b.Bands()
	for i := range ka {
		if ka[i] == kb[i] {
			return true
		}
	}
	return false
}

func TestRepublicationIsFound(t *testing.T) {
	wire := read(t, "wire.txt")
	copy := republish(wire)
	j := jaccard(wire, copy)
	if j < 0.75 || j > 0.8 {
		t.Fatalf("fixture: exact Jaccard of the copy is %.3f; the test wants a copy with one paragraph rewritten", j)
	}
	a, b := Sign(wire), Sign(copy)
	sim := a.Similarity(b)
	t.Logf("republication: Similarity %.3f, exact Jaccard %.3f", sim, j)
	if sim < Threshold {
		t.Errorf("Similarity = %.3f (exact Jaccard %.3f), want >= %.2f", sim, j, Threshold)
	}
	if d := sim - j; d < -0.12 || d > 0.12 {
		t.Errorf("Similarity = %.3f is far from the exact Jaccard %.3f", sim, j)
	}
	if !shareBand(a, b) {
		t.Error("the copy shares no LSH band key with the original: the store would never compare them")
	}
}

func TestSameEventIsNotADuplicate(t *testing.T) {
	wire, report := read(t, "wire.txt"), read(t, "report.txt")
	a, b := Sign(wire), Sign(report)
	t.Logf("same event: Similarity %.3f, exact Jaccard %.3f", a.Similarity(b), jaccard(wire, report))
	if sim := a.Similarity(b); sim >= 0.2 {
		t.Errorf("two articles about the same event: Similarity = %.3f (exact Jaccard %.3f), want < 0.2", sim, jaccard(wire, report))
	}
	if shareBand(a, b) {
		t.Error("two different articles share an LSH band key")
	}
}

func TestPunctuationAndCaseDoNotMatter(t *testing.T) {
	a := Sign("Clinton's team said the NEW figures were “checked twice,” and shared.")
	b := Sign("clinton’s   team said -- the new figures were \"checked twice\" and shared")
	if a.Similarity(b) != 1 {
		t.Errorf("Similarity = %.3f, want 1: only case, punctuation and spacing differ", a.Similarity(b))
	}
}

func TestShortTexts(t *testing.T) {
	for _, s := range []string{"", "   ", "No comment.", "four words only here", "!!! ... ---"} {
		sig := Sign(s)
		if sig != nil {
			t.Errorf("Sign(%q) = %d values, want none: too short to judge", s, len(sig))
		}
		if sig.Bands() != nil {
			t.Errorf("Sign(%q).Bands() is not empty", s)
		}
		if sim := sig.Similarity(sig); sim != 0 {
			t.Errorf("Sign(%q).Similarity(itself) = %v, want 0", s, sim)
		}
	}
	five := Sign("The minister declined to comment.")
	if len(five) != Hashes {
		t.Fatalf("a five-word text has %d values, want %d", len(five), Hashes)
	}
	if five.Similarity(five) != 1 || len(five.Bands()) != Bands {
		t.Error("a five-word text is not identical to itself")
	}
	if sim := five.Similarity(Sign("The minister declined to speak.")); sim != 0 {
		// one shingle each, different: the Jaccard index is 0 exactly
		t.Errorf("two different one-shingle texts: Similarity = %v, want 0", sim)
	}
}

// naiveSign is the definition of Sign written the slow, obvious way, to
// check the fast one.
func naiveSign(s string) Signature {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
	if len(words) < ShingleWords {
		return nil
	}
	hashes := make([]uint64, len(words))
	for i, w := range words {
		h := uint64(fnvOffset)
		for _, r := range w {
			h = (h ^ uint64(unicode.ToLower(r))) * fnvPrime
		}
		hashes[i] = mix(h)
	}
	sig := make(Signature, Hashes)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for i := 0; i+ShingleWords <= len(words); i++ {
		h := uint64(fnvOffset)
		for _, w := range hashes[i : i+ShingleWords] {
			h = (h ^ w) * fnvPrime
		}
		x := mix(h)
		for k := range sig {
			v := uint32((seedA[k]*x + seedB[k]) >> 32)
			sig[k] = min(sig[k], v)
		}
	}
	return sig
}

func TestSignMatchesDefinition(t *testing.T) {
	for _, s := range []string{read(t, "wire.txt"), read(t, "report.txt"), "Ünal Çelik said İstanbul's ÉCOLE and Ωmega 2019 rules held."} {
		got, want := Sign(s), naiveSign(s)
		if !slicesEqual(got, want) {
			t.Errorf("Sign differs from its definition on %.40q", s)
		}
	}
}

func slicesEqual(a, b Signature) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestStoredSignaturesStayValid pins the hash functions. Stored signatures
// are compared with new ones for years; if this fails, the shingles or hash
// functions changed: bump signatureVersion and update the pin.
func TestStoredSignaturesStayValid(t *testing.T) {
	sum := sha256.Sum256(Sign(read(t, "wire.txt")).Marshal())
	const pinned = "846f3154294d3380a1dcca8a51fbfa158a35f6ade0b5f93cdea728780efa1bf6"
	if got := hex.EncodeToString(sum[:]); got != pinned {
		t.Errorf("sha256 of the wire fixture's signature = %s, pinned %s", got, pinned)
	}
}

func TestMarshal(t *testing.T) {
	sig := Sign(read(t, "wire.txt"))
	b := sig.Marshal()
	if len(b) != 1+4*Hashes {
		t.Errorf("Marshal gives %d bytes, want %d", len(b), 1+4*Hashes)
	}
	back, err := Unmarshal(b)
	if err != nil || !slicesEqual(back, sig) {
		t.Fatalf("Unmarshal(Marshal(sig)) = %v, %v: not the signature", back[:3], err)
	}
	empty, err := Unmarshal(Sign("too short").Marshal())
	if err != nil || empty != nil {
		t.Errorf("empty signature round trip = %v, %v", empty, err)
	}
	for _, bad := range [][]byte{nil, {}, b[:len(b)-1], append(bytes.Clone(b), 0)} {
		if _, err := Unmarshal(bad); err == nil {
			t.Errorf("Unmarshal of %d bytes: no error", len(bad))
		}
	}
	old := bytes.Clone(b)
	old[0] = 0
	if _, err := Unmarshal(old); !errors.Is(err, ErrVersion) {
		t.Errorf("Unmarshal of another version: %v, want ErrVersion", err)
	}
}

func FuzzUnmarshal(f *testing.F) {
	f.Add(Sign("the minister declined to comment on the deal").Marshal())
	f.Add([]byte{signatureVersion})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		sig, err := Unmarshal(b)
		if err != nil {
			return
		}
		if !bytes.Equal(sig.Marshal(), b) {
			t.Errorf("accepted %d bytes that do not round-trip", len(b))
		}
	})
}

func FuzzSign(f *testing.F) {
	f.Add("Aliyev said: \"No.\" and left the hall at noon")
	f.Add("\xff\xfe broken \x00 utf8 words here and there")
	f.Fuzz(func(t *testing.T, s string) {
		sig := Sign(s)
		if sig != nil && len(sig) != Hashes {
			t.Fatalf("Sign gave %d values", len(sig))
		}
		if sig != nil && sig.Similarity(Sign(strings.ToUpper(s))) != 1 && strings.ToLower(strings.ToUpper(s)) == strings.ToLower(s) {
			t.Errorf("case changed the signature of %q", s)
		}
	})
}

func BenchmarkSign(b *testing.B) {
	s := strings.Repeat(read(b, "wire.txt")+"\n\n"+read(b, "report.txt")+"\n\n", 2)[:5000]
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Sign(s)
	}
}

// contentHashV1 is ContentHash as first written (NFC, then white space
// folded into a string, then hashed): the hashes stored in databases must
// not change.
func contentHashV1(text string) string {
	var b strings.Builder
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

func TestContentHashUnchanged(t *testing.T) {
	long := strings.Repeat("Der Bürgermeister sagte:\u00a0«Wir warten nicht.»\r\n\t", 300)
	for _, s := range []string{"", " ", "\n\n", "plain ascii text", "  lead and trail  ", "a\u0085b\u00a0c\u2003d",
		"Erdog\u0306an said", "bad \xff byte", "\xffstart", "end\xc3", "tab\there", long, long + "\xfe" + long,
		read(t, "wire.txt"), read(t, "report.txt")} {
		if got, want := ContentHash(s), contentHashV1(s); got != want {
			t.Errorf("ContentHash(%.40q) = %s, first version %s", s, got, want)
		}
	}
}

func BenchmarkContentHash(b *testing.B) {
	s := strings.Repeat(read(b, "wire.txt")+"\n\n"+read(b, "report.txt")+"\n\n", 2)[:5000]
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		ContentHash(s)
	}
}

func BenchmarkContentHashV1(b *testing.B) {
	s := strings.Repeat(read(b, "wire.txt")+"\n\n"+read(b, "report.txt")+"\n\n", 2)[:5000]
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		contentHashV1(s)
	}
}
