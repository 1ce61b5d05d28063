package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"chronicle/identity"
)

// loadNames reads the merge's outcome per name, and the version of it.
func loadNames(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (map[nameKey]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, type, role, speaker_id FROM names`)
	if err != nil {
		return nil, fmt.Errorf("read speaker names: %w", err)
	}
	defer rows.Close()
	out := map[nameKey]int64{}
	for rows.Next() {
		var k nameKey
		var id int64
		if err := rows.Scan(&k.name, &k.typ, &k.role, &id); err != nil {
			return nil, fmt.Errorf("read speaker names: %w", err)
		}
		out[k] = id
	}
	return out, rows.Err()
}

// namesVersion changes whenever a merge changes the names table, so that a
// writer holding a copy of it knows to read it again.
func namesVersion(ctx context.Context, q rowQuerier) (string, error) {
	v, ok, err := metaValue(ctx, q, "names_version")
	if err == nil && !ok {
		v = "0"
	}
	return v, err
}

// MergeIfStale merges speakers again when quotations changed since the last
// merge (a killed ingest, or a killed merge, leaves the flag set, so the next
// run merges).
func (db *DB) MergeIfStale(ctx context.Context) error { return db.mergeIfStale(ctx, nil) }

// mergeIfStale is MergeIfStale telling s of its steps.
func (db *DB) mergeIfStale(ctx context.Context, s stepper) error {
	v, ok, err := metaValue(ctx, db.w, "speakers_stale")
	if err != nil {
		return fmt.Errorf("merge speakers: %w", err)
	}
	if !ok || v == "0" {
		return nil
	}
	return db.mergeAgain(ctx, s)
}

// assignChunk is how many quotation IDs one transaction of the merge's
// assignment covers. At a million articles (14 million quotations) one
// transaction for all of them left 4.6 GB in the write-ahead log, and every
// page read looked through the log's hash tables first.
var assignChunk int64 = 1 << 18

// afterAssign, set by tests, runs after each committed chunk of the
// assignment; an error stops the merge there, as a kill would.
var afterAssign func(from int64) error

// mergeAgain merges every speaker name seen so far into identities,
// with the user's corrections: names get speaker IDs, quotations follow
// their names, and the speakers whose quotations changed get their aliases,
// roles, counts and outlets recomputed. Identity keys keep their speaker
// IDs; new keys get new IDs in key order; a speaker whose key is gone stays
// in the table, not live, so that its ID is never reused.
//
// The quotations are assigned in transactions of assignChunk IDs, the
// write-ahead log copied into the database after each, between a
// transaction that records the names and one that recomputes the
// speakers. Each step leaves the database consistent, and a killed merge
// leaves speakers_stale set, so the next one picks up where it stopped:
// the names are already recorded, the quotations assigned so far are no
// longer unassigned, and the stale speakers are in their table.
func (db *DB) mergeAgain(ctx context.Context, s stepper) error {
	s.step("merging speakers")
	var m nameMerge
	err := db.inTx(ctx, func(tx *sql.Tx) (err error) {
		m, err = mergeNames(ctx, tx)
		return err
	})
	if err != nil {
		return fmt.Errorf("merge speakers: %w", err)
	}
	var lo, hi sql.NullInt64
	if err := db.w.QueryRowContext(ctx, `SELECT MIN(id), MAX(id) FROM quotes`).Scan(&lo, &hi); err != nil {
		return fmt.Errorf("merge speakers: %w", err)
	}
	s.step("assigning quotations to speakers", "identities", len(m.res.Identities), "quotation_ids", hi.Int64-lo.Int64+1)
	chunks := (hi.Int64 - lo.Int64 + assignChunk) / assignChunk
	for from := lo.Int64; lo.Valid && from <= hi.Int64; from += assignChunk {
		s.show(fmt.Sprintf("assigning quotations to speakers (%d of %d)", (from-lo.Int64)/assignChunk+1, chunks))
		err := db.inTx(ctx, func(tx *sql.Tx) error { return assignNames(ctx, tx, from, from+assignChunk) })
		if err == nil {
			err = db.emptyLog(ctx, false) // many times: not waiting for readers
		}
		if err == nil && afterAssign != nil {
			err = afterAssign(from)
		}
		if err != nil {
			return fmt.Errorf("merge speakers: %w", err)
		}
	}
	s.step("recomputing speakers")
	if err := db.inTx(ctx, func(tx *sql.Tx) error { return finishMerge(ctx, tx, m) }); err != nil {
		return fmt.Errorf("merge speakers: %w", err)
	}
	// After the merge, so that a first ingest builds quotes_speaker from
	// the quotations' final speakers instead of moving every entry of it.
	return db.buildIndexes(ctx, s)
}

// inTx runs fn in a write transaction and commits it if fn succeeds.
func (db *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// merge is a whole merge in the caller's transaction (a correction's).
func merge(ctx context.Context, tx *sql.Tx) (identity.Result, error) {
	m, err := mergeNames(ctx, tx)
	if err != nil {
		return m.res, err
	}
	if err := assignNames(ctx, tx, math.MinInt64, math.MaxInt64); err != nil {
		return m.res, err
	}
	return m.res, finishMerge(ctx, tx, m)
}

// nameMerge is what the first step of a merge decided, for the last.
type nameMerge struct {
	res       identity.Result
	speakerID map[string]int64 // by identity key
}

// mergeNames resolves every name into identities, records each name's
// speaker, moves the quotations of names that changed speaker, and marks
// the speakers that gain or lose a name stale.
func mergeNames(ctx context.Context, tx *sql.Tx) (nameMerge, error) {
	var m nameMerge
	known, err := loadNames(ctx, tx)
	if err != nil {
		return m, err
	}
	names, err := newNames(ctx, tx, known)
	if err != nil {
		return m, err
	}
	corr, err := loadCorrections(ctx, tx)
	if err != nil {
		return m, err
	}
	res, keyOf := resolve(names, corr)
	m.res = res
	if m.speakerID, err = speakerIDs(ctx, tx, res.Identities, res.Successor); err != nil {
		return m, err
	}
	put, err := tx.PrepareContext(ctx, `INSERT INTO names (name, type, role, speaker_id) VALUES (?, ?, ?, ?)
		ON CONFLICT (name, type, role) DO UPDATE SET speaker_id = excluded.speaker_id`)
	if err != nil {
		return m, err
	}
	stale := map[int64]bool{}
	var remapped []nameKey
	for _, k := range names {
		id := m.speakerID[keyOf(k)] // 0 for a name that is no identity
		old, seen := known[k]
		if seen && old == id {
			continue
		}
		if seen {
			remapped = append(remapped, k)
			stale[old] = true
		}
		stale[id] = true
		if _, err := put.ExecContext(ctx, k.name, k.typ, k.role, id); err != nil {
			return m, fmt.Errorf("record speaker name: %w", err)
		}
	}
	delete(stale, 0)
	if err := setCountsAside(ctx, tx); err != nil {
		return m, err
	}
	if err := moveQuotes(ctx, tx, remapped); err != nil {
		return m, err
	}
	if err := markStale(ctx, tx, stale); err != nil {
		return m, err
	}
	// The names changed: writers read them again. 'merging' until
	// finishMerge, so that a batch stored meanwhile (which sets '1') is
	// merged next time.
	_, err = tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('speakers_stale', 'merging'), ('names_version', '1')
		ON CONFLICT (key) DO UPDATE SET value = CASE key WHEN 'names_version' THEN CAST(value AS INTEGER) + 1 ELSE 'merging' END`)
	return m, err
}

