/* kartu search: queries the static index that `kartu build` writes to <lang>/search/.
   No library, no other host. The page (search.mustache) gives the index folder and the UI strings
   in data-* attributes of #kartu-search.

   Index format (Sources/Kartu/Search/SearchIndex+Files.swift):
   - meta.json  {version: 2, documents: N, chunkSize: 20, blockSize: 4, language: its name,
                 shards: [[shard, file], …], stemmer: rules or null}
   - t-<file>.json  {stem: {form: [[title and fields], [summary], [text]]}}, one file per two-letter
                    stem prefix (the shard). Lists hold gaps: a document number, then differences;
                    the text list has the passage of the first occurrence after each document.
   - c-<n>.json  the cards of documents n*chunkSize …: [{t, u, k, m?, s?, f: [fields]}, …]
   - d-<id>-<block>.json  {p: {passage number: text}}: the passages of one block (blockSize passages)
                    of a document where a word first occurs.
   A word is a run of letters, digits and marks; it is lower-cased, composed (NFC), stemmed by the
   index's rules (`stemmer` below runs them exactly as Stemmer.swift does), then the word and its
   stem are folded as the engine folds (Slug.fold: a few letters spelled out, ł → l, ß → ss…,
   combining marks dropped, lower case; see foldChar).

   Under node (`require`), the file exports the folding, the stemmer and the word analysis, for the
   test vectors (scripts/stemmer-vectors.js); in a page it runs the search. */
