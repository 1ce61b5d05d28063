package server

import (
	"bytes"
	"mime/multipart"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// The hostile fixture puts markup in the text, title, source and URL
// (javascript:); the test renames its speaker to markup too. Every page
// that shows them must show them as text.
func TestUntrustedTextIsEscapedEverywhere(t *testing.T) {
	s, c := newTestServer(t, Options{})
	id := c.speakerNamed(t, "Ada")
	const evilName = `Ada "><img src=x onerror=alert(9)><script>alert(10)</script>`
	if err := c.RenameSpeaker(t.Context(), id, evilName); err != nil {
		t.Fatal(err)
	}
	sid := strconv.FormatInt(id, 10)
	pages := []string{
		"/articles/4",
		"/speakers/" + sid,
		"/speakers",
		"/?q=harmless",
		"/?q=" + url.QueryEscape(`"><script>alert(11)</script>`),
		"/?speaker=" + sid,
		"/compare?kind=source&a=" + url.QueryEscape(`<script>alert(3)</script>Evil "><img onerror=alert(4) src=x>`) + "&b=Valley+Post",
		"/compare?a=" + sid + "&b=" + url.QueryEscape(`<script>alert(12)</script>`),
	}
	for _, p := range pages {
		w := do(t, s, "GET", p, "")
		if w.Code != 200 {
			t.Errorf("GET %s: %d", p, w.Code)
			continue
		}
		body := w.Body.String()
		for _, bad := range []string{"<script>alert", "<img src=x", "<img onerror", `href="javascript:`, "<b>Bold</b>"} {
			if strings.Contains(body, bad) {
				t.Errorf("GET %s: raw markup %q in the page", p, bad)
			}
		}
		// Scripts come only from our own file.
		if n := strings.Count(body, "<script"); n != 1 || !strings.Contains(body, `<script src="/static/app.js" defer></script>`) {
			t.Errorf("GET %s: %d script elements", p, n)
		}
	}
	article := getPage(t, s, "/articles/4", 200)
	mustContain(t, "hostile article", article,
		"&lt;script&gt;alert(1)&lt;/script&gt; &#34;&gt;&lt;img src=x onerror=alert(2)&gt;", // the title
		"&lt;script&gt;alert(3)&lt;/script&gt;Evil",                                         // the source
		`<span class="url">javascript:alert(5)</span>`,                                      // the URL, not a link
		"Ada &lt;b&gt;Bold&lt;/b&gt; Smith",                                                 // the text
	)
	speaker := getPage(t, s, "/speakers/"+sid, 200)
	mustContain(t, "hostile speaker", speaker, "<h1>Ada &#34;&gt;&lt;img src=x onerror=alert(9)&gt;&lt;script&gt;alert(10)&lt;/script&gt;</h1>")

	// JSON escapes markup too, so a browser that sniffs it finds none.
	w := do(t, s, "GET", "/api/articles/4", "")
	if strings.Contains(w.Body.String(), "<script>") || !strings.Contains(w.Body.String(), `\u003cscript\u003e`) {
		t.Errorf("/api/articles/4 carries raw markup")
	}
}

func TestSafeLink(t *testing.T) {
	for in, want := range map[string]string{
		"https://news.example/a?b=1": "https://news.example/a?b=1",
		"http://news.example/":       "http://news.example/",
		"javascript:alert(1)":        "",
		" JavaScript:alert(1)":       "",
		"data:text/html,<b>x</b>":    "",
		"//evil.example/x":           "",
		"news.example/a":             "",
		"":                           "",
	} {
		if got := safeLink(in); got != want {
			t.Errorf("safeLink(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWritesOffByDefault(t *testing.T) {
	s, c := newTestServer(t, Options{})
	id := strconv.FormatInt(c.speakerNamed(t, "Ines Vogt"), 10)
	for _, p := range []string{"rename", "aliases", "merge", "split"} {
		w := do(t, s, "POST", "/api/speakers/"+id+"/"+p, `{"name":"X","alias":"X","from":"1"}`, "Content-Type", "application/json")
		if w.Code != 404 && w.Code != 405 {
			t.Errorf("POST %s without --allow-write: %d", p, w.Code)
		}
	}
	if sp, _ := c.Speaker(t.Context(), c.speakerNamed(t, "Ines Vogt")); len(sp.Aliases) != 0 {
		t.Errorf("a write went through: %+v", sp)
	}
	if strings.Contains(getPage(t, s, "/speakers/"+id, 200), "Correct this speaker") {
		t.Error("read-only speaker page offers corrections")
	}
}

func TestWritesNeedTheToken(t *testing.T) {
	s, c := newTestServer(t, Options{AllowWrite: true, Token: "s3cret"})
	vogt := c.speakerNamed(t, "Ines Vogt")
	id := strconv.FormatInt(vogt, 10)
	json := "application/json"
	if w := do(t, s, "POST", "/api/speakers/"+id+"/rename", `{"name":"Ines M. Vogt"}`, "Content-Type", json); w.Code != 401 {
		t.Errorf("rename without token: %d", w.Code)
	}
	if w := do(t, s, "POST", "/api/speakers/"+id+"/rename", `{"name":"Ines M. Vogt"}`, "Content-Type", json, "Authorization", "Bearer wrong"); w.Code != 401 {
		t.Errorf("rename with a wrong token: %d", w.Code)
	}
	w := do(t, s, "POST", "/api/speakers/"+id+"/rename", `{"name":"Ines M. Vogt"}`, "Content-Type", json, "Authorization", "Bearer s3cret")
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"name":"Ines M. Vogt"`) {
		t.Errorf("rename with the token: %d %s", w.Code, w.Body)
	}
	// A form (the speaker page's) carries the token as a field and goes back to the page.
	w = do(t, s, "POST", "/api/speakers/"+id+"/aliases", "alias=Counsel+Vogt&token=s3cret", "Content-Type", "application/x-www-form-urlencoded")
	if w.Code != 303 || w.Header().Get("Location") != "/speakers/"+id {
		t.Errorf("alias form: %d to %q", w.Code, w.Header().Get("Location"))
	}
	// A cross-site form is refused even with the token.
	w = do(t, s, "POST", "/api/speakers/"+id+"/aliases", "alias=Evil&token=s3cret", "Content-Type", "application/x-www-form-urlencoded", "Sec-Fetch-Site", "cross-site")
	if w.Code != 403 {
		t.Errorf("cross-site write: %d", w.Code)
	}
	sp, _ := c.Speaker(t.Context(), vogt)
	if sp.Name != "Ines M. Vogt" || strings.Join(sp.Aliases, ",") != "Ines Vogt,Counsel Vogt" {
		t.Errorf("after the writes: %+v", sp)
	}
	body := getPage(t, s, "/speakers/"+id, 200)
	mustContain(t, "writable speaker page", body, "Correct this speaker", `name="token" type="password"`)

	// Merge and split.
	keller := strconv.FormatInt(c.speakerNamed(t, "Marta Keller"), 10)
	w = do(t, s, "POST", "/api/speakers/"+keller+"/merge", `{"from":`+id+`}`, "Content-Type", json, "Authorization", "Bearer s3cret")
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"quotes":6`) {
		t.Errorf("merge: %d %s", w.Code, w.Body)
	}
	w = do(t, s, "POST", "/api/speakers/"+keller+"/merge", `{"from":`+keller+`}`, "Content-Type", json, "Authorization", "Bearer s3cret")
	if w.Code != 400 {
		t.Errorf("merge into itself: %d", w.Code)
	}
	w = do(t, s, "POST", "/api/speakers/"+keller+"/split", `{"alias":"Ines M. Vogt"}`, "Content-Type", json, "Authorization", "Bearer s3cret")
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"name":"Ines M. Vogt"`) {
		t.Errorf("split: %d %s", w.Code, w.Body)
	}
	w = do(t, s, "POST", "/api/speakers/"+keller+"/rename", `{}`, "Content-Type", json, "Authorization", "Bearer s3cret")
	if w.Code != 400 {
		t.Errorf("rename without a name: %d", w.Code)
	}
}

const pasted = "Ferry fares to rise\n\nThe island ferry company will raise fares by ten percent in June, its director said on Friday.\n\n\"Fuel has doubled in price since last winter,\" said Lena Ortiz, the company's director. \"We held out as long as we could.\"\n"

func TestAnalyse(t *testing.T) {
	s, _ := newTestServer(t, Options{AllowWrite: true, MaxBody: 4096})
	w := do(t, s, "POST", "/api/analyse?published=2025-03-07&source=Island+Times", pasted, "Content-Type", "text/plain")
	if w.Code != 200 {
		t.Fatalf("analyse: %d %s", w.Code, w.Body)
	}
	mustContain(t, "analysed record", w.Body.String(), `"speaker":"Lena Ortiz"`, `"source":"Island Times"`, `"published":"2025-03-07"`, `"title":"Ferry fares to rise"`)

	// The form shows it as an article page, stores nothing.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "ferry.txt")
	fw.Write([]byte(pasted))
	mw.WriteField("text", "")
	mw.Close()
	w = do(t, s, "POST", "/analyse", body.String(), "Content-Type", mw.FormDataContentType())
	if w.Code != 200 {
		t.Fatalf("analyse form: %d %s", w.Code, w.Body)
	}
	mustContain(t, "analysed page", w.Body.String(), "<h1>Ferry fares to rise</h1>", "nothing was stored",
		`data-q="q1" id="q1"`, `<li class="rec" id="rec-q1">`, `href="#q1"`, "Lena Ortiz")
	if w := do(t, s, "GET", "/api/articles/5", ""); w.Code != 404 {
		t.Errorf("analyse stored an article: %d", w.Code)
	}

	if w := do(t, s, "POST", "/api/analyse", "   ", "Content-Type", "text/plain"); w.Code != 400 {
		t.Errorf("empty article: %d", w.Code)
	}
	if w := do(t, s, "POST", "/api/analyse", strings.Repeat("word ", 2000), "Content-Type", "text/plain"); w.Code != 413 {
		t.Errorf("article over MaxBody: %d", w.Code)
	}
	if w := do(t, s, "POST", "/api/analyse?published=someday", pasted, "Content-Type", "text/plain"); w.Code != 400 {
		t.Errorf("bad published: %d", w.Code)
	}
}

// An uploaded CSV is read as CSV (by its name), and the row field picks
// one of its articles.
func TestAnalyseCSVUpload(t *testing.T) {
	s, _ := newTestServer(t, Options{AllowWrite: true})
	csv := "id,title,published,source,text\n" +
		"a1,Harbour dredging approved,2025-04-02,Coast Ledger,\"The council approved the dredging on Tuesday. \"\"It is long overdue,\"\" said Marta Keel, the harbour master.\"\n" +
		"a2,Ferry fares to rise,2025-03-07,Island Times,\"" + strings.ReplaceAll(pasted, `"`, `""`) + "\"\n"
	form := func(row string) *httptest.ResponseRecorder {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, _ := mw.CreateFormFile("file", "wire.csv")
		fw.Write([]byte(csv))
		mw.WriteField("row", row)
		mw.Close()
		return do(t, s, "POST", "/analyse", body.String(), "Content-Type", mw.FormDataContentType())
	}
	w := form("")
	if w.Code != 200 {
		t.Fatalf("analyse CSV: %d %s", w.Code, w.Body)
	}
	mustContain(t, "first row", w.Body.String(), "<h1>Harbour dredging approved</h1>", "Marta Keel", "Article 1 of the 2 in the upload")
	if strings.Contains(w.Body.String(), "id,title,published") {
		t.Error("the CSV header was analysed as article text")
	}
	w = form("2")
	mustContain(t, "second row", w.Body.String(), "<h1>Ferry fares to rise</h1>", "Lena Ortiz", "Island Times", "Article 2 of the 2")
	if w := form("3"); w.Code != 400 || !strings.Contains(w.Body.String(), "holds 2 articles") {
		t.Errorf("row past the end: %d %s", w.Code, w.Body)
	}
	if w := form("x"); w.Code != 400 {
		t.Errorf("row x: %d", w.Code)
	}
	// The API takes the file's name as a parameter.
	w = do(t, s, "POST", "/api/analyse?name=wire.csv&row=2", csv, "Content-Type", "text/csv")
	if w.Code != 200 {
		t.Fatalf("api analyse CSV: %d %s", w.Code, w.Body)
	}
	mustContain(t, "api second row", w.Body.String(), `"title":"Ferry fares to rise"`, `"speaker":"Lena Ortiz"`)
}
