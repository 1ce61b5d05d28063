package timex

import (
	"fmt"
	"strings"
	"testing"
)

// tagged renders the expressions of s as "text|TYPE|value".
func tagged(s string, ref Ref) []string {
	var out []string
	for _, t := range Tag(s, ref) {
		out = append(out, fmt.Sprintf("%s|%s|%s", s[t.Span.Start:t.Span.End], t.Type, t.Value))
	}
	return out
}

func ref(s string) Ref {
	r, ok := ParseRef(s)
	if !ok {
		panic("bad test reference " + s)
	}
	return r
}

type tagCase struct {
	ref  string // "" for no reference date
	text string
	want []string
}

func runTagCases(t *testing.T, cases []tagCase) {
	t.Helper()
	for _, c := range cases {
		var r Ref
		if c.ref != "" {
			r = ref(c.ref)
		}
		got := tagged(c.text, r)
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("ref %q, %q:\n got  %q\n want %q", c.ref, c.text, got, c.want)
		}
	}
}

func TestAbsoluteDates(t *testing.T) {
	runTagCases(t, []tagCase{
		{"2023-09-20", "The ceasefire took effect on Sept. 27, 2020, after talks.", []string{"Sept. 27, 2020|DATE|2020-09-27"}},
		{"2023-09-20", "A meeting was held on March 1, 2023, in the capital.", []string{"March 1, 2023|DATE|2023-03-01"}},
		{"", "Filed 20 September, 2023 by our desk.", []string{"20 September, 2023|DATE|2023-09-20"}},
		{"", "date 2023-07-23 Ministers met again", []string{"2023-07-23|DATE|2023-07-23"}},
		{"2023-07-23", "On July 21-22, a forum gathered editors.", []string{"July 21|DATE|2023-07-21", "22|DATE|2023-07-22"}},
		{"2023-07-23", "Clashes broke out in May 2021 and again in 1991.", []string{"May 2021|DATE|2021-05", "1991|DATE|1991"}},
		{"", "The bridge opened on March 01, 2008 to traffic.", []string{"March 01, 2008|DATE|2008-03-01"}},
		{"", "The photo is dated 7/8/07.", []string{"7/8/07|DATE|2007-07-08"}},
		{"2009-06-04", "The deal closes June 1st, they said.", []string{"June 1st|DATE|2009-06-01"}},
		{"", "Prices peaked in the 1990s and in the '80s.", []string{"the 1990s|DATE|199", "the '80s|DATE|198"}},
		{"", "Tastes changed in the nineties, and again in the late 1970s.", []string{"the nineties|DATE|199", "the late 1970s|DATE|197"}},
		{"", "The abbey dates from the 11th century.", []string{"the 11th century|DATE|10"}},
		{"", "Churches of the eleventh century and the 20th-century town hall.", []string{"the eleventh century|DATE|10"}},
		{"", "From 2009-2011 the plant was idle.", []string{"2009|DATE|2009", "2011|DATE|2011"}},
		{"", "Monday, Oct. 26, 1998 was quiet.", []string{"Monday, Oct. 26, 1998|DATE|1998-10-26"}},
		// The noun "march" and quoted programme titles are no dates.
		{"2023-09-20", "Thousands joined the March for Peace; the March accession stands.", []string{"March|DATE|2023-03"}},
		{"2023-09-20", `The minister spoke on "This Week" with a host.`, nil},
		// Numbers that are not years.
		{"", "Apple showed iLife '11; the Russell 2000 index fell; the class of '82 met.", []string{"'82|DATE|1982"}},
		{"", "They sent 2000 troops and paid $1991 for 1,700 tonnes at 20.15.", nil},
		// "May" is a month only beside a day, a year or a preposition.
		{"2023-07-23", "She may travel in May.", []string{"May|DATE|2023-05"}},
	})
}

