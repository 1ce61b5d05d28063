package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/kong"
)

// parseExtract parses an extract command line as main does, defaults included.
func parseExtract(t testing.TB, args ...string) *extractCmd {
	t.Helper()
	var c cli
	p, err := kong.New(&c, kong.Name("chronicle"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Parse(append([]string{"extract"}, args...)); err != nil {
		t.Fatalf("parse %q: %v", args, err)
	}
	return &c.Extract
}

// runExtract runs the extract command and returns its records, its stderr
// lines and its error.
func runExtract(t *testing.T, stdin string, args ...string) ([]map[string]any, []string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := parseExtract(t, args...).run(context.Background(), strings.NewReader(stdin), &stdout, &stderr)
	var recs []map[string]any
	for _, line := range strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n") {
		if line == "" {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("output line is not JSON (%v): %s", err, line)
		}
		recs = append(recs, rec)
	}
	var errs []string
	if s := strings.TrimSuffix(stderr.String(), "\n"); s != "" {
		errs = strings.Split(s, "\n")
	}
	return recs, errs, err
}

func ids(recs []map[string]any) []string {
	var out []string
	for _, r := range recs {
		out = append(out, r["id"].(string))
	}
	return out
}

func TestExtractCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	recs, errs, err := runExtract(t, "", dir)
	wantIDs := []string{
		filepath.Join(dir, "01-budget.html"), "wire-1", "wire-3", "csv-1", "csv-3",
		"radio-77", "urn:town-hall:chamber", filepath.Join(dir, "06-mayor.txt"),
	}
	if got := ids(recs); strings.Join(got, " ") != strings.Join(wantIDs, " ") {
		t.Errorf("records in order %q, want %q", got, wantIDs)
	}
	wantErrs := []string{
		"chronicle: " + filepath.Join(dir, "02-wire.jsonl") + ":2: malformed JSON: ",
		"chronicle: " + filepath.Join(dir, "03-export.csv") + ":3: malformed CSV: CSV row has 3 fields, the header 6",
		"chronicle: " + filepath.Join(dir, "07-empty.txt") + ": empty",
		"chronicle: " + filepath.Join(dir, "08-scan.txt") + ": binary content (NUL byte)",
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("stderr lines %q, want %d", errs, len(wantErrs))
	}
	for i, want := range wantErrs {
		if !strings.HasPrefix(errs[i], want) {
			t.Errorf("stderr line %q, want it to start %q", errs[i], want)
		}
	}
	var partial errPartial
	if !errors.As(err, &partial) || partial.failed != 4 || partial.total != 12 {
		t.Errorf("err = %v, want 4 of 12 items failed", err)
	}
	if len(recs) == 0 {
		return
	}
	// Every record has the fields of the contract.
	for _, r := range recs {
		for _, k := range []string{"id", "source", "url", "title", "published", "published_from", "language", "quotes", "timexes", "entities"} {
			if _, ok := r[k]; !ok {
				t.Errorf("record %v lacks %q", r["id"], k)
			}
		}
		if _, ok := r["text"]; ok {
			t.Errorf("record %v has text without --with-text", r["id"])
		}
	}
	page := recs[0]
	for k, want := range map[string]any{
		"source": "Lakeside Herald", "title": "Regional budget adds money for rural clinics",
		"published": "2024-02-14", "published_from": "html", "language": "en",
	} {
		if page[k] != want {
			t.Errorf("page %s = %v, want %v", k, page[k], want)
		}
	}
	if mayor := recs[len(recs)-1]; mayor["published"] != nil || mayor["published_from"] != "none" {
		t.Errorf("txt without a date: published %v from %v, want null from none", mayor["published"], mayor["published_from"])
	}
}

func TestExtractWithText(t *testing.T) {
	recs, errs, err := runExtract(t, "", "--with-text", "testdata/corpus/01-budget.html")
	if err != nil || len(errs) != 0 || len(recs) != 1 {
		t.Fatalf("err %v, stderr %q, %d records", err, errs, len(recs))
	}
	text, _ := recs[0]["text"].(string)
	want := "Regional budget adds money for rural clinics\n\n" +
		"The regional assembly passed next year's budget on Wednesday, with an extra 3 million euros for clinics in villages that have lost their doctors.\n\n" +
		"\"Nobody should drive an hour to see a nurse,\" said finance officer Henrik Dahl, who presented the plan. He said the money would pay for two mobile clinics and longer opening hours.\n\n" +
		"The opposition voted against the budget, saying it relied on tax income that might not arrive."
	if text != want {
		t.Errorf("text =\n%s\nwant\n%s", text, want)
	}
}

