"""The ``rlz`` domain and directives on the small proefregeling in ``roots/test-basic`` (two versions, three
cases, one of them failing under proef-2027 on purpose)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from meerzorg_law.escape import rst
from meerzorg_law.sphinxext.domain import BegrippenIndex, BepalingenIndex, CasussenIndex, RegelingDomain
from meerzorg_law.sphinxext.generate import renvooi_paren
from meerzorg_law.versions.catalog import Versie

ROOTS = Path(__file__).resolve().parent / "roots"


def _html(app: SphinxTestApp, name: str) -> str:
    return (Path(app.outdir) / f"{name}.html").read_text(encoding="utf-8")


def _domain(app: SphinxTestApp) -> RegelingDomain:
    domain = app.env.domains["rlz"]
    assert isinstance(domain, RegelingDomain)
    return domain


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    """test-basic built once for the module, without warnings."""
    src = tmp_path_factory.mktemp("basic") / "src"
    shutil.copytree(ROOTS / "test-basic", src)
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()
        assert app.warning.getvalue() == ""
        yield app
    finally:
        app.cleanup()


def test_artikel_shows_text_rule_plain_dutch_cases_and_example(site: SphinxTestApp) -> None:
    html = _html(site, "artikel")
    # the legal text
    assert "In afwijking van het eerste lid is er geen recht als de zorg onder de drempel blijft." in html
    # the formal rule, highlighted by the DSL's lexer
    assert '<div class="rlz-regel highlight-meerzorg notranslate">' in html
    assert '<span class="kd">regel</span>' in html and '<span class="k">indien</span>' in html
    # the plain Dutch reading, every name by its label
    assert "<p>Als aan beide voorwaarden is voldaan:</p>" in html
    assert "<li><p>het aantal uren zorg per week ten minste de drempel in uren per week is;</p></li>" in html
    assert "<li><p>de verzekerde heeft recht op extra zorg;</p></li>" in html
    # the cases that exercise the lid, per version, and a worked example
    assert 'class="rlz-tabel rlz-casussen' in html
    assert "P1 boven de drempel" in html
    assert '<span class="rlz-status rlz-status-geslaagd">✓</span> ja · toegekend' in html
    assert "Uitgewerkt voorbeeld: P1 boven de drempel" in html
    assert "Toegepaste bepalingen: artikel 2, eerste lid." in html
    # each lid is a heading of the page (h2), so it is in the outline and the table of contents
    assert '<h2>Eerste lid<a class="headerlink" href="#rlz-proef-2026-2-lid-1"' in html
    # a lid no case exercises says so
    assert "Geen casus raakt deze bepaling in versie Regels 2026." in html


def test_legal_text_is_escaped_never_raw_html(site: SphinxTestApp) -> None:
    outdir = Path(site.outdir)
    artikel = _html(site, "artikel")
    assert "&lt;script&gt;alert(&quot;wettekst&quot;)&lt;/script&gt;" in artikel
    assert "&lt;b&gt;vet&lt;/b&gt;" in artikel
    assert "&lt;i&gt;cursief&lt;/i&gt;" in _html(site, "bijlage")
    assert "P2 &lt;script&gt;zonder&lt;/script&gt; ster" in _html(site, "casussen")
    for page in outdir.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<b>vet" not in text and "<script>zonder" not in text, page.name


def test_roles_resolve_with_and_without_version(site: SphinxTestApp) -> None:
    html = _html(site, "rollen")
    for href in ('href="artikel.html#rlz-proef-2026-artikel-2"',      # no version: the base regeling
                 'href="renvooi.html#rlz-proef-2027-artikel-2"',      # 2@proef-2027
                 'href="artikel.html#rlz-proef-2026-2-lid-1"',
                 'href="artikel.html#rlz-proef-2026-1-onderdeel-a"',
                 'href="artikel.html#rlz-proef-2026-begrip-drempel"',
                 'href="casussen.html#rlz-casus-proef-p1-boven-de-drempel"',
                 'href="versie.html#rlz-versie-proef-2027"',
                 'href="bijlage.html#rlz-proef-2026-bijlage-A"',
                 'href="renvooi.html#rlz-renvooi-proef-2026-proef-2027"'):
        assert href in html
    assert '<span class="xref rlz rlz-lid">artikel 2, eerste lid</span>' in html
    assert '<span class="xref rlz rlz-artikel">het artikel</span>' in html
    # On a page about proef-2027 an unversioned reference stays in proef-2027.
    assert html.count("rlz-proef-2027-2-lid-2") == 0
    assert 'href="#rlz-proef-2027-2-lid-2"' in _html(site, "renvooi")


def test_dangling_role_is_a_warning(make_app: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-dubbel", src)
    (src / "tweede.rst").write_text("Tweede\n======\n\nZie :rlz:artikel:`9.9`.\n", encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    assert "tweede.rst:4: WARNING: rlz:artikel reference target not found: 9.9" in app.warning.getvalue()


def test_duplicate_artikel_is_one_warning_with_location(make_app: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-dubbel", src)
    app = make_app("html", srcdir=src)
    app.build()
    warnings = app.warning.getvalue()
    assert "tweede.rst:4: WARNING: dubbele beschrijving van artikel 2@proef-2026; de andere staat in index" \
        in warnings
    assert warnings.count("dubbele beschrijving") == 1  # not once more for every lid of the artikel


def test_unknown_version_or_artikel_is_a_warning(make_app: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-dubbel", src)
    (src / "tweede.rst").write_text("Tweede\n======\n\n.. rlz:artikel:: 7\n   :versie: proef-2026\n\n"
                                    ".. rlz:versie:: proef-1999\n", encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    warnings = app.warning.getvalue()
    assert "tweede.rst:4: WARNING: artikel 7 bestaat niet in versie proef-2026 (artikelen: 1, 2)" in warnings
    assert "tweede.rst:7: WARNING: versie proef-1999 bestaat niet (versies: proef-2026)" in warnings


def test_begrippen_index(site: SphinxTestApp) -> None:
    content, collapse = BegrippenIndex(_domain(site)).generate()
    assert not collapse
    [(letter, entries)] = content
    assert letter == "D"
    assert [(e.name, e.subtype, e.docname, e.anchor, e.descr) for e in entries] == [
        # A begrip by its description, never by its code name; a version by its name, never by its id.
        ("de drempel in uren per week", 1, "artikel", "rlz-proef-2026-begrip-drempel", ""),
        ("Regels 2026", 2, "artikel", "rlz-proef-2026-begrip-drempel",
         "de drempel in uren per week (artikel 1, onderdeel a, Regels 2026)"),
    ]
    page = _html(site, "rlz-begrippen")
    assert "Begrippenindex" in page and "de drempel in uren per week" in page


def test_bepalingen_and_casussen_index(site: SphinxTestApp) -> None:
    content, _ = BepalingenIndex(_domain(site)).generate()
    versies = dict(content)
    assert [e.name for e in versies["Regels 2026"]] == [
        "artikel 1", "artikel 1, onderdeel a", "artikel 2", "artikel 2, eerste lid", "artikel 2, tweede lid",
        "artikel 2, derde lid", "artikel 2, vierde lid", "bijlage A"]
    assert "artikel 2, tweede lid" in [e.name for e in versies["Voorstel 2027"]]
    casussen, _ = CasussenIndex(_domain(site)).generate()
    per_artikel = {kop: [(e.name, e.descr) for e in entries] for kop, entries in casussen}
    assert per_artikel["artikel 2"] == [("P1 boven de drempel", "Regels 2026, Voorstel 2027"),
                                        ("P1 onder de drempel, thuis", "Regels 2026"),
                                        ("P2 <script>zonder</script> ster", "Regels 2026, Voorstel 2027")]


def test_renvooi_marks_deletions_and_insertions(site: SphinxTestApp) -> None:
    html = _html(site, "renvooi")
    # (how the words are cut into runs is compare.renvooi's business; the marks are ours)
    assert '<del class="rlz-geschrapt">blijft.' in html
    assert '<ins class="rlz-ingevoegd">blijft, tenzij de verzekerde thuis woont.' in html
    assert ('<del class="rlz-geschrapt">indien uren &lt; drempel\n</del>'
            '<ins class="rlz-ingevoegd">indien uren &lt; drempel en niet thuis\n</ins>') in html
    assert "0 van 3 casussen veranderen van uitkomst, 1 met een fout." in html


def test_case_table_and_coverage(site: SphinxTestApp) -> None:
    html = _html(site, "casussen")
    assert "3 casussen; per versie recht op extra zorg, reden van de beslissing" in html
    assert "Regels 2026: 3 geslaagd, 0 mislukt; Voorstel 2027: 1 geslaagd, 1 mislukt" in html
    assert '<span class="rlz-status rlz-status-fout">✗ fout</span>' in html
    assert '<span class="rlz-status rlz-status-geen-verwachting">·</span> nee · profiel zonder ster' in html
    assert "Regels 2026: 1 niet geraakt: artikel 2, vierde lid" in html
    assert "proef.yaml:4" in html


def test_version_page(site: SphinxTestApp) -> None:
    html = _html(site, "versie")
    assert "voorstel op Regels 2026" in html and "1 januari 2027" in html
    assert "Dit is een voorstel: versie Voorstel 2027 is niet in werking." in html
    assert "regeling/proef-2027.rgl" in html
    assert "Wat is er veranderd ten opzichte van Regels 2026" in html
    assert '<span class="rlz-badge rlz-badge-gewijzigd">gewijzigd</span>' in html
    assert "artikel 2, tweede lid</span></a>" in html


def test_bijlage_shows_profile_descriptions(site: SphinxTestApp) -> None:
    html = _html(site, "bijlage")
    assert "<summary><code" in html and "Profiel een" in html
    assert "Voor cliënten met veel zorg; beschrijving van aard en inhoud van het profiel een." in html


def test_pages_record_what_they_show_not_every_file(site: SphinxTestApp) -> None:
    """A page depends on what it shows (a kind and its arguments, with a fingerprint), not on every file."""
    paginas = site.env.domains["rlz"].data["paginas"]
    assert {soort for soort, _, _ in paginas["artikel"]} == {"artikel"}
    assert not {Path(d).name for d in site.env.dependencies.get("artikel", ())} & {"proef.rgl", "proef.yaml"}


@pytest.mark.sphinx("text", testroot="basic")
def test_text_builder_gets_renvooi_marks(app: SphinxTestApp) -> None:
    app.build()
    text = (Path(app.outdir) / "renvooi.txt").read_text(encoding="utf-8")
    words = " ".join(text.split())
    assert "[-blijft." in words and "{+blijft, tenzij de verzekerde thuis woont." in words
    # The table of consequences as a standard table (nodes.gevolgentabel is written by the HTML builder only).
    gevolgen = text[text.index("Gevolgen voor de casussen"):text.index("Artikel 2 in 2027")]
    assert "0 van 3 casussen veranderen van uitkomst, 1 met een fout." in gevolgen and "\n| Cas | Wat |" in gevolgen


def _als_html(app: SphinxTestApp, document: Any, node: Any) -> str:
    """``node`` written by the HTML builder's translator, as the only content of a copy of ``document``."""
    from docutils import nodes

    doc = document.copy()
    doc.settings = app.builder.docsettings  # type: ignore[attr-defined]
    if isinstance(node, nodes.table):  # (as Furo wraps a table on the page)
        wrapper = nodes.container(classes=["table-wrapper", *node["classes"]])
        wrapper += node
        node = wrapper
    doc += node
    translator = app.builder.create_translator(doc, app.builder)
    doc.walkabout(translator)
    return "".join(translator.body)


