package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// benchTexts loads article texts and reference dates from the shared data
// (MEANTIME, TBAQ, PolNeAR dev); the benchmark skips when it is absent.
func benchTexts(b *testing.B, files ...string) ([]string, []Ref, int) {
	b.Helper()
	var texts []string
	var refs []Ref
	size := 0
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			b.Skipf("shared data not available: %v", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var a struct {
				Text      string `json:"text"`
				Published string `json:"published"`
			}
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				b.Fatalf("%s: %v", name, err)
			}
			r, _ := ParseRef(a.Published)
			texts, refs = append(texts, a.Text), append(refs, r)
			size += len(a.Text)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			b.Fatalf("%s: %v", name, err)
		}
	}
	return texts, refs, size
}

func benchTag(b *testing.B, files ...string) {
	texts, refs, size := benchTexts(b, files...)
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(texts)
		Tag(texts[k], refs[k])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkTagPolNeAR tags the PolNeAR dev articles (about 4.5 KB each), the
// size extraction's throughput target is set for.
func BenchmarkTagPolNeAR(b *testing.B) {
	benchTag(b, "../../shared/data/polnear/dev.input.jsonl")
}

// BenchmarkTagMEANTIME and BenchmarkTagTBAQ tag the evaluation articles
// (scripts/timex-compare sets chrono-node's speed beside these).
func BenchmarkTagMEANTIME(b *testing.B) {
	benchTag(b, "../../shared/data/timex/meantime.jsonl")
}

func BenchmarkTagTBAQ(b *testing.B) {
	benchTag(b, "../../shared/data/timex/tbaq.jsonl")
}
