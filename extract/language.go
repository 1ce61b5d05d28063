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
// tell a language as well as the whole article, at a fraction of the cost.
const (
	languageSample     = 1024 // bytes of text to look at
	languageMinLetters = 40   // fewer letters than this are too few to judge
)

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
func Language(s string) string {
	sample := s
	if len(s) > languageSample {
		end := languageSample
		for end > 0 && !utf8.RuneStart(s[end]) {
			end-- // cut on a rune boundary
		}
		sample = s[:end]
	}
	letters := 0
	for _, r := range sample {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < languageMinLetters {
		return Undetermined
	}
	info := whatlanggo.Detect(sample)
	if code, ok := iso6391[info.Lang]; ok && info.IsReliable() {
		return code
	}
	return Undetermined
}
