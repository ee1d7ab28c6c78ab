"""The real site: ``docs/`` over the bundled regeling and cases builds with -W, with a page per version found."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from meerzorg_law.semantics.pipeline import load_bundle

REGELING = Path(__file__).resolve().parents[2] / "regeling"


def test_real_docs_build_with_warnings_as_errors(echte_site: tuple[int, Path]) -> None:
    status, out = echte_site
    assert status == 0, "meerzorg docs faalde: zie de waarschuwingen hierboven"
    bundle = load_bundle(REGELING)
    for versie in bundle.catalog:
        assert (out / "_generated" / versie.id / "index.html").is_file(), versie.id
    assert (out / "_generated" / "rlz-2026" / "artikel-2.2.html").is_file()
    assert (out / "_generated" / "rlz-2026" / "bijlage-A.html").is_file()
    for page in ("index", "casussen", "dekking", "taal", "rlz-begrippen", "rlz-bepalingen", "rlz-casussen"):
        assert (out / f"{page}.html").is_file(), page
    bijlage = (out / "_generated" / "rlz-2026" / "bijlage-A.html").read_text(encoding="utf-8")
    assert "VG (Besloten) wonen met zeer intensieve begeleiding, verzorging en gedragsregulering" in bijlage
    artikel = (out / "_generated" / "rlz-2026" / "artikel-2.2.html").read_text(encoding="utf-8")
    assert 'id="rlz-2026-artikel-2.2"' in artikel and 'id="rlz-rlz-' not in artikel  # no doubled prefix
    # The order of the refusal reasons is shown as an order (a numbered list), not as derogations.
    lijst = re.search(r'<ol class="[^"]*rlz-rangorde[^"]*"[^>]*>(.*?)</ol>', artikel, flags=re.S)
    assert lijst is not None and "De redenen van afwijzing worden in deze volgorde getoetst" in artikel
    assert re.findall(r"<li><p>(.*?)</p>", lijst.group(1))[:3] == [
        "artikel 2.2, eerste lid, onderdeel b", "artikel 2.2, eerste lid, onderdeel a", "artikel 5.5"]


def test_wijzigingsregeling_pages_carry_every_inserted_text(echte_site: tuple[int, Path]) -> None:
    """Every instruction of rlz-2027 and variant D once, in its one wording, and every provision it inserts
    or rewords quoted in full (artikel 2.2a, onderdeel f with 1° to 3°; in variant D artikel 2.2c)."""
    from meerzorg_law.document import build_amendment
    from meerzorg_law.document.model import Provision, zin_tekst
    from meerzorg_law.syntax import ast

    _, out = echte_site
    bundle = load_bundle(REGELING)

    def teksten(p: Provision) -> list[str]:
        return [t for t in (p.kop, p.tekst) if t] + [t for k in p.kinderen for t in teksten(k)]

    def norm(s: str) -> str:
        return " ".join(s.split())

    for vid in ("rlz-2027", "rlz-2027-variant-d"):
        pagina = (out / "_generated" / vid / "wijzigingsregeling.html").read_text(encoding="utf-8")
        tekst = norm(html.unescape(re.sub(r"<[^>]+>", "", pagina)))
        doc = bundle.documents[vid]
        assert isinstance(doc, ast.Wijzigingsregeling)
        mods = [m for a in build_amendment(doc, bundle.consolidated, bundle.bronnen).artikelen
                for p in a.parts for m in p.mods]
        assert mods
        for m in mods:
            zin = norm(zin_tekst(m.zin))
            assert tekst.count(zin) == 1 or zin.startswith(("Onderdeel", "Het ")), (vid, zin)
            for q in m.quoted:
                for t in teksten(q) if isinstance(q, Provision) else []:
                    assert norm(t) in tekst, (vid, t[:80])
    assert "2.2c" in (out / "_generated" / "rlz-2027-variant-d" / "wijzigingsregeling.html").read_text("utf-8")


# A name from the regeling as code writes it (``bijzondere_situatie``): never in prose a reader sees.
_SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
# Comparison and arrow symbols as code writes them (a reader gets ≥, ≤, ≠, →).
_SYMBOOL = re.compile(r">=|<=|!=|->|=>")
# The impact page is written by the impact analysis (docs/impact.rst), not by this extension.
_NIET_GESCAND = {"impact.html"}


def _versie_ids() -> re.Pattern[str]:
    """Every version id of the bundled regeling as a whole word (``rlz-2027-variant-a``): a version is shown by
    its name, never by its id, in prose, tables and headings."""
    ids = sorted((v.id for v in load_bundle(REGELING).catalog), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, ids)) + r")(?![\w-])")


# Tables whose cells are sentences (the "Waarom" of a renvooi's changed outcomes): a name set in code font there
# is still a code name in prose, so their inline code counts as text, and so does an arrow between two values.
_ZINNEN_TABELLEN = re.compile(r'<table[^>]*class="[^"]*\brlz-gevolgen\b.*?</table>', flags=re.S)


def _zinnen_tabel(m: re.Match[str]) -> str:
    return re.sub(r"</?code\b[^>]*>", "", m.group()).replace("→", "->")


def _proza(html_text: str) -> str:
    """The visible text of a page's article, tables and headings included: without code, scripts and tags
    (inline code in a table of sentences is text)."""
    m = re.search(r"<article[^>]*>(.*)</article>", html_text, flags=re.S)
    body = _ZINNEN_TABELLEN.sub(_zinnen_tabel, m.group(1) if m else "")
    # A link's title is text too: a reader sees it on hovering, a screen reader reads it out.
    titels = " ".join(re.findall(r'<a\b[^>]*\btitle="([^"]*)"', body))
    body = re.sub(r"<(pre|code|script|style)\b.*?</\1>", " ", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body) + " " + titels)


def _code_in(tekst: str, versies: re.Pattern[str]) -> list[str]:
    return sorted({*_SNAKE.findall(tekst), *versies.findall(tekst), *_SYMBOOL.findall(tekst)})


def test_no_identifier_in_prose(echte_site: tuple[int, Path]) -> None:
    status, out = echte_site
    assert status == 0
    versies = _versie_ids()
    gevonden = {str(p.relative_to(out)): _code_in(_proza(p.read_text(encoding="utf-8")), versies)
                for p in out.rglob("*.html") if p.name not in _NIET_GESCAND}
    assert {k: v for k, v in gevonden.items() if v} == {}


def test_identifier_scan_sees_prose_tables_and_headings_and_skips_code() -> None:
    """The scan is not vacuous: it finds a code name in a paragraph, a version id in a table header, in a
    heading and in a link's title, and a symbol in a cell; nothing in code."""
    page = ("<article><h2>Beslispad in rlz-2027</h2><p>het feit uren_toezicht_per_week</p>"
            "<table><thead><tr><th>Casus</th><th>rlz-2027-variant-a</th></tr></thead>"
            "<tbody><tr><td>48 >= 42</td></tr></tbody></table>"
            '<p><a class="reference" href="#x" title="artikel 2.1 (rlz-2026-directe-zorg)">artikel 2.1</a></p>'
            "<pre>telbare_zorgbehoefte</pre><code>rlz-2026</code></article>")
    assert _code_in(_proza(page), _versie_ids()) == [">=", "rlz-2026-directe-zorg", "rlz-2027", "rlz-2027-variant-a",
                                                      "uren_toezicht_per_week"]


