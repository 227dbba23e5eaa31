"""Browser tests of the default theme: the search field, search.js, the language switch, the 404 page.

Builds the example site (content/) with a fresh `kartu build --base-url http://127.0.0.1:PORT/`,
and a generated site of 25 documents under the sub-path /sub/ (paging, file loading, folding of
letters such as ß, ł, ø), serves both with Python's http.server (missing paths get the site's
404.html with status 404, like a real host), and drives headless Chromium through Selenium.
Every test fails on any error in the browser console.

Run with scripts/browser-test.sh (installs what is missing, builds kartu, runs pytest), or
`python3 -m pytest tests-browser` after `swift build`. KARTU=/path/to/kartu overrides the binary,
CHROMIUM and CHROMEDRIVER the browser and its driver.
"""

import functools
import json
import http.server
import os
import re
import shutil
import socket
import subprocess
import threading
import unicodedata
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parent.parent
WAIT = 10


# ---- Site and server -------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kartu():
    binary = Path(os.environ.get("KARTU", REPO / ".build" / "debug" / "kartu"))
    if not binary.exists():
        pytest.fail(f"kartu binary not found at {binary}: run `swift build` first (or set KARTU)")
    return str(binary)


def build(root, output, base_url):
    result = subprocess.run([kartu(), "build", "--root", str(root), "--output", str(output), "--base-url", base_url],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"kartu build failed:\n{result.stderr}"


def synthetic_site(folder):
    """25 Lithuanian pages, all with 'Mokykla' in the title, newest first; a few awkward letters."""
    (folder / "content" / "lt" / "notes").mkdir(parents=True)
    shutil.copy(REPO / "content" / "site.yaml", folder / "content" / "site.yaml")
    shutil.copy(REPO / "content" / "themes.yaml", folder / "content" / "themes.yaml")
    for n in range(1, 26):
        extra = " Straße Øresund Łódź Æble Ǽro" if n == 3 else ""
        # Letters whose folding goes beyond "drop the accents" (ligature, full width, final sigma).
        title = f"Mokykla Nr. {n}" + (" – ﬁnansai, Ｆｕｌｌ, σοφός, Ångström, İzmir" if n == 4 else "")
        (folder / "content" / "lt" / "notes" / f"note-{n:02}.md").write_text(
            f'---\ntitle: "{title}"\nkind: page\ndate: 2020-01-{n:02}\n'
            f'summary: "Santrauka apie mokyklą numeris {n}.{extra}"\n---\n\nTekstas apie bendruomenę.\n',
            encoding="utf-8")


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing path gets the site's 404.html with status 404, as on a real host."""

    def log_message(self, format, *args):  # noqa: A002
        pass

    def list_directory(self, path):
        self.send_error(404)
        return None

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    port = free_port()
    www = tmp_path_factory.mktemp("www") / "site"
    base = f"http://127.0.0.1:{port}/"
    build(REPO, www, base)
    source = tmp_path_factory.mktemp("synthetic")
    synthetic_site(source)
    build(source, www / "sub", base + "sub/")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=str(www)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"base": base, "root": www}
    server.shutdown()
    server.server_close()


# ---- Browser ----------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1000", "--disable-extensions", "--no-first-run"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = os.environ.get("CHROMEDRIVER", shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def driver(browser, site):
    """The browser, with a clean console; the test fails on any console error it caused.
    A test that loads a missing page on purpose lists its URL in driver.expected_404."""
    browser.get_log("browser")
    browser.expected_404 = []
    yield browser
    errors = []
    for entry in browser.get_log("browser"):
        if entry["level"] not in ("SEVERE", "ERROR"):
            continue
        if any(url in entry["message"] and "404" in entry["message"] for url in browser.expected_404):
            continue
        errors.append(entry["message"])
    assert not errors, "errors in the browser console:\n" + "\n".join(errors)


def wait(driver, condition, message=""):
    return WebDriverWait(driver, WAIT).until(condition, message)


def header_search(driver, query):
    field = driver.find_element(By.CSS_SELECTOR, "header form[role=search] input[type=search][name=q]")
    field.clear()
    field.send_keys(query, Keys.ENTER)


