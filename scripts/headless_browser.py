"""Headless Chromium for the browser checks (scripts/axe-check.py, scripts/look.py): the site served
from a folder by a local server, a browser, and a view (width and colour scheme) emulated in place."""
import functools
import http.server
import os
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root):
    """A server of `root` on a free local port; its address is `http://127.0.0.1:<port>/`."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    # The Debian chromium and chromium-driver: Selenium Manager need not look on the network.
    os.environ.setdefault("SE_OFFLINE", "true")
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(argument)
    return webdriver.Chrome(options=options)


def view(driver, width, scheme, height=900, media=None):
    """Emulates a `width` px screen (a phone under 600 px) in `scheme`, and `media` ("print") if given.
    A headless window cannot be narrower than 500 px; the device emulation can."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media or "",
                                                          "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    # The new viewport reaches the page a moment later: wait until its media queries see it.
    for _ in range(100):
        if driver.execute_script("return window.matchMedia(arguments[0]).matches",
                                 f"(width: {width}px) and (prefers-color-scheme: {scheme})"):
            return
        time.sleep(0.02)
    raise RuntimeError(f"the page did not take the {width} px {scheme} view")
