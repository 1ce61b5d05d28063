package store

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommands runs the store's subcommands of the built binary on the
// fixtures: their wiring, formats and exit statuses.
func TestCommands(t *testing.T) {
	bin := chronicleBinary(t)
	db := filepath.Join(t.TempDir(), "cli.db")
	run := func(args ...string) (string, string, int) {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return stdout.String(), stderr.String(), code
	}

	out, errOut, code := run(append([]string{"ingest"}, append(fixtures, "testdata/bad")...)...)
	if code != 1 || out != "" || !strings.Contains(errOut, "chronicle: testdata/bad/empty.txt: empty\n") ||
		!strings.HasSuffix(errOut, "chronicle: 3 of 16 items failed\n") {
		t.Errorf("ingest with bad items: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if out, _, code := run("failures"); code != 0 || strings.Count(out, "\n") != 3 || !strings.Contains(out, "testdata/bad/scan.txt\t") {
		t.Errorf("failures: exit %d\n%s", code, out)
	}

	out, _, _ = run("export", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// 21 quotations of the fixtures (see TestQuotes), 2 of bad.jsonl.
	if len(rows) != 1+23 || strings.Join(rows[0], ",") != strings.Join(QuoteColumns, ",") {
		t.Errorf("export csv: %d rows, header %q", len(rows), rows[0])
	}
	out, _, _ = run("export", "--format", "jsonl", "--speaker", "Petra Holm")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Errorf("export jsonl for Petra Holm: %d lines, want 5", len(lines))
	}
	var q map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &q); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"text", "start", "end", "kind", "speaker", "speaker_type", "speaker_role", "speaker_mention",
		"cue", "said_on", "said_on_from", "speaker_id", "article_id", "source", "url", "published"} {
		if _, ok := q[k]; !ok {
			t.Errorf("export jsonl lacks %q", k)
		}
	}

	out, errOut, _ = run("quotes", "--limit", "3", "--format", "jsonl")
	if strings.Count(out, "\n") != 3 || !strings.Contains(errOut, "more: --cursor ") {
		t.Errorf("quotes page: %q, stderr %q", out, errOut)
	}
	cursor := strings.TrimSpace(errOut[strings.Index(errOut, "--cursor ")+len("--cursor "):])
	if out, _, code := run("quotes", "--limit", "3", "--cursor", cursor); code != 0 || !strings.HasPrefix(out, "DATE") {
		t.Errorf("second page: exit %d\n%s", code, out)
	}
	out, _, _ = run("quotes", "--speaker", "Petra Holm")
	if !strings.Contains(out, "undated") {
		t.Errorf("quotes table does not say undated:\n%s", out)
	}

	sp := func() map[string]int {
		out, _, _ := run("speakers", "--format", "jsonl")
		got := map[string]int{}
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var s Speaker
			if err := json.Unmarshal([]byte(l), &s); err != nil {
				t.Fatal(err)
			}
			got[s.Name] = s.Quotes
		}
		return got
	}
	before := sp()
	if before["Elin Sandberg"] != 5 || before["Jonas Sandberg"] != 3 {
		t.Fatalf("speakers %v", before)
	}
	ids := map[string]string{}
	out, _, _ = run("speakers", "--format", "csv", "--top", "0")
	recs, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	for _, r := range recs[1:] {
		ids[r[1]] = r[0]
	}
	if _, _, code := run("speakers", "merge", ids["Elin Sandberg"], ids["Jonas Sandberg"]); code != 0 {
		t.Fatal("merge failed")
	}
	if got := sp(); got["Elin Sandberg"] != 8 || got["Jonas Sandberg"] != 0 {
		t.Errorf("after merge %v", got)
	}
	if out, _, code := run("speakers", "split", ids["Elin Sandberg"], "Jonas Sandberg"); code != 0 || strings.TrimSpace(out) == "" {
		t.Errorf("split: exit %d, %q", code, out)
	}
	run("speakers", "rename", ids["Elin Sandberg"], "Elin K. Sandberg")
	run("speakers", "alias", ids["Elin Sandberg"], "Sandberg")
	if got := sp(); got["Elin K. Sandberg"] != 7 || got["Jonas Sandberg"] != 3 || got["Sandberg"] != 0 {
		t.Errorf("after split, rename, alias %v", got)
	}
	if _, errOut, code := run("speakers", "merge", "1", "99999"); code != 1 || !strings.Contains(errOut, "not found") {
		t.Errorf("merge with a missing speaker: exit %d, %q", code, errOut)
	}

	if out, _, code := run("search", "quotas"); code != 0 || !strings.Contains(out, "«quotas»") {
		t.Errorf("search: exit %d\n%s", code, out)
	}
	if out, _, code := run("show", "valley-0502"); code != 0 || !strings.Contains(out, "\"⟦We were lucky") ||
		!strings.Contains(out, "Holm [speaker "+ids["Petra Holm"]+"]") {
		t.Errorf("show: exit %d\n%s", code, out)
	}
	if _, errOut, code := run("show", "no-such-article"); code != 1 || !strings.Contains(errOut, "not found") {
		t.Errorf("show of a missing article: exit %d, %q", code, errOut)
	}
	if _, _, code := run("reextract"); code != 0 {
		t.Errorf("reextract: exit %d", code)
	}
}
