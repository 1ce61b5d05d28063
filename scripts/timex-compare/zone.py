#!/usr/bin/env python3
"""Keep only the system timexes inside MEANTIME's annotated zone.

usage: zone.py SENTENCES IN.jsonl OUT.jsonl

MEANTIME annotates the title and the first sentences of each article, not
the whole text, so every expression found further down counts as spurious
to score_timex.py. This cuts each record's timexes at the end of the title
line plus the first SENTENCES sentences of the body, found with a plain
splitter (a stop before a space and a capital, not after a one-letter or
known abbreviation or a dotted one like "N.V."). The gold is not consulted
here; checked against it once, every gold expression of the 120 articles
lies in the title or the first four body sentences (compare.sh passes 4).
Both systems are cut the same way.
"""
import json, re, sys

ABBR = {"Mr", "Mrs", "Ms", "Dr", "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
        "Sept", "Oct", "Nov", "Dec", "Inc", "Corp", "Co", "Jr", "Sr", "Gov", "Gen", "No", "vs", "U.S"}

def zone_end(text, n):
    nl = text.find("\n")
    pos = len(text) if nl < 0 else nl
    count = 0
    for m in re.finditer(r'[.!?]["\'”’)]*\s+(?=["“(]?[A-Z0-9])', text[pos:]):
        before = text[pos:pos + m.start()].split()[-1] if text[pos:pos + m.start()].split() else ""
        word = before.strip('"“(')
        if len(word) == 1 or word in ABBR or "." in word:  # "N.V.", "U.S."
            continue
        count += 1
        if count == n:
            return pos + m.end()
    return len(text)

def main():
    n = int(sys.argv[1])
    texts = {}
    with open(sys.argv[2]) as src, open(sys.argv[3], "w") as out:
        for line in src:
            r = json.loads(line)
            end = zone_end(r["text"], n) if "text" in r else None
            if end is None:
                raise SystemExit("zone.py: records need their text (run chronicle with --with-text)")
            r["timexes"] = [t for t in r["timexes"] if t["start"] < end]
            out.write(json.dumps(r) + "\n")

main()
