#!/usr/bin/env python3
"""Benchmark kartu against Hugo and the cmark-gfm floor on the same synthetic corpus.

For each corpus size it makes the corpus with make-corpus.py (kartu's content conventions plus a
Hugo site over the same content), gives kartu one site folder per theme (the bench theme, which
carries what Hugo's layouts carry, and the default theme users build with; --theme picks), then
times in alternation, round after round:

    kartu build   (fresh empty output folder), once per theme
    hugo          (--quiet -d OUT --ignoreCache --cacheDir FRESH)
    cmark-gfm     every .md file in one stream (one process reading all the files)
    cmark-gfm     one process per language folder (one after another)

Both cmark-gfm ways convert every file's Markdown to HTML; the floor is the faster of the two
(the lower median), so kartu/floor is the stricter ratio.

Wall time is measured around each process, peak RSS comes from /usr/bin/time -f '%e %M'. Between
runs, outside the timed part, output folders are moved aside (deleted once the corpus is done: deleting
them between runs kept the disk busy into the next run), cache folders deleted, the file system synced. The
table shows the median wall time (min-max) and the median peak RSS of the runs, the ratios and the
targets with PASS/FAIL; then a check that kartu's output carries what Hugo's does.

    python3 scripts/bench.py                      # 1,000 and 10,000 documents, 3 runs each
    python3 scripts/bench.py --pages 10000 --runs 5 --timings
    python3 scripts/bench.py --theme default --kartu .build/release/kartu --keep /tmp/corpora   # one theme only
    python3 scripts/bench.py --work /dev/shm        # outputs on tmpfs: the engines without the disk

Exit status: 0 when every build succeeded and the output check passed (targets are reported, not
enforced), 1 when a build failed or the outputs differ, 2 on usage errors.
"""
import argparse
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The project's shared folder sits beside the repository (../shared), on developers' machines and in CI.
DEFAULT_MAKE_CORPUS = os.environ.get(
    "KARTU_MAKE_CORPUS",
    os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench", "make-corpus.py")))
CMARK_ARGS = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]
BASE_URL = "https://example.org/"  # the corpus's hugo.toml baseURL: kartu then also writes feeds and the sitemap

# Targets (the issue "Performance: … measured in one run").
TARGET_TIME_RATIO = 0.10    # 10k corpus: kartu wall ≤ 0.1 × Hugo's
TARGET_MEMORY_RATIO = 0.25  # 10k corpus: kartu peak RSS ≤ 0.25 × Hugo's
TARGET_1K_SECONDS = 0.3     # 1k corpus: kartu wall ≤ 0.3 s
TARGET_FLOOR_RATIO = 2.0    # kartu wall ≤ 2 × the cmark-gfm floor
# The default theme (issue "Rendering: the default theme as fast as the floor allows"): what users build with.
TARGET_DEFAULT_TIME_RATIO = 0.15     # 10k corpus, default theme: kartu wall ≤ 0.15 × Hugo's
TARGET_DEFAULT_1K_TIME_RATIO = 0.30  # 1k corpus, default theme: kartu wall ≤ 0.3 × Hugo's
# The bench theme is the whole theme of its site (builtInTheme: false); the default theme is built in.
THEMES = {"bench": os.path.join(ROOT, "bench", "theme"), "default": None}


def log(message):
    print(message, file=sys.stderr, flush=True)


def fail(message, code=1):
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(code)


def remove(path):
    if os.path.lexists(path):
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)


class Run:
    def __init__(self, wall, rss_kb, returncode, stderr):
        self.wall = wall
        self.rss_kb = rss_kb
        self.returncode = returncode
        self.stderr = stderr


