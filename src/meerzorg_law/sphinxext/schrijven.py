"""Writing pages again for less: the search index's stems kept between builds, a table of contents written
again only when what it lists changed, and what every page asks again made once per build.

Stems. Sphinx's search index stems every word of every page it writes with the Dutch snowball stemmer (pure
Python), remembering stems within one page only; most words recur on many pages and in every build. The stems
are kept for the process and beside Sphinx's environment (keyed by the stemmer's and Sphinx's versions and the
language), so a rebuild stems only words it never met: the same stems, so the same index.

Tables of contents. Sphinx writes again every page whose toctree lists a page being written (a version's index
page lists its artikel pages), because the listed page's title may have changed. A reworded provision or a
renamed case changes no title, yet nine index pages were written again each time (0,03-0,04 s each). Here the
title and sections of each page read again are compared with those it had before (``env-purge-doc`` still sees
them); only a page whose title or sections changed, or that is new, has the pages that list it written again (and,
for a new page or a new title, its neighbours, whose "previous" and "next" links name it, and every page whose
navigation shows it; for a removed page, every page whose navigation showed it, and its own HTML is removed). A
page only written again (not read) keeps its title.
The environment Sphinx keeps is pickled before pages are written, so the links set aside during writing are
never lost; they are put back when the build ends.

Renamed cases. A case table on another page than the case's own names it by a link whose text is filled in
when the page is written. A page that differs from its HTML only in such names gets the new ones in its HTML
(the link's anchor, title and text, encoded as docutils' HTML writer encodes them) instead of being written again
by Sphinx; those links are left out of the search index, so its entry stays right. Done only where every link to
the case is found exactly and the old name appears nowhere else on the page; else Sphinx writes it.

Once per build. Sphinx makes a new Pygments formatter for every formal rule it highlights (and the formatter
works out its whole stylesheet each time), and renders the title of a page's parent, previous and next page
again for every page written. Both give the same answer each time in one build: a formatter is kept per set of
options, a title's rendering per title.
"""

from __future__ import annotations

import importlib.metadata
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..canoniek import hash_van

if TYPE_CHECKING:
    from docutils import nodes as du
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

__all__ = ["bewaar_stammen", "eens_per_bouw", "hernoem_in_html", "inhoud_voor", "ouders_bij_nieuwe_inhoud",
           "ouders_terug", "stam_eens", "weg_uit_de_site", "zoektermen_zonder_pagina_weg"]

# Per language: word -> stem, for this process (a --volg session, the benchmark's builds in one process).
_STAMMEN: dict[str, dict[str, str]] = {}
_GELEZEN_BIJ: list[int] = []  # how many stems there were when read or last kept: write only when more


def _stammen_sleutel(taal: str) -> str:
    versies = []
    for pakket in ("sphinx", "snowballstemmer"):
        try:
            versies.append(importlib.metadata.version(pakket))
        except importlib.metadata.PackageNotFoundError:
            versies.append("?")
    return hash_van("stammen", taal, *versies)


def stam_eens(app: Sphinx, doctree: du.document, docname: str) -> None:
    """``doctree-resolved``: give the indexer's language the kept stems. The indexer is made just before the
    first page is written, so this is done at that page."""
    from .sitedata import lees_bewaard

    indexer = getattr(app.builder, "indexer", None)
    lang = getattr(indexer, "lang", None)
    if lang is None or getattr(lang, "_meerzorg_stam_eens", False):
        return
    taal = str(getattr(lang, "lang", ""))
    if taal not in _STAMMEN:
        kept = lees_bewaard("stammen", _stammen_sleutel(taal))
        _STAMMEN[taal] = dict(kept) if isinstance(kept, dict) else {}
    stammen = _STAMMEN[taal]
    _GELEZEN_BIJ[:] = [len(stammen)]
    eigen = lang.stem

    def stem(word: str) -> str:
        stam = stammen.get(word)
        if stam is None:
            stam = stammen[word] = eigen(word)
        return stam

    lang.stem = stem
    lang._meerzorg_stam_eens = True


