package store

import (
	"encoding/json"
	"fmt"

	"chronicle/extract"
)

// An article's timexes and entities are stored as JSON without the text of
// their mentions, which the offsets recover from the article text: this
// halves the size of an article row.

type storedTimex struct {
	Span  [2]int `json:"s"`
	Type  string `json:"t"`
	Value string `json:"v"`
}

type storedEntity struct {
	Name  string   `json:"n"`
	Type  string   `json:"t"`
	Roles []string `json:"r,omitempty"`
	Spans [][2]int `json:"m"`
}

func encodeTimexes(ts []extract.Timex) ([]byte, error) {
	out := make([]storedTimex, len(ts))
	for i, t := range ts {
		out[i] = storedTimex{[2]int{t.Start, t.End}, t.Type, t.Value}
	}
	return json.Marshal(out)
}

func encodeEntities(es []extract.Entity) ([]byte, error) {
	out := make([]storedEntity, len(es))
	for i, e := range es {
		out[i] = storedEntity{Name: e.Name, Type: e.Type, Roles: e.Roles, Spans: make([][2]int, len(e.Mentions))}
		for j, m := range e.Mentions {
			out[i].Spans[j] = [2]int{m.Start, m.End}
		}
	}
	return json.Marshal(out)
}

// runeSlice is text[start:end] in code points, empty when out of range.
func runeSlice(runes []rune, start, end int) string {
	if start < 0 || end > len(runes) || start > end {
		return ""
	}
	return string(runes[start:end])
}

func decodeTimexes(b []byte, runes []rune) ([]extract.Timex, error) {
	var st []storedTimex
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, fmt.Errorf("timexes: %w", err)
	}
	out := make([]extract.Timex, len(st))
	for i, t := range st {
		out[i] = extract.Timex{Text: runeSlice(runes, t.Span[0], t.Span[1]), Start: t.Span[0], End: t.Span[1], Type: t.Type, Value: t.Value}
	}
	return out, nil
}

func decodeEntities(b []byte, runes []rune) ([]extract.Entity, error) {
	var st []storedEntity
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	out := make([]extract.Entity, len(st))
	for i, e := range st {
		roles := e.Roles
		if roles == nil {
			roles = []string{}
		}
		out[i] = extract.Entity{Name: e.Name, Type: e.Type, Roles: roles, Mentions: make([]extract.Mention, len(e.Spans))}
		for j, sp := range e.Spans {
			out[i].Mentions[j] = extract.Mention{Text: runeSlice(runes, sp[0], sp[1]), Start: sp[0], End: sp[1]}
		}
	}
	return out, nil
}
