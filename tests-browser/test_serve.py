"""`kartu serve` in a real browser: an edit reloads the page with the new heading; a broken file shows
its error over the last good page, as the terminal prints it, and so does a link to nothing typed into
a text; the fix takes the panel away; a page an edit did not change is not reloaded; with --navigate
the browser goes to the edited document's page.

Runs the example site from a copy (the test edits it) with `kartu serve` on a free port.
"""

import json
import shutil
import signal
import subprocess
import time
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_site import REPO, browser, free_port, kartu  # noqa: F401 (browser is a fixture)

WAIT = 20


def wait_for_server(url, process):
    deadline = time.time() + 60
    while time.time() < deadline:
        assert process.poll() is None, f"kartu serve stopped:\n{process.stderr.read()}"
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"kartu serve did not answer at {url}")


def serve(tmp_path, *options):
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    port = free_port()
    process = subprocess.Popen([kartu(), "serve", "--root", str(root), "--port", str(port), *options],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return root, port, process


def generation(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__kartu/status", timeout=5) as response:
        return json.loads(response.read())["generation"]


def test_serve_reloads_on_edit_and_shows_errors(browser, tmp_path):  # noqa: F811
    root, port, process = serve(tmp_path)
    try:
        url = f"http://127.0.0.1:{port}/lt/projects/"
        wait_for_server(url, process)
        browser.get(url)
        heading = browser.find_element(By.TAG_NAME, "h1").text
        assert heading == "Projektai"
        # A marker the reload clears: the page must reload itself, not be reloaded by the test.
        browser.execute_script("window.kartuMarker = true")
        section = root / "content" / "lt" / "projects" / "_index.md"
        source = section.read_text(encoding="utf-8")
        section.write_text(source.replace("title: \"Projektai\"", "title: \"Projektai ir jų rezultatai\"", 1), encoding="utf-8")
        WebDriverWait(browser, WAIT).until(
            lambda b: b.execute_script("return !window.kartuMarker")
            and b.find_element(By.TAG_NAME, "h1").text == "Projektai ir jų rezultatai")

        section.write_text("---\ntitle: [broken\n---\nx\n", encoding="utf-8")
        panel = WebDriverWait(browser, WAIT).until(lambda b: b.find_elements(By.ID, "kartu-errors"))[0]
        assert "content/lt/projects/_index.md:2:8: error: this list is not closed" in panel.text
        assert "hint: end it with ] on the same line" in panel.text
        # The last good page stays under the panel.
        assert browser.find_element(By.TAG_NAME, "h1").text == "Projektai ir jų rezultatai"

        section.write_text(source, encoding="utf-8")
        WebDriverWait(browser, WAIT).until(
            lambda b: not b.find_elements(By.ID, "kartu-errors") and b.find_element(By.TAG_NAME, "h1").text == "Projektai")

        # An edit of a document's text changes its page, not the list: the list is not reloaded.
        browser.execute_script("window.kartuMarker = true")
        document = root / "content" / "lt" / "projects" / "lyderiu-laikas-2.md"
        text = document.read_text(encoding="utf-8")
        before = generation(port)
        document.write_text(text + "\nNauja pastraipa.\n", encoding="utf-8")
        WebDriverWait(browser, WAIT).until(lambda b: generation(port) > before)
        time.sleep(1)
        assert browser.execute_script("return window.kartuMarker") is True

        # A link to nothing typed into the text: the error over the page, at the link's line.
        lines = (text + "\n[Kitas projektas](nera-tokio.md)\n").count("\n")
        document.write_text(text + "\n[Kitas projektas](nera-tokio.md)\n", encoding="utf-8")
        panel = WebDriverWait(browser, WAIT).until(lambda b: b.find_elements(By.ID, "kartu-errors"))[0]
        assert f"content/lt/projects/lyderiu-laikas-2.md:{lines}:" in panel.text
        assert "nera-tokio.md" in panel.text
        document.write_text(text, encoding="utf-8")
        WebDriverWait(browser, WAIT).until(lambda b: not b.find_elements(By.ID, "kartu-errors"))
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0


def test_serve_navigates_to_the_edited_page(browser, tmp_path):  # noqa: F811
    root, port, process = serve(tmp_path, "--navigate")
    try:
        url = f"http://127.0.0.1:{port}/lt/"
        wait_for_server(url, process)
        browser.get(url)
        document = root / "content" / "lt" / "projects" / "lyderiu-laikas-2.md"
        document.write_text(document.read_text(encoding="utf-8") + "\nNauja pastraipa.\n", encoding="utf-8")
        WebDriverWait(browser, WAIT).until(lambda b: b.current_url == f"http://127.0.0.1:{port}/lt/projects/lyderiu-laikas-2/")
        assert "Nauja pastraipa." in browser.find_element(By.TAG_NAME, "main").text
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
