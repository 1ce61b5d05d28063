package store

import (
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
)

// A quotation's full-text row holds, beside its text, one token for the
// name its speaker goes by in the article (the who column of quotes_fts),
// so that a text query of one speaker's quotations is a single full-text
// query: FTS5 intersects the query's matches with those of the speaker's
// names, skipping through both lists. Testing each match of a common word
// against the set of the speaker's quotations instead took a quarter of a
// second at a million articles for the most quoted speaker.
//
// The tokens select the quotations said under the speaker's names; the
// query's speaker condition still picks the speaker's own among them
// (several speakers may share a name, and hashes may collide).

// maxWhoNames bounds the names of a query's speakers put into one
// full-text query; a speaker with more is tested as a set (quoteMatch).
var maxWhoNames = 256 // a variable for tests

// whoToken is the full-text token of a speaker name: "w" and a hash of the
// name, letters and digits only, so that the tokenizer keeps it whole.
var whoToken = func(name string) string { // a variable for tests
	h := fnv.New64a()
	h.Write([]byte(name))
	return "w" + strconv.FormatUint(h.Sum64(), 36)
}

// whoOf is the who column of a quotation's full-text row: its speaker
// name's token, or nothing.
func whoOf(speaker *string) string {
	if speaker == nil {
		return ""
	}
	return whoToken(*speaker)
}

// quoteText confines a user's full-text query to the text of quotations,
// so that no query word or prefix ("w*") matches a speaker token.
func quoteText(q string) string { return "text : (" + q + ")" }

// speakerMatch is the full-text query of the quotations that match the
// user's query q and were said under a name of speaker s; "" when s has
// none, or more than maxWhoNames. The names are those the merge gave the
// speaker and its aliases (the names its quotations go by, as of the last
// merge), so that no quotation of the speaker is left out.
func (db *DB) speakerMatch(ctx context.Context, q, s string) (string, error) {
	ids, err := db.speakerIDsFor(ctx, s)
	if err != nil {
		return "", err
	}
	seen := map[string]bool{}
	for _, id := range ids {
		rows, err := db.sql.QueryContext(ctx, `SELECT name FROM names WHERE speaker_id = ?1
			UNION SELECT alias FROM speaker_aliases WHERE speaker_id = ?1`, id)
		if err != nil {
			return "", fmt.Errorf("names of speaker %d: %w", id, err)
		}
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				rows.Close()
				return "", fmt.Errorf("names of speaker %d: %w", id, err)
			}
			seen[whoToken(name)] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return "", fmt.Errorf("names of speaker %d: %w", id, err)
		}
	}
	if len(seen) == 0 || len(seen) > maxWhoNames {
		return "", nil
	}
	toks := make([]string, 0, len(seen))
	for t := range seen {
		toks = append(toks, t)
	}
	slices.Sort(toks)
	return quoteText(q) + " AND who : (" + strings.Join(toks, " OR ") + ")", nil
}
