#!/usr/bin/env python3
"""The GitHub Flavored Markdown spec (0.29) as a test suite of kartu.

    python3 scripts/gfm-spec.py --kartu .build/release/kartu [--work DIR] [--verbose]

kartu renders Markdown with libcmark-gfm, then changes the HTML (heading ids, table wrappers, links to
documents, raw HTML) and refuses some Markdown on purpose (links to missing files). This script holds
the whole chain to the spec: every example of Tests/Fixtures/gfm-spec/spec.txt and extensions.txt
(copies of cmark-gfm's test files, so that a clean clone runs it) becomes one document of one kartu
site, built once with `unsafeHTML: true` and once with `unsafeHTML: false`, and each page's body is
compared with the spec's HTML through the spec's own normalizer (normalize.py).

Every example ends in one of these, and each is listed, none skipped silently:

- matches the spec;
- differs from the spec only as cmark-gfm itself does with kartu's extensions on (kartu turns on table,
  strikethrough, autolink, tagfilter, tasklist and footnotes for every document, while a spec.txt
  example expects only the extensions its section is about), or as the installed libcmark-gfm does
  (its footnote markup is newer than extensions.txt's), or, in safe mode, as cmark-gfm's URL filter
  does: checked against the cmark-gfm CLI with the same options, and named by the cause;
- rejected on purpose: kartu's build reports an error in that file (e.g. a link to a missing file),
  listed with kartu's message;
- a failure: anything else.

Before comparing, kartu's documented changes to cmark-gfm's HTML are undone (heading ids, the
tables' scroll boxes, empty header cells, the footnote back-link's label: see undo_kartu).

In safe mode (`unsafeHTML: false`) the examples with raw HTML (those where cmark-gfm's safe mode writes
`<!-- raw HTML omitted -->`) are not compared with the spec: kartu sanitizes raw HTML with an allow-list
there, so for them the script checks that the visible text of the spec's HTML survives in order (the
contents of elements a sanitizer must drop with their contents, such as script, excepted), and, for
every safe-mode page, that no element outside the allow-list, no `on*` or `style` attribute and no
script-running URL is left.

A crash of kartu is a failure of the examples that cause it: the script finds them by halving the
site, sets them aside and goes on with the rest. `--work DIR` keeps the sites and their output
(DIR/unsafe-html-true, …-output, …-set-aside) to look at; `--jobs N` is passed to kartu build.

Exit status: 0 when nothing fails, 1 on a failure (or a raw-HTML example that loses text or keeps a
forbidden construct), 2 on usage errors or when the site does not build for a reason outside the
examples.
"""

import argparse
import difflib
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import types
import warnings
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC_DIR = os.path.join(ROOT, "Tests", "Fixtures", "gfm-spec")
SPEC_FILES = (("spec", "spec.txt"), ("extensions", "extensions.txt"))

# What kartu turns on for every document (README, "Markdown"), in cmark-gfm's names.
KARTU_EXTENSIONS = ("table", "strikethrough", "autolink", "tagfilter", "tasklist", "footnotes")
# cmark-gfm's own suite runs extensions.txt with all of them on (its test/CMakeLists.txt).
EXTENSIONS_TXT_EXTENSIONS = frozenset(KARTU_EXTENSIONS)
# spec.txt tags most extension examples (`example table`), but the two task-list examples are tagged
# `disabled` instead (cmark-gfm's runner has no task lists for spec.txt): kartu has them, so they run,
# with the extension their section names.
SECTION_EXTENSIONS = {
    "Tables (extension)": "table",
    "Task list items (extension)": "tasklist",
    "Strikethrough (extension)": "strikethrough",
    "Autolinks (extension)": "autolink",
    "Disallowed Raw HTML (extension)": "tagfilter",
}

LANGUAGE = "en"
FRONT_MATTER = '---\ntitle: "{title}"\nkind: page\n---\n'
FRONT_MATTER_LINES = FRONT_MATTER.count("\n")
BODY_START, BODY_END = "<!-- gfm-spec body -->", "<!-- /gfm-spec body -->"
# A page template that writes nothing but the body between markers: the body's bytes exactly, not
# what the built-in theme puts around them.
DOCUMENT_TEMPLATE = BODY_START + "{{{document.content}}}" + BODY_END + "\n"
RAW_HTML_OMITTED = "<!-- raw HTML omitted -->"