func TestMonthYearResolution(t *testing.T) {
	runTagCases(t, []tagCase{
		// A bare month takes the reference year ...
		{"2023-09-20", "The president spoke back in February.", []string{"February|DATE|2023-02"}},
		// ... the previous one when the clause is past and the month lies well ahead ...
		{"2024-01-10", "Rescued in November, the boy was returned.", []string{"November|DATE|2023-11"}},
		{"2023-03-01", "The talks collapsed on Oct. 4 after a week.", []string{"Oct. 4|DATE|2022-10-04", "a week|DURATION|P1W"}},
		// ... and the next one when the clause is future.
		{"2023-11-20", "The vote will be held in February.", []string{"February|DATE|2024-02"}},
		{"2023-10-30", "Payments are due by Dec. 7.", []string{"Dec. 7|DATE|2023-12-07"}},
		{"2023-11-20", "Officials closed the pass until March.", []string{"March|DATE|2024-03"}},
		{"2023-11-20", "By March, the army took the town.", []string{"March|DATE|2023-03"}},
		{"2023-11-20", "The lenders extended the loans through January.", []string{"January|DATE|2024-01"}},
		{"2023-11-20", "The new pay scale takes over, effective Feb. 1.", []string{"Feb. 1|DATE|2024-02-01"}},
		// Without a reference, only what the text fixes.
		{"", "The president spoke back in February.", []string{"February|DATE|XXXX-02"}},
		{"", "It ended on March 1.", []string{"March 1|DATE|XXXX-03-01"}},
	})
}

func TestWeekdaysByTense(t *testing.T) {
	// 2023-09-20 is a Wednesday.
	runTagCases(t, []tagCase{
		{"2023-09-20", "Aliyev said on Tuesday that talks would go on.", []string{"Tuesday|DATE|2023-09-19"}},
		{"2023-09-20", "The envoy will arrive on Friday.", []string{"Friday|DATE|2023-09-22"}},
		{"2023-09-20", "Talks are scheduled for Monday in the capital.", []string{"Monday|DATE|2023-09-25"}},
		{"2023-09-20", "The army attacked on Monday.", []string{"Monday|DATE|2023-09-18"}},
		{"2023-09-20", "The ministry said Wednesday it aimed to help.", []string{"Wednesday|DATE|2023-09-20"}},
		{"2023-09-20", "Envoys said on Tuesday they will meet on Thursday.", []string{"Tuesday|DATE|2023-09-19", "Thursday|DATE|2023-09-21"}},
		{"2023-09-20", "Shelling resumed Friday night.", []string{"Friday night|TIME|2023-09-15TNI"}},
		{"2023-09-20", "He criticised Sunday's vote.", []string{"Sunday|DATE|2023-09-17"}},
		{"2023-09-20", "Talks with the rebels are due in the city on Thursday.", []string{"Thursday|DATE|2023-09-21"}},
		{"2023-09-20", "Flights stopped due to the storm on Monday.", []string{"Monday|DATE|2023-09-18"}},
		{"2023-09-20", "She met him last Friday and will see him next Tuesday.", []string{"last Friday|DATE|2023-09-15", "next Tuesday|DATE|2023-09-26"}},
		{"", "Aliyev said on Tuesday that talks would go on.", []string{"Tuesday|DATE|XXXX-WXX-2"}},
		{"", "The market is closed on Sundays.", []string{"Sundays|SET|XXXX-WXX-7"}},
		// A plan made in the past for a day ahead; the day it was made.
		{"2023-09-20", "The delegation planned to leave the capital on Thursday.", []string{"Thursday|DATE|2023-09-21"}},
		{"2023-09-20", "The governor has scheduled a briefing Friday to explain the cuts.", []string{"Friday|DATE|2023-09-22"}},
		{"2023-09-20", "On Monday, the council planned to vote on the budget.", []string{"Monday|DATE|2023-09-18"}},
		// Forward-looking prepositions, unless a past perfect puts the day behind.
		{"2023-09-20", "The court postponed until Friday any ruling on the case.", []string{"Friday|DATE|2023-09-22"}},
		{"2023-09-20", "Officials closed the border until Monday.", []string{"Monday|DATE|2023-09-25"}},
		{"2023-09-20", "Forty members had filed their reports by Tuesday.", []string{"Tuesday|DATE|2023-09-19"}},
		{"2023-09-20", "Until Monday, the police had not named a suspect.", []string{"Monday|DATE|2023-09-18"}},
		{"2023-09-20", "The convoy could arrive as soon as Saturday, the mayor said.", []string{"Saturday|DATE|2023-09-23"}},
		{"2023-09-20", "Two people died in the blast next to the embassy on Monday.", []string{"Monday|DATE|2023-09-18"}},
		{"2023-09-20", "The offer had been due to expire Monday.", []string{"Monday|DATE|2023-09-18"}},
		{"2023-09-20", "Farmers blocked a road on Friday and were planning to march on Monday.", []string{"Friday|DATE|2023-09-15", "Monday|DATE|2023-09-25"}},
		// What follows "that" is reported: its verbs do not date the report.
		{"2023-09-20", "The minister told a news conference on Monday that the ban might be extended.", []string{"Monday|DATE|2023-09-18"}},
	})
}

