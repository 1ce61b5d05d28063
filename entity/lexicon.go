package entity

import "strings"

// The tables below are facts about English news copy, written down once and
// only read afterwards. Keys are lower case.

// set builds a lookup table from space-separated words.
func set(words ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		for _, f := range strings.Fields(w) {
			m[f] = true
		}
	}
	return m
}

// Pronouns that can stand for a speaker, with the kind of speaker they
// stand for.
var pronouns = map[string]Kind{
	"he": Person, "she": Person, "i": Person, "him": Person, "her": Person,
	"they": Group, "we": Group, "them": Group, "it": Unknown,
	"who": Unknown, "which": Unknown,
}

// titles are words that come before a name and give the person's role
// ("President Ilham Aliyev", "Sen. Smith"). Capitalised or not.
var titles = set(`president vice-president vice prime foreign defense defence finance interior state first lady press premier chancellor minister secretary senator sen sen. rep rep. representative
	congressman congresswoman congressmember governor gov gov. mayor judge justice ambassador envoy general gen gen.
	admiral colonel col col. lieutenant captain sergeant commander chief director chairman chairwoman chair
	ceo cfo spokesman spokeswoman spokesperson adviser advisor aide prosecutor attorney lawyer king queen prince
	princess pope bishop rev rev. father sheikh emir ayatollah speaker leader candidate nominee commissioner
	superintendent inspector officer official coach manager striker midfielder defender goalkeeper owner founder
	president-elect mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir dame lord lady deputy counselor councillor
	councilman councilwoman councilor alderman sheriff detective trooper economist analyst historian professor`)

// honorifics are titles that say nothing about the role ("Mr.", "Ms.").
var honorifics = set(`mr mr. mrs mrs. ms ms. dr dr. sir dame`)

// roleNouns head descriptions of a person that can refer back to a named
// speaker ("the official", "the Azeri leader", "the country's president").
var roleNouns = set(`president minister premier chancellor leader official diplomat envoy ambassador spokesman spokeswoman
	spokesperson senator governor mayor secretary chairman chairwoman chief adviser advisor aide candidate nominee
	congressman congresswoman representative judge justice prosecutor attorney lawyer executive director head
	manager coach king queen prince general commander businessman businesswoman billionaire mogul politician
	lawmaker legislator democrat republican incumbent president-elect author economist analyst expert officer
	striker player captain chair counselor councillor councilman councilwoman councilor sheriff commissioner
	man woman person resident voter strategist pollster consultant activist supporter critic worker employee
	student teacher doctor nurse veteran witness neighbor neighbour friend owner organizer volunteer delegate`)

// groupNouns head plural or collective speakers ("officials", "sources").
var groupNouns = set(`officials reporters journalists crowd audience sources source people residents representatives experts analysts critics supporters
	lawmakers legislators protesters demonstrators voters activists aides advisers advisors leaders ministers
	diplomats authorities investigators prosecutors police officers witnesses observers economists scientists
	researchers doctors docs teachers students parents workers employees members republicans democrats
	conservatives liberals democrats officials spokespeople insiders allies opponents organizers organisers
	fans players campaigners campaign administration government officials staff staffers agents counsel
	mediators negotiators monitors citizens neighbors neighbours families victims survivors farmers owners
	councillors councilors commissioners senators governors mayors judges justices chorus group panel
	committee commission council board survey poll report study statement`)

// orgWords mark a capitalised name as an organisation.
var orgWords = set(`agency ministry department party committee council commission office court senate congress house
	parliament assembly administration government service services association foundation union institute
	university college school bank company corporation corp corp. inc inc. ltd ltd. group network news times
	post journal herald tribune gazette press television tv radio channel club fc united city league federation
	organization organisation authority board bureau army navy force forces police guard campaign church
	center centre hospital fund trust coalition alliance movement front cabinet kremlin pentagon convention caucus
	reuters ap afp bbc cnn nbc abc cbs msnbc fox npr azertac tass xinhua interfax anadolu un nato eu fbi cia nsa
	gop dnc rnc aclu who imf opec osce irs epa fda doj dhs nypd lapd`)