# The tags GFM's tag filter writes as text (`&lt;script>`): spec section "Disallowed Raw HTML".
FILTERED_TAG = re.compile(r"&lt;(/?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)\b)", re.I)
# Elements a sanitizer must drop with everything inside them: their contents are code, style or
# text a browser would not show as the page's text.
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "noscript",
                        "textarea", "title", "xmp", "plaintext"}
# GitHub's sanitization allow-list (html-pipeline's SanitizationFilter), which the list
# follows, and the inert text and table elements it leaves out (u, bdi, col, colgroup): nothing in
# them can run, load or restyle anything. The checker allows no more than this...
ALLOWED_ELEMENTS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "br", "b", "i", "strong", "em", "a", "pre", "code",
    "img", "tt", "div", "ins", "del", "sup", "sub", "p", "ol", "ul", "table", "thead", "tbody", "tfoot",
    "blockquote", "dl", "dt", "dd", "kbd", "q", "samp", "var", "hr", "ruby", "rt", "rp", "li", "tr",
    "td", "th", "s", "strike", "summary", "details", "caption", "figure", "figcaption", "abbr", "bdo",
    "cite", "dfn", "mark", "small", "span", "time", "wbr",
    "u", "bdi", "col", "colgroup",
}
# ...plus what kartu's Markdown writes itself: the footnotes' section and task lists' checkboxes
# (an <input> is checked to be exactly such a checkbox).
MARKDOWN_ELEMENTS = {"section", "input"}
URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "poster", "background", "xlink:href"}
SAFE_DATA_URL = re.compile(r"data:image/(png|gif|jpeg|webp)[;,]")


def load_normalizer():
    """normalize_html from the spec's normalize.py, unmodified.

    It imports `cgi` for cgi.escape, gone since Python 3.8 (and `cgi` itself since 3.13): it gets a
    stand-in module with html.escape for the one function it uses. The file is compiled here rather
    than imported so that no __pycache__ lands in Tests/Fixtures, and its '\\s' string literals'
    escape warnings (a SyntaxWarning on 3.12+) stay quiet.
    """
    path = os.path.join(SPEC_DIR, "normalize.py")
    with open(path, encoding="utf-8") as f:
        source = f.read()
    module = types.ModuleType("normalize")
    module.__file__ = path
    saved = sys.modules.get("cgi")
    sys.modules["cgi"] = types.SimpleNamespace(escape=html.escape)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(compile(source, path, "exec"), module.__dict__)
    finally:
        if saved is None:
            del sys.modules["cgi"]
        else:
            sys.modules["cgi"] = saved
    return module.normalize_html


# --- The examples ---------------------------------------------------------------------------------

class Example:
    def __init__(self, source, number, section, chapter, markdown, expected, tags, line):
        self.source = source      # "spec" or "extensions"
        self.number = number      # as the spec counts them, from 1 in each file
        self.section = section    # the nearest heading above it
        self.chapter = chapter    # the nearest '## ' heading (the extension, in extensions.txt)
        self.markdown = markdown
        self.expected = expected
        self.disabled = "disabled" in tags
        if source == "extensions":
            self.extensions = EXTENSIONS_TXT_EXTENSIONS
        else:
            names = {t for t in tags if t != "disabled"}
            if chapter in SECTION_EXTENSIONS:
                names.add(SECTION_EXTENSIONS[chapter])
            self.extensions = frozenset(names)
        self.line = line

    @property
    def key(self):
        return (0 if self.source == "spec" else 1, self.number)

    @property
    def label(self):
        return f"#{self.number}" if self.source == "spec" else f"extensions #{self.number}"

    @property
    def title(self):
        return f"{self.label} ({self.section})"

    @property
    def path(self):
        """The document's path in the site, from the root."""
        return f"content/{LANGUAGE}/{self.source}/example-{self.number:03d}.md"

    @property
    def page(self):
        return f"{LANGUAGE}/{self.source}/example-{self.number:03d}/index.html"


