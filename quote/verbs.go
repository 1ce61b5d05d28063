package quote

import "strings"

// verb describes one form of a reporting verb.
type verb struct {
	// clause: the verb takes reported speech as a clause ("said (that) ...").
	// Verbs without it cue direct quotes only ("continued: “...”").
	clause bool
	// bare: the clause may come without "that" ("said Baku was ready");
	// other clause verbs need "that" or a pronoun subject, since they often
	// take a plain object ("announced an end to ...").
	bare bool
	// object: the verb takes a hearer before its clause ("told reporters that").
	object bool
	// np: the verb reports by its object and complement: "called him "a
	// genius"", "called for calm", "urged voters to ...", "accused X of ...".
	np bool
	// inf: the verb reports a commitment by a to-infinitive ("vowed to
	// repeal the law"), which is then the content.
	inf bool
	// out: the verb reports only with the particle "out" ("pointed out").
	out bool
	// ing: the form is a participle ("adding that ...", "saying ...").
	ing bool
	// base: the base form ("say"), which also serves as a noun or infinitive.
	base bool
	// past participle only as in passive use ("was told", "is said to") is
	// not distinguished: the sieves check the words around instead.
}

// reportingVerbs lists reporting verbs as "base past third-person ing"; a
// "+" after the base marks verbs that take a clause with or without "that",
// a "^" verbs whose clause needs "that", a "*" verbs that take a hearer
// object, a "&" verbs that report through their object ("called it a
// disgrace"), a "%" verbs that report only with "out" after them ("point
// out"), a "~" verbs whose to-infinitive is the content ("vow to ..."). Forms are written out: English is irregular enough.
var reportingVerbs = buildVerbs(`
say+ said says saying
tell+* told tells telling
add+ added adds adding
note+ noted notes noting
stress+ stressed stresses stressing
underscore+ underscored underscores underscoring
underline^ underlined underlines underlining
emphasize+ emphasized emphasizes emphasizing
emphasise+ emphasised emphasises emphasising
explain+ explained explains explaining
claim+ claimed claims claiming
warn+* warned warns warning
announce^ announced announces announcing
insist+ insisted insists insisting
argue+ argued argues arguing
write+ wrote writes writing
state^ stated states stating
declare^ declared declares declaring
report^ reported reports reporting
confirm^ confirmed confirms confirming
deny^ denied denies denying
suggest+ suggested suggests suggesting
acknowledge+ acknowledged acknowledges acknowledging
admit+ admitted admits admitting
allege+ alleged alleges alleging
assert+ asserted asserts asserting
comment^ commented comments commenting
complain+ complained complains complaining
concede+ conceded concedes conceding
maintain^ maintained maintains maintaining
mention^ mentioned mentions mentioning
observe^ observed observes observing
predict+ predicted predicts predicting
promise+~ promised promises promising
recall+ recalled recalls recalling
remark^ remarked remarks remarking
reveal^ revealed reveals revealing
tweet+ tweeted tweets tweeting
testify+ testified testifies testifying
contend+ contended contends contending
caution+ cautioned cautions cautioning
boast+ boasted boasts boasting
joke+ joked jokes joking
quip+ quipped quips quipping
conclude+ concluded concludes concluding
answer^ answered answers answering
reply+ replied replies replying
respond+ responded responds responding
point+% pointed points pointing
reiterate^ reiterated reiterates reiterating
repeat^ repeated repeats repeating
inform^* informed informs informing
assure^* assured assures assuring
remind^* reminded reminds reminding
agree+ agreed agrees agreeing
rule^ ruled rules ruling
pledge+~ pledged pledges pledging
vow+~ vowed vows vowing
threaten^~ threatened threatens threatening
charge+ charged charges charging
counter+ countered counters countering
recount^ recounted recounts recounting
announce^ announced announces announcing
proclaim^ proclaimed proclaims proclaiming
speculate+ speculated speculates speculating
estimate+ estimated estimates estimating
disclose^ disclosed discloses disclosing
indicate^ indicated indicates indicating
urge& urged urges urging
ask& asked asks asking
accuse& accused accuses accusing
criticize& criticized criticizes criticizing
criticise& criticised criticises criticising
praise& praised praises praising
blast& blasted blasts blasting
condemn& condemned condemns condemning
label& labeled labels labeling
brand& branded brands branding
dub& dubbed dubs dubbing
dismiss& dismissed dismisses dismissing
continue continued continues continuing
shout shouted shouts shouting
post posted posts posting
exclaim exclaimed exclaims exclaiming
chant chanted chants chanting
describe& described describes describing
call& called calls calling
`)

func buildVerbs(table string) map[string]verb {
	m := map[string]verb{}
	for _, line := range strings.Split(table, "\n") {
		f := strings.Fields(line)
		if len(f) != 4 {
			continue
		}
		base := f[0]
		v := verb{clause: strings.ContainsAny(base, "+^"), bare: strings.Contains(base, "+"), object: strings.Contains(base, "*"),
			np: strings.Contains(base, "&"), out: strings.Contains(base, "%"), inf: strings.Contains(base, "~")}
		base = strings.TrimRight(base, "+^*&%~")
		for i, form := range []string{base, f[1], f[2], f[3]} {
			x := v
			x.ing = i == 3
			x.base = i == 0
			m[form] = x
		}
	}
	return m
}

