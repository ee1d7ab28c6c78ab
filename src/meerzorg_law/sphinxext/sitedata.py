"""The regeling and its cases as the site shows them: every case run under every version, with its trace.

Loaded through the library (``load_project``, ``run_cases``, ``evaluate``) once per set of files and
kept while no file changes, so the directives of all pages share one run. The result of each case under each
version is kept on disk beside Sphinx's environment (:func:`zet_uitvoercache`), keyed by the content of the case
and the working of the version (its rules, begrippen, tables and declarations, not its prose): after one changed
case file only that file's cases run again, after a changed wording none.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import ir
from ..canoniek import PROZA, canoniek, hash_van
from ..cases.load import case_files, load_cases, missing_or_empty
from ..cases.model import Case
from ..cases.project import Project, bundled_paths
from ..cases.run import CaseResult, run_cases
from ..compare.renvooi import ProvisionDiff, renvooi
from ..diagnostics import Diagnostic
from ..engine.compile import EvaluationFailure, compile_regeling
from ..engine.evaluate import evaluate
from ..engine.trace import Trace
from ..output import OutputError, atomic_file
from ..render.waarden import toon_uitkomst
from ..semantics.pipeline import Bundle, load_bundle
from ..span import ProvisionRef
from ..values import Value
from .vinger import casus_pagina, code_vinger

__all__ = ["ZICHTBAAR", "SiteData", "Uitvoering", "bewaar_invoer_sleutel", "bewaar_vingers", "hoofduitkomsten",
           "invoer_sleutel", "invoerbestanden", "laad", "laad_regeling", "lees_bewaard", "onveranderd",
           "schrijf_bewaard", "sleutel_van", "tabel_uitkomsten"]


@dataclass(frozen=True, slots=True)
class Uitvoering:
    """One case under one version: the test result, the trace, and the provisions it exercised.

    The trace is computed when a page asks for it (the example, the decision path of a case): a build that
    reads a few pages needs a few traces, and the results kept between builds stay small. What a case page
    shows of every version's trace is kept instead: the provisions that decided an outcome, in order
    (``beslist``; None without a trace), so a case page computes one trace per case, not one per version."""

    result: CaseResult
    toegepast: frozenset[ProvisionRef]
    gebruikt: frozenset[ProvisionRef]
    beslist: tuple[ProvisionRef, ...] | None
    _spoor: list[Trace | None] = field(default_factory=list, compare=False, repr=False)
    _bereken: Callable[[], Trace | None] | None = field(default=None, compare=False, repr=False)

    @property
    def trace(self) -> Trace | None:
        if not self._spoor:
            self._spoor.append(self._bereken() if self._bereken is not None else None)
        return self._spoor[0]

    @property
    def status(self) -> str:
        """``geslaagd``, ``mislukt``, ``fout`` (no outcome) or ``geen verwachting``."""
        if self.result.failure is not None:
            return "fout"
        if not self.result.verwacht:
            return "geen verwachting"
        return "geslaagd" if self.result.ok else "mislukt"

    def waarden(self, reg: ir.Regeling, names: list[str]) -> str:
        """``waar · toegekend``: the values of ``names`` that were decided."""
        got: dict[str, Value] = self.result.uitkomst
        return " · ".join(toon_uitkomst(reg, n, got[n]) for n in names if n in got)


@dataclass(frozen=True)
class SiteData:
    project: Project
    regeling_pad: Path
    files: tuple[Path, ...]
    runs: dict[tuple[int, str], Uitvoering] = field(default_factory=dict)
    _renvooi: dict[tuple[str, str], dict[ProvisionRef, ProvisionDiff]] = field(default_factory=dict)
    _vervallen: dict[tuple[str, str], list[ProvisionDiff]] = field(default_factory=dict)
    _vingers: dict[tuple[object, ...], object] = field(default_factory=dict)
    # What follows from the regeling alone (its renvooi and fingerprints), shared with the regeling-only data of
    # ``laad_regeling`` for the same bundle: a changed case file does not compute them again.
    _bundel: dict[tuple[object, ...], object] = field(default_factory=dict)

    def _eens(self, key: tuple[object, ...], maak: Callable[[], object]) -> Any:
        if key not in self._vingers:
            self._vingers[key] = maak()
        return self._vingers[key]

    def _eens_bundel(self, key: tuple[object, ...], maak: Callable[[], object]) -> Any:
        if key not in self._bundel:
            self._bundel[key] = maak()
        return self._bundel[key]

    # Fingerprints of what pages show (sphinxext.vinger), each computed once per build.

    def catalogus_vinger(self) -> str:
        return str(self._eens_bundel(("catalogus",), lambda: hash_van(
            list(self.bundle.catalog), [getattr(self.bundle.documents.get(v), "titel", "") for v in self.versie_ids])))

    def bestanden_vinger(self) -> str:
        """The code, the catalog, and the content of every file the versions are built from (with the registries
        beside them, as the proofs' cache keys them: ``verify.report.bestanden``): for what follows from all of
        the regeling, its prose included (the rekenhulp's program and texts)."""
        from ..verify.report import bestanden

        catalogus = {v.id: v for v in self.bundle.catalog}
        return str(self._eens(("bestanden",), lambda: hash_van(
            code_vinger(), list(self.bundle.catalog), [bestanden(catalogus, v) for v in catalogus])))

    def werking_vinger(self, vid: str) -> str:
        """What a version computes and how it names things: everything but its prose and line numbers."""
        return _werking(self.bundle, vid)

    def volledig_vinger(self, vid: str) -> str:
        reg = self.bundle.versions[vid]
        return str(self._eens_bundel(("volledig", vid), lambda: hash_van(self.werking_vinger(vid), reg.provisions,
                                                                 reg.titel)))

    def bronnen_vinger(self) -> str:
        return str(self._eens_bundel(("bronnen",), lambda: hash_van(self.bundle.bronnen)))

    def artikel_vinger(self, vid: str, artikel: str) -> str:
        reg = self.bundle.versions[vid]
        return str(self._eens_bundel(("artikel", vid, artikel), lambda: hash_van(
            [p for p in reg.provisions if p.ref.artikel == artikel and not p.ref.bijlage],
            [r for r in reg.rangorden if r.span.provision.artikel == artikel])))

    def bijlage_vinger(self, vid: str, letter: str) -> str:
        reg = self.bundle.versions[vid]
        return str(self._eens_bundel(("bijlage", vid, letter), lambda: hash_van(
            [p for p in reg.provisions if p.ref.bijlage == letter])))

    def inhoud_vinger(self, vid: str, artikel: str) -> str:
        """The texts and formal rules of an artikel: what the banner compares between versions."""
        from ..render.rule_text import formele_tekst

        reg = self.bundle.versions[vid]
        if reg.provision(ProvisionRef(artikel=artikel)) is None:
            return "bestaat niet"
        return str(self._eens_bundel(("inhoud", vid, artikel), lambda: hash_van(
            [(p.tekst, formele_tekst(reg, p.ref)) for p in reg.provisions
             if p.ref.artikel == artikel and not p.ref.bijlage])))

    def casus_vinger(self, index: int) -> str:
        """A case as other pages than its own show it: its name, facts and expectations (its results follow
        from those and the versions); not its description or the line it stands on."""
        c = self.cases[index]
        return str(self._eens(("casus", index), lambda: _casus_sleutel(c)))

    def casus_id(self, index: int) -> str:
        """A case's identity that its name is not part of: its file's page and its place in that file
        (``casussen/rlz-2026-drempel#3``). A case table on an artikel page links to a case by this id and shows
        its name as the case's page last described it, so renaming a case re-reads its own page only."""
        ids: list[str] = self._eens(("casus-ids",), self._casus_ids)
        return ids[index]

    def _casus_ids(self) -> list[str]:
        plaats: dict[str, int] = {}
        out = []
        for c in self.cases:
            pagina = casus_pagina(c.file)
            plaats[pagina] = plaats.get(pagina, 0) + 1
            out.append(f"{pagina}#{plaats[pagina]}")
        return out

    def casus_werking(self, index: int) -> str:
        """A case as an artikel page's table shows it, apart from its name: its identity, facts and expectations."""
        c = self.cases[index]
        return str(self._eens(("casus-werking", index), lambda: hash_van(self.casus_id(index), c.feiten, c.verwacht)))

    def casus_getoond(self, index: int) -> str:
        """A case as a table of other pages shows it without its expectations: its name and facts (the outcomes
        follow from those and the versions)."""
        c = self.cases[index]
        return str(self._eens(("casus-getoond", index), lambda: hash_van(c.naam, c.feiten)))

    def structuur_vinger(self, vid: str) -> str:
        """A version's page: its provisions by number, kind and title, what changed against its basis."""
        reg = self.bundle.versions[vid]
        basis = self.basis_van(vid)
        return str(self._eens_bundel(("structuur", vid), lambda: hash_van(
            reg.titel, reg.bron, [(p.ref, p.kind, p.titel, p.hoofdstuk) for p in reg.provisions],
            [(d.ref, d.soort, d.was) for d in self.renvooi(basis, vid).values()] if basis else "")))

    def koppen_vinger(self, vid: str) -> str:
        """What a link into a version shows and a table citation names, without the texts: the version's title,
        its provisions by number, kind and title, its begrippen by name, label and place, and its tables by bijlage,
        name and label. (A wijzigingsregeling's page quotes its own file and cites its two versions so.)"""
        reg = self.bundle.versions[vid]
        doc = self.bundle.consolidated.get(vid)
        return str(self._eens_bundel(("koppen", vid), lambda: hash_van(
            reg.titel, [(p.ref, p.kind, p.titel) for p in reg.provisions],
            sorted((d.name, d.label, d.span.provision) for d in reg.definitions.values()),
            [(b.letter, t.name, t.label) for b in (doc.bijlagen if doc else ()) for t in b.tabellen])))

    def renvooi_vinger(self, oud: str, nieuw: str) -> str:
        return str(self._eens_bundel(("renvooi", oud, nieuw), lambda: hash_van(
            list(self.renvooi(oud, nieuw).values()), self.vervallen(oud, nieuw))))

    def uitvoer_vinger(self) -> str:
        """Every case's status and the provisions it exercised, per version, and its file (the coverage, versions
        and overview pages count cases per file and provision; none shows a case's name)."""
        return str(self._eens(("uitvoer",), lambda: hash_van(
            [(i, v, r.status, sorted(map(str, r.toegepast)), sorted(map(str, r.gebruikt)))
             for (i, v), r in sorted(self.runs.items())],
            [(c.file, c.bestandstitel) for c in self.cases])))

    def casussen_bij(self, vid: str, artikel: str, gekozen: Sequence[str]) -> list[tuple[str, int, list[str]]]:
        """Per part of the artikel that shows cases (one with a formal rule), how many cases exercise it and the
        cases its table shows (:meth:`getoonde_casussen`), by :meth:`casus_werking`: the names in the tables are
        filled in when the page is written (``domain.casusnaam``), so a renamed case does not re-read the page,
        except the name of the worked example (the first table's first case), which its text quotes."""
        from ..render.rule_text import formele_tekst

        reg = self.bundle.versions[vid]
        if not self.cases:
            return []
        out: list[tuple[str, int, list[str]]] = []
        voorbeeld = True
        for p in reg.provisions:
            if p.ref.artikel != artikel or p.ref.bijlage or not formele_tekst(reg, p.ref):
                continue
            geraakt, getoond = self.getoonde_casussen(vid, p.ref, gekozen)
            rijen = [self.casus_werking(i) for i in getoond]
            if voorbeeld and getoond:
                # The page's worked example (the first table's first case) quotes its name in its text.
                voorbeeld = False
                rijen.append(self.cases[getoond[0]].naam)
            out.append((str(p.ref), len(geraakt), rijen))
        return out

    def getoonde_casussen(self, vid: str, ref: ProvisionRef, gekozen: Sequence[str]) -> tuple[list[int], list[int]]:
        """The cases that exercise ``ref`` in ``vid``, those whose outcome differs between ``vid`` and the version
        it amends (or that fail) first, and the first ``ZICHTBAAR`` of them: the rows of the provision's case
        table (``regelblok``). ``gekozen`` is ``meerzorg_hoofduitkomsten``."""
        return self._eens(("getoond", vid, ref, tuple(gekozen)),  # type: ignore[no-any-return]
                          lambda: self._getoond(vid, ref, gekozen))

    def _getoond(self, vid: str, ref: ProvisionRef, gekozen: Sequence[str]) -> tuple[list[int], list[int]]:
        geraakt = self.geraakt_door(vid, ref)
        if not geraakt:
            return [], []
        reg = self.bundle.versions[vid]
        toon = tabel_uitkomsten(reg, ref, gekozen)
        basis = self.basis_van(vid)
        versies = [v for v in self.versie_ids if v in (vid, basis)]

        def verschilt(i: int) -> bool:
            runs = [self.runs[i, v] for v in versies if (i, v) in self.runs]
            return len({self.waarden(i, v, toon) for v in versies}) > 1 or any(
                r.status in ("mislukt", "fout") for r in runs)

        # Cases whose outcome differs between versions (or that fail) first: those are what a drafter looks for.
        geraakt = sorted(geraakt, key=lambda i: not verschilt(i))
        return geraakt, geraakt[:ZICHTBAAR]

    def waarden(self, i: int, vid: str, toon: Sequence[str]) -> str:
        """``Uitvoering.waarden`` of case ``i`` under ``vid`` (empty without a run), once per build."""
        key = ("waarden", i, vid, tuple(toon))
        if key not in self._vingers:
            run = self.runs.get((i, vid))
            got = run.result.uitkomst if run is not None else {}
            self._vingers[key] = " · ".join(self._toon(vid, n, got[n]) for n in toon if n in got)
        return str(self._vingers[key])

    def _toon(self, vid: str, naam: str, waarde: Value) -> str:
        """``toon_uitkomst`` of one value, once per version, outcome and value (most cases share their values)."""
        try:
            key = ("toon", vid, naam, type(waarde), waarde)
            hash(key)
        except TypeError:
            return toon_uitkomst(self.bundle.versions[vid], naam, waarde)
        return str(self._eens(key, lambda: toon_uitkomst(self.bundle.versions[vid], naam, waarde)))

    def andere_uitkomst(self, oud: str, nieuw: str) -> list[int]:
        """The cases the renvooi table of two versions lists: those that fail in either version, or whose value
        of an outcome both versions have differs (``compare.outcomes.compare_cases`` reports exactly those as
        changed or failed; the stored results say which they are, so only these are evaluated again with a
        trace)."""
        return self._eens(("anders", oud, nieuw), lambda: self._anders(oud, nieuw))  # type: ignore[no-any-return]

    def gevolgen_sleutel(self, oud: str, nieuw: str, cases: Sequence[int], *extra: object) -> str:
        """What the consequences of two versions for these cases are computed from: the working of both versions
        (code, catalog, rules; not the prose), the cases (name, facts, expectations), and ``extra``."""
        return hash_van(_werking(self.bundle, oud), _werking(self.bundle, nieuw),
                        [self.casus_vinger(i) for i in cases],
                        *extra)

    def _anders(self, oud: str, nieuw: str) -> list[int]:
        out = []
        for i in range(len(self.cases)):
            a, b = self.runs.get((i, oud)), self.runs.get((i, nieuw))
            if a is None or b is None or a.result.failure is not None or b.result.failure is not None:
                out.append(i)
                continue
            x, y = a.result.uitkomst, b.result.uitkomst
            if any(x[n] != y[n] for n in y if n in x):
                out.append(i)
        return out

    def telling(self, vid: str) -> tuple[int, int, int]:
        runs = [self.runs[i, vid] for i in range(len(self.cases)) if (i, vid) in self.runs]
        return (sum(r.status == "geslaagd" for r in runs), sum(bool(r.result.verwacht) for r in runs),
                sum(r.status == "fout" for r in runs))

    def renvooi(self, oud: str, nieuw: str) -> dict[ProvisionRef, ProvisionDiff]:
        """Every provision that differs between two versions (computed once per pair for all pages)."""
        key = (oud, nieuw)
        if key not in self._renvooi:
            diffs = self.renvooi_lijst(oud, nieuw)
            # A lid that lapses "onder vernummering" shares its number with the lid that takes it: the
            # number stands for the new one here, the lapsed one is in ``vervallen``.
            self._renvooi[key] = {d.ref: d for d in sorted(diffs, key=lambda d: d.soort != "vervallen")}
            self._vervallen[key] = [d for d in diffs if d.soort == "vervallen"]
        return self._renvooi[key]

    def renvooi_lijst(self, oud: str, nieuw: str) -> tuple[ProvisionDiff, ...]:
        """``compare.renvooi.renvooi`` of two versions, in its own order (the renvooi page's), once per bundle."""
        return self._eens_bundel(("renvooi-lijst", oud, nieuw),  # type: ignore[no-any-return]
                                 lambda: renvooi(self.bundle.consolidated[oud], self.bundle.consolidated[nieuw]))

    def vervallen(self, oud: str, nieuw: str) -> list[ProvisionDiff]:
        """Every provision of ``oud`` that lapses in ``nieuw``, with its old text."""
        self.renvooi(oud, nieuw)
        return self._vervallen[(oud, nieuw)]

    def basis_van(self, vid: str) -> str:
        """The version ``vid`` amends, if it was built; else empty."""
        v = next(x for x in self.bundle.catalog if x.id == vid)
        return v.basis if v.basis in self.bundle.consolidated else ""

    def toon_pad(self, file: str) -> str:
        """A file of the regeling as the reader knows it: ``regeling/rlz-2027.rgl``, not a home folder."""
        path = Path(file).resolve()
        base = self.regeling_pad.resolve()
        base = base.parent if base.is_dir() else base.parent.parent
        return path.relative_to(base).as_posix() if path.is_relative_to(base) else path.name

    @property
    def bundle(self) -> Bundle:
        return self.project.bundle

    @property
    def cases(self) -> tuple[Case, ...]:
        return self.project.cases

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.project.diagnostics if d.is_error)

    @property
    def versie_ids(self) -> list[str]:
        """Version ids in the bundle's order (by date, variants after), only those that were built."""
        return [v.id for v in self.bundle.catalog if v.id in self.bundle.versions]

    def regeling(self, versie: str) -> ir.Regeling | None:
        return self.bundle.versions.get(versie)

    def heeft_regels(self, versie: str, ref: ProvisionRef) -> bool:
        reg = self.bundle.versions[versie]
        return any(r.provision == ref for r in reg.rules)

    def heeft_begrippen(self, versie: str, ref: ProvisionRef) -> bool:
        reg = self.bundle.versions[versie]
        return any(d.span.provision == ref for d in reg.definitions.values())

    def raakt(self, index: int, versie: str, ref: ProvisionRef) -> bool:
        """Whether the case exercises the provision under the version: one of its rules applied, or, for
        a provision with begrippen but no rules, one of its begrippen was used."""
        run = self.runs.get((index, versie))
        if run is None:
            return False
        if self.heeft_regels(versie, ref):
            return ref in run.toegepast
        return ref in run.gebruikt

    def geraakt_door(self, versie: str, ref: ProvisionRef) -> list[int]:
        """The cases that exercise the provision under the version (from an index built once per version)."""
        index: dict[ProvisionRef, list[int]] = self._eens(("geraakt", versie), lambda: self._geraakt_index(versie))
        return index.get(ref, [])

    def _geraakt_index(self, versie: str) -> dict[ProvisionRef, list[int]]:
        reg = self.bundle.versions[versie]
        met_regels = {r.provision for r in reg.rules}
        index: dict[ProvisionRef, list[int]] = {}
        for i in range(len(self.cases)):
            run = self.runs.get((i, versie))
            if run is None:
                continue
            # A provision with rules is exercised when one applied; one with only begrippen when one was used.
            for ref in {*(run.toegepast & met_regels), *(r for r in run.gebruikt if r not in met_regels)}:
                index.setdefault(ref, []).append(i)
        return index


# Case rows of a provision's table shown before the rest is only counted (``regelblok``).
ZICHTBAAR = 6


def hoofduitkomsten(reg: ir.Regeling, gekozen: Sequence[str]) -> list[str]:
    """The outcomes shown in compact tables: those of ``gekozen`` (``meerzorg_hoofduitkomsten``) the version
    has, else its first two."""
    chosen = [o for o in gekozen if o in reg.outcomes]
    return chosen or list(reg.outcomes)[:2]


def tabel_uitkomsten(reg: ir.Regeling, ref: ProvisionRef, gekozen: Sequence[str]) -> list[str]:
    """The outcomes a provision's case table shows: the main ones its rules decide, else the ones its rules
    decide, else the main ones."""
    eigen = sorted({r.outcome for r in reg.rules if r.provision == ref}, key=list(reg.outcomes).index)
    hoofd = hoofduitkomsten(reg, gekozen)
    return [o for o in hoofd if o in eigen] or eigen or hoofd


def sleutel_van(case: Case) -> str:
    """A stable anchor key for a case: its file's stem and its name."""
    slug = re.sub(r"[^a-z0-9]+", "-", case.naam.lower()).strip("-")
    return f"{Path(case.file).stem}-{slug}"


_UITVOERCACHE: list[Path] = []


def zet_uitvoercache(path: Path | None) -> None:
    """Where the case results are kept between builds (``builder-inited``: a folder beside Sphinx's
    environment), one file per version, so a change in one version rewrites only its file."""
    _UITVOERCACHE.clear()
    if path is not None:
        _UITVOERCACHE.append(path)


def _cachebestand(werking: str) -> Path | None:
    return _UITVOERCACHE[0] / f"{werking[:32]}.pickle" if _UITVOERCACHE else None


_ONTBREEKT = object()


def _lees(pad: Path | None, sleutel: str) -> Any:
    """What ``_schrijf`` kept in ``pad`` under ``sleutel``; ``_ONTBREEKT`` when absent, truncated, under another key
    or from other code."""
    if pad is not None:
        with contextlib.suppress(Exception):
            kop, rest = pad.read_bytes().split(b"\n", 1)
            if kop == sleutel.encode():
                return pickle.loads(rest)
    return _ONTBREEKT


def _schrijf(pad: Path | None, sleutel: str, waarde: object) -> None:
    """``sleutel``, a newline and ``waarde`` pickled, written whole or not at all (the toolkit's one atomic write);
    a value that cannot be written or pickled is simply not kept."""
    if pad is None:
        return
    with contextlib.suppress(OSError, OutputError, pickle.PicklingError, TypeError, AttributeError):
        pad.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(pad, binary=True, prefix=".bewaard-") as out:
            out.write(sleutel.encode() + b"\n")
            pickle.dump(waarde, out, protocol=pickle.HIGHEST_PROTOCOL)


def _lees_cache(werking: str) -> dict[str, Any]:
    stored = _lees(_cachebestand(werking), werking)
    return stored if isinstance(stored, dict) else {}  # else: run the cases again


def _schrijf_cache(werking: str, entries: dict[str, Any]) -> None:
    _schrijf(_cachebestand(werking), werking, entries)


# What a page computes from the working of versions and cases (not their prose), kept between builds in a folder
# beside the case results: at most this many files, the oldest removed first.
_BEWAARD_MAX = 256


def bewaard(soort: str, sleutel: str, maak: Callable[[], Any]) -> Any:
    """``maak()``, kept between builds under ``sleutel`` (a hash of everything it is computed from) in the folder
    ``soort`` beside the case results: a reworded provision gives the same key, and the page that shows it is
    read again without computing this again. Without a cache folder, or a file that does not load, ``maak()``."""
    if not _UITVOERCACHE:
        return maak()
    waarde = _lees(_bewaarpad(soort, sleutel), sleutel)
    if waarde is _ONTBREEKT:
        waarde = maak()
        schrijf_bewaard(soort, sleutel, waarde)
    return waarde


def _bewaarpad(soort: str, sleutel: str) -> Path | None:
    return _UITVOERCACHE[0] / soort / f"{sleutel[:32]}.pickle" if _UITVOERCACHE else None


def lees_bewaard(soort: str, sleutel: str) -> Any:
    """What :func:`schrijf_bewaard` kept under ``soort`` and ``sleutel``; None when there is nothing (or no cache
    folder)."""
    waarde = _lees(_bewaarpad(soort, sleutel), sleutel)
    return None if waarde is _ONTBREEKT else waarde


def schrijf_bewaard(soort: str, sleutel: str, waarde: object) -> None:
    """Keep ``waarde`` under ``soort`` and ``sleutel`` beside the case results (whole or not at all)."""
    pad = _bewaarpad(soort, sleutel)
    if pad is not None:
        _schrijf(pad, sleutel, waarde)
        _snoei(pad.parent, _BEWAARD_MAX)


def _snoei(map_: Path, hoogstens: int) -> None:
    """At most ``hoogstens`` kept files in ``map_``, the oldest removed first."""
    with contextlib.suppress(OSError):
        oud = sorted(map_.glob("*.pickle"), key=lambda f: f.stat().st_mtime_ns)
        for f in oud[:max(0, len(oud) - hoogstens)]:
            f.unlink(missing_ok=True)


# The fingerprints that follow from the regeling alone (``SiteData._bundel``: of artikelen, their texts, the
# versions' structure, every renvooi), kept between builds on the regeling's files and the code: a new process
# (each ``meerzorg docs``) does not compute them again, nor the renvooi of every pair of versions they need.
_VINGERS_MAX = 16


def _vingerbestand(data: SiteData) -> Path | None:
    return _UITVOERCACHE[0] / "vingers" / f"{data.bestanden_vinger()[:32]}.pickle" if _UITVOERCACHE else None


def _lees_vingers(data: SiteData) -> None:
    kept = _lees(_vingerbestand(data), data.bestanden_vinger())
    if isinstance(kept, dict):
        data._bundel.update(kept)
        data._vingers[("vingers-gelezen",)] = len(kept)


def invoer_sleutel(regeling: str, casussen: list[str] | None) -> str:
    """Everything the pages' fingerprints are computed from, cheaply: the regeling's files by content and the code
    (``SiteData.bestanden_vinger``, from the cached regeling) and the case files by time and size. Equal to the
    key of the last build that succeeded: no fingerprint can have changed, and the cases need not be loaded."""
    data = laad_regeling(regeling)
    reg_path, case_paths = _paden(regeling, casussen)
    # (through _gevonden, as laad looks: the files of this build, which --volg watches, include the cases)
    return hash_van("fout" if data.errors else data.bestanden_vinger(), case_paths,
                    _gevonden(reg_path, case_paths)[1])


def _onveranderd_pad() -> Path | None:
    return _UITVOERCACHE[0] / "invoer-laatste-bouw" if _UITVOERCACHE else None


def onveranderd(sleutel: str) -> bool:
    """Whether ``sleutel`` (:func:`invoer_sleutel`) is that of the last build, which succeeded. The kept key is
    removed: only a build that succeeds writes it again (pages read by a build that failed hold fingerprints of
    other inputs)."""
    pad = _onveranderd_pad()
    if pad is None:
        return False
    with contextlib.suppress(OSError):
        gelijk = pad.read_text(encoding="utf-8") == sleutel
        pad.unlink()
        return gelijk
    return False


def bewaar_invoer_sleutel(sleutel: str) -> None:
    """``build-finished`` of a build without errors: the key of its inputs (as they were when it started)."""
    pad = _onveranderd_pad()
    if pad is not None:
        with contextlib.suppress(OSError, OutputError):
            with atomic_file(pad, prefix=".invoer-") as out:
                out.write(sleutel)


def bewaar_vingers() -> None:
    """``build-finished``: the regeling's fingerprints of this build, if it computed new ones."""
    for data in _BUNDELS.values():
        vingers = {k: v for k, v in data._bundel.items() if isinstance(v, str)}
        gelezen = data._vingers.get(("vingers-gelezen",), 0)
        if data.errors or (isinstance(gelezen, int) and len(vingers) <= gelezen):
            continue
        pad = _vingerbestand(data)
        _schrijf(pad, data.bestanden_vinger(), vingers)
        data._vingers[("vingers-gelezen",)] = len(vingers)
        if pad is not None:
            _snoei(pad.parent, _VINGERS_MAX)


_WERKING: dict[tuple[int, str], tuple[Bundle, str]] = {}


def _werking(bundle: Bundle, vid: str) -> str:
    """The key of a version's case results and the working part of its pages' fingerprints: the code, the
    catalog, and what the version computes (once per bundle and version)."""
    kept = _WERKING.get((id(bundle), vid))
    if kept is None or kept[0] is not bundle:
        if len(_WERKING) > 64:
            _WERKING.clear()
        kept = _WERKING[id(bundle), vid] = (bundle, _werking_bewaard(bundle, vid))
    return kept[1]


def _werking_bewaard(bundle: Bundle, vid: str) -> str:
    """``_werking`` of a version, kept between builds by the files it is built from (its own and its bases',
    with the registries beside them), the catalog and the code: a build after an edit of rlz-2027.rgl writes the
    working of the five versions built on it as text again (0,02-0,05 s each), not of the other four."""
    from ..verify.report import bestanden

    kop = hash_van(code_vinger(), list(bundle.catalog), vid)
    bron = hash_van(kop, bestanden({v.id: v for v in bundle.catalog}, vid))
    return str(bewaard("werking", bron, lambda: hash_van(kop, canoniek(bundle.versions[vid], PROZA))))


# What is kept of a case's result between builds: everything but the case (each build has its own) and the trace.
_Bewaard = tuple[dict[str, Value], dict[str, Value], tuple[Any, ...], Any, bool, frozenset[ProvisionRef],
                 frozenset[ProvisionRef], tuple[ProvisionRef, ...] | None]


def _uitvoer(project: Project, casus_sleutels: list[str]) -> dict[tuple[int, str], Uitvoering]:
    """Every case under every version: ``run_cases`` for pass/fail, a traced evaluation for the provisions it
    exercised (and, when a page asks, its trace).

    A result kept from an earlier build is used when the case (its name, facts and expectations) and the
    working of the version are the same; only the others run. Old files of versions that changed are removed."""
    bundle = project.bundle
    runs: dict[tuple[int, str], Uitvoering] = {}
    bestanden: set[Path] = set()
    for vid, reg in bundle.versions.items():
        werking = _werking(bundle, vid)
        pad = _cachebestand(werking)
        if pad is not None:
            bestanden.add(pad)
        oud: dict[str, _Bewaard] = _lees_cache(werking)
        nieuw: dict[str, _Bewaard] = {}
        traced_cel: list[Any] = []

        def spoor(feiten: dict[str, Value], reg: ir.Regeling = reg, cel: list[Any] = traced_cel) -> Trace | None:
            if not cel:
                cel.append(compile_regeling(reg, traced=True))
            try:
                return evaluate(cel[0], feiten).trace
            except EvaluationFailure:
                return None

        te_doen: list[int] = []
        for i, k in enumerate(casus_sleutels):
            kept = oud.get(k)
            if kept is None:
                te_doen.append(i)
                continue
            case = project.cases[i]
            verwacht, uitkomst, mismatches, failure, te_herzien, kept_toegepast, kept_gebruikt, kept_beslist = kept
            result = CaseResult(case, vid, verwacht, uitkomst, mismatches, failure, te_herzien)
            runs[i, vid] = Uitvoering(result, kept_toegepast, kept_gebruikt, kept_beslist,
                                      _bereken=lambda f=case.feiten, s=spoor: s(f))  # type: ignore[misc]
            nieuw[k] = kept
        if te_doen:
            cases = [project.cases[i] for i in te_doen]
            results = run_cases(bundle.versions, cases, bundle.in_force, versie=vid)
            for index, case, result in zip(te_doen, cases, results, strict=True):
                trace = spoor(case.feiten)
                toegepast: frozenset[ProvisionRef] = frozenset()
                gebruikt: frozenset[ProvisionRef] = frozenset()
                beslist: tuple[ProvisionRef, ...] | None = None
                if trace is not None:
                    toegepast = frozenset(r.provision for o in trace.outcomes for r in o.rules if r.applied)
                    gebruikt = frozenset(d.provision for d in trace.definitions)
                    beslist = trace.provisions_applied()
                runs[index, vid] = Uitvoering(result, toegepast, gebruikt, beslist, [trace])
                nieuw[casus_sleutels[index]] = (result.verwacht, result.uitkomst, result.mismatches,
                                                result.failure, result.te_herzien, toegepast, gebruikt, beslist)
        if nieuw.keys() != oud.keys():
            _schrijf_cache(werking, nieuw)
    if _UITVOERCACHE and _UITVOERCACHE[0].is_dir():
        for f in _UITVOERCACHE[0].glob("*.pickle"):
            if f not in bestanden:
                f.unlink(missing_ok=True)
    return runs


def _paden(regeling: str, casussen: list[str] | None = None) -> tuple[Path, tuple[Path, ...]]:
    """The regeling's path and the case paths of conf.py's values (empty or None: the bundled ``regeling/`` and
    ``tests/casussen/``, looked up only then: finding them looks at the disk, and every directive asks)."""
    reg_path = Path(regeling) if regeling else bundled_paths()[0]
    case_paths = tuple(Path(c) for c in casussen) if casussen is not None else (bundled_paths()[1],)
    return reg_path, case_paths


def _casusbestanden(casussen: tuple[Path, ...]) -> tuple[Path, ...]:
    return tuple(f.resolve() for f in case_files(casussen) if f.exists())


def _files(regeling: Path, casussen: tuple[Path, ...]) -> tuple[Path, ...]:
    found = sorted(regeling.rglob("*.rgl")) if regeling.is_dir() else [regeling]
    elders = (f for f in _ELDERS.get(regeling, ()) if f.exists())
    return (*(f.resolve() for f in found if f.exists()), *elders, *_casusbestanden(casussen))


# Per regeling path, the files its versions were last built from outside it: a variant's folder builds on the
# bundled regeling (its base versions, with the source registry beside them). They are looked at as the
# regeling's own files are, so an edit of the base loads the regeling again and ``--volg`` sees it.
_ELDERS: dict[Path, tuple[Path, ...]] = {}


def _elders(regeling: Path, bundle: Bundle) -> tuple[Path, ...]:
    binnen = regeling.resolve()
    out: set[Path] = set()
    for v in bundle.catalog:
        f = Path(v.file).resolve()
        if f != binnen and binnen not in f.parents:
            out |= {f, *f.parent.glob("*.toml")}
    return tuple(sorted(g for g in out if g.exists()))


_CACHE: dict[tuple[object, ...], SiteData] = {}
_BUNDELS: dict[tuple[object, ...], SiteData] = {}


def _sleutel(files: tuple[Path, ...]) -> tuple[object, ...]:
    return tuple((f, f.stat().st_mtime_ns, f.stat().st_size) for f in files)


# The files of each set of paths and their sizes and times, as found once per build (``nieuwe_bouw``): every
# directive and every page written asks for the data, and scanning the folders and reading the times of every
# file again each time was a tenth of a rebuild after one change.
_GEZIEN: dict[tuple[Path, tuple[Path, ...]], tuple[tuple[Path, ...], tuple[object, ...]]] = {}


def nieuwe_bouw() -> None:
    """A build starts (``builder-inited``, ``env-get-outdated``): look at the files again."""
    _GEZIEN.clear()


def invoerbestanden() -> tuple[Path, ...]:
    """The regeling and case files in the paths the last build read (the folders scanned again, so a new file is
    among them): what ``meerzorg docs --volg`` watches."""
    return tuple(sorted({f for regeling, casussen in list(_GEZIEN) for f in _files(regeling, casussen)}))


def _gevonden(regeling: Path, casussen: tuple[Path, ...]) -> tuple[tuple[Path, ...], tuple[object, ...]]:
    """``_files`` and their ``_sleutel``, once per build."""
    key = (regeling, casussen)
    if key not in _GEZIEN:
        files = _files(regeling, casussen)
        _GEZIEN[key] = (files, _sleutel(files))
    return _GEZIEN[key]


def laad_regeling(regeling: str) -> SiteData:
    """Only the regeling (no cases, no runs): what the page stubs need. Cheap, so a build in which no page
    has to be read again does not run every case."""
    reg_path = _paden(regeling)[0]
    files, gezien = _gevonden(reg_path, ())
    key = (reg_path, gezien)
    cached = _BUNDELS.get(key)
    if cached is None:
        bundle = load_bundle(reg_path)
        elders = _elders(reg_path, bundle)
        if elders != _ELDERS.get(reg_path, ()):  # first seen (or no longer used): part of the key from now on
            _ELDERS[reg_path] = elders
            _GEZIEN.clear()
            files, gezien = _gevonden(reg_path, ())
            key = (reg_path, gezien)
        cached = SiteData(Project(bundle, (), tuple(bundle.diagnostics)), reg_path, files)
        if not cached.errors:
            _lees_vingers(cached)
        _BUNDELS.clear()
        _BUNDELS[key] = cached
    return cached


# The cases of the last build, kept while their files and the working of every version stay the same.
_CASUSSEN: dict[tuple[object, ...], tuple[tuple[Case, ...], list[str]]] = {}


def _casussen(bundle: Bundle, case_paths: tuple[Path, ...]) -> tuple[tuple[Case, ...], list[Diagnostic], list[str]]:
    """``load_cases`` and each case's key (``SiteData.casus_vinger``: of its stored results, its pages' fingerprints
    and the renvooi's kept consequences). A case is read against the versions' declarations and dates, which are
    part of their working (``_werking``), not their prose: after a reworded provision the cases are not read
    again (0,1-0,3 s with their keys). Files with errors are always read again, so their messages stay exact."""
    werking = tuple(_werking(bundle, v) for v in bundle.versions)
    key = (case_paths, _sleutel(_casusbestanden(case_paths)), werking)
    kept = _CASUSSEN.get(key)
    if kept is not None:
        return kept[0], [], kept[1]
    per_bestand = _casussen_bewaard(bundle, case_paths, werking)
    if per_bestand is not None:
        cases, sleutels = per_bestand
        diags: list[Diagnostic] = []
    else:
        cases, diags = load_cases([*case_paths], bundle.versions, bundle.in_force)
        sleutels = [_casus_sleutel(c) for c in cases]
    _CASUSSEN.clear()
    if not diags:
        _CASUSSEN[key] = (tuple(cases), sleutels)
    return tuple(cases), diags, sleutels


def _casus_sleutel(c: Case) -> str:
    """``SiteData.casus_vinger`` of a case: its name, facts and expectations."""
    return hash_van(c.naam, c.feiten, c.verwacht)


def _casussen_bewaard(bundle: Bundle, case_paths: tuple[Path, ...],
                      werking: tuple[str, ...]) -> tuple[list[Case], list[str]] | None:
    """``load_cases`` file by file, each file's cases and keys kept between builds (``bewaard``) by the file's
    content and the working of every version (its declarations, dates and the code are part of it): a new
    ``meerzorg docs`` after a reworded provision read all 155 cases again (0,11 s, and 0,035 s for their keys;
    unpickled 0,02 s), and one after a changed case file reads that file only. None, and nothing kept, when a
    file has errors or a path is missing or empty: then the whole is read again, so the messages stay exact."""
    bestanden = case_files(case_paths)
    if not _UITVOERCACHE or not bestanden or missing_or_empty(case_paths):
        return None
    cases: list[Case] = []
    sleutels: list[str] = []
    for f in bestanden:
        try:
            inhoud = f.read_bytes()
        except OSError:
            return None
        sleutel = hash_van("casussen", str(f), hashlib.sha256(inhoud).hexdigest(), werking)
        kept = lees_bewaard("casussen", sleutel)
        if kept is None:
            eigen, diags = load_cases([f], bundle.versions, bundle.in_force)
            if diags:
                return None
            kept = (eigen, [_casus_sleutel(c) for c in eigen])
            with contextlib.suppress(OSError):
                if f.read_bytes() == inhoud:  # (not saved meanwhile: kept under the content it was read from)
                    schrijf_bewaard("casussen", sleutel, kept)
        cases += kept[0]
        sleutels += kept[1]
    return cases, sleutels


def laad(regeling: str, casussen: list[str] | None) -> SiteData:
    """The site data for these paths (absolute, or empty for the bundled ``regeling/`` and
    ``tests/casussen/``); reloaded only when a file was added, removed or changed."""
    reg_path, case_paths = _paden(regeling, casussen)
    regeling_data = laad_regeling(regeling)  # (first: it may find files outside the regeling's folder)
    files, gezien = _gevonden(reg_path, case_paths)
    key = (reg_path, case_paths, gezien)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    bundle = regeling_data.bundle
    if bundle.ok:
        cases, diags, sleutels = _casussen(bundle, case_paths)
        project = Project(bundle, cases, (*bundle.diagnostics, *diags))
    else:
        project, sleutels = Project(bundle, (), tuple(bundle.diagnostics)), []
    runs = _uitvoer(project, sleutels) if project.ok else {}
    data = SiteData(project, reg_path, files, runs, regeling_data._renvooi, regeling_data._vervallen,
                    {("casus", i): k for i, k in enumerate(sleutels)}, _bundel=regeling_data._bundel)
    _CACHE.clear()  # one regeling per build; do not keep old runs alive
    _CACHE[key] = data
    return data