def results_done(driver):
    """Waits for the search to finish; returns the status text and the result elements."""
    def done(d):
        app = d.find_element(By.ID, "kartu-search")
        status = d.find_element(By.ID, "search-status").text.strip()
        return status and app.get_attribute("aria-busy") is None and status
    status = wait(driver, done, "the search never finished")
    return status, driver.find_elements(By.CSS_SELECTOR, "#search-results > li")


def strings(driver):
    app = driver.find_element(By.ID, "kartu-search")
    return {name: app.get_attribute("data-" + name) for name in ("none", "empty", "prompt", "results", "error", "corrected")}


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def result(item):
    link = item.find_element(By.CSS_SELECTOR, ".card-title a")
    return {
        "title": link.text,
        "href": link.get_attribute("href"),
        "kind": item.find_element(By.CSS_SELECTOR, ".card-kind").text,
        "lang": item.find_element(By.CSS_SELECTOR, ".result-lang").text,
        "marks": [m.text for m in item.find_elements(By.TAG_NAME, "mark")],
    }


def resources(driver):
    return driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")


# ---- Tests ------------------------------------------------------------------------------------

def test_header_search_then_result_then_language_switch(driver, site):
    driver.get(site["base"])  # the root page sends readers to the default language
    wait(driver, lambda d: d.current_url.endswith("/lt/"), "the root page did not lead to /lt/")
    header_search(driver, "kazlu ruda")
    wait(driver, lambda d: "/lt/search/" in d.current_url and "q=kazlu" in d.current_url)
    status, items = results_done(driver)
    assert items, f"no results for 'kazlu ruda' (status: {status})"
    first = result(items[0])
    assert first["title"].startswith("Kazlų Rūdos savivaldybės pokyčio projektas")
    assert first["href"].endswith("/lt/change-projects/kazlu-ruda-reflection/")
    assert first["kind"] == "Pokyčio projektas"
    assert first["lang"] == "Lietuvių"
    assert "Kazlų" in first["marks"], first["marks"]
    assert "Kazlų Rūda" in items[0].find_element(By.CSS_SELECTOR, ".meta").text
    assert str(len(items)) in status
    assert driver.find_element(By.ID, "search-q").get_attribute("value") == "kazlu ruda"

    # Follow the result, then the language switch to the English translation.
    items[0].find_element(By.CSS_SELECTOR, ".card-title a").click()
    wait(driver, lambda d: d.current_url.endswith("/lt/change-projects/kazlu-ruda-reflection/"))
    # The language menu is folded: open it, then choose English.
    driver.find_element(By.CSS_SELECTOR, ".language-menu summary").click()
    english = driver.find_element(By.CSS_SELECTOR, "nav.languages a[hreflang=en]")
    english.click()
    wait(driver, lambda d: d.current_url.endswith("/en/change-projects/kazlu-ruda-reflection/"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert "Kazlų Rūda" in driver.find_element(By.TAG_NAME, "h1").text
    # The current language is marked, and no link to the page itself.
    current = driver.find_element(By.CSS_SELECTOR, "nav.languages [aria-current]")
    assert current.tag_name == "span" and current.find_element(By.CSS_SELECTOR, "[lang]").get_attribute("lang") == "en"


def test_prefix_search_as_you_type(driver, site):
    driver.get(site["base"] + "lt/search/")
    field = driver.find_element(By.ID, "search-q")
    field.send_keys("refleksij")  # no Enter: the page searches as you type
    status, items = results_done(driver)
    assert items, status
    found = [result(i) for i in items]
    assert any(r["href"].endswith("/lt/change-projects/kazlu-ruda-reflection/") for r in found)
    marks = [m for r in found for m in r["marks"]]
    assert marks and all(fold(m).startswith("refleksij") for m in marks), marks
    wait(driver, lambda d: "q=refleksij" in d.current_url, "the address does not keep the query")
    # Only the index files the query needs: meta, one shard, the chunk of cards, and for each result
    # that shows a passage of its text the block with it.
    fetched = sorted(u.rsplit("/", 1)[-1] for u in resources(driver) if "/lt/search/" in u and u.endswith(".json"))
    passages = [f for f in fetched if re.fullmatch(r"d-\d+-\d+\.json", f)]
    assert sorted(set(fetched) - set(passages)) == ["c-0.json", "meta.json", "t-re.json"], fetched
    assert len(passages) <= len(items), fetched


def test_other_forms_of_a_word_are_found_and_marked(driver, site):
    """mokytojams (to teachers) is in one document; the others say mokytojai, mokytojų: all are found,
    and each card shows the passage with the form it has, marked."""
    driver.get(site["base"] + "lt/search/?q=mokytojams")
    status, items = results_done(driver)
    found = [result(i) for i in items]
    assert len(found) >= 5, status
    marks = {fold(m) for r in found for m in r["marks"]}
    assert "mokytojams" in marks and ({"mokytoju", "mokytojai"} & marks), marks
    assert all(r["marks"] for r in found), [r["title"] for r in found if not r["marks"]]
    # English: collaborating finds collaboration.
    driver.get(site["base"] + "en/search/?q=collaborating")
    status, items = results_done(driver)
    assert len(items) >= 3, status
    assert any(fold(m).startswith("collaborat") for i in items for m in result(i)["marks"])


def test_a_snippet_shows_the_text_around_a_word_deep_in_the_document(driver, site):
    """A word far into a long text: the card shows its passage (with … before it), not the opening."""
    driver.get(site["base"] + "lt/search/?q=kolegialaus")
    status, items = results_done(driver)
    cards = {result(i)["href"].rsplit("/lt/", 1)[1]: i for i in items}
    card = cards.get("change-projects/kazlu-ruda-reflection/")
    assert card, (status, list(cards))
    summary = card.find_element(By.CSS_SELECTOR, ".summary")
    assert summary.text.startswith("… "), summary.text
    assert [fold(m.text) for m in summary.find_elements(By.TAG_NAME, "mark")] == ["kolegialaus"], summary.text


def test_a_misspelling_is_corrected_only_when_nothing_matches(driver, site):
    driver.get(site["base"] + "en/search/?q=leadrship")
    status, items = results_done(driver)
    assert items, status
    suggestion = driver.find_element(By.CSS_SELECTOR, "#search-status em").text
    assert suggestion == "leadership", status
    assert all("leadership" in fold(" ".join(result(i)["marks"])) for i in items)
    # A word that matches is never corrected.
    driver.get(site["base"] + "en/search/?q=leadership")
    status, items = results_done(driver)
    assert items and not driver.find_elements(By.CSS_SELECTOR, "#search-status em")


def test_fields_a_reader_sees_are_searched(driver, site):
    """The host place of an internship and a project's name are found, and shown marked."""
    driver.get(site["base"] + "en/search/?q=leeds")
    status, items = results_done(driver)
    hrefs = [result(i)["href"] for i in items]
    assert any(h.endswith("/en/internships/utena-leeds-study-visit-2017/") for h in hrefs), hrefs
    driver.get(site["base"] + "lt/search/?q=" + urllib.parse.quote("lyderių laikas"))
    status, items = results_done(driver)
    assert items, status
    assert any("Lyderių" in m for i in items for m in result(i)["marks"])


def test_polish_search_folds_letters(driver, site):
    driver.get(site["base"] + "pl/")
    header_search(driver, "OSWIATA DZIAŁAN")  # capitals, missing ś and ą, and ł written as ł
    wait(driver, lambda d: "/pl/search/" in d.current_url)
    status, items = results_done(driver)
    # Every form of both words is found (oświaty, działania…); the one with both in its title first.
    assert len(items) >= 1, status
    doc = result(items[0])
    assert doc["title"].startswith("Wsparcie kadry JST w zarządzaniu oświatą")
    assert doc["href"].endswith("/pl/projects/wsparcie-kadry-jst/")
    assert doc["kind"] == "Projekt" and doc["lang"] == "Polski"
    assert "oświatą" in doc["marks"], doc["marks"]
    assert status == {1: "Znaleziono 1 wynik", 2: "Znaleziono 2 wyniki", 3: "Znaleziono 3 wyniki"}[len(items)]
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "pl"


def test_nothing_found(driver, site):
    driver.get(site["base"] + "lt/search/?q=" + urllib.parse.quote("qxzwv zzyzx"))
    status, items = results_done(driver)
    assert status == strings(driver)["none"]
    assert not items
    assert not driver.find_element(By.ID, "search-results").is_displayed()
    # A language without documents says so instead (the generated site has Lithuanian notes only).
    driver.get(site["base"] + "sub/lv/search/?q=skola")
    status, items = results_done(driver)
    assert status == strings(driver)["empty"] and not items
    # The example's Latvian documents are found in Latvian.
    driver.get(site["base"] + "lv/search/?q=skola")
    status, items = results_done(driver)
    assert items and status != strings(driver)["empty"]
    # One letter is not a word.
    driver.get(site["base"] + "en/search/?q=a")
    assert results_done(driver)[0] == strings(driver)["prompt"]


def test_more_results_load_their_chunks_under_a_sub_path(driver, site):
    driver.get(site["base"] + "sub/lt/")
    header_search(driver, "mokykl")
    wait(driver, lambda d: "/sub/lt/search/" in d.current_url)
    status, items = results_done(driver)
    assert status == "Rasti 25 rezultatai"
    assert len(items) == 10
    titles = [result(i)["title"] for i in items]
    assert titles[0] == "Mokykla Nr. 25" and titles[9] == "Mokykla Nr. 16"  # newest first
    # Title matches: the cards only, no passages.
    files = lambda: sorted(u.rsplit("/", 1)[-1] for u in resources(driver) if re.search(r"/search/[cd]-", u))
    assert files() == ["c-0.json"]
    more = driver.find_element(By.ID, "search-more")
    more.click()
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search-results > li")) == 20)
    active = driver.switch_to.active_element
    assert active.text == "Mokykla Nr. 15", "focus should move to the first new result"
    assert files() == ["c-0.json"]  # results 11–20 are documents 10–19: still the first chunk
    more.click()
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search-results > li")) == 25)
    assert files() == ["c-0.json", "c-1.json"]
    assert not more.is_displayed()
    assert all(u.startswith(site["base"] + "sub/") for u in resources(driver)), "a request left the sub-path"


@pytest.mark.parametrize("query, marked, number", [
    ("strasse", "Straße", 3), ("oresund", "Øresund", 3), ("lodz", "Łódź", 3), ("aeble", "Æble", 3), ("ŁÓDŹ", "Łódź", 3), ("aero", "Ǽro", 3),
    ("finans", "ﬁnans", 4), ("full", "Ｆｕｌｌ", 4), ("ΣΟΦΟΣ", "σοφός", 4), ("angstrom", "Ångström", 4), ("izmir", "İzmir", 4),
])
def test_folding_matches_the_engine(driver, site, query, marked, number):
    driver.get(site["base"] + "sub/lt/search/?q=" + urllib.parse.quote(query))
    status, items = results_done(driver)
    assert [result(i)["title"].split(" – ")[0] for i in items] == [f"Mokykla Nr. {number}"], status
    # The whole word is marked (ﬁnansai for finans), as it was typed in the text.
    assert any(m.startswith(marked) for m in result(items[0])["marks"]), result(items[0])["marks"]


FOLD_CHECK = """
const done = arguments[arguments.length - 1];
(async () => {
  const base = document.getElementById("kartu-search").dataset.index;
  const get = async (file) => (await fetch(base + file)).json();
  const meta = await get("meta.json");
  const files = Object.fromEntries(meta.shards);
  const shards = {};
  const problems = [];
  let words = 0;
  // The documents a list of gaps holds (title and fields: one number per document).
  const ids = (gaps) => { let id = 0; return gaps.map((gap) => (id += gap)); };
  for (let id = 0; id < meta.documents; id++) {
    const doc = (await get(`c-${Math.floor(id / meta.chunkSize)}.json`))[id % meta.chunkSize];
    for (const word of await window.kartuSearch.analyze(doc.t)) {
      words++;
      const file = files[Array.from(word.stem).slice(0, 2).join("")];
      if (file && !shards[file]) shards[file] = await get(`t-${file}.json`);
      const lists = file && shards[file][word.stem] && shards[file][word.stem][word.form];
      if (!lists || !ids(lists[0]).includes(id)) problems.push(`'${word.form}' (${word.stem}) of '${doc.t}'`);
    }
  }
  done({words, problems});
})().catch((error) => done({words: 0, problems: [String(error)]}));
"""


@pytest.mark.parametrize("language", ["lt", "en", "pl", "sub/lt"])
def test_script_folds_titles_into_the_words_the_engine_indexed(driver, site, language):
    """Every word the script makes of a title, stemmed in the browser, is indexed under that stem as a
    title word of that document."""
    driver.get(site["base"] + language + "/search/")
    result = driver.execute_async_script(FOLD_CHECK)
    assert result["words"] > 10 and not result["problems"], result


def test_not_found_page_at_any_depth(driver, site):
    missing = site["base"] + "en/no/such/page/"
    driver.expected_404.append(missing)
    driver.get(missing)
    assert driver.find_elements(By.TAG_NAME, "h1")[0].text.startswith("404")
    assert len(driver.find_elements(By.TAG_NAME, "h1")) == 1
    sections = driver.find_elements(By.CSS_SELECTOR, ".nf-message")
    assert [s.get_attribute("lang") for s in sections] == ["lt", "en", "lv", "et", "pl"]
    assert "Page not found" in sections[1].text
    background = driver.execute_script(
        "return getComputedStyle(document.querySelector('.nf-message')).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "the theme's stylesheet did not load"
    sections[1].find_element(By.TAG_NAME, "a").click()
    wait(driver, lambda d: d.current_url == site["base"] + "en/")


def test_every_page_has_the_header_search_and_the_search_page_a_noscript_message(site):
    """Every page but the search page has the header's search field; the search page has one field,
    its own."""
    pages = [p for p in site["root"].rglob("*.html") if p.relative_to(site["root"]).parts[0] != "sub"]
    assert len(pages) > 100
    form = re.compile(r'<form class="site-search" role="search" action="(/\w\w/search/)" method="get">'
                      r'.*?<input type="search"[^>]* name="q"', re.S)
    for page in pages:
        if page == site["root"] / "index.html":
            continue  # the language choice that forwards to the default language
        html = page.read_text(encoding="utf-8")
        match = form.search(html)
        language = re.search(r'<html lang="(\w+)"', html).group(1)
        if page.relative_to(site["root"]).parts[1:] == ("search", "index.html"):
            assert not match, f"a second search field in the header of {page}"
            assert html.count('type="search"') == 1, page
            continue
        assert match, f"no search field in the header of {page}"
        assert match.group(1) == f"/{language}/search/", page
    for language, text in [("lt", "Paieška veikia tik įjungus JavaScript"), ("en", "Search needs JavaScript"),
                           ("lv", "Meklēšanai nepieciešams JavaScript"), ("et", "Otsing vajab JavaScripti"),
                           ("pl", "Wyszukiwarka wymaga JavaScriptu")]:
        html = urllib.request.urlopen(site["base"] + f"{language}/search/").read().decode("utf-8")
        assert any(text in block for block in re.findall(r"<noscript>(.*?)</noscript>", html, re.S)), language


# ---- Publications -----------------------------------------------------------------------------

BOOK = "en/publications/leading-to-learn-together/"


def visible(driver, selector):
    return [e for e in driver.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


def test_reading_a_publication_chapter_by_chapter(driver, site):
    """From the landing page through every chapter with "next", then back with "previous"."""
    driver.set_window_size(1280, 1000)
    driver.get(site["base"] + BOOK)
    start = driver.find_element(By.CSS_SELECTOR, ".book-actions a[rel=next]")
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".book-contents a.entry-title")]
    start.click()
    seen = []
    while True:
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "article.chapter h1"))
        seen.append(driver.find_element(By.CSS_SELECTOR, "article.chapter h1").text)
        # Wide screen: the contents beside the text, this chapter marked; the folded copy hidden.
        assert visible(driver, "nav.book-toc") and not visible(driver, "details.book-toc-compact")
        assert [a.text for a in visible(driver, "nav.book-toc [aria-current=page]")] == [seen[-1]]
        crumbs = driver.find_elements(By.CSS_SELECTOR, "nav.breadcrumb li")
        assert crumbs[-1].text == seen[-1] and crumbs[1].text == "Leading to Learn Together"
        following = driver.find_elements(By.CSS_SELECTOR, ".pager a[rel=next]")
        if not following:
            break
        following[0].click()
    assert seen == titles
    for _ in titles:
        driver.find_element(By.CSS_SELECTOR, ".pager a[rel=prev]").click()
    wait(driver, lambda d: d.current_url == site["base"] + BOOK)


