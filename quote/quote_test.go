package quote

import (
	"reflect"
	"strings"
	"testing"
)

// got is a quote as the tests compare it: its text, kind, speaker, the words
// naming the speaker, and the cue.
type got struct {
	text, kind, speaker, mention, cue string
}

func extract(s string) []got {
	var out []got
	for _, q := range Extract(s, Options{}).Quotes {
		g := got{text: s[q.Content.Start:q.Content.End], kind: q.Kind.String(), speaker: q.Speaker}
		if q.HasMention {
			g.mention = s[q.Mention.Start:q.Mention.End]
		}
		if q.HasCue {
			g.cue = s[q.Cue.Start:q.Cue.End]
		}
		out = append(out, g)
	}
	return out
}

// TestConstructions has one case per construction of issue 2, in articles
// we wrote for the purpose.
func TestConstructions(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []got
	}{
		{"speaker before, colon",
			"Mayor Linda Ortiz opened the budget hearing on Tuesday.\n\nMayor Linda Ortiz said: \"We will balance this budget without raising fees.\"",
			[]got{{"We will balance this budget without raising fees.", "direct", "Linda Ortiz", "Mayor Linda Ortiz", "said"}}},
		{"speaker after",
			"The council met late.\n\n\"The roof will be repaired by June,\" Linda Ortiz said.",
			[]got{{"The roof will be repaired by June,", "direct", "Linda Ortiz", "Linda Ortiz", "said"}}},
		{"speaker after, inverted",
			"“Nobody wants a second lockdown,” said health officer Rana Haddad.",
			[]got{{"Nobody wants a second lockdown,", "direct", "Rana Haddad", "health officer Rana Haddad", "said"}}},
		{"speaker interrupting",
			"\"We are not selling him,\" coach Marta Ruiz said, \"not this summer and not for that price.\"",
			[]got{{"We are not selling him,\" coach Marta Ruiz said, \"not this summer and not for that price.", "direct", "Marta Ruiz", "coach Marta Ruiz", "said"}}},
		{"pronoun",
			"Council member Dev Patel voted against the plan.\n\n\"This budget ignores the east side,\" he said.",
			[]got{{"This budget ignores the east side,", "direct", "Dev Patel", "he", "said"}}},
		{"title description",
			"Judge Amelia Crane ruled on Monday that the contract was void.\n\n\"The statute leaves no room for doubt,\" the judge wrote.",
			[]got{
				{"the contract was void", "indirect", "Amelia Crane", "Judge Amelia Crane", "ruled"},
				{"The statute leaves no room for doubt,", "direct", "Amelia Crane", "the judge", "wrote"},
			}},
		{"organisation",
			"The Northfield Water Authority said it would lift the boil notice on Friday.",
			[]got{{"it would lift the boil notice on Friday", "indirect", "Northfield Water Authority", "The Northfield Water Authority", "said"}}},
		{"country",
			"Norway said it would send two rescue ships to the area.",
			[]got{{"it would send two rescue ships to the area", "indirect", "Norway", "Norway", "said"}}},
		{"multi-paragraph, continued paragraphs open with a mark",
			"Club president Paolo Ferri told reporters:\n\n\"We accept the verdict. The board made mistakes.\n\n\"We will appeal the penalty, not the finding.\"\n\nThe hearing lasted an hour.",
			[]got{{"We accept the verdict. The board made mistakes.\n\n\"We will appeal the penalty, not the finding.", "direct", "Paolo Ferri", "Club president Paolo Ferri", "told"}}},
		{"multi-paragraph, inner paragraph without a mark",
			"“The water rose faster than any model predicted.\n\nWe moved two hundred people in one night,” fire chief Tomas Berg said.",
			[]got{{"The water rose faster than any model predicted.\n\nWe moved two hundred people in one night,", "direct", "Tomas Berg", "fire chief Tomas Berg", "said"}}},
		{"nested quote is not separate",
			"\"When the referee told me 'that was a foul,' I laughed,\" striker Joel Mensah said.",
			[]got{{"When the referee told me 'that was a foul,' I laughed,", "direct", "Joel Mensah", "striker Joel Mensah", "said"}}},
		{"scare quotes are no quotation",
			"The so-called \"rainy day fund\" was empty by March, and the \"temporary\" levy is now ten years old.",
			nil},
		{"quoted titles are no quotation",
			"She starred in \"The Long Winter\" and later directed \"Harbour Lights\" for the festival.",
			nil},
		{"reported speech with that",
			"The mayor said that the library would stay open on Sundays.",
			[]got{{"the library would stay open on Sundays", "indirect", "", "The mayor", "said"}}},
		{"reported speech without that",
			"Linda Ortiz said the library would stay open on Sundays.",
			[]got{{"the library would stay open on Sundays", "indirect", "Linda Ortiz", "Linda Ortiz", "said"}}},
		{"reported speech, clause first",
			"The library will stay open on Sundays, Linda Ortiz said on Tuesday.",
			[]got{{"The library will stay open on Sundays", "indirect", "Linda Ortiz", "Linda Ortiz", "said"}}},
		{"according to, first",
			"According to the forecaster, the storm will reach the coast by midnight.",
			[]got{{"the storm will reach the coast by midnight", "indirect", "", "the forecaster", "According to"}}},
		{"according to, last",
			"The storm will reach the coast by midnight, according to the National Weather Service.",
			[]got{{"The storm will reach the coast by midnight", "indirect", "National Weather Service", "the National Weather Service", "according to"}}},
		{"mixed quote",
			"Linda Ortiz said the cuts were \"painful but necessary\" for the city.",
			[]got{{"the cuts were \"painful but necessary\" for the city", "mixed", "Linda Ortiz", "Linda Ortiz", "said"}}},
		{"participle adds a second quote",
			"Linda Ortiz said the pool would close, adding that the gym would stay open.",
			[]got{
				{"the pool would close", "indirect", "Linda Ortiz", "Linda Ortiz", "said"},
				{"the gym would stay open", "indirect", "Linda Ortiz", "Linda Ortiz", "adding"},
			}},
		{"quote following an attributed one",
			"\"We saw the river rise,\" resident Ana Lima said. \"Then the power went out.\"",
			[]got{{"We saw the river rise,\" resident Ana Lima said. \"Then the power went out.", "direct", "Ana Lima", "resident Ana Lima", "said"}}},
		{"group speaker without a name",
			"Officials said the bridge would reopen next week.",
			[]got{{"the bridge would reopen next week", "indirect", "", "Officials", "said"}}},
		{"as-frame before the clause",
			"As the county clerk reported, turnout reached a record on Tuesday.",
			[]got{{"turnout reached a record on Tuesday", "indirect", "", "the county clerk", "reported"}}},
		{"as-frame after the clause",
			"Turnout will fall in the spring, as analyst Priya Nair noted.",
			[]got{{"Turnout will fall in the spring", "indirect", "Priya Nair", "analyst Priya Nair", "noted"}}},
		{"as reported by",
			"As reported by the Valley Herald, the paper mill will close in May.",
			[]got{{"the paper mill will close in May", "indirect", "Valley Herald", "the Valley Herald", "As reported by"}}},
		{"question put to someone, no asker",
			"Asked whether the mill would close, the manager declined to comment.",
			[]got{{"whether the mill would close", "indirect", "", "", "Asked"}}},
		{"question put to someone, asker after by",
			"The manager was asked by a reporter whether the mill would close.",
			[]got{{"whether the mill would close", "indirect", "", "a reporter", "asked"}}},
		{"question in a parenthetical participle",
			"The mayor, asked about the budget, said nothing.",
			[]got{{"about the budget", "indirect", "", "", "asked"}}},
		{"commitment with a to-infinitive",
			"Governor Ana Ruiz vowed to veto the bill.",
			[]got{{"to veto the bill", "indirect", "Ana Ruiz", "Governor Ana Ruiz", "vowed"}}},
		{"frame sentence after a quote that ends its own sentence",
			"\"We will not back down!\" Ana Ruiz said.",
			[]got{{"We will not back down!", "direct", "Ana Ruiz", "Ana Ruiz", "said"}}},
		{"colon frame without a reporting verb",
			"Ana Ruiz leaned into the microphone and boomed: \"The vote is tonight.\"",
			[]got{{"The vote is tonight.", "direct", "Ana Ruiz", "Ana Ruiz", "boomed"}}},
		{"transcript line",
			"Ana Ruiz: \"The vote is tonight.\"",
			[]got{{"The vote is tonight.", "direct", "Ana Ruiz", "Ana Ruiz", ":"}}},
		{"a conference call is no cue",
			"In a conference call, Ana Ruiz said the vote would be close.",
			[]got{{"the vote would be close", "indirect", "Ana Ruiz", "Ana Ruiz", "said"}}},
		{"point out",
			"The union pointed out that the contract had expired.",
			[]got{{"the contract had expired", "indirect", "", "The union", "pointed out"}}},
		{"participle after an object takes the clause subject",
			"Hours later, Ana Ruiz released a report saying the dam was weak.",
			[]got{{"the dam was weak", "indirect", "Ana Ruiz", "Ana Ruiz", "saying"}}},
		{"interrupting frame with words of its own stays two quotes",
			"\"The levy is fair,\" Ana Ruiz said, pointing to the figures the council had published in March. \"Nobody pays more than last year.\"",
			[]got{
				{"The levy is fair,", "direct", "Ana Ruiz", "Ana Ruiz", "said"},
				{"Nobody pays more than last year.", "direct", "Ana Ruiz", "Ana Ruiz", "said"},
			}},
		{"frame inside a relative clause",
			"The trust paid a charity that auditors said was a front for the owners.",
			[]got{{"was a front for the owners", "indirect", "", "auditors", "said"}}},
		{"clause first with its own comma, inverted frame",
			"After a week of rain, the reservoir is full again, said engineer Tomas Berg, who runs the dam.",
			[]got{{"the reservoir is full again", "indirect", "Tomas Berg", "engineer Tomas Berg", "said"}}},
		{"whether clause as subject",
			"Whether the bridge reopens in May will depend on the inspectors, said engineer Tomas Berg.",
			[]got{{"Whether the bridge reopens in May will depend on the inspectors", "indirect", "Tomas Berg", "engineer Tomas Berg", "said"}}},
		{"verb forms used as nouns and adjectives are no cues",
			"Swing states that the party lost in 2012 now lean its way. She leads by 40 pledged delegates and has maintained a brisk pace all spring.",
			nil},
		{"called as naming is no cue",
			"She now runs a charity called Harbour Hope. The hotel, now called Grand Quay, reopened.",
			nil},
		{"called as a cue",
			"Mayor Linda Ortiz called the levy \"a fair price for clean water.\"",
			[]got{{"the levy \"a fair price for clean water.\"", "mixed", "Linda Ortiz", "Mayor Linda Ortiz", "called"}}},
		{"coordinated participles are two quotes",
			"Ana Ruiz then stood up, calling the plan \"a gift to developers\" and accusing the council of haste.",
			[]got{
				{"the plan \"a gift to developers\"", "mixed", "Ana Ruiz", "Ana Ruiz", "calling"},
				{"the council of haste", "indirect", "Ana Ruiz", "Ana Ruiz", "accusing"},
			}},
		{"gerund subject clause, frame after",
			"Finding water under the old mine is not as simple as drilling a well, engineer Tomas Berg said.",
			[]got{{"Finding water under the old mine is not as simple as drilling a well", "indirect", "Tomas Berg", "engineer Tomas Berg", "said"}}},
		{"according to after a quote holding the comma",
			"The levy became \"the fairest tax in the county,\" according to Linda Ortiz.",
			[]got{{"The levy became \"the fairest tax in the county,\"", "mixed", "Linda Ortiz", "Linda Ortiz", "according to"}}},
		{"frame sentence followed by a clause of its own",
			"\"Who remembers the last flood?\" Ana Ruiz asks as the pumps start.",
			[]got{{"Who remembers the last flood?", "direct", "Ana Ruiz", "Ana Ruiz", "asks"}}},
		{"clause first, frame with a hearer",
			"The road would reopen by Friday, Ana Ruiz told them.",
			[]got{{"The road would reopen by Friday", "indirect", "Ana Ruiz", "Ana Ruiz", "told"}}},
		{"that-verb with a bare clause whose subject is a name",
			"The mayor on Friday declared Ana Ruiz was the winner.",
			[]got{{"Ana Ruiz was the winner", "indirect", "", "The mayor", "declared"}}},
		{"typewriter dashes around an apposition",
			"The judge -- who has heard the case for a year -- said she would rule in June.",
			[]got{{"she would rule in June", "indirect", "", "The judge", "said"}}},
		{"interrupting frame with a hearer",
			"Instead, Ana Ruiz told the board, the levy would fall by half.",
			[]got{{"the levy would fall by half", "indirect", "Ana Ruiz", "Ana Ruiz", "told"}}},
		{"reporting verb in the infinitive",
			"Ana Ruiz went on to explain that the levy would fall. She wants to say goodbye.",
			[]got{{"the levy would fall", "indirect", "Ana Ruiz", "Ana Ruiz", "explain"}}},
		{"spaced hyphen as a dash",
			"Ana Ruiz - the mayor since 2019 - told reporters that the levy would fall.",
			[]got{{"the levy would fall", "indirect", "Ana Ruiz", "Ana Ruiz", "told"}}},
		{"verb with that-clause and a subject out of reach",
			"Ana Ruiz, who chairs the board, which meets on Fridays, and who was elected in May, claims that the levy will fall.",
			[]got{{"the levy will fall", "indirect", "Ana Ruiz", "Ana Ruiz", "claims"}}},
		{"stacked relative clauses before the verb",
			"Ana Ruiz, who sued the council, which meets on Fridays, says that the levy is unlawful.",
			[]got{{"the levy is unlawful", "indirect", "Ana Ruiz", "Ana Ruiz", "says"}}},
		{"speaker described by a common noun",
			"\"The water came in a minute,\" said a woman who lives by the river.",
			[]got{{"The water came in a minute,", "direct", "", "a woman", "said"}}},
		{"speaker named by age",
			"\"The river took the bridge,\" said the 81-year-old. \"We rebuilt it once.\"",
			[]got{{"The river took the bridge,\" said the 81-year-old. \"We rebuilt it once.", "direct", "", "the 81-year-old", "said"}}},
		{"frame in a subordinate clause ends at its comma",
			"While Ana Ruiz said that the levy was fair, the council voted it down.",
			[]got{{"the levy was fair", "indirect", "Ana Ruiz", "Ana Ruiz", "said"}}},
		{"adjunct after an interrupting frame is no content",
			"The levy is fair, Ana Ruiz said, on condition that her name be used.",
			[]got{{"The levy is fair", "indirect", "Ana Ruiz", "Ana Ruiz", "said"}}},
		{"a coordinated clause with its own frame is a second quote",
			"Most farmers said the levy was fair, but many voters say it is not.",
			[]got{
				{"the levy was fair", "indirect", "", "Most farmers", "said"},
				{"it is not", "indirect", "", "many voters", "say"},
			}},
		{"paragraph set off by a colon frame, without marks",
			"Ana Ruiz added:\n\nThe levy is fair. Nobody pays more than last year.\n\nRelated:\n\nMore from the council.",
			[]got{{"The levy is fair. Nobody pays more than last year.", "direct", "Ana Ruiz", "Ana Ruiz", "added"}}},
		{"states as a verb",
			"The new rule states that every ferry must carry two rafts.",
			[]got{{"every ferry must carry two rafts", "indirect", "", "The new rule", "states"}}},
		{"passive is not a frame",
			"The bridge was said to be safe, but nobody was told when it would reopen.",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := extract(c.in)
			if len(g) != len(c.want) {
				t.Fatalf("got %d quotes %+v, want %d %+v", len(g), g, len(c.want), c.want)
			}
			for i := range g {
				if g[i] != c.want[i] {
					t.Errorf("quote %d:\n got %+v\nwant %+v", i, g[i], c.want[i])
				}
			}
		})
	}
}

