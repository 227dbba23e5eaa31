#!/usr/bin/env python3
"""Proves that nothing an editor writes can run a script on a kartu page built in safe mode.

    python3 scripts/xss-suite.py --kartu .build/debug/kartu [--work DIR] [--limit N]
    python3 scripts/xss-suite.py --kartu .build/debug/kartu --unsafe-control   # must find things

Why: safe mode (no `unsafeHTML` in site.yaml) is what lets a site take text from many editors
without anyone reviewing its HTML. A unit test shows that the sanitizer keeps or drops a tag; only a
whole site built from hostile text in every place an editor can write, and loaded in a real
browser, shows that no template, escaping step or theme script lets it through.

The payloads are Tests/Fixtures/xss-payloads/xss-payload-list.txt (payloadbox's list, MIT; see
SOURCE there). One site is generated in --work (default: a temporary folder, removed afterwards):

- every non-empty line as the whole text of a document of its own, so that one payload's
  unclosed construct cannot hide another;
- every 50th in all the free-text front matter of a document (title, summary, municipality,
  project, source, authors, a decision's number, an internship host's place). The kinds are taken
  in turn so that each kind's fields and template are used;
- 20 as theme labels (content/themes.yaml) and 20 as UI strings (templates/i18n/en.yaml). The
  UI strings are picked from those that the built-in theme was seen to show on the control site;
- 20 as a publication's chapters (title, summary and text) and in its title-page fields, so
  that an EPUB is written.

A control site of the same shape, with plain text in every place, is built first. What the theme
itself writes (its script, forms and icons) is learnt from it rather than listed here. Then:

1. build: a document that kartu rejects with an error is moved out and listed with kartu's
   message, and the site is built again. An error that names only an output path (a facet page
   whose slug comes from a front-matter value) is traced back to the document. Warnings (the raw
   HTML that kartu drops) are expected and counted.
2. static: every HTML page, every XHTML document of every EPUB, the Atom feeds and the search
   index. Pages are parsed with html5lib, which implements the WHATWG algorithm that browsers
   use; EPUB documents are parsed as XML, as readers do. A finding is any on* attribute; any
   javascript:, vbscript: or data: URL (except data:image/png|gif|jpeg|webp) in a URL attribute;
   and any script, frame, object, embed, base, form, SVG, MathML, style, link, noscript or meta
   http-equiv element that the control site does not have in the same place. Inside a
   document's text (the theme's <div class="body"> and <div class="intro">) no such element is
   allowed at all. search.js is read for the HTML sinks that index text could reach.
   Containment: where a payload is a page's text, the page after the text must be built as on
   the control site. An unclosed or stray tag in the text changes it: a parser re-opens an
   unclosed <a> around the theme's own content, and a stray </div> closes the theme's container
   early. In an EPUB, such a tag makes the document ill-formed XML.
3. browser: every HTML page in headless Chromium, 40 pages at a time as iframes of one harness
   page, in two browsers. Each page is still its own document with its own trap. A navigation
   costs the same CPU time whether it is a tab's or an iframe's, but a batch of iframes avoids a
   round trip per page: it is 2.5 times faster than one page after another.
   The trap is installed with CDP Page.addScriptToEvaluateOnNewDocument, which runs it in every
   frame before any script of the page. It replaces alert, confirm, prompt, print and open with
   recorders that throw (so that a loop of calls ends), and it records uncaught errors,
   console.error and CSP violations. At the load event it scans the live DOM.
   The pages are served with a report-only Content-Security-Policy (script-src 'self'). It blocks
   nothing, but Chromium reports every inline script, event-handler attribute or javascript: URL
   it meets. Every report goes to the local server as a synchronous request, so that none is lost
   when a page navigates away. Every other host resolves to nothing (--host-resolver-rules), so
   a remote image or script in a payload fails at once and the run stays offline. A batch that
   does not finish is loaded again, one page at a time. The search page is then run with queries
   that match the payload documents. All result pages are shown, and each title must appear as
   the same text.

Output: one line for each stage. Each finding is printed with its page, its payload and what
fired (--findings FILE writes all of them as JSON lines), and the exit status is 1. Exit status
2 means a usage error, or a build that fails for a reason other than a payload document.
Needs html5lib and selenium (python3 -m pip install html5lib selenium), chromium and
chromedriver. scripts/headless_browser.py is not used, because the trap and the browser log
need options that its browser() does not take.
"""

import argparse
import collections
import concurrent.futures
import datetime
import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    import html5lib
except ImportError:
    sys.exit("xss-suite: needs html5lib, the WHATWG HTML parser: python3 -m pip install html5lib")

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAYLOADS = os.path.join(REPO, "Tests", "Fixtures", "xss-payloads", "xss-payload-list.txt")
LANG = "en"
FIELD_STRIDE = 50
SAMPLE = 20
BATCH = 40

# ---- Generating the site ---------------------------------------------------------------------


def yaml_quote(text):
    """A YAML double-quoted scalar. JSON's string syntax is YAML's, but for the characters YAML
    does not allow in a stream (DEL, C1 controls, lone surrogates, U+FEFF, U+FFFE/F): escaped too."""
    quoted = json.dumps(text, ensure_ascii=False)
    return re.sub("[\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]", lambda m: "\\u%04x" % ord(m.group()), quoted)


KINDS = ["change-project", "collaboration-model", "internship-report", "good-practice", "project"]


class SitePlan:
    """The files of one generated site and which payload went where.

    `text(index, place)` is what is written in a place: the payload for the real site, a plain
    marker for the control site. Every map is keyed by payload index."""

    def __init__(self, root):
        self.root = root
        self.by_url = None
        self.files = {}              # path under root -> text
        self.documents = {}          # content path -> (payload index, URL path, what)
        self.label_lines = {}        # line number in themes.yaml -> (theme id, payload index)
        self.ui_lines = {}           # line number in templates/i18n/en.yaml -> (key, payload index)
        self.rejected = []           # (content path, payload index, message)
        self.replaced = []           # (file, key, payload index, message): labels or strings kartu refused

    def write(self):
        for path, text in self.files.items():
            full = os.path.join(self.root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)


