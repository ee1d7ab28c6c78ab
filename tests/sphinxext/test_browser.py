"""The built site in a real browser: Playwright drives the system's headless Chromium over the site served on
127.0.0.1, at a laptop width (1280 px) and a phone width (390 px).

Per page: no horizontal overflow of the page (wide tables and code scroll inside their own box), no console
error and no uncaught script error; search finds "kind thuis" and speaks Dutch; the renvooi switch on the
2027 page shows the struck-through and underlined text. A screenshot of every checked page goes to
``docs/_build/screenshots/`` (kept by CI as an artefact).
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCHERMAFDRUKKEN = Path(__file__).resolve().parents[2] / "docs" / "_build" / "screenshots"
BREEDTES = (1280, 390)
PAGINAS = {
    "start": "index.html",
    "rlz-2026-artikel-2.2": "_generated/rlz-2026/artikel-2.2.html",
    "rlz-2027-artikel-2.2": "_generated/rlz-2027/artikel-2.2.html",
    "rlz-2027-wijzigingsregeling": "_generated/rlz-2027/wijzigingsregeling.html",
    "rlz-2027-bijlage-A": "_generated/rlz-2027/bijlage-A.html",
    "renvooi": "_generated/renvooi/rlz-2026--rlz-2027.html",
    "casussen": "casussen.html",
    "rekenhulp": "_generated/voor-clienten-en-ouders.html",
    "casussen-scenarios": "_generated/casussen/rlz-2027-scenarios.html",
    "dekking": "dekking.html",
}
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

if CHROMIUM is None:
    pytest.skip("chromium is niet geïnstalleerd (apt-get install chromium); de browsertest kan niet draaien",
                allow_module_level=True)


class _Stil(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def adres(echte_site: tuple[int, Path]) -> Iterator[str]:
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


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


class Pagina:
    """One page at one width, with every console error and uncaught exception it produced."""

    def __init__(self, browser: Any, breedte: int) -> None:
        self.page = browser.new_page(viewport={"width": breedte, "height": 900})
        self.breedte = breedte
        self.fouten: list[str] = []
        self.page.on("console", lambda m: self.fouten.append(f"console: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.fouten.append(f"script: {e}"))

    def open(self, url: str) -> Any:
        self.page.goto(url, wait_until="load")
        return self.page

    def overloop(self) -> int:
        """How many pixels the page is wider than the window (0: nothing sticks out)."""
        return int(self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))

    def foto(self, naam: str) -> Path:
        SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
        pad = SCHERMAFDRUKKEN / f"{naam}-{self.breedte}.png"
        self.page.screenshot(path=str(pad), full_page=False)
        return pad


@pytest.mark.parametrize("breedte", BREEDTES)
@pytest.mark.parametrize("naam", sorted(PAGINAS))
def test_page_fits_the_screen_without_errors(adres: str, browser: Any, naam: str, breedte: int) -> None:
    p = Pagina(browser, breedte)
    page = p.open(adres + PAGINAS[naam])
    assert page.locator("article h1").count() == 1
    assert p.overloop() <= 0, f"{naam} is {p.overloop()} px breder dan het scherm van {breedte} px"
    assert not p.fouten, p.fouten
    assert p.foto(naam).stat().st_size > 10_000
    page.close()


@pytest.mark.parametrize("breedte", BREEDTES)
def test_search_finds_kind_thuis_in_dutch(adres: str, browser: Any, breedte: int) -> None:
    p = Pagina(browser, breedte)
    page = p.open(adres + "search.html?q=kind+thuis")
    # Done when the summary under the results is there ("Zoeken voltooid ..." in a Dutch build).
    samenvatting = page.locator("#search-results p.search-summary")
    samenvatting.wait_for(timeout=20_000)
    resultaten = page.locator("#search-results ul.search li")
    assert resultaten.count() >= 1
    assert "Artikel 2.2" in page.locator("#search-results ul.search").inner_text()
    tekst = page.locator("#search-results").inner_text()
    assert "Zoekresultaten" in tekst, tekst[:200]
    assert "gevonden" in samenvatting.inner_text(), samenvatting.inner_text()
    assert not any(w in page.locator("article").inner_text() for w in ("Search Results", "Searching", "Search"))
    assert not p.fouten, p.fouten
    p.foto("zoeken-kind-thuis")
    page.close()


@pytest.mark.parametrize("breedte", BREEDTES)
def test_renvooi_switch_on_the_2027_page(adres: str, browser: Any, breedte: int) -> None:
    p = Pagina(browser, breedte)
    page = p.open(adres + PAGINAS["rlz-2027-artikel-2.2"])
    assert page.locator(".rlz-badge-voorstel").first.is_visible()
    assert page.locator(".rlz-badge-gewijzigd").first.is_visible()
    renvooi = page.locator("div.rlz-renvooi-weergave").first
    nieuw = page.locator("div.rlz-nieuw").first
    assert nieuw.is_visible() and not renvooi.is_visible()
    page.locator("label[for=rlz-renvooi-aan]").click()
    assert renvooi.is_visible() and not nieuw.is_visible()
    assert page.locator("div.rlz-renvooi-weergave del.rlz-geschrapt").first.is_visible()
    assert page.locator("div.rlz-renvooi-weergave ins.rlz-ingevoegd").first.is_visible()
    assert p.overloop() <= 0
    page.locator("div.rlz-renvooi-weergave").first.scroll_into_view_if_needed()
    p.foto("rlz-2027-artikel-2.2-renvooi")
    page.locator("label[for=rlz-renvooi-aan]").click()
    assert nieuw.is_visible() and not renvooi.is_visible()
    assert not p.fouten, p.fouten
    page.close()


def test_print_shows_the_regeling_without_navigation(adres: str, browser: Any) -> None:
    p = Pagina(browser, 1280)
    page = p.open(adres + PAGINAS["rlz-2026-artikel-2.2"])
    page.emulate_media(media="print")
    assert not page.locator(".sidebar-drawer").is_visible()
    assert not page.locator(".toc-drawer").is_visible()
    assert page.locator("article h1").is_visible() and page.locator("div.rlz-wettekst").first.is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('article h1')).breakBefore") == "page"
    page.close()


REKENHULP = "_generated/voor-clienten-en-ouders.html"


def _als_engine(href: str) -> dict[str, bool]:
    """The example's facts (the link's fragment) decided by the per-case engine: meer zorg per version."""
    from urllib.parse import parse_qsl, urlsplit

    from meerzorg_law.cases.load import parse_value
    from meerzorg_law.engine.compile import compile_regeling
    from meerzorg_law.engine.evaluate import evaluate
    from meerzorg_law.sphinxext.sitedata import laad_regeling

    bundle = laad_regeling("").bundle
    uit = {}
    for vid, reg in bundle.versions.items():
        facts = {k: parse_value({"ja": "waar", "nee": "onwaar"}.get(v, v), reg.facts[k].type, reg.enums)
                 for k, v in parse_qsl(urlsplit(href).fragment)}
        uit[vid] = evaluate(compile_regeling(reg), facts, ["meerzorg"]).values["meerzorg"] is True
    return uit


def test_rekenhulp_as_a_parent(adres: str, browser: Any) -> None:
    """A parent on a phone: from the start page to the answer for a child of 14 at home who needs constant
    supervision in at most three actions; every version by its title, with the engine's answer and why."""
    import re

    from meerzorg_law.sphinxext.rekenhulp import versie_titel
    from meerzorg_law.sphinxext.sitedata import laad_regeling

    p = Pagina(browser, 390)
    page = p.open(adres + "index.html")
    acties = 0
    page.get_by_role("link", name="rekenhulp voor cliënten en ouders").first.click()
    acties += 1
    voorbeeld = page.get_by_role("link", name=re.compile("kind van 14", re.IGNORECASE))
    href = voorbeeld.get_attribute("href") or ""
    voorbeeld.click()
    acties += 1
    kort = page.locator("#rk-antwoord ul.rk-kort")
    kort.wait_for(timeout=10_000)
    assert acties <= 3
    data = laad_regeling("")
    regels = kort.locator("li").all_inner_texts()
    verwacht = _als_engine(href)
    assert len(regels) == len(verwacht) == len(data.versie_ids)
    for vid, regel in zip(data.versie_ids, regels, strict=True):
        assert regel.startswith(versie_titel(data, vid)), regel
        assert vid not in regel
        assert f"recht op meer zorg: {'ja' if verwacht[vid] else 'nee'}" in regel, (vid, regel)
    assert any(verwacht.values()) and not all(verwacht.values()), "het voorbeeld laat geen verschil zien"
    uitleg = page.locator("details.rk-uitleg").first
    uitleg.locator("summary").click()
    assert re.search(r"Artikel \d", uitleg.inner_text()), uitleg.inner_text()
    assert p.overloop() <= 0, f"de rekenhulp is {p.overloop()} px breder dan het scherm"
    assert not p.fouten, p.fouten
    kort.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -80)")
    assert p.foto("rekenhulp-kind-thuis").stat().st_size > 10_000
    # Reached from the navigation too, not only from the start page.
    assert page.locator(".sidebar-tree a", has_text="Voor cliënten en ouders").count() >= 1
    page.close()


