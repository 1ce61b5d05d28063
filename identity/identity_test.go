package identity

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func person(name string) Observation { return Observation{Name: name, Type: "person", Count: 1} }

// byName finds the identity whose aliases hold name.
func byName(t *testing.T, r Result, name string) Identity {
	t.Helper()
	for _, id := range r.Identities {
		if slices.Contains(id.Aliases, name) {
			return id
		}
	}
	t.Fatalf("no identity has the alias %q; identities: %v", name, summary(r))
	return Identity{}
}

func summary(r Result) []string {
	var s []string
	for _, id := range r.Identities {
		s = append(s, id.Key+"="+strings.Join(id.Aliases, "|"))
	}
	return s
}

func TestTitlesAndShortFormsJoinTheFullName(t *testing.T) {
	r := Resolve([]Observation{
		person("Aliyev"), person("Ilham Aliyev"), person("President Ilham Aliyev"),
		person("Azerbaijani President Ilham Aliyev"), person("Mr. Aliyev"),
	}, nil)
	if len(r.Identities) != 1 {
		t.Fatalf("got %d identities %v, want 1", len(r.Identities), summary(r))
	}
	id := r.Identities[0]
	want := Identity{
		Key: "person:ilham aliyev", Name: "Ilham Aliyev", Type: "person", Count: 5,
		Aliases: []string{"Aliyev", "Azerbaijani President Ilham Aliyev", "Ilham Aliyev", "Mr. Aliyev", "President Ilham Aliyev"},
		Roles:   []Role{{Role: "Azerbaijani President", Count: 1}, {Role: "President", Count: 1}},
	}
	if !reflect.DeepEqual(id, want) {
		t.Errorf("got  %+v\nwant %+v", id, want)
	}
}

func TestSharedSurnameStaysApart(t *testing.T) {
	r := Resolve([]Observation{
		person("Aliyev"), person("Ilham Aliyev"), person("President Ilham Aliyev"),
		person("Heydar Aliyev"), person("former President Heydar Aliyev"),
	}, nil)
	if got := summary(r); !slices.Equal(got, []string{
		"person:aliyev=Aliyev",
		"person:heydar aliyev=Heydar Aliyev|former President Heydar Aliyev",
		"person:ilham aliyev=Ilham Aliyev|President Ilham Aliyev",
	}) {
		t.Errorf("identities %v", got)
	}
}

func TestInitialsAndSuffixes(t *testing.T) {
	r := Resolve([]Observation{
		person("George W. Bush"), person("George H. W. Bush"), person("George H.W. Bush"),
		person("George Bush"), person("Bush"), person("Jeb Bush"),
		person("Donald J. Trump"), person("Donald Trump"), person("Donald Trump Jr."), person("Trump"),
		person("Hillary Clinton"), person("Hillary Rodham Clinton"), person("Bill Clinton"),
	}, nil)
	want := []string{
		"person:bill clinton=Bill Clinton",
		"person:bush=Bush", // fits every Bush
		"person:donald j trump=Donald J. Trump|Donald Trump",
		"person:donald trump jr=Donald Trump Jr.",
		"person:george bush=George Bush", // fits both presidents
		"person:george h w bush=George H. W. Bush|George H.W. Bush",
		"person:george w bush=George W. Bush",
		"person:hillary rodham clinton=Hillary Clinton|Hillary Rodham Clinton",
		"person:jeb bush=Jeb Bush",
		"person:trump=Trump", // father or son
	}
	if got := summary(r); !slices.Equal(got, want) {
		t.Errorf("identities\n got %q\nwant %q", got, want)
	}
	if id := byName(t, r, "Donald Trump Jr."); id.Name != "Donald Trump Jr." {
		t.Errorf("display name %q, want the suffix kept as written", id.Name)
	}
}

