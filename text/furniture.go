package text

import "strings"

// IsFurniture reports whether a paragraph is page furniture rather than
// article prose: "You Might Also Like", "1 min read", share prompts, photo
// credits and captions ("... (Reuters Photo)", "... [Getty]"). Such lines
// keep their place in the text (offsets still index it) but are not read
// for quotations.
func IsFurniture(p string) bool {
	p = strings.TrimSpace(p)
	if p == "" {
		return true
	}
	if len(p) <= 40 {
		for _, f := range furnitureLines {
			if strings.EqualFold(p, f) {
				return true
			}
		}
		if hasSuffixFold(p, " min read") || hasSuffixFold(p, " minute read") || hasSuffixFold(p, " mins read") {
			return true
		}
	}
	for _, pre := range furniturePrefixes {
		if len(p) >= len(pre) && strings.EqualFold(p[:len(pre)], pre) {
			return true
		}
	}
	// A caption ends in a credit: "(Reuters Photo)", "[Getty]", "(AP Photo/...)".
	// Prose that quotes someone is not a caption.
	if end := p[len(p)-1]; end == ')' || end == ']' {
		open := strings.LastIndexAny(p, "([")
		if open >= 0 && len(p)-open <= 60 && !strings.ContainsAny(p, "\"“”") {
			credit := strings.ToLower(p[open:])
			for _, w := range creditWords {
				if strings.Contains(credit, w) {
					return true
				}
			}
		}
	}
	return false
}

func hasSuffixFold(s, suf string) bool {
	return len(s) >= len(suf) && strings.EqualFold(s[len(s)-len(suf):], suf)
}

var furnitureLines = []string{
	"you might also like", "you may also like", "related", "related articles", "read more", "advertisement",
	"share", "share this", "share this article", "share on facebook", "share on twitter", "tweet", "email",
	"print", "comments", "most read", "most popular", "recommended", "more from this author", "sponsored",
	"subscribe", "sign up", "follow us", "trending", "latest news", "top stories", "also read", "see also",
	"skip to content", "listen to this article", "story continues below advertisement",
}

var furniturePrefixes = []string{
	"photo:", "photo credit", "image:", "image credit", "picture:", "file photo", "read also:", "also read:",
	"read more:", "related:", "see also:", "click here", "sign up for", "subscribe to", "follow us on",
	"share this article", "copyright ", "©", "all rights reserved",
}

var creditWords = []string{
	"photo", "getty", "reuters", "afp", "ap ", "ap/", "(ap)", "[ap]", "file", "shutterstock", "epa", "anadolu",
	"image", "picture", "credit", "courtesy", "handout", "xinhua", "tass", "via ",
}