// TestFurnitureNotRead checks that page furniture is skipped while offsets
// still index the whole text.
func TestFurnitureNotRead(t *testing.T) {
	s := "Storm closes harbour\n1 min read\nFirefighters said the pier was unsafe (Reuters Photo)\n\nHarbour master Ines Costa said the pier would stay closed.\n\nYou Might Also Like\n"
	g := extract(s)
	if len(g) != 1 || g[0].text != "the pier would stay closed" || g[0].speaker != "Ines Costa" {
		t.Fatalf("got %+v, want only Ines Costa's quote", g)
	}
	q := Extract(s, Options{}).Quotes[0]
	if !strings.HasPrefix(s[q.Content.Start:], "the pier would stay closed") {
		t.Fatalf("offset %d does not index the text", q.Content.Start)
	}
}

// TestRoles checks that titles and appositions give roles.
func TestRoles(t *testing.T) {
	s := "\"The deal is done,\" said sporting director Helga Brandt.\n\nBrandt added that the fee was a club record."
	qs := Extract(s, Options{}).Quotes
	if len(qs) != 2 {
		t.Fatalf("got %d quotes, want 2", len(qs))
	}
	for _, q := range qs {
		if q.Speaker != "Helga Brandt" || q.Role != "sporting director" {
			t.Errorf("quote %q: speaker %q role %q, want Helga Brandt, sporting director", s[q.Content.Start:q.Content.End], q.Speaker, q.Role)
		}
	}
}