def bewaar_stammen(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: keep the stems when this build met new words."""
    from .sitedata import schrijf_bewaard

    lang = getattr(getattr(app.builder, "indexer", None), "lang", None)
    taal = str(getattr(lang, "lang", ""))
    if exception is None and taal in _STAMMEN and len(_STAMMEN[taal]) > (_GELEZEN_BIJ or [0])[0]:
        schrijf_bewaard("stammen", _stammen_sleutel(taal), _STAMMEN[taal])
        _GELEZEN_BIJ[:] = [len(_STAMMEN[taal])]


# The title and sections of each page read again in this build, as they were before (None: a new page).
_INHOUD_VOOR: dict[str, tuple[str, str] | None] = {}
# Sphinx's links child -> pages that list it, as they were before writing (put back when the build ends).
_VOOR_SCHRIJVEN: list[dict[str, set[str]]] = []


def _inhoud(env: BuildEnvironment, docname: str) -> tuple[str, str]:
    """What a page's entry in a toctree shows: its title, and its sections (with their anchors)."""
    title, toc = env.titles.get(docname), env.tocs.get(docname)
    return (title.pformat() if title is not None else "", toc.pformat() if toc is not None else "")


# The pages that listed a page removed in this build, and the removed pages.
_OUDERS_VAN_WEG: set[str] = set()
_WEG: set[str] = set()


def weg_uit_de_site(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished`` (also of a build that failed: the source is gone either way, and the next build no
    longer knows the page): the HTML of a page whose source was removed is removed too (Sphinx leaves it
    behind, where a build from scratch has none: a reader could still land on a stale page)."""
    weg = set(_WEG)
    _WEG.clear()
    if app.builder.format != "html" or app.env is None:
        return
    for doc in weg - set(app.env.found_docs):
        pad = Path(app.builder.get_outfilename(doc))  # type: ignore[attr-defined]
        if pad.is_file() and Path(app.outdir) in pad.resolve().parents:
            pad.unlink()


def zoektermen_zonder_pagina_weg(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages`` (just before Sphinx writes the search index): the words no page has any more out of
    the index. Sphinx reads the old index back and removes the pages it writes again from each word, but keeps a
    word that then has no page: every reworded provision left its old words in ``searchindex.js``, and so did
    ``--opnieuw``, so the index grew with each edit and differed from that of a build from scratch. The pages
    that are gone are taken out first (as Sphinx does again just after). Adds no pages."""
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None or app.env is None:
        return []
    indexer.prune(app.env.all_docs)
    for mapping in (getattr(indexer, "_mapping", {}), getattr(indexer, "_title_mapping", {})):
        for woord in [w for w, paginas in mapping.items() if not paginas]:
            del mapping[woord]
    return []


def inhoud_voor(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """``env-purge-doc``: a page is about to be read again (note its title and sections as they were) or is
    removed (note the pages that listed it)."""
    if docname not in env.found_docs:
        _OUDERS_VAN_WEG.update(env.files_to_rebuild.get(docname, ()))
        _WEG.add(docname)
        return
    _INHOUD_VOOR[docname] = _inhoud(env, docname) if docname in env.titles else None


def _onder(env: BuildEnvironment, docname: str) -> set[str]:
    """Every page below ``docname`` in the toctrees."""
    out: set[str] = set()
    rij = [docname]
    while rij:
        for kind in env.toctree_includes.get(rij.pop(), ()):
            if kind not in out:
                out.add(kind)
                rij.append(kind)
    return out


def ouders_bij_nieuwe_inhoud(app: Sphinx, builder: Builder) -> None:
    """``write-started``: Sphinx writes again the pages that list a page being written (``files_to_rebuild``).
    For a page whose title and sections did not change (or that was not read again) nothing else shows
    anything new: its links are set aside. A new page, or one whose title changed, also has written again its
    neighbours, whose "previous" and "next" links show that title, and every page whose navigation shows it:
    its parent and all pages below that parent (the navigation opens the branch of the current page; Sphinx
    alone leaves them all stale)."""
    ouders_terug(app, None)
    env = builder.env
    if env is None:
        return
    _VOOR_SCHRIJVEN.append(dict(env.files_to_rebuild))
    relaties: dict[str, list[str | None]] | None = None
    for doc in list(env.files_to_rebuild):
        gelezen = doc in _INHOUD_VOOR
        voor = _INHOUD_VOOR.get(doc)
        nu = _inhoud(env, doc) if gelezen else None
        if not gelezen or voor == nu:
            del env.files_to_rebuild[doc]
        elif nu is not None and (voor is None or voor[0] != nu[0]):  # a new page, or a new title
            relaties = relaties if relaties is not None else env.collect_relations()
            ouder, vorige, volgende = relaties.get(doc, [None, None, None])
            tonen = {d for d in (ouder, vorige, volgende) if d} | (_onder(env, ouder) if ouder else set())
            env.files_to_rebuild[doc] = env.files_to_rebuild[doc] | (tonen - {doc})
    # A removed page: the page that listed it is read again (its toctree changed); every page below it showed
    # the removed page in its navigation.
    for ouder in _OUDERS_VAN_WEG & env.found_docs:
        env.files_to_rebuild[ouder] = env.files_to_rebuild.get(ouder, set()) | (_onder(env, ouder) - {ouder})
    _OUDERS_VAN_WEG.clear()
    _INHOUD_VOOR.clear()


def ouders_terug(app: Sphinx, exception: Any) -> None:
    """``build-finished`` (and before setting aside again): Sphinx's links as they were."""
    env = app.env
    if _VOOR_SCHRIJVEN and env is not None:
        env.files_to_rebuild.clear()
        env.files_to_rebuild.update(_VOOR_SCHRIJVEN[0])
    _VOOR_SCHRIJVEN.clear()


def eens_per_bouw(app: Sphinx) -> None:
    """``builder-inited``: the HTML builder's Pygments formatters and rendered titles made once per build."""
    from docutils import nodes as du

    hl = getattr(app.builder, "highlighter", None)
    if hl is not None and getattr(hl, "dest", None) == "html":
        eigen_formatter = hl.get_formatter
        formatters: dict[tuple[tuple[str, Any], ...], Any] = {}

        def get_formatter(**kwargs: Any) -> Any:
            try:
                key = tuple(sorted(kwargs.items()))
                hash(key)
            except TypeError:  # an option that is a list (highlighted lines): made as Sphinx makes it
                return eigen_formatter(**kwargs)
            if key not in formatters:
                formatters[key] = eigen_formatter(**kwargs)
            return formatters[key]

        hl.get_formatter = get_formatter
    eigen_render = getattr(app.builder, "render_partial", None)
    if eigen_render is not None:
        titels: dict[int, tuple[du.Node, dict[str, str]]] = {}

        def render_partial(node: du.Node | None) -> dict[str, str]:
            if not isinstance(node, du.title):
                return eigen_render(node)  # type: ignore[no-any-return]
            kept = titels.get(id(node))
            if kept is None or kept[0] is not node:  # (the node is kept alive with it: its id stays its own)
                kept = titels[id(node)] = (node, eigen_render(node))
            return dict(kept[1])

        app.builder.render_partial = render_partial  # type: ignore[attr-defined]


def _docutils_html(tekst: str, attribuut: bool = False) -> str:
    """``tekst`` as docutils' HTML writer puts it in a page (its own table; an attribute's whitespace as spaces):
    spliced into HTML that writer made, it must be what the writer would have written."""
    from docutils.writers._html_base import HTMLTranslator

    if attribuut:
        tekst = re.sub("[\n\r\t\v\f]", " ", tekst)
    return tekst.translate(HTMLTranslator.special_characters)


def _nieuwe_link(anker: str, titel: str, naam: str) -> Callable[[re.Match[str]], str]:
    a, t, n = _docutils_html(anker, True), _docutils_html(titel, True), _docutils_html(naam)
    return lambda m: f"{m[1]}{a}{m[2]}{t}{m[3]}{n}{m[4]}"


def hernoem_in_html(pad: Path, vervangingen: list[tuple[str, str, str, str]]) -> bool:
    """Rename cases in the HTML of a page at ``pad``: per case (the name shown, the name now, the anchor and title
    of the case now), each link to it in a case table (``domain.CASUSNAAM_KLASSE``) gets the new anchor, title and
    text. False, and the file untouched, when the page has no HTML or a name is not exactly where the links are."""
    from ..output import write_text_atomic
    from .domain import CASUSNAAM_KLASSE

    try:
        html = pad.read_text(encoding="utf-8")
    except OSError:
        return False
    for oud, nieuw, anker, titel in vervangingen:
        oud_html = _docutils_html(oud)
        link = re.compile(f'(<a class="[^"]*\\b{CASUSNAAM_KLASSE}\\b[^"]*" href="[^"#]*#)[^"]*(" title=")[^"]*'
                          f'("><span>){re.escape(oud_html)}(</span></a>)')
        if link.search(html) is None or oud_html in link.sub("", html):
            return False  # no such link, or the old name elsewhere too (a text that quotes it)
        html = link.sub(_nieuwe_link(anker, titel, nieuw), html)
    write_text_atomic(pad, html)
    return True