def plan_site(root, text, bodies, fields, labels, ui_keys, book, unsafe, title, paginate=None):
    """A one-language site: `bodies`, `fields`, `labels`, `book` are payload indices, `ui_keys`
    (key, payload index) pairs; `text(index, place)` gives what to write."""
    plan = SitePlan(root)
    q = yaml_quote
    plan.files["content/site.yaml"] = (
        f"title:\n  {LANG}: {q(title)}\ndefaultLanguage: {LANG}\nlanguages:\n"
        f"  - code: {LANG}\n    name: \"English\"\n    locale: en-GB\n"
        # A base URL: the EPUB makes links to site pages absolute with it (else plain text).
        "baseURL: https://kartu.invalid/\n"
        + ("unsafeHTML: true\n" if unsafe else "")
        + (f"paginate: {paginate}\n" if paginate else ""))

    theme_ids = [f"theme-{n + 1:02}" for n in range(len(labels))] or ["theme-01"]
    lines = []
    for n, theme in enumerate(theme_ids):
        lines.append(f"{theme}:")
        index = labels[n] if n < len(labels) else None
        label = text(index, "theme label") if index is not None else f"Theme {n + 1}"
        if index is not None:
            plan.label_lines[len(lines) + 1] = (theme, index)
        lines.append(f"  {LANG}: {q(label)}")
    plan.files["content/themes.yaml"] = "\n".join(lines) + "\n"

    if ui_keys:
        # Nested as the built-in file is: "search.label" is `label` under `search:`.
        groups = collections.OrderedDict()
        for key, index in ui_keys:
            head, _, tail = key.partition(".")
            groups.setdefault(head if tail else None, []).append((tail or head, key, index))
        lines = []
        for head, entries in groups.items():
            if head:
                lines.append(f"{head}:")
            for leaf, key, index in entries:
                plan.ui_lines[len(lines) + 1] = (key, index)
                lines.append(("  " if head else "") + f"{leaf}: {q(text(index, 'UI string ' + key))}")
        plan.files[f"templates/i18n/{LANG}.yaml"] = "\n".join(lines) + "\n"

    plan.files[f"content/{LANG}/index.md"] = "---\ntitle: \"Home\"\n---\n\nThe XSS suite's site.\n"

    plan.files[f"content/{LANG}/payloads/_index.md"] = "---\ntitle: \"Payloads in the text\"\n---\n"
    width = max(5, len(str(max(bodies, default=0) + 1)))
    for index in bodies:
        name = f"p{index + 1:0{width}}"
        path = f"content/{LANG}/payloads/{name}.md"
        plan.files[path] = (f"---\ntitle: \"Payload {index + 1}\"\nkind: page\ndate: 2001-01-01\n---\n\n"
                            f"{text(index, 'text')}\n")
        plan.documents[path] = (index, f"/{LANG}/payloads/{name}/", "text")

    plan.files[f"content/{LANG}/fields/_index.md"] = "---\ntitle: \"Payloads in front matter\"\n---\n"
    start = datetime.date(2020, 1, 1)
    for n, index in enumerate(fields):
        kind = KINDS[n % len(KINDS)]
        value = q(text(index, "front matter"))
        day = (start + datetime.timedelta(days=n)).isoformat()
        fm = [f"title: {value}", f"kind: {kind}", f"date: {day}", f"summary: {value}",
              f"source: {value}", f"authors: [{value}]", f"themes: [{theme_ids[n % len(theme_ids)]}]",
              "levels: [school]"]
        if kind != "internship-report":
            fm.append(f"municipality: {value}")
        if kind in ("good-practice", "project"):
            fm.append(f"project: {value}")
        if kind == "collaboration-model":
            fm.append(f"decision:\n  date: {day}\n  number: {value}")
        if kind == "internship-report":
            fm.append(f"host:\n  place: {value}\n  country: LT\nperiod:\n  start: {day}\n  end: {day}")
        name = f"f{index + 1:0{width}}"
        path = f"content/{LANG}/fields/{name}.md"
        # A word of its own in every such document's text: a search for it lists them all.
        plan.files[path] = "---\n" + "\n".join(fm) + f"\n---\n\nFront matter sample {n + 1}: xsssample.\n"
        plan.documents[path] = (index, f"/{LANG}/fields/{name}/", f"front matter ({kind})")

    if book:
        folder = f"content/{LANG}/publications/xss-book"
        first = book[0]
        value = q(text(first, "publication"))
        plan.files[f"{folder}/index.md"] = (
            f"---\ntitle: {value}\nkind: publication\nsubtitle: {value}\nsummary: {value}\n"
            f"license: {value}\nisbn: {value}\neditors: [{value}]\npartners: [{value}]\nyear: 2020\n"
            f"date: 2020-06-01\n---\n\n{text(first, 'publication text')}\n")
        plan.documents[f"{folder}/index.md"] = (first, f"/{LANG}/publications/xss-book/", "publication")
        for n, index in enumerate(book):
            path = f"{folder}/chapter-{n + 1:02}.md"
            plan.files[path] = (f"---\ntitle: {q(text(index, 'chapter title'))}\nkind: chapter\nweight: {n + 1}\n"
                                f"summary: {q(text(index, 'chapter summary'))}\n---\n\n{text(index, 'chapter text')}\n")
            plan.documents[path] = (index, f"/{LANG}/publications/xss-book/chapter-{n + 1:02}/", "chapter")
    return plan


# ---- Building --------------------------------------------------------------------------------

DIAGNOSTIC = re.compile(r"^(?P<file>[^\s:][^:]*?)(?::(?P<line>\d+)(?::(?P<col>\d+))?)?: (?P<severity>error|warning): (?P<message>.*)$")


def diagnostics(stderr):
    """kartu's gcc-style diagnostics, each with its hint lines."""
    found = []
    for line in stderr.splitlines():
        match = DIAGNOSTIC.match(line)
        if match:
            found.append(dict(match.groupdict(), hint=""))
        elif found and line.startswith("    "):
            found[-1]["hint"] += line.strip() + " "
    return found


def build(kartu, plan, output):
    """Builds; a document kartu refuses with an error is moved out and listed, a theme label or
    UI string replaced by plain text and listed, and the site built again.
    Returns (the last run's stderr, its diagnostics, seconds of the last build)."""
    rejected_dir = os.path.join(os.path.dirname(plan.root), os.path.basename(plan.root) + "-rejected")
    for attempt in range(12):
        started = time.monotonic()
        result = subprocess.run([kartu, "build", "--root", plan.root, "--output", output],
                                capture_output=True, text=True)
        seconds = time.monotonic() - started
        found = diagnostics(result.stderr)
        if result.returncode == 0:
            return result.stderr, found, seconds
        errors = [d for d in found if d["severity"] == "error"]
        handled = False
        for error in errors:
            path, message = error["file"], (error["message"] + " " + error["hint"]).strip()
            if path in plan.documents and os.path.exists(os.path.join(plan.root, path)):
                index = plan.documents[path][0]
                os.makedirs(os.path.dirname(os.path.join(rejected_dir, path)), exist_ok=True)
                os.replace(os.path.join(plan.root, path), os.path.join(rejected_dir, path))
                plan.rejected.append((path, index, message))
                handled = True
            elif path in plan.documents:
                handled = True  # a second error in a file already moved out
            elif path in ("content/themes.yaml", f"templates/i18n/{LANG}.yaml") and error["line"]:
                lines_map = plan.label_lines if path.endswith("themes.yaml") else plan.ui_lines
                line = int(error["line"])
                if line in lines_map:
                    key, index = lines_map.pop(line)
                    full = os.path.join(plan.root, path)
                    with open(full, encoding="utf-8") as f:
                        lines = f.read().split("\n")
                    prefix = lines[line - 1].split(":", 1)[0]
                    lines[line - 1] = prefix + ": " + yaml_quote(f"Replaced {key}")
                    with open(full, "w", encoding="utf-8") as f:
                        f.write("\n".join(lines))
                    plan.replaced.append((path, key, index, message))
                    handled = True
        if not handled:
            handled = attribute_unlocated(plan, result.stderr, rejected_dir)
        if result.returncode != 1 or not handled:
            print(result.stderr[-6000:], file=sys.stderr)
            sys.exit(f"xss-suite: kartu build of {plan.root} failed (exit {result.returncode}) "
                     "with errors in no payload document")
    sys.exit("xss-suite: the build still fails after 12 rounds of moving documents out")


def role_of_pages(plan):
    """For the containment check, the kind of each page that shows a payload as its text, among
    the documents built: a text document, the publication's landing page, and its chapters as
    first, middle or last (the chapter pager differs)."""
    rejected = {path for path, _, _ in plan.rejected}
    built = [(path, url, what) for path, (_, url, what) in plan.documents.items() if path not in rejected]
    chapters = sorted(path for path, _, what in built if what == "chapter")
    roles = {}
    for path, url, what in built:
        page = url[1:] + "index.html"
        if what == "text" or what == "publication":
            roles[page] = what
        elif what == "chapter":
            n = chapters.index(path)
            roles[page] = ("chapter", n == 0, n == len(chapters) - 1)
    return roles.get