// places are countries (and their capitals, which stand for governments in
// news copy: "Baku said", "Moscow warned"). Multi-word names are joined by
// a single space.
var places = set(`afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahrain
	bangladesh belarus belgium bolivia bosnia brazil bulgaria burma cambodia cameroon canada chad chile china
	colombia congo croatia cuba cyprus czechia denmark ecuador egypt eritrea estonia ethiopia finland france
	georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel
	italy jamaica japan jordan kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia lebanon liberia libya
	lithuania luxembourg macedonia madagascar malaysia mali malta mexico moldova monaco mongolia montenegro morocco
	mozambique myanmar namibia nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama
	paraguay peru philippines poland portugal qatar romania russia rwanda serbia singapore slovakia slovenia
	somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan
	uganda ukraine uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe britain england scotland wales
	u.s u.s. us usa america u.k u.k. uk europe baku yerevan moscow ankara tehran beijing washington kyiv kiev
	london paris berlin tokyo seoul pyongyang jerusalem damascus cairo riyadh brussels tbilisi minsk warsaw
	rome madrid ottawa canberra delhi islamabad kabul baghdad beirut doha havana caracas
	karabakh nagorno-karabakh crimea donbas gaza kashmir tibet kurdistan catalonia`)

var placePhrases = set(`united_states united_kingdom south_korea north_korea south_africa saudi_arabia new_zealand
	united_arab_emirates european_union soviet_union russian_federation czech_republic`)

// demonyms are adjectives of nationality ("the Azeri leader", "Azerbaijani
// President Ilham Aliyev").
var demonyms = set(`american armenian azerbaijani azeri russian turkish iranian georgian british english french german
	chinese japanese korean indian pakistani afghan iraqi syrian israeli palestinian lebanese egyptian saudi
	ukrainian polish italian spanish portuguese dutch belgian swiss austrian swedish norwegian danish finnish
	greek canadian mexican brazilian argentine cuban venezuelan australian european african asian arab kurdish
	soviet western eastern` +
	// party adjectives and members work like nationalities: they qualify a
	// description ("the Republican nominee") and their plurals are groups
	// ("Democrats said"); they are never a person's name.
	` republican democratic democrat libertarian`)

// function words never start or belong to a name even when capitalised at
// the start of a sentence.
var notName = set(`the a an and but or nor so yet for of in on at to by from with as this that these those it its
	he she they we i you his her their our my your there here when where while after before since if though
	although because however meanwhile moreover also still then now today yesterday tomorrow last next
	monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
	september october november december jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr
	according asked speaking answering in-depth during despite under over about into through without within
	what who which why how all some many most several no not one two three four five each every other another
	such both either neither few more less much any only even just again already also well yes thank please
	dear read watch see click share follow subscribe advertisement related photo image video getty reuters
	update updated breaking exclusive analysis opinion editorial` +
	// verbs that follow a name in a title-case headline ("Donald Trump Is
	// Wrong", "Hillary Clinton Says"): they end the name.
	` is was are were has have had says said tells told asks calls wins thinks wants responds tweets slams
	warns vows urges blasts claims denies admits rejects defends praises attacks backs i've i’ve`)

// months and days are capitalised but never names.
var calendar = set(`monday tuesday wednesday thursday friday saturday sunday january february march april may june
	july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`)

// plural name-looking words that end title phrases ("for Special
// Assignments", "Foreign Affairs") rather than start a name.
var titleTail = set(`affairs assignments relations services affairs development defense defence justice finance
	security interior commerce education health energy transportation labor labour agriculture states nations`)

// Flags of the combined lexicon: one lookup per token answers every list.
const (
	fTitle uint16 = 1 << iota
	fRole
	fGroup
	fDemonym
	fPlace
	fOrg
	fNotName
	fCalendar
	fTitleTail
	fGiven
)

var lexicon = func() map[string]uint16 {
	m := map[string]uint16{}
	for _, t := range []struct {
		set  map[string]bool
		flag uint16
	}{{titles, fTitle}, {roleNouns, fRole}, {groupNouns, fGroup}, {demonyms, fDemonym}, {places, fPlace},
		{orgWords, fOrg}, {notName, fNotName}, {calendar, fCalendar}, {titleTail, fTitleTail}, {givenNames, fGiven}} {
		for w := range t.set {
			m[w] |= t.flag
		}
	}
	return m
}()

// ASCIILower lower-cases ASCII letters of w into buf and returns it; other
// bytes are copied as they are. Map lookups with string(buf) do not
// allocate.
func ASCIILower(buf []byte, w string) []byte {
	buf = buf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}
