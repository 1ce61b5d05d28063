package extract

import (
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// Undetermined is the ISO 639 code for a language that cannot be told, such
// as that of a text too short to judge.
const Undetermined = "und"

// Language detection looks at a sample of the text: a few hundred letters
// tell a language about as well as the whole article, at a fraction of the
// cost.
const (
	languageSample     = 640  // bytes of text to look at
	whatlangSample     = 320  // bytes of it that whatlanggo looks at
	languageMinLetters = 40   // fewer letters than this are too few to judge
	englishMinWords    = 12   // words needed before the English test decides
	englishMinMarkers  = 3    // marker words needed, so that one stray word cannot decide
	englishMinShare    = 0.08 // share of englishMarkers among the words
)

// englishMarkers are frequent English function words that are rare as words
// of other languages written in Latin script (so not "to", "by", "at",
// "for", "in", "is", "was", "will", "her", which Slavic, Scandinavian, Dutch or
// German use).
var englishMarkers = map[string]bool{
	"the": true, "of": true, "and": true, "that": true, "with": true, "said": true,
	"from": true, "his": true, "have": true, "has": true, "this": true, "which": true,
	"would": true, "were": true, "they": true, "their": true, "been": true, "but": true,
	"who": true, "are": true, "not": true, "she": true,
}

// iso6391 maps whatlanggo's languages to their ISO 639-1 codes, built once:
// whatlanggo rebuilds its own table on every lookup.
var iso6391 = func() map[whatlanggo.Lang]string {
	m := make(map[whatlanggo.Lang]string, len(whatlanggo.Langs))
	for l := range whatlanggo.Langs {
		if code := l.Iso6391(); code != "" {
			m[l] = code
		}
	}
	return m
}()

// Language returns the ISO 639-1 code of the language the text is written
// in, or Undetermined when the text is too short or the guess unreliable.
//
// Most articles chronicle reads are English, and whatlanggo costs about half
// a millisecond per call, so a cheap test comes first: a sample in which
// English function words are frequent is English. Everything else goes to
// whatlanggo.
func Language(s string) string {
	sample := prefix(s, languageSample)
	letters := 0
	for _, r := range sample {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < languageMinLetters {
		return Undetermined
	}
	if looksEnglish(sample) {
		return "en"
	}
	info := whatlanggo.Detect(prefix(sample, whatlangSample))
	if code, ok := iso6391[info.Lang]; ok && info.IsReliable() {
		return code
	}
	return Undetermined
}

// looksEnglish reports whether English function words make up a good share
// of the words of s, with enough words to judge.
func looksEnglish(s string) bool {
	words, markers := 0, 0
	var buf [8]byte
	for i := 0; i < len(s); {
		n := letterRun(s[i:])
		if n == 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		w := s[i : i+n]
		i += n
		words++
		if len(w) > len(buf) {
			continue
		}
		lower := buf[:len(w)]
		for k := range len(w) {
			c := w[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			lower[k] = c
		}
		if englishMarkers[string(lower)] {
			markers++
		}
	}
	return words >= englishMinWords && markers >= englishMinMarkers &&
		float64(markers) >= englishMinShare*float64(words)
}

// letterRun is the length in bytes of the run of letters that starts s.
func letterRun(s string) int {
	n := 0
	for n < len(s) {
		c := s[n]
		if c < utf8.RuneSelf {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
				break
			}
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[n:])
		if !unicode.IsLetter(r) {
			break
		}
		n += size
	}
	return n
}

// prefix cuts s to at most n bytes, on a rune boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
