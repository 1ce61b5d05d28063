package server

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A tiny W3C WebDriver client for chromedriver: just the commands the
// browser test needs.

type webDriver struct {
	t       *testing.T
	base    string // http://127.0.0.1:PORT
	session string
}

// elementKey is the W3C name of an element reference in JSON.
const elementKey = "element-6066-11e4-a52e-4f735466cecf"

// startChrome starts chromedriver and a headless Chromium session, both
// stopped when the test ends. It skips the test when chromedriver is absent.
func startChrome(t *testing.T) *webDriver {
	t.Helper()
	driver, err := exec.LookPath("chromedriver")
	if err != nil {
		t.Skip("chromedriver not installed (apt-get install chromium chromium-driver): skipping the browser test")
	}
	binary := "/usr/bin/chromium"
	if _, err := os.Stat(binary); err != nil {
		if binary, err = exec.LookPath("chromium"); err != nil {
			t.Fatal("chromedriver is installed but chromium is not (apt-get install chromium)")
		}
	}
	port := freePort(t)
	cmd := exec.Command(driver, "--port="+strconv.Itoa(port))
	if err := cmd.Start(); err != nil {
		t.Fatalf("start chromedriver: %v", err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	wd := &webDriver{t: t, base: fmt.Sprintf("http://127.0.0.1:%d", port)}
	deadline := time.Now().Add(15 * time.Second)
	for {
		var st struct {
			Ready bool `json:"ready"`
		}
		if err := wd.call("GET", "/status", nil, &st); err == nil && st.Ready {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("chromedriver did not become ready")
		}
		time.Sleep(100 * time.Millisecond)
	}
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"browserName": "chrome",
		"goog:chromeOptions": map[string]any{"binary": binary, "args": []string{
			"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + t.TempDir(),
		}},
	}}}
	var sess struct {
		SessionID string `json:"sessionId"`
	}
	if err := wd.call("POST", "/session", caps, &sess); err != nil {
		t.Fatalf("new session: %v", err)
	}
	wd.session = "/session/" + sess.SessionID
	t.Cleanup(func() { wd.call("DELETE", wd.session, nil, nil) })
	return wd
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// call sends one command and decodes its "value" into out.
func (wd *webDriver) call(method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, _ := json.Marshal(in)
		body = bytes.NewReader(b)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, method, wd.base+path, body)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var env struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return fmt.Errorf("%s %s: %v", method, path, err)
	}
	if resp.StatusCode != 200 {
		return fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, env.Value)
	}
	if out != nil {
		return json.Unmarshal(env.Value, out)
	}
	return nil
}

func (wd *webDriver) must(method, path string, in, out any) {
	wd.t.Helper()
	if err := wd.call(method, wd.session+path, in, out); err != nil {
		wd.t.Fatal(err)
	}
}

func (wd *webDriver) open(url string) {
	wd.t.Helper()
	wd.must("POST", "/url", map[string]string{"url": url}, nil)
}

func (wd *webDriver) url() string {
	var u string
	wd.must("GET", "/url", nil, &u)
	return u
}

// find waits up to 5 s for the first element matching a CSS selector.
func (wd *webDriver) find(css string) string {
	wd.t.Helper()
	ids := wd.findAll(css, 1)
	return ids[0]
}

// findAll waits until at least min elements match css and returns them.
func (wd *webDriver) findAll(css string, min int) []string {
	wd.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		var els []map[string]string
		err := wd.call("POST", wd.session+"/elements", map[string]string{"using": "css selector", "value": css}, &els)
		if err == nil && len(els) >= min {
			ids := make([]string, len(els))
			for i, e := range els {
				ids[i] = e[elementKey]
			}
			return ids
		}
		if time.Now().After(deadline) {
			wd.t.Fatalf("fewer than %d elements match %q (%v) on %s", min, css, err, wd.url())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (wd *webDriver) text(el string) string {
	wd.t.Helper()
	var s string
	wd.must("GET", "/element/"+el+"/text", nil, &s)
	return s
}

func (wd *webDriver) attr(el, name string) string {
	wd.t.Helper()
	var s *string
	wd.must("GET", "/element/"+el+"/attribute/"+name, nil, &s)
	if s == nil {
		return ""
	}
	return *s
}

func (wd *webDriver) displayed(el string) bool {
	wd.t.Helper()
	var b bool
	wd.must("GET", "/element/"+el+"/displayed", nil, &b)
	return b
}

func (wd *webDriver) click(el string) {
	wd.t.Helper()
	wd.must("POST", "/element/"+el+"/click", map[string]any{}, nil)
}

func (wd *webDriver) typeInto(el, s string) {
	wd.t.Helper()
	wd.must("POST", "/element/"+el+"/value", map[string]string{"text": s}, nil)
}

func (wd *webDriver) resize(w, h int) {
	wd.t.Helper()
	wd.must("POST", "/window/rect", map[string]int{"width": w, "height": h}, nil)
}

// screenshot saves the viewport as dir/name.png.
func (wd *webDriver) screenshot(dir, name string) {
	wd.t.Helper()
	var b64 string
	wd.must("GET", "/screenshot", nil, &b64)
	png, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		wd.t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/"+name+".png", png, 0o644); err != nil {
		wd.t.Fatal(err)
	}
}

// WebDriver key codes.
const (
	keyEnter  = "\uE007"
	keyEscape = "\uE00C"
	keyTab    = "\uE004"
)

// press sends one key to whatever has the focus.
func (wd *webDriver) press(key string) {
	wd.t.Helper()
	wd.must("POST", "/actions", map[string]any{"actions": []any{map[string]any{
		"type": "key", "id": "keyboard", "actions": []any{
			map[string]string{"type": "keyDown", "value": key},
			map[string]string{"type": "keyUp", "value": key},
		},
	}}}, nil)
}

// active is the element that has the focus.
func (wd *webDriver) active() string {
	wd.t.Helper()
	var e map[string]string
	wd.must("GET", "/element/active", nil, &e)
	return e[elementKey]
}

// waitText waits up to 5 s for the first element matching css to show want
// (after a click that loads another page, the old page may still be there).
func (wd *webDriver) waitText(css, want string) {
	wd.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	got := ""
	for time.Now().Before(deadline) {
		var els []map[string]string
		if err := wd.call("POST", wd.session+"/elements", map[string]string{"using": "css selector", "value": css}, &els); err == nil && len(els) > 0 {
			var s string
			if err := wd.call("GET", wd.session+"/element/"+els[0][elementKey]+"/text", nil, &s); err == nil {
				if got = s; got == want {
					return
				}
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	wd.t.Fatalf("%s shows %q, want %q", css, got, want)
}

// waitGone waits up to 5 s until no element matches css.
func (wd *webDriver) waitGone(css string) {
	wd.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		var els []map[string]string
		if err := wd.call("POST", wd.session+"/elements", map[string]string{"using": "css selector", "value": css}, &els); err == nil && len(els) == 0 {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	wd.t.Fatalf("%s still on the page after 5 s", css)
}

// waitURL waits up to 5 s for the page's URL to contain part.
func (wd *webDriver) waitURL(part string) string {
	wd.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		u := wd.url()
		if strings.Contains(u, part) {
			return u
		}
		if time.Now().After(deadline) {
			wd.t.Fatalf("URL %s, want one with %q", u, part)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