def rough_slug(text):
    """About kartu's slug of a text, for ASCII text: lower case, runs of other characters a hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def attribute_unlocated(plan, stderr, rejected_dir):
    """An error that names no content file but an output path ("cannot write 'en/municipality/…'",
    a facet page whose slug comes from a front-matter value): the documents whose value gives that
    slug are moved out, listed with the message."""
    handled = False
    for match in re.finditer(r"^(?:error: )?cannot write '([^']+)'(.*)$", stderr, re.M | re.I):
        segment = match.group(1).rstrip("/").rsplit("/", 1)[-1]
        hint = stderr[match.end():].split("\n", 2)[1].strip() if "\n" in stderr[match.end():] else ""
        for path, (index, url, what) in list(plan.documents.items()):
            full = os.path.join(plan.root, path)
            if what.startswith("front matter") and os.path.exists(full):
                with open(full, encoding="utf-8") as f:
                    text = f.read()
                value = json.loads(re.search(r"^title: (.*)$", text, re.M).group(1))
                if rough_slug(value) == segment:
                    os.makedirs(os.path.dirname(os.path.join(rejected_dir, path)), exist_ok=True)
                    os.replace(full, os.path.join(rejected_dir, path))
                    message = (f"(kartu names no file) cannot write '{match.group(1)[:60]}…'{match.group(2)} "
                               f"{hint}").strip()
                    plan.rejected.append((path, index, message))
                    handled = True
    return handled


def warning_kinds(found):
    """Warnings grouped by message with the quoted and numbered parts taken out."""
    kinds = collections.Counter()
    for d in found:
        if d["severity"] == "warning":
            kinds[re.sub(r"'[^']*'|\"[^\"]*\"|\d+", "…", d["message"])[:90]] += 1
    return kinds


# ---- Static check ----------------------------------------------------------------------------

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "lowsrc", "dynsrc",
                  "codebase", "cite", "longdesc", "usemap", "ping", "manifest", "icon", "profile", "archive",
                  "classid", "itemtype", "xml:base", "base"}
SRCSET_ATTRIBUTES = {"srcset", "imagesrcset"}
# Elements that can run or load active content, change where the page's links lead, submit, or
# (SVG, MathML, style) bring in a second parser or legacy script hooks. The theme may have some of
# its own (a search form, an icon, its script): only those the control site has at the same place.
ACTIVE = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "svg", "math",
          "style", "portal", "fencedframe", "noscript", "template", "isindex", "xml", "link", "meta"}
# Inside the text of a document (the theme's <div class="body"> and <div class="intro">): none at all.
CONTENT_CLASSES = {"body", "intro"}
SAFE_DATA = re.compile(r"^data:image/(png|gif|jpeg|webp)[;,]", re.I)
CSS_SCRIPT = re.compile(r"expression\s*\(|javascript:|vbscript:|-moz-binding|behavior\s*:|@import", re.I)


def local(name):
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower() if isinstance(name, str) else ""


def bad_url(value):
    """The scheme as a browser sees it: C0 controls and spaces around it dropped, tabs and line
    breaks removed anywhere (WHATWG URL), letters of any case. Returns what is wrong, or None."""
    url = re.sub(r"[\t\n\r]", "", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11"
                                                  "\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    lowered = url.lower()
    if lowered.startswith(("javascript:", "vbscript:", "livescript:", "mocha:")):
        return "script URL"
    if lowered.startswith("data:") and not SAFE_DATA.match(url):
        return "data: URL"
    return None


def signature(element):
    """What identifies one of the theme's own active elements: its tag and attributes, and for
    those whose inside matters (script, style, SVG, MathML, object) its whole serialized subtree.
    A form's or noscript's inside holds UI strings, so only the element's own attributes count;
    a link's or meta's address and text differ from page to page, so only its kind counts."""
    tag = local(element.tag)
    if tag == "link":
        return ("link", element.get("rel"), element.get("type"))
    if tag == "meta":
        return ("meta", tuple(sorted((local(k), v) for k, v in element.attrib.items()
                                     if local(k) in ("http-equiv", "charset"))))
    attributes = tuple(sorted((local(k), v) for k, v in element.attrib.items()))
    if tag in ("form", "noscript", "template"):
        return (tag, attributes)
    return (tag, attributes, hashlib.sha1(ET.tostring(element, encoding="unicode").encode()).hexdigest())


def snippet(element, whole=True):
    """The element as markup, for a report: its whole subtree, or only its start tag when the
    finding is one of its attributes (a <body> with an event attribute holds the whole page)."""
    if whole:
        text = ET.tostring(element, encoding="unicode")
        text = re.sub(r"\sxmlns(:\w+)?=\"[^\"]*\"", "", text)
        text = re.sub(r"html:|ns\d+:", "", text)
    else:
        attributes = "".join(f' {local(k)}="{v}"' for k, v in element.attrib.items())
        text = f"<{local(element.tag)}{attributes}>"
    return re.sub(r"\s+", " ", text).strip()[:240]


def scan_tree(root, allowed=None, signatures=None, place="page"):
    """Findings in one parsed document: [(what, snippet)]. `allowed` is the control site's set of
    (region, signature) of the theme's own active elements; on the control site `signatures`
    collects them instead. Regions: "content" (a document's text: nothing active allowed), "main",
    and `place` for the rest ("page", or "epub" for the documents of a book)."""
    findings = []

    def walk(element, region):
        if not isinstance(element.tag, str):
            return  # a comment or processing instruction
        tag = local(element.tag)
        if tag == "main":
            region = "main"
        if tag == "div" and region in ("main", "epub") and set((element.get("class") or "").split()) & CONTENT_CLASSES:
            region = "content"
        for name, value in element.attrib.items():
            attribute = local(name)
            if attribute.startswith("on") or name.rsplit("}", 1)[-1].lower().startswith("on"):
                findings.append((f"event attribute {attribute}", snippet(element, False)))
            elif attribute in URL_ATTRIBUTES:
                problem = bad_url(value)
                if problem:
                    findings.append((f"{problem} in {attribute}", snippet(element, False)))
            elif attribute in SRCSET_ATTRIBUTES:
                for candidate in value.split(","):
                    problem = bad_url(candidate.strip().split(" ")[0]) if candidate.strip() else None
                    if problem:
                        findings.append((f"{problem} in {attribute}", snippet(element, False)))
            elif attribute == "srcdoc":
                findings.append(("srcdoc attribute", snippet(element, False)))
            elif attribute == "style" and CSS_SCRIPT.search(value):
                findings.append(("script in a style attribute", snippet(element, False)))
            elif attribute in ("to", "from", "values", "by") and tag in ("animate", "set") and bad_url(value):
                findings.append((f"script URL in SVG <{tag}> {attribute}", snippet(element, False)))
        if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            target = re.split(r"url\s*=", element.get("content") or "", maxsplit=1, flags=re.I)
            if len(target) == 2 and bad_url(target[1].strip("'\" ")):
                findings.append(("script URL in meta refresh", snippet(element, False)))
        # A meta is active only as http-equiv (refresh, a policy, cookies); its name/content
        # pairs carry the page's description.
        if tag in ACTIVE and (tag != "meta" or element.get("http-equiv") is not None):
            key = (region, signature(element))
            if region == "content":
                findings.append((f"<{tag}> in a document's text", snippet(element)))
            elif signatures is not None:
                signatures.add(key)
            elif allowed is not None and key not in allowed:
                findings.append((f"<{tag}> the theme does not write ({region})", snippet(element)))
            if tag == "style" and element.text and CSS_SCRIPT.search(element.text):
                findings.append(("script in a style sheet", snippet(element)))
        for child in element:
            walk(child, region)

    walk(root, place)
    return findings


_PARSER = None


def parse_html(data):
    """The page as a browser's parser builds it (html5lib: the WHATWG algorithm). kartu writes
    UTF-8 and says so; decoding here spares html5lib its encoding sniffing."""
    global _PARSER
    if _PARSER is None:
        _PARSER = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    return _PARSER.parse(data.decode("utf-8", "replace") if isinstance(data, bytes) else data)


def html_pages(output):
    """Every .html file of a built site, relative to it, sorted."""
    return sorted(os.path.relpath(os.path.join(folder, name), output).replace(os.sep, "/")
                  for folder, _, names in os.walk(output) for name in names if name.endswith(".html"))


def epubs(output):
    """Every .epub file of a built site, relative to it, sorted."""
    return sorted(os.path.relpath(os.path.join(folder, name), output).replace(os.sep, "/")
                  for folder, _, names in os.walk(output) for name in names if name.endswith(".epub"))


def shape(element):
    """An element's structure, for comparing the theme's markup around a text with the control
    site's: tag, class, whether text follows it, and its children's shapes with runs of equal
    ones taken as one (a list of related documents is as long as it is)."""
    children = [shape(child) for child in element if isinstance(child.tag, str)]
    runs = tuple(c for n, c in enumerate(children) if n == 0 or c != children[n - 1])
    return (local(element.tag), element.get("class") or "", bool((element.tail or "").strip()), runs)


def after_text(tree):
    """The page's structure after a document's text: what follows the theme's <div class="body">
    at each level up to <html>, and whether text follows the div. The browser builds what comes
    after the text from the text's open elements too, so an unclosed element (an <a> that the
    parser re-opens around the theme's own links) or a stray end tag (a </div> that closes the
    theme's container early) shows here. None when the page has no such div."""
    parents = {child: parent for parent in tree.iter() for child in parent}
    body = next((e for e in tree.iter() if local(e.tag) == "div" and "body" in (e.get("class") or "").split()), None)
    if body is None:
        return None
    levels = [("text after the div", bool((body.tail or "").strip()))]
    node = body
    while node in parents:
        parent = parents[node]
        siblings = [c for c in parent if isinstance(c.tag, str)]
        following = [shape(c) for c in siblings[siblings.index(node) + 1:]]
        runs = tuple(c for n, c in enumerate(following) if n == 0 or c != following[n - 1])
        levels.append((local(parent.tag), parent.get("class") or "", runs))
        node = parent
    return tuple(levels)


# The pool's workers get the control site's signatures and shapes by fork, not by pickling them
# for each page.
_ALLOWED = None
_SHAPES = None


def examine(tree, page, role, allowed, signatures, shapes):
    """The findings of one parsed page; on the control site, what it teaches instead."""
    found = [(page, what, where) for what, where in scan_tree(tree, allowed, signatures)]
    if role is not None:
        after = after_text(tree)
        if signatures is not None:
            shapes.setdefault(role, set()).add(after)
        elif shapes.get(role) and after not in shapes[role]:
            found.append((page, "the text's markup reaches out of its container: the page after the text is not "
                                "built as the theme's is (an unclosed or stray tag)", describe_after(tree)))
    return found


def describe_after(tree):
    """What follows the text's container, for a report."""
    body = next((e for e in tree.iter() if local(e.tag) == "div" and "body" in (e.get("class") or "").split()), None)
    if body is None:
        return ""
    parents = {child: parent for parent in tree.iter() for child in parent}
    parent = parents.get(body)
    siblings = [c for c in parent if isinstance(c.tag, str)] if parent is not None else []
    following = siblings[siblings.index(body) + 1:siblings.index(body) + 3] if body in siblings else []
    return ("text after it: " + repr(body.tail.strip()[:60]) + "; " if (body.tail or "").strip() else "") + \
        " ".join(snippet(e) for e in following)


def check_page(job):
    """One HTML page (a worker's job): its findings, and its text and attribute values when asked
    (to tell which shared payloads reached a page)."""
    output, page, keep_text, role = job
    with open(os.path.join(output, page), "rb") as f:
        tree = parse_html(f.read())
    found = examine(tree, page, role, _ALLOWED, None, _SHAPES)
    text = None
    if keep_text:
        text = "\x00".join(list(tree.itertext()) + [v for e in tree.iter() for v in e.attrib.values()])
    return found, text


def check_epub(output, book, allowed, signatures):
    """Every XHTML document of an EPUB, parsed as XML as readers do; the package must mark none
    of them scripted (unless the control's book does)."""
    findings = []
    count = 0
    with zipfile.ZipFile(os.path.join(output, book)) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            if name.endswith(".opf"):
                for item in ET.fromstring(data).iter("{http://www.idpf.org/2007/opf}item"):
                    if "scripted" in (item.get("properties") or "").split():
                        key = ("epub", ("scripted", item.get("href")))
                        if signatures is not None:
                            signatures.add(key)
                        elif key not in (allowed or set()):
                            findings.append((f"{book}!{name}", "a document marked scripted", item.get("href")))
            if not name.lower().endswith((".xhtml", ".html", ".htm", ".svg")):
                continue
            count += 1
            try:
                tree = ET.fromstring(data)
            except ET.ParseError as error:
                # A reader that falls back to HTML would read it as a page: checked as one too.
                line = data.decode("utf-8", "replace").split("\n")[error.position[0] - 1]
                findings.append((f"{book}!{name}", f"not well-formed XML ({error})", line[:240]))
                tree = parse_html(data)
            for what, where in scan_tree(tree, allowed, signatures, place="epub"):
                findings.append((f"{book}!{name}", what, where))
    return findings, count


def check_feeds(output):
    """Atom text is plain text unless type="html" or "xhtml", which a feed reader shows as HTML:
    those must hold nothing active. Returns (findings, entries)."""
    findings = []
    entries = 0
    for folder, _, names in os.walk(output):
        for name in names:
            if not name.endswith(".xml") or name == "sitemap.xml":
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, output)
            try:
                feed = ET.parse(path).getroot()
            except ET.ParseError as error:
                findings.append((relative, f"not well-formed XML ({error})", ""))
                continue
            entries += sum(1 for _ in feed.iter("{http://www.w3.org/2005/Atom}entry"))
            for element in feed.iter():
                kind = element.get("type")
                if local(element.tag) == "link" or kind not in ("html", "xhtml"):
                    continue
                holder = ET.Element("main")
                wrapper = ET.SubElement(holder, "div", {"class": "body"})
                if kind == "html":
                    wrapper.append(html5lib.parseFragment(element.text or "", treebuilder="etree",
                                                          namespaceHTMLElements=False))
                else:
                    wrapper.extend(list(element))
                for what, where in scan_tree(holder, set()):
                    findings.append((relative, what, where))
    return findings, entries


