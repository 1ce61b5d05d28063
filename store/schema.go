package store

// schemaVersion is bumped whenever schema changes; Open refuses databases
// from a newer chronicle and migrates older ones.
const schemaVersion = 1

// schema creates every table and index. Quotation dates live in dkey, the
// sort key: said_on, else the article's publication day, else "~" (which
// sorts after every digit, so undated quotations come last). The partial
// indexes cover the default queries, which skip near-duplicate articles.
const schema = `
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
	text              TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_input ON articles(input_id);

-- Band keys of the MinHash signatures of original articles, to find the
-- candidates of a near-duplicate without comparing it with every article.
CREATE TABLE IF NOT EXISTS lsh (
	band_key   INTEGER NOT NULL,
	article_id INTEGER NOT NULL,
	PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;

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
	said_on_from   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id, seq);
CREATE INDEX IF NOT EXISTS quotes_date ON quotes(dkey, id) WHERE dup = 0;
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id, dkey, id) WHERE dup = 0;
CREATE INDEX IF NOT EXISTS quotes_source ON quotes(source, dkey, id) WHERE dup = 0;
-- Quotations whose speaker name the merge has not seen yet.
CREATE INDEX IF NOT EXISTS quotes_unassigned ON quotes(id) WHERE speaker IS NOT NULL AND speaker_id IS NULL;

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
	title, text, content='articles', content_rowid='id');
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
	text, content='quotes', content_rowid='id');

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