func TestFamiliarGivenNames(t *testing.T) {
	r := Resolve([]Observation{
		person("Bill Clinton"), person("President Bill Clinton"), person("William Clinton"),
		person("William Jefferson Clinton"), person("Hillary Clinton"), person("Clinton"),
		person("Joe Biden"), person("Joseph R. Biden"),
		person("Mike Pence"), person("Michael Pence"),
		person("Chris Smith"), person("Christopher Smith"), person("Christine Smith"),
		person("Jack Reed"), person("John Reed"),
		person("Ray Kelly"), person("Raymond Kelly"),
	}, nil)
	want := []string{
		"person:chris smith=Chris Smith", // Christopher or Christine
		"person:christine smith=Christine Smith",
		"person:christopher smith=Christopher Smith",
		"person:clinton=Clinton", // Bill or Hillary
		"person:hillary clinton=Hillary Clinton",
		"person:jack reed=Jack Reed", // Jack is a name of its own as often as John's
		"person:john reed=John Reed",
		"person:joseph r biden=Joe Biden|Joseph R. Biden",
		"person:michael pence=Michael Pence|Mike Pence",
		"person:raymond kelly=Ray Kelly|Raymond Kelly",
		"person:william jefferson clinton=Bill Clinton|President Bill Clinton|William Clinton|William Jefferson Clinton",
	}
	if got := summary(r); !slices.Equal(got, want) {
		t.Errorf("identities\n got %q\nwant %q", got, want)
	}
	// The formal name does not fit its familiar form: the identity of a
	// corpus with only "Bill Clinton" and "William Clinton" is William's.
	r = Resolve([]Observation{person("William Clinton"), person("Bill Clinton"), person("Bill Clinton")}, nil)
	if got := summary(r); !slices.Equal(got, []string{"person:william clinton=Bill Clinton|William Clinton"}) {
		t.Errorf("identities %q", got)
	}
}

func TestCaseAndAccents(t *testing.T) {
	r := Resolve([]Observation{
		person("Recep Tayyip Erdoğan"), person("Recep Tayyip Erdoğan"), person("ERDOGAN"),
		person("Tayyip Erdogan"), person("President Erdoğan"), person("Turkish President Recep Tayyip Erdogan"),
	}, nil)
	if len(r.Identities) != 1 {
		t.Fatalf("identities %v, want one", summary(r))
	}
	id := r.Identities[0]
	if id.Key != "person:recep tayyip erdogan" || id.Name != "Recep Tayyip Erdoğan" {
		t.Errorf("key %q name %q: want the folded key and the most written form", id.Key, id.Name)
	}
}

func TestTypesStayApart(t *testing.T) {
	r := Resolve([]Observation{
		{Name: "Jordan", Type: "country"}, {Name: "Michael Jordan", Type: "person"}, {Name: "Jordan", Type: "person"},
		{Name: "Azertac", Type: "organization"}, {Name: "AZERTAC", Type: "unknown"},
		{Name: "the Foreign Ministry", Type: "organization"}, {Name: "Foreign Ministry", Type: "organization"},
		{Name: "Armenia", Type: "country"}, {Name: "Armenia", Type: "unknown"}, {Name: "Armenia", Type: "organization"},
	}, nil)
	want := []string{
		"country:armenia=Armenia",
		"country:jordan=Jordan",
		"organization:armenia=Armenia",
		"organization:azertac=AZERTAC|Azertac", // unknown joins the only typed speaker of that name
		"organization:foreign ministry=Foreign Ministry|the Foreign Ministry",
		"person:michael jordan=Jordan|Michael Jordan", // the person Jordan, not the country
		"unknown:armenia=Armenia",                     // a country and an organisation: no guess
	}
	if got := summary(r); !slices.Equal(got, want) {
		t.Errorf("identities\n got %q\nwant %q", got, want)
	}
	if k, ok := r.Key("Jordan", "country"); !ok || k != "country:jordan" {
		t.Errorf(`Key("Jordan", country) = %q, %v`, k, ok)
	}
	if k, ok := r.Key("Jordan", ""); ok {
		t.Errorf(`Key("Jordan", any type) = %q: it names a country and a person`, k)
	}
	if k, ok := r.Key("Mr. Michael Jordan", "person"); !ok || k != "person:michael jordan" {
		t.Errorf(`Key("Mr. Michael Jordan") = %q, %v`, k, ok)
	}
}

