/* kartu search: queries the static index that `kartu build` writes to <lang>/search/.
   No library, no other host. The page (templates/search.mustache) gives the index folder and the
   UI strings in data-* attributes of #kartu-search.

   Index format (Sources/Kartu/Search/SearchIndex.swift):
   - meta.json   {version: 1, documents: N, chunkSize: 20, shards: [[shard, file], …]}
   - t-<file>.json  {word: [[ids with the word in the title], [ids with it elsewhere]], …},
                    one file per two-letter word prefix (the shard)
   - d-<n>.json  documents n*chunkSize … as [{t, u, k, m?, l, x}, …]; ids are numbered newest first.
   Words are folded exactly as the engine folds them (Slug.fold): a few letters spelled out
   (ł → l, ß → ss…), combining marks dropped, lower case (see foldChar). */
(function () {
  "use strict";

  var app = document.getElementById("kartu-search");
  if (!app || !window.fetch) return;

  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 250;
  var SPECIAL = {
    "ł": "l", "Ł": "L", "ß": "ss", "ẞ": "SS", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
    "ħ": "h", "Ħ": "H", "ı": "i", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ŀ": "l", "Ŀ": "L"
  };
  var MARKS = /\p{M}/gu;
  var WORD = /[\p{L}\p{N}]+/gu;

  // ---- Folding ---------------------------------------------------------------------------

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

  /** The folded text, and for each of its UTF-16 units the original code point it came from
      (start and end offsets), so matches on folded text can mark the original characters. */
  function foldMap(text) {
    var folded = "";
    var from = [];
    var to = [];
    for (var i = 0; i < text.length;) {
      var cp = text.codePointAt(i);
      var len = cp > 0xffff ? 2 : 1;
      var f = foldChar(text.slice(i, i + len));
      for (var k = 0; k < f.length; k++) { from.push(i); to.push(i + len); }
      folded += f;
      i += len;
    }
    return { folded: folded, from: from, to: to };
  }

  function fold(text) { return foldMap(text).folded; }

  /** Distinct folded words of two or more characters, as the engine indexes them. */
  function queryWords(query) {
    var seen = Object.create(null);
    var words = [];
    (fold(query).match(WORD) || []).forEach(function (w) {
      if (Array.from(w).length >= 2 && !seen[w]) { seen[w] = true; words.push(w); }
    });
    return words;
  }

  function shardOf(word) { return Array.from(word).slice(0, 2).join(""); }

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
        if (m.version !== 1) throw new Error("search index version " + m.version);
        var shards = Object.create(null);
        (m.shards || []).forEach(function (pair) { shards[pair[0]] = pair[1]; });
        return { documents: m.documents || 0, chunkSize: m.chunkSize || 20, shards: shards };
      });
      metaPromise.catch(function () { metaPromise = null; });
    }
    return metaPromise;
  }

  /** Document ids matching every word (by prefix), best first: more words in the title, then newest. */
  function find(words) {
    return meta().then(function (m) {
      var files = words.map(function (w) { return m.shards[shardOf(w)]; });
      // A word whose two-letter prefix has no shard matches nothing, so no document has all words.
      if (files.some(function (f) { return !f; })) return { meta: m, ids: [] };
      return Promise.all(files.map(function (f) { return load("t-" + f + ".json"); })).then(function (shards) {
        var inTitle = [];
        var matches = null;
        words.forEach(function (w, i) {
          var title = new Set();
          var any = new Set();
          var shard = shards[i];
          Object.keys(shard).forEach(function (key) {
            if (key.lastIndexOf(w, 0) !== 0) return;
            shard[key][0].forEach(function (id) { title.add(id); any.add(id); });
            shard[key][1].forEach(function (id) { any.add(id); });
          });
          inTitle.push(title);
          matches = matches === null ? any : new Set(Array.from(matches).filter(function (id) { return any.has(id); }));
        });
        var scored = Array.from(matches || []).map(function (id) {
          var score = 0;
          inTitle.forEach(function (set) { if (set.has(id)) score++; });
          return { id: id, score: score };
        });
        scored.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
        return { meta: m, ids: scored.map(function (s) { return s.id; }) };
      });
    });
  }

  /** The documents with these ids, loading only the chunks they are in. */
  function documents(m, ids) {
    var chunks = [];
    ids.forEach(function (id) {
      var chunk = Math.floor(id / m.chunkSize);
      if (chunks.indexOf(chunk) < 0 && id >= 0 && id < m.documents) chunks.push(chunk);
    });
    return Promise.all(chunks.map(function (c) { return load("d-" + c + ".json"); })).then(function (loaded) {
      var byChunk = {};
      chunks.forEach(function (c, i) { byChunk[c] = loaded[i]; });
      return ids.map(function (id) {
        var chunk = byChunk[Math.floor(id / m.chunkSize)];
        return chunk ? chunk[id % m.chunkSize] : null;
      }).filter(Boolean);
    });
  }

  // ---- Highlighting ----------------------------------------------------------------------

  /** Ranges [start, end) of the original text whose folded words begin with a query word. */
  function matchRanges(text, words) {
    var map = foldMap(text);
    var ranges = [];
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(map.folded)) !== null) {
      var token = match[0];
      var best = 0;
      words.forEach(function (w) { if (w.length > best && token.lastIndexOf(w, 0) === 0) best = w.length; });
      if (!best) continue;
      var start = map.from[match.index];
      var end = map.to[match.index + best - 1];
      // Keep combining marks that follow with their letter (decomposed text: u + ̨ ).
      while (end < text.length && /^\p{M}/u.test(text.slice(end, end + 2))) end += text.codePointAt(end) > 0xffff ? 2 : 1;
      ranges.push([start, end]);
    }
    return ranges;
  }

  function highlighted(text, words, ranges) {
    ranges = ranges || matchRanges(text, words);
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

  /** About two lines of the excerpt, around the first match when it is further in. */
  function snippet(text, words) {
    var limit = 220;
    var ranges = matchRanges(text, words);
    if (text.length <= limit) return highlighted(text, words, ranges);
    var first = ranges.length ? ranges[0][0] : 0;
    var start = 0;
    if (first > 100) {
      start = text.indexOf(" ", first - 60);
      if (start < 0 || start >= first) start = first;
      else start += 1;
    }
    var end = start + limit;
    if (end < text.length) {
      var space = text.lastIndexOf(" ", end);
      end = space > start + 40 ? space : end;
    } else {
      end = text.length;
    }
    var part = text.slice(start, end).replace(/\s+…$/, "");
    var out = (start > 0 ? "… " : "") + part + (end < text.length || /…$/.test(text) ? " …" : "");
    return highlighted(out, words);
  }

  // ---- Page ------------------------------------------------------------------------------

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var pageTitle = document.title;

  var current = { run: 0, words: [], ids: [], meta: null, shown: 0 };

  function say(text) { status.textContent = text; }

  function clear() {
    list.textContent = "";
    list.hidden = true;
    more.hidden = true;
  }

  function resultItem(doc, words) {
    var li = document.createElement("li");
    li.className = "card result";
    var h = document.createElement("h2");
    h.className = "card-title";
    var a = document.createElement("a");
    a.href = doc.u;
    a.appendChild(highlighted(doc.t, words));
    h.appendChild(a);
    var meta = document.createElement("p");
    meta.className = "meta";
    var kind = document.createElement("span");
    kind.className = "card-kind";
    kind.textContent = doc.k;
    meta.appendChild(kind);
    if (doc.m) {
      meta.appendChild(document.createTextNode(" · "));
      var place = document.createElement("span");
      place.className = "result-place";
      place.appendChild(highlighted(doc.m, words));
      meta.appendChild(place);
    }
    if (doc.l) {
      meta.appendChild(document.createTextNode(" · "));
      var language = document.createElement("span");
      language.className = "result-lang";
      language.textContent = doc.l;
      meta.appendChild(language);
    }
    li.appendChild(h);
    li.appendChild(meta);
    if (doc.x) {
      var p = document.createElement("p");
      p.className = "summary";
      p.appendChild(snippet(doc.x, words));
      li.appendChild(p);
    }
    return li;
  }

  /** Shows the next page of results (the first page replaces the previous search's results);
      focus goes to the first new one when asked. */
  function showMore(run, focus) {
    var ids = current.ids.slice(current.shown, current.shown + PAGE_SIZE);
    more.disabled = true;
    return documents(current.meta, ids).then(function (docs) {
      if (run !== current.run) return;
      if (current.shown === 0) list.textContent = "";
      var firstNew = null;
      docs.forEach(function (doc) {
        var li = resultItem(doc, current.words);
        if (!firstNew) firstNew = li;
        list.appendChild(li);
      });
      current.shown += ids.length;
      list.hidden = current.shown === 0;
      more.hidden = current.shown >= current.ids.length;
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

  function search(query, updateURL) {
    var run = ++current.run;
    var words = queryWords(query);
    if (updateURL) {
      var url = new URL(window.location.href);
      if (query.trim()) url.searchParams.set("q", query.trim()); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    }
    document.title = query.trim() ? query.trim() + " – " + pageTitle : pageTitle;
    if (!words.length) {
      clear();
      say(query.trim() ? strings.prompt : "");
      return Promise.resolve();
    }
    app.setAttribute("aria-busy", "true");
    var slow = window.setTimeout(function () { if (run === current.run) say(strings.searching); }, 300);
    return find(words).then(function (found) {
      if (run !== current.run) return;
      current.words = words;
      current.ids = found.ids;
      current.meta = found.meta;
      current.shown = 0;
      if (!found.ids.length) {
        clear();
        window.clearTimeout(slow);
        say(found.meta.documents ? strings.none : strings.empty);
        app.removeAttribute("aria-busy");
        return;
      }
      return showMore(run, false).then(function () {
        window.clearTimeout(slow);
        if (run !== current.run) return;
        say(countText(found.ids.length));
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

  // For tests and theme scripts: the same folding and word splitting as the engine's index.
  window.kartuSearch = { fold: fold, words: queryWords, search: function (q) { input.value = q; return search(q, true); } };

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  app.classList.add("js");
  if (initial.trim()) search(initial, false);
})();