def test_phone_header_is_one_row_and_its_menu_opens_the_sections(driver, site):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        driver.get(site["base"] + "lt/change-projects/kazlu-ruda-reflection/")
        header = driver.find_element(By.CSS_SELECTOR, ".site-header")
        assert header.size["height"] <= 80, header.size
        assert not visible(driver, "nav.sections-bar a") and not visible(driver, "header form[role=search]")
        assert visible(driver, "a.search-link")
        menu = driver.find_element(By.CSS_SELECTOR, "details.menu summary")
        assert menu.get_attribute("aria-expanded") in (None, "false")
        menu.click()
        links = visible(driver, "nav.sections-menu a")
        assert [a.text for a in links][-1] == "Temos" and len(links) >= 5
        assert [a.text for a in visible(driver, "nav.sections-menu a[aria-current]")] == ["Pokyčio projektai"]
        links[0].click()
        wait(driver, lambda d: d.current_url.endswith("/lt/collaboration-models/"))
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_chapter_contents_fold_on_a_phone(driver, site):
    driver.set_window_size(390, 844)
    try:
        driver.get(site["base"] + BOOK + "internships/leeds/")
        assert not visible(driver, "nav.book-toc")
        details = visible(driver, "details.book-toc-compact")
        assert details and details[0].get_attribute("open") is None
        details[0].find_element(By.TAG_NAME, "summary").click()
        current = visible(driver, "details.book-toc-compact [aria-current=page]")
        assert [a.text for a in current] == ["Study visit to Leeds"]
        width = driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= 390, f"the page is {width}px wide on a 390px screen"
    finally:
        driver.set_window_size(1280, 1000)