def read_examples(source, filename):
    """The examples of one spec file, parsed as spec_tests.py's get_tests does.

    spec_tests.py itself cannot be imported (it needs cmark.py, a ctypes binding not copied), and it
    leaves out the examples tagged `disabled`, which are run here.
    """
    examples = []
    state = 0  # 0 text, 1 Markdown, 2 HTML
    tags, markdown, expected = [], [], []
    section = chapter = ""
    number = start = 0
    with open(os.path.join(SPEC_DIR, filename), encoding="utf-8", newline="\n") as f:
        for line_number, line in enumerate(f, 1):
            stripped = line.strip()
            if stripped.startswith("`" * 32 + " example"):
                state, start = 1, line_number
                tags = stripped[32 + len(" example"):].split()
            elif stripped == "`" * 32 and state:
                number += 1
                examples.append(Example(source, number, section, chapter,
                                        "".join(markdown).replace("→", "\t"),
                                        "".join(expected).replace("→", "\t"), tags, start))
                state, markdown, expected = 0, [], []
            elif stripped == "." and state == 1:
                state = 2
            elif state == 1:
                markdown.append(line)
            elif state == 2:
                expected.append(line)
            elif re.match(r"#+ ", line):
                section = re.sub(r"#+ ", "", line, count=1).strip()
                if line.startswith("## "):
                    chapter = section
    return examples


# --- cmark-gfm, the reference ---------------------------------------------------------------------

class CMark:
    """The cmark-gfm CLI, each (Markdown, extensions, safety) run once."""

    def __init__(self, program):
        self.program = program
        self.cache = {}

    def version(self):
        out = subprocess.run([self.program, "--version"], capture_output=True, text=True).stdout
        match = re.search(r"\d+\.\d+\.\d+\S*", out)
        return match.group(0) if match else "?"

    def args(self, extensions, unsafe):
        args = [self.program] + (["--unsafe"] if unsafe else [])
        for name in sorted(extensions):
            args += ["-e", name]
        return args

    def __call__(self, markdown, extensions, unsafe):
        key = (markdown, frozenset(extensions), unsafe)
        if key not in self.cache:
            result = subprocess.run(self.args(extensions, unsafe), input=markdown.encode("utf-8"),
                                    capture_output=True, check=True)
            self.cache[key] = result.stdout.decode("utf-8")
        return self.cache[key]

    def prefetch(self, jobs, workers):
        """Runs (Markdown, extensions, unsafe) jobs on all cores: 700 processes one after another
        would be most of the script's time."""
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(lambda job: self(*job), jobs))


# --- kartu ----------------------------------------------------------------------------------------

DIAGNOSTIC = re.compile(r"^(?P<path>[^\s:][^:]*?)(?::(?P<line>\d+):(?P<column>\d+))?: "
                        r"(?P<severity>error|warning): (?P<message>.*)$")


class Diagnostic:
    def __init__(self, path, line, column, severity, message):
        self.path, self.line, self.column = path, line, column
        self.severity, self.message = severity, message
        self.hint = None

    def describe(self):
        # The line within the example's Markdown, which is what a reader of the spec can find.
        where = f"line {self.line - FRONT_MATTER_LINES}: " if self.line else ""
        return where + self.message


def parse_diagnostics(stderr):
    diagnostics = []
    for line in stderr.splitlines():
        match = DIAGNOSTIC.match(line)
        if match:
            diagnostics.append(Diagnostic(match["path"], int(match["line"]) if match["line"] else None,
                                          int(match["column"]) if match["column"] else None,
                                          match["severity"], match["message"]))
        elif line.strip().startswith("hint:") and diagnostics:
            diagnostics[-1].hint = line.strip()[len("hint:"):].strip()
    return diagnostics


