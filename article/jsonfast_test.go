package article

import (
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"
)

// FuzzDecodeFlat checks that whenever the fast decoder accepts a line, it
// reads exactly what encoding/json reads.
func FuzzDecodeFlat(f *testing.F) {
	for _, s := range []string{
		`{"id": "a1", "title": "Harbour", "published": "2021-03-04", "text": "He said \"no\".\nThen left."}`,
		`{"id": 17, "text": "caf\u00e9 \ud83d\ude00 \ud800 x", "extra": [1, 2], "n": -1.5e3}`,
		`{"ID": "x", "Text": "case"}`,
		`{"text": null, "html": "<p>hi</p>", "ok": true, "no": false}`,
		`{"id": 01, "text": "x"}`,
		`{"text": "a"} trailing`,
		`{"text": "tab	inside"}`,
		`{}`, `[]`, `{"a":}`, `{"text": "\u12"}`, `{"t\u0065xt": "escaped key"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		if !utf8.Valid(line) {
			return // ParseJSONLine rejects such lines before decoding
		}
		var fast, std jsonLine
		if decodeFlat(line, &fast) != nil {
			return
		}
		if err := json.Unmarshal(line, &std); err != nil {
			t.Fatalf("fast decoder accepted what encoding/json rejects (%v): %q", err, line)
		}
		if len(fast.ID) == 0 && len(std.ID) == 0 {
			fast.ID, std.ID = nil, nil
		}
		if !reflect.DeepEqual(fast, std) {
			t.Fatalf("fast decoder read %+v, encoding/json %+v, from %q", fast, std, line)
		}
	})
}