def test_identifier_scan_reads_the_waarom_column_as_prose() -> None:
    """The "Waarom" column of a renvooi's changed outcomes as the site once wrote it: the begrip's name in code
    font and an arrow between its values. Code font does not make a name in a sentence code."""
    rij = ('<article><table class="docutils align-default rlz-gevolgen"><tbody><tr><td><ul><li><p>begrip '
           '<code class="docutils literal notranslate"><span class="pre">telbare_zorgbehoefte</span></code> '
           "(artikel 1.1): 48:00 uur → 36:00 uur</p></li></ul></td></tr></tbody></table>"
           '<p>De <code class="docutils literal">telbare_zorgbehoefte</code> in een toelichting.</p></article>')
    assert _code_in(_proza(rij), _versie_ids()) == ["->", "telbare_zorgbehoefte"]


def test_search_hits_are_labelled_in_dutch(echte_site: tuple[int, Path]) -> None:
    """A search hit reads "Casus — <page>", not Sphinx's "(Regeling casus, in<page>)"."""
    _, out = echte_site
    index = (out / "searchindex.js").read_text(encoding="utf-8")
    objnames = re.search(r'"objnames":(\{.*?\}),"objtypes"', index)
    assert objnames is not None
    assert '"Casus"' in objnames.group(1) and '"Artikel"' in objnames.group(1)
    assert "Regeling " not in objnames.group(1)
    vertaling = (out / "_static" / "translations.js").read_text(encoding="utf-8")
    assert '", in ": " \\u2014 "' in vertaling


