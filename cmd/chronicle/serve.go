package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"time"

	"chronicle/server"
	"chronicle/store"
)

type serveCmd struct {
	Addr       string        `default:"127.0.0.1:8080" help:"Address to listen on; only loopback addresses serve writes without a token."`
	AllowWrite bool          `name:"allow-write" help:"Turn on speaker corrections and analyse."`
	Token      string        `env:"CHRONICLE_TOKEN" help:"Token that writes must carry; generated and printed when writes are on and the address is not loopback."`
	Timeout    time.Duration `default:"10s" help:"Time limit for one request."`
	Paths      []string      `arg:"" optional:"" name:"path" help:"Files, directories, URLs or feeds to ingest before serving."`
}

func (c *serveCmd) Run(ctx context.Context, app *cli) error {
	return c.run(ctx, app.DB, os.Stderr, nil)
}

// run ingests the paths, then serves until ctx is done. ready, if set, gets
// the bound address.
func (c *serveCmd) run(ctx context.Context, dbPath string, stderr io.Writer, ready func(net.Addr)) error {
	if len(c.Paths) > 0 {
		in := ingestCmd{Paths: c.Paths, Batch: 500, inputFlags: inputFlags{Timeout: 30 * time.Second, MaxFetchMiB: 64}}
		var partial errPartial
		if err := in.run(ctx, dbPath, os.Stdin, stderr); err != nil && !errors.As(err, &partial) {
			return err
		} else if err != nil {
			fmt.Fprintf(stderr, "chronicle: %v; serving the rest\n", err)
		}
	}
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	token := c.Token
	if c.AllowWrite && token == "" && !server.IsLoopback(c.Addr) {
		b := make([]byte, 16)
		rand.Read(b)
		token = hex.EncodeToString(b)
		fmt.Fprintf(stderr, "chronicle: writes need the token %s\n", token)
	}
	s, err := server.New(db, server.Options{AllowWrite: c.AllowWrite, Token: token, Editor: db, Timeout: c.Timeout, Logger: slog.Default()})
	if err != nil {
		return err
	}
	go func() {
		if err := s.Warm(ctx); err != nil && ctx.Err() == nil {
			slog.Warn("warming the facets", "err", err)
		}
	}()
	return server.Listen(ctx, c.Addr, s, func(a net.Addr) {
		fmt.Fprintf(stderr, "chronicle: serving %s on http://%s (Ctrl-C stops)\n", dbPath, a)
		if ready != nil {
			ready(a)
		}
	})
}
