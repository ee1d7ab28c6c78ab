"""The Sphinx extension: a thin ``rlz`` domain over the IR, directives that render the regeling, its
versions and its cases from the library, and the DSL's Pygments lexer.

In ``conf.py``::

    extensions = ["meerzorg_law.sphinxext"]
    meerzorg_regeling = "../regeling"          # folder or file; empty: the bundled regeling/
    meerzorg_casussen = ["../tests/casussen"]  # folders or files; None: the bundled tests/casussen/
    meerzorg_genereer_paginas = True           # stub pages per version, artikel and renvooi in _generated/
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes as du

from .artikel import ArtikelDirective
from .bewijzen import BewijzenDirective
from .bijlage import BijlageDirective
from .bouwstenen import gevolgen_voor_andere_builders
from .domain import RegelingDomain
from .generate import genereer
from .herkomst import BronnenDirective
from .lexer import MeerzorgLexer
from .nodes import HTML_VISITORS, gevolgentabel, vervang_voor_andere_builders
from .rekenhulp import RekenhulpDirective, alleen_html, depart_rekenhulp, rekenhulp, schrijf_regels, visit_rekenhulp
from .schrijven import (
    bewaar_stammen,
    eens_per_bouw,
    inhoud_voor,
    ouders_bij_nieuwe_inhoud,
    ouders_terug,
    stam_eens,
    weg_uit_de_site,
    zoektermen_zonder_pagina_weg,
)
from .tabellen import CasussenDirective, DekkingDirective, RenvooiDirective
from .thema import herstel_toctree, registreer, verberg_toctree
from .versie import RegelingDirective, VersieDirective
from .wijziging import WijzigingsregelingDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

__all__ = ["collector_als_eerder", "setup"]

_STATIC = Path(__file__).parent / "static"


def _paden(app: Sphinx, config: Config) -> None:
    """``config-inited``: paths in conf.py are relative to the folder of conf.py; make them absolute."""
    confdir = Path(app.confdir)
    if config.meerzorg_regeling:
        config.meerzorg_regeling = str((confdir / config.meerzorg_regeling).resolve())
    if isinstance(config.meerzorg_casussen, str):  # -D meerzorg_casussen=a:b (meerzorg docs --casussen)
        config.meerzorg_casussen = config.meerzorg_casussen.split(os.pathsep)
    if config.meerzorg_casussen is not None:
        config.meerzorg_casussen = [str((confdir / p).resolve()) for p in config.meerzorg_casussen]
    config.html_static_path = [*config.html_static_path, str(_STATIC)]


# Comparison and arrow symbols as a reader writes them (a case's description, a reason from the comparison).
_SYMBOLEN = {">=": "≥", "<=": "≤", "!=": "≠", "->": "→", "=>": "⇒"}
_SYMBOOL = re.compile("|".join(re.escape(s) for s in _SYMBOLEN))


def leesbare_tekst(app: Sphinx, doctree: du.document, docname: str) -> None:
    """``doctree-read`` (so the titles in the navigation follow): no code in prose, tables or headings (issue 23).
    Every version id outside code is replaced by the version's short name (``basis.versie_kort``), an id shown in
    code font by itself too, and ``>=``, ``->`` and their kin by their symbols; text in code blocks and inline
    code is left as written."""
    _Tekst(_versienamen(app), zichtbaar_maken=False).onder(doctree)


def leesbaar_en_zichtbaar(app: Sphinx, doctree: du.document, docname: str) -> None:
    """``doctree-resolved``: :func:`leesbare_tekst` again (the links are resolved now), and every text and
    attribute of the page through ``escape.zichtbaar``: a control character from a label, titel or case name
    becomes a visible symbol (ESC -> U+241B) instead of a character HTML cannot hold (the writer escapes
    ``&<>"`` itself). A link's title (``_GETOOND``), which a reader sees on hovering, is a text like any other: no
    version id, no ``>=``. One walk down the tree for both (two walks were a fifth of writing a page)."""
    from ..escape import zichtbaar

    _Tekst(_versienamen(app), zichtbaar_maken=True).onder(doctree)
    _zichtbare_attributen(doctree, zichtbaar)


def _versienamen(app: Sphinx) -> dict[str, str]:
    from .basis import versie_kort
    from .sitedata import laad_regeling

    data = laad_regeling(app.config.meerzorg_regeling)
    return {} if data.errors else {v: versie_kort(data, v) for v in data.versie_ids}


def _zichtbare_attributen(element: du.Element, zichtbaar: Callable[[str], str]) -> None:
    # attributes too (a link's title is an object's titel)
    for key, value in element.attributes.items():
        if isinstance(value, str) and zichtbaar(value) != value:
            element.attributes[key] = zichtbaar(value)


# The attributes a reader sees: a link's title (``reftitle``, shown on hovering and read out by a screen reader).
_GETOOND = ("reftitle", "title")


_CODE = (du.literal, du.literal_block, du.raw, du.comment)


class _Tekst:
    """One walk down a page for :func:`leesbare_tekst` and :func:`leesbaar_en_zichtbaar` (asking each text for its
    ancestors was a tenth of writing a page)."""

    def __init__(self, namen: dict[str, str], zichtbaar_maken: bool) -> None:
        from ..escape import zichtbaar
        from .domain import leesbaar

        self.namen = namen
        self.leesbaar = leesbaar
        self.zichtbaar = zichtbaar if zichtbaar_maken else None

    def tekst(self, tekst: str, in_code: bool = False) -> str:
        """A text as the page shows it."""
        nieuw = tekst if in_code else _SYMBOOL.sub(lambda m: _SYMBOLEN[m.group(0)], self.leesbaar(tekst, self.namen))
        return nieuw if self.zichtbaar is None else self.zichtbaar(nieuw)

    def onder(self, element: du.Element, in_code: bool = False) -> None:
        namen, zichtbaar = self.namen, self.zichtbaar
        for n, child in enumerate(element.children):
            if isinstance(child, du.Text):
                # docutils keeps a reST backslash escape ("telt\\: de") as a NUL before the character; astext()
                # is the text as the writer prints it, so only a real control character is made visible.
                tekst = child.astext()
                nieuw = self.tekst(tekst, in_code)
                if nieuw != tekst:
                    element[n] = du.Text(nieuw)
            elif isinstance(child, du.Element):
                if isinstance(child, gevolgentabel):  # its texts are attributes (nodes.gevolgentabel)
                    child["koppen"] = [self.tekst(k) for k in child["koppen"]]
                    child["rijen"] = [[[self.tekst(t) for t in cel] if isinstance(cel, list) else self.tekst(cel)
                                       for cel in rij] for rij in child["rijen"]]
                if isinstance(child, du.literal) and child.astext() in namen:
                    child = du.inline("", namen[child.astext()])  # a version id in code font by itself
                    element[n] = child
                if zichtbaar is not None:
                    _zichtbare_attributen(child, zichtbaar)
                    for key in _GETOOND:
                        waarde = child.get(key)
                        if isinstance(waarde, str):
                            child[key] = self.tekst(waarde)
                self.onder(child, in_code or isinstance(child, _CODE))


def _uitvoercache(app: Sphinx) -> None:
    """``builder-inited``: keep the case results beside Sphinx's environment (never in the published site), and
    look at the input files afresh."""
    from .sitedata import nieuwe_bouw, zet_uitvoercache

    nieuwe_bouw()
    zet_uitvoercache(Path(app.doctreedir) / "meerzorg-uitvoer")


def _verouderd(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
               removed: set[str]) -> list[str]:
    """``env-get-outdated``: the pages whose fingerprint (what they show, ``sphinxext.vinger``) changed since
    they were read. A page that shows no regeling or cases is left to Sphinx (its own source file)."""
    from .sitedata import invoer_sleutel, laad, nieuwe_bouw, onveranderd
    from .vinger import vinger

    nieuwe_bouw()  # an app built a second time: its files may have changed since its first build
    domain = env.domains["rlz"]
    assert isinstance(domain, RegelingDomain)
    sleutel = invoer_sleutel(app.config.meerzorg_regeling, app.config.meerzorg_casussen)
    _INVOER[:] = [(sleutel, getattr(app, "_warncount", 0))]
    gelijk = onveranderd(sleutel)  # (first: it also forgets the kept key, whatever this build then does)
    if not domain.paginas or gelijk:
        return []  # (inputs as at the end of the last build that succeeded: no case loaded, no fingerprint computed)
    data = laad(app.config.meerzorg_regeling, app.config.meerzorg_casussen)
    out = []
    for doc, wat in domain.paginas.items():
        if doc in changed or doc in removed or doc in added:
            continue
        soort_fout = "alles"
        if any(vinger(data, soort if not data.errors else soort_fout, args) != oud for soort, args, oud in wat):
            out.append(doc)
    return out


def _hernoemd(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: pages not read again whose case tables show a renamed case, and pages whose roles
    name an object that is gone or whose link to it changed (``RegelingDomain.verweesd``: written again, they
    link and warn as a build from scratch does).

    A case table names a case by a link whose text is filled in when the page is written
    (``RegelingDomain.casusnaam``), and those links are left out of the search index; so a page that differs from
    its HTML only in the names of renamed cases gets them in that HTML (``schrijven.hernoem_in_html``: the link's
    anchor, title and text, each as the writer makes it), not written again by Sphinx (a rename wrote a dozen
    artikel pages, 50-100 ms each). Where that cannot be done exactly (the old name elsewhere on the page, no
    HTML), Sphinx writes the page."""
    domain = env.domains["rlz"]
    assert isinstance(domain, RegelingDomain)
    hernoemd = domain.hernoemd()
    schrijven = set(domain.verweesd())
    if hernoemd and app.builder.format == "html" and hasattr(app.builder, "get_outfilename"):
        tekst = _Tekst(_versienamen(app), zichtbaar_maken=True)
        hernoemd = {doc: namen for doc, namen in hernoemd.items()
                    if doc in schrijven or not _in_html_hernoemd(app, domain, tekst, doc, namen)}
    return sorted(schrijven | set(hernoemd))


def _in_html_hernoemd(app: Sphinx, domain: RegelingDomain, tekst: _Tekst, doc: str,
                      namen: dict[str, tuple[str, str]]) -> bool:
    """Whether page ``doc`` got the new names of its renamed cases (case id -> (name shown, name now)) in its
    HTML, each link's text and title as the page shows them (``_Tekst``)."""
    from .schrijven import hernoem_in_html

    vervangingen = []
    for oud, nieuw in namen.values():
        doel = domain.casus_doel(nieuw)
        if doel is None:
            return False
        anker, titel = doel
        vervangingen.append((tekst.tekst(oud), tekst.tekst(nieuw), anker, tekst.tekst(titel)))
    return hernoem_in_html(Path(app.builder.get_outfilename(doc)), vervangingen)  # type: ignore[attr-defined]


# Python's collector during a build: a full collection walks every object alive (Sphinx's environment, the
# regeling, the doctrees), and docutils makes cyclic nodes (every child points to its parent) by the hundred
# thousand, so with the default thresholds full collections ran again and again while pages were built: a
# third of a full build, and a table of 60 rows took 0,3 s to assemble. Young cycles are still collected, in
# larger batches; the old generation rarely. Measured on the bundled site (bench_docs, one process, a shared
# machine): full build 25,0 -> 18,5-22,7 s, one reworded provision 3,95 -> 2,7-3,5 s, peak memory 287 -> 298 MB.
_GC_BOUW = (100_000, 50, 1000)
_GC_EERDER: list[tuple[int, int, int]] = []


def _ruimer_opruimen(app: Sphinx, config: object) -> None:
    """``config-inited``: the collector's thresholds for the build (``_GC_BOUW``), the old ones kept: from before
    Sphinx loads its environment (one large pickle) until ``build-finished``."""
    if not _GC_EERDER:  # a second app before the first built (a test that only looks at an environment)
        _GC_EERDER.append(gc.get_threshold())
    gc.set_threshold(*_GC_BOUW)


# A rebuild after one change: Sphinx loads its environment (one large pickle) and the toolkit the regeling, the
# cases and the fingerprints, hundreds of thousands of objects that live until the build ends. Python's
# collector would walk each of them once in a young collection (3-5 of 50-80 ms per rebuild, measured with
# gc.callbacks). With a kept environment the collector rests from the start of the build until the pages are
# read, and what exists then is frozen (moved aside without being walked: ``gc.freeze``); the build then
# collects as before, and the frozen objects go back to the oldest generation when it ends. Four rebuilds after
# a reworded provision in one process spent 1,3 s in the collector, now 0,46-0,49 s.
_GC_BEVROREN: list[str] = []


def _rust_bij_bestaande_omgeving(app: Sphinx, config: object) -> None:
    """``config-inited``: with a kept environment (a rebuild), the collector rests until the pages are read."""
    if (Path(app.doctreedir) / "environment.pickle").exists() and gc.isenabled() and not _GC_BEVROREN:
        gc.disable()
        _GC_BEVROREN.append("rust")


def _bevries_wat_blijft(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: freeze what exists (the environment, the regeling, the cases), then collect."""
    if _GC_BEVROREN == ["rust"]:
        gc.freeze()
        gc.enable()
        _GC_BEVROREN[:] = ["bevroren"]


def _opruimen_als_eerder(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished`` (also after an error): the collector as before the build."""
    collector_als_eerder()


def collector_als_eerder() -> None:
    """The collector as before the build (thresholds, nothing frozen, running). ``build-finished`` does this;
    ``meerzorg docs`` does it again after each build, for a build that stopped before Sphinx could say it
    finished (a theme that cannot be found, say), so a ``--volg`` session never goes on without a collector."""
    if _GC_EERDER:
        gc.set_threshold(*_GC_EERDER.pop())
    if _GC_BEVROREN:
        if _GC_BEVROREN == ["bevroren"]:
            gc.unfreeze()
        _GC_BEVROREN.clear()
        gc.enable()


# The key of this build's inputs as they were when it started (``sitedata.invoer_sleutel``), and how many warnings
# Sphinx had counted then (a second app in one process warns while it is set up, before the build).
_INVOER: list[tuple[str, int]] = []


def _bewaar_vingers(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: keep the regeling's fingerprints for the next build (``sitedata.bewaar_vingers``), and,
    after a build without warnings (under -W: without errors), the key of its inputs."""
    from .sitedata import bewaar_invoer_sleutel, bewaar_vingers

    if exception is None:
        bewaar_vingers()
        if _INVOER:
            sleutel, waarschuwingen = _INVOER.pop()
            if app.statuscode == 0 and getattr(app, "_warncount", 0) == waarschuwingen:
                bewaar_invoer_sleutel(sleutel)


def _zonder_bronkaarten(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the theme ships source maps of its CSS and JavaScript; a reader never needs them
    (they only make the site heavier), so remove them and the comments that point to them."""
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    for kaart in static.rglob("*.map"):
        kaart.unlink()
    for bestand in [*static.rglob("*.js"), *static.rglob("*.css")]:
        tekst = bestand.read_text(encoding="utf-8", errors="surrogateescape")
        if "sourceMappingURL" in tekst:
            schoon = _BRONKAART.sub("", tekst)
            bestand.write_text(schoon, encoding="utf-8", errors="surrogateescape")


_BRONKAART = re.compile(r"\n?(?://# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^*]*\*/)")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("meerzorg_regeling", "", "env", types=frozenset({str}))
    app.add_config_value("meerzorg_casussen", None, "env", types=frozenset({list, str, type(None)}))
    app.add_config_value("meerzorg_hoofduitkomsten", [], "env", types=frozenset({list}))
    app.add_config_value("meerzorg_genereer_paginas", False, "env", types=frozenset({bool}))
    # Pre-filled examples on the rekenhulp page: [{"tekst": link text, "feiten": {fact: value}}].
    app.add_config_value("meerzorg_rekenhulp_voorbeelden", [], "env", types=frozenset({list}))
    app.add_domain(RegelingDomain)
    for cls in (RegelingDirective, VersieDirective, ArtikelDirective, BijlageDirective, CasussenDirective,
                DekkingDirective, RenvooiDirective, WijzigingsregelingDirective, BewijzenDirective,
                BronnenDirective, RekenhulpDirective):
        app.add_directive_to_domain("rlz", cls.__name__.removesuffix("Directive").lower(), cls)
    app.add_lexer("meerzorg", MeerzorgLexer)
    for node, (visit, depart) in HTML_VISITORS.items():
        app.add_node(node, html=(visit, depart))
    app.add_node(rekenhulp, html=(visit_rekenhulp, depart_rekenhulp))
    app.add_css_file("meerzorg.css")
    app.connect("config-inited", _ruimer_opruimen)  # before Sphinx loads its environment (a large pickle)
    app.connect("config-inited", _rust_bij_bestaande_omgeving)
    app.connect("env-before-read-docs", _bevries_wat_blijft)
    app.connect("config-inited", _paden)
    app.connect("builder-inited", _uitvoercache)
    app.connect("builder-inited", genereer)
    app.connect("env-get-outdated", _verouderd)
    app.connect("env-get-updated", _hernoemd)
    app.connect("builder-inited", registreer)
    app.connect("builder-inited", eens_per_bouw)
    app.connect("html-page-context", verberg_toctree, priority=400)  # Furo's own handler has 500
    app.connect("html-page-context", herstel_toctree, priority=600)
    app.connect("doctree-resolved", vervang_voor_andere_builders)
    app.connect("doctree-resolved", gevolgen_voor_andere_builders)
    # Before Sphinx collects the titles (priority 500): the navigation and the toctrees show the names too.
    app.connect("doctree-read", lambda app, doctree: leesbare_tekst(app, doctree, ""), priority=400)
    app.connect("doctree-resolved", leesbaar_en_zichtbaar)
    app.connect("doctree-resolved", alleen_html)
    app.connect("doctree-resolved", stam_eens)
    app.connect("env-purge-doc", inhoud_voor, priority=400)  # before Sphinx's collectors forget the titles
    app.connect("write-started", ouders_bij_nieuwe_inhoud)
    app.connect("html-collect-pages", zoektermen_zonder_pagina_weg)
    app.connect("build-finished", schrijf_regels)
    app.connect("build-finished", _zonder_bronkaarten)
    app.connect("build-finished", _bewaar_vingers)
    app.connect("build-finished", bewaar_stammen)
    app.connect("build-finished", ouders_terug)
    app.connect("build-finished", weg_uit_de_site)
    app.connect("build-finished", _opruimen_als_eerder)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": RegelingDomain.data_version}
