"""What a page shows, as a fingerprint: a rebuild re-reads a page only when its fingerprint changed.

A page of the site shows a few inputs: an artikel page its own artikel in its version and the version it amends,
whether the artikel differs in the other versions, and the cases that exercise it; a case file's page that file.
``env.note_dependency`` knows files only (every artikel page depended on every case file and every .rgl file,
so one changed case re-read 67 of 77 pages). Instead each directive records *what* it shows (a kind and its
arguments, :func:`vinger`); at the start of a build (``env-get-outdated``) the fingerprint of every page is
computed again from the current regeling and cases, and only the pages whose fingerprint changed are read.

A fingerprint is a hash of canonical values (``meerzorg_law.canoniek``): frozen dataclasses field by field, sets
sorted, and a span by its file and provision only, so a line that moves does not make a page stale. It always
holds the code of the package (a change in the extension or the renderers re-reads every page) and the version
catalog.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..canoniek import hash_van

if TYPE_CHECKING:
    from .sitedata import SiteData

__all__ = ["casus_pagina", "code_vinger", "vinger"]

_PACKAGE = Path(__file__).resolve().parents[1]


def casus_pagina(file: Path | str) -> str:
    """The page of a case file, under ``_generated/``: ``casussen/rlz-2026-drempel`` (here, below the page
    generator, because a case file's fingerprint names its page too)."""
    return "casussen/" + re.sub(r"[^A-Za-z0-9.-]+", "-", Path(file).stem)

_CODE: list[str] = []


def code_vinger() -> str:
    """Size and time of every module of the package (once per process): new code re-reads every page."""
    if not _CODE:
        h = hashlib.sha256()
        for f in sorted(_PACKAGE.rglob("*.py")):
            st = f.stat()
            h.update(f"{f.relative_to(_PACKAGE)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
        _CODE.append(h.hexdigest())
    return _CODE[0]


def _bestand(path: str | Path) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "ontbreekt"


def v_bestand(data: SiteData, vid: str) -> str:
    return next((x.file for x in data.bundle.catalog if x.id == vid), "")


def vinger(data: SiteData, soort: str, args: tuple[str, ...]) -> str:
    """The fingerprint of what a directive of kind ``soort`` with ``args`` shows, for the current data."""
    basis: list[object] = [code_vinger(), soort, *args, data.catalogus_vinger()]
    if data.errors or soort == "alles":
        return hash_van(*basis, *(_bestand(f) for f in data.files), *(str(f) for f in data.files))
    ids = data.versie_ids
    if soort == "artikel":
        vid, nummer, *gekozen = args
        vid = vid or (ids[0] if ids else "")
        if vid not in ids:
            return hash_van(*basis, "onbekend")
        b = data.basis_van(vid)
        eigen = data.inhoud_vinger(vid, nummer)
        # The other versions by whether the artikel is the same there (what the banner says), not by content.
        andere = [(v, data.inhoud_vinger(v, nummer) == eigen) for v in ids if v != vid]
        return hash_van(*basis, data.werking_vinger(vid), data.werking_vinger(b) if b else "",
                        data.artikel_vinger(vid, nummer), data.artikel_vinger(b, nummer) if b else "", andere,
                        data.casussen_bij(vid, nummer, gekozen))
    if soort == "bijlage":
        vid, letter = args
        vid = vid or (ids[0] if ids else "")
        return hash_van(*basis, *(data.werking_vinger(v) for v in ids),
                        *(data.bijlage_vinger(v, letter) for v in ids))
    if soort == "versie":
        vid = args[0]
        if vid not in ids:
            return hash_van(*basis, "onbekend")
        b = data.basis_van(vid)
        return hash_van(*basis, data.werking_vinger(vid), data.werking_vinger(b) if b else "",
                        data.structuur_vinger(vid), data.telling(vid), v_bestand(data, vid))
    if soort == "wijzigingsregeling":
        vid = args[0]
        if vid not in ids:
            return hash_van(*basis, "onbekend")
        v = next(x for x in data.bundle.catalog if x.id == vid)
        b = data.basis_van(vid)
        # Its own file (instructions, quoted text, toelichting), the sources it cites, and what its citations and
        # links name in the two versions: not their texts (``build_amendment`` reads none), so a provision reworded
        # in the base does not re-read the wijzigingsregelingen built on it.
        return hash_van(*basis, _bestand(v.file), data.koppen_vinger(vid), data.koppen_vinger(b) if b else "",
                        data.bronnen_vinger())
    if soort == "renvooi":
        oud, nieuw = args
        if oud not in ids or nieuw not in ids:
            return hash_van(*basis, "onbekend")
        # The table of cases lists those whose outcome changes or that fail (by name, with reasons that follow
        # from their facts and the two versions), and counts all.
        return hash_van(*basis, data.werking_vinger(oud), data.werking_vinger(nieuw), len(data.cases),
                        data.renvooi_vinger(oud, nieuw),
                        [data.casus_getoond(i) for i in data.andere_uitkomst(oud, nieuw)])
    if soort == "casussen-bestand":
        stem = args[0]
        # Without a stem: every case in full (a small site such as the test roots).
        files = sorted({c.file for c in data.cases if not stem or casus_pagina(c.file) == f"casussen/{stem}"})
        return hash_van(*basis, *(data.werking_vinger(v) for v in ids), *files, *(_bestand(f) for f in files))
    if soort in ("casussen-overzicht", "dekking", "regeling"):
        return hash_van(*basis, *(data.werking_vinger(v) for v in ids),
                        *(data.bundle.versions[v].titel for v in ids), data.uitvoer_vinger())
    if soort == "werking":
        return hash_van(*basis, *(data.werking_vinger(v) for v in ids))
    if soort == "bronnen":
        # The registry and which provisions cite each source (their herkomst), in every version.
        return hash_van(*basis, data.bronnen_vinger(), data.bundle.versions[ids[0]].bronnen if ids else "",
                        [(v, [(p.ref, p.herkomst) for p in data.bundle.versions[v].provisions]) for v in ids])
    if soort == "regelingbestanden":
        return hash_van(*basis, *(data.volledig_vinger(v) for v in ids), data.bronnen_vinger())
    raise ValueError(f"onbekende soort pagina: {soort}")
