#!/usr/bin/env python3
"""Checks every link of a built kartu site by crawling it over HTTP.

    scripts/check-links.py --root DIR --prefix /guide/ --port 8770

DIR is served (Python's http.server, in a thread, on 127.0.0.1:PORT); it holds the built site under
the prefix, e.g. DIR/guide/ built with `kartu build --base-url http://127.0.0.1:PORT/guide/
--output DIR/guide`. The crawl starts at the prefix (plus robots.txt, sitemap.xml and 404.html when
the build wrote them) and follows, on this host only:

- every href, src, srcset, form action, meta refresh and og:url of every HTML page;
- the links of Atom feeds and sitemaps (<link href>, <loc>, <xhtml:link href>), robots.txt's Sitemap;
- the search index: meta.json from a page's data-index folder, every shard and chunk of cards it
  lists, the passage blocks the shards point to, and every document URL in the cards;
- #fragments: the target page must have an element with that id (or an <a name>).

Every URL must answer 200 (redirects count as broken: a link should name the page itself). Builds
nothing. Exit status 0 when nothing is broken, 1 otherwise (each broken URL is listed with the pages
that link to it), 2 on usage errors.
"""

import argparse
import functools
import http.server
import json
import os
import re
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

MAX_URLS = 100_000
SKIP_SCHEMES = {"mailto", "tel", "javascript", "data", "about", "blob"}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def list_directory(self, path):
        # A folder without index.html is a missing page, not a listing.
        self.send_error(404, "No index.html in this folder")
        return None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


