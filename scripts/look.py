#!/usr/bin/env python3
"""Looks at pages of a built site as a reader would: screenshots at 390 and 1280 px, light and dark,
the printed PDF, and a few measures of where the reading starts.

    python3 scripts/look.py --root site --out /tmp/look                  # the default pages
    python3 scripts/look.py --root site --out /tmp/look --full lt/index.html

For each page and view it writes <out>/<name>-<width>-<scheme>.png (the first screen, or the whole
page with --full) and <name>.pdf (Chromium's print, A4), and prints one line of measures:
the header's height, where the document's text starts (its first paragraph, as a share of
the first screen too), the page's height, and the PDF's page count. Measures, not verdicts: the
screenshots are for looking at.
"""
import argparse
import base64
import json
import os
import subprocess

from headless_browser import browser, serve, view

PAGES = [
    "lt/index.html", "lv/index.html", "lt/change-projects/index.html", "lt/themes/reflection/index.html",
    "lt/change-projects/kazlu-ruda-reflection/index.html",
    "lt/collaboration-models/alytus-collaboration-model/index.html",
    "en/projects/wsparcie-kadry-jst/index.html",
    "lt/publications/leading-to-learn-together/index.html",
    "lt/publications/leading-to-learn-together/practices/kazlu-ruda/index.html",
    "lt/search/index.html", "404.html",
]
VIEWS = [(390, "light"), (1280, "light"), (390, "dark"), (1280, "dark")]
SCREEN_HEIGHT = {390: 844, 1280: 900}

MEASURE = """
const rect = (el) => el ? el.getBoundingClientRect() : null;
const header = rect(document.querySelector('.site-header'));
// The document's own text, else a list page's introduction or first card, else the first paragraph.
const text = ['main .body > *', 'main .intro > *', 'main .cards', 'main p'].map((s) => document.querySelector(s)).find((e) => e);
const start = text ? rect(text).top + window.scrollY : null;
return {header: header ? Math.round(header.height) : 0, textStart: start === null ? null : Math.round(start),
        height: document.documentElement.scrollHeight,
        overflowX: document.documentElement.scrollWidth > window.innerWidth};
"""


def name_of(page):
    return page.replace("/index.html", "").replace(".html", "").replace("/", "_") or "root"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--full", action="store_true", help="the whole page, not the first screen")
    parser.add_argument("--no-print", action="store_true")
    parser.add_argument("pages", nargs="*", help=f"pages relative to the root (default: {len(PAGES)} pages)")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    server = serve(args.root)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    driver = browser()
    try:
        for page in args.pages or PAGES:
            name = name_of(page)
            driver.get(base + page)
            line = [page]
            for width, scheme in VIEWS:
                view(driver, width, scheme, SCREEN_HEIGHT[width])
                m = driver.execute_script(MEASURE)
                height = min(m["height"], 16000) if args.full else SCREEN_HEIGHT[width]
                if args.full:
                    view(driver, width, scheme, height)
                shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": {
                    "x": 0, "y": 0, "width": width, "height": height, "scale": 1}, "captureBeyondViewport": args.full})
                with open(os.path.join(args.out, f"{name}-{width}-{scheme}.png"), "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
                if scheme == "light":
                    screens = "" if m["textStart"] is None else f" ({m['textStart'] / SCREEN_HEIGHT[width]:.1f} screens)"
                    line.append(f"{width}px: header {m['header']}px, text at {m['textStart']}px{screens}, page {m['height']}px"
                                + (", WIDER THAN THE SCREEN" if m["overflowX"] else ""))
            if not args.no_print:
                view(driver, 1280, "light", 900, media="print")
                pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": False})
                path = os.path.join(args.out, f"{name}.pdf")
                with open(path, "wb") as f:
                    f.write(base64.b64decode(pdf["data"]))
                info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
                pages = next((l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")), "?")
                line.append(f"print: {pages} pages")
            print(" · ".join(line))
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
