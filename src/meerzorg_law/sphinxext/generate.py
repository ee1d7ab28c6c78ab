"""``builder-inited``: write one stub page per version, per artikel and bijlage of each version, and per
renvooi pair into ``<srcdir>/_generated/`` (as autosummary does), so new versions appear by themselves.

A stub holds only a title and one directive; files are rewritten only when their text changes, and stubs
of versions or artikelen that no longer exist are removed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from ..cases.load import case_files, file_title
from ..cases.project import bundled_paths
from ..escape import rst as _rst
from ..syntax.ast import Wijzigingsregeling
from ..versions.catalog import Versie
from .basis import versie_titel
from .sitedata import SiteData, laad_regeling
from .vinger import casus_pagina

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["MAP", "casus_pagina", "casus_paginas", "genereer", "renvooi_paren"]

logger = logging.getLogger(__name__)

MAP = "_generated"


def _titel(text: str) -> str:
    """A page title Sphinx needs as reST text: ``text`` is already one escaped line (``escape.rst``); the
    underline is long enough for characters that take two columns."""
    return f"{text}\n{'=' * (2 * len(text) + 4)}\n"


def renvooi_paren(versies: list[Versie]) -> list[tuple[str, str]]:
    """Each version against its basis; each variant against the base regeling; and alternatives (versions
    on the same basis from the same date) against each other."""
    ids = {v.id for v in versies}
    pairs: list[tuple[str, str]] = [(v.basis, v.id) for v in versies if v.basis in ids]
    roots = [v.id for v in versies if not v.basis]
    for v in versies:
        if v.variant and roots and roots[0] != v.id and (roots[0], v.id) not in pairs:
            pairs.append((roots[0], v.id))
    for a in versies:
        for b in versies:
            if (a.id < b.id and a.basis and a.basis == b.basis and a.geldig_vanaf == b.geldig_vanaf
                    and (a.id, b.id) not in pairs and (b.id, a.id) not in pairs):
                first, second = (a, b) if (a.variant, a.id) <= (b.variant, b.id) else (b, a)
                pairs.append((first.id, second.id))
    return pairs


_REKENHULP = """\
Krijgt u of uw kind zorg uit de Wet langdurige zorg, en wilt u weten of er *meer zorg* mogelijk is?
Beantwoord de vragen hieronder. U ziet dan voor de regels van nu, voor elk voorstel en voor elke variant of
er meer zorg volgt, hoeveel uur per week, en waarom.

Wat u invult, blijft op uw eigen apparaat: de rekenhulp rekent in uw browser en verstuurt niets. De uitkomst
is geen besluit; dat neemt het zorgkantoor. Een voorstel of variant geldt (nog) niet.