def static_check(output, allowed=None, signatures=None, text_of=lambda page: False, role_of=lambda page: None,
                 shapes=None, workers=2):
    """Every HTML page, EPUB document and feed entry of a built site. On the control site
    (`signatures` given) it learns instead: the theme's active elements into `signatures`, the
    structure after each kind of document's text (`role_of` a page) into `shapes`. Returns
    (findings as [(file, what, snippet)], pages, EPUB documents, feed entries, {page: text} for
    the pages `text_of` names)."""
    global _ALLOWED, _SHAPES
    findings = []
    texts = {}
    pages = html_pages(output)
    jobs = [(output, page, text_of(page), role_of(page)) for page in pages]
    if signatures is not None:
        for _, page, keep, role in jobs:
            with open(os.path.join(output, page), "rb") as f:
                tree = parse_html(f.read())
            findings += examine(tree, page, role, None, signatures, shapes)
            if keep:
                texts[page] = "\x00".join(list(tree.itertext()) + [v for e in tree.iter() for v in e.attrib.values()])
    else:
        _ALLOWED, _SHAPES = allowed, shapes
        import multiprocessing
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for (page_findings, text), job in zip(pool.imap(check_page, jobs, chunksize=64), jobs):
                findings += page_findings
                if text is not None:
                    texts[job[1]] = text
    documents = 0
    for book in epubs(output):
        book_findings, count = check_epub(output, book, allowed, signatures)
        findings += book_findings
        documents += count
    feed_findings, entries = check_feeds(output)
    return findings + feed_findings, len(pages), documents, entries, texts


SINKS = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function|"
                   r"setAttribute\(\s*[\"']on|\.srcdoc|createContextualFragment|DOMParser|"
                   r"set(Timeout|Interval)\(\s*[\"'`]|\.(href|src|action)\s*=")


