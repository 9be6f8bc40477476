"""Headless Chromium driven over the DevTools protocol, for the dashboard's tests and benchmark: open a
page, wait until Streamlit has rendered it (the page's last element, its footer, is there and no script is
running), read its text and DOM, evaluate JavaScript, save a screenshot.

Uses the system's `chromium` (Debian's package; no downloaded browser build) and the `websockets` package
Streamlit already depends on. The browser is confined to loopback: every host name but 127.0.0.1 and
localhost resolves to nothing, and Chromium's own background traffic (updates, sync, safe browsing) is off.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from websockets.sync.client import connect as ws_connect

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--disable-sync",
    "--disable-default-apps", "--disable-component-update", "--disable-domain-reliability", "--no-pings",
    "--disable-client-side-phishing-detection", "--metrics-recording-only", "--mute-audio",
    "--disable-features=Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
]

# Streamlit is done when its script has run (stApp's data-test-script-state), the footer ("rendered in ...
# ms", the last element of every page) or a message (no warehouse, an error) is shown, and every chart has
# drawn. Elements whose code loads lazily appear a little later: `open` also waits for the DOM to be still.
RENDERED = """(() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  const text = main.innerText || '';
  const done = text.includes('rendered in') || document.querySelector(
      '[data-testid="stAlert"], [data-testid="stException"]') !== null;
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  const drawn = charts.every(c => c.querySelector('canvas, svg') !== null);
  return done && drawn;
})()"""
# Notes when Streamlit starts a script run (to tell a new page's render from the one before it). The
# observer's callback comes after the changes it reports: a run that started and ended before it was called
# (a busy machine) shows as a change whose old value is 'running', not as the attribute's value now. A run
# can also leave no trace on the attribute: when the run's start and end reach the page together (a busy
# machine again), React renders once, with 'notRunning', and never sets 'running' (seen: a test's entity
# page opened while the flag stayed false for 60 s), so `ran_or_changed` also takes a changed page.
ARM = """(() => {
  window.__newsetlRan = false;
  const app = document.querySelector('[data-testid="stApp"]');
  new MutationObserver(records => {
    if (app.getAttribute('data-test-script-state') === 'running'
        || records.some(r => r.oldValue === 'running')) window.__newsetlRan = true;
  }).observe(app, {attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']});
  return true;
})()"""
SIGNATURE = "document.body ? document.body.innerHTML.length + ':' + document.body.innerText.length : ''"
# The page's main text without a text input's "Press Enter to apply" (which goes as Enter is pressed,
# before any script run): what a script run changes, not typing.
PAGE_TEXT = """(() => {
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  let text = main.innerText || '';
  for (const hint of main.querySelectorAll('[data-testid="InputInstructions"]'))
    text = text.replace(hint.innerText, '');
  return text;
})()"""


def ran_or_changed(page_text: str) -> str:
    """An expression true once the armed flag saw a script run or the page's text is no longer `page_text`."""
    return f"window.__newsetlRan === true || {PAGE_TEXT} !== {json.dumps(page_text)}"


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        if path := shutil.which(name):
            return path
    return None


class Chromium:
    """One headless browser with one tab. Use as a context manager."""

    def __init__(self, width: int = 1400, height: int = 1000, binary: str | None = None) -> None:
        self.binary = binary or find_chromium()
        if not self.binary:
            raise RuntimeError("chromium not found: apt-get install -y chromium")
        self.profile = Path(tempfile.mkdtemp(prefix="newsetl-chromium-"))
        self.process = subprocess.Popen(
            [self.binary, *FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            # its singleton socket's folder (org.chromium.Chromium.*) in the profile, removed with it
            env={**os.environ, "TMPDIR": str(self.profile)})
        self._ids = itertools.count(1)
        try:
            port = self._devtools_port()
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as response:
                targets = json.load(response)
            page = next(t for t in targets if t["type"] == "page")
            self.ws = ws_connect(page["webSocketDebuggerUrl"], max_size=None, open_timeout=10)
            self.call("Page.enable")
            self.call("Runtime.enable")
            self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                      mobile=False)
        except BaseException:
            self.close()
            raise

    def _devtools_port(self, timeout: float = 30.0) -> int:
        marker = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if marker.exists() and (lines := marker.read_text().split()):
                return int(lines[0])
            if self.process.poll() is not None:
                raise RuntimeError(f"chromium exited with {self.process.returncode}")
            time.sleep(0.05)
        raise RuntimeError("chromium did not open its DevTools port")

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        ws = getattr(self, "ws", None)
        if ws is not None:
            ws.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    # --- the protocol -----------------------------------------------------------------------------------

    def call(self, method: str, timeout: float = 30.0, **params) -> dict:
        message_id = next(self._ids)
        self.ws.send(json.dumps({"id": message_id, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            reply = json.loads(self.ws.recv(timeout=max(0.01, deadline - time.monotonic())))
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}...: {result['exceptionDetails']}")
        return result["result"].get("value")

    # --- pages ------------------------------------------------------------------------------------------

    def open(self, url: str, timeout: float = 60.0, quiet: float = 0.4) -> float:
        """Load `url` and wait until Streamlit has rendered it and its DOM has not changed for `quiet`
        seconds; returns the seconds from navigation to the last change (the render time)."""
        started = time.perf_counter()
        self.call("Page.navigate", url=url)
        return self.wait_rendered(started, timeout=timeout, quiet=quiet)

    def switch(self, title: str, timeout: float = 60.0, quiet: float = 0.4) -> float:
        """Go to another page of the app as a user does, by its link in the sidebar (no page load: a script
        run over the open websocket); returns the seconds until the new page's DOM was final."""
        self.evaluate(ARM)
        before = self.evaluate(PAGE_TEXT)
        started = time.perf_counter()
        found = self.evaluate(f"""(() => {{
            const a = [...document.querySelectorAll('[data-testid="stSidebarNav"] a')]
                .find(a => a.innerText.trim().endsWith({json.dumps(title)}));
            if (a) a.click();
            return a !== undefined; }})()""")
        if not found:
            raise RuntimeError(f"no link to {title!r} in the sidebar")
        self.wait_for(ran_or_changed(before), timeout=timeout)
        return self.wait_rendered(started, timeout=timeout, quiet=quiet)

    def enter_text(self, label: str, text: str, timeout: float = 60.0, quiet: float = 0.4) -> float:
        """Type `text` into the text input labelled `label` and press Enter, as a user does (a script run
        over the open websocket); returns the seconds from Enter until the page's DOM was final."""
        found = self.evaluate(f"""(() => {{
            const input = document.querySelector('input[aria-label={json.dumps(label)}]');
            if (input) {{ input.focus(); input.select(); }}
            return input !== null; }})()""")
        if not found:
            raise RuntimeError(f"no text input labelled {label!r}")
        self.call("Input.insertText", text=text)
        self.evaluate(ARM)
        before = self.evaluate(PAGE_TEXT)
        started = time.perf_counter()
        for kind, typed in (("keyDown", "\r"), ("keyUp", "")):
            self.call("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter", text=typed,
                      windowsVirtualKeyCode=13, nativeVirtualKeyCode=13)
        self.wait_for(ran_or_changed(before), timeout=timeout)
        return self.wait_rendered(started, timeout=timeout, quiet=quiet)

    def wait_rendered(self, started: float, timeout: float = 60.0, quiet: float = 0.4) -> float:
        deadline = time.monotonic() + timeout
        signature, changed = None, time.perf_counter()
        while time.monotonic() < deadline:
            now_signature = self.evaluate(SIGNATURE)
            if now_signature != signature:
                signature, changed = now_signature, time.perf_counter()
            elif time.perf_counter() - changed >= quiet and self.evaluate(RENDERED):
                return changed - started
            time.sleep(0.025)
        raise TimeoutError(f"page not rendered within {timeout} s: {self.text()[:500]!r}")

    def wait_for(self, expression: str, timeout: float = 30.0) -> None:
        """Poll until `expression` is true."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.025)
        raise TimeoutError(f"{expression[:60]!r} not true within {timeout} s: {self.text()[:500]!r}")

    def text(self) -> str:
        return self.evaluate("document.body ? document.body.innerText : ''") or ""

    def html(self) -> str:
        return self.evaluate("document.documentElement.outerHTML") or ""

    def screenshot(self, path: Path, full_height: bool = True) -> Path:
        """A PNG of the page; `full_height` grows the viewport to the height of Streamlit's main area."""
        metrics = None
        if full_height:
            height = self.evaluate("""(() => { const m = document.querySelector('[data-testid="stMain"]');
                return Math.ceil(Math.max(m ? m.scrollHeight : 0, document.body.scrollHeight)); })()""")
            width = self.evaluate("window.innerWidth")
            metrics = {"width": width, "height": min(max(height, 600), 6000), "deviceScaleFactor": 1,
                       "mobile": False}
            self.call("Emulation.setDeviceMetricsOverride", **metrics)
            time.sleep(0.5)  # charts and tables redraw at the new size
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, timeout: float = 60.0, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the dashboard exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def environment(warehouse: Path, **extra: str) -> dict[str, str]:
    """The environment for a dashboard subprocess reading `warehouse`."""
    env = dict(os.environ)
    env["NEWSETL_WAREHOUSE_PATH"] = str(warehouse)
    env.update(extra)
    return env
