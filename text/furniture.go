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
	lp := strings.ToLower(p)
	for _, f := range furnitureLines {
		if lp == f {
			return true
		}
	}
	if strings.HasSuffix(lp, " min read") && len(lp) <= 14 || strings.HasSuffix(lp, "minute read") && len(lp) <= 18 {
		return true
	}
	for _, pre := range furniturePrefixes {
		if strings.HasPrefix(lp, pre) {
			return true
		}
	}
	// A caption ends in a credit: "(Reuters Photo)", "[Getty]", "(AP Photo/...)".
	// Prose that quotes someone is not a caption.
	if end := lp[len(lp)-1]; (end == ')' || end == ']') && !strings.ContainsAny(lp, "\"“”") {
		open := strings.LastIndexAny(lp, "([")
		if open >= 0 {
			credit := lp[open:]
			for _, w := range creditWords {
				if strings.Contains(credit, w) {
					return true
				}
			}
		}
	}
	return false
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