def test_rekenhulp_without_javascript_says_what_to_do(adres: str, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(adres + REKENHULP, wait_until="load")
    melding = page.locator("p.rk-zonder-js")
    assert melding.is_visible()
    assert "JavaScript" in melding.inner_text() and "zorgkantoor" in melding.inner_text()
    assert not page.locator("#rk-vragen").is_visible()
    assert int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth")) <= 0
    context.close()


def test_rekenhulp_sends_nothing_and_loads_nothing_from_elsewhere(echte_site: tuple[int, Path]) -> None:
    """CSP-friendly and offline: only scripts from _static, no inline script in the article, no handler
    attributes, no eval or network call in the generated rules or the page's script."""
    import re

    status, out = echte_site
    assert status == 0
    html = (out / REKENHULP).read_text(encoding="utf-8")
    artikel = html[html.index("<article"):html.index("</article>")]
    scripts = re.findall(r"<script\b([^>]*)>", artikel)
    assert scripts and all('src="../_static/' in s for s in scripts), scripts
    assert not re.search(r"\son[a-z]+=", artikel)
    for naam in ("rekenhulp-regels.js", "rekenhulp.js"):
        code = (out / "_static" / naam).read_text(encoding="utf-8")
        for verboden in ("eval(", "new Function", "fetch(", "XMLHttpRequest", "http://", "https://", "import("):
            assert verboden not in code, (naam, verboden)
# Every page type at both widths; axe-core (bundled with axe-playwright-python, nothing downloaded) must find no
# serious or critical violation.
TOEGANKELIJKHEID = {**PAGINAS, "zoeken": "search.html", "begrippen": "rlz-begrippen.html", "bronnen": "bronnen.html",
                    "bewijzen": "bewijzen.html", "versie": "_generated/rlz-2027/index.html", "impact": "impact.html"}


def _axe(page: Any) -> list[tuple[str, str, int, str]]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    return [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["html"][:120])
            for v in result.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("breedte", BREEDTES)
@pytest.mark.parametrize("naam", sorted(TOEGANKELIJKHEID))
def test_no_serious_accessibility_violation(adres: str, browser: Any, naam: str, breedte: int) -> None:
    p = Pagina(browser, breedte)
    page = p.open(adres + TOEGANKELIJKHEID[naam])
    assert _axe(page) == []
    page.close()


def test_axe_finds_a_low_contrast_badge(adres: str, browser: Any) -> None:
    """The accessibility test can fail: the old green of the 'nieuw' badge (white on #28a745, 3.13:1) is found."""
    p = Pagina(browser, 1280)
    page = p.open(adres + PAGINAS["rlz-2027-artikel-2.2"])
    page.add_style_tag(content="span.rlz-badge-gewijzigd { background: #28a745 !important; }")
    assert [v[0] for v in _axe(page)] == ["color-contrast"]
    page.close()


@pytest.mark.parametrize("breedte", BREEDTES)
def test_renvooi_switch_stays_in_view_and_uncovered(adres: str, browser: Any, breedte: int) -> None:
    """Scrolled to the end of a long page (and back up a little, which brings Furo's 'Naar boven' button), the
    switch is on the screen and nothing lies on top of it."""
    p = Pagina(browser, breedte)
    page = p.open(adres + PAGINAS["rlz-2027-artikel-2.2"])
    page.mouse.wheel(0, 200_000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -400)
    page.wait_for_timeout(300)
    box = page.locator("div.rlz-schakelaar").bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 900, box
    midden = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    bovenop = page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('div.rlz-schakelaar')",
                            list(midden))
    assert bovenop, "iets ligt over de schakelaar"
    page.close()