// finishMerge recomputes the stale speakers, and counts quotations per
// speaker afresh if setCountsAside set the counting aside.
func finishMerge(ctx context.Context, tx *sql.Tx, m nameMerge) error {
	_, recount, err := metaValue(ctx, tx, "speaker_counts_aside")
	if err != nil {
		return err
	}
	if recount {
		for _, q := range []string{`DELETE FROM speaker_counts`, fillSpeakerCounts, speakerCountsUpdate,
			`DELETE FROM meta WHERE key = 'speaker_counts_aside'`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("count quotations per speaker: %w", err)
			}
		}
	}
	if err := speakerStats(ctx, tx, m.res.Identities, m.speakerID); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE meta SET value = '0' WHERE key = 'speakers_stale' AND value = 'merging'`)
	return err
}

// newNames returns every name the merge has seen, with those of quotations
// not yet assigned, in sorted order.
func newNames(ctx context.Context, tx *sql.Tx, known map[nameKey]int64) ([]nameKey, error) {
	all := map[nameKey]bool{}
	for k := range known {
		all[k] = true
	}
	q, err := newNamesQuery(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("read new speaker names: %w", err)
	}
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("read new speaker names: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k nameKey
		if err := rows.Scan(&k.name, &k.typ, &k.role); err != nil {
			return nil, fmt.Errorf("read new speaker names: %w", err)
		}
		all[k] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read new speaker names: %w", err)
	}
	out := make([]nameKey, 0, len(all))
	for k := range all {
		out = append(out, k)
	}
	slices.SortFunc(out, cmpNames)
	return out, nil
}

// newNamesQuery reads the names of the unassigned quotations. SQLite's own
// choice is the name index, then every quotation's row (speaker_id is not
// in it): at a million articles four minutes of random reads for the few
// new names of an incremental ingest. Without the index of unassigned
// quotations (a first ingest builds it at its end) every quotation is
// unassigned, and one pass over the table is the cheapest.
func newNamesQuery(ctx context.Context, tx *sql.Tx) (string, error) {
	from := "quotes INDEXED BY quotes_unassigned"
	missing, err := missingIndex(ctx, tx, "quotes_unassigned")
	if missing {
		from = "quotes NOT INDEXED"
	}
	return `SELECT DISTINCT speaker, speaker_type, COALESCE(speaker_role, '')
		FROM ` + from + ` WHERE speaker IS NOT NULL AND speaker_id IS NULL`, err
}

func cmpNames(a, b nameKey) int {
	return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(a.typ, b.typ), cmp.Compare(a.role, b.role))
}

// setCountsAside drops the trigger that counts quotations per speaker one
// by one when the merge is about to assign every quotation: after a first
// ingest, while quotes_speaker is not built yet (bulk.go). finishMerge
// counts them afresh in one pass and puts the trigger back. A merge killed
// in between leaves the trigger dropped and the mark in meta, so the next
// merge counts afresh even if the index was built meanwhile (reextract).
func setCountsAside(ctx context.Context, tx *sql.Tx) error {
	bulk, err := missingIndex(ctx, tx, "quotes_speaker")
	if err != nil || !bulk {
		return err
	}
	for _, q := range []string{`DROP TRIGGER IF EXISTS speaker_counts_update`,
		`INSERT OR IGNORE INTO meta (key, value) VALUES ('speaker_counts_aside', '1')`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("set the counting of quotations per speaker aside: %w", err)
		}
	}
	return nil
}

// assignNames gives the unassigned quotations with IDs in [from, to) the
// speaker of their name.
func assignNames(ctx context.Context, tx *sql.Tx, from, to int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE quotes SET speaker_id = (SELECT n.speaker_id FROM names n
		WHERE n.name = quotes.speaker AND n.type = quotes.speaker_type AND n.role = COALESCE(quotes.speaker_role, ''))
		WHERE id >= ? AND id < ? AND speaker IS NOT NULL AND speaker_id IS NULL`, from, to)
	if err != nil {
		return fmt.Errorf("assign speakers to quotations: %w", err)
	}
	return nil
}