def search_check(output):
    """The search index holds plain values (strings, ids) and URLs of this site only; search.js
    puts index text into the page through no HTML sink. Returns (findings, (files, documents,
    strings, strings holding '<'), the sinks of search.js as (line number, sink, line))."""
    findings = []
    files = strings = marked = documents = 0
    for folder, _, names in os.walk(output):
        if os.path.basename(folder) != "search":
            continue
        for name in sorted(names):
            if not name.endswith(".json"):
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, output)
            files += 1
            try:
                with open(path, encoding="utf-8") as f:
                    data = json.load(f)
            except ValueError as error:
                findings.append((relative, f"not JSON: {error}", ""))
                continue
            if name.startswith("c-"):
                # A chunk of cards: strings, and the list of a document's other fields.
                if not isinstance(data, list):
                    findings.append((relative, "a chunk of cards that is not a list", str(data)[:200]))
                    continue
                for doc in data:
                    documents += 1
                    values = [v for k, v in doc.items() if k != "f"] + list(doc.get("f") or []) if isinstance(doc, dict) else [doc]
                    if not isinstance(doc, dict) or not all(isinstance(v, str) for v in values):
                        findings.append((relative, "a card that is not plain strings", str(doc)[:200]))
                        continue
                    strings += len(values)
                    marked += sum("<" in v for v in values)
                    url = doc.get("u", "")
                    if not url.startswith("/") or url.startswith("//") or bad_url(url):
                        findings.append((relative, "a result URL that is not a path of this site", url[:200]))
            elif name.startswith("d-"):
                # A document's passages: number → text.
                passages = data.get("p") if isinstance(data, dict) else None
                if not isinstance(passages, dict) or not all(isinstance(v, str) for v in passages.values()):
                    findings.append((relative, "a passage file that is not plain strings", str(data)[:200]))
                    continue
                strings += len(passages)
                marked += sum("<" in v for v in passages.values())
            elif name.startswith("t-"):
                # stem → form → three lists of numbers.
                for stem, forms in data.items():
                    if not (isinstance(forms, dict) and all(isinstance(lists, list) and len(lists) == 3 and all(
                            isinstance(x, list) and all(isinstance(i, int) for i in x) for x in lists) for lists in forms.values())):
                        findings.append((relative, "a stem entry that is not forms with lists of numbers", f"{stem}: {str(forms)[:200]}"))
    sinks = []
    script = os.path.join(output, "assets", "search.js")
    if os.path.exists(script):
        with open(script, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                code = line.split("//", 1)[0] if "://" not in line else line
                for match in SINKS.finditer(code):
                    sinks.append((number, match.group(), line.strip()))
    for number, sink, line in sinks:
        # An HTML sink is a finding whatever it is given; an address sink only takes the result's
        # URL, which is checked above to be a path of this site.
        if re.match(r"\.(href|src|action)\s*=", sink):
            if not re.search(r"\.href\s*=\s*doc\.u\s*;", line):
                findings.append(("assets/search.js", f"address sink {sink.strip()} at line {number}", line))
        else:
            findings.append(("assets/search.js", f"HTML sink {sink} at line {number}", line))
    return findings, (files, documents, strings, marked), sinks


# ---- Browser check ---------------------------------------------------------------------------

TRAP = r"""
(function () {
  "use strict";
  // The xss-suite's trap: in every document before its own scripts. Everything it needs is taken
  // now, before a payload could replace it.
  var config = __CONFIG__;
  var XHR = window.XMLHttpRequest, open = XHR && XHR.prototype.open, send = XHR && XHR.prototype.send;
  var stringify = JSON.stringify, slice = Array.prototype.slice, String_ = String;
  var beacon = navigator.sendBeacon && navigator.sendBeacon.bind(navigator);
  var consoleError = console.error;
  function report(kind, detail, scan) {
    var body = stringify({kind: kind, page: String_(location.href), top: window === window.top,
                          detail: String_(detail).slice(0, 400), scan: scan || []});
    try {
      var x = new XHR();
      open.call(x, "POST", config.report, false);  // synchronous: recorded before the page goes on
      send.call(x, body);
    } catch (e) {
      try { beacon(config.report, body); } catch (e2) {}
    }
  }
  ["alert", "confirm", "prompt", "print", "open", "showModalDialog"].forEach(function (name) {
    var trap = function () {
      report("call", name + "(" + slice.call(arguments).map(function (a) { return String_(a).slice(0, 60); }).join(", ") + ")");
      // Thrown, so that a payload's loop of calls ends at the first.
      throw new Error("xss-suite: " + name + " blocked");
    };
    try { Object.defineProperty(window, name, {value: trap, writable: false, configurable: false}); } catch (e) {}
  });
  console.error = function () {
    report("console.error", slice.call(arguments).map(String_).join(" "));
    return consoleError.apply(console, arguments);
  };
  window.addEventListener("error", function (e) {
    if (e instanceof ErrorEvent) report("error", e.message + " at " + e.filename + ":" + e.lineno);
  }, true);
  window.addEventListener("unhandledrejection", function (e) { report("error", "unhandled rejection: " + e.reason); }, true);
  window.addEventListener("securitypolicyviolation", function (e) {
    report("csp", e.effectiveDirective + " blocked " + (e.blockedURI || "?") + " at line " + e.lineNumber +
           (e.sample ? ": " + e.sample : ""));
  }, true);
  var URLS = /^(href|src|action|formaction|data|poster|background|lowsrc|dynsrc|codebase|xlink:href|srcdoc)$/i;
  function scan() {
    var found = [];
    var all = document.getElementsByTagName("*");
    for (var i = 0; i < all.length; i++) {
      var element = all[i], tag = element.localName;
      for (var j = 0; j < element.attributes.length; j++) {
        var a = element.attributes[j];
        if (/^on/i.test(a.name)) found.push(tag + " " + a.name + "=" + a.value.slice(0, 80));
        else if (URLS.test(a.name)) {
          var v = a.value.replace(/[\t\n\r]/g, "").replace(/^[\x00-\x20]+/, "").toLowerCase();
          if (a.name.toLowerCase() === "srcdoc" || /^(javascript|vbscript):/.test(v) ||
              (/^data:/.test(v) && !/^data:image\/(png|gif|jpeg|webp)[;,]/.test(v)))
            found.push(tag + " " + a.name + "=" + a.value.slice(0, 80));
        }
      }
      if (tag === "script" && config.scripts.indexOf(element.src ? new URL(element.src).pathname : "inline:" + element.text.length) < 0)
        found.push("script " + (element.src || element.text.slice(0, 80)));
      if (/^(iframe|frame|frameset|object|embed|applet|base|portal)$/.test(tag)) found.push(tag);
    }
    return found;
  }
  window.addEventListener("load", function () {
    if (location.protocol === "about:" && window !== window.top && !config.blank) return;
    var found = scan();
    report("loaded", found.length + " suspicious", found.slice(0, 20));
  });
})();
//# sourceURL=xss-suite-trap.js
"""


class Recorder(http.server.SimpleHTTPRequestHandler):
    """The site, with a report-only CSP on pages, the harness page and the trap's reports."""

    reports = None
    lock = None

    def log_message(self, *args):
        pass

    def end_headers(self):
        if self.path.split("?")[0].endswith((".html", "/")):
            # Blocks nothing; the browser reports every script that does not come from a file of
            # this host: inline scripts, event handlers, javascript: URLs, eval.
            self.send_header("Content-Security-Policy-Report-Only",
                             "script-src 'self' 'report-sample'; object-src 'none'; base-uri 'self'")
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self):
        if self.path.startswith("/__xss/harness"):
            # An icon of its own: else the browser asks for /favicon.ico, and logs the 404.
            body = (b"<!DOCTYPE html><html><head><title>xss-suite</title><link rel=\"icon\" href=\"data:,\">"
                    b"</head><body></body></html>")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(length)
        try:
            record = json.loads(data.decode("utf-8", "replace"))
        except ValueError:
            record = {"kind": "unreadable", "page": "?", "detail": data[:200].decode("utf-8", "replace")}
        with self.lock:
            self.reports.append(record)
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()


def serve(root):
    reports = []
    handler = type("Handler", (Recorder,), {"reports": reports, "lock": threading.Lock()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=root))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, reports


def browser(trap):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    os.environ.setdefault("SE_OFFLINE", "true")
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--window-size=1024,768", "--disable-extensions", "--no-first-run",
                     "--disable-background-networking", "--mute-audio",
                     # Offline and fast: any host but this one is not found.
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # A dialog that opened in spite of the trap is left open, so that the next command sees it.
    options.set_capability("unhandledPromptBehavior", "ignore")
    driver = webdriver.Chrome(options=options)
    driver.set_page_load_timeout(20)
    driver.set_script_timeout(30)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": trap})
    return driver


HARNESS_PAGE = "__xss/harness.html"
HARNESS = """
var urls = arguments[0], done = arguments[arguments.length - 1];
document.body.textContent = "";
var left = urls.length, seen = new Set();
var timer = setTimeout(function () { done({timeout: true}); }, arguments[1]);
urls.forEach(function (url, n) {
  var frame = document.createElement("iframe");
  frame.loading = "eager";
  frame.width = 800; frame.height = 600;
  frame.addEventListener("load", function () {
    if (seen.has(n)) return;
    seen.add(n);
    if (--left === 0) { clearTimeout(timer); done({timeout: false}); }
  });
  frame.src = url;
  document.body.appendChild(frame);
});
"""


class BrowserRun:
    """One browser's share of the pages: batches of iframes in a harness page, each batch that
    did not finish (a page that navigated the harness away, hung, or opened a real dialog) loaded
    again one page at a time."""

    def __init__(self, base, trap, batch):
        self.base = base
        self.trap = trap
        self.batch = batch
        self.driver = None
        self.console = []         # (pages, level, source, message)
        self.problems = []        # (page, what)
        self.single = 0

    def start(self):
        if self.driver:
            try:
                self.driver.quit()
            except Exception:
                pass
        self.driver = browser(self.trap)

    def logs(self, pages):
        try:
            for entry in self.driver.get_log("browser"):
                self.console.append((pages, entry.get("level"), entry.get("source", ""), entry.get("message", "")))
        except Exception as error:  # a dialog left open answers every command with an error
            self.dismiss(pages, error)

    def dismiss(self, pages, error):
        from selenium.common.exceptions import UnexpectedAlertPresentException
        try:
            alert = self.driver.switch_to.alert
            self.problems.append((pages[0] if len(pages) == 1 else ", ".join(pages[:3]) + "…",
                                  f"a real dialog opened: {alert.text!r}"))
            alert.dismiss()
        except Exception:
            if not isinstance(error, UnexpectedAlertPresentException):
                raise

    def run(self, pages):
        from selenium.common.exceptions import WebDriverException
        self.start()
        harness = self.base + HARNESS_PAGE
        for start in range(0, len(pages), self.batch):
            batch = pages[start:start + self.batch]
            ok = False
            try:
                if self.driver.current_url != harness:
                    self.driver.get(harness)
                result = self.driver.execute_async_script(HARNESS, [self.base + p for p in batch], 15000)
                ok = not result["timeout"] and self.driver.current_url == harness
            except WebDriverException:
                ok = False
            self.logs(batch)
            if not ok:
                for page in batch:
                    self.one(page)
        try:
            self.driver.quit()
        except Exception:
            pass
        return self

    def one(self, page):
        """A page as the top document. A page that still hangs is a finding; the browser is
        started again."""
        from selenium.common.exceptions import WebDriverException
        self.single += 1
        try:
            self.driver.get(self.base + page)
            time.sleep(0.05)
            self.logs([page])
        except WebDriverException as error:
            try:
                self.dismiss([page], error)
                self.driver.get("about:blank")
            except Exception:
                self.problems.append((page, f"the page did not load: {str(error).splitlines()[0][:160]}"))
                self.start()