def test_the_table_of_consequences_is_one_node_written_as_the_standard_table(site: SphinxTestApp) -> None:
    """The renvooi's "Gevolgen voor de casussen" is one node, its texts attributes and its case links children
    (it was most of a renvooi page's nodes, and every transform of Sphinx visits every node); the HTML builder
    writes it byte for byte as the standard table the other builders get, for a case that fails and one that
    changes with a list of reasons, an empty list and an empty text among them; and a text in it is shown as the
    page shows texts (a version by its name)."""
    from docutils import nodes

    from meerzorg_law.sphinxext import _Tekst, _versienamen
    from meerzorg_law.sphinxext.bouwstenen import standaard_tabel
    from meerzorg_law.sphinxext.nodes import gevolgentabel

    doctree = site.env.get_and_resolve_doctree("renvooi", site.builder, tags=site.builder.tags)
    [tabel] = list(doctree.findall(gevolgentabel))
    assert not list(tabel.findall(nodes.entry)) and len(tabel.children) == len(tabel["rijen"]) == 1
    assert 'href="casussen.html#rlz-casus-proef-p1-onder-de-drempel-thuis"' in _html(site, "renvooi")
    link = tabel.children[0]
    tabel += link.deepcopy()
    tabel += link.deepcopy()
    tabel["rijen"] += [["Recht & <reden> wijzigen", "artikel 2, tweede lid", ["Eerst dit.", "Dan \"dat\"."]],
                       ["", "de standaardwaarde", []]]
    assert _als_html(site, doctree, tabel.deepcopy()) == _als_html(site, doctree, standaard_tabel(tabel))
    # The page's text walk (doctree-read and -resolved) gives its texts the treatment of every text.
    tabel["rijen"][1][2] = ["Anders dan in proef-2026: 48 >= 42."]
    _Tekst(_versienamen(site), zichtbaar_maken=True).onder(doctree)
    assert "<li><p>Anders dan in Regels 2026: 48 ≥ 42.</p></li>" in _als_html(site, doctree, tabel)