def test_keyboard_reaches_the_renvooi_switch(adres: str, browser: Any) -> None:
    p = Pagina(browser, 1280)
    page = p.open(adres + PAGINAS["rlz-2027-artikel-2.2"])
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "rlz-renvooi-aan":
            break
    else:
        pytest.fail("de schakelaar is met Tab niet te bereiken")
    page.keyboard.press("Space")
    assert page.locator("div.rlz-renvooi-weergave").first.is_visible()
    page.close()


@pytest.mark.parametrize("breedte", BREEDTES)
def test_official_and_reconstructed_text_look_different(adres: str, browser: Any, breedte: int) -> None:
    """An official provision (artikel 2.1 of 2026) and a reconstructed one (artikel 2.2 of 2026) each in their
    own frame with their kind in words; the screenshots of both go into the README."""
    for naam, pagina, soort, woorden in (
            ("officieel", "_generated/rlz-2026/artikel-2.1.html", "officieel", "Officiële tekst"),
            ("reconstructie", PAGINAS["rlz-2026-artikel-2.2"], "reconstructie", "Geen officiële tekst")):
        p = Pagina(browser, breedte)
        page = p.open(adres + pagina)
        kader = page.locator(f"div.rlz-wettekst-{soort}").first
        assert kader.locator("p.rlz-kader").inner_text().startswith(woorden)
        rand = kader.evaluate("e => getComputedStyle(e).borderTopStyle")
        assert rand == ("solid" if soort == "officieel" else "dashed"), (naam, rand)
        # The frame with its words, without the theme's "Naar boven" button that scrolling brings up.
        page.add_style_tag(content=".back-to-top { display: none !important; }")
        kader.scroll_into_view_if_needed()
        SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
        kader.screenshot(path=str(SCHERMAFDRUKKEN / f"herkomst-{naam}-{breedte}.png"))
        page.close()


def test_impact_chart_is_legible_on_a_phone(adres: str, browser: Any) -> None:
    """At 390 px the two-panel impact chart keeps a legible width (scaled to the screen its lettering was 5 px)
    and scrolls sideways inside its figure, which the keyboard can reach; the page itself does not get wider."""
    p = Pagina(browser, 390)
    page = p.open(adres + "impact.html")
    figuur = page.locator("figure.rlz-breed-figuur")
    assert figuur.count() == 1
    breedte = page.evaluate("document.querySelector('figure.rlz-breed-figuur img').getBoundingClientRect().width")
    assert breedte >= 900, f"de grafiek is {breedte} px breed op een scherm van 390 px"
    assert page.evaluate("(() => { const f = document.querySelector('figure.rlz-breed-figuur');"
                         " return f.scrollWidth > f.clientWidth && getComputedStyle(f).overflowX === 'auto'; })()")
    assert figuur.get_attribute("tabindex") == "0"
    assert p.overloop() <= 0
    figuur.scroll_into_view_if_needed()
    assert p.foto("impact-grafiek").stat().st_size > 10_000
    page.close()