func TestRolesWithDates(t *testing.T) {
	r := Resolve([]Observation{
		{Name: "Jeyhun Bayramov", Type: "person", Role: "Foreign Minister of Azerbaijan", Date: "2021-03-04", Count: 2},
		{Name: "Jeyhun Bayramov", Type: "person", Role: "foreign minister of Azerbaijan", Date: "2023-09-20T10:00:00+04:00", Count: 1},
		{Name: "Bayramov", Type: "person", Role: "Education Minister", Date: "2019-05-01", Count: 3},
		{Name: "Foreign Minister Jeyhun Bayramov", Type: "person", Date: "2022-01-10"},
		{Name: "Jeyhun Bayramov", Type: "person", Role: "", Date: "not a date", Count: 4},
	}, nil)
	id := byName(t, r, "Bayramov")
	want := []Role{
		{Role: "Education Minister", First: "2019-05-01", Last: "2019-05-01", Count: 3},
		{Role: "Foreign Minister of Azerbaijan", First: "2021-03-04", Last: "2023-09-20", Count: 3},
		{Role: "Foreign Minister", First: "2022-01-10", Last: "2022-01-10", Count: 1},
	}
	if !reflect.DeepEqual(id.Roles, want) {
		t.Errorf("roles\n got %+v\nwant %+v", id.Roles, want)
	}
	if id.Count != 11 || id.First != "2019-05-01" || id.Last != "2023-09-20" {
		t.Errorf("count %d, dates %q..%q; want 11, 2019-05-01..2023-09-20", id.Count, id.First, id.Last)
	}
}

func TestDescriptionsAndEmptyNamesHaveNoIdentity(t *testing.T) {
	r := Resolve([]Observation{person(""), person("   "), person("the president"), person("Azeri officials")}, nil)
	if got := summary(r); !slices.Equal(got, []string{"person:officials=Azeri officials"}) {
		// "officials" is no title word, so it stays (extract types it as a group anyway)
		t.Errorf("identities %v", got)
	}
}

func corpus() []Observation {
	return []Observation{
		person("Aliyev"), person("Ilham Aliyev"), person("President Ilham Aliyev"),
		person("Azerbaijani President Ilham Aliyev"), person("Hikmet Hajiyev"), person("Hajiyev"),
		{Name: "İlham Əliyev", Type: "unknown"}, person("Nikol Pashinyan"), person("Prime Minister Pashinyan"),
		{Name: "Azerbaijan", Type: "country"}, {Name: "Georgia", Type: "country"}, person("Georgia Smith"),
	}
}

func TestCorrections(t *testing.T) {
	r := Resolve(corpus(), []Correction{
		{Op: Alias, Name: "President Aliyev", Target: "İlham Əliyev"},
		{Op: Split, Name: "Hajiyev"},
		{Op: Merge, Name: "Hajiyev", Target: "Nikol Pashinyan"}, // a mistake ...
		{Op: Split, Name: "Hajiyev"},                            // ... undone
		{Op: Rename, Name: "Pashinyan", Target: "Nikol Vovayi Pashinyan"},
		{Op: Merge, Name: "Nobody Known", Target: "Aliyev"},
		{Op: Merge, Name: "Georgia Smith", Target: "Georgia"}, // the country, the only other Georgia
		{Op: Rename, Name: "Aliyev", Target: ""},
	})
	want := []string{
		"country:azerbaijan=Azerbaijan",
		"country:georgia=Georgia|Georgia Smith",
		"person:hajiyev=Hajiyev",
		"person:hikmet hajiyev=Hikmet Hajiyev",
		"person:ilham aliyev=Aliyev|Azerbaijani President Ilham Aliyev|Ilham Aliyev|President Ilham Aliyev|İlham Əliyev",
		"person:nikol pashinyan=Nikol Pashinyan|Nikol Vovayi Pashinyan|Prime Minister Pashinyan",
	}
	if got := summary(r); !slices.Equal(got, want) {
		t.Errorf("identities\n got %q\nwant %q", got, want)
	}
	if id := byName(t, r, "Nikol Pashinyan"); id.Name != "Nikol Vovayi Pashinyan" || id.Key != "person:nikol pashinyan" {
		t.Errorf("renamed: name %q key %q; want the new name and the old key", id.Name, id.Key)
	}
	if len(r.Unapplied) != 2 || !strings.Contains(r.Unapplied[0].Reason, "Nobody Known") || r.Unapplied[1].Op != Rename {
		t.Errorf("unapplied %+v, want the unknown name and the empty rename", r.Unapplied)
	}
	for name, want := range map[string]string{"İlham Əliyev": "person:ilham aliyev", "ilham eliyev": "person:ilham aliyev",
		"Nikol Vovayi Pashinyan": "person:nikol pashinyan"} {
		if k, _ := r.Key(name, "person"); k != want {
			t.Errorf("Key(%q) = %q, want %q", name, k, want)
		}
	}
}