def test_generated_stubs_and_stale_ones_removed(make_app: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-basic", src)
    stale = src / "_generated" / "weg-2020" / "artikel-1.rst"
    stale.parent.mkdir(parents=True)
    stale.write_text("Oud\n===\n", encoding="utf-8")
    make_app("html", srcdir=src, confoverrides={"meerzorg_genereer_paginas": True})
    gen = src / "_generated"
    assert not stale.exists() and not stale.parent.exists()
    assert sorted(p.relative_to(gen).as_posix() for p in gen.rglob("*.rst")) == [
        "casussen/proef.rst",
        "proef-2026/artikel-1.rst", "proef-2026/artikel-2.rst", "proef-2026/bijlage-A.rst", "proef-2026/index.rst",
        "proef-2027/artikel-1.rst", "proef-2027/artikel-2.rst", "proef-2027/bijlage-A.rst", "proef-2027/index.rst",
        "proef-2027/wijzigingsregeling.rst", "renvooi.rst", "renvooi/proef-2026--proef-2027.rst", "versies.rst",
        "voor-clienten-en-ouders.rst"]
    # a version not in force says so in every title, by its name and not its id, and so in the navigation
    titel = rst("Artikel 2 · Extra zorg — Het voorstel vanaf 1 januari 2027")
    assert (gen / "proef-2027" / "artikel-2.rst").read_text(encoding="utf-8") == (
        f"{titel}\n" + "=" * (2 * len(titel) + 4) + "\n\n.. rlz:artikel:: 2\n   :versie: proef-2027\n")
    # a case file without a titel gets a page named after the file
    titel = rst("Casussen uit proef.yaml")
    assert (gen / "casussen" / "proef.rst").read_text(encoding="utf-8") == (
        f"{titel}\n" + "=" * (2 * len(titel) + 4) + "\n\n.. rlz:casussen::\n   :bestand: proef\n")


def test_renvooi_pairs() -> None:
    import datetime

    d26, d27 = datetime.date(2026, 3, 1), datetime.date(2027, 1, 1)
    versies = [Versie("rlz-2026", d26, "", False, "a"), Versie("rlz-2027", d27, "rlz-2026", False, "b"),
               Versie("rlz-2027-variant-a", d27, "rlz-2026", True, "c"),
               Versie("rlz-2027-variant-b", d27, "rlz-2027", True, "d")]
    assert renvooi_paren(versies) == [
        ("rlz-2026", "rlz-2027"), ("rlz-2026", "rlz-2027-variant-a"), ("rlz-2027", "rlz-2027-variant-b"),
        ("rlz-2026", "rlz-2027-variant-b"), ("rlz-2027", "rlz-2027-variant-a")]


def test_parallel_build_merges_domain_data(make_app: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-basic", src)
    app = make_app("html", srcdir=src, parallel=2)
    app.build()
    assert app.warning.getvalue() == ""
    domain = _domain(app)
    assert domain.objects["artikel", "2@proef-2027"].docname == "renvooi"
    assert domain.objects["casus", "P1 boven de drempel"].docname == "casussen"
    # The names of the cases by their ids (from their page) and those each artikel page's tables show (merged from
    # the processes that read them), and both forgotten with their page.
    assert domain.casusnamen["casussen/proef#1"] == ("casussen", "P1 boven de drempel")
    assert domain.getoonde_namen["artikel"]["casussen/proef#1"] == "P1 boven de drempel"
    domain.clear_doc("renvooi")
    assert ("artikel", "2@proef-2027") not in domain.objects and ("artikel", "2@proef-2026") in domain.objects
    domain.clear_doc("casussen")
    domain.clear_doc("artikel")
    assert not domain.casusnamen and "artikel" not in domain.getoonde_namen


def test_changed_regeling_file_rebuilds_the_pages_that_render_it(make_app: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-basic", src)
    app = make_app("html", srcdir=src)
    app.build()
    rgl = src / "regeling" / "proef.rgl"
    rgl.write_text(rgl.read_text(encoding="utf-8").replace("Dit lid raakt geen enkele casus.",
                                                             "Dit lid is gewijzigd."), encoding="utf-8")
    app2 = make_app("html", srcdir=src)
    app2.build()
    assert "Dit lid is gewijzigd." in _html(app2, "artikel")
    status = re.sub(r"\x1b\[[0-9;]*m", "", app2.status.getvalue())
    reread = set(re.findall(r"reading sources\.\.\. \[ *\d+%\] (\S+)", status))
    # only the pages that show the changed wording are read again (what each shows: sphinxext.vinger)
    assert reread == GELEZEN_NA_TEKST, reread
    # a changed case description shows only on the page of the cases
    yaml = src / "gevallen" / "proef.yaml"
    tekst = yaml.read_text(encoding="utf-8")
    assert "omschrijving:" in tekst
    yaml.write_text(tekst.replace("omschrijving: ", "omschrijving: Gewijzigd. ", 1), encoding="utf-8")
    app3 = make_app("html", srcdir=src)
    app3.build()
    status = re.sub(r"\x1b\[[0-9;]*m", "", app3.status.getvalue())
    assert set(re.findall(r"reading sources\.\.\. \[ *\d+%\] (\S+)", status)) == {"casussen"}
    assert "Gewijzigd." in _html(app3, "casussen")


# artikel 2 of proef-2026 (its page) and of proef-2027, which carries the lid unchanged (on the renvooi page);
# not the versions, bijlage or case pages, which do not show the wording.
GELEZEN_NA_TEKST = {"artikel", "renvooi"}


@pytest.fixture(scope="module")
def site_2027(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    """test-basic plus the page of the wijzigingsregeling (artikel 2 of proef-2027 is on the renvooi page)."""
    src = tmp_path_factory.mktemp("basic2027") / "src"
    shutil.copytree(ROOTS / "test-basic", src)
    (src / "wijziging.rst").write_text("Wijziging\n=========\n\n.. rlz:wijzigingsregeling:: proef-2027\n",
                                       encoding="utf-8")
    index = src / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace("   rollen\n", "   rollen\n   wijziging\n"),
                     encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()
        assert app.warning.getvalue() == ""
        yield app
    finally:
        app.cleanup()


def test_amended_artikel_has_badges_and_a_renvooi_switch(site_2027: SphinxTestApp) -> None:
    html = _html(site_2027, "renvooi")
    # the version is a proposal: banner and badge
    assert "Dit is een voorstel: versie Voorstel 2027 is niet in werking." in html
    # the changed lid carries its badge; the unchanged first lid does not
    tweede = html[html.index('id="rlz-proef-2027-2-lid-2"'):]
    eerste = html[html.index('id="rlz-proef-2027-2-lid-1"'):html.index('id="rlz-proef-2027-2-lid-2"')]
    assert "rlz-badge-gewijzigd" in tweede[:2000] and "rlz-badge-gewijzigd" not in eerste
    # the switch, and both views of the changed text: new text, and the renvooi with its marks
    assert '<input type="checkbox" id="rlz-renvooi-aan" class="rlz-renvooi-aan">' in html
    assert 'class="rlz-nieuw docutils container"' in tweede
    weergave = tweede[tweede.index('class="rlz-renvooi-weergave'):]
    assert '<del class="rlz-geschrapt">blijft.' in weergave
    assert '<ins class="rlz-ingevoegd">blijft, tenzij de verzekerde thuis woont.' in weergave


def test_wijzigingsregeling_page_is_laid_out_as_one(site_2027: SphinxTestApp) -> None:
    html = _html(site_2027, "wijziging")
    assert "Wijziging van de Proefregeling zorg" in html
    assert "<h2>Artikel I" in html and "De Proefregeling zorg wordt als volgt gewijzigd:" in html
    # onderdeel A, with a link to the lid it changes in the new version, and the new text quoted
    onderdeel = html[html.index("<strong>A. </strong>"):]
    assert 'href="renvooi.html#rlz-proef-2027-2-lid-2"' in onderdeel
    assert "komt te luiden:" in onderdeel and "tenzij de verzekerde thuis woont." in onderdeel
    # the toelichting at the end, per onderdeel
    assert html.index("<h2>Toelichting") > html.index("<h2>Artikel I")
    assert "Thuis telt de drempel niet." in html[html.index("<h2>Toelichting"):]


def test_the_compiled_templates_are_kept_for_the_next_build(make_app: Any, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Jinja's bytecode cache beside the environment: a second build (a new app, as a new process has) compiles
    none of the theme's template files again, and its pages are the same."""
    import jinja2

    gecompileerd: list[str] = []
    echt = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, source, name=None, *a, **k: gecompileerd.append(str(name))
                        or echt(self, source, name, *a, **k))
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-basic", src)
    app = make_app("html", srcdir=src)
    app.build()
    assert "page.html" in gecompileerd
    assert list((Path(app.doctreedir) / "meerzorg-sjablonen").iterdir())
    eerst = _html(app, "artikel")
    gecompileerd.clear()
    app2 = make_app("html", srcdir=src, freshenv=True)
    app2.build()
    assert [n for n in gecompileerd if n != "None"] == []  # (a few strings from Sphinx are compiled from text)
    assert _html(app2, "artikel") == eerst
