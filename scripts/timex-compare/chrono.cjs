// chrono.cjs: run chrono-node over a JSONL file of articles and write
// chronicle-shaped records ({"id", "text", "timexes"}) with TIMEX3 types and
// values, then time it in-process.
//
// usage: node chrono.cjs ARTICLES.jsonl REFS.json OUT.jsonl
//
// REFS maps article id -> the reference date chronicle used for it (its
// "published" after the text and URL sieves), so both systems resolve
// relative dates against the same day; chrono gets that day at 12:00 UTC.
//
// chrono-node returns dates, not TIMEX3. The mapping is mechanical and uses
// only what chrono marks as certain (isCertain), the rest of its date being
// chrono's own guess:
//   - hour certain                 -> TIME  YYYY-MM-DDTHH:MM, plus "Z" or
//                                     "+HH:MM" when the zone offset is certain
//   - else day or weekday certain  -> DATE  YYYY-MM-DD (chrono's resolved day,
//                                     so "Tuesday" and "last week" become days)
//   - else month certain           -> DATE  YYYY-MM
//   - else year certain            -> DATE  YYYY
// A range ("July 21-22") is one expression valued by its start. chrono has
// no durations, sets or PRESENT_REF/PAST_REF/FUTURE_REF, so those are
// missed or mis-typed; its extents keep the prepositions it includes ("on
// Tuesday"). Offsets are converted from UTF-16 units to code points.
"use strict";
const fs = require("fs");
const chrono = require("chrono-node");

const [, , input, refsPath, output] = process.argv;
const refs = JSON.parse(fs.readFileSync(refsPath, "utf8"));
const docs = fs.readFileSync(input, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));

function pad(n, w = 2) {
  return String(n).padStart(w, "0");
}

function refOf(id) {
  const r = refs[id];
  if (!r || !/^\d{4}-\d{2}-\d{2}/.test(r)) return { instant: new Date(), timezone: 0 };
  return { instant: new Date(r.slice(0, 10) + "T12:00:00Z"), timezone: 0 };
}

function timex3(c) {
  const y = pad(c.get("year"), 4), m = pad(c.get("month")), d = pad(c.get("day"));
  if (c.isCertain("hour")) {
    let v = `${y}-${m}-${d}T${pad(c.get("hour"))}:${pad(c.get("minute") || 0)}`;
    if (c.isCertain("timezoneOffset")) {
      const off = c.get("timezoneOffset");
      v += off === 0 ? "Z" : `${off < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
    }
    return ["TIME", v];
  }
  if (c.isCertain("day") || c.isCertain("weekday")) return ["DATE", `${y}-${m}-${d}`];
  if (c.isCertain("month")) return ["DATE", `${y}-${m}`];
  if (c.isCertain("year")) return ["DATE", y];
  return null;
}

function codePoints(text, utf16) {
  return Array.from(text.slice(0, utf16)).length;
}

function tag(doc) {
  const out = [];
  for (const r of chrono.parse(doc.text, refOf(doc.id))) {
    const tv = timex3(r.start);
    if (!tv) continue;
    const start = codePoints(doc.text, r.index);
    out.push({ text: r.text, start, end: start + Array.from(r.text).length, type: tv[0], value: tv[1] });
  }
  return out;
}

const lines = docs.map((d) => JSON.stringify({ id: d.id, text: d.text, timexes: tag(d) }));
fs.writeFileSync(output, lines.join("\n") + "\n");

// Throughput: parse every article again, in rounds, for at least two seconds.
let n = 0;
const t0 = process.hrtime.bigint();
let elapsed = 0;
while (elapsed < 2) {
  for (const d of docs) chrono.parse(d.text, refOf(d.id));
  n += docs.length;
  elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
}
const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
process.stdout.write(JSON.stringify({ articles_per_s: n / elapsed, avg_bytes: bytes / docs.length }) + "\n");