def test_print_edition_prints_each_chapter_from_a_new_page(driver, site):
    driver.get(site["base"] + BOOK + "print/")
    sections = driver.find_elements(By.CSS_SELECTOR, "section.print-chapter")
    assert [s.get_attribute("id") for s in sections] == ["c1", "c2", "c3", "c4", "c5"]
    # In-page contents: every link has its target on the page.
    for link in driver.find_elements(By.CSS_SELECTOR, ".print-contents a"):
        target = link.get_attribute("href").split("#", 1)[1]
        assert driver.find_elements(By.ID, target), target
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        style = driver.execute_script("""
            const css = (s, p) => getComputedStyle(document.querySelector(s))[p];
            return {header: css('.site-header', 'display'), footer: css('.site-footer', 'display'),
                    note: css('.print-note', 'display'), chapter: css('.print-chapter', 'break-before')};""")
        assert style == {"header": "none", "footer": "none", "note": "none", "chapter": "page"}, style
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_the_query_set_finds_what_readers_mean(driver, site):
    """scripts/search-queries.json (exact, inflected, unaccented, two-word, misspelled and field queries in
    five languages, each with its relevant documents judged by hand), run through the search page as a
    reader would: recall@10 and top-1 at least 0.95, no query with relevant documents left empty, and
    every card shows a marked word. scripts/search-compare.py runs the same set against Pagefind."""
    queries = json.loads((REPO / "scripts" / "search-queries.json").read_text(encoding="utf-8"))["queries"]
    recall, top1, empty, cards, marked, misses = [], 0, [], 0, 0, []
    for q in queries:
        driver.get(site["base"] + q["lang"] + "/search/?q=" + urllib.parse.quote(q["q"]))
        status, items = results_done(driver)
        found = [result(i) for i in items][:10]
        paths = ["/" + r["href"].split(site["base"], 1)[1] for r in found]
        relevant = set(q["relevant"])
        hit = len(relevant & set(paths)) / min(10, len(relevant))
        recall.append(hit)
        top1 += bool(paths) and paths[0] in relevant
        if not paths:
            empty.append(q["q"])
        cards += len(found)
        marked += sum(1 for r in found if r["marks"])
        if hit < 1 or not paths or paths[0] not in relevant:
            misses.append(f"{q['lang']} {q['q']!r}: recall {hit:.2f}, first {paths[:1]}, missed {sorted(relevant - set(paths))[:3]}")
    mean = sum(recall) / len(recall)
    report = f"recall@10 {mean:.3f}, top-1 {top1}/{len(queries)}, empty {empty}, marked {marked}/{cards}\n" + "\n".join(misses)
    assert len(queries) >= 50
    assert mean >= 0.95 and top1 >= 0.95 * len(queries) and not empty and marked == cards, report
