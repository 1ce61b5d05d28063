package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"chronicle/store"
)

const (
	defaultLimit = 50
	maxLimit     = 500
)

// quoteFilter reads the CLI's quote filters from query parameters:
// speaker, about, since, until, source, limit, cursor.
func quoteFilter(q url.Values) (store.QuoteFilter, error) {
	f := store.QuoteFilter{
		Speaker: strings.TrimSpace(q.Get("speaker")),
		About:   strings.TrimSpace(q.Get("about")),
		Source:  strings.TrimSpace(q.Get("source")),
		Cursor:  q.Get("cursor"),
	}
	var err error
	if f.Since, err = dateParam(q, "since"); err != nil {
		return f, err
	}
	if f.Until, err = dateParam(q, "until"); err != nil {
		return f, err
	}
	if f.Since != "" && f.Until != "" && f.Since > f.Until {
		return f, badRequest("since %s is after until %s", f.Since, f.Until)
	}
	f.Limit, err = limitParam(q)
	return f, err
}

func dateParam(q url.Values, name string) (string, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return "", nil
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return "", badRequest("%s must be a date YYYY-MM-DD, not %q", name, v)
	}
	return v, nil
}

// limitParam is the page size: defaultLimit when absent, at most maxLimit.
func limitParam(q url.Values) (int, error) {
	v := q.Get("limit")
	if v == "" {
		return defaultLimit, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxLimit {
		return 0, badRequest("limit must be a whole number from 1 to %d, not %q", maxLimit, v)
	}
	return n, nil
}

func idParam(r *http.Request) (int64, error) {
	v := r.PathValue("id")
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id < 1 {
		return 0, badRequest("id must be a positive whole number, not %q", v)
	}
	return id, nil
}

func bucketParam(q url.Values) (string, error) {
	switch b := q.Get("bucket"); b {
	case "", "month":
		return "month", nil
	case "week":
		return b, nil
	default:
		return "", badRequest("bucket must be week or month, not %q", b)
	}
}

// bodyFields reads a write's arguments from a JSON object or a form.
func bodyFields(r *http.Request) (map[string]string, error) {
	out := map[string]string{}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		var raw map[string]any
		if err := json.NewDecoder(r.Body).Decode(&raw); err != nil {
			return nil, badRequest("body must be a JSON object: %v", err)
		}
		for k, v := range raw {
			switch v := v.(type) {
			case string:
				out[k] = v
			case float64:
				out[k] = strconv.FormatFloat(v, 'f', -1, 64)
			}
		}
		return out, nil
	}
	if err := r.ParseForm(); err != nil {
		return nil, badRequest("cannot read the form: %v", err)
	}
	for k := range r.PostForm {
		out[k] = r.PostForm.Get(k)
	}
	return out, nil
}

// isForm reports whether a write came from one of our HTML forms, which
// want a redirect back rather than JSON.
func isForm(r *http.Request) bool {
	ct := r.Header.Get("Content-Type")
	return strings.HasPrefix(ct, "application/x-www-form-urlencoded") || strings.HasPrefix(ct, "multipart/form-data")
}
