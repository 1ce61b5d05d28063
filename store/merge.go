package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
)

// MergeIfStale merges speakers again when articles changed since the last
// merge (a killed ingest leaves the flag set, so the next run merges).
func (db *DB) MergeIfStale(ctx context.Context) error {
	var v string
	err := db.sql.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'speakers_stale'`).Scan(&v)
	if err == sql.ErrNoRows || err == nil && v == "0" {
		return nil
	}
	if err != nil {
		return fmt.Errorf("merge speakers: %w", err)
	}
	return db.MergeSpeakersAgain(ctx)
}

// obsKey names the quotations of one observation.
type obsKey struct {
	article int64
	name    string
}

// MergeSpeakersAgain recomputes every speaker identity from the stored
// quotations and corrections, in one transaction: quotation speaker IDs,
// aliases, roles and counts. Identity keys keep their speaker IDs; new
// keys get new IDs in key order; speakers whose key is gone stay in the
// table (not live) so that their IDs are never reused.
func (db *DB) MergeSpeakersAgain(ctx context.Context) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("merge speakers: %w", err)
	}
	defer tx.Rollback()
	if err := merge(ctx, tx); err != nil {
		return fmt.Errorf("merge speakers: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE meta SET value = '0' WHERE key = 'speakers_stale'`); err != nil {
		return fmt.Errorf("merge speakers: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("merge speakers: %w", err)
	}
	return nil
}

func merge(ctx context.Context, tx *sql.Tx) error {
	obs, current, err := loadObservations(ctx, tx)
	if err != nil {
		return err
	}
	corr, err := loadCorrections(ctx, tx)
	if err != nil {
		return err
	}
	ids, assign := mergeNames(obs, corr)

	speakerID, err := speakerIDs(ctx, tx, ids)
	if err != nil {
		return err
	}
	upd, err := tx.PrepareContext(ctx, `UPDATE quotes SET speaker_id = ? WHERE article_id = ? AND speaker = ?`)
	if err != nil {
		return err
	}
	for i, o := range obs {
		id := speakerID[ids[assign[i]].Key]
		k := obsKey{o.Article, o.Name}
		if current[k] == id {
			continue
		}
		if _, err := upd.ExecContext(ctx, id, o.Article, o.Name); err != nil {
			return fmt.Errorf("assign speaker: %w", err)
		}
	}
	return speakerStats(ctx, tx, ids, speakerID)
}

