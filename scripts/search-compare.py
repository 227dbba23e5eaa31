#!/usr/bin/env python3
"""Compare kartu's built-in search with Pagefind 1.5.2 on the same built site, in headless Chromium.

Usage:
    python3 scripts/search-compare.py                      # build the example site with .build/debug/kartu, run every query
    python3 scripts/search-compare.py --kartu /tmp/kartu-base --lang lt,pl --verbose
    python3 scripts/search-compare.py --site /tmp/site     # an example site built already (kartu build --output /tmp/site)
    python3 scripts/search-compare.py --json /tmp/compare.json
    python3 scripts/search-compare.py --corpus /dev/shm/c10k/site   # a built synthetic corpus: bytes, latency, index size

The example mode (default) builds content/ with the given kartu binary into a temporary folder (or takes
--site), copies that site, marks in the copy the main content element of every document page with
`data-pagefind-body` (the documents are those of kartu's own search index, <lang>/search/c-*.json: no
list, home, search, print or fallback pages) and its navigation, translation links and related-document
cards with `data-pagefind-ignore`, and runs Pagefind on the copy. Both sites are served on 127.0.0.1 by a
threaded HTTP server (Cache-Control: max-age=3600, as a static host would send) and driven by Selenium
in headless Chromium (the Debian chromium and chromium-driver; CHROMIUM / CHROMEDRIVER override them).

Queries come from scripts/search-queries.json ({"queries": [{"lang", "q", "kind", "relevant": [URL
paths]}]}). For each query and engine:

- results: kartu - /<lang>/search/?q=<query> is opened, the search is done when #kartu-search has no
  aria-busy and #search-status has text, and the first 10 links `#search-results > li a` are taken in
  order, each card noted as showing the matched word or not (a <mark> in it; the marked text is kept).
  Pagefind - a page of the copy in the query's language (/<lang>/; Pagefind picks the index of the
  page's <html lang>) runs
  `pf = await import('/pagefind/pagefind.js'); await pf.options({}); r = await pf.search(q)` and the
  `data()` of the first 10 results: their `url`, and whether `excerpt` has a <mark> (and its text: when
  no indexed word matches a query word, Pagefind falls back to a shorter prefix of it, so a mark may
  be "c" for "colaboration" - see --verbose).
- cold: the browser's HTTP cache is cleared, a fresh page is opened (kartu: /<lang>/search/ with no
  query; Pagefind: /<lang>/) and the query is run in it: kartu's is typed into the search field and
  submitted (what Enter does; the field's 250 ms search-as-you-type delay is not counted), Pagefind's is
  the snippet above. Cold bytes are the engine's files sent from opening the page to the results:
  kartu's search script and <lang>/search/*.json, Pagefind's /pagefind/* (script, worker,
  WebAssembly, entry, meta, index chunks, fragments).
- warm: the cache is cleared again, another fresh page runs one other query (--warmup, default
  "2017": it loads each engine's code and metadata and a small part of its index), then the query.
  Warm bytes are the engine files sent during that second query (what neither the engine's memory nor
  the HTTP cache had).
- bytes are counted by the server (the body bytes it sent for those requests) rather than from the
  page's Resource Timing entries: Pagefind 1.5 fetches its WebAssembly, index and fragments
  in a Web Worker, and a worker's requests are not in the page's performance timeline. The page's own
  sum (decodedBodySize of entries with transferSize > 0) is kept in the JSON as `page_raw`; for kartu
  it equals the server's. "raw" is what Python's server sends (Pagefind's index files are gzip inside
  already, kartu's JSON is not); "gzip" is the gzip -6 size of the same files (or their size when
  gzip does not make them smaller), about what a compressing host would send.
- latency: from starting the query in the page (performance.now()) to the results being in the DOM
  (kartu: a MutationObserver sees aria-busy gone and a status text) or, for Pagefind, to the data()
  of the first 10 results (Pagefind's figure has no rendering in it, kartu's has its result cards);
  warm and cold as above. Milliseconds, one run each: expect some noise between runs.

Measures per engine: mean recall@10 (relevant found in the first 10 / min(10, |relevant|)), top-1
relevant, queries with relevant documents but no result, result cards showing the matched word
(cards with a <mark> / cards), median and range of warm bytes and of latency, and the index size
(kartu: the files of every <lang>/search/ but its index.html page; Pagefind: the pagefind/ folder).

--corpus DIR takes a built synthetic site (python3 ../shared/bench/make-corpus.py --pages 10000 --out C;
kartu build --root C --output C/site; then --corpus C/site) and measures only bytes and latency for the
few queries in CORPUS_QUERIES (results from the cold run; no relevance judgments), and the index sizes.
Pagefind indexes the copy: for 10,000 documents about half a minute; /dev/shm is used when writable.

Needs: python3 with selenium, chromium + chromedriver, and Pagefind 1.5.2 (`pip install
pagefind-bin==1.5.2`: its binary is found through the pagefind_bin module; or pass --pagefind PATH).
Exit status: 0 when every query ran, 1 when some failed (listed), 2 on a set-up error.
"""

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGEFIND_VERSION = "1.5.2"
QUERY_TIMEOUT = 30  # seconds a query may take in the page
CORPUS_QUERIES = [
    ("lt", "mokykla"), ("lt", "refleksija"), ("lt", "kazlu ruda"),
    ("en", "school"), ("en", "reflection"),
    ("pl", "szkola"), ("pl", "lodz"), ("pl", "wspolpraca"),
    # The same three Polish words as written: a control for the unaccented ones.
    ("pl", "szkoła"), ("pl", "łódź"), ("pl", "współpraca"),
    ("lv", "skola"), ("et", "kool"),
]
# Parts of a document page that are not its text: navigation, translation links, other documents' cards.
IGNORED_CLASSES = {"related", "cited-in", "backlinks", "translations", "print-source", "editions",
                   "breadcrumb", "book-toc-compact", "toc-compact", "pager"}


