package text

// Paragraphs splits text into its non-blank lines. News text marks a
// paragraph with a line break (often a blank line too); a line is the unit
// that page furniture, headlines and quotation paragraphs are decided on.
// Each span is trimmed of surrounding white space.
func Paragraphs(s string) []Span {
	var out []Span
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '\n' {
			continue
		}
		if sp := TrimSpace(s, Span{start, i}); sp.Len() > 0 {
			out = append(out, sp)
		}
		start = i + 1
	}
	return out
}

// TrimSpace narrows sp to exclude leading and trailing white space,
// including the no-break space and other Unicode spaces.
func TrimSpace(s string, sp Span) Span {
	for sp.Start < sp.End {
		n := spaceAt(s, sp.Start)
		if n == 0 {
			break
		}
		sp.Start += n
	}
	for sp.End > sp.Start {
		n := spaceBefore(s, sp.End)
		if n == 0 {
			break
		}
		sp.End -= n
	}
	return sp
}

// spaceAt returns the byte length of the white-space rune at i, or 0.
func spaceAt(s string, i int) int {
	switch c := s[i]; {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
		return 1
	case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0: // U+00A0 no-break space
		return 2
	case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] >= 0x80 && s[i+2] <= 0x8A || s[i+2] == 0xAF): // U+2000..U+200A, U+202F
		return 3
	case c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80: // U+3000
		return 3
	}
	return 0
}

// spaceBefore returns the byte length of the white-space rune ending at i, or 0.
func spaceBefore(s string, i int) int {
	for n := 1; n <= 3 && n <= i; n++ {
		if spaceAt(s, i-n) == n {
			return n
		}
	}
	return 0
}

// IsSpaceAt reports whether a white-space rune starts at byte i.
func IsSpaceAt(s string, i int) bool { return i < len(s) && spaceAt(s, i) > 0 }