// loadObservations reads one observation per article and speaker name,
// with the roles the article gives it and its current speaker ID.
func loadObservations(ctx context.Context, tx *sql.Tx) ([]observation, map[obsKey]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT article_id, speaker, speaker_type,
		COALESCE(speaker_role, ''), COALESCE(MAX(speaker_id), 0)
		FROM quotes WHERE speaker IS NOT NULL
		GROUP BY article_id, speaker, speaker_type, speaker_role ORDER BY article_id, speaker`)
	if err != nil {
		return nil, nil, fmt.Errorf("read observations: %w", err)
	}
	defer rows.Close()
	var obs []observation
	current := map[obsKey]int64{}
	for rows.Next() {
		var o observation
		var role string
		var sid int64
		if err := rows.Scan(&o.Article, &o.Name, &o.Type, &role, &sid); err != nil {
			return nil, nil, fmt.Errorf("read observations: %w", err)
		}
		k := obsKey{o.Article, o.Name}
		if n := len(obs); n > 0 && obs[n-1].Article == o.Article && obs[n-1].Name == o.Name {
			if role != "" {
				obs[n-1].Roles = append(obs[n-1].Roles, role)
			}
		} else {
			if role != "" {
				o.Roles = []string{role}
			}
			obs = append(obs, o)
		}
		current[k] = max(current[k], sid)
	}
	return obs, current, rows.Err()
}

func loadCorrections(ctx context.Context, tx *sql.Tx) ([]correction, error) {
	rows, err := tx.QueryContext(ctx, `SELECT op, a, b FROM corrections ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read corrections: %w", err)
	}
	defer rows.Close()
	var out []correction
	for rows.Next() {
		var c correction
		if err := rows.Scan(&c.Op, &c.A, &c.B); err != nil {
			return nil, fmt.Errorf("read corrections: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// speakerIDs maps every identity key to its speaker ID, adding rows for
// new keys and refreshing names and types.
func speakerIDs(ctx context.Context, tx *sql.Tx, ids []identity) (map[string]int64, error) {
	out := map[string]int64{}
	rows, err := tx.QueryContext(ctx, `SELECT key, id FROM speakers`)
	if err != nil {
		return nil, fmt.Errorf("read speakers: %w", err)
	}
	for rows.Next() {
		var k string
		var id int64
		if err := rows.Scan(&k, &id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read speakers: %w", err)
		}
		out[k] = id
	}
	rows.Close()
	if _, err := tx.ExecContext(ctx, `UPDATE speakers SET live = 0`); err != nil {
		return nil, err
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO speakers (key, name, type) VALUES (?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	upd, err := tx.PrepareContext(ctx, `UPDATE speakers SET name = ?, type = ?, live = 1 WHERE id = ?`)
	if err != nil {
		return nil, err
	}
	for _, it := range ids { // in key order: new IDs do not depend on input order
		id, ok := out[it.Key]
		if !ok {
			res, err := ins.ExecContext(ctx, it.Key, it.Name, it.Type)
			if err != nil {
				return nil, fmt.Errorf("add speaker: %w", err)
			}
			if id, err = res.LastInsertId(); err != nil {
				return nil, err
			}
			out[it.Key] = id
		}
		if _, err := upd.ExecContext(ctx, it.Name, it.Type, id); err != nil {
			return nil, fmt.Errorf("update speaker: %w", err)
		}
	}
	return out, nil
}

// speakerStats rewrites aliases, roles, counts, dates and outlets of every
// live speaker from its quotations (near-duplicates not counted).
func speakerStats(ctx context.Context, tx *sql.Tx, ids []identity, speakerID map[string]int64) error {
	for _, q := range []string{`DELETE FROM speaker_aliases`, `DELETE FROM speaker_roles`,
		`UPDATE speakers SET quotes = 0, first = NULL, last = NULL, sources = '[]'`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	ins, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, norm) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	for _, it := range ids {
		for _, a := range it.Aliases {
			if _, err := ins.ExecContext(ctx, speakerID[it.Key], a, normName(a)); err != nil {
				return fmt.Errorf("add alias: %w", err)
			}
		}
		if _, err := ins.ExecContext(ctx, speakerID[it.Key], it.Name, normName(it.Name)); err != nil {
			return fmt.Errorf("add alias: %w", err)
		}
	}
	for _, q := range []string{
		`INSERT INTO speaker_roles (speaker_id, role, first, last, count)
		 SELECT speaker_id, speaker_role, MIN(NULLIF(dkey, '~')), MAX(NULLIF(dkey, '~')), COUNT(*)
		 FROM quotes WHERE dup = 0 AND speaker_id IS NOT NULL AND speaker_role IS NOT NULL
		 GROUP BY speaker_id, speaker_role`,
		`UPDATE speakers SET (quotes, first, last) = (SELECT COUNT(*), MIN(NULLIF(dkey, '~')), MAX(NULLIF(dkey, '~'))
		 FROM quotes q WHERE q.speaker_id = speakers.id AND q.dup = 0) WHERE live = 1`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("speaker counts: %w", err)
		}
	}
	return speakerSources(ctx, tx)
}

// speakerSources stores each speaker's outlets, most quotations first.
func speakerSources(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT speaker_id, source, COUNT(*) AS n FROM quotes
		WHERE dup = 0 AND speaker_id IS NOT NULL GROUP BY speaker_id, source ORDER BY speaker_id, n DESC, source`)
	if err != nil {
		return fmt.Errorf("speaker outlets: %w", err)
	}
	srcs := map[int64][]string{}
	var order []int64
	for rows.Next() {
		var id int64
		var s string
		var n int
		if err := rows.Scan(&id, &s, &n); err != nil {
			rows.Close()
			return fmt.Errorf("speaker outlets: %w", err)
		}
		if _, ok := srcs[id]; !ok {
			order = append(order, id)
		}
		srcs[id] = append(srcs[id], s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("speaker outlets: %w", err)
	}
	upd, err := tx.PrepareContext(ctx, `UPDATE speakers SET sources = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	slices.Sort(order)
	for _, id := range order {
		b, _ := json.Marshal(srcs[id])
		if _, err := upd.ExecContext(ctx, string(b), id); err != nil {
			return fmt.Errorf("speaker outlets: %w", err)
		}
	}
	return nil
}
