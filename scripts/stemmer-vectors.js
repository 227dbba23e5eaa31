#!/usr/bin/env node
/* The search script's stemmer and word analysis against the engine's, run by scripts/test.sh:

     node scripts/stemmer-vectors.js SITE

   SITE is a built site (the example). For each language whose index has stemmer rules:
   1. the test vectors (Tests/Fixtures/stemmer/<lang>.tsv): every word stems as written, with the
      rules the engine wrote into SITE/<lang>/search/meta.json, run by assets/search.js's stemmer;
      the forms of a "=" group share a folded stem, "!" pairs do not (as StemmerTests checks the
      Swift side);
   2. every word of the index: the cards and passage files hold the texts a document's words were
      taken from (title, fields, summary, the passages where words first occur); the script analyses each
      word of them and looks it up as a reader's query would, under its stem in its shard, and the
      document must be among that form's documents.
   Exit status 1 on any difference, with the first few listed. */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const core = require(path.join(root, "default-theme/assets/search.js"));
const site = process.argv[2];
if (!site) { console.error("usage: node scripts/stemmer-vectors.js SITE"); process.exit(2); }

const problems = [];
function problem(text) { problems.push(text); }

function vectors(lang, stem) {
  const file = path.join(root, "Tests/Fixtures/stemmer", lang + ".tsv");
  if (!fs.existsSync(file)) return 0;
  const folded = (w) => core.fold(stem(w.toLowerCase().normalize("NFC")));
  let words = 0, group = null;
  const groups = [];
  fs.readFileSync(file, "utf8").split("\n").forEach((line, n) => {
    if (line.startsWith("= ")) { group = []; groups.push([line.slice(2), group]); return; }
    if (line.startsWith("~ ")) { group = null; return; }
    if (line.startsWith("! ")) {
      const [a, b] = line.slice(2).split(" ");
      if (folded(a) === folded(b)) problem(`${lang}.tsv:${n + 1}: ${a} and ${b} stem alike`);
      return;
    }
    const tab = line.indexOf("\t");
    if (tab < 0 || line.startsWith("#")) return;
    const word = line.slice(0, tab), expected = line.slice(tab + 1);
    words++;
    const got = stem(word);
    if (got !== expected) problem(`${lang}.tsv:${n + 1}: ${word} → ${got}, the vectors say ${expected}`);
    if (group) group.push(word);
  });
  groups.forEach(([name, forms]) => {
    const stems = new Set(forms.map(folded));
    if (stems.size > 1) problem(`${lang}: the forms of ${name} stem to ${[...stems].join(", ")}`);
  });
  return words;
}

function indexWords(lang, meta, stem) {
  const folder = path.join(site, lang, "search");
  const files = Object.fromEntries(meta.shards);
  const shards = {};
  const shard = (name) => shards[name] || (shards[name] = JSON.parse(fs.readFileSync(path.join(folder, `t-${name}.json`), "utf8")));
  // The documents a form's postings list, decoded from gaps.
  const documents = (lists) => {
    const ids = new Set();
    lists.forEach((list, field) => {
      let id = 0;
      for (let k = 0; k < list.length; k += field === 2 ? 2 : 1) { id += list[k]; ids.add(id); }
    });
    return ids;
  };
  let checked = 0;
  const seen = new Set();
  // The texts a document's words were taken from: its card (chunk files) and its passage blocks.
  const texts = new Map();
  const add = (id, list) => texts.set(id, (texts.get(id) || []).concat(list.filter(Boolean)));
  for (const name of fs.readdirSync(folder).sort()) {
    const card = /^c-(\d+)\.json$/.exec(name), block = /^d-(\d+)-\d+\.json$/.exec(name);
    if (!card && !block) continue;
    const data = JSON.parse(fs.readFileSync(path.join(folder, name), "utf8"));
    if (card) data.forEach((doc, i) => add(Number(card[1]) * meta.chunkSize + i, [doc.t, doc.m, doc.s, ...(doc.f || [])]));
    else add(Number(block[1]), Object.values(data.p || {}));
  }
  for (const [id, list] of texts) {
    for (const text of list) {
      for (const raw of text.match(core.rawWord) || []) {
        const word = core.analyze(raw, stem);
        if (!word || seen.has(id + " " + raw)) continue;
        seen.add(id + " " + raw);
        checked++;
        const file = files[Array.from(word.stem).slice(0, 2).join("")];
        const lists = file && shard(file)[word.stem] && shard(file)[word.stem][word.form];
        if (!lists || !documents(lists).has(id)) problem(`${lang}: '${raw}' of document ${id}: the script looks for ${word.form} under ${word.stem}, the index does not have it there`);
      }
    }
  }
  return checked;
}

let languages = 0;
for (const lang of fs.readdirSync(site).sort()) {
  const metaFile = path.join(site, lang, "search", "meta.json");
  if (!fs.existsSync(metaFile)) continue;
  const meta = JSON.parse(fs.readFileSync(metaFile, "utf8"));
  const stem = core.stemmer(meta.stemmer);
  const words = stem ? vectors(lang, stem) : 0;
  const indexed = indexWords(lang, meta, stem);
  languages++;
  console.log(`${lang}: ${words} vector words, ${indexed} words of the index looked up as the script would`);
}
if (!languages) problem(`no search index under ${site}`);
if (problems.length) {
  console.error(`${problems.length} problems:\n` + problems.slice(0, 30).join("\n"));
  process.exit(1);
}