def test_search_hits_show_versions_by_name(echte_site: tuple[int, Path]) -> None:
    """A hit's link text is the object's display name as the search index holds it (prefix and name around the
    last dot): "artikel 2.2 (Regeling 2026)", never a version id such as ``rlz-2026``."""
    _, out = echte_site
    index = json.loads(re.sub(r"^Search\.setIndex\((.*)\)\s*$", r"\1",
                              (out / "searchindex.js").read_text(encoding="utf-8"), flags=re.S))
    namen = [f"{prefix}.{hit[4]}" if prefix else hit[4] for prefix, hits in index["objects"].items() for hit in hits]
    assert any(n.startswith("artikel 2.2") for n in namen)
    versies = _versie_ids()
    assert sorted({n for n in namen if versies.search(n)}) == []


# The issue asked for under 5 MB when the bundle had 4 versions and 112 cases (the site was then 4.96 MB); with
# 7 versions and 135 cases it is 5.7 MB; with 8 versions (the keuze variant rlz-2026-directe-zorg, issue 20) and
# 145 cases 6.46 MB; with a page per case file (13 pages of 0.1-0.2 MB instead of one of 1.03 MB, each with the
# theme's navigation: 1.50 MB in all) and the rekenhulp, 7.17 MB for 8 versions and 151 cases; with a ninth
# version (the keuze variant rlz-2026-gebruikelijke-zorg, issue 20, about 0.55 MB of version pages) and 155 cases
# 7.88 MB. The bound stays close above that, so growth is noticed, not absorbed.
GRENS = 8_100_000


def test_site_is_small_and_doctrees_are_not_published(echte_site: tuple[int, Path]) -> None:
    status, out = echte_site
    assert status == 0
    assert not (out / ".doctrees").exists()
    grootte = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    assert grootte < GRENS, f"de site is {grootte / 1e6:.1f} MB"


