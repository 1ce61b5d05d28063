package article

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// errNotFast sends a line to encoding/json: the fast decoder below handles
// only the common shape of a JSONL article (a flat object of strings, with
// numbers, booleans and nulls), and leaves everything else, including every
// error message, to the standard decoder.
var errNotFast = errors.New("not a flat JSON object")

// decodeFlat fills j from a flat JSON object about ten times faster than
// encoding/json, which validates and unquotes every byte twice; the long
// text field dominates JSONL input. The line must be valid UTF-8 (checked
// before). When it succeeds, the result is what
// json.Unmarshal would give (FuzzDecodeFlat checks this).
func decodeFlat(line []byte, j *jsonLine) error {
	s := string(line) // a copy: the fields outlive the caller's line buffer
	i := skipSpace(s, 0)
	if i >= len(s) || s[i] != '{' {
		return errNotFast
	}
	i = skipSpace(s, i+1)
	if i < len(s) && s[i] == '}' {
		return trailer(s, i+1)
	}
	for {
		key, n, err := jsonString(s, i)
		if err != nil {
			return err
		}
		i = skipSpace(s, n)
		if i >= len(s) || s[i] != ':' {
			return errNotFast
		}
		i = skipSpace(s, i+1)
		if i >= len(s) {
			return errNotFast
		}
		if i, err = j.set(key, s, i); err != nil {
			return err
		}
		i = skipSpace(s, i)
		if i >= len(s) {
			return errNotFast
		}
		switch s[i] {
		case ',':
			i = skipSpace(s, i+1)
		case '}':
			return trailer(s, i+1)
		default:
			return errNotFast
		}
	}
}

// set decodes the value at s[i:] into the field named key and returns the
// index after it.
func (j *jsonLine) set(key, s string, i int) (int, error) {
	var dst **string
	switch key {
	case "id":
		return j.setID(s, i)
	case "title", "published", "source", "url":
		return j.setString(key, s, i)
	case "text":
		dst = &j.Text
	case "html":
		dst = &j.HTML
	default:
		for _, f := range []string{"id", "title", "published", "source", "url", "text", "html"} {
			if strings.EqualFold(key, f) {
				return 0, errNotFast // encoding/json matches keys case-insensitively
			}
		}
		return skipScalar(s, i)
	}
	if strings.HasPrefix(s[i:], "null") {
		return i + 4, nil // json.Unmarshal leaves a pointer untouched on null
	}
	v, n, err := jsonString(s, i)
	if err != nil {
		return 0, err
	}
	*dst = &v
	return n, nil
}

func (j *jsonLine) setString(key, s string, i int) (int, error) {
	if strings.HasPrefix(s[i:], "null") {
		return i + 4, nil
	}
	v, n, err := jsonString(s, i)
	if err != nil {
		return 0, err
	}
	switch key {
	case "title":
		j.Title = v
	case "published":
		j.Published = v
	case "source":
		j.Source = v
	case "url":
		j.URL = v
	}
	return n, nil
}

func (j *jsonLine) setID(s string, i int) (int, error) {
	n, err := skipScalar(s, i)
	if err != nil {
		return 0, err
	}
	j.ID = []byte(s[i:n])
	return n, nil
}

// skipScalar returns the index after the string, number or literal at s[i:].
func skipScalar(s string, i int) (int, error) {
	switch c := s[i]; {
	case c == '"':
		_, n, err := jsonString(s, i)
		return n, err
	case c == '-' || ('0' <= c && c <= '9'):
		n := i + 1
		for n < len(s) && strings.IndexByte("0123456789+-.eE", s[n]) >= 0 {
			n++
		}
		if _, err := strconv.ParseFloat(s[i:n], 64); err != nil || !validNumber(s[i:n]) {
			return 0, errNotFast
		}
		return n, nil
	}
	for _, lit := range []string{"null", "true", "false"} {
		if strings.HasPrefix(s[i:], lit) {
			return i + len(lit), nil
		}
	}
	return 0, errNotFast // objects, arrays and errors
}

// validNumber checks the JSON number grammar, which is stricter than
// ParseFloat's ("01", "1.", "+1" and ".5" are not JSON).
func validNumber(s string) bool {
	i := 0
	if s[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i, n = i+1, n+1
		}
		return n
	}
	start := i
	if n := digits(); n == 0 || (n > 1 && s[start] == '0') {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// jsonString decodes the string literal at s[i:] and returns it with the
// index after its closing quote.
func jsonString(s string, i int) (string, int, error) {
	if i >= len(s) || s[i] != '"' {
		return "", 0, errNotFast
	}
	i++
	start := i
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			return s[start:i], i + 1, nil
		case c == '\\':
			return unescape(s, start, i)
		case c < 0x20:
			return "", 0, errNotFast
		}
		i++
	}
	return "", 0, errNotFast
}

// unescape decodes a string literal that holds escapes; s[start:i] is its
// plain beginning and s[i] the first backslash.
func unescape(s string, start, i int) (string, int, error) {
	var b strings.Builder
	b.Grow(len(s) - start)
	b.WriteString(s[start:i])
	for i < len(s) {
		j := i
		for j < len(s) && s[j] != '"' && s[j] != '\\' && s[j] >= 0x20 {
			j++
		}
		b.WriteString(s[i:j])
		if i = j; i >= len(s) {
			break
		}
		switch s[i] {
		case '"':
			return b.String(), i + 1, nil
		case '\\':
		default:
			return "", 0, errNotFast // a control character
		}
		if i+1 >= len(s) {
			return "", 0, errNotFast
		}
		switch e := s[i+1]; e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, n, ok := unicodeEscape(s, i)
			if !ok {
				return "", 0, errNotFast
			}
			b.WriteRune(r)
			i = n
			continue
		default:
			return "", 0, errNotFast
		}
		i += 2
	}
	return "", 0, errNotFast
}

// unicodeEscape decodes \uXXXX at s[i:], joining a surrogate pair, and
// returns the rune and the index after it. A lone surrogate becomes U+FFFD,
// as encoding/json has it.
func unicodeEscape(s string, i int) (rune, int, bool) {
	r, ok := hex4(s, i+2)
	if !ok {
		return 0, 0, false
	}
	i += 6
	if !utf16.IsSurrogate(r) {
		return r, i, true
	}
	if i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
		if r2, ok := hex4(s, i+2); ok {
			if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
				return dec, i + 6, true
			}
		}
	}
	return utf8.RuneError, i, true
}

func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	v, err := strconv.ParseUint(s[i:i+4], 16, 32)
	return rune(v), err == nil
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// trailer accepts only white space after the object.
func trailer(s string, i int) error {
	if skipSpace(s, i) != len(s) {
		return errNotFast
	}
	return nil
}
