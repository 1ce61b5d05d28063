package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// polnearTexts loads the PolNeAR article texts from ../shared when present.
func polnearTexts(b *testing.B) []string {
	f, err := os.Open("../../shared/data/polnear/dev.input.jsonl")
	if err != nil {
		b.Skip("PolNeAR data not present:", err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var v struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &v) == nil {
			texts = append(texts, v.Text)
		}
	}
	return texts
}

func BenchmarkLanguage(b *testing.B) {
	texts := polnearTexts(b)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		Language(texts[i%len(texts)])
	}
}
