package main

import (
	"fmt"
	"io"
	"time"

	"chronicle/article"
)

// inputFlags are the flags of every command that reads articles.
type inputFlags struct {
	ReferenceDate string        `help:"Resolve relative dates against this date (YYYY-MM-DD) instead of the publication date."`
	Timeout       time.Duration `default:"30s" help:"Time limit for fetching one URL."`
	MaxFetchMiB   int64         `name:"max-fetch-mib" default:"64" help:"Largest page or feed fetched from a URL, in MiB."`
}

// reader checks the flags and returns the article reader they ask for.
func (f inputFlags) reader(stdin io.Reader) (*article.Reader, error) {
	if f.ReferenceDate != "" {
		if _, err := time.Parse("2006-01-02", f.ReferenceDate); err != nil {
			return nil, fmt.Errorf("--reference-date %q: want YYYY-MM-DD", f.ReferenceDate)
		}
	}
	r := &article.Reader{Fetcher: article.NewFetcher(), Stdin: stdin}
	r.Fetcher.Timeout = f.Timeout
	r.Fetcher.MaxBytes = f.MaxFetchMiB << 20
	return r, nil
}
