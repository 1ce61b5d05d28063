package store

// schemaVersion is bumped whenever schema changes; Open refuses databases
// from a newer chronicle and migrates older ones.
const schemaVersion = 9

// schema creates every table and index. Quotation dates live in dkey, the
// sort key: said_on, else the article's publication day, else "~" (which
// sorts after every digit, so undated quotations come last). The partial
// indexes cover the default queries, which skip near-duplicate articles.
var schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
	id                INTEGER PRIMARY KEY,
	input_id          TEXT NOT NULL,
	source            TEXT NOT NULL,
	url               TEXT NOT NULL,
	title             TEXT NOT NULL,
	published         TEXT,
	published_from    TEXT NOT NULL,
	language          TEXT NOT NULL,
	format            TEXT NOT NULL,
	input_published   TEXT NOT NULL,
	input_pub_from    TEXT NOT NULL,
	content_hash      TEXT NOT NULL UNIQUE,
	duplicate_of      INTEGER REFERENCES articles(id),
	similarity        REAL,
	signature         BLOB,
	extractor_version TEXT NOT NULL,
	timexes           TEXT NOT NULL,
	entities          TEXT NOT NULL,
	text              TEXT NOT NULL,
	fkey              INTEGER AS ` + fkeySQL("COALESCE(substr(published, 1, 10), '~')", "id") + ` VIRTUAL
);
CREATE INDEX IF NOT EXISTS articles_input ON articles(input_id);
CREATE INDEX IF NOT EXISTS articles_fkey ON articles(fkey);
-- The copies of an original, for the writer to move them to an earlier
-- original (schema 4: without it, every such move scanned the articles).
CREATE INDEX IF NOT EXISTS articles_copies ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Band keys of the MinHash signatures of original articles, to find the
-- candidates of a near-duplicate without comparing it with every article.
CREATE TABLE IF NOT EXISTS lsh (
	band_key   INTEGER NOT NULL,
	article_id INTEGER NOT NULL,
	PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
-- Band keys reach lsh a million or so at a time, in key order; the writer
-- holds the newer ones in memory (recentbands.go, schema 7): those of the
-- originals above the mark lsh_folded in meta.

CREATE TABLE IF NOT EXISTS quotes (
	id             INTEGER PRIMARY KEY,
	article_id     INTEGER NOT NULL REFERENCES articles(id),
	seq            INTEGER NOT NULL,
	dup            INTEGER NOT NULL,
	dkey           TEXT NOT NULL,
	source         TEXT NOT NULL,
	speaker_id     INTEGER,
	text           TEXT NOT NULL,
	start          INTEGER NOT NULL,
	end            INTEGER NOT NULL,
	kind           TEXT NOT NULL,
	speaker        TEXT,
	speaker_type   TEXT NOT NULL,
	speaker_role   TEXT,
	mention_text   TEXT,
	mention_start  INTEGER,
	mention_end    INTEGER,
	cue_text       TEXT,
	cue_start      INTEGER,
	cue_end        INTEGER,
	said_on        TEXT,
	said_on_from   TEXT NOT NULL,
	fkey           INTEGER AS ` + fkeySQL("dkey", "id") + ` VIRTUAL
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id, seq);
-- Date order of every quotation (see datekey.go); the full-text index reads
-- quotations through it.
CREATE INDEX IF NOT EXISTS quotes_fkey ON quotes(fkey);

-- Quotations of original articles per outlet and date key, so that the
-- facets and timelines of the whole corpus (or an outlet, or dates) read a
-- few thousand rows, not every quotation. The writer adds a batch's new
-- quotations; these triggers follow deletions and changes.
CREATE TABLE IF NOT EXISTS quote_counts (
	source TEXT NOT NULL,
	dkey   TEXT NOT NULL,
	n      INTEGER NOT NULL,
	PRIMARY KEY (source, dkey)
) WITHOUT ROWID;
-- Its sums per date key and per outlet, for the whole corpus.
CREATE TABLE IF NOT EXISTS day_counts (dkey TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS source_counts (source TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS quote_counts_delete AFTER DELETE ON quotes WHEN OLD.dup = 0 BEGIN
	UPDATE quote_counts SET n = n - 1 WHERE source = OLD.source AND dkey = OLD.dkey;
	UPDATE day_counts SET n = n - 1 WHERE dkey = OLD.dkey;
	UPDATE source_counts SET n = n - 1 WHERE source = OLD.source;
END;
CREATE TRIGGER IF NOT EXISTS quote_counts_update AFTER UPDATE OF dup, dkey, source ON quotes BEGIN
	UPDATE quote_counts SET n = n - 1 WHERE OLD.dup = 0 AND source = OLD.source AND dkey = OLD.dkey;
	UPDATE day_counts SET n = n - 1 WHERE OLD.dup = 0 AND dkey = OLD.dkey;
	UPDATE source_counts SET n = n - 1 WHERE OLD.dup = 0 AND source = OLD.source;
	INSERT INTO quote_counts (source, dkey, n) SELECT NEW.source, NEW.dkey, 1 WHERE NEW.dup = 0
		ON CONFLICT (source, dkey) DO UPDATE SET n = n + 1;
	INSERT INTO day_counts (dkey, n) SELECT NEW.dkey, 1 WHERE NEW.dup = 0
		ON CONFLICT (dkey) DO UPDATE SET n = n + 1;
	INSERT INTO source_counts (source, n) SELECT NEW.source, 1 WHERE NEW.dup = 0
		ON CONFLICT (source) DO UPDATE SET n = n + 1;
END;
-- The same per speaker, for the speaker page: a speaker's facets and
-- timeline read its outlets times days, not its quotations. The writer adds
-- quotations whose speaker it knows; the triggers follow the rest, and the
-- merge's moves of quotations from speaker to speaker (0 and NULL, no
-- identity, are not counted).
CREATE TABLE IF NOT EXISTS speaker_counts (
	speaker_id INTEGER NOT NULL,
	source     TEXT NOT NULL,
	dkey       TEXT NOT NULL,
	n          INTEGER NOT NULL,
	PRIMARY KEY (speaker_id, dkey, source) -- a speaker's days in order, for its timeline
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS speaker_counts_delete AFTER DELETE ON quotes WHEN OLD.dup = 0 AND OLD.speaker_id > 0 BEGIN
	UPDATE speaker_counts SET n = n - 1 WHERE speaker_id = OLD.speaker_id AND source = OLD.source AND dkey = OLD.dkey;
END;
` + speakerCountsUpdate + `;
-- With the role (schema 9), so that the merge reads a speaker's roles from
-- the index alone: read row by row, the quotations of the speakers an
-- ingest of 1,000 articles touched took 143 s at a million articles.
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id, dkey, id, speaker_role) WHERE dup = 0;
CREATE INDEX IF NOT EXISTS quotes_source ON quotes(source, dkey, id) WHERE dup = 0;
-- Quotations by speaker name, for the merge to move a name's quotations.
CREATE INDEX IF NOT EXISTS quotes_speaker_name ON quotes(speaker) WHERE speaker IS NOT NULL;
-- Quotations whose speaker name the merge has not seen yet.
CREATE INDEX IF NOT EXISTS quotes_unassigned ON quotes(id) WHERE speaker IS NOT NULL AND speaker_id IS NULL;

-- Articles whose full-text row moved to another date key (a re-extraction
-- changed the publication day), for the index to catch up on after a
-- killed run (index.go). AUTOINCREMENT: entries are pruned, and a reused
-- number would look applied already.
CREATE TABLE IF NOT EXISTS search_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, article_id INTEGER NOT NULL);

-- Speakers are the identities of the last merge; key is the merge's stable
-- key for the identity, so that IDs survive re-extraction and new articles.
CREATE TABLE IF NOT EXISTS speakers (
	id        INTEGER PRIMARY KEY,
	key       TEXT NOT NULL UNIQUE,
	name      TEXT NOT NULL,
	type      TEXT NOT NULL,
	quotes    INTEGER NOT NULL DEFAULT 0,
	first     TEXT,
	last      TEXT,
	sources   TEXT NOT NULL DEFAULT '[]',
	live      INTEGER NOT NULL DEFAULT 1
);
-- The merge's outcome per speaker name, type and role ('' for none): the
-- writer gives new quotations under a known name their speaker at once.
-- speaker_id 0 marks a name that is no identity ("the president").
CREATE TABLE IF NOT EXISTS names (
	name       TEXT NOT NULL,
	type       TEXT NOT NULL,
	role       TEXT NOT NULL,
	speaker_id INTEGER NOT NULL,
	PRIMARY KEY (name, type, role)
) WITHOUT ROWID;
-- A speaker's names, for a text query of its quotations (who.go; schema 8).
CREATE INDEX IF NOT EXISTS names_speaker ON names(speaker_id);
-- Speakers whose counts, roles and outlets need recomputing.
CREATE TABLE IF NOT EXISTS stale_speakers (id INTEGER PRIMARY KEY);
CREATE INDEX IF NOT EXISTS speakers_top ON speakers(live, quotes DESC, id);
CREATE TABLE IF NOT EXISTS speaker_aliases (
	speaker_id INTEGER NOT NULL,
	alias      TEXT NOT NULL,
	norm       TEXT NOT NULL,
	PRIMARY KEY (speaker_id, alias)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speaker_aliases_norm ON speaker_aliases(norm);
CREATE TABLE IF NOT EXISTS speaker_roles (
	speaker_id INTEGER NOT NULL,
	role       TEXT NOT NULL,
	first      TEXT,
	last       TEXT,
	count      INTEGER NOT NULL,
	PRIMARY KEY (speaker_id, role)
) WITHOUT ROWID;

-- Corrections are the user's edits of the merge, kept by name (not by ID)
-- so that they apply again after every re-extraction and new ingest.
CREATE TABLE IF NOT EXISTS corrections (
	id      INTEGER PRIMARY KEY,
	op      TEXT NOT NULL,
	name    TEXT NOT NULL,
	target  TEXT NOT NULL,
	type    TEXT NOT NULL,
	created TEXT NOT NULL
);

-- One row per input item that could not be stored, the latest error only.
CREATE TABLE IF NOT EXISTS failures (
	item    TEXT PRIMARY KEY,
	error   TEXT NOT NULL,
	at      TEXT NOT NULL
);
`

// migrateV1 brings a version 1 database to version 2: date keys (the
// full-text index is rebuilt on them in its own file, minutes on a large
// database, once). The schema then creates the new indexes and tables.
var migrateV1 = []string{
	`ALTER TABLE articles ADD COLUMN fkey INTEGER AS ` + fkeySQL("COALESCE(substr(published, 1, 10), '~')", "id") + ` VIRTUAL`,
	`ALTER TABLE quotes ADD COLUMN fkey INTEGER AS ` + fkeySQL("dkey", "id") + ` VIRTUAL`,
	`DROP INDEX IF EXISTS quotes_date`,
	`DROP TABLE IF EXISTS articles_fts`,
	`DROP TABLE IF EXISTS quotes_fts`,
}

// rebuildV1 fills what migrateV1 and the schema added: the quotation
// counts.
var rebuildV1 = []string{
	`INSERT INTO quote_counts (source, dkey, n) SELECT source, dkey, COUNT(*) FROM quotes WHERE dup = 0 GROUP BY source, dkey`,
	`INSERT INTO day_counts (dkey, n) SELECT dkey, SUM(n) FROM quote_counts GROUP BY dkey`,
	`INSERT INTO source_counts (source, n) SELECT source, SUM(n) FROM quote_counts GROUP BY source`,
	fillSpeakerCounts,
}

// fillSpeakerCounts fills speaker_counts, new in schema 3, from the
// quotations (one pass over them, once).
const fillSpeakerCounts = `INSERT INTO speaker_counts (speaker_id, source, dkey, n)
	SELECT speaker_id, source, dkey, COUNT(*) FROM quotes WHERE dup = 0 AND speaker_id > 0 GROUP BY speaker_id, dkey, source`

// speakerCountsUpdate follows quotations that change speaker, outlet, day or
// duplicate mark in speaker_counts. The merge of a first ingest sets it
// aside while it assigns every quotation, and counts afresh (merge.go).
const speakerCountsUpdate = `CREATE TRIGGER IF NOT EXISTS speaker_counts_update AFTER UPDATE OF dup, dkey, source, speaker_id ON quotes BEGIN
	UPDATE speaker_counts SET n = n - 1 WHERE OLD.dup = 0 AND OLD.speaker_id > 0
		AND speaker_id = OLD.speaker_id AND source = OLD.source AND dkey = OLD.dkey;
	INSERT INTO speaker_counts (speaker_id, source, dkey, n)
		SELECT NEW.speaker_id, NEW.source, NEW.dkey, 1 WHERE NEW.dup = 0 AND NEW.speaker_id > 0
		ON CONFLICT (speaker_id, dkey, source) DO UPDATE SET n = n + 1;
END`
