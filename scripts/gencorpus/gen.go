package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// Article is one line of the generated corpus, in the JSONL input format
// of chronicle (`id, title, published, source, url, text`).
type Article struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Published *string `json:"published"`
	Source    string  `json:"source"`
	URL       string  `json:"url"`
	Text      string  `json:"text"`
}

// Base is a real article the copies are made from.
type Base struct {
	Title string
	Paras []string // the body paragraphs, without the title line
}

// Generator makes article i of a corpus out of the bases. Article i depends
// only on the bases, the seed and i, so a corpus can be made in pieces, in
// any order, and the same flags always give the same bytes.
type Generator struct {
	Seed    uint64
	Undated float64 // share of articles without a publication date
	Dups    float64 // share of articles that republish an earlier article (a near duplicate)
	Mix     float64 // share of a copy's paragraphs taken from other bases
	bases   []Base
	pool    []string          // every paragraph of every base
	swap    map[string]string // source name -> "first" or "last"
}

const (
	minBaseParas = 4 // paragraphs an article needs to be copied
	minParas     = 8 // paragraphs of a copy, filled up from other articles
)

// New prepares a generator over the bases (at least one, with paragraphs).
func New(bases []Base, seed uint64) *Generator {
	g := &Generator{Seed: seed, Undated: 0.02, Dups: 0.01, Mix: 0.5, swap: map[string]string{}}
	for _, b := range bases {
		g.pool = append(g.pool, b.Paras...)
		// An article in fewer paragraphs (often one block of text) would
		// make copies that share most of their text: it only lends them
		// paragraphs.
		if len(b.Paras) >= minBaseParas {
			g.bases = append(g.bases, b)
		}
	}
	if len(g.bases) == 0 {
		g.bases = bases
	}
	for _, w := range sourceLast {
		g.swap[w] = "last"
	}
	for _, w := range sourceFirst {
		g.swap[w] = "first"
	}
	return g
}

// first and last day of the publication dates
var (
	day0 = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	days = int(time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC).Sub(day0).Hours()/24) + 1
)

// Article returns article i (from 0).
func (g *Generator) Article(i int) Article {
	pick := rand.New(rand.NewPCG(g.Seed, uint64(2*i+1)))
	if i > 0 && pick.Float64() < g.Dups {
		return g.republish(g.Article(pick.IntN(i)), i, pick)
	}
	return g.fresh(i)
}

// fresh makes a copy of a random base: about Mix of its paragraphs replaced
// by paragraphs of other articles, at least minParas of them, all in a new
// order, every known person renamed, credited to a made-up outlet on a
// random day. Paragraphs stay whole, so quotations and their attributions
// keep their structure.
func (g *Generator) fresh(i int) Article {
	rng := rand.New(rand.NewPCG(g.Seed, uint64(2*i)))
	b := g.bases[rng.IntN(len(g.bases))]
	paras := make([]string, len(b.Paras))
	for k, p := range b.Paras {
		if rng.Float64() < g.Mix {
			p = g.pool[rng.IntN(len(g.pool))]
		}
		paras[k] = p
	}
	for len(paras) < minParas {
		paras = append(paras, g.pool[rng.IntN(len(g.pool))])
	}
	rng.Shuffle(len(paras), func(a, b int) { paras[a], paras[b] = paras[b], paras[a] })
	r := renamer{g: g, rng: rng, to: map[string]string{}, used: map[string]bool{}}
	title := r.rename(b.Title)
	for k := range paras {
		paras[k] = r.rename(paras[k])
	}
	a := Article{ID: fmt.Sprintf("gen%d-%08d", g.Seed, i), Title: title, Text: title + "\n\n" + strings.Join(paras, "\n\n")}
	a.Source = outlets[rng.IntN(len(outlets))].name
	if rng.Float64() >= g.Undated {
		d := day0.AddDate(0, 0, rng.IntN(days)).Format("2006-01-02")
		a.Published = &d
	}
	a.URL = g.url(a, i)
	return a
}

// republish makes what a syndicating site does with an article: a new
// headline, another outlet, a day later, one paragraph dropped from a long one.
func (g *Generator) republish(a Article, i int, rng *rand.Rand) Article {
	paras := strings.Split(a.Text, "\n\n")[1:]
	if len(paras) > 8 { // short articles keep all: one paragraph is too much of them
		k := rng.IntN(len(paras))
		paras = append(paras[:k], paras[k+1:]...)
	}
	a.Title = []string{"UPDATE: ", "Analysis: ", "What we know: ", "Explainer: "}[rng.IntN(4)] + a.Title
	a.Text = a.Title + "\n\n" + strings.Join(paras, "\n\n")
	a.ID = fmt.Sprintf("gen%d-%08d", g.Seed, i)
	a.Source = outlets[rng.IntN(len(outlets))].name
	if a.Published != nil {
		t, _ := time.Parse("2006-01-02", *a.Published)
		d := t.AddDate(0, 0, 1).Format("2006-01-02")
		a.Published = &d
	}
	a.URL = g.url(a, i)
	return a
}

func (g *Generator) url(a Article, i int) string {
	domain := ""
	for _, o := range outlets {
		if o.name == a.Source {
			domain = o.domain
		}
	}
	when := "news"
	if a.Published != nil {
		when = strings.ReplaceAll(*a.Published, "-", "/")
	}
	return fmt.Sprintf("https://www.%s/%s/%s-%d", domain, when, slug(a.Title), i)
}

// slug is the first words of a title, lower case, joined by hyphens.
func slug(title string) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(strings.ToLower(title)) {
		w = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, w)
		if w == "" {
			continue
		}
		if n > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
		if n++; n == 6 {
			break
		}
	}
	return b.String()
}

// renamer gives every source person's first name and surname a made-up
// replacement, the same throughout one article, no two the same.
type renamer struct {
	g    *Generator
	rng  *rand.Rand
	to   map[string]string
	used map[string]bool
}

func (r *renamer) rename(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			b.WriteString(r.word(s[start:i]))
			start = -1
		}
		if i < len(s) {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func (r *renamer) word(w string) string {
	kind, ok := r.g.swap[w]
	if !ok {
		return w
	}
	if to, ok := r.to[w]; ok {
		return to
	}
	list := newLast
	if kind == "first" {
		list = newFirst
	}
	to := list[r.rng.IntN(len(list))]
	for tries := 0; r.used[to] && tries < 20; tries++ {
		to = list[r.rng.IntN(len(list))]
	}
	r.to[w], r.used[to] = to, true
	return to
}
