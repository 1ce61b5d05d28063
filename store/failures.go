package store

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
)

// Failure is an input item that could not be stored: its name, the latest
// error and when (RFC 3339, UTC). A later run that stores it removes it.
type Failure struct {
	Item  string `json:"item"`
	Error string `json:"error"`
	At    string `json:"at"`
}

// Failures lists the recorded failures by item name.
func (db *DB) Failures(ctx context.Context) ([]Failure, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT item, error, at FROM failures ORDER BY item`)
	if err != nil {
		return nil, fmt.Errorf("failures: %w", err)
	}
	defer rows.Close()
	var out []Failure
	for rows.Next() {
		var f Failure
		if err := rows.Scan(&f.Item, &f.Error, &f.At); err != nil {
			return nil, fmt.Errorf("failures: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// WriteFailures prints failures as a table (item, time, error) or JSON lines.
func WriteFailures(w io.Writer, format string, fs []Failure) error {
	buf := bufio.NewWriter(w)
	if format == FormatJSONL {
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false)
		for _, f := range fs {
			if err := enc.Encode(f); err != nil {
				return err
			}
		}
		return buf.Flush()
	}
	for _, f := range fs {
		fmt.Fprintf(buf, "%s\t%s\t%s\n", f.Item, f.At, f.Error)
	}
	return buf.Flush()
}