// participleCues start a new reported clause inside a sentence: "..., adding
// that ...", "..., saying ...". They cut the content of the clause before.
var participleCues = map[string]bool{
	"adding": true, "saying": true, "noting": true, "stressing": true, "explaining": true,
	"claiming": true, "warning": true, "insisting": true, "arguing": true, "writing": true,
	"stating": true, "declaring": true, "telling": true, "asking": true, "suggesting": true,
	"acknowledging": true, "emphasizing": true, "emphasising": true, "underscoring": true,
	"calling": true, "urging": true, "vowing": true, "promising": true, "predicting": true,
}

// auxiliaries and adverbs that may sit between a subject and its verb
// ("has also said", "would later tell").
var between = map[string]bool{
	"has": true, "have": true, "had": true, "will": true, "would": true, "also": true, "later": true,
	"previously": true, "once": true, "then": true, "again": true, "further": true, "just": true,
	"earlier": true, "recently": true, "repeatedly": true, "frequently": true, "often": true, "has,": true,
	"reportedly": true, "publicly": true, "privately": true, "simply": true, "flatly": true, "had,": true,
	"already": true, "never": true, "always": true, "since": true, "first": true, "only": true,
	"separately": true, "subsequently": true, "similarly": true, "likewise": true, "did": true, "does": true,
	"do": true, "can": true, "could": true, "may": true, "might": true, "must": true, "should": true,
	"shall": true, "is": true, "was": true, "were": true, "are": true, "been": true, "be": true,
	"however": true, "didn't": true, "doesn't": true, "don't": true, "hasn't": true, "haven't": true,
	"wouldn't": true, "won't": true, "can't": true, "couldn't": true, "didn’t": true, "doesn’t": true,
	"don’t": true, "hasn’t": true, "haven’t": true, "wouldn’t": true, "won’t": true, "can’t": true,
	"not": true, "now": true, "still": true, "too": true, "himself": true, "herself": true,
}

// timeWords are adjuncts that may follow a reporting verb before its
// clause ("said Wednesday it ...", "told reporters today that ...").
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "today": true, "yesterday": true, "tonight": true, "earlier": true, "later": true,
	"recently": true, "again": true, "also": true, "then": true, "once": true, "repeatedly": true,
	"previously": true, "privately": true, "publicly": true, "afterward": true, "afterwards": true,
	"morning": true, "afternoon": true, "evening": true, "night": true,
	"week": true, "month": true, "year": true, "weekend": true, "week's": true, "tonight's": true, "flatly": true, "bluntly": true, "simply": true,
}

// clauseStarters are words that open a reported clause after a reporting
// verb without "that": pronouns, determiners and the like.
var clauseStarters = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true, "there": true,
	"this": true, "these": true, "those": true, "the": true, "a": true, "an": true, "his": true, "her": true,
	"their": true, "its": true, "our": true, "my": true, "your": true, "some": true, "many": true,
	"all": true, "no": true, "every": true, "most": true, "any": true, "both": true, "each": true,
	"several": true, "nobody": true, "none": true, "everyone": true, "everybody": true, "nothing": false,
	"if": false, "more": true, "such": true, "one": true, "two": true, "people": true, "only": true,
	"whether": true, "what": true, "how": true, "why": true, "when": false, "democrats": true,
	"republicans": true, "officials": true, "voters": true, "americans": true,
}

// stopWords end a noun phrase when scanning away from a verb.
var stopWords = map[string]bool{
	"in": true, "on": true, "at": true, "to": true, "from": true, "with": true, "by": true,
	"about": true, "as": true, "into": true, "over": true, "under": true, "after": true, "before": true,
	"during": true, "since": true, "than": true, "and": true, "or": true, "but": true, "nor": true, "so": true,
	"yet": true, "because": true, "while": true, "although": true, "though": true, "if": true, "when": true,
	"where": true, "that": true, "who": true, "which": true, "whom": true, "whose": true, "is": true,
	"are": true, "was": true, "were": true, "be": true, "been": true, "has": true, "have": true, "had": true,
	"do": true, "does": true, "did": true, "will": true, "would": true, "can": true, "could": true,
	"should": true, "may": true, "might": true, "must": true, "not": true, "also": true, "then": true,
	"said": true, "says": true, "told": true, "it": true, "he": true, "she": true, "they": true, "we": true,
	"i": true, "you": true, "there": true, "this": true, "these": true, "those": true, "what": true,
	"how": true, "why": true, "against": true, "between": true, "through": true, "without": true,
	"for": true, "up": true, "out": true, "off": true, "down": true, "just": true, "even": true,
	"however": true, "meanwhile": true, "now": true, "still": true, "already": true, "only": true,
}

// determiners open a noun phrase.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true,
	"our": true, "my": true, "your": true, "some": true, "many": true, "several": true, "two": true,
	"three": true, "four": true, "other": true, "another": true, "one": true, "most": true, "all": true,
	"both": true, "few": true, "top": true, "senior": true, "former": true, "this": true, "that": false,
}