class SetupError(Exception):
    pass


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---- Sites -----------------------------------------------------------------------------------

def build_example(kartu, output):
    if not Path(kartu).exists():
        raise SetupError(f"kartu binary not found at {kartu}: run `swift build --product kartu` or pass --kartu")
    log(f"building the example site with {kartu} into {output}")
    try:
        result = subprocess.run([str(kartu), "build", "--root", str(REPO), "--output", str(output)],
                                capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired:
        raise SetupError("kartu build took more than 15 minutes")
    if result.returncode != 0:
        raise SetupError(f"kartu build failed ({result.returncode}):\n{result.stderr[-4000:]}")
    log("  " + (result.stderr.strip().splitlines() or ["built"])[-1])


def search_documents(site):
    """{lang: [URL paths of the documents in kartu's index]}: the pages a search should find."""
    docs = {}
    for meta in sorted(Path(site).glob("*/search/meta.json")):
        lang = meta.parent.parent.name
        # Chunks of cards: c-<n>.json (index version 2), d-<n>.json (version 1, which had no passage files).
        urls = []
        for path in sorted(meta.parent.glob("[cd]-*.json"), key=lambda p: [int(n) for n in re.findall(r"\d+", p.stem)]):
            if re.fullmatch(r"c-\d+", path.stem) or (re.fullmatch(r"d-\d+", path.stem)):
                urls += [d["u"] for d in json.loads(path.read_text(encoding="utf-8"))]
        docs[lang] = urls
    if not docs:
        raise SetupError(f"no <lang>/search/meta.json under {site}: is it a site built by kartu?")
    return docs


def page_file(site, url):
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    file = Path(site) / path.lstrip("/")
    return file / "index.html" if path.endswith("/") or file.is_dir() else file


def add_attribute(tag, attribute):
    return tag[:-2] + " " + attribute + "/>" if tag.endswith("/>") else tag[:-1] + " " + attribute + ">"


def mark_for_pagefind(html):
    """The page with data-pagefind-body on its main content (the first <article> in <main>, else <main>)
    and data-pagefind-ignore on its navigation and the other documents it lists."""
    main = re.search(r"<main\b[^>]*>", html)
    if not main:
        return None
    article = re.compile(r"<article\b[^>]*>").search(html, main.end())
    end = html.find("</main>", main.end())
    target = article if article and (end < 0 or article.start() < end) else main
    html = html[:target.start()] + add_attribute(target.group(0), "data-pagefind-body") + html[target.end():]

    def ignore(match):
        tag, name, attrs = match.group(0), match.group(1), match.group(2)
        classes = set((re.search(r'\bclass="([^"]*)"', attrs) or [None, ""])[1].split())
        if "data-pagefind" in attrs or not (name == "nav" or classes & IGNORED_CLASSES):
            return tag
        return add_attribute(tag, "data-pagefind-ignore")
    return re.sub(r"<(nav|details|section|p|div|aside|ol|ul)\b([^>]*)>", ignore, html)


def prepare_pagefind(site, copy, docs, pagefind):
    log(f"copying {site} to {copy}")
    shutil.copytree(site, copy)
    marked = 0
    for urls in docs.values():
        for url in urls:
            file = page_file(copy, url)
            if not file.exists():
                raise SetupError(f"document page {url} is not in the site ({file})")
            html = mark_for_pagefind(file.read_text(encoding="utf-8"))
            if html is None:
                raise SetupError(f"{file} has no <main> element")
            file.write_text(html, encoding="utf-8")
            marked += 1
    log(f"  data-pagefind-body on {marked} document pages; running {pagefind} --site {copy}")
    started = time.time()
    try:
        result = subprocess.run([pagefind, "--site", str(copy)], capture_output=True, text=True, timeout=3600)
    except subprocess.TimeoutExpired:
        raise SetupError("pagefind took more than an hour")
    if result.returncode != 0:
        raise SetupError(f"pagefind failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    indexed = re.search(r"Indexed (\d+) pages?", result.stdout)
    log(f"  pagefind: {indexed.group(0) if indexed else 'done'} in {time.time() - started:.1f} s")
    languages = re.search(r"Discovered \d+ languages?: (.*)", result.stdout)
    languages = [l.strip() for l in languages.group(1).split(",")] if languages else []
    return {"seconds": round(time.time() - started, 1), "pages": int(indexed.group(1)) if indexed else None,
            "languages": languages, "marked": marked, "output": result.stdout[-2000:]}


def find_pagefind(explicit):
    candidates = []
    if explicit:
        candidates.append(explicit)
    else:
        try:
            import pagefind_bin  # pip install pagefind-bin==1.5.2
            candidates.append(str(pagefind_bin.get_executable()))
        except Exception:  # noqa: BLE001 - any failure means "not installed that way"
            pass
        for name in ("pagefind_extended", "pagefind"):
            if shutil.which(name):
                candidates.append(shutil.which(name))
    for binary in candidates:
        try:
            version = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            continue
        if PAGEFIND_VERSION not in version:
            raise SetupError(f"{binary} is {version!r}, not Pagefind {PAGEFIND_VERSION}: "
                             f"pip install pagefind-bin=={PAGEFIND_VERSION} (or pass --pagefind)")
        return binary, version
    raise SetupError(f"Pagefind not found: pip install pagefind-bin=={PAGEFIND_VERSION} (or pass --pagefind PATH)")


def folder_size(folder, skip=()):
    files = [p for p in Path(folder).rglob("*") if p.is_file() and p.name not in skip]
    return sum(p.stat().st_size for p in files), len(files)


def index_sizes(site, copy):
    kartu = {}
    for meta in sorted(Path(site).glob("*/search/meta.json")):
        kartu[meta.parent.parent.name] = folder_size(meta.parent, skip=("index.html",))
    script = Path(site) / "assets" / "search.js"
    pf = Path(copy) / "pagefind"
    data = [p for p in pf.rglob("*") if p.is_file() and (p.suffix in (".pf_meta", ".pf_index", ".pf_fragment")
                                                       or p.name == "pagefind-entry.json")]
    return {
        "kartu": {"bytes": sum(b for b, _ in kartu.values()), "files": sum(n for _, n in kartu.values()),
                  "per_language": {lang: {"bytes": b, "files": n} for lang, (b, n) in kartu.items()},
                  "script_bytes": script.stat().st_size if script.exists() else None},
        "pagefind": dict(zip(("bytes", "files"), folder_size(pf)),
                         index_bytes=sum(p.stat().st_size for p in data), index_files=len(data)),
    }


# ---- Server ----------------------------------------------------------------------------------

class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with a cache lifetime, as a host would serve them; counts the body bytes it sends."""
    sent = []
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "public, max-age=3600")
        super().end_headers()

    def copyfile(self, source, outputfile):
        total = 0
        while True:
            block = source.read(64 * 1024)
            if not block:
                break
            outputfile.write(block)
            total += len(block)
        with Handler.lock:
            Handler.sent.append((self.server.server_port, urllib.parse.urlsplit(self.path).path, total))


def serve(root):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# ---- Browser ---------------------------------------------------------------------------------

def browser():
    os.environ.setdefault("SE_OFFLINE", "true")  # Debian's chromium-driver: no Selenium Manager download
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        raise SetupError("selenium is missing: python3 -m pip install selenium")
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1000", "--disable-extensions", "--no-first-run"):
        options.add_argument(argument)
    driver_path = os.environ.get("CHROMEDRIVER", shutil.which("chromedriver") or "/usr/bin/chromedriver")
    try:
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    except Exception as error:  # noqa: BLE001 - selenium raises several kinds
        raise SetupError(f"cannot start headless Chromium ({driver_path}): {error}")
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(QUERY_TIMEOUT + 10)
    return driver


def wait_until(driver, condition, what, timeout=QUERY_TIMEOUT):
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = condition(driver)
            if value:
                return value
        except Exception:  # noqa: BLE001 - the page may be between states
            pass
        time.sleep(0.02)
    raise TimeoutError(f"timed out waiting for {what}")


# In-page helpers. Both return {ms, results: [{url, mark}], total, entries: [{path, size, transfer, start}]}.
ENTRIES_JS = """
function entries(since, test) {
  return performance.getEntriesByType('resource')
    .filter(e => e.startTime >= since && test(new URL(e.name).pathname))
    .map(e => ({path: new URL(e.name).pathname, size: e.decodedBodySize, transfer: e.transferSize,
                start: Math.round(e.startTime)}));
}
"""

KARTU_QUERY_JS = ENTRIES_JS + """
const q = arguments[0], sinceStart = arguments[1], timeoutMs = arguments[2], done = arguments[arguments.length - 1];
const app = document.getElementById('kartu-search'), status = document.getElementById('search-status');
const input = document.getElementById('search-q'), form = document.getElementById('search-form');
const list = document.getElementById('search-results');
if (!app || !status || !input || !list) { done({error: 'not a kartu search page'}); return; }
performance.setResourceTimingBufferSize(100000);
const index = new URL(app.getAttribute('data-index') || './', location.href).pathname;
const script = Array.from(document.scripts).map(s => s.src && new URL(s.src).pathname).filter(p => p && /search/.test(p));
const engine = p => p.startsWith(index) && !p.endsWith('.html') || script.includes(p);
let mutated = false, finished = false;
const t0 = performance.now();
function report(t1, error) {
  const items = Array.from(list.querySelectorAll(':scope > li'));
  const results = items.slice(0, 10).map(li => {
    const a = li.querySelector('a');
    const marks = Array.from(li.querySelectorAll('mark')).map(m => m.textContent);
    return {url: a ? new URL(a.getAttribute('href'), location.href).pathname : null, mark: marks.length > 0,
            marked: marks.slice(0, 3)};
  });
  done({ms: t1 === null ? null : t1 - t0, error: error || null, status: status.textContent.trim(),
        results: results, shown: items.length,
        entries: entries(sinceStart ? 0 : t0 - 1, engine)});
}
const observer = new MutationObserver(check);
function check() {
  mutated = true;
  if (finished || app.hasAttribute('aria-busy') || !status.textContent.trim()) return;
  finished = true;
  observer.disconnect();
  const t1 = performance.now();
  setTimeout(() => report(t1), 150);  // resource entries are added after the response, a little later
}
observer.observe(app, {attributes: true, childList: true, subtree: true, characterData: true});
setTimeout(() => { if (!finished) { finished = true; observer.disconnect(); report(null, 'timeout'); } }, timeoutMs);
input.value = q;
if (form && form.requestSubmit) form.requestSubmit();
else input.dispatchEvent(new Event('input', {bubbles: true}));
"""

PAGEFIND_QUERY_JS = ENTRIES_JS + """
const q = arguments[0], sinceStart = arguments[1], timeoutMs = arguments[2], done = arguments[arguments.length - 1];
performance.setResourceTimingBufferSize(100000);
const engine = p => p.startsWith('/pagefind/');
const timer = setTimeout(() => done({error: 'timeout'}), timeoutMs);
(async () => {
  const t0 = performance.now();
  if (!window.__pagefind) {
    const pf = await import('/pagefind/pagefind.js');
    await pf.options({});
    window.__pagefind = pf;
  }
  const r = await window.__pagefind.search(q);
  const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
  const t1 = performance.now();
  await new Promise(resolve => setTimeout(resolve, 150));
  clearTimeout(timer);
  done({ms: t1 - t0, error: null, total: r.results.length,
        results: data.map(d => ({url: new URL(d.url, location.href).pathname, mark: /<mark>/.test(d.excerpt || ''),
                                 marked: ((d.excerpt || '').match(/<mark>[^<]*<\/mark>/g) || []).slice(0, 3)
                                         .map(m => m.slice(6, -7))})),
        entries: entries(sinceStart ? 0 : t0 - 1, engine)});
})().catch(e => { clearTimeout(timer); done({error: String(e && e.stack || e)}); });
"""


def run_js(driver, script, query, since_start=False):
    result = driver.execute_async_script(script, query, since_start, QUERY_TIMEOUT * 1000)
    if not isinstance(result, dict):
        return {"error": f"no result from the page: {result!r}"}
    return result


class Gzip:
    """gzip -6 sizes of served files (never more than the file), by URL path, computed once."""

    def __init__(self, roots):
        self.roots = roots
        self.sizes = {}

    def size(self, engine, path):
        key = (engine, path)
        if key not in self.sizes:
            file = page_file(self.roots[engine], path)
            data = file.read_bytes() if file.is_file() else b""
            self.sizes[key] = min(len(data), len(gzip.compress(data, 6)))
        return self.sizes[key]


def served(port, start, end, engine_file, gz, engine):
    """The engine's files the server sent on `port` between two points of its log: body bytes as sent
    ("raw"), their gzip -6 sizes, the requests. The server's count, not the page's Resource Timing
    entries: Pagefind fetches its WebAssembly, index and fragments from a Web Worker, whose requests
    the page's performance timeline does not list."""
    with Handler.lock:
        got = [(path, size) for p, path, size in Handler.sent[start:end] if p == port and engine_file(path)]
    return {"raw": sum(size for _, size in got), "gzip": sum(gz.size(engine, path) for path, _ in got),
            "requests": len(got), "files": sorted({path for path, _ in got})}


def page_fetched(run):
    """The page's own count (Resource Timing, transferSize > 0): a cross-check of the server's."""
    got = [e for e in run.get("entries") or [] if e["transfer"] > 0]
    return sum(e["size"] for e in got)


def log_point():
    with Handler.lock:
        return len(Handler.sent)


def clear_cache(driver):
    try:
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    except Exception:  # noqa: BLE001 - only a non-Chromium driver lacks it
        pass


def kartu_status_total(status):
    digits = re.sub(r"[\s\u00a0\u202f.,]", "", " ".join(re.findall(r"\d[\d\s\u00a0\u202f.,]*", status)))
    return int(digits) if digits.isdigit() else 0


def kartu_page(driver, base, lang, query=None):
    driver.get(f"{base}{lang}/search/" + (f"?q={urllib.parse.quote(query)}" if query is not None else ""))
    wait_until(driver, lambda d: d.execute_script(
        "var a = document.getElementById('kartu-search'), s = document.getElementById('search-status');"
        " return !!a && a.classList.contains('js') && !a.hasAttribute('aria-busy')"
        " && (arguments[0] ? !!s && s.textContent.trim().length > 0 : true)", query is not None),
        "kartu's search page" + (f" with the results for {query!r}" if query is not None else ""))


def cold_and_warm(driver, open_page, query_js, query, warmup, port, engine_file, gz, engine):
    """Runs `query` cold (a fresh page, `open_page()`, with an empty HTTP cache) and warm (another
    fresh page, the `warmup` query, then this one). Returns the two runs' results and the "cold" and
    "warm" measures: milliseconds, error, and the engine files the server sent for each."""
    clear_cache(driver)
    start = log_point()
    open_page()
    cold = run_js(driver, query_js, query, since_start=True)
    measures = {"cold": {"ms": cold.get("ms"), "error": cold.get("error"),
                         **served(port, start, log_point(), engine_file, gz, engine), "page_raw": page_fetched(cold)}}
    clear_cache(driver)
    open_page()
    warm_up = run_js(driver, query_js, warmup)
    start = log_point()
    warm = run_js(driver, query_js, query)
    measures["warm"] = {"ms": warm.get("ms"), "error": warm.get("error") or warm_up.get("error"),
                        **served(port, start, log_point(), engine_file, gz, engine), "page_raw": page_fetched(warm)}
    return cold, warm, measures


def measure_kartu(driver, base, port, lang, query, warmup, gz, url_mode=True):
    script = "/assets/search.js"
    engine_file = lambda p: p == script or (p.startswith(f"/{lang}/search/") and p.endswith(".json"))  # noqa: E731

    def open_page():
        # The search page (the query is typed and submitted); the script's path as the page has it.
        nonlocal script
        kartu_page(driver, base, lang)
        found = driver.execute_script("return Array.from(document.scripts).map(s => s.src && new URL(s.src).pathname)"
                                      ".filter(p => p && /search/.test(p))")
        script = found[0] if found else script

    cold, _, out = cold_and_warm(driver, open_page, KARTU_QUERY_JS, query, warmup, port, engine_file, gz, "kartu")
    out["typed"] = [r["url"] for r in cold.get("results") or []]
    final = cold
    if url_mode:
        # The results as a reader gets them from the header's search field: the query in the address.
        kartu_page(driver, base, lang, query)
        final = driver.execute_script("""
            var items = Array.from(document.querySelectorAll('#search-results > li'));
            return {status: document.getElementById('search-status').textContent.trim(), shown: items.length,
                    results: items.slice(0, 10).map(function (li) { var a = li.querySelector('a');
                      var marks = Array.from(li.querySelectorAll('mark')).map(function (m) { return m.textContent; });
                      return {url: a ? new URL(a.getAttribute('href'), location.href).pathname : null,
                              mark: marks.length > 0, marked: marks.slice(0, 3)}; })};""")
    out["results"] = [r["url"] for r in final.get("results") or []]
    out["marks"] = [bool(r["mark"]) for r in final.get("results") or []]
    out["marked"] = [r.get("marked") or [] for r in final.get("results") or []]
    out["status"] = final.get("status")
    out["total"] = kartu_status_total(final.get("status") or "") if final.get("shown") else 0
    out["error"] = cold.get("error") or out["warm"]["error"]
    return out


def pagefind_page(driver, base, lang):
    driver.get(f"{base}{lang}/")
    wait_until(driver, lambda d: d.execute_script("return document.readyState === 'complete'"), "the page")
    return driver.execute_script("return document.documentElement.lang")


def measure_pagefind(driver, base, port, lang, query, warmup, gz):
    engine_file = lambda p: p.startswith("/pagefind/")  # noqa: E731
    page_lang = None

    def open_page():
        nonlocal page_lang
        page_lang = pagefind_page(driver, base, lang)

    cold, warm, out = cold_and_warm(driver, open_page, PAGEFIND_QUERY_JS, query, warmup, port, engine_file, gz, "pagefind")
    out["results"] = [r["url"] for r in cold.get("results") or []]
    out["marks"] = [bool(r["mark"]) for r in cold.get("results") or []]
    out["marked"] = [r.get("marked") or [] for r in cold.get("results") or []]
    out["total"] = cold.get("total") or 0
    out["page_lang"] = page_lang
    out["error"] = cold.get("error") or out["warm"]["error"]
    if not out["error"] and [r["url"] for r in warm.get("results") or []] != out["results"]:
        out["note"] = "warm results differ from cold"
    return out


# ---- Measures --------------------------------------------------------------------------------

def median_range(values, unit=""):
    values = [v for v in values if v is not None]
    if not values:
        return "–"
    fmt = (lambda v: f"{v:,.0f}") if unit != "ms" else (lambda v: f"{v:,.0f}" if v >= 10 else f"{v:.1f}")
    return f"{fmt(statistics.median(values))} ({fmt(min(values))}–{fmt(max(values))})"


def score(query, run):
    relevant = set(query.get("relevant") or [])
    results = run.get("results") or []
    found = [u for u in results[:10] if u in relevant]
    return {
        "recall": len(set(found)) / min(10, len(relevant)) if relevant else None,
        "top1": bool(results) and results[0] in relevant,
        "zero": bool(relevant) and not results,
        "found": found,
        "missed": sorted(relevant - set(results[:10])),
        "other": [u for u in results[:10] if u not in relevant],
    }


def summary(queries, runs, engine):
    rows = [(q, r[engine], score(q, r[engine])) for q, r in zip(queries, runs) if engine in r]
    judged = [(q, r, s) for q, r, s in rows if s["recall"] is not None]
    cards = sum(len(r.get("marks") or []) for _, r, _ in rows)
    marked = sum(sum(r.get("marks") or []) for _, r, _ in rows)
    ok = [r for _, r, _ in rows if not r.get("error")]
    return {
        "queries": len(rows), "judged": len(judged),
        "recall": statistics.mean(s["recall"] for _, _, s in judged) if judged else None,
        "top1": sum(s["top1"] for _, _, s in judged), "zero": sum(s["zero"] for _, _, s in judged),
        "cards": cards, "marked": marked,
        "warm_raw": [r["warm"]["raw"] for r in ok], "warm_gzip": [r["warm"]["gzip"] for r in ok],
        "warm_requests": [r["warm"]["requests"] for r in ok],
        "cold_raw": [r["cold"]["raw"] for r in ok], "cold_gzip": [r["cold"]["gzip"] for r in ok],
        "warm_ms": [r["warm"]["ms"] for r in ok], "cold_ms": [r["cold"]["ms"] for r in ok],
        "errors": [(q["lang"], q["q"], r.get("error")) for q, r, _ in rows if r.get("error")],
    }


def pct(part, whole):
    return f"{part}/{whole} ({100 * part / whole:.0f} %)" if whole else "–"


def table(rows, header=("", "kartu", f"Pagefind {PAGEFIND_VERSION}")):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def size_text(sizes, engine):
    s = sizes[engine]
    return f"{s['bytes']:,} B in {s['files']:,} files"


def report_example(queries, runs, sizes, pagefind_info):
    k, p = summary(queries, runs, "kartu"), summary(queries, runs, "pagefind")
    rows = [
        ("queries run (with relevant documents)", f"{k['queries']} ({k['judged']})", f"{p['queries']} ({p['judged']})"),
        ("mean recall@10", f"{k['recall']:.3f}" if k["recall"] is not None else "–",
         f"{p['recall']:.3f}" if p["recall"] is not None else "–"),
        ("top-1 result relevant", pct(k["top1"], k["judged"]), pct(p["top1"], p["judged"])),
        ("no result although relevant documents exist", k["zero"], p["zero"]),
        ("result cards showing the matched word (<mark>)", pct(k["marked"], k["cards"]), pct(p["marked"], p["cards"])),
        ("bytes per warm query, raw: median (min–max)", median_range(k["warm_raw"]), median_range(p["warm_raw"])),
        ("bytes per warm query, gzip: median (min–max)", median_range(k["warm_gzip"]), median_range(p["warm_gzip"])),
        ("requests per warm query: median (min–max)", median_range(k["warm_requests"]), median_range(p["warm_requests"])),
        ("bytes per cold query (engine code + index), raw: median (min–max)", median_range(k["cold_raw"]), median_range(p["cold_raw"])),
        ("bytes per cold query, gzip: median (min–max)", median_range(k["cold_gzip"]), median_range(p["cold_gzip"])),
        ("latency warm, ms: median (min–max)", median_range(k["warm_ms"], "ms"), median_range(p["warm_ms"], "ms")),
        ("latency cold, ms: median (min–max)", median_range(k["cold_ms"], "ms"), median_range(p["cold_ms"], "ms")),
        ("index size", size_text(sizes, "kartu"), size_text(sizes, "pagefind")),
        ("queries that failed", len(k["errors"]), len(p["errors"])),
    ]
    out = ["## Example site: kartu vs Pagefind", "", table(rows), ""]
    # Recall and top-1 by kind and by language.
    for field in ("kind", "lang"):
        values = []
        for q in queries:
            if q[field] not in values:
                values.append(q[field])
        sub = []
        for value in values:
            picked = [(q, r) for q, r in zip(queries, runs) if q[field] == value]
            qs, rs = [q for q, _ in picked], [r for _, r in picked]
            ks, ps = summary(qs, rs, "kartu"), summary(qs, rs, "pagefind")
            sub.append((f"{value} ({ks['judged']})",
                        f"{ks['recall']:.2f} · top-1 {ks['top1']} · none {ks['zero']}" if ks["recall"] is not None else "–",
                        f"{ps['recall']:.2f} · top-1 {ps['top1']} · none {ps['zero']}" if ps["recall"] is not None else "–"))
        out += [f"Recall@10 by {'kind' if field == 'kind' else 'language'} (top-1 relevant, queries with no result):", "",
                table(sub, (field, "kartu", f"Pagefind {PAGEFIND_VERSION}")), ""]
    out.append(f"Index size: kartu {sizes['kartu']['bytes']:,} B of <lang>/search/*.json (+ search.js "
               f"{sizes['kartu']['script_bytes'] or 0:,} B); Pagefind {sizes['pagefind']['bytes']:,} B in pagefind/, "
               f"of which index data (entry, pf_meta, pf_index, pf_fragment) {sizes['pagefind']['index_bytes']:,} B in "
               f"{sizes['pagefind']['index_files']:,} files, the rest scripts, CSS and WebAssembly (UI files included). "
               f"Pagefind indexed {pagefind_info.get('pages')} pages ({', '.join(pagefind_info.get('languages') or [])}).")
    mismatch = [(q["lang"], q["q"]) for q, r in zip(queries, runs)
                if "kartu" in r and r["kartu"].get("typed") and r["kartu"]["typed"] != r["kartu"]["results"]]
    if mismatch:
        out.append(f"Note: kartu's typed-and-submitted results differ from the ?q= results for {mismatch}.")
    wrong_lang = [(q["lang"], q["q"]) for q, r in zip(queries, runs)
                  if any(u and not u.startswith(f"/{q['lang']}/") for e in ("kartu", "pagefind")
                         for u in (r.get(e) or {}).get("results") or [])]
    if wrong_lang:
        out.append(f"Note: results in another language for {wrong_lang}.")
    for name, s in (("kartu", k), ("Pagefind", p)):
        for lang, q, error in s["errors"]:
            out.append(f"Failed ({name}): [{lang}] {q!r}: {error}")
    return "\n".join(out)


def report_verbose(queries, runs):
    out = ["", "## Per query", ""]
    for q, r in zip(queries, runs):
        out.append(f"[{q['lang']}] {q['q']!r} ({q['kind']}), {len(q.get('relevant') or [])} relevant")
        for engine in ("kartu", "pagefind"):
            if engine not in r:
                continue
            run, s = r[engine], score(q, r[engine])
            recall = f"{s['recall']:.2f}" if s["recall"] is not None else "–"
            out.append(f"  {engine:8} recall {recall} top-1 {'yes' if s['top1'] else 'no '} "
                       f"results {run.get('total')} marks {sum(run.get('marks') or [])}/{len(run.get('marks') or [])} "
                       f"warm {run['warm']['raw']:,} B {run['warm']['ms'] or 0:.0f} ms "
                       f"cold {run['cold']['raw']:,} B {run['cold']['ms'] or 0:.0f} ms"
                       + (f" ERROR {run['error']}" if run.get("error") else ""))
            marked = dict(zip(run.get("results") or [], run.get("marked") or []))
            shown = lambda url: f"  <mark>: {', '.join(marked[url])}" if marked.get(url) else ""  # noqa: E731
            for url in s["found"]:
                out.append(f"      found  {url}{shown(url)}")
            for url in s["missed"]:
                out.append(f"      MISSED {url}")
            for url in s["other"]:
                out.append(f"      other  {url}{shown(url)}")
    return "\n".join(out)


def report_corpus(runs, sizes, pagefind_info, docs):
    rows = []
    for r in runs:
        k, p = r.get("kartu", {}), r.get("pagefind", {})

        def cell(x):
            if not x:
                return "–"
            if x.get("error"):
                return f"error: {x['error'][:60]}"
            return (f"{x['total']:,} results; warm {x['warm']['raw']:,} B (gzip {x['warm']['gzip']:,}), "
                    f"{x['warm']['ms']:.0f} ms; cold {x['cold']['raw']:,} B, {x['cold']['ms']:.0f} ms")
        rows.append((f"[{r['lang']}] {r['q']}", cell(k), cell(p)))
    ks = [r["kartu"] for r in runs if "kartu" in r and not r["kartu"].get("error")]
    ps = [r["pagefind"] for r in runs if "pagefind" in r and not r["pagefind"].get("error")]
    rows += [
        ("bytes per warm query, raw: median (min–max)", median_range([x["warm"]["raw"] for x in ks]),
         median_range([x["warm"]["raw"] for x in ps])),
        ("bytes per warm query, gzip: median (min–max)", median_range([x["warm"]["gzip"] for x in ks]),
         median_range([x["warm"]["gzip"] for x in ps])),
        ("bytes per cold query, raw: median (min–max)", median_range([x["cold"]["raw"] for x in ks]),
         median_range([x["cold"]["raw"] for x in ps])),
        ("latency warm, ms: median (min–max)", median_range([x["warm"]["ms"] for x in ks], "ms"),
         median_range([x["warm"]["ms"] for x in ps], "ms")),
        ("latency cold, ms: median (min–max)", median_range([x["cold"]["ms"] for x in ks], "ms"),
         median_range([x["cold"]["ms"] for x in ps], "ms")),
        ("index size", size_text(sizes, "kartu"), size_text(sizes, "pagefind")),
    ]
    n = sum(len(v) for v in docs.values())
    return "\n".join([f"## Corpus: {n:,} documents ({', '.join(f'{l} {len(v)}' for l, v in docs.items())})", "",
                      table(rows), "",
                      f"Pagefind indexed {pagefind_info.get('pages')} pages in {pagefind_info.get('seconds')} s; "
                      f"of its folder, index data (entry, pf_meta, pf_index, pf_fragment) is "
                      f"{sizes['pagefind']['index_bytes']:,} B in {sizes['pagefind']['index_files']:,} files, the rest "
                      f"scripts, CSS and WebAssembly. kartu's search.js is {sizes['kartu']['script_bytes'] or 0:,} B."])


# ---- Main ------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kartu", default=str(REPO / ".build" / "debug" / "kartu"), help="kartu binary that builds the example site")
    ap.add_argument("--site", help="an example site built already (skips the build)")
    ap.add_argument("--corpus", metavar="DIR", help="a built synthetic corpus site: bytes, latency and index size only")
    ap.add_argument("--queries", default=str(REPO / "scripts" / "search-queries.json"))
    ap.add_argument("--lang", help="only these languages, comma-separated (e.g. lt,pl)")
    ap.add_argument("--pagefind", help=f"Pagefind {PAGEFIND_VERSION} binary (default: from pip's pagefind-bin)")
    ap.add_argument("--warmup", default="2017", help="the other query run before a warm query (default: 2017)")
    ap.add_argument("--workdir", help="folder for the built site and the Pagefind copy (default: a new temporary "
                                      "folder under /dev/shm or /tmp, removed at the end)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--json", metavar="OUT", help="write every measure and per-query result to OUT")
    ap.add_argument("--verbose", action="store_true", help="list each query's found, missed and other results")
    args = ap.parse_args()
    langs = set(args.lang.split(",")) if args.lang else None

    parent = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="search-compare-", dir=parent))
    work.mkdir(parents=True, exist_ok=True)
    servers, driver = [], None
    try:
        pagefind, version = find_pagefind(args.pagefind)
        log(f"Pagefind: {pagefind} ({version})")
        if args.corpus:
            site = Path(args.corpus)
            if not (site / "index.html").exists() and (site / "site").is_dir():
                site = site / "site"
        elif args.site:
            site = Path(args.site)
        else:
            site = work / "kartu"
            if site.exists():
                shutil.rmtree(site)
            build_example(args.kartu, site)
        if not site.is_dir():
            raise SetupError(f"{site} is not a folder")
        docs = search_documents(site)
        if langs:
            docs = {lang: urls for lang, urls in docs.items() if lang in langs}
        copy = work / "pagefind-site"
        if copy.exists():
            shutil.rmtree(copy)
        # Pagefind indexes every language's documents, so that its index is the one a real site would have.
        pagefind_info = prepare_pagefind(site, copy, search_documents(site), pagefind)
        sizes = index_sizes(site, copy)

        if args.corpus:
            queries = [{"lang": lang, "q": q, "kind": "corpus", "relevant": []} for lang, q in CORPUS_QUERIES
                       if lang in docs]
        else:
            queries = json.loads(Path(args.queries).read_text(encoding="utf-8"))["queries"]
            queries = [q for q in queries if q["lang"] in docs]
            known = {u for urls in docs.values() for u in urls}
            unknown = sorted({u for q in queries for u in q.get("relevant") or [] if u not in known})
            if unknown:
                raise SetupError(f"relevant URLs that are not documents of the built site: {unknown[:10]}")
        if not queries:
            raise SetupError("no queries for these languages")

        kartu_server, pagefind_server = serve(site), serve(copy)
        servers = [kartu_server, pagefind_server]
        bases = {"kartu": f"http://127.0.0.1:{kartu_server.server_port}/",
                 "pagefind": f"http://127.0.0.1:{pagefind_server.server_port}/"}
        gz = Gzip({"kartu": site, "pagefind": copy})
        driver = browser()
        runs = []
        started = time.time()
        for i, q in enumerate(queries, 1):
            run = {"lang": q["lang"], "q": q["q"]}
            warmup = args.warmup if q["q"] != args.warmup else args.warmup + "0"  # always another query
            for engine in ("kartu", "pagefind"):
                try:
                    if engine == "kartu":
                        run[engine] = measure_kartu(driver, bases[engine], kartu_server.server_port, q["lang"],
                                                    q["q"], warmup, gz, url_mode=not args.corpus)
                    else:
                        run[engine] = measure_pagefind(driver, bases[engine], pagefind_server.server_port,
                                                       q["lang"], q["q"], warmup, gz)
                except Exception as error:  # noqa: BLE001 - one query's failure must not stop the others
                    run[engine] = {"error": f"{type(error).__name__}: {error}", "results": [], "marks": [], "total": 0,
                                   "warm": {"ms": None, "raw": 0, "gzip": 0, "requests": 0, "files": []},
                                   "cold": {"ms": None, "raw": 0, "gzip": 0, "requests": 0, "files": []}}
            runs.append(run)
            log(f"  {i}/{len(queries)} [{q['lang']}] {q['q']!r}: kartu {len(run['kartu'].get('results') or [])}, "
                f"pagefind {len(run['pagefind'].get('results') or [])} results")
        log(f"ran {len(queries)} queries in {time.time() - started:.0f} s")

        if args.corpus:
            text = report_corpus(runs, sizes, pagefind_info, docs)
        else:
            text = report_example(queries, runs, sizes, pagefind_info)
            if args.verbose:
                text += "\n" + report_verbose(queries, runs)
        print(text)
        if args.json:
            Path(args.json).write_text(json.dumps({
                "mode": "corpus" if args.corpus else "example", "site": str(site), "pagefind": version,
                "pagefind_index": pagefind_info, "index_sizes": sizes, "warmup": args.warmup,
                "summary": None if args.corpus else {e: {k: v for k, v in summary(queries, runs, e).items()}
                                                     for e in ("kartu", "pagefind")},
                "queries": [{**q, "kartu": r.get("kartu"), "pagefind": r.get("pagefind"),
                             "score": {e: score(q, r[e]) for e in ("kartu", "pagefind") if e in r}}
                            for q, r in zip(queries, runs)],
            }, ensure_ascii=False, indent=1), encoding="utf-8")
            log(f"wrote {args.json}")
        failed = [r for r in runs for e in ("kartu", "pagefind") if (r.get(e) or {}).get("error")]
        return 1 if failed else 0
    except SetupError as error:
        log(f"search-compare: {error}")
        return 2
    finally:
        if driver is not None:
            try:
                driver.quit()
            except Exception:  # noqa: BLE001
                pass
        for server in servers:
            server.shutdown()
            server.server_close()
        if not args.workdir and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        elif args.keep:
            log(f"kept {work}")


if __name__ == "__main__":
    sys.exit(main())
