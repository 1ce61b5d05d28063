package quote

// word is what the quote sieves know about a word: the lists that hold it
// and, for a reporting verb, how it behaves. One map lookup per token
// fills it (newDoc, through entity.Words.Index).
type word struct {
	flags  uint32
	verb   verb
	isVerb bool
}

// Flags naming the word lists of this package.
const (
	qArticles uint32 = 1 << iota
	qBetween
	qDeterminers
	qIntro
	qNotClause
	qPrepositions
	qQuestionWords
	qSourceNouns
	qSpeechNouns
	qSpeechVerbs
	qStopWords
	qTimeWords
	qTitleCue
	qClauseStarters
	qContrast
	qFinite
)

var lexicon = func() map[string]word {
	m := map[string]word{}
	for _, t := range []struct {
		set  map[string]bool
		flag uint32
	}{{articles, qArticles}, {between, qBetween}, {determiners, qDeterminers}, {intro, qIntro},
		{notClause, qNotClause}, {prepositions, qPrepositions}, {questionWords, qQuestionWords},
		{sourceNouns, qSourceNouns}, {speechNouns, qSpeechNouns}, {speechVerbs, qSpeechVerbs},
		{stopWords, qStopWords}, {timeWords, qTimeWords}, {titleCue, qTitleCue}, {clauseStarters, qClauseStarters}, {contrast, qContrast}, {finite, qFinite}} {
		for w, ok := range t.set {
			if ok {
				x := m[w]
				x.flags |= t.flag
				m[w] = x
			}
		}
	}
	for w, v := range reportingVerbs {
		x := m[w]
		x.verb, x.isVerb = v, true
		m[w] = x
	}
	return m
}()
