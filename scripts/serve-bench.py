#!/usr/bin/env python3
"""Time `kartu serve` from an editor's save to the live-reload event, on a synthetic corpus.

It makes a corpus with make-corpus.py (10,000 documents by default) plus the default theme, times
whole `kartu build`s of it, starts `kartu serve` on a free port and listens to /__kartu/events, then
edits documents as an editor does and measures, for each save, the time from the write to the event
announcing the finished build (the watcher, the rebuild and the writing included):

    body edit    a sentence added to a document's text (every other save written to a temporary file
                 and renamed over the document, as editors save)
    title edit   a letter added to the end of a document's title (a typo fixed: the document keeps
                 its place in every list, so the edit is redone in place)
    moving title a title that moves the document in its lists (the whole site is built: reported,
                 not a target)

After each event the edited page is fetched and must carry the new text. Then a soak of --soak saves
(body and title edits in turn) samples the server's resident memory (VmRSS) and open file descriptors
after the first and the last. At the end the served site (every file) is compared with a fresh
`kartu build` of the same files: it must be identical.

    python3 scripts/serve-bench.py                        # 10,000 documents, 21 edits of each kind, 500 saves of soak
    python3 scripts/serve-bench.py --pages 1000 --soak 100 --kartu .build/release/kartu

Targets (issue 14): median save-to-event ≤ 150 ms and ≤ 1 % of a whole build, for body and title
edits; memory after the soak within 10 % of memory after the first save; no more open files.
Exit status: 0 when every page showed its edit and the served site equals a fresh build (targets are
reported with PASS/FAIL, not enforced), 1 otherwise, 2 on usage errors.
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_MAKE_CORPUS = os.environ.get(
    "KARTU_MAKE_CORPUS",
    os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "make-corpus.py")))
TARGET_MS = 150
TARGET_SHARE = 0.01
TARGET_MEMORY_GROWTH = 0.10


def log(message):
    print(message, file=sys.stderr, flush=True)


def fail(message, code=1):
    log(f"serve-bench: {message}")
    sys.exit(code)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_hash(folder):
    """One hash over every file's path and bytes (sorted), and the number of files."""
    digest = hashlib.sha256()
    count = 0
    for base, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(base, name)
            digest.update(os.path.relpath(path, folder).encode() + b"\0")
            with open(path, "rb") as f:
                digest.update(hashlib.sha256(f.read()).digest())
            count += 1
    return digest.hexdigest()[:16], count