func TestRelativeExpressions(t *testing.T) {
	runTagCases(t, []tagCase{
		{"2023-09-20", "Yesterday the border reopened; today it is calm, and tomorrow talks resume.",
			[]string{"Yesterday|DATE|2023-09-19", "today|DATE|2023-09-20", "tomorrow|DATE|2023-09-21"}},
		{"2023-09-20", "Prices rose last week and fell last month, and will rise next month.",
			[]string{"last week|DATE|2023-W37", "last month|DATE|2023-08", "next month|DATE|2023-10"}},
		{"2023-09-20", "Earlier this year the road was closed; it will reopen by the end of this year.",
			[]string{"Earlier this year|DATE|2023", "the end of this year|DATE|2023"}},
		{"2023-09-20", "A meeting will be held in Moscow in the coming days.", []string{"the coming days|DATE|FUTURE_REF"}},
		{"2023-09-20", "Now the issue depends on them, and it is currently calm.", []string{"Now|DATE|PRESENT_REF", "currently|DATE|PRESENT_REF"}},
		{"2023-09-20", "Sales fell last year and will grow next year.", []string{"last year|DATE|2022", "next year|DATE|2024"}},
		{"2023-09-20", "Profit rose 5% from last year's level; this year's harvest is late.", []string{"last year|DATE|2022", "this year|DATE|2023"}},
		{"2023-09-20", "He resigned five years ago; the plan was set out 10 days ago.", []string{"five years ago|DATE|2018", "10 days ago|DATE|2023-09-10"}},
		{"2023-09-20", "It rained this morning and last night.", []string{"this morning|TIME|2023-09-20TMO", "last night|TIME|2023-09-19TNI"}},
		{"2023-09-20", "Troops left over the weekend.", []string{"the weekend|DATE|2023-W37-WE"}},
		{"2023-09-20", "The agency recently said so; in the past it was silent; in the future it may not be.",
			[]string{"recently|DATE|PAST_REF", "the past|DATE|PAST_REF", "the future|DATE|FUTURE_REF"}},
		{"2023-09-20", "Exports rose in the summer and should rise next spring.", []string{"the summer|DATE|2023-SU", "next spring|DATE|2024-SP"}},
		{"2023-09-20", "Opposition grew in recent years.", []string{"recent years|DURATION|PXY"}},
		{"2023-09-20", "Shops open on Christmas Eve.", []string{"Christmas Eve|DATE|2023-12-24"}},
		{"", "Prices fell last week and yesterday.", []string{"last week|DATE|XXXX-WXX", "yesterday|DATE|XXXX-XX-XX"}},
		{"", "Prices fell last year.", []string{"last year|DATE|XXXX"}},
		// Years in words, as transcripts write them; "two thousand" only where a year is expected.
		{"1998-02-27", "In nineteen ninety-one the bank failed; the cuts come by the year two thousand.",
			[]string{"nineteen ninety-one|DATE|1991", "the year two thousand|DATE|2000"}},
		{"1998-04-18", "On May 22, 1995, he was promoted, and the following year he moved.",
			[]string{"May 22, 1995|DATE|1995-05-22", "the following year|DATE|1996"}},
		{"1998-04-18", "He was promoted on May 22, 1995; the following month, he left.",
			[]string{"May 22, 1995|DATE|1995-05-22", "the following month|DATE|1995-06"}},
		{"1998-02-27", "January nineteen ninety-seven. A second blast hit the city.", []string{"January nineteen ninety-seven|DATE|1997-01"}},
		{"1998-02-27", "Two thousand people marched, nineteen ninety-six delegates voted.", nil},
		{"2023-09-20", "The dam was finished in the winter of 1994.", []string{"the winter of 1994|DATE|1994-WI"}},
		// The month takes its year from the year named after "of"; both are expressions.
		{"2009-05-15", "Licences run out after October of next year.", []string{"October|DATE|2010-10", "next year|DATE|2010"}},
		// "the year", "that year" and "the day" from their context.
		{"1989-11-02", "For the year, volume was flat. Imports reached $37 million in 1988, a small share of sales that year.",
			[]string{"the year|DATE|1989", "1988|DATE|1988", "that year|DATE|1988"}},
		{"2006-01-27", "The carmaker lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.",
			[]string{"the fourth quarter of 2005|DATE|2005-Q4", "the entire year|DATE|2005"}},
		{"2009-08-21", "The index gained 155 points to end the day at 9,505.", []string{"the day|DATE|2009-08-21"}},
		{"2010-01-28", "Costs fell last year, $19 billion less than the year previous; a year before the war, they rose.",
			[]string{"last year|DATE|2009", "the year previous|DATE|2008", "a year|DURATION|P1Y"}},
	})
}

