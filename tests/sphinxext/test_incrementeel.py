"""Incremental builds: after one changed case name or provision, the pages that show it are read again and
every page is what a build from scratch makes of the same input (a page left stale fails the comparison)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from meerzorg_law.sphinxext.sitedata import ZICHTBAAR

ROOTS = Path(__file__).resolve().parent / "roots"

# Eight more cases above the drempel: with the three of the root, artikel 2, eerste lid, is exercised by more
# cases than its table shows (ZICHTBAAR), so the last of these is only counted there.
_EXTRA = "".join(f"""  - naam: Extra {n}
    feiten: {{profiel: P1, uren: {30 + n}, thuis: onwaar}}
    verwacht:
      proef-2026: {{recht: waar, reden: toegekend}}
""" for n in range(1, 9))


def _site(tmp_path: Path, extra: bool = False) -> Path:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-basic", src)
    if extra:
        yaml = src / "gevallen" / "proef.yaml"
        yaml.write_text(yaml.read_text(encoding="utf-8") + _EXTRA, encoding="utf-8")
    return src


def _gebouwd(make_app: Any, src: Path) -> tuple[set[str], set[str]]:
    """Build (incrementally when ``src`` was built before); the pages read and the pages written, from Sphinx's
    status output."""
    app = make_app("html", srcdir=src)
    app.build()
    # A second app in one process registers Sphinx's own nodes again (its warning); nothing else may warn.
    warnings = [w for w in app.warning.getvalue().splitlines() if "is already registered" not in w]
    assert not warnings, warnings
    status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    return (set(re.findall(r"reading sources\.\.\. \[ *\d+%\] (\S+)", status)),
            set(re.findall(r"writing output\.\.\. \[ *\d+%\] (\S+)", status)))


def _bouw(make_app: Any, src: Path) -> set[str]:
    """Build; the pages read."""
    return _gebouwd(make_app, src)[0]


def _html(src: Path) -> dict[str, str]:
    out = src / "_build" / "html"
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.html"))}


def _zoals_vers(make_app: Any, src: Path, tmp_path: Path) -> None:
    """Every page of the incremental build of ``src`` equals the page a build from scratch of it makes."""
    vers = tmp_path / "vers"
    shutil.copytree(src, vers, ignore=shutil.ignore_patterns("_build"))
    _bouw(make_app, vers)
    oud, nieuw = _html(src), _html(vers)
    assert oud.keys() == nieuw.keys()
    verouderd = [name for name in oud if oud[name] != nieuw[name]]
    assert not verouderd, f"verouderde pagina's na een incrementele bouw: {verouderd}"


def _hernoem(src: Path, oud: str, nieuw: str) -> None:
    yaml = src / "gevallen" / "proef.yaml"
    tekst = yaml.read_text(encoding="utf-8")
    assert f"naam: {oud}\n" in tekst
    yaml.write_text(tekst.replace(f"naam: {oud}\n", f"naam: {nieuw}\n", 1), encoding="utf-8")


def _toont(src: Path, tekst: str) -> set[str]:
    """The source pages whose HTML shows ``tekst`` (the indices Sphinx makes itself are left out)."""
    return {name.removesuffix(".html") for name, html in _html(src).items()
            if tekst in html and (src / name.replace(".html", ".rst")).exists()}


def _tel(monkeypatch: pytest.MonkeyPatch, eigenaar: object, naam: str) -> list[tuple[Any, ...]]:
    """The arguments of every call of ``eigenaar.naam`` from now on; it still does its work."""
    aanroepen: list[tuple[Any, ...]] = []
    echt = getattr(eigenaar, naam)
    monkeypatch.setattr(eigenaar, naam, lambda *a, **k: aanroepen.append(a) or echt(*a, **k))
    return aanroepen


def _herformuleer(src: Path) -> None:
    """A lid of proef-2027 reworded: its prose, not its rules."""
    rgl = src / "regeling" / "proef-2027.rgl"
    tekst = rgl.read_text(encoding="utf-8")
    assert "onder de drempel blijft, tenzij" in tekst
    rgl.write_text(tekst.replace("onder de drempel blijft, tenzij", "beneden de drempel blijft, tenzij"),
                   encoding="utf-8")


def _omschrijf(src: Path) -> str:
    """The description of the first case reworded (its page shows it; no other page does); the case file's text
    before the change."""
    yaml = src / "gevallen" / "proef.yaml"
    tekst = yaml.read_text(encoding="utf-8")
    assert "omschrijving:" in tekst
    yaml.write_text(tekst.replace("omschrijving:", "omschrijving: Anders gezegd.", 1), encoding="utf-8")
    return tekst


def _nieuwe_titel(src: Path) -> None:
    """The title of the page artikel.rst changed: "Artikel 2" becomes "Artikel twee"."""
    artikel = src / "artikel.rst"
    tekst = artikel.read_text(encoding="utf-8")
    assert "Artikel 2\n=========" in tekst
    artikel.write_text(tekst.replace("Artikel 2\n=========", "Artikel twee\n============", 1), encoding="utf-8")


def test_a_renamed_case_is_renamed_on_every_page_that_shows_it(make_app: Any, tmp_path: Path) -> None:
    src = _site(tmp_path)
    _bouw(make_app, src)
    # (rollen.rst names another case in its own text: a renamed case there would be a dangling role)
    toonde = _toont(src, "P1 onder de drempel, thuis")
    assert {"artikel", "casussen", "renvooi"} <= toonde
    _hernoem(src, "P1 onder de drempel, thuis", "P1 ver onder de drempel, thuis")
    artikel = src / "_build" / "html" / "artikel.html"
    voor = artikel.stat().st_mtime_ns
    gelezen, geschreven = _gebouwd(make_app, src)
    # Read again: the case's own page and the renvooi, which name it in their text; the artikel page shows it
    # in a case table, whose names are filled in when a page is written: neither read nor written by Sphinx,
    # the name is changed in its HTML (as a build from scratch writes it: below).
    assert gelezen == toonde - {"artikel"}, gelezen
    assert geschreven == toonde - {"artikel"}, geschreven
    assert artikel.stat().st_mtime_ns != voor
    assert _toont(src, "P1 ver onder de drempel, thuis") == toonde
    assert not _toont(src, "P1 onder de drempel, thuis")
    _zoals_vers(make_app, src, tmp_path)
    # The artikel page noted the name it now shows: the next build writes nothing again.
    assert _gebouwd(make_app, src) == (set(), set())


def test_a_renamed_case_gets_its_name_in_the_html_as_the_writer_would_write_it(make_app: Any,
                                                                                tmp_path: Path) -> None:
    """A name with characters HTML encodes (``& < > " @``), a sign the page shows as a symbol and a version id it
    shows by its short name: the artikel page that shows the case in a table gets it in its HTML, byte for byte
    what a build from scratch writes, and the search index too (the case tables' names are not in it)."""
    src = _site(tmp_path)
    _bouw(make_app, src)
    nieuw = "'P1 \"onder\" <de> drempel & @thuis >= proef-2026, okapi'"  # (okapi: on no page)
    _hernoem(src, "P1 onder de drempel, thuis", nieuw)
    gelezen, geschreven = _gebouwd(make_app, src)
    assert "artikel" not in gelezen | geschreven
    artikel = _html(src)["artikel.html"]
    assert "P1 onder de drempel, thuis" not in artikel and "&amp; &#64;thuis ≥" in artikel and "okapi" in artikel
    _zoals_vers(make_app, src, tmp_path)
    assert (src / "_build" / "html" / "searchindex.js").read_text(encoding="utf-8") == (
        tmp_path / "vers" / "_build" / "html" / "searchindex.js").read_text(encoding="utf-8")


def test_a_name_not_only_in_the_case_tables_has_sphinx_write_the_page(tmp_path: Path) -> None:
    """``hernoem_in_html`` leaves a page alone (and Sphinx writes it) when the old name is also elsewhere on it,
    when no link names the case, or when the page has no HTML."""
    from meerzorg_law.sphinxext.schrijven import hernoem_in_html

    link = ('<a class="rlz-casusnaam no-search reference internal" href="c.html#rlz-casus-oud" title="Oud &amp; '
            'zo"><span>Oud &amp; zo</span></a>')
    pad = tmp_path / "p.html"
    nieuw = [("Oud & zo", "Nieuw <zo>", "rlz-casus-nieuw", "Nieuw <zo>")]
    pad.write_text(f"<p>{link}</p>", encoding="utf-8")
    assert hernoem_in_html(pad, nieuw)
    assert pad.read_text(encoding="utf-8") == (
        '<p><a class="rlz-casusnaam no-search reference internal" href="c.html#rlz-casus-nieuw" title="Nieuw '
        '&lt;zo&gt;"><span>Nieuw &lt;zo&gt;</span></a></p>')
    for html in (f"<p>{link}</p><p>Zie Oud &amp; zo.</p>", "<p>Oud &amp; zo</p>"):
        pad.write_text(html, encoding="utf-8")
        assert not hernoem_in_html(pad, nieuw)
        assert pad.read_text(encoding="utf-8") == html
    assert not hernoem_in_html(tmp_path / "geen.html", nieuw)


_VARIANT = """wijzigingsregeling "Tweede wijziging van de Proefregeling zorg"
versie proef-2028
basis proef-2027
geldig vanaf 2028-01-01

Artikel I
  tekst "De Proefregeling zorg wordt als volgt gewijzigd:"
  A.
    artikel 2, vierde lid vervalt
"""


def test_a_provision_reworded_in_a_base_does_not_re_read_the_wijzigingsregeling_built_on_it(
        make_app: Any, tmp_path: Path) -> None:
    """A wijzigingsregeling's page shows its own file and cites its two versions by number, title and table: a
    reworded lid of proef-2027 re-reads proef-2027's own wijzigingsregeling page (its file changed), not the page
    of proef-2028, which is built on it; a new artikel title in proef-2027 does (its links show titles), and so
    is the hand-written page whose roles link to that artikel (rollen.rst: its links' titles; Sphinx left it
    stale)."""
    src = _site(tmp_path)
    (src / "regeling" / "proef-2028.rgl").write_text(_VARIANT, encoding="utf-8")
    (src / "wijziging2027.rst").write_text("Wijziging 2027\n==============\n\n.. rlz:wijzigingsregeling:: proef-2027\n",
                                           encoding="utf-8")
    (src / "wijziging2028.rst").write_text("Wijziging 2028\n==============\n\n.. rlz:wijzigingsregeling:: proef-2028\n",
                                           encoding="utf-8")
    index = src / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace("   rollen\n", "   rollen\n   wijziging2027\n"
                                                                              "   wijziging2028\n"), encoding="utf-8")
    _bouw(make_app, src)
    _herformuleer(src)
    gelezen = _bouw(make_app, src)
    assert "wijziging2027" in gelezen and "wijziging2028" not in gelezen, gelezen
    _zoals_vers(make_app, src, tmp_path)
    shutil.rmtree(tmp_path / "vers")
    rgl = src / "regeling" / "proef.rgl"  # artikel 2 retitled in proef-2026, and so in proef-2027
    rgl.write_text(rgl.read_text(encoding="utf-8").replace('artikel 2 "Extra zorg"', 'artikel 2 "Meer zorg"'),
                   encoding="utf-8")
    assert "wijziging2028" in _bouw(make_app, src)
    _zoals_vers(make_app, src, tmp_path)


def test_a_renamed_worked_example_reads_its_artikel_page_again(make_app: Any, tmp_path: Path) -> None:
    """The worked example on an artikel page quotes its case's name in its text: renaming that case reads the
    page again."""
    src = _site(tmp_path)
    _bouw(make_app, src)
    assert "Uitgewerkt voorbeeld: P1 boven de drempel" in _html(src)["artikel.html"]
    _hernoem(src, "P1 boven de drempel", "P1 ruim boven de drempel")
    rollen = src / "rollen.rst"  # names the case in its own text, as a drafter would rename it there too
    rollen.write_text(rollen.read_text(encoding="utf-8").replace("P1 boven de drempel", "P1 ruim boven de drempel"),
                      encoding="utf-8")
    gelezen = _bouw(make_app, src)
    assert {"artikel", "casussen"} <= gelezen
    assert "Uitgewerkt voorbeeld: P1 ruim boven de drempel" in _html(src)["artikel.html"]
    _zoals_vers(make_app, src, tmp_path)


def test_a_case_only_counted_on_a_page_does_not_make_it_stale(make_app: Any, tmp_path: Path) -> None:
    """A page shows the first ZICHTBAAR cases of a provision and counts the rest: renaming one of the rest reads
    only the page of the cases again, and every page is still as a build from scratch makes it."""
    src = _site(tmp_path, extra=True)
    _bouw(make_app, src)
    artikel = _html(src)["artikel.html"]
    assert "Extra 1<" in artikel and "Extra 8<" not in artikel
    # artikel 2, eerste lid: the first case of the root and the eight more
    assert f"Nog {1 + 8 - ZICHTBAAR} casussen raken deze bepaling" in artikel
    _hernoem(src, "Extra 8", "Extra acht")
    assert _bouw(make_app, src) == {"casussen"}
    _zoals_vers(make_app, src, tmp_path)
    # One that is shown: its page is read again, and the artikel page that shows it gets the name in its HTML.
    _hernoem(src, "Extra 1", "Extra een")
    gelezen, geschreven = _gebouwd(make_app, src)
    assert "casussen" in gelezen and "artikel" not in gelezen | geschreven
    assert "Extra een<" in _html(src)["artikel.html"]
    shutil.rmtree(tmp_path / "vers")
    _zoals_vers(make_app, src, tmp_path)


def test_a_changed_provision_updates_every_page_that_shows_it(make_app: Any, tmp_path: Path) -> None:
    """A changed rule (the drempel is 1,6 times the profile's hours, so the first case falls below it): outcomes
    change on the case, artikel and renvooi pages, and each is as a build from scratch makes it."""
    src = _site(tmp_path)
    _bouw(make_app, src)
    voor = _html(src)
    rgl = src / "regeling" / "proef.rgl"
    tekst = rgl.read_text(encoding="utf-8")
    assert "decimaal = 1,25 * uren_per_profiel[profiel]" in tekst
    rgl.write_text(tekst.replace("decimaal = 1,25 * uren_per_profiel[profiel]",
                                 "decimaal = 1,6 * uren_per_profiel[profiel]"), encoding="utf-8")
    gelezen = _bouw(make_app, src)
    assert {"artikel", "casussen", "renvooi"} <= gelezen
    na = _html(src)
    assert all(na[p] != voor[p] for p in ("artikel.html", "casussen.html", "renvooi.html"))
    _zoals_vers(make_app, src, tmp_path)


def test_the_stored_results_name_the_cases_a_renvooi_compares_again() -> None:
    """The renvooi table compares again only the cases the stored results say change outcome or fail
    (``SiteData.andere_uitkomst``): for every pair of the bundled site, exactly those compare_cases reports."""
    from meerzorg_law.compare.outcomes import compare_cases
    from meerzorg_law.sphinxext.generate import renvooi_paren
    from meerzorg_law.sphinxext.sitedata import laad

    data = laad("", None)
    versies = [v for v in data.bundle.catalog if v.id in data.bundle.versions]
    paren = renvooi_paren(versies)
    assert len(paren) > 5
    for oud, nieuw in paren:
        results, _ = compare_cases(data.bundle.versions[oud], data.bundle.versions[nieuw], data.cases)
        verwacht = [i for i, r in enumerate(results) if r.gewijzigd or r.fout is not None]
        assert data.andere_uitkomst(oud, nieuw) == verwacht, (oud, nieuw)
    assert any(data.andere_uitkomst(oud, nieuw) for oud, nieuw in paren)


def test_a_reworded_provision_does_not_compare_the_cases_again(make_app: Any, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The renvooi's table of consequences is kept between builds by the working of both versions
    (``sitedata.bewaard``): a lid reworded re-reads the renvooi for its text, which shows the new words and the
    same consequences, without evaluating a case again. Not vacuous: the first build computes the table."""
    from meerzorg_law.sphinxext import sitedata
    from meerzorg_law.sphinxext.tabellen import RenvooiDirective

    berekend = _tel(monkeypatch, RenvooiDirective, "_bereken_gevolgen")
    # The cases are read against the versions' working, not their prose: not read again either.
    gelezen = _tel(monkeypatch, sitedata, "load_cases")
    src = _site(tmp_path)
    _bouw(make_app, src)
    assert berekend and gelezen
    assert "veranderen van uitkomst" in _html(src)["renvooi.html"]
    berekend.clear()
    gelezen.clear()
    _herformuleer(src)
    assert "renvooi" in _bouw(make_app, src)
    assert berekend == [] and gelezen == []
    assert "beneden de drempel" in _html(src)["renvooi.html"]
    _zoals_vers(make_app, src, tmp_path)


def test_the_collector_runs_less_often_during_a_build_and_as_before_after_it(make_app: Any, tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A full collection walks every object alive and docutils makes cyclic nodes by the hundred thousand: the
    build raises the collector's thresholds (``sphinxext._GC_BOUW``) and puts the old ones back afterwards."""
    import gc

    from meerzorg_law import sphinxext
    from meerzorg_law.sphinxext import tabellen

    gezien: list[tuple[int, int, int]] = []
    echt = tabellen.tabel
    monkeypatch.setattr(tabellen, "tabel", lambda *a, **k: gezien.append(gc.get_threshold()) or echt(*a, **k))
    eerder = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's own (an app made and not built in this process leaves the build's)
    try:
        _bouw(make_app, _site(tmp_path))
        assert gezien and set(gezien) == {sphinxext._GC_BOUW}
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*eerder)


