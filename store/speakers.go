package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"chronicle/identity"
)

// Speakers lists live speakers, most quoted first, a page at a time;
// speakers quoted only in near-duplicates are left out.
func (db *DB) Speakers(ctx context.Context, f SpeakerFilter) ([]Speaker, string, error) {
	where := []string{"live = 1", "quotes > 0"}
	var args []any
	if p := normName(f.Query); p != "" {
		where = append(where, `id IN (SELECT speaker_id FROM speaker_aliases
			WHERE (norm >= ? AND norm < ?) OR norm LIKE ? ESCAPE '\')`)
		args = append(args, p, p+"\U0010FFFF", "% "+escapeLike(p)+"%")
	}
	if f.Cursor != "" {
		c, err := decodeCursor(f.Cursor)
		if err != nil {
			return nil, "", err
		}
		n, _ := strconv.Atoi(c.key)
		where = append(where, "(quotes < ? OR quotes = ? AND id > ?)")
		args = append(args, n, n, c.id)
	}
	q := `SELECT id, name, type, quotes, first, last, sources FROM speakers WHERE ` +
		strings.Join(where, " AND ") + ` ORDER BY quotes DESC, id`
	if f.Top > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Top+1)
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, "", fmt.Errorf("speakers: %w", err)
	}
	var out []Speaker
	for rows.Next() {
		s, err := scanSpeaker(rows)
		if err != nil {
			rows.Close()
			return nil, "", fmt.Errorf("speakers: %w", err)
		}
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("speakers: %w", err)
	}
	next := ""
	if f.Top > 0 && len(out) > f.Top {
		out = out[:f.Top]
		last := out[len(out)-1]
		next = encodeCursor(cursor{strconv.Itoa(last.Quotes), last.ID})
	}
	for i := range out {
		if err := db.speakerDetails(ctx, &out[i]); err != nil {
			return nil, "", err
		}
	}
	return out, next, nil
}

// Speaker returns one live speaker.
func (db *DB) Speaker(ctx context.Context, id int64) (Speaker, error) {
	row := db.sql.QueryRowContext(ctx, `SELECT id, name, type, quotes, first, last, sources
		FROM speakers WHERE id = ? AND live = 1`, id)
	s, err := scanSpeaker(row)
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("speaker %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return s, fmt.Errorf("speaker %d: %w", id, err)
	}
	return s, db.speakerDetails(ctx, &s)
}

func scanSpeaker(r rowScanner) (Speaker, error) {
	var s Speaker
	var srcs string
	if err := r.Scan(&s.ID, &s.Name, &s.Type, &s.Quotes, &s.First, &s.Last, &srcs); err != nil {
		return s, err
	}
	if err := json.Unmarshal([]byte(srcs), &s.Sources); err != nil {
		return s, fmt.Errorf("speaker %d outlets: %w", s.ID, err)
	}
	return s, nil
}

// speakerDetails fills in aliases and roles.
func (db *DB) speakerDetails(ctx context.Context, s *Speaker) error {
	s.Aliases, s.Roles = []string{}, []Role{}
	rows, err := db.sql.QueryContext(ctx, `SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias`, s.ID)
	if err != nil {
		return fmt.Errorf("speaker %d aliases: %w", s.ID, err)
	}
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			rows.Close()
			return fmt.Errorf("speaker %d aliases: %w", s.ID, err)
		}
		s.Aliases = append(s.Aliases, a)
	}
	rows.Close()
	rows, err = db.sql.QueryContext(ctx, `SELECT role, first, last, count FROM speaker_roles
		WHERE speaker_id = ? ORDER BY count DESC, role`, s.ID)
	if err != nil {
		return fmt.Errorf("speaker %d roles: %w", s.ID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var r Role
		if err := rows.Scan(&r.Role, &r.First, &r.Last, &r.Count); err != nil {
			return fmt.Errorf("speaker %d roles: %w", s.ID, err)
		}
		s.Roles = append(s.Roles, r)
	}
	return rows.Err()
}

// speakerKey is the identity key of a live speaker.
func (db *DB) speakerKey(ctx context.Context, id int64) (string, error) {
	var k string
	err := db.sql.QueryRowContext(ctx, `SELECT key FROM speakers WHERE id = ? AND live = 1`, id).Scan(&k)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("speaker %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("speaker %d: %w", id, err)
	}
	return k, nil
}