// moveQuotes gives the quotations of names the merge moved to another
// speaker their new speaker, through the index on names.
func moveQuotes(ctx context.Context, tx *sql.Tx, remapped []nameKey) error {
	upd, err := tx.PrepareContext(ctx, `UPDATE quotes SET speaker_id = (SELECT speaker_id FROM names
		WHERE name = ?1 AND type = ?2 AND role = ?3)
		WHERE speaker = ?1 AND speaker_type = ?2 AND COALESCE(speaker_role, '') = ?3`)
	if err != nil {
		return err
	}
	for _, k := range remapped {
		if _, err := upd.ExecContext(ctx, k.name, k.typ, k.role); err != nil {
			return fmt.Errorf("move quotations of %q: %w", k.name, err)
		}
	}
	return nil
}

// missingIndex says whether the named index is absent from the schema.
func missingIndex(ctx context.Context, tx *sql.Tx, name string) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = ?`, name).Scan(&n)
	return n == 0, err
}

func markStale(ctx context.Context, tx *sql.Tx, stale map[int64]bool) error {
	ins, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO stale_speakers (id) VALUES (?)`)
	if err != nil {
		return err
	}
	for id := range stale {
		if _, err := ins.ExecContext(ctx, id); err != nil {
			return fmt.Errorf("mark speaker stale: %w", err)
		}
	}
	return nil
}