class Events:
    """The server's event stream, read on a thread: each event with the time it arrived."""

    def __init__(self, port):
        self.events = []
        self.cond = threading.Condition()
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(f"GET /__kartu/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        buffer = b""
        while True:
            try:
                chunk = self.sock.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            now = time.perf_counter()
            buffer += chunk
            # Chunked transfer encoding wraps the events; the JSON lines are found whole inside it.
            for line in re.findall(rb"data: (\{.*?\})\n", buffer):
                with self.cond:
                    self.events.append((now, json.loads(line)))
                    self.cond.notify_all()
            buffer = buffer[buffer.rfind(b"\n") + 1:] if b"\n" in buffer else buffer

    def wait(self, count, timeout=120):
        """The event number `count` (1-based), waiting for it."""
        with self.cond:
            if not self.cond.wait_for(lambda: len(self.events) >= count, timeout):
                fail(f"no build event after {timeout} s")
            return self.events[count - 1]


def fetch(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return response.read().decode("utf-8")


def server_stats(pid):
    # A moment for connections of the last fetch to close: what stays open is what was kept.
    time.sleep(0.5)
    with open(f"/proc/{pid}/status") as f:
        rss = int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))
    return rss, len(os.listdir(f"/proc/{pid}/fd"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=10000, help="documents in the corpus (default 10000)")
    ap.add_argument("--edits", type=int, default=21, help="timed saves of each kind (default 21)")
    ap.add_argument("--soak", type=int, default=500, help="saves of the memory and file descriptor soak (default 500)")
    ap.add_argument("--builds", type=int, default=3, help="timed whole builds (default 3)")
    ap.add_argument("--kartu", metavar="PATH", help="kartu binary (default: scripts/build-kartu.sh, then .build/release/kartu)")
    ap.add_argument("--make-corpus", default=DEFAULT_MAKE_CORPUS, help="make-corpus.py (default ../shared/bench/make-corpus.py)")
    ap.add_argument("--work", metavar="DIR", help="folder for the corpus and outputs (default: a temporary folder, removed)")
    args = ap.parse_args()
    if args.edits < 3 or args.builds < 1 or args.soak < 2:
        fail("--edits must be at least 3, --builds at least 1, --soak at least 2", 2)
    if not os.path.exists(args.make_corpus):
        fail(f"make-corpus.py not found at {args.make_corpus} (set --make-corpus or KARTU_MAKE_CORPUS)", 2)

    if args.kartu:
        kartu = os.path.abspath(args.kartu)
    else:
        log("serve-bench: scripts/build-kartu.sh")
        subprocess.run([os.path.join(ROOT, "scripts", "build-kartu.sh")], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        kartu = os.path.join(ROOT, ".build", "release", "kartu")
    work = os.path.abspath(args.work) if args.work else tempfile.mkdtemp(prefix="kartu-serve-bench-")
    os.makedirs(work, exist_ok=True)
    corpus = os.path.join(work, "corpus")
    shutil.rmtree(corpus, ignore_errors=True)
    log(f"serve-bench: making {args.pages} documents in {corpus}")
    subprocess.run([sys.executable, args.make_corpus, "--pages", str(args.pages), "--out", corpus], check=True,
                   stdout=subprocess.DEVNULL)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"

    def build(output):
        shutil.rmtree(output, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run([kartu, "build", "--root", corpus, "--output", output, "--base-url", base], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start

    builds = [build(os.path.join(work, "whole")) for _ in range(args.builds)]
    whole = statistics.median(builds)
    log(f"serve-bench: whole build median {whole:.2f} s ({', '.join(f'{b:.2f}' for b in builds)})")

    # The served folder is made under TMPDIR: a folder of the benchmark's own, to compare at the end.
    tmp = os.path.join(work, "tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    server = subprocess.Popen([kartu, "serve", "--root", corpus, "--port", str(port)], env={**os.environ, "TMPDIR": tmp},
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        if "serving" not in line:
            fail(f"kartu serve did not start: {line!r}")
        events = Events(port)
        time.sleep(0.3)
        documents = sorted(os.path.relpath(os.path.join(b, n), corpus) for b, _, files in os.walk(os.path.join(corpus, "content"))
                           for n in files if n.endswith(".md") and n != "_index.md" and n != "index.md" and "/themes/" not in b)
        # Documents spread over the corpus, each edited once in the timed part.
        step = max(1, len(documents) // (3 * args.edits + 2))
        picks = iter(documents[::step])
        seen = 0
        counter = 0

        def save(path, text, atomic):
            full = os.path.join(corpus, path)
            start = time.perf_counter()
            if atomic:
                temporary = os.path.join(os.path.dirname(full), f".{os.path.basename(full)}.kartu-bench~")
                with open(temporary, "w", encoding="utf-8") as f:
                    f.write(text)
                os.rename(temporary, full)
            else:
                with open(full, "w", encoding="utf-8") as f:
                    f.write(text)
            return start

        def edit(path, kind):
            """One save and its event: (milliseconds, whether it was built in place)."""
            nonlocal seen, counter
            counter += 1
            full = os.path.join(corpus, path)
            with open(full, encoding="utf-8") as f:
                text = f.read()
            head, body = text.split("\n---\n", 1)
            marker = f"kartu{counter}x"
            if kind == "body":
                text = f"{head}\n---\n{body}\nEdited {marker}.\n"
            else:
                title = re.search(r'^title: "(.*)"$', head, re.M).group(1)
                new = title + "s" if kind == "title" else f"Aaa {marker}"
                text = text.replace(f'title: "{title}"', f'title: "{new}"', 1)
                marker = new
            start = save(path, text, atomic=counter % 2 == 0)
            seen += 1
            arrived, event = events.wait(seen)
            if not event["edited"]:
                fail(f"the event after editing {path} names no edited page: {event}")
            page = fetch(port, event["edited"][0])
            escaped = marker.replace("&", "&amp;")
            if escaped not in page:
                fail(f"{event['edited'][0]} does not show the edit of {path} ({marker!r})")
            return (arrived - start) * 1000, event["changed"] is not None

        results = {}
        for kind in ("body", "title", "moving"):
            runs = [edit(next(picks), kind) for _ in range(args.edits if kind != "moving" else 3)]
            results[kind] = runs
            ms = [r[0] for r in runs]
            log(f"serve-bench: {kind} edits: median {statistics.median(ms):.1f} ms (min {min(ms):.1f}, max {max(ms):.1f}), "
                f"{sum(r[1] for r in runs)} of {len(runs)} in place")

        soak_docs = documents[1::max(1, len(documents) // 50)]
        first = None
        for n in range(args.soak):
            edit(soak_docs[n % len(soak_docs)], "body" if n % 2 == 0 else "title")
            if n == 0:
                first = server_stats(server.pid)
        last = server_stats(server.pid)
        log(f"serve-bench: soak of {args.soak} saves: RSS {first[0] / 1024:.1f} → {last[0] / 1024:.1f} MiB, "
            f"open files {first[1]} → {last[1]}")

        served = os.path.join(tmp, [n for n in os.listdir(tmp) if n.startswith("kartu-serve-")][0], "site")
        build(os.path.join(work, "fresh"))
        served_hash, fresh_hash = tree_hash(served), tree_hash(os.path.join(work, "fresh"))
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"kartu serve, {args.pages} documents, default theme, one run ({time.strftime('%Y-%m-%d')})")
    print(f"  whole build (kartu build): median {whole * 1000:.0f} ms of {len(builds)}")
    ok = True

    def verdict(name, passed):
        print(f"  {'PASS' if passed else 'FAIL'}  {name}")

    for kind, label in (("body", "body edit"), ("title", "title edit")):
        ms = [r[0] for r in results[kind]]
        median = statistics.median(ms)
        print(f"  {label}: save to event median {median:.1f} ms (min {min(ms):.1f}, max {max(ms):.1f}; "
              f"{median / (whole * 1000) * 100:.2f} % of a whole build); {sum(r[1] for r in results[kind])} of {len(ms)} in place")
        verdict(f"{label} median ≤ {TARGET_MS} ms", median <= TARGET_MS)
        verdict(f"{label} median ≤ {TARGET_SHARE * 100:.0f} % of a whole build", median <= TARGET_SHARE * whole * 1000)
    ms = [r[0] for r in results["moving"]]
    print(f"  title edit moving the document in its lists (whole build): median {statistics.median(ms):.0f} ms")
    growth = last[0] / first[0] - 1
    print(f"  memory: {first[0] / 1024:.1f} MiB after the first save, {last[0] / 1024:.1f} MiB after {args.soak} ({growth * 100:+.1f} %)")
    verdict(f"memory after {args.soak} saves within {TARGET_MEMORY_GROWTH * 100:.0f} % of after the first", growth <= TARGET_MEMORY_GROWTH)
    print(f"  open file descriptors: {first[1]} after the first save, {last[1]} after {args.soak}")
    verdict("no growth in open file descriptors", last[1] <= first[1])
    same = served_hash == fresh_hash
    print(f"  served site {served_hash[0]} ({served_hash[1]} files), fresh build {fresh_hash[0]} ({fresh_hash[1]} files)")
    verdict("served site identical to a fresh build", same)
    ok = ok and same
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