def write_site(folder, examples, unsafe):
    """One site: every example a document of one language, the page template replaced."""
    os.makedirs(os.path.join(folder, "templates"))
    os.makedirs(os.path.join(folder, "content"))
    with open(os.path.join(folder, "content", "site.yaml"), "w", encoding="utf-8") as f:
        f.write(f'title:\n  {LANGUAGE}: "GFM spec"\ndefaultLanguage: {LANGUAGE}\nlanguages:\n'
                f'  - code: {LANGUAGE}\n    name: "English"\n    locale: en-GB\n'
                f"unsafeHTML: {'true' if unsafe else 'false'}\n")
    with open(os.path.join(folder, "templates", "document.mustache"), "w", encoding="utf-8") as f:
        f.write(DOCUMENT_TEMPLATE)
    for example in examples:
        path = os.path.join(folder, example.path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(FRONT_MATTER.format(title=f"Example {example.label}") + example.markdown)


def run_kartu(kartu, root, output, jobs, backtrace=True):
    command = [kartu, "build", "--root", root, "--output", output, "--format", "gcc"]
    # Swift's crash backtrace takes seconds to symbolicate: wanted once, not on every build of a search.
    env = dict(os.environ) if backtrace else dict(os.environ, SWIFT_BACKTRACE="enable=no")
    return subprocess.run(command + (["--jobs", str(jobs)] if jobs else []),
                          capture_output=True, text=True, timeout=600, env=env)


def set_aside(folder, example):
    aside = os.path.join(folder + "-set-aside", example.path)
    os.makedirs(os.path.dirname(aside), exist_ok=True)
    os.replace(os.path.join(folder, example.path), aside)


def crashing_examples(kartu, folder, examples, jobs):
    """The examples kartu crashes on, found by halving, with the signal.

    A crash says nothing about which document did it; halving the set (a site per half, only the
    halves that crash halved again) finds one in some twenty builds, so that one crash does not
    hide the other 700 results. A crash that needs two documents together is not found here.
    """
    scratch = folder + "-alone"
    found = []

    def signal_of(group):
        root = os.path.join(scratch, f"{group[0].source}-{group[0].number}-{len(group)}")
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(os.path.join(root, "content"))
        shutil.copy(os.path.join(folder, "content", "site.yaml"), os.path.join(root, "content"))
        shutil.copytree(os.path.join(folder, "templates"), os.path.join(root, "templates"))
        for example in group:
            os.makedirs(os.path.dirname(os.path.join(root, example.path)), exist_ok=True)
            shutil.copy(os.path.join(folder, example.path), os.path.join(root, example.path))
        result = run_kartu(kartu, root, os.path.join(root, "output"), jobs, backtrace=False)
        shutil.rmtree(root, ignore_errors=True)
        return -result.returncode if result.returncode < 0 else None

    def search(group, signal):
        if len(group) == 1:
            found.append((group[0], signal))
            return
        for half in (group[:len(group) // 2], group[len(group) // 2:]):
            half_signal = signal_of(half)
            if half_signal:
                search(half, half_signal)

    signal = signal_of(examples)
    if signal:
        search(examples, signal)
    shutil.rmtree(scratch, ignore_errors=True)
    return found


def build_site(kartu, folder, examples, jobs):
    """Builds the site; documents kartu refuses or crashes on are set aside and the rest built again.

    Returns the rejected examples (key -> error diagnostics), those kartu crashes on (key -> what
    happened), the warnings of the final build (key -> diagnostics) and the output folder.
    """
    by_path = {e.path: e for e in examples}
    output = folder + "-output"
    rejected, crashed = {}, {}
    for _ in range(10):
        result = run_kartu(kartu, folder, output, jobs)
        if result.returncode < 0:
            present = [e for e in examples if e.key not in rejected and e.key not in crashed]
            found = crashing_examples(kartu, folder, present, jobs)
            if not found:
                raise SiteError(f"kartu crashed (signal {-result.returncode}), and no example alone makes it crash",
                                result.stderr, 1)
            for example, signal in found:
                set_aside(folder, example)
                crashed[example.key] = (f"kartu crashes (signal {signal}) on this document",
                                        result.stderr if len(found) == 1 else "")
            continue
        diagnostics = parse_diagnostics(result.stderr)
        errors = [d for d in diagnostics if d.severity == "error"]
        if result.returncode == 0 and not errors:
            warnings_ = {}
            for d in diagnostics:
                if d.path not in by_path:
                    raise SiteError(f"a warning outside the examples: {d.path}: {d.message}", result.stderr)
                warnings_.setdefault(by_path[d.path].key, []).append(d)
            return rejected, crashed, warnings_, output
        # An error anywhere but in an example means the harness itself is wrong: stop, do not guess.
        if not errors or any(d.path not in by_path for d in errors):
            raise SiteError(f"kartu build failed (exit {result.returncode})", result.stderr)
        for d in errors:
            example = by_path[d.path]
            if example.key not in rejected:
                set_aside(folder, example)
            rejected.setdefault(example.key, []).append(d)
    raise SiteError("kartu build still fails after setting the rejected documents aside", result.stderr)


class SiteError(Exception):
    def __init__(self, message, stderr, status=2):
        super().__init__(message)
        self.stderr = stderr
        self.status = status


def page_body(output, example):
    try:
        with open(os.path.join(output, example.page), encoding="utf-8") as f:
            page = f.read()
    except FileNotFoundError:
        return None
    start, end = page.find(BODY_START), page.rfind(BODY_END)
    if start < 0 or end < start:
        return None
    return page[start + len(BODY_START):end]


# --- Undoing kartu's documented changes to cmark-gfm's HTML ---------------------------------------

# kartu gives every heading an id (README, "Markdown") and writes its text on a line of its own:
# `<h2 id="foo">\nFoo\n</h2>` for cmark-gfm's `<h2>Foo</h2>`, `<h2 id="section">\n</h2>` for an
# empty `<h2></h2>`. The spec has no heading with attributes of its own, so every id is kartu's.
HEADING = re.compile(r'<h([1-6]) id="[^"]*">\n(.*?)\n?</h\1>', re.S)
# kartu wraps each GFM table in a focusable, labelled scroll region (numbered from 1 in each
# document) so that a wide table scrolls on its own, not the page.
TABLE_WRAPPER = re.compile(r'<div class="table-scroll" tabindex="0" role="region" aria-label="Table \d+">\n'
                           r'(<table>.*?</table>)\n</div>', re.S)
# ...and writes an empty header cell as <td>, since a <th> with no text is an unlabeled header for
# screen readers (with its align attribute kept).
THEAD = re.compile(r"<thead>.*?</thead>", re.S)
EMPTY_HEADER_CELL = re.compile(r"<td((?: align=\"\w+\")?)></td>")
# kartu writes the footnote back-link's aria-label in the page's language; cmark-gfm always writes
# "Back to content" (libcmark-gfm 0.29.0.gfm.6; the spec's older markup has none).
BACKREF_LABEL = re.compile(r'(class="footnote-backref" data-footnote-backref) aria-label="[^"]*"')
# Links to .md files become page URLs in kartu; the spec has no link to a .md file (each would be a
# missing document, rejected), so there is nothing to undo for them: a page URL in the output would
# show as a difference.


def undo_kartu(body):
    body = HEADING.sub(lambda m: f"<h{m[1]}>{m[2]}</h{m[1]}>", body)
    body = TABLE_WRAPPER.sub(r"\1", body)
    body = THEAD.sub(lambda m: EMPTY_HEADER_CELL.sub(r"<th\1></th>", m[0]), body)
    body = BACKREF_LABEL.sub(r'\1 aria-label="Back to content"', body)
    return body


# --- Safe mode: text and forbidden constructs -----------------------------------------------------

class TextParser(HTMLParser):
    """The text content of a fragment, without comments, processing instructions, declarations,
    CDATA (html.parser hands those to handlers not defined here) and the contents of `drop`."""

    def __init__(self, drop=()):
        super().__init__(convert_charrefs=True)
        self.drop = drop
        self.depth = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.drop:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        pass  # <x/> has no contents to drop

    def handle_endtag(self, tag):
        if tag in self.drop and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def text_words(fragment, drop=()):
    parser = TextParser(drop)
    parser.feed(fragment)
    # A tag still open at the end (`<div id="foo"\n*hi*`, examples of HTML blocks) is text to
    # html.parser's close(), but a browser drops it (HTML's "EOF in tag"): nothing to see.
    if re.match(r"</?[A-Za-z]", parser.rawdata):
        parser.rawdata = ""
    parser.close()
    return "".join(parser.parts).split()


# Raw HTML that is no element, as CommonMark delimits it (spec 6.6): html.parser would end a
# processing instruction at its first '>' (`<?php echo '>'; ?>`) and show the rest as text.
NOT_ELEMENTS = re.compile(r"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[.*?\]\]>|<![A-Za-z][^>]*>", re.S)


def lost_text(example, body):
    """The runs of the spec's visible words missing from kartu's text, in order ([] when none).

    The spec's HTML is read as the editor's HTML: where the tag filter (unsafe mode's, GitHub's)
    wrote a filtered tag as text (`&lt;xmp>`), the tag is put back, so that it is an element whose
    content the allow-list removes as the issue asks (`<xmp>`, `<title>`, `<textarea>` … with their
    content; left open, to the end of their block, as a browser would read to the end). Kartu's text
    may hold more than the spec's.
    """
    expected_html = FILTERED_TAG.sub(r"<\1", NOT_ELEMENTS.sub("", example.expected))
    expected = text_words(expected_html, DROPPED_WITH_CONTENT)
    actual = text_words(body)
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    return [" ".join(expected[i1:i2]) for op, i1, i2, _, _ in matcher.get_opcodes() if op in ("delete", "replace")]


class ForbiddenParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_ELEMENTS | MARKDOWN_ELEMENTS:
            self.found.append(f"<{tag}>")
        if tag == "input":
            names = {name for name, _ in attrs}
            if dict(attrs).get("type") != "checkbox" or not names <= {"type", "checked", "disabled"}:
                self.found.append(f"<input> other than a task list's checkbox: {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            elif name == "style":
                self.found.append(f"<{tag} style>")
            elif name in URL_ATTRIBUTES and value:
                # What a browser runs: it skips leading spaces and controls, and tabs and newlines
                # anywhere in the URL; the scheme is case-insensitive.
                url = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
                if url.startswith(("javascript:", "vbscript:")) or (
                        url.startswith("data:") and not SAFE_DATA_URL.match(url)):
                    self.found.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def forbidden(body):
    parser = ForbiddenParser()
    parser.feed(body)
    parser.close()
    return parser.found


# --- Judging one mode -----------------------------------------------------------------------------

class Outcome:
    def __init__(self, example):
        self.example = example
        self.kind = None        # match, differs, rejected, failure, raw
        self.causes = []        # why it differs from the spec
        self.detail = ""        # a failure's diff or a rejection's messages
        self.lost = []          # raw-HTML examples: the text lost
        self.forbidden = []     # safe mode: constructs left that must not be
        self.warnings = []
        self.crash = ""         # kartu's stderr when it crashed on this example


def differs_by(example, cmark, unsafe, normalize, library):
    """Why cmark-gfm with kartu's options differs from the spec on this example.

    The installed libcmark-gfm with the example's own extensions is the baseline: where it already
    differs from the spec, the library does; each extension kartu adds is named when adding it alone
    changes the baseline; in safe mode, the URL filter when it changes the output.
    """
    causes = []
    baseline = normalize(cmark(example.markdown, example.extensions, True))
    if baseline != normalize(example.expected):
        causes.append(f"libcmark-gfm {library}")
    for name in KARTU_EXTENSIONS:
        if name not in example.extensions:
            if normalize(cmark(example.markdown, example.extensions | {name}, True)) != baseline:
                causes.append(name)
    if not unsafe and cmark(example.markdown, KARTU_EXTENSIONS, False) != cmark(example.markdown, KARTU_EXTENSIONS, True):
        causes.append("safe mode's URL filter")
    return causes or ["the extensions together"]


def judge(examples, output, rejected, crashed, warnings_, unsafe, raw_html, cmark, normalize, library):
    outcomes = []
    for example in examples:
        outcome = Outcome(example)
        outcomes.append(outcome)
        outcome.warnings = warnings_.get(example.key, [])
        if example.key in rejected:
            outcome.kind = "rejected"
            outcome.detail = "; ".join(d.describe() for d in rejected[example.key])
            continue
        if example.key in crashed:
            outcome.kind = "failure"
            outcome.detail, outcome.crash = crashed[example.key]
            continue
        body = page_body(output, example)
        if body is None:
            outcome.kind = "failure"
            outcome.detail = f"no page with the body markers at {example.page}"
            continue
        if not unsafe:
            outcome.forbidden = forbidden(body)
        if not unsafe and example.key in raw_html:
            outcome.kind = "raw"
            outcome.lost = lost_text(example, body)
            continue
        got = undo_kartu(body)
        reference = cmark(example.markdown, KARTU_EXTENSIONS, unsafe)
        if example.expected.strip() == "<IGNORE>":
            # The spec gives no HTML (spec_tests.py passes the example if the program does not
            # crash): held to cmark-gfm with kartu's options instead.
            if normalize(got) == normalize(reference):
                outcome.kind = "ignore"
                continue
        elif normalize(got) == normalize(example.expected):
            outcome.kind = "match"
            continue
        elif normalize(got) == normalize(reference):
            outcome.kind = "differs"
            outcome.causes = differs_by(example, cmark, unsafe, normalize, library)
            continue
        outcome.kind = "failure"
        outcome.detail = "".join(difflib.unified_diff(
            reference.splitlines(True), got.splitlines(True),
            f"cmark-gfm {' '.join(cmark.args(KARTU_EXTENSIONS, unsafe)[1:])}", "kartu (kartu's changes undone)"))
    return outcomes


def number_list(outcomes):
    return ", ".join(o.example.label for o in outcomes)


def plural(count, word):
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def cause_rank(cause):
    # Kartu's extensions in their order, then the library, then safe mode: the same order every run.
    return (KARTU_EXTENSIONS.index(cause) if cause in KARTU_EXTENSIONS else len(KARTU_EXTENSIONS), cause)


def describe_cause(cause):
    if cause in KARTU_EXTENSIONS:
        return f"by extension {cause} (as cmark-gfm with kartu's extensions gives)"
    if cause.startswith("libcmark-gfm"):
        return f"as {cause} does with the example's own extensions (newer markup than the spec's text)"
    if cause.startswith("safe mode"):
        return "by cmark-gfm's safe mode, which empties script-running URLs (as cmark-gfm gives)"
    return f"by {cause} (as cmark-gfm with kartu's extensions gives)"


def report(outcomes, unsafe, raw_count, verbose):
    """Prints one mode's summary line and lists; returns whether it passed."""
    by_kind = {}
    for o in outcomes:
        by_kind.setdefault(o.kind, []).append(o)
    differs = by_kind.get("differs", [])
    causes = {}
    for o in differs:
        for cause in o.causes:
            causes.setdefault(cause, []).append(o)
    ordered = sorted(causes, key=cause_rank)
    failures = by_kind.get("failure", [])
    rejected = by_kind.get("rejected", [])
    ignored = by_kind.get("ignore", [])
    raw = by_kind.get("raw", [])
    losing = [o for o in raw if o.lost]
    with_forbidden = [o for o in outcomes if o.forbidden]

    parts = [f"{len(by_kind.get('match', []))} match the spec",
             f"{len(differs)} differ only as cmark-gfm with kartu's extensions does"
             + (f" ({', '.join(f'{c} {len(causes[c])}' for c in ordered)})" if causes else "")]
    if ignored:
        parts.append(f"{len(ignored)} without expected HTML (<IGNORE>) equal to cmark-gfm's")
    parts.append(f"{len(rejected)} rejected on purpose (listed)")
    if not unsafe:
        parts.append(f"{len(raw)} with raw HTML checked apart")
    parts.append(plural(len(failures), "failure"))
    line = f"gfm spec (unsafeHTML: {'true' if unsafe else 'false'}): {len(outcomes)} examples: " + ", ".join(parts)
    if not unsafe:
        line += (f"; raw-HTML examples: {raw_count}, {len(losing)} lose visible text, "
                 f"{len(with_forbidden)} with a forbidden element or attribute")
    print(line)

    for o in rejected:
        print(f"  rejected on purpose: {o.example.title}: {o.detail}")
    for cause in ordered:
        print(f"  differs from the spec {describe_cause(cause)}: {number_list(causes[cause])}")
    if ignored:
        print(f"  no expected HTML in the spec (<IGNORE>), equal to cmark-gfm's: {number_list(ignored)}")
    for o in losing:
        print(f"  loses visible text: {o.example.title}: " + " … ".join(repr(t) for t in o.lost))
    for o in with_forbidden:
        print(f"  forbidden construct: {o.example.title}: {', '.join(o.forbidden)}")
    for o in failures:
        if not verbose:
            reason = "differs from the spec and from cmark-gfm" if o.detail.startswith("---") else o.detail
            print(f"  FAILURE: {o.example.title}: {reason}")
            continue
        print(f"  FAILURE: {o.example.title}" + (f": {o.detail}" if o.crash else ""))
        print(f"    {o.example.source}.txt line {o.example.line}, Markdown: {o.example.markdown!r}")
        if o.crash:
            print("\n".join(("    " + l).rstrip() for l in o.crash.splitlines()[:40]))
            continue
        print("\n".join(("    " + l).rstrip() for l in o.detail.splitlines()))
    warned = [o for o in outcomes if o.warnings]
    if warned:
        print(f"  warnings: {sum(len(o.warnings) for o in warned)} in {len(warned)} examples"
              + ("" if verbose else " (--verbose lists them)"))
        if verbose:
            for o in warned:
                for d in o.warnings:
                    print(f"    {o.example.title}: {d.describe()}")
    return not failures and not losing and not with_forbidden


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kartu", required=True, help="the kartu binary to test")
    ap.add_argument("--work", help="folder for the sites and their output (kept; default: a temporary "
                                   "folder, removed)")
    ap.add_argument("--cmark", default="cmark-gfm", help="the cmark-gfm CLI (default: cmark-gfm on PATH)")
    ap.add_argument("--jobs", type=int, help="passed to kartu build (default: kartu's, one thread per core)")
    ap.add_argument("--verbose", action="store_true", help="diffs of failures, every warning")
    args = ap.parse_args()
    kartu = os.path.abspath(args.kartu) if os.sep in args.kartu else shutil.which(args.kartu)
    if not kartu or not os.access(kartu, os.X_OK):
        print(f"gfm-spec: no kartu binary at {args.kartu}", file=sys.stderr)
        return 2
    if not shutil.which(args.cmark):
        print(f"gfm-spec: no cmark-gfm at {args.cmark} (apt-get install cmark-gfm)", file=sys.stderr)
        return 2

    normalize = load_normalizer()
    examples = [e for source, filename in SPEC_FILES for e in read_examples(source, filename)]
    cmark = CMark(args.cmark)
    library = cmark.version()
    workers = os.cpu_count() or 2
    # Every example through cmark-gfm's safe mode (which also finds the raw-HTML ones) and unsafe
    # mode, with kartu's extensions: the references, at once on all cores.
    cmark.prefetch([(e.markdown, KARTU_EXTENSIONS, unsafe) for e in examples for unsafe in (False, True)],
                   workers)
    raw_html = {e.key for e in examples if RAW_HTML_OMITTED in cmark(e.markdown, KARTU_EXTENSIONS, False)}

    counts = {s: sum(e.source == s for e in examples) for s, _ in SPEC_FILES}
    disabled = [e for e in examples if e.disabled]
    print(f"gfm spec: {len(examples)} examples (spec.txt {counts['spec']}, extensions.txt {counts['extensions']}; "
          f"run here though tagged disabled for the spec's own runner: {number_list([Outcome(e) for e in disabled]) or 'none'}), "
          f"cmark-gfm {library}")

    work = os.path.abspath(args.work) if args.work else tempfile.mkdtemp(prefix="kartu-gfm-spec-")
    passed = True
    try:
        for unsafe in (True, False):
            folder = os.path.join(work, f"unsafe-html-{'true' if unsafe else 'false'}")
            for path in (folder, folder + "-output", folder + "-set-aside", folder + "-alone"):
                shutil.rmtree(path, ignore_errors=True)
            write_site(folder, examples, unsafe)
            try:
                rejected, crashed, warnings_, output = build_site(kartu, folder, examples, args.jobs)
            except SiteError as e:
                print(f"gfm-spec: {e}\n{e.stderr}", file=sys.stderr)
                return e.status
            outcomes = judge(examples, output, rejected, crashed, warnings_, unsafe, raw_html, cmark, normalize,
                             library)
            passed = report(outcomes, unsafe, len(raw_html), args.verbose) and passed
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