def browser_check(output, pages, theme_scripts, browsers, batch, queries=None):
    """Loads every page in `pages` with the trap. Returns the server's reports, console entries,
    problems and how many pages were loaded one by one."""
    server, reports = serve(output)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    config = {"report": base + "__xss/report", "scripts": sorted(theme_scripts), "blank": False}
    trap = TRAP.replace("__CONFIG__", json.dumps(config))
    shares = [pages[i::browsers] for i in range(browsers)]
    with concurrent.futures.ThreadPoolExecutor(len(shares)) as pool:
        runs = list(pool.map(lambda share: BrowserRun(base, trap, batch).run(share), shares))
    search = search_ui(base, trap, queries) if queries else {"queries": [], "console": [], "problems": []}
    server.shutdown()
    server.server_close()
    console = [c for run in runs for c in run.console] + search["console"]
    problems = [p for run in runs for p in run.problems] + search["problems"]
    return reports, console, problems, sum(run.single for run in runs), search, base


SEARCH_RESULTS = """
var list = document.getElementById("search-results");
var tags = {}, attributes = {};
Array.prototype.forEach.call(list.querySelectorAll("*"), function (e) {
  tags[e.localName] = true;
  Array.prototype.forEach.call(e.attributes, function (a) { attributes[a.name] = true; });
});
return {status: document.getElementById("search-status").textContent,
        busy: document.getElementById("kartu-search").getAttribute("aria-busy"),
        more: !document.getElementById("search-more").hidden,
        titles: Array.prototype.map.call(list.querySelectorAll("li > h2 > a"), function (a) { return a.textContent; }),
        hrefs: Array.prototype.map.call(list.querySelectorAll("li > h2 > a"), function (a) { return a.getAttribute("href"); }),
        tags: Object.keys(tags).sort(), attributes: Object.keys(attributes).sort()};
"""


def search_ui(base, trap, queries):
    """The theme's search page, with queries that match payload documents; every page of results
    shown ("Show more" until it goes away)."""
    from selenium.webdriver.common.by import By
    found = {"queries": [], "console": [], "problems": []}
    driver = browser(trap)
    try:
        for query, limit in queries:
            url = f"{base}{LANG}/search/?q={urllib.parse.quote(query)}"
            driver.get(url)
            state = None
            clicks = 0
            for _ in range(400):
                state = driver.execute_script(SEARCH_RESULTS)
                if state["status"] and not state["busy"]:
                    if state["more"] and clicks < limit:
                        driver.find_element(By.ID, "search-more").click()
                        clicks += 1
                        time.sleep(0.03)
                        continue
                    break
                time.sleep(0.03)
            found["queries"].append((query, url, state))
            for entry in driver.get_log("browser"):
                found["console"].append(([url], entry.get("level"), entry.get("source", ""), entry.get("message", "")))
    finally:
        driver.quit()
    return found


# Words the generated documents have: "xsssample" is in every front-matter document's text (its
# results show the payload titles); "alert", "prompt" and "script" are in many payloads' text.
SEARCH_QUERIES = [("xsssample", 1000), ("alert", 3), ("prompt", 3), ("script", 3)]


# ---- Reporting -------------------------------------------------------------------------------


def payload_for(plan, page):
    """The payload a page was made for, if it was made for one: (index, place) or (None, None)."""
    if plan.by_url is None:
        plan.by_url = {url: (index, what) for index, url, what in plan.documents.values()}
    book = re.search(r"\.epub!.*chapter-(\d+)\.xhtml$", page)
    if book:
        # The book's chapters are numbered in reading order, which is the built chapters' order.
        rejected = {path for path, _, _ in plan.rejected}
        chapters = sorted(path for path, (_, _, what) in plan.documents.items()
                          if what == "chapter" and path not in rejected)
        number = int(book.group(1))
        if 0 < number <= len(chapters):
            return plan.documents[chapters[number - 1]][0], "chapter in the EPUB"
    page = page.split("!")[0]
    path = "/" + page[:-len("index.html")] if page.endswith("index.html") else "/" + page
    return plan.by_url.get(path, (None, None))


def suspects(payloads, indices, fragment):
    """Payloads that hold the words of a finding's markup (the parser lowers case and quotes
    attributes, so words, not the markup, are compared), in the order of `indices`."""
    pieces = [p for p in re.split(r"[<>\"'\s=/]+", fragment.lower()) if len(p) >= 5][:3]
    hits = []
    for index in dict.fromkeys(indices):
        if pieces and all(p in payloads[index].lower() for p in pieces):
            hits.append(index)
            if len(hits) == 3:
                break
    return hits


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kartu", required=True, help="the kartu binary")
    parser.add_argument("--work", help="folder for the generated sites (kept); default a temporary one, removed")
    parser.add_argument("--limit", type=int, help="use the first N payloads only (quick runs)")
    parser.add_argument("--unsafe-control", action="store_true",
                        help="negative control: build with unsafeHTML: true; the suite must then find things")
    parser.add_argument("--browsers", type=int, default=2, help="browsers loading pages in parallel")
    parser.add_argument("--batch", type=int, default=BATCH, help="pages per harness batch (iframes)")
    parser.add_argument("--list", type=int, default=20, help="pages or files whose findings are printed")
    parser.add_argument("--findings", help="write every finding to this file, one JSON object a line")
    args = parser.parse_args()
    kartu = os.path.abspath(args.kartu)
    if not os.access(kartu, os.X_OK):
        print(f"xss-suite: no kartu binary at {args.kartu}", file=sys.stderr)
        sys.exit(2)
    started = time.monotonic()
    timings = {}

    with open(PAYLOADS, encoding="utf-8", newline="\n") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line starts no line
    if args.limit:
        lines = lines[:args.limit]
    payloads = {n: line for n, line in enumerate(lines) if line.strip()}
    indices = sorted(payloads)
    n_lines = len(lines)

    work = os.path.abspath(args.work) if args.work else tempfile.mkdtemp(prefix="kartu-xss-")
    if args.work:
        for name in ("control", "control-rejected", "control-site", "site", "site-rejected", "output"):
            shutil.rmtree(os.path.join(work, name), ignore_errors=True)
    os.makedirs(work, exist_ok=True)
    try:
        code = run(args, kartu, work, payloads, indices, n_lines, started, timings)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(code)


