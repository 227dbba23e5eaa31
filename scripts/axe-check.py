#!/usr/bin/env python3
"""axe-core in headless Chromium on every page of a built site: WCAG 2.2 A/AA and best practices.

    python3 scripts/axe-check.py --root site            # every .html page, 1280 and 390 px, light and dark
    python3 scripts/axe-check.py --root site --pages lt/index.html en/search/index.html

The site is served from --root at / by a local server; each page is loaded at each width and colour
scheme (Chromium's device and media emulation) and checked by the axe-core that axe-selenium-python
bundles. Any violation fails (exit 1), listed as rule, pages and the first elements. Two browsers
share the pages (this machine has two cores).
"""
import argparse
import collections
import concurrent.futures
import os
import sys

from axe_selenium_python import Axe

from headless_browser import browser, serve, view

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VIEWS = [(1280, "light"), (390, "light"), (1280, "dark"), (390, "dark")]


def check(base, pages):
    """Every page in every view, in one browser: {rule: {"help", "pages": [...], "nodes": [...]}}.
    A page is loaded once and checked in each view in turn (the emulation changes the layout and
    the colour scheme in place): a quarter of the page loads."""
    found = {}
    driver = browser()
    try:
        for page in pages:
            view(driver, *VIEWS[0])
            driver.get(base + page)
            axe = Axe(driver)
            axe.inject()
            for width, scheme in VIEWS:
                view(driver, width, scheme)
                result = axe.run(options={"runOnly": {"type": "tag", "values": TAGS}})
                for violation in result["violations"]:
                    entry = found.setdefault(violation["id"], {"help": violation["help"], "pages": [], "nodes": []})
                    entry["pages"].append(f"{page} ({width} px, {scheme})")
                    entry["nodes"] += [node["html"][:160] for node in violation["nodes"][:2]]
    finally:
        driver.quit()
    return found


def axe_version():
    import axe_selenium_python
    script = os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js")
    with open(script, encoding="utf-8") as f:
        head = f.read(200)
    return head.split("axe v", 1)[1].split()[0] if "axe v" in head else "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", required=True, help="the built site")
    parser.add_argument("--pages", nargs="*", help="pages relative to the root (default: every .html file)")
    parser.add_argument("--browsers", type=int, default=2)
    args = parser.parse_args()
    pages = args.pages or sorted(
        os.path.relpath(os.path.join(folder, name), args.root)
        for folder, _, names in os.walk(args.root) for name in names if name.endswith(".html"))
    server = serve(args.root)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    shares = [pages[i::args.browsers] for i in range(args.browsers)]
    with concurrent.futures.ThreadPoolExecutor(len(shares)) as pool:
        results = list(pool.map(lambda share: check(base, share), shares))
    server.shutdown()
    merged = collections.defaultdict(lambda: {"help": "", "pages": [], "nodes": []})
    for result in results:
        for rule, entry in result.items():
            merged[rule]["help"] = entry["help"]
            merged[rule]["pages"] += entry["pages"]
            merged[rule]["nodes"] += entry["nodes"]
    checks = len(pages) * len(VIEWS)
    if merged:
        for rule, entry in sorted(merged.items()):
            print(f"axe: {rule}: {entry['help']} — {len(entry['pages'])} page views, e.g. {', '.join(sorted(entry['pages'])[:4])}", file=sys.stderr)
            for node in list(dict.fromkeys(entry["nodes"]))[:3]:
                print(f"    {node}", file=sys.stderr)
        sys.exit(f"axe: violations in {sum(len(e['pages']) for e in merged.values())} of {checks} page views")
    print(f"axe {axe_version()}: 0 violations (WCAG 2.2 A/AA and best practices) in {len(pages)} pages × "
          f"{len(VIEWS)} views (1280 and 390 px, light and dark) = {checks} checks")


if __name__ == "__main__":
    main()