func TestSplitTheHead(t *testing.T) {
	r := Resolve(corpus()[:4], []Correction{{Op: Split, Name: "Ilham Aliyev"}})
	want := []string{
		"person:aliyev=Aliyev",
		"person:ilham aliyev=Azerbaijani President Ilham Aliyev|Ilham Aliyev|President Ilham Aliyev",
	}
	if got := summary(r); !slices.Equal(got, want) {
		t.Errorf("identities\n got %q\nwant %q", got, want)
	}
}

func TestAmbiguousCorrection(t *testing.T) {
	r := Resolve([]Observation{{Name: "Georgia", Type: "country"}, {Name: "Georgia", Type: "organization"}, person("Ann Lee")},
		[]Correction{{Op: Merge, Name: "Georgia", Target: "Ann Lee"}, {Op: Merge, Name: "Georgia", Target: "Ann Lee", Type: "person"}})
	if len(r.Unapplied) != 2 || !strings.Contains(r.Unapplied[0].Reason, "give a type") || !strings.Contains(r.Unapplied[1].Reason, "no speaker") {
		t.Errorf("unapplied %+v", r.Unapplied)
	}
	if len(r.Identities) != 3 {
		t.Errorf("identities %v: nothing should have merged", summary(r))
	}
}

// TestOrderDoesNotMatter shuffles a corpus with every rule in it.
func TestOrderDoesNotMatter(t *testing.T) {
	obs := corpus()
	for _, n := range []string{"George W. Bush", "George H. W. Bush", "George Bush", "Bush", "Recep Tayyip Erdoğan",
		"Erdogan", "Tayyip Erdogan", "Donald Trump", "Donald Trump Jr.", "Trump", "Bill Clinton", "William Clinton",
		"Chris Smith", "Christopher Smith", "Christine Smith"} {
		obs = append(obs, person(n))
	}
	obs = append(obs, Observation{Name: "Ilham Aliyev", Type: "person", Role: "President", Date: "2020-10-01", Count: 3},
		Observation{Name: "Aliyev", Type: "person", Role: "president", Date: "2023-09-20", Count: 2},
		Observation{Name: "Ilham Aliyev", Type: "person", Role: "President", Date: "2019-01-01", Count: 1},
		Observation{Name: "ilham aliyev", Type: "person", Count: 1}, Observation{Name: "ILHAM ALIYEV", Type: "person", Count: 1})
	corr := []Correction{{Op: Alias, Name: "Aliyev", Target: "İlham Əliyev"}, {Op: Split, Name: "Hajiyev"}}
	want := Resolve(obs, corr)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		sh := slices.Clone(obs)
		rng.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		got := Resolve(sh, corr)
		if !reflect.DeepEqual(got.Identities, want.Identities) || !reflect.DeepEqual(got.Names(), want.Names()) {
			t.Fatalf("shuffled input gives another result:\n got %v\nwant %v", summary(got), summary(want))
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"Azerbaijani President Ilham Aliyev", "H.W.", "Jr.", "the", "'s 's", "Mr. . Jr."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, typ := range types {
			r := Resolve([]Observation{{Name: s, Type: typ}, {Name: s + " Aliyev", Type: typ}}, []Correction{{Op: Split, Name: s}})
			for _, id := range r.Identities {
				if id.Key == "" || len(id.Aliases) == 0 {
					t.Fatalf("%q: empty identity %+v", s, id)
				}
			}
		}
	})
}

// BenchmarkResolve resolves 100,000 observations of 30,000 people: the
// scale of a speaker table at a million articles.
func BenchmarkResolve(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	first := []string{"Anna", "Boris", "Carla", "Davit", "Elif", "Farid", "Gita", "Hugo", "Ines", "Jonas"}
	titles := []string{"", "", "President ", "Minister ", "Sen. ", "Mr. "}
	var obs []Observation
	for len(obs) < 100_000 {
		sur := "Name" + strings.Repeat("x", rng.IntN(3)) + string(rune('a'+rng.IntN(26))) + string(rune('a'+rng.IntN(26))) + string(rune('a'+rng.IntN(26)))
		full := first[rng.IntN(len(first))] + " " + sur
		switch rng.IntN(4) {
		case 0:
			full = sur
		case 1:
			full = titles[rng.IntN(len(titles))] + full
		}
		obs = append(obs, Observation{Name: full, Type: "person", Role: titles[rng.IntN(len(titles))], Date: "2020-01-02", Count: 1 + rng.IntN(5)})
	}
	for b.Loop() {
		Resolve(obs, nil)
	}
}