def run(args, kartu, work, payloads, indices, n_lines, started, timings):
    unsafe = args.unsafe_control
    busy_at_start = cpu_busy()
    stride = max(1, len(indices) // SAMPLE)
    fields = indices[::FIELD_STRIDE]
    labels = indices[stride // 4::stride][:SAMPLE]
    book = indices[(3 * stride) // 4::stride][:SAMPLE]

    # 1. The control site: the same shape, plain text; every UI string the theme's templates name
    # set to a marker, to learn which of them the pages show.
    t0 = time.monotonic()
    template_keys = theme_ui_keys(kartu, work)
    control_ui = [(key, n) for n, key in enumerate(template_keys)]
    marker = lambda index, place: (f"UIMARK{index}X" if place.startswith("UI string")
                                   else f"Control {place} {index}")
    # Lists of two documents a page: the pagers' links with few documents.
    control = plan_site(os.path.join(work, "control"), marker, indices[:5], fields[:10], labels[:SAMPLE],
                        control_ui, book[:3], unsafe, "Control site", paginate=2)
    control.write()
    unsafe_changes = unsafe_theme(kartu, control.root) if unsafe else []
    control_out = os.path.join(work, "control-site")
    build(kartu, control, control_out)
    signatures = set()
    shapes = {}
    control_findings, *_, control_texts = static_check(control_out, None, signatures, lambda page: True,
                                                       role_of_pages(control), shapes)
    joined = "\x00".join(control_texts.values())
    shown_keys = [key for n, key in enumerate(template_keys) if f"UIMARK{n}X" in joined]
    # The theme's scripts, for the trap's scan of the live DOM: those with a src (an inline one of
    # the theme would be reported there, and by the CSP; the control site shows there is none).
    theme_scripts = {urllib.parse.urlparse(dict(sig[1])["src"]).path for _, sig in signatures
                     if sig[0] == "script" and "src" in dict(sig[1])}
    ui_stride = max(1, len(shown_keys) // SAMPLE)
    ui_keys = shown_keys[::ui_stride][:SAMPLE]
    ui = list(zip(ui_keys, indices[stride // 2::stride]))
    timings["control"] = time.monotonic() - t0

    # 2. The payload site.
    t0 = time.monotonic()
    plan = plan_site(os.path.join(work, "site"), lambda index, place: payloads[index], indices, fields, labels,
                     ui, book, unsafe, "XSS suite")
    plan.write()
    if unsafe:
        unsafe_theme(kartu, plan.root)
    output = os.path.join(work, "output")
    _, found, build_seconds = build(kartu, plan, output)
    timings["build"] = time.monotonic() - t0
    warnings = [d for d in found if d["severity"] == "warning"]

    # 3. Static.
    t0 = time.monotonic()
    # The text of every page but the payload documents' own, to tell which shared payloads (front
    # matter, labels, UI strings) reached a page.
    body_page = re.compile(rf"^{LANG}/payloads/p\d+/index\.html$")
    role_of = role_of_pages(plan)
    findings, n_pages, n_epub_docs, n_feed, texts = static_check(output, signatures, None,
                                                                 lambda page: not body_page.match(page),
                                                                 role_of, shapes)
    contained = [page for page in html_pages(output) if role_of(page) is not None and shapes.get(role_of(page))]
    index_findings, index_counts, sinks = search_check(output)
    findings += index_findings
    books = epubs(output)
    timings["static"] = time.monotonic() - t0
    joined = "\x00".join(texts.values())
    shown = lambda items: sum(1 for _, index in items if payloads[index] in joined)
    labels_shown = shown([(None, i) for i in labels if any(v[1] == i for v in plan.label_lines.values())])
    ui_shown = shown([(k, i) for k, i in ui if any(v == (k, i) for v in plan.ui_lines.values())])
    rejected = {index for path, index, _ in plan.rejected if plan.documents[path][2].startswith("front matter")}
    fields_kept = [i for i in fields if i not in rejected]
    fields_shown = sum(1 for i in fields_kept if payloads[i] in joined)

    # 4. Browser: every page of the site.
    t0 = time.monotonic()
    pages = html_pages(output)
    reports, console, problems, singles, search, _ = browser_check(output, pages, theme_scripts,
                                                                      args.browsers, args.batch, SEARCH_QUERIES)
    timings["browser"] = time.monotonic() - t0

    # The control site's pages in the browser too, one of each shape (the numbers in their paths
    # taken out): what the theme's own pages log is not from a payload.
    t0 = time.monotonic()
    control_pages = list({re.sub(r"\d+", "N", page): page for page in reversed(html_pages(control_out))}.values())
    c_reports, c_console, c_problems, *_ = browser_check(control_out, sorted(control_pages), theme_scripts, 1, args.batch)
    timings["control browser"] = time.monotonic() - t0

    control_errors = sum(1 for _, level, _, _ in c_console if level == "SEVERE")
    browser_findings, loaded, counts = judge(reports, console, problems, pages, c_reports, c_console, c_problems)
    search_findings, search_notes = judge_search(search, plan, payloads)
    browser_findings += search_findings

    # 5. Report.
    in_text = sum(1 for v in plan.documents.values() if v[2] == "text")
    print(f"xss: {n_lines:,} payloads ({len(indices):,} lines non-empty) in {in_text:,} documents, {len(fields)} in front "
          f"matter, {len(labels)} in theme labels, {len(ui)} in UI strings, {len(book)} in a publication's chapters, "
          f"{len(books)} EPUB")
    if unsafe:
        print("UNSAFE CONTROL, findings expected: unsafeHTML: true; " + "; ".join(unsafe_changes))
    print(f"build: {len(plan.documents) - len(plan.rejected):,} documents built with 0 errors after moving out "
          f"{len(plan.rejected)} that kartu rejected with one (listed) and replacing {len(plan.replaced)} labels or "
          f"strings it refused; {len(warnings):,} warnings; {build_seconds:.1f} s")
    for kind, count in warning_kinds(found).most_common(4):
        print(f"    {count:,} × warning: {kind}")
    for path, index, message in plan.rejected:
        print(f"    rejected {path} (payload {index + 1}: {payloads[index][:70]!r}): {message[:150]}")
    for path, key, index, message in plan.replaced:
        print(f"    refused {path} {key} (payload {index + 1}: {payloads[index][:70]!r}): {message[:150]}")
    print(f"reach: on the built pages, {fields_shown} of the {len(fields_kept)} front-matter payloads built, {labels_shown} of "
          f"{len(labels)} theme labels, {ui_shown} of {len(ui)} UI strings ({', '.join(k for k, _ in ui)}: of the "
          f"{len(shown_keys)} keys the theme showed on the control site)")
    sink_text = ", ".join(f"line {n} ({line})" for n, _, line in sinks) or "none"
    leaks = sum(1 for _, what, _ in findings if what.startswith("the text's markup reaches out"))
    broken = sum(1 for _, what, _ in findings if what.startswith("not well-formed"))
    print(f"containment: {len(contained) - leaks:,} of the {len(contained):,} pages whose text is a payload have the "
          f"theme's structure after the text, as on the control site ({leaks:,} do not); {n_epub_docs - broken} of "
          f"{n_epub_docs} EPUB documents are well-formed XML")
    leaks += broken
    print(f"static: {len(findings) - leaks:,} script-capable constructs in {n_pages:,} pages, {n_epub_docs} EPUB documents and "
          f"{n_feed} feed entries; search index: {index_counts[0]} JSON files, {index_counts[1]:,} documents, "
          f"{index_counts[2]:,} strings ({index_counts[3]:,} holding '<') checked for JSON, plain strings, site-path "
          f"URLs; search.js's sinks for index text: {sink_text} ({timings['static']:.0f} s)")
    print(f"browser: {counts['dialogs']:,} dialogs, {counts['errors']:,} errors from injected code, {counts['csp']:,} CSP "
          f"reports of inline script, {counts['live DOM']:,} script-capable attributes or elements in the live DOM, "
          f"in {loaded:,} of {len(pages):,} pages loaded with the trap, {args.batch} at a time in iframes of "
          f"{args.browsers} browsers ({singles} loaded alone after a batch failed); {timings['browser']:.0f} s; "
          f"the control site's {len(control_pages)} kinds of page: {control_errors} console errors "
          f"({timings['control browser']:.0f} s)")
    print(f"search UI: {search_notes}")
    wall = time.monotonic() - started
    busy = cpu_busy() - busy_at_start
    # The machine's busy time, not this process tree's: Chromium's processes are not all reaped
    # through chromedriver, so rusage would miss most of them; and a busy machine explains a slow run.
    load = f"; the machine's {os.cpu_count()} cores busy {busy:.0f} s of {wall * os.cpu_count():.0f}" if busy else ""
    print(f"time: {wall:.0f} s (control site {timings['control']:.0f} s, build {timings['build']:.0f} s, static "
          f"{timings['static']:.0f} s, browser {timings['browser'] + timings['control browser']:.0f} s){load}")

    # The theme's own pages with plain text must pass the same rules (but for the active elements
    # they are the reference for).
    all_findings = sorted(set(findings + browser_findings)) + [("(control site) " + page, what, where)
                                                               for page, what, where in sorted(control_findings)]
    if args.findings:
        with open(args.findings, "w", encoding="utf-8") as f:
            for page, what, where in all_findings:
                index, place = payload_for(plan, page)
                f.write(json.dumps({"page": page, "what": what, "element": where, "place": place,
                                    "payload": payloads[index] if index is not None else None},
                                   ensure_ascii=False) + "\n")
    if all_findings:
        # A finding on a page many payloads reach is matched against those placed in shared
        # places first (front matter, labels, UI strings, the book), then against all.
        shared = sorted(set(fields) | set(labels) | {i for _, i in ui} | set(book))
        print_findings(all_findings, plan, payloads, shared + indices, args.list)
        return 1
    return 0


def cpu_busy():
    """Seconds of CPU time the machine has spent busy (all processes), from /proc/stat; 0 elsewhere."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except OSError:
        return 0
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


# The negative control's theme: the escaping the theme relies on taken away in three places, so
# that the front-matter, UI-string and search checks can be seen to fail too (unsafeHTML alone
# reaches only the documents' text). (file, text, replacement)
UNSAFE_THEME = [
    ("partials/doc-head.mustache", "{{title}}</h1>", "{{{title}}}</h1>"),
    ("partials/card.mustache", ">{{summary}}</p>", ">{{{summary}}}</p>"),
    ("partials/footer.mustache", "{{t.madeWith}}", "{{{t.madeWith}}}"),
    ("assets/search.js", "a.appendChild(highlighted(doc.t, words));", "a.innerHTML = doc.t;"),
]


def unsafe_theme(kartu, root):
    """Ejects the UNSAFE_THEME files into a site's templates/ and edits them. Returns what was
    changed; a replacement whose text the theme no longer has is left out, and said."""
    changed = []
    for path, text, replacement in UNSAFE_THEME:
        subprocess.run([kartu, "theme", "eject", path, "--root", root], capture_output=True, text=True)
        full = os.path.join(root, "templates", path)
        if not os.path.exists(full):
            print(f"xss-suite: could not eject {path} for the unsafe control", file=sys.stderr)
            continue
        with open(full, encoding="utf-8") as f:
            source = f.read()
        if text not in source:
            print(f"xss-suite: {path} no longer has {text!r}: left as it is", file=sys.stderr)
            continue
        with open(full, "w", encoding="utf-8") as f:
            f.write(source.replace(text, replacement))
        changed.append(f"{path}: {replacement}")
    return changed


def theme_ui_keys(kartu, work):
    """The UI string keys (t.…) the built-in theme's templates name, read from an ejected copy."""
    folder = os.path.join(work, "ejected")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    subprocess.run([kartu, "theme", "eject", "--all", "--root", folder], capture_output=True, text=True, check=True)
    keys = set()
    for base, _, names in os.walk(os.path.join(folder, "templates")):
        for name in names:
            if name.endswith(".mustache"):
                with open(os.path.join(base, name), encoding="utf-8") as f:
                    keys.update(re.findall(r"\{\{[#^/]?\s*t\.([A-Za-z0-9_.-]+?)\s*\}\}", f.read()))
    shutil.rmtree(folder, ignore_errors=True)
    return sorted(keys)


def judge(reports, console, problems, pages, c_reports, c_console, c_problems):
    """Findings of the browser run: every trap report but a clean "loaded", every console error the
    control site's pages do not also have, every problem; and every page must have reported its
    load with the trap in place. Returns (findings, pages loaded, counts by kind of sign)."""
    findings = []
    loaded_pages = set()
    counts = collections.Counter()

    def path_of(url):
        # Pages of the site (served from 127.0.0.1) by their file; anything else (a data: or
        # about: frame a payload made) as it is.
        if not re.match(r"https?://127\.0\.0\.1:\d+/", url):
            return url
        path = urllib.parse.urlparse(url).path
        return path[1:] + ("index.html" if path.endswith("/") else "")

    for record in reports:
        page = path_of(record.get("page", "?"))
        kind = record.get("kind")
        if kind == "loaded":
            loaded_pages.add(page)
            # The harness's own scan (its data: icon); a call or error in it still counts below.
            for item in (record.get("scan") or []) if page != HARNESS_PAGE else []:
                counts["live DOM"] += 1
                findings.append((page, "live DOM: " + item, ""))
            continue
        detail = record.get("detail", "")
        if kind == "call" and detail.split("(")[0] in ("alert", "confirm", "prompt", "print"):
            counts["dialogs"] += 1
        elif kind == "csp":
            counts["csp"] += 1
        else:
            counts["errors" if kind != "call" else "calls"] += 1
        findings.append((page, f"browser {kind}: {detail}", "top" if record.get("top") else "frame"))
    control_messages = {normalize(m) for _, level, _, m in c_console if level == "SEVERE"}
    for pages_of, level, source, message in console:
        if level != "SEVERE" or normalize(message) in control_messages:
            continue
        # A resource a payload names that does not exist here (an image the sanitizer keeps, on a
        # host that resolves to nothing) fails to load: the network's error, not a script's.
        if source == "network":
            continue
        # The trap's own "blocked" errors: the trap has recorded the call, in its page.
        if "xss-suite-trap.js" in message:
            continue
        counts["errors"] += 1
        named = re.match(r"(https?://127\.0\.0\.1:\d+/\S*)", message)
        page = path_of(named.group(1)) if named else ", ".join(pages_of[:3]) + ("…" if len(pages_of) > 3 else "")
        findings.append((page, f"console {source}: {message[:300]}", ""))
    for page, what in problems:
        counts["dialogs" if "dialog" in what else "errors"] += 1
        findings.append((page, what, ""))
    for page in pages:
        if page not in loaded_pages:
            counts["unloaded"] += 1
            findings.append((page, "the page never reported its load event with the trap in place", ""))
    # The theme's own pages must be clean as well: else the comparison above proves nothing.
    for record in c_reports:
        if record.get("kind") != "loaded" or (record.get("scan") and path_of(record.get("page", "")) != HARNESS_PAGE):
            findings.append(("(control site) " + path_of(record.get("page", "?")),
                             f"browser {record.get('kind')}: {record.get('detail')} {record.get('scan') or ''}", ""))
    for page, what in c_problems:
        findings.append(("(control site) " + page, what, ""))
    return findings, len(loaded_pages & set(pages)), counts


def normalize(message):
    return re.sub(r"https?://127\.0\.0\.1:\d+/", "/", re.sub(r"\d+:\d+", "", message))


def judge_search(search, plan, payloads):
    """The front-matter payloads' titles come back as the same text in the results, the results
    hold the theme's elements only, and their links are this site's paths."""
    findings = []
    notes = []
    kept = {payloads[plan.documents[p][0]] for p in plan.documents
            if plan.documents[p][2].startswith("front matter") and os.path.exists(os.path.join(plan.root, p))}
    for query, url, state in search["queries"]:
        if not state:
            findings.append((url, "the search never finished", ""))
            continue
        page = f"{LANG}/search/?q={query}"
        extra_tags = set(state["tags"]) - {"li", "h2", "a", "p", "span", "mark"}
        extra_attributes = set(state["attributes"]) - {"class", "href"}
        if extra_tags or extra_attributes:
            findings.append((page, f"search results hold markup: {sorted(extra_tags | extra_attributes)}", ""))
        for href in state["hrefs"]:
            if not href or not href.startswith("/") or href.startswith("//"):
                findings.append((page, f"search result link {href!r}", ""))
        if query == "xsssample":
            titles = set(state["titles"])
            missing = kept - titles
            if missing:
                findings.append((page, f"{len(missing)} front-matter titles not shown as the same text in results",
                                 repr(sorted(missing)[0])[:200]))
            notes.append(f"'{query}' {len(state['titles'])} results, {len(kept & titles)} of the {len(kept)} distinct "
                         "payload titles shown as the same text")
        else:
            notes.append(f"'{query}' {len(state['titles'])}")
    if search["queries"]:
        notes[-1] += " results shown; " + ("markup in them that is not the theme's (below)" if findings else
                                          "only li, h2, a, p, span, mark with class and href (site paths) in them")
    return findings, ", ".join(notes)


def kind_of(what):
    """A finding's kind, for the count by kind."""
    if what.startswith("event attribute"):
        return "event attribute (on…)"
    if re.match(r"(script|data:) URL in ", what):
        return what
    match = re.match(r"(browser \S+?|console \S+?|live DOM):|(<\w+> in a document's text|<\w+> the theme does not write \(\w+\))", what)
    if match:
        return match.group(1) or match.group(2)
    return re.split(r"[:(]| at line", what, maxsplit=1)[0].strip()


def print_findings(findings, plan, payloads, indices, limit):
    """By page: the payload it was made for (or, for a page many payloads reach, those whose text
    the finding quotes), then what was found and what fired. Then the count of each kind."""
    by_page = collections.OrderedDict()
    for page, what, where in findings:
        by_page.setdefault(page, []).append((what, where))
    print(f"\nFINDINGS: {len(findings):,} in {len(by_page):,} pages or files", file=sys.stderr)
    for page, items in list(by_page.items())[:limit]:
        index, place = payload_for(plan, page)
        if index is None:
            quoted = next((w for _, w in items if w and w not in ("top", "frame")), None)
            hits = suspects(payloads, indices, quoted or items[0][0].split(":", 1)[-1])
            origin = "; ".join(f"payload {i + 1}: {payloads[i][:100]!r}" for i in hits) or "payload not known"
        else:
            origin = f"payload {index + 1} ({place}): {payloads[index][:200]!r}"
        print(f"\n  page {page}\n    {origin}", file=sys.stderr)
        for what, where in list(dict.fromkeys(items))[:8]:
            print(f"    - {what[:240]}" + (f"\n        {where[:240]}" if where and where not in ("top", "frame") else ""),
                  file=sys.stderr)
    if len(by_page) > limit:
        print(f"\n  … and {len(by_page) - limit:,} more pages or files (--list N shows more)", file=sys.stderr)
    kinds = collections.Counter(kind_of(what) for _, what, _ in findings)
    print("\nby kind: " + ", ".join(f"{kind} {count:,}" for kind, count in kinds.most_common()), file=sys.stderr)


if __name__ == "__main__":
    main()