class PageParser(HTMLParser):
    """Collects the links, the ids and the search index folder of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.ids = set()
        self.index_folders = []

    def handle_starttag(self, tag, attrs):
        a = {name: (value or "") for name, value in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        for name in ("href", "src"):
            if name in a and not (tag == "link" and a.get("rel") in ("preconnect", "dns-prefetch")):
                self.links.append(a[name])
        if "srcset" in a:
            self.links += [part.strip().split()[0] for part in a["srcset"].split(",") if part.strip()]
        if tag == "form" and a.get("method", "get").lower() == "get":
            self.links.append(a.get("action", ""))
        if tag == "meta":
            if a.get("http-equiv", "").lower() == "refresh":
                match = re.search(r"url\s*=\s*(\S+)", a.get("content", ""), re.I)
                if match:
                    self.links.append(match.group(1).strip("'\""))
            if a.get("property") == "og:url":
                self.links.append(a.get("content", ""))
        if "data-index" in a:
            self.index_folders.append(a["data-index"])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def quote_url(url):
    """The URL with its path and query percent-encoded (links may hold non-ASCII file names)."""
    parts = urllib.parse.urlsplit(url)
    path = urllib.parse.quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    query = urllib.parse.quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, query, ""))


class Crawler:
    def __init__(self, origin, workers):
        self.origin = origin  # http://127.0.0.1:PORT
        self.workers = workers
        self.seen = {}  # url -> index of discovery
        self.referrers = {}  # url -> [pages linking it]
        self.broken = {}  # url -> reason
        self.ids = {}  # html url -> set of ids
        self.fragments = []  # (page, url, fragment)
        self.frontier = []
        self.block_size = 1  # passages per search document file, from a meta.json (read before its shards)
        self.links = 0
        self.external = 0
        self.pages = 0

    def add(self, url, page, kind="link"):
        """Queues a link found on `page` (None for the start URLs)."""
        if not url:
            return
        url = url.strip()
        absolute = urllib.parse.urljoin(page or self.origin + "/", url)
        parts = urllib.parse.urlsplit(absolute)
        if parts.scheme in SKIP_SCHEMES:
            return
        self.links += 1
        if parts.scheme not in ("http", "https") or f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.external += 1
            return
        target = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))
        if parts.fragment and page is not None:
            self.fragments.append((page, target, urllib.parse.unquote(parts.fragment)))
        refs = self.referrers.setdefault(target, [])
        if page is not None and page not in refs:
            refs.append(page)
        if target not in self.seen and len(self.seen) < MAX_URLS:
            self.seen[target] = kind
            self.frontier.append(target)

    def fetch(self, url):
        try:
            with OPENER.open(quote_url(url), timeout=30) as response:
                return url, response.status, response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as error:
            location = error.headers.get("Location") if error.headers else None
            return url, error.code, f"-> {location}" if location else error.reason, b""
        except (urllib.error.URLError, OSError) as error:
            return url, None, str(error), b""

    def handle(self, url, status, ctype, body):
        if status != 200:
            self.broken[url] = f"HTTP {status} {ctype}" if status else f"no answer: {ctype}"
            return
        path = urllib.parse.urlsplit(url).path
        try:
            if ctype == "text/html":
                self.pages += 1
                parser = PageParser()
                parser.feed(body.decode("utf-8"))
                self.ids[url] = parser.ids
                for link in parser.links:
                    self.add(link, url)
                for folder in parser.index_folders:
                    self.add(urllib.parse.urljoin(urllib.parse.urljoin(url, folder), "meta.json"), url, "search-meta")
            elif path.endswith(".xml") or ctype in ("application/xml", "text/xml", "application/atom+xml"):
                root = ET.fromstring(body)
                for element in root.iter():
                    tag = element.tag.rsplit("}", 1)[-1]
                    if tag == "link" and element.get("href"):
                        self.add(element.get("href"), url)
                    elif tag == "loc" and element.text:
                        self.add(element.text.strip(), url)
            elif path.endswith("/robots.txt"):
                for line in body.decode("utf-8").splitlines():
                    if line.lower().startswith("sitemap:"):
                        self.add(line.split(":", 1)[1].strip(), url)
            elif path.endswith(".json"):
                data = json.loads(body.decode("utf-8"))
                name = path.rsplit("/", 1)[-1]
                if name == "meta.json":
                    for _, file in data.get("shards", []):
                        self.add(f"t-{file}.json", url, "search-shard")
                    # The chunks of cards; the passage blocks come from the shards.
                    size = data.get("chunkSize") or 1
                    for chunk in range((data.get("documents", 0) + size - 1) // size):
                        self.add(f"c-{chunk}.json", url, "search-cards")
                    self.block_size = data.get("blockSize") or 1
                elif name.startswith("t-"):
                    # stem → form → [title and fields, summary, text]: the text list is (gap, passage) pairs.
                    for forms in data.values():
                        for lists in forms.values():
                            document = 0
                            for k in range(0, len(lists[2]), 2):
                                document += lists[2][k]
                                block = lists[2][k + 1] // self.block_size
                                self.add(f"d-{document}-{block}.json", url, "search-passages")
                elif name.startswith("c-"):
                    for document in data:
                        self.add(document.get("u"), url)
        except (ValueError, ET.ParseError, UnicodeDecodeError, AttributeError, TypeError) as error:
            self.broken[url] = f"unreadable {ctype}: {error}"

    def run(self, start_urls):
        for url in start_urls:
            self.add(url, None)
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            while self.frontier:
                batch, self.frontier = self.frontier, []
                for result in pool.map(self.fetch, batch):
                    self.handle(*result)
        missing = []
        for page, url, fragment in self.fragments:
            ids = self.ids.get(url)
            if ids is not None and fragment not in ids and fragment != "top":
                missing.append((page, url, fragment))
        return missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", required=True, help="folder to serve (holds the site under --prefix)")
    parser.add_argument("--prefix", default="/", help="URL path of the site, e.g. /guide/ (default /)")
    parser.add_argument("--port", type=int, default=8770, help="port on 127.0.0.1 (default 8770)")
    parser.add_argument("--workers", type=int, default=8, help="parallel requests (default 8)")
    args = parser.parse_args()

    prefix = "/" + args.prefix.strip("/") + "/" if args.prefix.strip("/") else "/"
    site = os.path.join(args.root, prefix.strip("/"))
    if not os.path.isdir(args.root) or not os.path.isfile(os.path.join(site, "index.html")):
        print(f"check-links: no site at {site} (expected {site}/index.html)", file=sys.stderr)
        return 2
    try:
        handler = functools.partial(QuietHandler, directory=args.root)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    except OSError as error:
        print(f"check-links: cannot serve on 127.0.0.1:{args.port}: {error}", file=sys.stderr)
        return 2
    threading.Thread(target=server.serve_forever, daemon=True).start()

    origin = f"http://127.0.0.1:{args.port}"
    start = [origin + prefix]
    for extra in ("robots.txt", "sitemap.xml", "404.html"):
        if os.path.isfile(os.path.join(site, extra)):
            start.append(origin + prefix + extra)
    crawler = Crawler(origin, args.workers)
    try:
        missing = crawler.run(start)
    finally:
        server.shutdown()
        server.server_close()

    for url, reason in sorted(crawler.broken.items()):
        print(f"broken: {url} ({reason})")
        for page in crawler.referrers.get(url, [])[:5]:
            print(f"    linked from {page}")
        if len(crawler.referrers.get(url, [])) > 5:
            print(f"    … and {len(crawler.referrers[url]) - 5} more pages")
    for page, url, fragment in missing:
        print(f"broken: {url}#{fragment} (no element with id '{fragment}')")
        print(f"    linked from {page}")
    broken = len(crawler.broken) + len(missing)
    print(f"links: {len(crawler.seen)} URLs checked, {broken} broken "
          f"({crawler.pages} pages, {crawler.links} links, {len(crawler.fragments)} #fragments, "
          f"{crawler.external} links to other hosts not checked)")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
