"""Headless Chromium for the tests, driven over the DevTools protocol on a pipe (no web socket, no extra package).

A test opens a page or an SVG file at a viewport width, asks the browser what a reader sees (layout, rendered
text, which glyphs a font lacks), takes screenshots and prints to PDF. The page itself is never changed: the
questions are asked with Runtime.evaluate from outside.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Headless, sandbox off (CI runs as root), and nothing that would reach the network or change the profile.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
         "--disable-default-apps", "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe")
TIMEOUT = 60


def find() -> str | None:
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def required() -> bool:
    """CI sets CYBRIEF_REQUIRE_BROWSER=1: there a missing Chromium fails the tests instead of skipping them."""
    return os.environ.get("CYBRIEF_REQUIRE_BROWSER") == "1"


def browser_or_skip() -> str:
    path = find()
    if path is None:
        message = "Chromium is not installed (Debian: apt-get install chromium fonts-noto-cjk)"
        if required():
            pytest.fail(message + "; CYBRIEF_REQUIRE_BROWSER=1 requires it")
        pytest.skip(message)
    return path


class Browser:
    """One Chromium process and one tab in it, spoken to with DevTools messages over fds 3 and 4."""

    def __init__(self, executable: str):
        self.profile = tempfile.mkdtemp(prefix="cybrief-chromium-")
        to_browser_read, self._write = os.pipe()
        self._read, from_browser_write = os.pipe()

        def fds():  # in the child: the protocol's pipes on 3 (commands) and 4 (answers), kept across exec
            commands, answers = os.dup(to_browser_read), os.dup(from_browser_write)  # clear of 3 and 4 first
            os.dup2(commands, 3)
            os.dup2(answers, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=fds, close_fds=False,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer, self._next, self.events, self.log = b"", 0, [], []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session=True)

    def _send(self, method: str, params: dict, session: bool) -> int:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        return self._next

    def _receive(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        message = json.loads(message)
        if "method" in message:
            self.log.append(message)  # every event, for a test to read (wait_for consumes self.events)
        return message

    def call(self, method: str, session: bool = False, **params) -> dict:
        wanted = self._send(method, params, session)
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._receive(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, event: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while True:
            for index, message in enumerate(self.events):
                if message.get("method") == event:
                    del self.events[: index + 1]
                    return
            self.events.append(self._receive(deadline))

    def open(self, path: Path, width: int, height: int = 900) -> None:
        """Load a local file in a viewport `width` CSS pixels wide."""
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height, deviceScaleFactor=1,
                  mobile=False)
        self.events.clear()
        self.call("Page.navigate", session=True, url=Path(path).resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        self.width = width

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        """The whole page (not only the viewport) as a PNG file."""
        size = self.call("Page.getLayoutMetrics", session=True)["cssContentSize"]
        shot = self.call("Page.captureScreenshot", session=True, format="png", captureBeyondViewport=True,
                         clip={"x": 0, "y": 0, "width": max(size["width"], self.width), "height": size["height"], "scale": 1})
        Path(path).write_bytes(base64.b64decode(shot["data"]))
        return Path(path)

    def pdf(self, path: Path) -> Path:
        """The page printed as the browser's print dialog would, with the page's own @page size."""
        printed = self.call("Page.printToPDF", session=True, printBackground=True, preferCSSPageSize=True)
        Path(path).write_bytes(base64.b64decode(printed["data"]))
        return Path(path)

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._write)
        os.close(self._read)
        shutil.rmtree(self.profile, ignore_errors=True)


# What a reader sees, asked of the page: its width against the viewport's, its visible text, every SVG text
# with its box, every bar with its box, and the characters of the given texts that no font could draw.
# A glyph is missing when the character renders exactly like an unassigned code point (U+0378), which no
# font has: each is drawn on a canvas with the font its element uses and the pixels compared.
PROBE = r"""
(() => {
  const root = document.documentElement;
  const box = (el) => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width}; };
  const pixels = (ch, font) => {
    const canvas = new OffscreenCanvas(48, 48); const ctx = canvas.getContext('2d');
    ctx.font = font; ctx.fillStyle = '#000'; ctx.textBaseline = 'top'; ctx.fillText(ch, 4, 4);
    return Array.from(ctx.getImageData(0, 0, 48, 48).data.filter((v, i) => i % 4 === 3)).join(',');
  };
  const seen = new Map();
  const lacks = (ch, font) => {
    const key = font + '\n' + ch;
    if (!seen.has(key)) {
      if (!seen.has(font)) seen.set(font, pixels('\u0378', font));
      seen.set(key, pixels(ch, font) === seen.get(font));
    }
    return seen.get(key);
  };
  const missing = (el) => {
    const style = getComputedStyle(el);
    const font = `${style.fontWeight} 32px ${style.fontFamily}`;
    return [...new Set(el.textContent)].filter((ch) => ch.trim() && lacks(ch, font));
  };
  const shown = [...document.querySelectorAll('svg')].filter((s) => s.getBoundingClientRect().width > 0);  // not display:none
  const texts = shown.flatMap((s) => [...s.querySelectorAll('text')]).map((t) => ({cls: t.getAttribute('class'), text: t.textContent, ...box(t), missing: missing(t)}));
  const bars = shown.flatMap((s) => [...s.querySelectorAll('g.bar')]).map((g) => ({id: g.getAttribute('data-id'), ...box(g.querySelector('rect.value'))}));
  const svgs = shown.map(box);
  const body = document.body;
  const blocks = body ? [...body.querySelectorAll('h1, h2, h3, p, li, td, th, dd, dt')] : [];
  return {
    viewport: innerWidth, scrollWidth: Math.max(root.scrollWidth, body ? body.scrollWidth : 0),
    text: body ? body.innerText : root.textContent, texts, bars, svgs,
    missingInPage: [...new Set(blocks.flatMap(missing))],
    wide: blocks.filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5).map((el) => el.textContent.slice(0, 60)),
  };
})()
"""


def look(browser: Browser, path: Path, width: int) -> dict:
    browser.open(path, width)
    return browser.evaluate(PROBE)