// correct stores a correction and merges again in the same transaction, so
// the change shows at once and applies again after every later ingest or
// re-extraction. A correction the merge cannot apply is not stored. The
// speakers it names are marked stale, so their aliases are rewritten.
func (db *DB) correct(ctx context.Context, c identity.Correction, ids ...int64) (identity.Result, error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return identity.Result{}, fmt.Errorf("correct speakers: %w", err)
	}
	defer tx.Rollback()
	_, err = tx.ExecContext(ctx, `INSERT INTO corrections (op, name, target, type, created) VALUES (?, ?, ?, ?, ?)`,
		string(c.Op), c.Name, c.Target, c.Type, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return identity.Result{}, fmt.Errorf("store correction: %w", err)
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO stale_speakers (id) VALUES (?)`, id); err != nil {
			return identity.Result{}, fmt.Errorf("store correction: %w", err)
		}
	}
	r, err := merge(ctx, tx)
	if err != nil {
		return r, fmt.Errorf("correct speakers: %w", err)
	}
	for _, u := range r.Unapplied {
		if u.Correction == c {
			return r, fmt.Errorf("%s: %s", c.Op, u.Reason)
		}
	}
	if err := tx.Commit(); err != nil {
		return r, fmt.Errorf("correct speakers: %w", err)
	}
	return r, nil
}

// MergeSpeakers makes speaker from part of speaker into: one identity,
// with into's ID.
func (db *DB) MergeSpeakers(ctx context.Context, into, from int64) error {
	if into == from {
		return fmt.Errorf("merge speaker %d with itself", into)
	}
	a, err := db.speakerKey(ctx, into)
	if err != nil {
		return err
	}
	b, err := db.speakerKey(ctx, from)
	if err != nil {
		return err
	}
	target, typ := keyName(a)
	name, fromTyp := keyName(b)
	if typ != fromTyp {
		return fmt.Errorf("merge speakers %d and %d: a %s and a %s", into, from, typ, fromTyp)
	}
	_, err = db.correct(ctx, identity.Correction{Op: identity.Merge, Name: name, Target: target, Type: typ}, into, from)
	return err
}

// SplitSpeaker moves the quotations given under one of a speaker's names
// to a speaker of their own, and returns its ID.
func (db *DB) SplitSpeaker(ctx context.Context, id int64, alias string) (int64, error) {
	k, err := db.speakerKey(ctx, id)
	if err != nil {
		return 0, err
	}
	_, typ := keyName(k)
	var n int
	err = db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM speaker_aliases WHERE speaker_id = ? AND norm = ?`,
		id, normName(alias)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("split speaker %d: %w", id, err)
	}
	if n == 0 {
		return 0, fmt.Errorf("split speaker %d: no name %q: %w", id, alias, ErrNotFound)
	}
	res, err := db.correct(ctx, identity.Correction{Op: identity.Split, Name: alias, Type: typ}, id)
	if err != nil {
		return 0, fmt.Errorf("split speaker %d: %w", id, err)
	}
	newKey, ok := res.Key(alias, typ)
	var newID int64
	if ok {
		err = db.sql.QueryRowContext(ctx, `SELECT id FROM speakers WHERE key = ? AND live = 1`, newKey).Scan(&newID)
	}
	if !ok || err != nil || newID == id {
		return 0, fmt.Errorf("split speaker %d: %q is its only name", id, alias)
	}
	return newID, nil
}

// RenameSpeaker sets the name a speaker is shown under.
func (db *DB) RenameSpeaker(ctx context.Context, id int64, name string) error {
	if strings.TrimSpace(name) == "" {
		return errors.New("rename speaker: empty name")
	}
	k, err := db.speakerKey(ctx, id)
	if err != nil {
		return err
	}
	n, typ := keyName(k)
	_, err = db.correct(ctx, identity.Correction{Op: identity.Rename, Name: n, Target: name, Type: typ}, id)
	return err
}

// AddAlias gives a speaker another name; quotations under that name in any
// article then belong to it.
func (db *DB) AddAlias(ctx context.Context, id int64, alias string) error {
	if normName(alias) == "" {
		return errors.New("add alias: empty alias")
	}
	k, err := db.speakerKey(ctx, id)
	if err != nil {
		return err
	}
	n, typ := keyName(k)
	_, err = db.correct(ctx, identity.Correction{Op: identity.Alias, Name: n, Target: alias, Type: typ}, id)
	return err
}

// speakerIDsFor resolves a QuoteFilter's speaker: an ID, else a name or
// alias (case and punctuation folded).
func (db *DB) speakerIDsFor(ctx context.Context, s string) ([]int64, error) {
	if id, err := strconv.ParseInt(s, 10, 64); err == nil {
		if _, err := db.speakerKey(ctx, id); err != nil {
			return nil, err
		}
		return []int64{id}, nil
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT DISTINCT a.speaker_id FROM speaker_aliases a
		JOIN speakers s ON s.id = a.speaker_id AND s.live = 1 WHERE a.norm = ? ORDER BY a.speaker_id`, normName(s))
	if err != nil {
		return nil, fmt.Errorf("speaker %q: %w", s, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("speaker %q: %w", s, err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("speaker %q: %w", s, err)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("speaker %q: %w", s, ErrNotFound)
	}
	return ids, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// normName folds case, punctuation and spacing for name lookups:
// "Elin  Sandberg," and "elin sandberg" are one name.
func normName(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}), " ")
}