def test_an_app_that_never_builds_leaves_the_collector_as_it_was_after_the_next_build(make_app: Any,
                                                                                     tmp_path: Path) -> None:
    """An app made over a kept environment (to look at it) and never built, then one that builds: after that
    build the collector runs with the thresholds it had before the first app (each app noted the thresholds it
    found, the second the build's own, and the build put those back: 100.000 for good)."""
    import gc

    src = _site(tmp_path)
    _bouw(make_app, src)
    voor = gc.get_threshold()
    make_app("html", srcdir=src)
    assert _bouw(make_app, src) == set()
    assert gc.isenabled() and gc.get_threshold() == voor


def test_a_version_whose_files_did_not_change_keeps_its_working(make_app: Any, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The working of a version (its rules as text, the key of its results and pages) is kept between builds by
    the files it is built from: after an edit of proef-2027.rgl only proef-2027's is written again."""
    from meerzorg_law.sphinxext import sitedata

    geschreven = _tel(monkeypatch, sitedata, "canoniek")
    src = _site(tmp_path)
    _bouw(make_app, src)
    assert {"proef-2026", "proef-2027"} <= {getattr(a[0], "versie", "") for a in geschreven}
    geschreven.clear()
    _herformuleer(src)
    _bouw(make_app, src)
    assert [v for v in (getattr(a[0], "versie", "") for a in geschreven) if v] == ["proef-2027"]
    _zoals_vers(make_app, src, tmp_path)


def test_the_rekenhulp_program_is_made_again_only_after_a_change_in_the_regeling(make_app: Any, tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch
                                                                                ) -> None:
    """``_static/rekenhulp-regels.js`` follows from the regeling's files (prose included) and the code: kept between
    builds on those, so a changed case does not make it again, and a changed regeling does."""
    import importlib

    rekenhulp = importlib.import_module("meerzorg_law.sphinxext.rekenhulp")  # (the package exports its node class)
    gemaakt = _tel(monkeypatch, rekenhulp, "programma")
    src = _site(tmp_path)
    _bouw(make_app, src)
    js = src / "_build" / "html" / "_static" / "rekenhulp-regels.js"
    eerst = js.read_text(encoding="utf-8")
    assert len(gemaakt) == 1 and "proef-2027" in eerst
    _hernoem(src, "P1 onder de drempel, thuis", "P1 ver onder de drempel, thuis")
    _bouw(make_app, src)
    assert len(gemaakt) == 1 and js.read_text(encoding="utf-8") == eerst
    _herformuleer(src)
    _bouw(make_app, src)
    assert len(gemaakt) == 2


def _nieuw_proces() -> None:
    """What a new ``meerzorg docs`` process starts without: the data loaded in this one."""
    from meerzorg_law.sphinxext import schrijven, sitedata

    for cache in (sitedata._BUNDELS, sitedata._CACHE, sitedata._GEZIEN, sitedata._CASUSSEN, sitedata._WERKING,
                  schrijven._STAMMEN):
        cache.clear()


def test_a_new_process_takes_the_regelings_fingerprints_from_the_last_build(make_app: Any, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The fingerprints that follow from the regeling alone are kept beside the environment on its files and the
    code: a new process after a changed case description reads that page only and computes no renvooi (each
    renvooi page's fingerprint needs one); after a changed regeling it computes them again, and every page is
    what a build from scratch makes."""
    from meerzorg_law.sphinxext import sitedata

    vergeleken = _tel(monkeypatch, sitedata, "renvooi")
    src = _site(tmp_path)
    _bouw(make_app, src)
    assert vergeleken
    _nieuw_proces()
    vergeleken.clear()
    _omschrijf(src)
    assert _bouw(make_app, src) == {"casussen"}
    assert vergeleken == []
    _nieuw_proces()
    _herformuleer(src)
    assert "renvooi" in _bouw(make_app, src)
    assert vergeleken
    _zoals_vers(make_app, src, tmp_path)


def test_a_new_process_with_nothing_changed_loads_no_case(make_app: Any, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The inputs of the last build that succeeded are kept as one key (the regeling's files by content and the
    code, the case files by time and size): a new process with the same inputs loads no case and computes no
    fingerprint. A build that fails leaves no key, and a changed case file reads its page again."""
    from meerzorg_law.sphinxext import sitedata

    gelezen = _tel(monkeypatch, sitedata, "load_cases")
    src = _site(tmp_path)
    _bouw(make_app, src)
    assert gelezen
    _nieuw_proces()
    gelezen.clear()
    assert _gebouwd(make_app, src) == (set(), set())
    assert gelezen == []
    _nieuw_proces()
    _hernoem(src, "P1 onder de drempel, thuis", "P1 ver onder de drempel, thuis")
    assert "casussen" in _bouw(make_app, src)
    assert gelezen
    _zoals_vers(make_app, src, tmp_path)
    # A build with a warning keeps no key: the next one compares every page's fingerprint again.
    rollen = src / "rollen.rst"
    rollen.write_text(rollen.read_text(encoding="utf-8") + "\n:rlz:artikel:`9.9`\n", encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    assert "9.9" in app.warning.getvalue()
    assert not (Path(app.doctreedir) / "meerzorg-uitvoer" / "invoer-laatste-bouw").exists()


def test_a_new_process_reads_only_the_case_files_that_changed(make_app: Any, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Each case file's cases are kept beside the environment by the file's content and the working of every
    version: a new process after a reworded provision loads no case file, one after a changed case file loads
    that file only, one after a change in what a version computes loads every file; each time every page is
    what a build from scratch makes."""
    from meerzorg_law.sphinxext import sitedata

    gelezen = _tel(monkeypatch, sitedata, "load_cases")
    src = _site(tmp_path)
    (src / "gevallen" / "tweede.yaml").write_text(
        "casussen:\n  - naam: P1 ruim boven de drempel\n    feiten: {profiel: P1, uren: 40, thuis: onwaar}\n"
        "    verwacht:\n      proef-2026: {recht: waar, reden: toegekend}\n", encoding="utf-8")
    _bouw(make_app, src)

    def bestanden() -> list[str]:
        return sorted(Path(p).name for paths, *_ in gelezen for p in paths)

    assert bestanden() == ["proef.yaml", "tweede.yaml"]
    _nieuw_proces()
    gelezen.clear()
    _herformuleer(src)
    assert "renvooi" in _bouw(make_app, src)
    assert bestanden() == []
    _nieuw_proces()
    gelezen.clear()
    _omschrijf(src)
    _bouw(make_app, src)
    assert bestanden() == ["proef.yaml"]
    _zoals_vers(make_app, src, tmp_path)
    _nieuw_proces()
    gelezen.clear()
    rgl = src / "regeling" / "proef-2027.rgl"
    tekst = rgl.read_text(encoding="utf-8")
    assert "indien uren < drempel en niet thuis" in tekst
    rgl.write_text(tekst.replace("indien uren < drempel en niet thuis", "indien uren <= drempel en niet thuis"),
                   encoding="utf-8")
    _bouw(make_app, src)
    assert bestanden() == ["proef.yaml", "tweede.yaml"]
    shutil.rmtree(tmp_path / "vers")
    _zoals_vers(make_app, src, tmp_path)


def test_a_case_file_saved_while_it_was_read_is_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cases are kept under the content they were read from: a file saved while it was being read is read again
    by the next build, not served with the cases of its old content."""
    from meerzorg_law.semantics.pipeline import load_bundle
    from meerzorg_law.sphinxext import sitedata

    src = _site(tmp_path)
    bundle = load_bundle(src / "regeling")
    monkeypatch.setattr(sitedata, "_UITVOERCACHE", [tmp_path / "uitvoer"])
    kept = tmp_path / "uitvoer" / "casussen"
    yaml = src / "gevallen" / "proef.yaml"
    echt = sitedata.load_cases

    def opgeslagen(*args: Any) -> Any:
        out = echt(*args)
        yaml.write_text(yaml.read_text(encoding="utf-8") + "# opgeslagen\n", encoding="utf-8")
        return out

    monkeypatch.setattr(sitedata, "load_cases", opgeslagen)
    found = sitedata._casussen_bewaard(bundle, (src / "gevallen",), ("werking",))
    assert found is not None and found[0]
    assert not list(kept.glob("*.pickle"))
    monkeypatch.setattr(sitedata, "load_cases", echt)
    again = sitedata._casussen_bewaard(bundle, (src / "gevallen",), ("werking",))
    assert again is not None and again[1] == found[1]  # (the same cases, by their canonical keys)
    assert len(list(kept.glob("*.pickle"))) == 1


def test_cases_are_not_served_file_by_file_when_a_case_path_is_missing_or_empty(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a folder without case files or a path that does not exist among the case paths, the kept cases of
    the other files are not used: the whole is read, so its error (C004, C000) is reported as in a build from
    scratch."""
    from meerzorg_law.semantics.pipeline import load_bundle
    from meerzorg_law.sphinxext import sitedata

    src = _site(tmp_path)
    bundle = load_bundle(src / "regeling")
    monkeypatch.setattr(sitedata, "_UITVOERCACHE", [tmp_path / "uitvoer"])
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    assert sitedata._casussen_bewaard(bundle, (src / "gevallen",), ("werking",)) is not None
    for erbij in (leeg, tmp_path / "bestaat-niet"):
        assert sitedata._casussen_bewaard(bundle, (src / "gevallen", erbij), ("werking",)) is None
        _, diags, _ = sitedata._casussen(bundle, (src / "gevallen", erbij))
        assert [d.code for d in diags] == ["C004" if erbij == leeg else "C000"]


def test_a_page_that_names_a_renamed_case_warns_as_a_build_from_scratch(make_app: Any, tmp_path: Path) -> None:
    """rollen.rst names a case in a role; after the case is renamed (and the page not), the incremental build
    writes the page again and warns of the dangling reference, as a build from scratch does (under -W: fails)."""
    src = _site(tmp_path)
    _bouw(make_app, src)
    _hernoem(src, "P1 boven de drempel", "P1 ruim boven de drempel")
    app = make_app("html", srcdir=src)
    app.build()
    status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    assert "rollen" in re.findall(r"writing output\.\.\. \[ *\d+%\] (\S+)", status)
    assert "rollen.rst" in app.warning.getvalue() and "P1 boven de drempel" in app.warning.getvalue()
    vers = tmp_path / "vers"
    shutil.copytree(src, vers, ignore=shutil.ignore_patterns("_build"))
    app2 = make_app("html", srcdir=vers)
    app2.build()
    assert "P1 boven de drempel" in app2.warning.getvalue()


def test_a_page_that_lists_pages_is_written_again_only_when_a_listed_title_changes(make_app: Any,
                                                                                   tmp_path: Path) -> None:
    """The index page lists every page in its toctree. A reworded provision or a renamed case changes no title:
    the index is not written again. A changed title is shown by the index, which is then written again; every
    page is what a build from scratch makes, and the links Sphinx keeps between builds are all still there."""
    src = _site(tmp_path)
    _bouw(make_app, src)
    app = make_app("html", srcdir=src)
    ouders = {k: set(v) for k, v in app.env.files_to_rebuild.items()}
    assert ouders["artikel"] == {"index"}
    _herformuleer(src)
    gelezen, geschreven = _gebouwd(make_app, src)
    assert "renvooi" in gelezen and "renvooi" in geschreven
    assert "index" not in geschreven, geschreven
    _hernoem(src, "P1 onder de drempel, thuis", "P1 ver onder de drempel, thuis")
    gelezen, geschreven = _gebouwd(make_app, src)
    assert "casussen" in geschreven and "index" not in geschreven, geschreven
    _zoals_vers(make_app, src, tmp_path)
    shutil.rmtree(tmp_path / "vers")
    _nieuwe_titel(src)
    gelezen, geschreven = _gebouwd(make_app, src)
    assert "index" in geschreven
    assert "Artikel twee" in _html(src)["index.html"]
    _zoals_vers(make_app, src, tmp_path)
    app = make_app("html", srcdir=src)
    assert {k: set(v) for k, v in app.env.files_to_rebuild.items()} == ouders


def test_the_search_index_stems_a_word_once_and_a_new_process_takes_the_stems(make_app: Any, tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The Dutch stemmer runs once per word: the stems are kept beside the environment, so a new process that
    writes a page again stems no word it met before, and the search index is the one a build from scratch
    makes."""
    from sphinx.search.nl import SearchDutch

    _nieuw_proces()  # (the stems of earlier tests in this process)
    gestemd = _tel(monkeypatch, SearchDutch, "stem")
    src = _site(tmp_path)
    _bouw(make_app, src)
    woorden = [a[1] for a in gestemd]
    assert woorden and len(woorden) == len(set(woorden))
    _nieuw_proces()
    gestemd.clear()
    _herformuleer(src)
    assert "renvooi" in _gebouwd(make_app, src)[1]
    assert [a[1] for a in gestemd] == ["beneden"]
    _zoals_vers(make_app, src, tmp_path)
    assert (src / "_build" / "html" / "searchindex.js").read_text(encoding="utf-8") == (
        tmp_path / "vers" / "_build" / "html" / "searchindex.js").read_text(encoding="utf-8")


def test_an_edited_base_outside_the_regelings_folder_is_seen(make_app: Any, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A variant's folder builds on a version of the bundled regeling (here a folder of its own): an edit of that
    base re-reads the pages that show it in the same process (as ``--volg`` builds), and ``--volg`` watches
    the base file."""
    from meerzorg_law.sphinxext import sitedata
    from meerzorg_law.versions import catalog

    _nieuw_proces()
    src = _site(tmp_path)
    basis = tmp_path / "gebundeld"
    basis.mkdir()
    shutil.move(src / "regeling" / "proef.rgl", basis / "proef.rgl")
    monkeypatch.setattr(catalog, "bundled_regeling", lambda: basis)
    _bouw(make_app, src)
    assert "Heeft het profiel geen ster, dan is er geen recht." in _html(src)["artikel.html"]
    assert (basis / "proef.rgl").resolve() in sitedata.invoerbestanden()
    rgl = basis / "proef.rgl"
    rgl.write_text(rgl.read_text(encoding="utf-8").replace("dan is er geen recht.", "dan bestaat er geen recht."),
                   encoding="utf-8")
    assert "artikel" in _bouw(make_app, src)
    assert "Heeft het profiel geen ster, dan bestaat er geen recht." in _html(src)["artikel.html"]
    _zoals_vers(make_app, src, tmp_path)


def test_a_case_page_read_again_traces_each_case_once(make_app: Any, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The provisions that decided each case under each version are kept with its result: a case page read
    again (its description changed; no case runs again) evaluates each case with a trace once, for its
    decision path, not once per version for the table of applied provisions."""
    from meerzorg_law.sphinxext import sitedata

    src = _site(tmp_path)
    _bouw(make_app, src)
    _nieuw_proces()
    getraceerd = _tel(monkeypatch, sitedata, "evaluate")
    aantal = _omschrijf(src).count("- naam:")
    assert aantal >= 3
    assert _bouw(make_app, src) == {"casussen"}
    assert 0 < len(getraceerd) <= aantal, len(getraceerd)
    _zoals_vers(make_app, src, tmp_path)


def test_formatters_and_titles_are_made_once_per_build_and_the_pages_stay_the_same(
        make_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Pygments formatter per set of options and a rendered title per title, once per build: fewer are made
    than there are highlighted blocks and titles shown, and every page is what Sphinx makes without this."""
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.highlighting import PygmentsBridge

    import meerzorg_law.sphinxext as extensie

    formatters: list[dict[str, Any]] = []

    class Tellend(PygmentsBridge.html_formatter):  # type: ignore[misc,name-defined]
        def __init__(self, **kwargs: Any) -> None:
            formatters.append(kwargs)
            super().__init__(**kwargs)

    monkeypatch.setattr(PygmentsBridge, "html_formatter", Tellend)
    titels = _tel(monkeypatch, StandaloneHTMLBuilder, "render_partial")
    src = _site(tmp_path)
    _bouw(make_app, src)
    html = _html(src)
    blokken = sum(pagina.count('<div class="highlight') for pagina in html.values())
    getoond = [a for a in titels if type(a[1]).__name__ == "title"]
    assert 0 < len(formatters) < blokken, (len(formatters), blokken)
    assert 0 < len(getoond) <= len({id(a[1]) for a in getoond}) < 2 * len(html)
    zonder = tmp_path / "zonder"
    shutil.copytree(src, zonder, ignore=shutil.ignore_patterns("_build"))
    monkeypatch.setattr(extensie, "eens_per_bouw", lambda app: None)
    _bouw(make_app, zonder)
    assert _html(zonder) == html


def test_a_rebuild_freezes_what_it_loaded_before_reading_and_collects_as_before_after_it(
        make_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build from scratch collects as it goes. A rebuild (a kept environment) does not collect while it loads
    the environment, the regeling and the cases, freezes what it loaded when the pages are read (those are
    never walked by a young collection) and collects while reading; afterwards nothing is frozen and the
    collector runs."""
    import gc

    from meerzorg_law.sphinxext import sitedata, tabellen

    tijdens: list[tuple[bool, bool]] = []
    laden: list[bool] = []
    echt_tabel, echt_laad = tabellen.tabel, sitedata.laad
    monkeypatch.setattr(tabellen, "tabel", lambda *a, **k: tijdens.append(
        (gc.isenabled(), gc.get_freeze_count() > 0)) or echt_tabel(*a, **k))
    monkeypatch.setattr(sitedata, "laad", lambda *a, **k: laden.append(gc.isenabled()) or echt_laad(*a, **k))
    src = _site(tmp_path)
    _bouw(make_app, src)
    assert tijdens and set(tijdens) == {(True, False)}
    assert gc.isenabled() and gc.get_freeze_count() == 0
    tijdens.clear()
    laden.clear()
    _hernoem(src, "P1 onder de drempel, thuis", "P1 ver onder de drempel, thuis")
    assert "casussen" in _bouw(make_app, src)
    assert laden and not any(laden)
    assert tijdens and set(tijdens) == {(True, True)}
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_changed_title_is_shown_in_the_navigation_of_every_page_that_lists_it(make_app: Any,
                                                                                tmp_path: Path) -> None:
    """With the site's theme and navigation (Furo, the branch of the current page opened), a page's title is in
    the navigation of its parent and of every page below that parent: after a changed title each of those is
    written again, and every page is what a build from scratch makes."""
    docs = Path(__file__).resolve().parents[2] / "docs"
    src = _site(tmp_path)
    shutil.copytree(docs / "_templates", src / "_templates")
    conf = src / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + 'html_theme = "furo"\ntemplates_path = ["_templates"]\n',
                    encoding="utf-8")
    _bouw(make_app, src)
    assert "Artikel 2" in _html(src)["casussen.html"]
    _nieuwe_titel(src)
    gelezen, geschreven = _gebouwd(make_app, src)
    assert gelezen == {"artikel"}
    assert {"index", "casussen", "rollen"} <= geschreven, geschreven
    assert "Artikel twee" in _html(src)["rollen.html"]
    _zoals_vers(make_app, src, tmp_path)
    shutil.rmtree(tmp_path / "vers")
    # A new page in the toctree: every page's navigation lists it.
    (src / "nieuw.rst").write_text("Een nieuwe pagina\n=================\n\nTekst.\n", encoding="utf-8")
    index = src / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace("   rollen\n", "   rollen\n   nieuw\n"),
                     encoding="utf-8")
    gelezen, geschreven = _gebouwd(make_app, src)
    assert gelezen == {"index", "nieuw"}
    assert "Een nieuwe pagina" in _html(src)["casussen.html"]
    _zoals_vers(make_app, src, tmp_path)
    shutil.rmtree(tmp_path / "vers")
    # Removed again: no page's navigation lists it any more.
    (src / "nieuw.rst").unlink()
    index.write_text(index.read_text(encoding="utf-8").replace("   nieuw\n", ""), encoding="utf-8")
    _bouw(make_app, src)
    assert not (src / "_build" / "html" / "nieuw.html").exists()  # (Sphinx alone leaves it behind)
    assert "Een nieuwe pagina" not in _html(src)["casussen.html"]
    _zoals_vers(make_app, src, tmp_path)


def test_a_word_no_page_has_any_more_leaves_the_search_index(make_app: Any, tmp_path: Path) -> None:
    """A word of a provision's text and a word of a page title, each written in and then out again: neither is
    left in the search index (Sphinx kept such a word without pages, so every edit grew the index), and the
    index is the one a build from scratch makes."""
    src = _site(tmp_path)
    _bouw(make_app, src)
    rgl, artikel = src / "regeling" / "proef-2027.rgl", src / "artikel.rst"
    tekst, titel = rgl.read_text(encoding="utf-8"), artikel.read_text(encoding="utf-8")
    assert "onder de drempel blijft, tenzij" in tekst and "Artikel 2\n=========" in titel
    rgl.write_text(tekst.replace("onder de drempel blijft, tenzij", "okapiwoord de drempel blijft, tenzij"),
                   encoding="utf-8")
    artikel.write_text(titel.replace("Artikel 2\n=========", "Artikel okapititel\n==================", 1),
                       encoding="utf-8")
    _bouw(make_app, src)
    index = (src / "_build" / "html" / "searchindex.js").read_text(encoding="utf-8")
    assert "okapiwoord" in index and "okapititel" in index  # (so the next assertion says something)
    rgl.write_text(tekst.replace("onder de drempel blijft, tenzij", "beneden de drempel blijft, tenzij"),
                   encoding="utf-8")
    artikel.write_text(titel, encoding="utf-8")
    _bouw(make_app, src)
    index = (src / "_build" / "html" / "searchindex.js").read_text(encoding="utf-8")
    assert "okapiwoord" not in index and "okapititel" not in index
    _zoals_vers(make_app, src, tmp_path)
    assert index == (tmp_path / "vers" / "_build" / "html" / "searchindex.js").read_text(encoding="utf-8")