def timed(cmd, cwd, time_file, env=None, stdout=None):
    """Run cmd under /usr/bin/time; wall time from a monotonic clock around the process, peak RSS (KiB) from time's %M."""
    remove(time_file)
    full = ["/usr/bin/time", "-o", time_file, "-f", "%e %M"] + cmd
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        proc = subprocess.run(full, cwd=cwd, env=env, stdout=out, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
    finally:
        if stdout:
            out.close()
    rss = 0
    with open(time_file) as f:
        lines = [l.split() for l in f.read().splitlines() if l.strip()]
    # time writes "Command exited with non-zero status N" before the format line on failure.
    for fields in reversed(lines):
        if len(fields) == 2:
            try:
                float(fields[0])
                rss = int(fields[1])
                break
            except ValueError:
                pass
    return Run(wall, rss, proc.returncode, proc.stderr.decode("utf-8", "replace"))


TRASH = []  # folders of earlier runs' output, deleted once a corpus's runs are over


def fresh(path):
    """Move a previous run's output aside (outside the timed part) and flush pending writes, so one
    run's write-back does not land in the next run's time. Deleting 10,000 folders instead would keep
    the file system busy (journal, discards on a `discard` mount) well into the next timed run."""
    if os.path.lexists(path):
        aside = f"{path}.old-{len(TRASH)}"
        os.rename(path, aside)
        TRASH.append(aside)
    os.sync()


def empty_trash():
    while TRASH:
        remove(TRASH.pop())


def tool_version(cmd):
    try:
        return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "?"


def prepare_kartu(args, work):
    if args.kartu:
        source = os.path.abspath(args.kartu)
        if not os.access(source, os.X_OK):
            fail(f"--kartu {args.kartu}: not an executable file", 2)
    else:
        log("bench: scripts/build-kartu.sh")
        start = time.perf_counter()
        proc = subprocess.run([os.path.join(ROOT, "scripts", "build-kartu.sh")], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if proc.returncode != 0:
            print(proc.stdout, file=sys.stderr)
            fail("swift build failed")
        log(f"bench: built in {time.perf_counter() - start:.1f} s")
        source = os.path.join(ROOT, ".build", "release", "kartu")
    # Time a private copy: a rebuild of .build/ while the benchmark runs must not swap the binary between runs.
    binary = os.path.join(work, "kartu")
    shutil.copy2(source, binary)
    return source, binary


def make_corpus(args, pages, corpora):
    corpus = os.path.join(corpora, f"corpus-{pages}")
    with open(args.make_corpus, "rb") as f:
        stamp = f"{pages} {args.seed} {hashlib.sha256(f.read()).hexdigest()}\n"
    stamp_file = os.path.join(corpus, ".bench-stamp")
    if args.keep and os.path.exists(stamp_file) and open(stamp_file).read() == stamp:
        log(f"bench: reusing {corpus}")
    else:
        log(f"bench: making {pages} documents in {corpus}")
        proc = subprocess.run([sys.executable, args.make_corpus, "--pages", str(pages), "--out", corpus,
                               "--seed", str(args.seed), "--hugo"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if proc.returncode != 0:
            print(proc.stdout, file=sys.stderr)
            fail("make-corpus.py failed")
        with open(stamp_file, "w") as f:
            f.write(stamp)
    os.sync()
    return corpus


def theme_root(corpus, theme):
    """The site folder kartu builds for `theme`: the corpus itself for the bench theme (as Hugo, which
    reads its own layouts), a sibling sharing its content (a symbolic link) for any other theme."""
    root = corpus if theme == "bench" else f"{corpus}-{theme}"
    if root != corpus:
        # The corpus's content by symbolic links, but for site.yaml, which says which theme is whole.
        remove(root)
        os.makedirs(os.path.join(root, "content"))
        for name in os.listdir(os.path.join(corpus, "content")):
            if name != "site.yaml":
                os.symlink(os.path.join(corpus, "content", name), os.path.join(root, "content", name))
        with open(os.path.join(corpus, "content", "site.yaml"), encoding="utf-8") as f:
            site_yaml = f.read().replace("builtInTheme: false\n", "")
        with open(os.path.join(root, "content", "site.yaml"), "w", encoding="utf-8") as f:
            f.write(site_yaml)
    templates = os.path.join(root, "templates")
    remove(templates)
    if THEMES[theme]:
        shutil.copytree(THEMES[theme], templates)
        with open(os.path.join(root, "content", "site.yaml"), "a+", encoding="utf-8") as f:
            f.seek(0)
            text = f.read()
            if "builtInTheme" not in text:
                f.write(("" if text.endswith("\n") else "\n") + "builtInTheme: false\n")
    return root


def corpus_files(corpus):
    """Languages (in site.yaml's order) and their .md files, relative to the corpus."""
    content = os.path.join(corpus, "content")
    with open(os.path.join(content, "site.yaml"), encoding="utf-8") as f:
        order = re.findall(r"^\s*-\s*code:\s*([\w-]+)", f.read(), re.M)
    folders = sorted(os.listdir(content), key=lambda l: (order.index(l) if l in order else len(order), l))
    langs = {}
    for lang in folders:
        folder = os.path.join(content, lang)
        if not os.path.isdir(folder):
            continue
        files = []
        for dirpath, _, names in os.walk(folder):
            files += [os.path.relpath(os.path.join(dirpath, n), corpus) for n in names if n.endswith(".md")]
        langs[lang] = sorted(files)
    return langs


def median_run(runs):
    """The run whose wall time is the median (the lower middle one for an even count)."""
    ordered = sorted(runs, key=lambda r: r.wall)
    return ordered[(len(ordered) - 1) // 2]


def summary(runs):
    walls = [r.wall for r in runs]
    return statistics.median(walls), min(walls), max(walls), statistics.median([r.rss_kb for r in runs]) / 1024


def bench_corpus(args, pages, corpora, work, sites, kartu):
    corpus = make_corpus(args, pages, corpora)
    roots = {theme: theme_root(corpus, theme) for theme in args.theme}
    os.sync()
    langs = corpus_files(corpus)
    all_files = [f for files in langs.values() for f in files]
    documents = sum(1 for f in all_files if not os.path.basename(f).startswith("_") and os.path.basename(f) != "index.md")
    time_file = os.path.join(work, "time.txt")
    out_kartus = {theme: os.path.join(sites, f"site-kartu-{pages}-{theme}") for theme in args.theme}
    out_hugo = os.path.join(sites, f"site-hugo-{pages}")
    hugo_cache = os.path.join(work, f"hugo-cache-{pages}")
    cmark_out = os.path.join(work, f"cmark-{pages}.html")
    env = dict(os.environ)
    if args.timings:
        env["KARTU_TIMINGS"] = "1"

    def run_kartu(theme):
        out = out_kartus[theme]
        fresh(out)
        r = timed([kartu, "build", "--root", roots[theme], "--output", out, "--base-url", BASE_URL], roots[theme], time_file, env=env)
        if r.returncode != 0:
            print(r.stderr, file=sys.stderr)
            fail(f"kartu build exited with {r.returncode} on the {pages}-document corpus, {theme} theme")
        return r

    def run_hugo():
        fresh(out_hugo)
        remove(hugo_cache)
        r = timed(["hugo", "--quiet", "-s", corpus, "-d", out_hugo, "--ignoreCache", "--cacheDir", hugo_cache], corpus, time_file)
        if r.returncode != 0:
            print(r.stderr, file=sys.stderr)
            fail(f"hugo exited with {r.returncode} on the {pages}-document corpus")
        return r

    def run_cmark_stream():
        fresh(cmark_out)
        r = timed(["cmark-gfm"] + CMARK_ARGS + all_files, corpus, time_file, stdout=cmark_out)
        if r.returncode != 0:
            fail(f"cmark-gfm exited with {r.returncode}: {r.stderr.strip()}")
        return r

    def run_cmark_per_language():
        wall, rss = 0.0, 0
        for lang, files in langs.items():
            fresh(cmark_out)
            r = timed(["cmark-gfm"] + CMARK_ARGS + files, corpus, time_file, stdout=cmark_out)
            if r.returncode != 0:
                fail(f"cmark-gfm exited with {r.returncode}: {r.stderr.strip()}")
            wall += r.wall
            rss = max(rss, r.rss_kb)
        return Run(wall, rss, 0, "")

    steps = [(f"kartu-{theme}", lambda theme=theme: run_kartu(theme)) for theme in args.theme]
    steps += [("hugo", run_hugo), ("stream", run_cmark_stream), ("per-language", run_cmark_per_language)]
    results = {name: [] for name, _ in steps}
    rounds = args.warmup + args.runs
    for i in range(rounds):
        warm = i < args.warmup
        label = "warm-up" if warm else f"run {i - args.warmup + 1}/{args.runs}"
        done = []
        for name, step in steps:
            r = step()
            done.append(f"{name} {r.wall:.2f} s")
            if not warm:
                results[name].append(r)
        log(f"bench: {pages} documents, {label}: " + ", ".join(done))
    fresh(cmark_out)

    empty_trash()
    # The page-by-page sample compares markup, so it uses the bench theme's output when there is one.
    checked_theme = "bench" if "bench" in args.theme else args.theme[0]
    check = check_outputs(args, corpus, langs, out_kartus[checked_theme], out_hugo, checked_theme)

    # Report.
    h_med, h_min, h_max, h_rss = summary(results["hugo"])
    s_med, s_min, s_max, s_rss = summary(results["stream"])
    l_med, l_min, l_max, l_rss = summary(results["per-language"])
    hugo_name = args.hugo_version
    lines = []
    head = f"corpus {documents} documents ({len(langs)} languages), {args.runs} runs"
    lines.append(f"{head:<52}{'median wall (min–max)':<27}{'peak RSS':>10}")

    def row(label, med, lo, hi, rss):
        spread = f"({lo:.2f}–{hi:.2f})"
        return f"{label:<52}{med:>6.2f} s {spread:<18}{rss:>6.0f} MiB"

    for theme in args.theme:
        lines.append(row(f"kartu ({theme} theme)", *summary(results[f"kartu-{theme}"])))
    lines.append(row(hugo_name, h_med, h_min, h_max, h_rss))
    # The floor: converting every file's Markdown to HTML with the cmark-gfm CLI, fed the faster of
    # the two ways (the lower median): a lower floor is the stricter one for kartu.
    floor = min(s_med, l_med)
    mark_stream = " ← floor" if floor == s_med else ""
    mark_lang = " ← floor" if floor != s_med else ""
    lines.append(row("cmark-gfm, every file in one stream (1 process)", s_med, s_min, s_max, s_rss) + mark_stream)
    lines.append(row(f"cmark-gfm, one process per language folder ({len(langs)})", l_med, l_min, l_max, l_rss) + mark_lang)
    verdicts = []

    def verdict(name, ok):
        verdicts.append((f"{name} ({documents} documents)", ok))
        return "PASS" if ok else "FAIL"

    for theme in args.theme:
        k_med, _, _, k_rss = summary(results[f"kartu-{theme}"])
        time_ratio, memory_ratio, floor_ratio = k_med / h_med, k_rss / h_rss, k_med / floor
        parts = [f"{theme} theme:"]
        if theme == "bench":
            if pages == 1000:
                parts.append(f"kartu {k_med:.2f} s (target ≤ {TARGET_1K_SECONDS} s) {verdict('bench theme 1k wall', k_med <= TARGET_1K_SECONDS)}")
            if pages == 10000:
                parts.append(f"kartu/hugo time {time_ratio:.2f} (target ≤ {TARGET_TIME_RATIO:.2f}) {verdict('bench theme time ratio', time_ratio <= TARGET_TIME_RATIO)}")
            else:
                parts.append(f"kartu/hugo time {time_ratio:.2f}")
            parts.append(f"kartu/floor {floor_ratio:.2f} (≤ {TARGET_FLOOR_RATIO:g}) {verdict('bench theme floor ratio', floor_ratio <= TARGET_FLOOR_RATIO)}")
        else:
            target = {1000: TARGET_DEFAULT_1K_TIME_RATIO, 10000: TARGET_DEFAULT_TIME_RATIO}.get(pages)
            if target is not None:
                parts.append(f"kartu/hugo time {time_ratio:.2f} (target ≤ {target:.2f}) {verdict(f'{theme} theme time ratio', time_ratio <= target)}")
            else:
                parts.append(f"kartu/hugo time {time_ratio:.2f}")
            parts.append(f"kartu/floor {floor_ratio:.2f}")
        if pages == 10000:
            parts.append(f"memory {memory_ratio:.2f} (≤ {TARGET_MEMORY_RATIO:.2f}) {verdict(f'{theme} theme memory ratio', memory_ratio <= TARGET_MEMORY_RATIO)}")
        else:
            parts.append(f"memory {memory_ratio:.2f} (no target at this size)")
        lines.append(parts[0] + " " + " · ".join(parts[1:]))
    for theme in args.theme:
        report_theme(lines, args, theme, results[f"kartu-{theme}"])
    lines.append(check[0])
    if not args.keep_sites:
        for out in out_kartus.values():
            remove(out)
        remove(out_hugo)
    remove(hugo_cache)
    if not args.keep:
        remove(corpus)
        for root in roots.values():
            if root != corpus:
                remove(root)
    return lines, verdicts, check[1]


def report_theme(lines, args, theme, runs):
    """kartu's own summary line, any diagnostics and (with --timings) the step times of the median run."""
    report = median_run(runs).stderr
    summary_line = next((l for l in report.splitlines() if l.startswith("kartu: documents")), None)
    if summary_line:
        lines.append(f"kartu ({theme} theme) said: {summary_line[len('kartu: '):]}")
    diagnostics = [l for l in report.splitlines() if ": warning:" in l or ": error:" in l]
    if diagnostics:
        lines.append(f"kartu diagnostics ({len(diagnostics)}): " + " | ".join(diagnostics[:3]))
    if args.timings:
        timing = [l for l in report.splitlines() if l.startswith("timing:")]
        lines.append(f"kartu steps, {theme} theme (KARTU_TIMINGS=1, median run {median_run(runs).wall:.2f} s):")
        lines += ["  " + l[len("timing:"):].strip() for l in timing] or ["  (no timing lines: does this kartu support KARTU_TIMINGS?)"]


# ---------------------------------------------------------------------------------------------
# Output check: kartu builds what Hugo builds.

HREF = re.compile(r'href="([^"]*)"')
UNRESOLVED = re.compile(r'href="[^"]*\.md(?:#[^"]*)?"')
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"')


def page_set(site, lang, depth_parts):
    """index.html pages under site/lang/<a>/<b>/ matching the given folder pattern."""
    found = set()
    base = os.path.join(site, lang)
    if not os.path.isdir(base):
        return found
    if depth_parts == "documents":
        for section in sorted(os.listdir(base)):
            folder = os.path.join(base, section)
            if section == "themes" or not os.path.isdir(folder):
                continue
            for slug in os.listdir(folder):
                if os.path.isfile(os.path.join(folder, slug, "index.html")):
                    found.add(f"{lang}/{section}/{slug}/")
    elif depth_parts == "themes":
        folder = os.path.join(base, "themes")
        if os.path.isdir(folder):
            for term in os.listdir(folder):
                if os.path.isfile(os.path.join(folder, term, "index.html")):
                    found.add(f"{lang}/themes/{term}/")
    return found


def parse_document(html, lang):
    """The blocks of a bench-theme / Hugo-bench document page: themes, content, translations, related."""
    start = html.find("<article>")
    end = html.rfind("</article>")
    if start < 0 or end < 0:
        return None
    article = html[start:end]
    themes_start = article.find("<ul>")
    themes_end = article.find("</ul>", themes_start) + len("</ul>")
    last = article.rfind("<ul>")
    before = article.rfind("<ul>", 0, last)
    last_hrefs = HREF.findall(article[last:])
    if last_hrefs and all(h.startswith(f"/{lang}/") for h in last_hrefs):
        related, translations_start = last_hrefs, before
        translations = HREF.findall(article[before:last])
    else:
        related, translations_start = [], last
        translations = last_hrefs
    return {
        "alternates": set(ALTERNATE.findall(html)),
        "themes": HREF.findall(article[themes_start:themes_end]),
        "content": set(HREF.findall(article[themes_end:translations_start])),
        "translations": set(translations),
        "related": related,
    }


def check_outputs(args, corpus, langs, out_kartu, out_hugo, theme):
    problems = []
    doc_counts = []
    kartu_docs_all, hugo_docs_all = set(), set()
    kartu_terms, hugo_terms = set(), set()
    list_pages = [0, 0]
    for lang in langs:
        k, h = page_set(out_kartu, lang, "documents"), page_set(out_hugo, lang, "documents")
        kartu_docs_all |= k
        hugo_docs_all |= h
        doc_counts.append(f"{lang} {len(k & h)}/{len(h)}")
        kartu_terms |= page_set(out_kartu, lang, "themes")
        hugo_terms |= page_set(out_hugo, lang, "themes")
        # List pages: the language home and each section's list.
        for name in sorted(os.listdir(os.path.join(out_hugo, lang))) + [""]:
            page = os.path.join(lang, name, "index.html")
            if name == "themes" or not os.path.isfile(os.path.join(out_hugo, page)):
                continue
            list_pages[1] += 1
            if os.path.isfile(os.path.join(out_kartu, page)):
                list_pages[0] += 1
            else:
                problems.append(f"kartu has no {page}")
    if hugo_docs_all - kartu_docs_all:
        problems.append(f"{len(hugo_docs_all - kartu_docs_all)} Hugo document pages missing in kartu's output, e.g. {sorted(hugo_docs_all - kartu_docs_all)[0]}")
    if hugo_terms - kartu_terms:
        problems.append(f"{len(hugo_terms - kartu_terms)} Hugo theme pages missing in kartu's output, e.g. {sorted(hugo_terms - kartu_terms)[0]}")

    # Every .md link resolved: no href ending in .md (or .md#…) in any document page.
    unresolved = {"kartu": 0, "hugo": 0}
    for name, site, pages in (("kartu", out_kartu, kartu_docs_all), ("hugo", out_hugo, hugo_docs_all)):
        for page in pages:
            with open(os.path.join(site, page, "index.html"), encoding="utf-8") as f:
                if UNRESOLVED.search(f.read()):
                    unresolved[name] += 1
    if unresolved["kartu"]:
        problems.append(f"{unresolved['kartu']} kartu pages keep an unresolved .md link")

    samples = ""
    if theme == "bench":
        overlap = []
        checked = []
        for position, lang in enumerate(langs, start=1):
            common = sorted(page_set(out_kartu, lang, "documents") & page_set(out_hugo, lang, "documents"))
            if not common:
                problems.append(f"no common document page in {lang}")
                continue
            # A different document in each language, spread over the sorted list.
            page = common[len(common) * position // (len(langs) + 1)]
            with open(os.path.join(out_kartu, page, "index.html"), encoding="utf-8") as f:
                k = parse_document(f.read(), lang)
            with open(os.path.join(out_hugo, page, "index.html"), encoding="utf-8") as f:
                h = parse_document(f.read(), lang)
            if k is None or h is None:
                problems.append(f"{page}: no <article> in the {'kartu' if k is None else 'hugo'} page")
                continue
            checked.append(lang)
            if k["translations"] != h["translations"]:
                problems.append(f"{page}: translation links differ: kartu {sorted(k['translations'])} hugo {sorted(h['translations'])}")
            if k["alternates"] != h["alternates"]:
                problems.append(f"{page}: hreflang alternates differ")
            if sorted(k["themes"]) != sorted(h["themes"]):
                problems.append(f"{page}: theme links differ: kartu {k['themes']} hugo {h['themes']}")
            if k["content"] != h["content"]:
                problems.append(f"{page}: links in the text differ: kartu {sorted(k['content'])} hugo {sorted(h['content'])}")
            if len(k["related"]) != 5 or len(h["related"]) != 5:
                problems.append(f"{page}: related links kartu {len(k['related'])}, hugo {len(h['related'])} (want 5)")
            overlap.append(str(len(set(k["related"]) & set(h["related"]))))
        samples = (f"; sampled 1 page in each of {','.join(checked)}: translation links, hreflang alternates, "
                   f"theme links and links in the text same as Hugo's, 5 related each "
                   f"(in Hugo's 5 too: {'/'.join(overlap)})")
    else:
        samples = "; page-by-page sample needs --theme bench (the default theme's markup differs from Hugo's layouts)"
    ok = not problems
    line = (f"output check: document pages (kartu∩hugo/hugo) {' '.join(doc_counts)}; theme pages {len(kartu_terms & hugo_terms)}/{len(hugo_terms)}; home and section lists {list_pages[0]}/{list_pages[1]}"
            f"{samples}; pages with an unresolved .md link: kartu {unresolved['kartu']}, hugo {unresolved['hugo']} → "
            + ("OK" if ok else "DIFFERENT: " + " | ".join(problems[:5])))
    return line, ok


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, nargs="+", default=[1000, 10000], metavar="N",
                    help="corpus sizes in documents over all languages (default: 1000 10000)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per tool and corpus (at least 3; default 3)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed rounds before the timed ones (default 1)")
    ap.add_argument("--theme", choices=sorted(THEMES), nargs="+", default=["bench", "default"],
                    help="kartu themes to time, each against the same Hugo runs (default: both): bench: bench/theme/ "
                         "(the same information as the Hugo layouts); default: the built-in theme (default-theme/ of the repo), what users build with")
    ap.add_argument("--kartu", metavar="PATH", help="kartu binary to time (default: scripts/build-kartu.sh, then .build/release/kartu)")
    ap.add_argument("--keep", metavar="DIR", help="keep the corpora in DIR (and reuse them on the next run with the same settings)")
    ap.add_argument("--keep-sites", action="store_true", help="keep the last run's kartu and Hugo output (needs --keep)")
    ap.add_argument("--timings", action="store_true", help="also print kartu's KARTU_TIMINGS=1 step times of the median run")
    ap.add_argument("--work", metavar="DIR",
                    help="folder for corpora and outputs (default: the system's temporary folder); "
                         "--work /dev/shm puts both engines' output on tmpfs, taking the disk out of the figures")
    ap.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    ap.add_argument("--make-corpus", default=DEFAULT_MAKE_CORPUS, metavar="PATH",
                    help=f"the corpus generator (default {DEFAULT_MAKE_CORPUS}, or $KARTU_MAKE_CORPUS)")
    args = ap.parse_args()
    if args.runs < 3:
        ap.error("--runs must be at least 3 (the median of fewer runs says little)")
    if args.warmup < 0:
        ap.error("--warmup must be 0 or more")
    if args.keep_sites and not args.keep:
        ap.error("--keep-sites needs --keep DIR")
    if not os.path.isfile(args.make_corpus):
        ap.error(f"corpus generator not found: {args.make_corpus} (pass --make-corpus PATH)")
    for tool in ("hugo", "cmark-gfm"):
        if not shutil.which(tool):
            ap.error(f"{tool} not found on PATH")
    if not os.access("/usr/bin/time", os.X_OK):
        ap.error("/usr/bin/time not found (apt-get install time)")

    if args.work and not os.path.isdir(args.work):
        ap.error(f"--work {args.work}: no such folder")
    work = tempfile.mkdtemp(prefix="kartu-bench-", dir=args.work)
    try:
        source, kartu = prepare_kartu(args, work)
        corpora = os.path.abspath(args.keep) if args.keep else work
        os.makedirs(corpora, exist_ok=True)
        if args.keep_sites:
            os.makedirs(os.path.join(corpora, "sites"), exist_ok=True)
        hugo_line = tool_version(["hugo", "version"])
        m = re.search(r"v(\d+\.\d+\.\d+)", hugo_line)
        args.hugo_version = f"hugo {m.group(1)}" if m else "hugo"
        commit = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True).stdout.strip() or "?"
        load = os.getloadavg()[0]
        cores = os.cpu_count() or 1
        header = [
            f"kartu benchmark · kartu {os.path.relpath(source, ROOT) if source.startswith(ROOT) else source} ({commit}) · "
            f"{args.hugo_version} · {tool_version(['cmark-gfm', '--version']).split(' - ')[0]} · {cores} cores, load {load:.2f} at start",
            f"each round alternates kartu, hugo, cmark-gfm; {args.warmup} warm-up round(s) then {args.runs} timed; "
            f"fresh output folders in {os.path.dirname(work)}; kartu --base-url {BASE_URL}; themes: {', '.join(os.path.relpath(THEMES[t], ROOT) + '/' if THEMES[t] else 'built in' for t in args.theme)}",
        ]
        if load > cores / 2:
            header.append(f"note: load average {load:.2f} on {cores} cores at start — other work is running, figures may be inflated")
        sections, verdicts, all_ok = [], [], True
        for pages in args.pages:
            sites = os.path.join(corpora, "sites") if args.keep_sites else work
            lines, v, ok = bench_corpus(args, pages, corpora, work, sites, kartu)
            sections.append(lines)
            verdicts += v
            all_ok &= ok
        print("\n".join(header))
        for lines in sections:
            print()
            print("\n".join(lines))
        print()
        print("targets: " + " · ".join(f"{name} {'PASS' if ok else 'FAIL'}" for name, ok in verdicts))
        return 0 if all_ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