// TestHeadline reads "CONTENT: Name" headlines of .txt articles.
func TestHeadline(t *testing.T) {
	s := "Budget will not raise fees: Ortiz\n\nMayor Linda Ortiz said the budget would not raise fees."
	qs := Extract(s, Options{Headline: true}).Quotes
	if len(qs) != 2 || s[qs[0].Content.Start:qs[0].Content.End] != "Budget will not raise fees" || qs[0].Speaker != "Linda Ortiz" {
		t.Fatalf("got %+v, want the headline quote first, by Linda Ortiz", qs)
	}
}

// TestReusedBuffersDoNotLeak checks that an article reads the same whether
// or not a longer one was read before it: Extract reuses per-article
// buffers, and nothing of one article may show in the next.
func TestReusedBuffersDoNotLeak(t *testing.T) {
	short := "Ana Ruiz said the dam was weak. \"It will hold,\" the engineer said."
	long := strings.Repeat("\"The levy is fair,\" Mayor Linda Ortiz said, \"and nobody pays more.\" According to the clerk, turnout rose.\n\n", 50)
	first := Extract(short, Options{Headline: true})
	Extract(long, Options{Headline: true})
	again := Extract(short, Options{Headline: true})
	if !reflect.DeepEqual(first, again) {
		t.Fatalf("after a longer article:\n got %+v\nwant %+v", again, first)
	}
	if len(first.Quotes) != 2 {
		t.Fatalf("got %d quotes, want 2: %+v", len(first.Quotes), first.Quotes)
	}
}