func TestQuarters(t *testing.T) {
	runTagCases(t, []tagCase{
		{"1989-10-30", "Profit rose in the third quarter.", []string{"the third quarter|DATE|1989-Q3"}},
		{"1989-10-30", "Third-quarter net fell, compared with a year earlier.", []string{"Third-quarter|DATE|1989-Q3", "a year earlier|DATE|1988-Q3"}},
		{"1989-10-30", "Sales in the first quarter of 2009 beat the first quarter of last year.",
			[]string{"the first quarter of 2009|DATE|2009-Q1", "the first quarter of last year|DATE|1988-Q1"}},
		{"2007-03-13", "Sales slowed in the fourth quarter.", []string{"the fourth quarter|DATE|2006-Q4"}},
		{"1989-10-30", "Net rose in the third quarter from the year-earlier quarter; the quarter was strong.",
			[]string{"the third quarter|DATE|1989-Q3", "the year-earlier quarter|DATE|1988-Q3", "the quarter|DATE|1989-Q3"}},
		{"1989-10-30", "Earnings for fiscal 1989 rose in the first half.", []string{"fiscal 1989|DATE|1989", "the first half|DATE|1989-H1"}},
		{"", "Profit rose in the third quarter.", []string{"the third quarter|DATE|XXXX-Q3"}},
		{"2023-09-20", "Output fell in the last half of 1989 and the last quarter of 2008.",
			[]string{"the last half of 1989|DATE|1989-H2", "the last quarter of 2008|DATE|2008-Q4"}},
		{"2023-09-20", "Sales rose in Q3 2023 and will rise in H1 2024; Q4 fell, the firm said of last year.",
			[]string{"Q3 2023|DATE|2023-Q3", "H1 2024|DATE|2024-H1", "Q4|DATE|2022-Q4", "last year|DATE|2022"}},
		{"2023-09-20", "A Q. Smith of H2O Labs and the Q3a model.", nil},
		// "the quarter ended ...": the three months up to that day, unless a quarter was just named.
		{"1989-10-30", "In the quarter ended July 31, the chain sold more.", []string{"the quarter|DATE|1989-Q2", "July 31|DATE|1989-07-31"}},
		{"1989-10-30", "Net rose in the fiscal first quarter. Sales for the quarter ended Sept. 29 rose.",
			[]string{"the fiscal first quarter|DATE|1989-Q1", "the quarter|DATE|1989-Q1", "Sept. 29|DATE|1989-09-29"}},
		{"1989-11-02", "Net fell in the third quarter. The latest period included a gain.",
			[]string{"the third quarter|DATE|1989-Q3", "The latest period|DATE|1989-Q3"}},
		// "the 1988 period" is the comparison, not the quarter later anaphora refer to.
		{"1989-10-30", "Net fell in the third quarter from the 1988 period. The quarter was weak.",
			[]string{"the third quarter|DATE|1989-Q3", "the 1988 period|DATE|1988-Q3", "The quarter|DATE|1989-Q3"}},
	})
}