func loadCorrections(ctx context.Context, tx *sql.Tx) ([]identity.Correction, error) {
	rows, err := tx.QueryContext(ctx, `SELECT op, name, target, type FROM corrections ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read corrections: %w", err)
	}
	defer rows.Close()
	var out []identity.Correction
	for rows.Next() {
		var c identity.Correction
		if err := rows.Scan(&c.Op, &c.Name, &c.Target, &c.Type); err != nil {
			return nil, fmt.Errorf("read corrections: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// speakerIDs maps every identity key to its speaker ID, adding rows for new
// keys, refreshing changed names and types, and retiring vanished keys.
func speakerIDs(ctx context.Context, tx *sql.Tx, ids []identity.Identity, successor func(string) (string, bool)) (map[string]int64, error) {
	type row struct {
		id        int64
		name, typ string
		live      bool
	}
	have := map[string]row{}
	rows, err := tx.QueryContext(ctx, `SELECT key, id, name, type, live FROM speakers`)
	if err != nil {
		return nil, fmt.Errorf("read speakers: %w", err)
	}
	for rows.Next() {
		var k string
		var r row
		if err := rows.Scan(&k, &r.id, &r.name, &r.typ, &r.live); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read speakers: %w", err)
		}
		have[k] = r
	}
	rows.Close()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO speakers (key, name, type) VALUES (?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	upd, err := tx.PrepareContext(ctx, `UPDATE speakers SET name = ?, type = ?, live = ? WHERE id = ?`)
	if err != nil {
		return nil, err
	}
	// A live speaker whose key is gone hands its ID on to the identity its
	// name joined (the earliest such speaker, if several did), so that
	// links and scripts that name the ID keep working as names fill out.
	current := make(map[string]bool, len(ids))
	for _, it := range ids {
		current[it.Key] = true
	}
	inherit := map[string]string{} // new key -> old key
	for k, r := range have {
		if !r.live || current[k] {
			continue
		}
		to, ok := successor(k)
		if !ok || to == k {
			continue
		}
		if _, taken := have[to]; taken {
			continue
		}
		if prev, seen := inherit[to]; !seen || r.id < have[prev].id {
			inherit[to] = k
		}
	}
	rekey, err := tx.PrepareContext(ctx, `UPDATE speakers SET key = ?, name = ?, type = ?, live = 1 WHERE id = ?`)
	if err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for _, it := range ids { // in key order: new IDs do not depend on input order
		r, ok := have[it.Key]
		if from, found := inherit[it.Key]; !ok && found {
			r = have[from]
			if _, err := rekey.ExecContext(ctx, it.Key, it.Name, it.Type, r.id); err != nil {
				return nil, fmt.Errorf("rename speaker %d: %w", r.id, err)
			}
			delete(have, from)
			out[it.Key] = r.id
			continue
		}
		switch {
		case !ok:
			res, err := ins.ExecContext(ctx, it.Key, it.Name, it.Type)
			if err != nil {
				return nil, fmt.Errorf("add speaker: %w", err)
			}
			if r.id, err = res.LastInsertId(); err != nil {
				return nil, err
			}
		case r.name != it.Name || r.typ != it.Type || !r.live:
			if _, err := upd.ExecContext(ctx, it.Name, it.Type, true, r.id); err != nil {
				return nil, fmt.Errorf("update speaker: %w", err)
			}
		}
		out[it.Key] = r.id
	}
	for k, r := range have {
		if _, ok := out[k]; !ok && r.live {
			if _, err := upd.ExecContext(ctx, r.name, r.typ, false, r.id); err != nil {
				return nil, fmt.Errorf("retire speaker: %w", err)
			}
		}
	}
	return out, nil
}

// speakerStats rewrites aliases, roles, counts, dates and outlets of the
// stale speakers from their quotations (near-duplicates not counted).
func speakerStats(ctx context.Context, tx *sql.Tx, ids []identity.Identity, speakerID map[string]int64) error {
	byID := map[int64]identity.Identity{}
	for _, it := range ids {
		byID[speakerID[it.Key]] = it
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM stale_speakers`)
	if err != nil {
		return err
	}
	var stale []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		stale = append(stale, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	ins, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, norm) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	for _, q := range []string{
		`DELETE FROM speaker_aliases WHERE speaker_id IN (SELECT id FROM stale_speakers)`,
		`DELETE FROM speaker_roles WHERE speaker_id IN (SELECT id FROM stale_speakers)`,
		`INSERT INTO speaker_roles (speaker_id, role, first, last, count) ` + staleRoles,
		// From speaker_counts, a speaker's outlets times days: a few rows
		// per speaker where its quotations are thousands.
		`UPDATE speakers SET (quotes, first, last) = (SELECT COALESCE(SUM(n), 0), MIN(NULLIF(dkey, '~')), MAX(NULLIF(dkey, '~'))
		 FROM speaker_counts c WHERE c.speaker_id = speakers.id AND c.n > 0) WHERE id IN (SELECT id FROM stale_speakers)`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("speaker counts: %w", err)
		}
	}
	for _, id := range stale {
		it, ok := byID[id]
		if !ok {
			continue
		}
		for _, a := range append(it.Aliases, it.Name) {
			if _, err := ins.ExecContext(ctx, id, a, normName(a)); err != nil {
				return fmt.Errorf("add alias: %w", err)
			}
		}
	}
	if err := speakerSources(ctx, tx); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM stale_speakers`)
	return err
}

// staleRoles are the roles of the stale speakers, with their first and
// last dates and counts, read from quotes_speaker alone (schema 9).
const staleRoles = `SELECT speaker_id, speaker_role, MIN(NULLIF(dkey, '~')), MAX(NULLIF(dkey, '~')), COUNT(*)
	FROM quotes WHERE dup = 0 AND speaker_id IN (SELECT id FROM stale_speakers) AND speaker_role IS NOT NULL
	GROUP BY speaker_id, speaker_role`

// speakerSources stores each stale speaker's outlets, most quotations first.
func speakerSources(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT speaker_id, source, SUM(n) AS total FROM speaker_counts
		WHERE n > 0 AND speaker_id IN (SELECT id FROM stale_speakers)
		GROUP BY speaker_id, source ORDER BY speaker_id, total DESC, source`)
	if err != nil {
		return fmt.Errorf("speaker outlets: %w", err)
	}
	srcs := map[int64][]string{}
	for rows.Next() {
		var id int64
		var s string
		var n int
		if err := rows.Scan(&id, &s, &n); err != nil {
			rows.Close()
			return fmt.Errorf("speaker outlets: %w", err)
		}
		srcs[id] = append(srcs[id], s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("speaker outlets: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE speakers SET sources = '[]' WHERE id IN (SELECT id FROM stale_speakers)`); err != nil {
		return err
	}
	upd, err := tx.PrepareContext(ctx, `UPDATE speakers SET sources = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	for id, s := range srcs {
		b, _ := json.Marshal(s)
		if _, err := upd.ExecContext(ctx, string(b), id); err != nil {
			return fmt.Errorf("speaker outlets: %w", err)
		}
	}
	return nil
}
