package store

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// cursor is the position after the last row of a page: its sort key and
// ID. Pages continue from it with a keyset condition, not an OFFSET, so
// the thousandth page costs what the first does.
type cursor struct {
	key string
	id  int64
}

// ErrBadQuery is wrapped by errors of malformed query parameters: a cursor
// that is not one of ours, a date that is not YYYY-MM-DD.
var ErrBadQuery = errors.New("bad query")

// errCursor is wrapped by errors of cursors that are not ours.
var errCursor = fmt.Errorf("%w: bad cursor", ErrBadQuery)

func encodeCursor(c cursor) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(c.id, 10) + ":" + c.key))
}

func decodeCursor(s string) (cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, fmt.Errorf("%w %q", errCursor, s)
	}
	id, key, ok := strings.Cut(string(b), ":")
	n, err := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil {
		return cursor{}, fmt.Errorf("%w %q", errCursor, s)
	}
	return cursor{key: key, id: n}, nil
}

// rowScanner is a *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(...any) error }
