"""`kartu serve` in a real browser: an edit reloads the page with the new heading; a broken file shows
its error over the last good page, as the terminal prints it; the fix takes the panel away.

Runs the example site from a copy (the test edits it) with `kartu serve` on a free port.
"""

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


def test_serve_reloads_on_edit_and_shows_errors(browser, tmp_path):  # noqa: F811
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    port = free_port()
    process = subprocess.Popen([kartu(), "serve", "--root", str(root), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
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
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