(function () {
  "use strict";

  // ---- Words: folding, stemming ------------------------------------------------------------

  var SPECIAL = {
    "ł": "l", "Ł": "L", "ß": "ss", "ẞ": "SS", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
    "ħ": "h", "Ħ": "H", "ı": "i", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ŀ": "l", "Ŀ": "L"
  };
  var MARKS = /\p{M}/gu;
  var RAW_WORD = /[\p{L}\p{N}\p{M}]+/gu;
  var NOT_WORD = /[^\p{L}\p{N}]/gu;

  /** One code point, folded (may become "" for a combining mark, or two letters for ß).
      Like Foundation's case-, diacritic- and width-insensitive folding: canonical decomposition
      without its marks, lower case; full-width forms become ASCII, and case folding spells out
      ligatures (ﬁ → fi), ŉ and ſ, and makes the final sigma a sigma. */
  function foldChar(c) {
    var code = c.charCodeAt(0);
    if (code < 0x80) return c.toLowerCase();
    if (SPECIAL[c]) c = SPECIAL[c];
    if (code >= 0xff00 && code <= 0xffef) c = c.normalize("NFKC");
    else if ((code >= 0xfb00 && code <= 0xfb17) || code === 0x149 || code === 0x17f) c = c.normalize("NFKD");
    else if (c === "ς") c = "σ";
    c = c.normalize("NFD").replace(MARKS, "").toLowerCase();
    // Once more: a letter that decomposes into one of SPECIAL and a mark (ǽ → æ) is spelled out too.
    return c.length === 1 && SPECIAL[c] ? SPECIAL[c] : c;
  }

  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length;) {
      var len = text.codePointAt(i) > 0xffff ? 2 : 1;
      out += foldChar(text.slice(i, i + len));
      i += len;
    }
    return out;
  }

  function length(text) { return Array.from(text).length; }

  /** The stemmer of an index's rules (Stemmer.swift, whose comment says what they mean), or null. */
  function stemmer(rules) {
    if (!rules) return null;
    var vowels = new Set(Array.from(rules.vowels));
    var prefixes = rules.r1Prefixes || [];
    var steps = rules.steps.map(function (step) {
      var endings = new Map(Object.keys(step.endings).map(function (e) { return [e, step.endings[e]]; }));
      var longest = 0;
      endings.forEach(function (_, e) { longest = Math.max(longest, length(e)); });
      return { region: step.region, minimum: step.minimum, vowel: step.vowel,
               undouble: new Set(Array.from(step.undouble)), endings: endings, longest: longest };
    });
    function regionStart(chars, from) {
      for (var i = from + 1; i < chars.length; i++) {
        if (!vowels.has(chars[i]) && vowels.has(chars[i - 1])) return i + 1;
      }
      return chars.length;
    }
    return function (word) {
      var chars = Array.from(word);
      var prefix = prefixes.find(function (p) { return word.lastIndexOf(p, 0) === 0; });
      var r1 = prefix !== undefined ? length(prefix) : regionStart(chars, 0);
      var r2 = regionStart(chars, r1);
      steps.forEach(function (step) {
        for (var len = Math.min(step.longest, chars.length); len > 0; len--) {
          var at = chars.length - len;
          var replacement = step.endings.get(chars.slice(at).join(""));
          if (replacement === undefined) continue;
          // The longest ending decides: if its conditions fail, the step leaves the word.
          if (at < step.minimum || at < (step.region === 1 ? r1 : step.region === 2 ? r2 : 0)) break;
          if (step.vowel && !chars.slice(0, at).some(function (c) { return vowels.has(c); })) break;
          chars = chars.slice(0, at).concat(Array.from(replacement));
          var n = chars.length;
          if (replacement === "" && n >= 2 && step.undouble.has(chars[n - 1]) && chars[n - 2] === chars[n - 1]) chars.pop();
          break;
        }
      });
      return chars.join("");
    };
  }

  /** A raw word as indexed: {form, stem}, both folded letters and digits; null under two characters. */
  function analyze(raw, stem) {
    var lower = raw.toLowerCase().normalize("NFC");
    var form = fold(lower).replace(NOT_WORD, "");
    if (length(form) < 2) return null;
    if (!stem) return { form: form, stem: form };
    var stemmed = fold(stem(lower)).replace(NOT_WORD, "");
    return { form: form, stem: length(stemmed) >= 2 ? stemmed : form };
  }

  /** The distinct words of a query, in order. */
  function queryWords(query, stem) {
    var seen = Object.create(null);
    var words = [];
    (query.match(RAW_WORD) || []).forEach(function (raw) {
      var word = analyze(raw, stem);
      if (word && !seen[word.form]) { seen[word.form] = true; words.push(word); }
    });
    return words;
  }

  function shardOf(stem) { return Array.from(stem).slice(0, 2).join(""); }

  var core = { fold: fold, stemmer: stemmer, analyze: analyze, queryWords: queryWords, rawWord: RAW_WORD };
  if (typeof module === "object" && module.exports) module.exports = core;
  if (typeof document === "undefined") return;

  var app = document.getElementById("kartu-search");
  if (!app || !window.fetch) return;

  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 250;
  var SNIPPET = 240;

  // ---- Strings ---------------------------------------------------------------------------

  var lang = app.getAttribute("data-lang") || document.documentElement.lang || "en";
  var strings = app.dataset;
  var plurals = {};
  (strings.results || "").split("|").forEach(function (part) {
    var colon = part.indexOf(":");
    if (colon > 0) plurals[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
  });
  var pluralRules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;

  function countText(n) {
    var category = pluralRules ? pluralRules.select(n) : (n === 1 ? "one" : "other");
    var text = plurals[category] || plurals.other || "{n}";
    return text.replace("{n}", n.toLocaleString(lang));
  }

  // ---- Index -----------------------------------------------------------------------------

  var base = app.getAttribute("data-index") || "./";
  var cache = Object.create(null);

  function load(file) {
    if (!cache[file]) {
      cache[file] = fetch(base + file).then(function (response) {
        if (!response.ok) throw new Error(file + ": HTTP " + response.status);
        return response.json();
      });
      cache[file].catch(function () { delete cache[file]; });  // let a later search try again
    }
    return cache[file];
  }

  var metaPromise = null;
  function meta() {
    if (!metaPromise) {
      metaPromise = load("meta.json").then(function (m) {
        if (m.version !== 2) throw new Error("search index version " + m.version);
        var shards = Object.create(null);
        (m.shards || []).forEach(function (pair) { shards[pair[0]] = pair[1]; });
        return { documents: m.documents || 0, chunkSize: m.chunkSize || 20, blockSize: m.blockSize || 4, shards: shards,
                 stem: stemmer(m.stemmer),
                 language: m.language || "" };
      });
      metaPromise.catch(function () { metaPromise = null; });
    }
    return metaPromise;
  }

  /** How well `form` (filed under `stem`) answers query word `w`: 2 the same form, 1 the same
      stem (another form of the word), 0 a form it begins (typing), -1 not at all. */
  function rank(w, stem, form) {
    if (form === w.form) return 2;
    if (stem === w.stem) return 1;
    return form.lastIndexOf(w.form, 0) === 0 ? 0 : -1;
  }

  /** Documents with word `w` in a shard: id → {field, rank, passage}, the best place of each. */
  function matches(w, shard) {
    var found = new Map();
    if (!shard) return found;
    Object.keys(shard).forEach(function (stem) {
      var forms = shard[stem];
      Object.keys(forms).forEach(function (form) {
        var r = rank(w, stem, form);
        if (r < 0) return;
        forms[form].forEach(function (list, field) {
          var id = 0;
          var step = field === 2 ? 2 : 1;
          for (var k = 0; k < list.length; k += step) {
            id += list[k];
            var known = found.get(id);
            if (known && (known.field < field || (known.field === field && known.rank >= r))) continue;
            found.set(id, { field: field, rank: r, passage: field === 2 ? list[k + 1] : -1 });
          }
        });
      });
    });
    return found;
  }

  /** Documents with every word, best first: per word, its field (title and fields, then summary,
      then text) and then how exactly it matched; then newest first. */
  function rankResults(words, perWord) {
    var results = [];
    perWord[0].forEach(function (_, id) {
      var places = perWord.map(function (found) { return found.get(id); });
      if (places.some(function (p) { return !p; })) return;
      var score = 0;
      places.forEach(function (p) { score += (2 - p.field) * 3 + p.rank; });
      results.push({ id: id, score: score, places: places });
    });
    results.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    return results;
  }

  /** Edit distance of a and b (arrays of characters), or more than `most` when it is. */
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        row.push(Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost));
        best = Math.min(best, row[j]);
      }
      if (best > most) return most + 1;
      previous = row;
    }
    return previous[b.length];
  }

  /** The indexed word of the shard closest to `w` (1 edit for short words, 2 from six letters on),
      the one in most documents when several are as close; null when none is. */
  function closest(w, shard) {
    if (!shard) return null;
    var chars = Array.from(w.form);
    var most = chars.length >= 6 ? 2 : 1;
    var best = null;
    Object.keys(shard).forEach(function (stem) {
      Object.keys(shard[stem]).forEach(function (form) {
        var d = distance(chars, Array.from(form), most);
        if (d > most) return;
        var lists = shard[stem][form];
        var count = lists[0].length + lists[1].length + lists[2].length / 2;
        if (!best || d < best.d || (d === best.d && (count > best.count || (count === best.count && form < best.form)))) {
          best = { d: d, count: count, form: form, stem: stem };
        }
      });
    });
    return best && { form: best.form, stem: best.stem };
  }

  /** Results for the query's words: {meta, words, results, corrected}; when nothing matches, the
      words corrected to the closest indexed ones, from the shards already downloaded. */
  function find(query) {
    return meta().then(function (m) {
      var words = queryWords(query, m.stem);
      if (!words.length) return { meta: m, words: words, results: [] };
      var files = words.map(function (w) { return m.shards[shardOf(w.stem)]; });
      return Promise.all(files.map(function (f) { return f ? load("t-" + f + ".json") : null; })).then(function (shards) {
        var perWord = words.map(function (w, i) { return matches(w, shards[i]); });
        var results = rankResults(words, perWord);
        if (results.length) return { meta: m, words: words, results: results };
        var changed = false;
        var corrected = words.map(function (w, i) {
          if (perWord[i].size) return w;
          var better = closest(w, shards[i]);
          if (better) changed = true;
          return better || w;
        });
        if (!changed) return { meta: m, words: words, results: [] };
        perWord = corrected.map(function (w, i) { return matches(w, shards[i]); });
        return { meta: m, words: corrected, results: rankResults(corrected, perWord), corrected: true };
      });
    });
  }

  /** The cards of these results (from their chunks) and, for each that shows a passage, the
      block with it; all loaded at once. */
  function documents(m, results) {
    return Promise.all(results.map(function (r) {
      var passage = snippetPassage(r);
      var files = [load("c-" + Math.floor(r.id / m.chunkSize) + ".json")];
      if (passage >= 0) files.push(load("d-" + r.id + "-" + Math.floor(passage / m.blockSize) + ".json"));
      return Promise.all(files).then(function (loaded) {
        var text = passage >= 0 ? (loaded[1].p || {})[passage] : null;
        return { doc: loaded[0][r.id % m.chunkSize], text: text, places: r.places, passage: passage };
      });
    })).then(function (found) { return found.filter(function (f) { return f.doc; }); });
  }

  /** The passage a result shows: the first in the text where a query word occurs, if any does
      there; -1 when every word is in its title, fields or summary. */
  function snippetPassage(r) {
    var passage = -1;
    r.places.forEach(function (p) {
      if (p.field === 2 && (passage < 0 || p.passage < passage)) passage = p.passage;
    });
    return passage;
  }

  // ---- Highlighting ----------------------------------------------------------------------

  /** Ranges [start, end) of the words of `text` that match a query word (another form of it too). */
  function matchRanges(text, words, stem) {
    var ranges = [];
    var match;
    RAW_WORD.lastIndex = 0;
    while ((match = RAW_WORD.exec(text)) !== null) {
      var word = analyze(match[0], stem);
      if (word && words.some(function (w) { return rank(w, word.stem, word.form) >= 0; })) {
        ranges.push([match.index, match.index + match[0].length]);
      }
    }
    return ranges;
  }

  function highlighted(text, ranges) {
    var fragment = document.createDocumentFragment();
    var at = 0;
    ranges.forEach(function (r) {
      if (r[0] > at) fragment.appendChild(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      fragment.appendChild(mark);
      at = r[1];
    });
    if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
    return fragment;
  }

  /** `text` marked, cut to about SNIPPET characters around its first match when it is longer. */
  function marked(text, words, stem, before, after) {
    var ranges = matchRanges(text, words, stem);
    if (text.length > SNIPPET) {
      var first = ranges.length ? ranges[0][0] : 0;
      var start = first > SNIPPET / 2 ? text.indexOf(" ", first - SNIPPET / 3) + 1 : 0;
      if (start <= 0 || start > first) start = first > SNIPPET / 2 ? first : 0;
      var end = Math.min(text.length, start + SNIPPET);
      if (end < text.length) {
        var space = text.lastIndexOf(" ", end);
        if (space > start) end = space;
      }
      before = before || start > 0;
      after = after || end < text.length;
      text = text.slice(start, end);
      ranges = matchRanges(text, words, stem);
    }
    var fragment = document.createDocumentFragment();
    if (before) fragment.appendChild(document.createTextNode("… "));
    fragment.appendChild(highlighted(text, ranges));
    if (after) fragment.appendChild(document.createTextNode(" …"));
    return fragment;
  }

  // ---- Page ------------------------------------------------------------------------------

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var pageTitle = document.title;

  var current = { run: 0, words: [], results: [], meta: null, shown: 0 };

  function say(text) { status.textContent = text; }

  function clear() {
    list.textContent = "";
    list.hidden = true;
    more.hidden = true;
  }

  function resultItem(found, words, stem, language) {
    var doc = found.doc;
    var li = document.createElement("li");
    li.className = "card result";
    var h = document.createElement("h2");
    h.className = "card-title";
    var a = document.createElement("a");
    a.href = doc.u;
    a.appendChild(highlighted(doc.t, matchRanges(doc.t, words, stem)));
    h.appendChild(a);
    var line = document.createElement("p");
    line.className = "meta";
    var kind = document.createElement("span");
    kind.className = "card-kind";
    kind.textContent = doc.k;
    line.appendChild(kind);
    if (doc.m) {
      line.appendChild(document.createTextNode(" · "));
      var place = document.createElement("span");
      place.className = "result-place";
      place.appendChild(highlighted(doc.m, matchRanges(doc.m, words, stem)));
      line.appendChild(place);
    }
    if (language) {
      line.appendChild(document.createTextNode(" · "));
      var name = document.createElement("span");
      name.className = "result-lang";
      name.textContent = language;
      line.appendChild(name);
    }
    li.appendChild(h);
    li.appendChild(line);
    // The fields a word matched in (project, host place, authors, themes), when they are why it came.
    var fields = (doc.f || []).filter(function (f) { return matchRanges(f, words, stem).length; });
    if (fields.length && found.places.some(function (p) { return p.field === 0; })) {
      var fieldLine = document.createElement("p");
      fieldLine.className = "result-fields";
      fields.forEach(function (f, i) {
        if (i > 0) fieldLine.appendChild(document.createTextNode(" · "));
        fieldLine.appendChild(highlighted(f, matchRanges(f, words, stem)));
      });
      li.appendChild(fieldLine);
    }
    var text = found.text;
    var p = document.createElement("p");
    p.className = "summary";
    if (text) {
      p.appendChild(marked(text, words, stem, found.passage > 0, true));
    } else if (doc.s) {
      p.appendChild(marked(doc.s, words, stem, false, false));
    }
    if (p.firstChild) li.appendChild(p);
    return li;
  }

  /** Shows the next page of results (the first page replaces the previous search's results);
      focus goes to the first new one when asked. */
  function showMore(run, focus) {
    var page = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    more.disabled = true;
    return documents(current.meta, page).then(function (found) {
      if (run !== current.run) return;
      if (current.shown === 0) list.textContent = "";
      var firstNew = null;
      found.forEach(function (f) {
        var li = resultItem(f, current.words, current.meta.stem, current.meta.language);
        if (!firstNew) firstNew = li;
        list.appendChild(li);
      });
      current.shown += page.length;
      list.hidden = current.shown === 0;
      more.hidden = current.shown >= current.results.length;
      more.disabled = false;
      if (focus && firstNew) firstNew.querySelector("a").focus();
    });
  }

  function fail(run, error) {
    if (run !== current.run) return;
    clear();
    say(strings.error);
    app.removeAttribute("aria-busy");
    if (window.console) console.error("kartu search:", error);
  }

  /** The status line: the count, after "showing results for …" when the words were corrected. */
  function sayFound(found) {
    var count = countText(found.results.length);
    if (!found.corrected || !strings.corrected) return say(count);
    status.textContent = "";
    var text = strings.corrected;
    var at = text.indexOf("{suggestion}");
    var suggestion = document.createElement("em");
    suggestion.textContent = found.words.map(function (w) { return w.form; }).join(" ");
    status.appendChild(document.createTextNode(at < 0 ? text + " " : text.slice(0, at)));
    status.appendChild(suggestion);
    status.appendChild(document.createTextNode((at < 0 ? "" : text.slice(at + "{suggestion}".length)) + " " + count));
  }

  function search(query, updateURL) {
    var run = ++current.run;
    if (updateURL) {
      var url = new URL(window.location.href);
      if (query.trim()) url.searchParams.set("q", query.trim()); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    }
    document.title = query.trim() ? query.trim() + " – " + pageTitle : pageTitle;
    if (!queryWords(query, null).length) {
      clear();
      say(query.trim() ? strings.prompt : "");
      return Promise.resolve();
    }
    app.setAttribute("aria-busy", "true");
    var slow = window.setTimeout(function () { if (run === current.run) say(strings.searching); }, 300);
    return find(query).then(function (found) {
      if (run !== current.run) return;
      current.words = found.words;
      current.results = found.results;
      current.meta = found.meta;
      current.shown = 0;
      if (!found.results.length) {
        clear();
        window.clearTimeout(slow);
        say(found.meta.documents ? strings.none : strings.empty);
        app.removeAttribute("aria-busy");
        return;
      }
      return showMore(run, false).then(function () {
        window.clearTimeout(slow);
        if (run !== current.run) return;
        sayFound(found);
        app.removeAttribute("aria-busy");
      });
    }).catch(function (error) { window.clearTimeout(slow); fail(run, error); });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { search(input.value, true); }, DEBOUNCE_MS);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    search(input.value, true);
  });
  more.addEventListener("click", function () {
    showMore(current.run, true).catch(function (error) { fail(current.run, error); });
  });

  // For tests and theme scripts: the same folding, stemming and word splitting as the engine's index.
  window.kartuSearch = {
    fold: fold,
    words: function (text) { return queryWords(text, null).map(function (w) { return w.form; }); },
    analyze: function (text) { return meta().then(function (m) { return queryWords(text, m.stem); }); },
    search: function (q) { input.value = q; return search(q, true); }
  };

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  app.classList.add("js");
  if (initial.trim()) search(initial, false);
})();
