"""The artikel 2.2 page of rlz-2026 in a real browser: headless Chromium loads it from a local HTTP server and
the rendered DOM must show the legal text, the formal rule and the case table; a screenshot is saved as
``docs/_build/html/artikel-2.2.png`` for a person to look at."""

from __future__ import annotations

import functools
import html
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from meerzorg_law.render.rule_text import formele_tekst
from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.span import ProvisionRef

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REGELING = Path(__file__).resolve().parents[2] / "regeling"
PAGE = "_generated/rlz-2026/artikel-2.2.html"


class _Stil(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server(echte_site: tuple[int, Path]) -> Iterator[str]:
    status, out = echte_site
    assert status == 0, "de site bouwt niet; zie test_docs"
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Stil, directory=str(out)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp_path / 'profiel'}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def _words(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is niet geïnstalleerd (apt-get install chromium)")
def test_artikel_page_in_chromium(server: str, echte_site: tuple[int, Path], tmp_path: Path) -> None:
    url = server + PAGE
    dom = _chromium(tmp_path, "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    text = _words(dom.stdout)
    reg = load_bundle(REGELING).versions["rlz-2026"]
    lid = reg.provision(ProvisionRef("2.2", "1"))
    assert lid is not None
    # the legal text as the browser shows it
    assert " ".join(lid.tekst.split()) in text
    # the formal rule, highlighted by the DSL's lexer, exactly as the renderer lays it out
    blocks = re.findall(r'<div class="rlz-regel highlight-meerzorg[^"]*"><div class="highlight"><pre>(.*?)</pre>',
                        dom.stdout, flags=re.S)
    shown = [html.unescape(re.sub(r"<[^>]+>", "", b)).strip() for b in blocks]
    assert formele_tekst(reg, ProvisionRef("2.2", "1")) in shown
    assert '<span class="kd">regel</span>' in blocks[0]
    assert "In gewone taal" in text
    # the case table, with a pass mark per version
    assert '<table class="rlz-tabel rlz-casussen' in dom.stdout
    assert "✓ waar · toegekend" in text and "Uitgewerkt voorbeeld" in text
    # nothing from the regeling ran as script
    assert "<script>alert" not in dom.stdout

    shot = echte_site[1] / "artikel-2.2.png"
    shot.unlink(missing_ok=True)
    done = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", url)
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000