def test_every_provision_and_bijlage_shows_its_provenance(echte_site: tuple[int, Path]) -> None:
    """A badge (officiële tekst, reconstructie, …) beside every artikel, lid and onderdeel, every bijlage and
    every table of it, on every page of every version that shows them."""
    _, out = echte_site
    pages = sorted((out / "_generated").glob("*/artikel-*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.count('class="rlz-bepaling') == text.count('class="rlz-herkomst"'), page.name
    bijlage = (out / "_generated" / "rlz-2026" / "bijlage-A.html").read_text(encoding="utf-8")
    # The bijlage itself and each of its tables (the zorgprofielen, the bekostigingsuren).
    assert bijlage.count('class="rlz-herkomst"') >= 1 + bijlage.count("Tabel: ")
    assert "officiële tekst, geldend 1-7-2025" in bijlage


# Every page a reader opens loads in a moment on a phone: the single page with all cases was 1.03 MB.
GRENS_PAGINA = 300_000


def test_no_page_over_300_kb(echte_site: tuple[int, Path]) -> None:
    status, out = echte_site
    assert status == 0
    te_groot = {str(p.relative_to(out)): p.stat().st_size for p in out.rglob("*.html")
                if p.stat().st_size > GRENS_PAGINA}
    assert te_groot == {}


def test_a_page_per_case_file_and_an_overview_that_links_them(echte_site: tuple[int, Path]) -> None:
    from meerzorg_law.cases.load import file_title
    from meerzorg_law.sphinxext.basis import versie_kort
    from meerzorg_law.sphinxext.domain import leesbaar
    from meerzorg_law.sphinxext.sitedata import laad_regeling

    data = laad_regeling(str(REGELING))
    namen = {v: versie_kort(data, v) for v in data.versie_ids}

    status, out = echte_site
    assert status == 0
    overzicht = (out / "casussen.html").read_text(encoding="utf-8")
    bestanden = sorted((REGELING.parent / "tests" / "casussen").glob("*.yaml"))
    assert bestanden
    for f in bestanden:
        pagina = out / "_generated" / "casussen" / f"{f.stem}.html"
        assert pagina.is_file(), f.name
        tekst = html.unescape(pagina.read_text(encoding="utf-8"))
        titel = file_title(f)
        assert titel and f"<h1>{titel}" in tekst, f.name
        # Every case of the file has its anchored block on the file's page, and only there (a version id in its
        # name shown by the version's name).
        for naam in re.findall(r"^  - naam: \"?(.+?)\"?$", f.read_text(encoding="utf-8"), flags=re.M):
            assert f">{leesbaar(naam, namen)}<" in tekst, (f.name, naam)
        assert f'href="_generated/casussen/{f.stem}.html"' in overzicht
    assert 'class="rlz-casus"' not in overzicht


def test_no_source_maps_are_published(echte_site: tuple[int, Path]) -> None:
    status, out = echte_site
    assert status == 0
    assert not list(out.rglob("*.map"))
    assert not [p for p in (out / "_static").rglob("*") if p.suffix in (".js", ".css")
                and "sourceMappingURL" in p.read_text(encoding="utf-8", errors="replace")]


def test_theme_speaks_dutch_and_names_its_panels(echte_site: tuple[int, Path]) -> None:
    from meerzorg_law.sphinxext.thema import VERVANGINGEN

    status, out = echte_site
    assert status == 0
    for page in (out / "index.html", out / "_generated" / "rlz-2027" / "artikel-2.2.html", out / "search.html"):
        text = page.read_text(encoding="utf-8")
        for engels, _ in VERVANGINGEN:
            assert engels not in text, (page.name, engels)
        assert re.findall(r"<aside (?![^>]*aria-label)", text) == [], page.name
        assert "Toggle" not in text and "<h1" in text


def test_dutch_theme_filter_replaces_the_english_labels() -> None:
    from meerzorg_law.sphinxext.thema import nl_thema

    uit = nl_thema('<input aria-label="Toggle site navigation sidebar"><aside class="sidebar-drawer">')
    assert uit == ('<input aria-label="Navigatie tonen of verbergen">'
                   '<aside class="sidebar-drawer" aria-label="Navigatie">')


def test_no_escape_marker_shows_on_any_page(echte_site: tuple[int, Path]) -> None:
    """A title with a colon is written into the page stub as reST with a backslash escape; docutils keeps that
    escape as a NUL, which the control-character pass once turned into a visible '␀' in every such title."""
    status, out = echte_site
    assert status == 0
    assert [str(p.relative_to(out)) for p in out.rglob("*.html") if "␀" in p.read_text(encoding="utf-8")] == []
