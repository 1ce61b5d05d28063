package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// serve ingests its paths, serves, and stops cleanly when its context ends
// (as on SIGINT).
func TestServeIngestsThenServesUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dbPath := filepath.Join(t.TempDir(), "serve.db")
	c := serveCmd{Addr: "127.0.0.1:0", Timeout: 5 * time.Second, Paths: []string{"../../server/testdata/harbour.jsonl"}}
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	var stderr bytes.Buffer
	go func() { done <- c.run(ctx, dbPath, &stderr, func(a net.Addr) { addr <- a }) }()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a.String()
	case err := <-done:
		t.Fatalf("serve stopped: %v (%s)", err, stderr.String())
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start")
	}
	resp, err := http.Get(base + "/api/speakers?q=marta")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"name":"Marta Keller"`) {
		t.Errorf("speakers after ingest: %d %s", resp.StatusCode, b)
	}
	// Read-only by default: no analyse.
	resp, err = http.Post(base+"/api/analyse", "text/plain", strings.NewReader("text"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == 200 {
		t.Error("analyse served without --allow-write")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("shutdown: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop after cancel")
	}
	if !strings.Contains(stderr.String(), "serving") {
		t.Errorf("stderr %q", stderr.String())
	}
}

func TestServePrintsATokenForWritesOffLoopback(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	c := serveCmd{Addr: "0.0.0.0:0", AllowWrite: true, Timeout: time.Second}
	var stderr bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- c.run(ctx, filepath.Join(t.TempDir(), "t.db"), &stderr, func(net.Addr) { cancel() })
	}()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "writes need the token ") {
		t.Errorf("no token printed: %q", stderr.String())
	}
}