.. rlz:rekenhulp::
"""


def _pagina_naam(ref_artikel: str) -> str:
    return "artikel-" + re.sub(r"[^A-Za-z0-9.]+", "-", ref_artikel)


def casus_paginas(casussen: list[str] | None) -> dict[str, tuple[Path, str]]:
    """Page name (``casussen/<stem>``) -> (case file, page title) for every case file the site shows: each
    file its own page, so no page carries every case (the single case page was over 1 MB)."""
    paths = [Path(c) for c in casussen] if casussen is not None else [bundled_paths()[1]]
    pages: dict[str, tuple[Path, str]] = {}
    for f in case_files(paths):
        if f.exists():
            pages[casus_pagina(f)] = (f.resolve(), file_title(f) or f"Casussen uit {f.name}")
    return pages


def _stubs(data: SiteData, casussen: list[str] | None = None) -> dict[str, str]:
    """Relative path (under ``_generated/``) -> text of every stub page."""
    pages: dict[str, str] = {}
    versie_ids = data.versie_ids
    for vid in versie_ids:
        reg = data.bundle.versions[vid]
        # Every title names its version as a reader knows it (not by its id), so the navigation says too which
        # pages are the rules of now and which a proposal or a variant.
        merk = versie_titel(data, vid)
        children = []
        for p in reg.provisions:
            if p.kind == "artikel":
                name = _pagina_naam(p.ref.artikel)
                kop = f"Artikel {p.ref.artikel}" + (f" · {p.titel}" if p.titel else "") + f" — {merk}"
                pages[f"{vid}/{name}.rst"] = (f"{_titel(_rst(kop))}\n.. rlz:artikel:: {p.ref.artikel}\n"
                                              f"   :versie: {vid}\n")
                children.append(name)
            elif p.kind == "bijlage":
                name = f"bijlage-{p.ref.bijlage}"
                kop = f"Bijlage {p.ref.bijlage} — {merk}"
                pages[f"{vid}/{name}.rst"] = (f"{_titel(_rst(kop))}\n"
                                              f".. rlz:bijlage:: {p.ref.bijlage}\n   :versie: {vid}\n")
                children.append(name)
        if isinstance(data.bundle.documents.get(vid), Wijzigingsregeling):
            pages[f"{vid}/wijzigingsregeling.rst"] = (f"{_titel(_rst(f'Wijzigingsregeling — {merk}'))}\n"
                                                      f".. rlz:wijzigingsregeling:: {vid}\n")
            children.insert(0, "wijzigingsregeling")
        toc = "".join(f"   {c}\n" for c in children)
        pages[f"{vid}/index.rst"] = (f"{_titel(_rst(merk))}\n.. rlz:versie:: {vid}\n\n"
                                     f".. toctree::\n   :hidden:\n\n{toc}")
    versies_toc = "".join(f"   {vid}/index\n" for vid in versie_ids)
    pages["versies.rst"] = (f"{_titel('Versies')}\nElke versie van de regeling die in ``regeling/`` staat: de "
                            "regeling zelf en de wijzigingsregelingen en varianten die erop voortbouwen.\n\n"
                            f".. rlz:regeling::\n\n.. toctree::\n   :maxdepth: 1\n\n{versies_toc}")
    pages["voor-clienten-en-ouders.rst"] = f"{_titel('Voor cliënten en ouders')}\n{_REKENHULP}"
    versies = [v for v in data.bundle.catalog if v.id in data.bundle.versions]
    paren = renvooi_paren(versies)
    renvooi_toc = ""
    for oud, nieuw in paren:
        name = f"{oud}--{nieuw}"
        kop = f"Renvooi: {versie_titel(data, oud)} → {versie_titel(data, nieuw)}"
        pages[f"renvooi/{name}.rst"] = f"{_titel(_rst(kop))}\n.. rlz:renvooi:: {oud} {nieuw}\n"
        renvooi_toc += f"   renvooi/{name}\n"
    intro = ("Per paar versies: de bepalingen die verschillen, met geschrapte tekst doorgehaald en ingevoegde "
             "tekst onderstreept, en de casussen die daardoor een andere uitkomst krijgen.\n")
    if not paren:
        intro += "\nEr is nog geen wijzigingsregeling of variant: er valt niets te vergelijken.\n"
    for name, (_, titel) in casus_paginas(casussen).items():
        pages[f"{name}.rst"] = (f"{_titel(_rst(titel))}\n.. rlz:casussen::\n   :bestand: {name.partition('/')[2]}\n")
    pages["renvooi.rst"] = (f"{_titel('Renvooi')}\n{intro}"
                            + (f"\n.. toctree::\n   :maxdepth: 1\n\n{renvooi_toc}" if renvooi_toc else ""))
    return pages


def genereer(app: Sphinx) -> None:
    """Write the stubs (when ``meerzorg_genereer_paginas`` is on)."""
    if not app.config.meerzorg_genereer_paginas:
        return
    data = laad_regeling(app.config.meerzorg_regeling)
    root = Path(app.srcdir) / MAP
    if data.errors:
        # The directives report the errors with their location; write no pages for a broken regeling.
        logger.warning("geen pagina's gegenereerd: de regeling of de casussen bevatten fouten",
                       type="rlz", subtype="invoer")
        return
    pages = _stubs(data, app.config.meerzorg_casussen)
    for rel, text in pages.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for path in sorted(root.rglob("*.rst")):
        if path.relative_to(root).as_posix() not in pages:
            path.unlink()
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
