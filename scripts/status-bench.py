#!/usr/bin/env python3
"""Time `kartu status` on a synthetic corpus committed to git (issue 15: ≤ 2 s at 10,000 documents).

It makes the corpus with make-corpus.py, commits it, then commits an edit of a tenth of the
Lithuanian originals (their translations become outdated) and a "[minor]" edit of some English
translations (which must not count), and times `kartu status` (text and JSON) --runs times each.

    python3 scripts/status-bench.py                  # 10,000 documents, 5 runs
    python3 scripts/status-bench.py --pages 1000 --kartu .build/release/kartu

Exit status: 0 when every run succeeded and the counts are as committed (the time target is
reported with PASS/FAIL, not enforced), 1 otherwise, 2 on usage errors.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_MAKE_CORPUS = os.environ.get(
    "KARTU_MAKE_CORPUS", os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "make-corpus.py")))
TARGET_SECONDS = 2.0


def fail(message, code=1):
    print(f"status-bench: {message}", file=sys.stderr)
    sys.exit(code)


def git(corpus, *arguments, date="2024-01-01T10:00:00+00:00"):
    environment = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "Bench",
                   "GIT_AUTHOR_EMAIL": "bench@example.org", "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    subprocess.run(["git", *arguments], cwd=corpus, env=environment, check=True, stdout=subprocess.DEVNULL)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=10000, help="documents in the corpus (default 10000)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per format (default 5)")
    ap.add_argument("--kartu", metavar="PATH", help="kartu binary (default: scripts/build-kartu.sh, then .build/release/kartu)")
    ap.add_argument("--make-corpus", default=DEFAULT_MAKE_CORPUS, help="make-corpus.py (default ../shared/bench/make-corpus.py)")
    args = ap.parse_args()
    if args.runs < 1:
        fail("--runs must be at least 1", 2)
    if not os.path.exists(args.make_corpus):
        fail(f"make-corpus.py not found at {args.make_corpus} (set --make-corpus or KARTU_MAKE_CORPUS)", 2)
    if args.kartu:
        kartu = os.path.abspath(args.kartu)
    else:
        subprocess.run([os.path.join(ROOT, "scripts", "build-kartu.sh")], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        kartu = os.path.join(ROOT, ".build", "release", "kartu")

    work = tempfile.mkdtemp(prefix="kartu-status-bench-")
    try:
        corpus = os.path.join(work, "corpus")
        subprocess.run([sys.executable, args.make_corpus, "--pages", str(args.pages), "--out", corpus], check=True, stdout=subprocess.DEVNULL)
        git(corpus, "init", "-q", "-b", "main")
        git(corpus, "add", "-A")
        git(corpus, "commit", "-q", "-m", "The corpus")
        originals = sorted(os.path.join(base, name) for base, _, files in os.walk(os.path.join(corpus, "content", "lt"))
                           for name in files if name.endswith(".md") and not name.startswith(("_", "index")) and "/themes" not in base)
        edited = originals[::10]
        for path in edited:
            with open(path, "a", encoding="utf-8") as f:
                f.write("\nEdited.\n")
        git(corpus, "commit", "-q", "-a", "-m", "Originals edited", date="2024-02-01T10:00:00+00:00")
        # The English translations of the edited originals: were "[minor]" counted, they would be up to date again.
        english = [p.replace(os.sep + "lt" + os.sep, os.sep + "en" + os.sep, 1) for p in edited]
        for path in english:
            if os.path.exists(path):
                with open(path, "a", encoding="utf-8") as f:
                    f.write("\nTypo.\n")
        git(corpus, "commit", "-q", "-a", "-m", "[minor] typos", date="2024-03-01T10:00:00+00:00")

        results = {}
        for format in ("text", "json"):
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                proc = subprocess.run([kartu, "status", "--root", corpus, "--format", format], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                times.append(time.perf_counter() - start)
                if proc.returncode != 0:
                    fail(f"kartu status failed:\n{proc.stderr.decode()}")
            results[format] = (times, proc.stdout)
        status = json.loads(results["json"][1])
        outdated = {language["code"]: language["counts"]["outdated"] for language in status["languages"]}
        print(f"kartu status, {args.pages} documents committed in 3 commits ({len(edited)} Lithuanian originals edited, "
              f"{len(english)} English translations edited with [minor])")
        for format, (times, _) in results.items():
            median = statistics.median(times)
            print(f"  --format {format}: median {median:.2f} s (min {min(times):.2f}, max {max(times):.2f}) of {len(times)}")
            print(f"  {'PASS' if median <= TARGET_SECONDS else 'FAIL'}  ≤ {TARGET_SECONDS:.0f} s")
        print(f"  outdated per language: {outdated}")
        expected = len(edited)
        ok = status["history"]["available"] and all(count == expected for code, count in outdated.items() if code != "lt")
        print(f"  {'PASS' if ok else 'FAIL'}  every translation of an edited original outdated ({expected} per language), [minor] edits not counted")
        sys.exit(0 if ok else 1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