func TestDurationsAndSets(t *testing.T) {
	runTagCases(t, []tagCase{
		// A quarter of something is a fraction, not three months.
		{"2023-09-20", "The country imports about three-quarters of its grain and a quarter, of the rest, by sea.", nil},
		{"2023-09-20", "The firm posted losses for several quarters of the year.", []string{"several quarters|DURATION|PXQ", "the year|DATE|2023"}},
		{"", "During the 44-day war, forces advanced.", []string{"44-day|DURATION|P44D"}},
		{"", "The land was held for almost 30 years.", []string{"almost 30 years|DURATION|P30Y"}},
		{"", "Over the past two and a half years, little changed.", []string{"the past two and a half years|DURATION|P2Y6M"}},
		{"", "Power now flows 24 hours a day.", []string{"now|DATE|PRESENT_REF", "24 hours|DURATION|PT24H", "a day|SET|P1D"}},
		{"", "Inspectors visit every week and report daily.", []string{"every week|SET|P1W", "daily|SET|P1D"}},
		{"", "The law ran for the next four years, then 18 months more.", []string{"the next four years|DURATION|P4Y", "18 months|DURATION|P18M"}},
		{"", "It lasted more than four hours, about a decade in all.", []string{"more than four hours|DURATION|PT4H", "about a decade|DURATION|P10Y"}},
		{"", "Talks stalled for several months and thirty minutes.", []string{"several months|DURATION|PXM", "thirty minutes|DURATION|PT30M"}},
		{"", "The rule has applied for years.", []string{"years|DURATION|PXY"}},
		{"", "They have been enemies for 2 1/2 years.", []string{"2 1/2 years|DURATION|P2Y6M"}},
		{"", "The fund pays out each July.", []string{"each July|SET|XXXX-07"}},
		// An age is no temporal expression.
		{"", "A 6-year-old boy and his 52 years old father.", nil},
		// "last" as a verb.
		{"", "The talks will last two weeks.", []string{"two weeks|DURATION|P2W"}},
	})
}

func TestTimes(t *testing.T) {
	runTagCases(t, []tagCase{
		{"2023-09-20", "An agreement was reached on September 20, 2023, at 13:00 (GMT+4) to stop.",
			[]string{"September 20, 2023|DATE|2023-09-20", "13:00 (GMT+4)|TIME|2023-09-20T13:00+04:00"}},
		{"2009-12-16", "The launch came at 18:00 UTC on Tuesday.", []string{"18:00 UTC on Tuesday|TIME|2009-12-15T18:00Z"}},
		{"1998-02-12", "Shots were fired around 7:15 p.m., police said.", []string{"7:15 p.m.|TIME|1998-02-12T19:15"}},
		{"2000-04-03", "Trading will open at 9 a.m. EST Tuesday.", []string{"9 a.m. EST Tuesday|TIME|2000-04-04T09:00"}},
		{"1991-02-16", "The deadline was noon Saturday.", []string{"noon Saturday|TIME|1991-02-16T12:00"}},
		{"", "The train left at 10:35 a.m.", []string{"10:35 a.m.|TIME|XXXX-XX-XXT10:35"}},
		{"", "Interest rose 3.45 points.", nil},
		{"", "Storm warning\n2 min read\nRain is coming.", nil},
	})
}

func TestAnaphora(t *testing.T) {
	runTagCases(t, []tagCase{
		{"2009-02-24", "Stocks fell on Monday and were down for the day.", []string{"Monday|DATE|2009-02-23", "the day|DATE|2009-02-23"}},
		{"2009-02-24", "The vote was on Feb. 2; the next day, protests began.", []string{"Feb. 2|DATE|2009-02-02", "the next day|DATE|2009-02-03"}},
	})
}

func TestParseRef(t *testing.T) {
	for _, c := range []struct {
		in, want string
	}{
		{"2023-09-20", "2023-09-20"},
		{"1998-02-06T22:19:00", "1998-02-06"},
		{"2023-09-20T13:00:00+04:00", "2023-09-20"},
		{"03-02-2009", ""},
		{"2023-02-30", ""},
		{"", ""},
		{"2023-09-20junk", ""},
	} {
		r, _ := ParseRef(c.in)
		if r.String() != c.want {
			t.Errorf("ParseRef(%q) = %q, want %q", c.in, r.String(), c.want)
		}
	}
}