func TestExtractStdin(t *testing.T) {
	in := `{"id":"s1","title":"One","text":"The first article read from standard input."}` + "\n" +
		"not json at all\n" +
		`{"id":"s2","text":"The second one."}` + "\n"
	recs, errs, err := runExtract(t, in, "-")
	if got := ids(recs); strings.Join(got, " ") != "s1 s2" {
		t.Errorf("ids %q, want s1 s2", got)
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "chronicle: -:2: malformed JSON") {
		t.Errorf("stderr %q, want one malformed JSON line for -:2", errs)
	}
	if err == nil {
		t.Error("no error for a failed line")
	}
}

func TestExtractURLs(t *testing.T) {
	page, err := os.ReadFile("testdata/corpus/01-budget.html")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/budget", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(page)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(bytes.Repeat([]byte("<p>filler</p>\n"), 100_000)) // about 1.4 MB
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	recs, errs, err := runExtract(t, "", "--timeout", "300ms", "--max-fetch-mib", "1",
		srv.URL+"/budget", srv.URL+"/nope", srv.URL+"/slow", srv.URL+"/big")
	if got := ids(recs); len(got) != 1 || got[0] != srv.URL+"/budget" {
		t.Errorf("ids %q, want the one page", got)
	} else if recs[0]["url"] != srv.URL+"/budget" || recs[0]["source"] != "Lakeside Herald" {
		t.Errorf("page url %v source %v", recs[0]["url"], recs[0]["source"])
	}
	want := []string{
		"chronicle: " + srv.URL + "/nope: fetch: HTTP 404 Not Found",
		"chronicle: " + srv.URL + "/slow: fetch: ",
		"chronicle: " + srv.URL + "/big: fetch: ",
	}
	if len(errs) != len(want) {
		t.Fatalf("stderr %q, want %d lines", errs, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(errs[i], want[i]) {
			t.Errorf("stderr line %q, want it to start %q", errs[i], want[i])
		}
	}
	if !strings.Contains(errs[1], "deadline exceeded") || !strings.Contains(errs[2], "larger than 1 MiB") {
		t.Errorf("timeout or size failure unclear: %q", errs[1:])
	}
	var partial errPartial
	if !errors.As(err, &partial) || partial.failed != 3 {
		t.Errorf("err = %v, want 3 failed", err)
	}
}

func TestExtractBadReferenceDate(t *testing.T) {
	_, _, err := runExtract(t, "", "--reference-date", "12/09/2016", "testdata/corpus/06-mayor.txt")
	if err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD") {
		t.Errorf("err = %v, want a YYYY-MM-DD complaint", err)
	}
}

// TestBinaryExitStatus builds the binary and checks its exit status and that
// it prints no progress when stderr is not a terminal.
func TestBinaryExitStatus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "chronicle")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	tests := []struct {
		args        []string
		wantStatus  int
		wantStderr  string
		wantRecords int
	}{
		{[]string{"extract", "testdata/corpus/06-mayor.txt"}, 0, "", 1},
		{[]string{"extract", "testdata/corpus/06-mayor.txt", "testdata/corpus/07-empty.txt"}, 1,
			"chronicle: testdata/corpus/07-empty.txt: empty\nchronicle: 1 of 2 items failed\n", 1},
		{[]string{"extract", "testdata/no-such-dir"}, 1,
			"chronicle: testdata/no-such-dir: stat testdata/no-such-dir: no such file or directory\nchronicle: 1 of 1 items failed\n", 0},
	}
	for _, tt := range tests {
		cmd := exec.Command(bin, tt.args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		status := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			status = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if status != tt.wantStatus || stderr.String() != tt.wantStderr {
			t.Errorf("%q: status %d, stderr %q; want %d, %q", tt.args, status, stderr.String(), tt.wantStatus, tt.wantStderr)
		}
		if n := strings.Count(stdout.String(), "\n"); n != tt.wantRecords {
			t.Errorf("%q: %d records, want %d", tt.args, n, tt.wantRecords)
		}
	}
}
