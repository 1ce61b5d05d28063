package timex

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// Every word a rule compares a token with must be in the lexicon: tokens
// carry a lower-case form only for lexicon words, so a missing one would
// silently never match.
func TestRuleWordsInLexicon(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`tg\.is\([^)]*\)`)
	lit := regexp.MustCompile(`"([a-z]+)"`)
	for _, f := range files {
		if filepath.Ext(f) != ".go" || len(f) > 8 && f[len(f)-8:] == "_test.go" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range call.FindAll(src, -1) {
			for _, m := range lit.FindAllSubmatch(c, -1) {
				if _, ok := lexicon[string(m[1])]; !ok {
					t.Errorf("%s: rule word %q is not in the lexicon", f, m[1])
				}
			}
		}
	}
}
