"""Versions -> the proved findings of ``meerzorg check`` per version, and their witnesses as case files.

Also the data the site shows per version (``static_results``), so the docs and the CLI agree.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import ir
from ..canoniek import PROZA, canoniek
from ..grammatica import grammar_text
from ..output import ensure_directory, write_text_atomic
from ..semantics.cache import cached
from ..semantics.pipeline import Bundle, cacheable, zonder_gc
from .casefile import slug, witness_case

if TYPE_CHECKING:
    from ..versions.catalog import Versie
    from .checks import Finding
    from .symbolic import SymbolicDiff

__all__ = ["CHECKS", "SHORT", "SiteProof", "bestanden", "open_checks", "property_proofs", "static_results",
           "verify_bundle", "verify_versions", "write_groups", "write_witnesses"]

# The four proved checks, by code, as the report and the site name them.
CHECKS = {
    "V001": "geen twee regels van gelijke rang tegelijk van toepassing",
    "V002": "elke uitkomst bepaald voor elke geldige cliënt",
    "V003": "elke regel en uitzondering kan van toepassing zijn",
    "V004": "elke uitzondering kan een uitkomst veranderen",
}
SHORT = {"V001": "geen conflict", "V002": "elke uitkomst bepaald", "V003": "geen dode bepaling",
         "V004": "geen nutteloze uitzondering"}


def open_checks(findings: Sequence[Finding], vid: str) -> set[str]:
    """The checks (V001-V004) not proved for ``vid``: those with a finding, those z3 did not decide within the
    time budget (V005, naming the check), and all of them when the rules cannot be put to z3 (V009)."""
    out: set[str] = set()
    for f in findings:
        if f.versie != vid:
            continue
        if f.diagnostic.code == "V009":
            out |= set(CHECKS)
        elif f.open:
            out.add(f.open)
        elif f.diagnostic.code in CHECKS:
            out.add(f.diagnostic.code)
    return out


def verify_versions(versions: Mapping[str, ir.Regeling], vids: Sequence[str] | None = None) -> list[Finding]:
    """The findings of every version (or of ``vids``), in version order."""
    # The solver is imported only when something is to be proved (not for a result from the cache).
    from .checks import verify_version
    from .smt import Universe

    with zonder_gc():  # millions of z3 terms that stay alive: see zonder_gc
        u = Universe(versions)
        return [f for vid in (vids if vids is not None else list(versions)) for f in verify_version(u, vid)]


def verify_bundle(bundle: Bundle, *paths: Path | str) -> list[Finding]:
    """``verify_versions`` of a checked bundle; for one folder or file (the bundled regeling, a variant's
    folder) kept in the on-disk cache beside its IR (``semantics.cache``: same input files, plus the code of the
    proofs), so that a second ``meerzorg check`` does not prove again what nothing has changed."""
    from .budget import seconden

    if not cacheable(*paths):
        return verify_versions(bundle.versions)
    # Per time budget: what was not decided in 5 s may be decided in 60.
    soort = f"bewijzen-{seconden():g}"
    return cached(Path(paths[0]), grammar_text(), lambda: _per_versie(bundle, Path(paths[0]), soort),
                  lambda _: [v.file for v in bundle.catalog], soort=soort, code=_CODE)


_CODE = ("verify", "engine")


def _per_versie(bundle: Bundle, path: Path, soort: str) -> list[Finding]:
    """The findings of every version, each version's from the cache when nothing it is proved from changed:
    the files it is built from (its own, its bases', the registries beside them), the universe of facts and
    enumeration values the solver shares between the versions, the code. After an edit of one variant only
    that variant is proved again."""
    from ..semantics.cache import MISSING, _code_fingerprint, content_key, has_entry, lookup, store

    code = _code_fingerprint(grammar_text(), _CODE)
    catalog = {v.id: v for v in bundle.catalog}
    naam = {vid: f"{os.getcwd()}\0{path}\0{vid}" for vid in bundle.versions}
    sleutels = {vid: content_key(code, _heelal(bundle.versions, vid), vid, *bestanden(catalog, vid))
                for vid in bundle.versions}
    stored: dict[str, list[Finding]] = {}
    for vid in bundle.versions:
        found = lookup(soort, naam[vid], sleutels[vid])
        if found is not MISSING:
            stored[vid] = found
    # An edit that changed words only (a lid reworded) leaves the rules as they were: the findings of a version
    # proved before from other file contents are looked up by what the proofs read, and z3 is not even loaded.
    # Only for such a version (0,02-0,05 s each): a first run proves every version and keeps no werking, so a
    # version's werking is kept from its first edit on, and found from its second.
    werking = {vid: content_key(code, _heelal(bundle.versions, vid), vid, _werking(bundle.versions[vid]))
               for vid in bundle.versions if vid not in stored and has_entry(soort, naam[vid])}
    for vid, sleutel in werking.items():
        found = lookup(f"{soort}-werking", naam[vid], sleutel)
        if found is not MISSING:
            stored[vid] = found
            store(soort, naam[vid], sleutels[vid], found)
    # One solver run for the versions whose findings are not stored (in the universe of all versions).
    nodig = [vid for vid in bundle.versions if vid not in stored]
    nieuw = verify_versions(bundle.versions, nodig) if nodig else []
    for vid in nodig:
        stored[vid] = [f for f in nieuw if f.versie == vid]
        store(soort, naam[vid], sleutels[vid], stored[vid])
        if vid in werking:
            store(f"{soort}-werking", naam[vid], werking[vid], stored[vid])
    return [f for vid in bundle.versions for f in stored[vid]]


# What the proofs never read: a provision's prose and place in the file, the version's title, the registry.
_NIET_BEWEZEN = PROZA | {"Provision.span", "Regeling.bronnen"}


def _werking(reg: ir.Regeling) -> str:
    """Everything of ``reg`` the proofs read, with every span's lines and columns (a finding points at them):
    equal before and after an edit that changed words of a provision's text and nothing else."""
    return canoniek(reg, _NIET_BEWEZEN, regels=True)


def _heelal(versions: Mapping[str, ir.Regeling], vid: str) -> str:
    """What the proofs of ``vid`` take from the solver's universe, which all versions share (``Universe``):
    the names of all facts, the first declaration of each fact of ``vid`` (its sort), the values of each
    enumeration of ``vid`` as numbered over all versions; as text."""
    enums: dict[str, list[str]] = {}
    facts: dict[str, ir.FactDecl] = {}
    for reg in versions.values():
        for name, e in reg.enums.items():
            known = enums.setdefault(name, [])
            known.extend(v for v in e.values if v not in known)
        for name, f in reg.facts.items():
            facts.setdefault(name, f)
    reg = versions[vid]
    return repr((sorted(facts), {n: (facts[n].type, facts[n].optioneel, facts[n].span) for n in reg.facts},
                 {n: enums[n] for n in reg.enums}))


def bestanden(catalog: Mapping[str, Versie], vid: str) -> list[str]:
    """The path and content hash of every file version ``vid`` is built from: its own and its bases', with
    the .toml files (the source registry) beside them."""
    from ..semantics.cache import content_key

    out: list[str] = []
    seen: set[str] = set()
    while vid in catalog and vid not in seen:
        seen.add(vid)
        f = Path(catalog[vid].file)
        for g in [f, *sorted(f.parent.glob("*.toml"))]:
            try:
                out += [str(g), content_key(g.read_bytes())]
            except OSError:
                out += [str(g), ""]
        vid = catalog[vid].basis
    return out


def write_witnesses(findings: Sequence[Finding], directory: Path) -> list[Path]:
    """One case file per finding with a witness, ``<versie>-<code>-<n>.yaml``; the expectation is empty."""
    ensure_directory(directory)
    paths: list[Path] = []
    counts: dict[tuple[str, str], int] = {}
    for f in findings:
        if f.getuige is None:
            continue
        key = (f.versie, f.diagnostic.code)
        counts[key] = counts.get(key, 0) + 1
        path = directory / f"{slug(f.versie)}-{f.diagnostic.code}-{counts[key]}.yaml"
        lines = [f"# Getuige van {f.diagnostic.code} in {f.versie}, gevonden door 'meerzorg check' (bewezen met z3).",
                 "# Vul de verwachte uitkomsten in; dan is dit een gewone casus.", "casussen:",
                 *witness_case(f"{f.versie} {f.diagnostic.code}: getuige {counts[key]}", f.diagnostic.message,
                               f.getuige, (f.versie,)), ""]
        write_text_atomic(path, "\n".join(lines))
        paths.append(path)
    return paths


def static_results(versions: Mapping[str, ir.Regeling]) -> dict[str, dict[str, list[str]]]:
    """Per version, per check code: the messages of its findings (an empty list: proved for every client). A
    proof not decided in time (V005) or not expressible (V009) is a message under the check it leaves open."""
    out: dict[str, dict[str, list[str]]] = {v: {code: [] for code in CHECKS} for v in versions}
    for f in verify_versions(versions):
        codes = list(CHECKS) if f.diagnostic.code == "V009" else [f.open or f.diagnostic.code]
        for code in codes:
            out[f.versie].setdefault(code, []).append(f.diagnostic.message)
    return out


def write_groups(diff: SymbolicDiff, directory: Path, lezingen: Sequence[str] = ()) -> list[Path]:
    """One case file per group of ``vergelijk --symbolisch``, ``<basis>-<nieuw>-groep-<n>.yaml``; ``lezingen``:
    each group in words (``render.groepen``, what the command prints) for the case's omschrijving."""
    ensure_directory(directory)
    paths: list[Path] = []
    for i, g in enumerate(diff.groepen, 1):
        path = directory / f"{slug(diff.basis)}-{slug(diff.nieuw)}-groep-{i}.yaml"
        omschrijving = lezingen[i - 1] if i <= len(lezingen) else \
            f"Groep {i}: {g.voorwaarde}. Verandert: {'; '.join(g.wijzigingen)}."
        lines = [f"# Getuige van groep {i} van 'meerzorg vergelijk {diff.basis} {diff.nieuw} --symbolisch'.",
                 "casussen:", *witness_case(f"{diff.basis} -> {diff.nieuw}, groep {i}", omschrijving, g.getuige,
                                            (diff.basis, diff.nieuw)), ""]
        write_text_atomic(path, "\n".join(lines))
        paths.append(path)
    return paths


@dataclass(frozen=True, slots=True)
class SiteProof:
    """One eigenschap of one version as the site shows it. ``status``: bewezen, geschonden, geschonden
    (verwacht), or niet bewezen (where only ``meerzorg eigenschappen`` can sample it)."""

    naam: str
    omschrijving: str
    status: str
    verwacht: str
    toelichting: str


def property_proofs(versions: Mapping[str, ir.Regeling]) -> dict[str, list[SiteProof]]:
    """Per version, every declared eigenschap it checks, proved or refuted (no sampling, no files)."""
    from .props import BEWEZEN, GESCHONDEN, checked_elsewhere, prove_property
    from .smt import Universe

    u = Universe(versions)
    out: dict[str, list[SiteProof]] = {}
    for vid, reg in versions.items():
        rows: list[SiteProof] = []
        for prop in reg.properties:
            if checked_elsewhere(prop, vid, versions) or any(v not in versions for v in prop.versies or ()):
                continue
            proof = prove_property(u, vid, prop)
            verwacht = dict(prop.verwacht_geschonden).get(vid, "")
            status = {BEWEZEN: "bewezen", GESCHONDEN: "geschonden"}.get(proof.status, "niet bewezen")
            if status == "geschonden" and verwacht:
                status = "geschonden (verwacht)"
            toelichting = proof.reden if proof.status != BEWEZEN else ""
            rows.append(SiteProof(prop.name, prop.label, status, verwacht, toelichting))
        out[vid] = rows
    return out
