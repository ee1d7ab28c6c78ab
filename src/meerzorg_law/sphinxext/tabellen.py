"""Directives over all cases and version pairs: the case table, the coverage table and the renvooi.

``rlz:casussen`` lists every case with pass/fail per version and, per case, its facts, outcomes and the
provisions applied; ``rlz:dekking`` shows which provisions no case exercises; ``rlz:renvooi`` shows what a
version changes in the text and rules of another, and which cases change outcome because of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import logging

from .. import ir
from ..compare.outcomes import CaseComparison, compare_cases
from ..compare.renvooi import ProvisionDiff, Segment
from ..engine.compile import Decision, compile_regeling
from ..engine.evaluate import evaluate
from ..render.beslispad import beslispad_gebruik, beslispad_symbool, hoofduitkomst
from ..render.lezing import hoofdletter
from ..render.lezingen import versienamen
from ..render.rule_text import naam
from ..render.waarden import toon_feit, toon_uitkomst
from ..render.waarom import begrip_redenen, verandering
from ..span import ProvisionRef
from ..values import Date
from .artikel import segmenten
from .basis import RegelingBasis, bepaling_koppeling, datum
from .bouwstenen import LEGENDA, Cel, alineas, koppeling, status, tabel, tekening, uitklapblok
from .domain import natuurlijke_volgorde
from .generate import MAP, casus_pagina
from .nodes import geschrapt, gevolgentabel, ingevoegd
from .sitedata import SiteData, bewaard, sleutel_van

__all__ = ["CasussenDirective", "DekkingDirective", "RenvooiDirective"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Gevolgen:
    """The renvooi's table of consequences, kept between builds (``sitedata.bewaard``): how many cases change
    outcome and how many fail, and per such case its name, its error or what changes, the deciding provisions
    and why."""

    gewijzigd: int
    fouten: int
    rijen: tuple[tuple[str, str | None, str, str, tuple[str, ...]], ...]


class CasussenDirective(RegelingBasis):
    """``.. rlz:casussen::`` — cases: pass/fail per version, then per case its facts and outcomes.

    ``:bestand: STEM`` shows the cases of one case file (a page per file keeps every page small, and a change
    to one case file rebuilds only its page); ``:overzicht:`` shows only the table of all cases, each linking to
    its file's page; without either, all cases in full (a small site, such as the test roots)."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"bestand": directives.unchanged_required,
                                             "overzicht": directives.flag}

    def vinger(self) -> tuple[str, tuple[str, ...]]:
        if "bestand" in self.options:
            return "casussen-bestand", (self.options["bestand"],)
        return ("casussen-overzicht", ()) if "overzicht" in self.options else ("casussen-bestand", ("",))

    def bouw(self) -> list[nodes.Node]:
        stem = self.options.get("bestand")
        overzicht = "overzicht" in self.options
        data = self.data("regeling" if stem or overzicht else "alles")
        if data is None:
            return []
        versies = data.versie_ids
        indices = [i for i, c in enumerate(data.cases) if stem is None or casus_pagina(c.file) == f"casussen/{stem}"]
        if not versies or not indices:
            return [nodes.paragraph("", "Geen casussen." if versies else "Geen versies van de regeling gevonden.")]
        if overzicht:
            return self._overzicht(data)
        eerste = data.bundle.versions[versies[0]]
        toon = self.hoofduitkomsten(eerste)
        toon_namen = ", ".join(naam(eerste, o) for o in toon)
        blokken: list[nodes.Element] = []
        rows: list[list[Cel]] = []
        self._symbolen: dict[str, str] = {}
        for i in indices:
            case = data.cases[i]
            blok = nodes.container(classes=["rlz-casus"])
            node_id = self.anker(blok, "casus-" + sleutel_van(case))
            self.domain.note_object("casus", case.naam, node_id, titel=case.naam, location=self.get_location())
            self.domain.note_casus_id(data.casus_id(i), case.naam)
            blok += self._casus(data, i)
            blokken.append(blok)
            row: list[Cel] = [[nodes.reference("", case.naam, internal=True, refid=node_id)],
                              [nodes.literal("", f"{Path(case.file).name}:{case.span.line}")]]
            for vid in versies:
                run = data.runs.get((i, vid))
                row.append("—" if run is None else [status(run.status),
                                                     nodes.Text(" " + run.waarden(data.bundle.versions[vid], toon))])
            rows.append(row)
        totaal = [f"{vid}: {sum(data.runs[i, vid].status == 'geslaagd' for i in indices)} geslaagd, "
                  f"{sum(data.runs[i, vid].status in ('mislukt', 'fout') for i in indices)} mislukt"
                  for vid in versies]
        out: list[nodes.Node] = [
            nodes.paragraph("", f"{len(indices)} casussen; per versie {toon_namen} ({LEGENDA}). "
                                + "; ".join(totaal) + "."),
            tabel(["Casus", "Bestand", *versies], rows, classes=["rlz-casussen"], samenvoegen=3,
                  breedtes=[4, 2] + [2] * len(versies)),
        ]
        # Each version's drawing once per page; every case's path refers to it and marks its own rules.
        out += [tekening(beslispad_symbool(data.bundle.versions[v], o, f"rlz-beslispad-{v}"))
                for v, o in self._symbolen.items()]
        out += blokken
        return out

    def _overzicht(self, data: SiteData) -> list[nodes.Node]:
        """Per case file: its page, how many cases, and per version how many pass and fail."""
        per_bestand: dict[str, list[int]] = {}
        for i, case in enumerate(data.cases):
            per_bestand.setdefault(case.file, []).append(i)
        versies = data.versie_ids
        rows: list[list[Cel]] = []
        for file, indices in per_bestand.items():
            case = data.cases[indices[0]]
            titel = case.bestandstitel or f"Casussen uit {Path(file).name}"
            link = addnodes.pending_xref("", nodes.inline("", titel), refdomain="std", reftype="doc",
                                         reftarget=f"/{MAP}/{casus_pagina(file)}", refexplicit=True,
                                         refwarn=False)
            row: list[Cel] = [[link], str(len(indices))]
            for vid in versies:
                runs = [data.runs[i, vid] for i in indices if (i, vid) in data.runs]
                goed = sum(r.status == "geslaagd" for r in runs)
                fout = sum(r.status in ("mislukt", "fout") for r in runs)
                cel: list[nodes.Node] = []
                if goed:
                    cel += [status("geslaagd"), nodes.Text(f" {goed} ")]
                if fout:
                    cel += [status("mislukt"), nodes.Text(f" {fout} ")]
                row.append(cel or "·")
            rows.append(row)
        totaal = len(data.cases)
        return [nodes.paragraph("", f"{totaal} casussen in {len(per_bestand)} bestanden; per versie het aantal "
                                    f"casussen met de verwachte uitkomst (✓) en met een andere (✗)."),
                tabel(["Casusbestand", "Casussen", *versies], rows, classes=["rlz-casussen"], samenvoegen=2,
                      breedtes=[4, 1] + [2] * len(versies))]

    def _casus(self, data: SiteData, index: int) -> list[nodes.Node]:
        case = data.cases[index]
        versies = data.versie_ids
        out: list[nodes.Node] = [nodes.rubric("", case.naam, classes=["rlz-kop"])]
        if case.omschrijving:
            out += alineas(case.omschrijving, code=True)
        reg = data.bundle.versions[versies[0]]
        # Facts and outcomes by their label; the name as a drafter writes it in a case file, in code font.
        feiten: list[list[Cel]] = [[[nodes.Text(naam(reg, k, "invoer") + " "), nodes.literal("", k)],
                                    toon_feit(reg, k, v)] for k, v in case.feiten.items()]
        out.append(tabel(["Feit", "Waarde"], feiten, classes=["rlz-feiten"]))
        namen = list(dict.fromkeys([*reg.outcomes, *(o for v in versies for o in data.bundle.versions[v].outcomes)]))
        rows: list[list[Cel]] = []
        for uitkomst in namen:
            row: list[Cel] = [[nodes.Text(naam(reg, uitkomst))]]
            for vid in versies:
                run = data.runs.get((index, vid))
                vreg = data.bundle.versions[vid]
                if run is None or uitkomst not in run.result.uitkomst:
                    row.append("—")
                    continue
                cel: list[nodes.Node] = [nodes.Text(toon_uitkomst(vreg, uitkomst, run.result.uitkomst[uitkomst]))]
                mis = next((m for m in run.result.mismatches if m.outcome == uitkomst), None)
                if mis is not None:
                    cel.append(nodes.emphasis("", f" (verwacht {toon_uitkomst(vreg, uitkomst, mis.verwacht)})",
                                              classes=["rlz-status-mislukt"]))
                row.append(cel)
            rows.append(row)
        rows.append(["Toets", *[[status(data.runs[index, v].status)] if (index, v) in data.runs else "—"
                                for v in versies]])
        rows.append(["Toegepast", *[self._toegepast(data, index, v) for v in versies]])
        out.append(tabel(["Uitkomst", *versies], rows, classes=["rlz-uitkomsten"], samenvoegen=2))
        out += self._pad(data, index)
        return out

    def _pad(self, data: SiteData, index: int) -> list[nodes.Node]:
        """The case's path through the decision diagram, under the version in force on its peildatum (else the
        first version it has an expectation for)."""
        case = data.cases[index]
        peil = case.feiten.get("peildatum")
        vid = data.bundle.in_force(peil.value) if isinstance(peil, Date) else None
        if vid is None and case.verwacht:
            vid = case.verwacht[0].versie
        run = data.runs.get((index, vid)) if vid else None
        if vid is None or run is None or run.trace is None:
            return []
        reg = data.bundle.versions[vid]
        uitkomst = hoofduitkomst(reg)
        spoor = next((o for o in run.trace.outcomes if o.name == uitkomst), None)
        if spoor is None:
            return []
        kop = f"Beslispad in {vid}: {naam(reg, uitkomst)}"
        self._symbolen.setdefault(vid, uitkomst)
        svg = beslispad_gebruik(reg, uitkomst, f"rlz-beslispad-{vid}", spoor)
        return [uitklapblok(kop, [tekening(svg)], classes=["rlz-pad"])]

    def _toegepast(self, data: SiteData, index: int, vid: str) -> Cel:
        run = data.runs.get((index, vid))
        if run is None:
            return "—"
        if run.result.failure is not None:
            return run.result.failure.message
        if run.beslist is None:
            return "—"
        cel: list[nodes.Node] = []
        for n, ref in enumerate(run.beslist):
            if n:
                cel.append(nodes.Text("; "))
            cel.append(bepaling_koppeling(ref, vid))
            self.domain.note_exercise(data.cases[index].naam, ref.artikel or f"bijlage {ref.bijlage}", vid)
        return cel or "—"


class DekkingDirective(RegelingBasis):
    """``.. rlz:dekking::`` — per provision with rules or begrippen, how many cases exercise it per version."""

    has_content = False

    def vinger(self) -> tuple[str, tuple[str, ...]]:
        return "dekking", ()

    def bouw(self) -> list[nodes.Node]:
        data = self.data()
        if data is None:
            return []
        versies = data.versie_ids
        refs: dict[ProvisionRef, None] = {}
        for vid in reversed(versies):
            reg = data.bundle.versions[vid]
            for p in reg.provisions:
                if data.heeft_regels(vid, p.ref) or data.heeft_begrippen(vid, p.ref):
                    refs[p.ref] = None
        ordered = sorted(refs, key=natuurlijke_volgorde)
        rows: list[list[Cel]] = []
        onbedekt: dict[str, list[ProvisionRef]] = {v: [] for v in versies}
        for ref in ordered:
            row: list[Cel] = [[nodes.Text(ref.citeer())]]
            for vid in versies:
                reg = data.bundle.versions[vid]
                if reg.provision(ref) is None:
                    row.append("— (bestaat niet)")
                elif not (data.heeft_regels(vid, ref) or data.heeft_begrippen(vid, ref)):
                    row.append("— (geen regels)")
                else:
                    n = len(data.geraakt_door(vid, ref))
                    soort = "regel" if data.heeft_regels(vid, ref) else "begrip"
                    if n:
                        tekst = "1 casus" if n == 1 else f"{n} casussen"
                        row.append([bepaling_koppeling(ref, vid, tekst), nodes.Text(f" ({soort})")])
                    else:
                        onbedekt[vid].append(ref)
                        link = bepaling_koppeling(ref, vid, "geen casus")
                        row.append([nodes.inline("", "", link, classes=["rlz-status", "rlz-status-mislukt"]),
                                    nodes.Text(f" ({soort})")])
            rows.append(row)
        samenvatting = nodes.bullet_list()
        for vid in versies:
            lijst = onbedekt[vid]
            text = (f"{vid}: elke bepaling met regels of begrippen wordt door een casus geraakt" if not lijst else
                    f"{vid}: {len(lijst)} niet geraakt: " + "; ".join(r.citeer() for r in lijst))
            samenvatting += nodes.list_item("", nodes.paragraph("", text))
        intro = nodes.paragraph("", "Een casus raakt een bepaling als een regel van die bepaling in zijn uitleg "
                                    "(trace) van toepassing was; een bepaling met alleen begrippen raakt hij als "
                                    "een van die begrippen is gebruikt.")
        return [intro, samenvatting, tabel(["Bepaling", *versies], rows, classes=["rlz-dekking"], samenvoegen=2,
                                           breedtes=[3] + [2] * len(versies))]


class RenvooiDirective(RegelingBasis):
    """``.. rlz:renvooi:: rlz-2026 rlz-2027`` — changed provisions with deletions and insertions marked,
    and the cases whose outcome changes."""

    required_arguments = 2
    has_content = False

    def vinger(self) -> tuple[str, tuple[str, ...]]:
        return "renvooi", (self.arguments[0], self.arguments[1])

    def bouw(self) -> list[nodes.Node]:
        data = self.data()
        if data is None:
            return []
        oud = self.versie(data, self.arguments[0])
        nieuw = self.versie(data, self.arguments[1])
        if oud is None or nieuw is None:
            return []
        self.env.ref_context["rlz:versie"] = nieuw
        target = nodes.target()
        node_id = self.anker(target, f"renvooi-{oud}-{nieuw}")
        self.domain.note_object("renvooi", f"{oud}/{nieuw}", node_id, titel=f"renvooi {oud} → {nieuw}",
                                location=self.get_location())
        old_reg, new_reg = data.bundle.versions[oud], data.bundle.versions[nieuw]
        diffs = data.renvooi_lijst(oud, nieuw)
        intro = nodes.paragraph("", "", koppeling("versie", nieuw, nieuw, literal=True),
                                nodes.Text(f" (geldig vanaf {datum(new_reg.geldig_vanaf)}) ten opzichte van "),
                                koppeling("versie", oud, oud, literal=True),
                                nodes.Text(f" (geldig vanaf {datum(old_reg.geldig_vanaf)}): {len(diffs)} bepalingen "
                                           "gewijzigd, ingevoegd of vervallen. Geschrapte tekst is "),
                                geschrapt("", "doorgehaald"), nodes.Text(", ingevoegde tekst is "),
                                ingevoegd("", "onderstreept"), nodes.Text("."))
        out: list[nodes.Node] = [target, intro]
        for d in diffs:
            out.append(self._diff(d, oud, nieuw))
        out += self._gegevens(data, oud, nieuw)
        out += self._gevolgen(data, old_reg, new_reg)
        return out

    def _diff(self, d: ProvisionDiff, oud: str, nieuw: str) -> nodes.Element:
        blok = nodes.container(classes=["rlz-renvooi", f"rlz-renvooi-{d.soort}"])
        waar = oud if d.soort == "vervallen" else nieuw
        kop = nodes.paragraph(classes=["rlz-kop"])
        kop += nodes.strong("", "", bepaling_koppeling(d.ref, waar))
        kop += nodes.Text(f" — {d.soort}")
        blok += kop
        if d.tekst_gewijzigd:
            blok += nodes.paragraph("", "", *segmenten(d.tekst), classes=["rlz-wettekst"])
        if d.regels_oud != d.regels_nieuw:
            segs = segmenten(d.regels)
            # Children that are not the raw text make the HTML writer treat this as a parsed literal,
            # so the <del>/<ins> marks survive inside the code block.
            # The rawsource must differ from the text: Sphinx fills an empty one in, and then highlights.
            blok += nodes.literal_block("rlz:renvooi", "", *segs, classes=["rlz-regel-renvooi"])
        return blok

    def _gegevens(self, data: SiteData, oud: str, nieuw: str) -> list[nodes.Node]:
        """What the version changes in the gegevens (facts, outcomes, enumerations: what a case file holds), as
        the exported renvooi and ``meerzorg vergelijk`` show it; declarations are names, so in code font."""
        from ..document.gegevens import gegevens_renvooi

        alineas_ = gegevens_renvooi(data.bundle.consolidated[oud], data.bundle.consolidated[nieuw])
        if not alineas_:
            return []
        blok = nodes.container(classes=["rlz-renvooi", "rlz-renvooi-gegevens"])
        blok += nodes.paragraph("", "", nodes.strong("", "Gegevens"),
                                nodes.Text(f" — {len(alineas_)} gewijzigd, ingevoegd of vervallen"),
                                classes=["rlz-kop"])
        regels: list[nodes.Node] = []
        for a in alineas_:
            regels += segmenten(tuple(Segment(r.soort, r.tekst) for r in a.runs))
            regels.append(nodes.Text("\n"))
        blok += nodes.literal_block("rlz:renvooi", "", *regels, classes=["rlz-regel-renvooi"])
        return [blok]

    @staticmethod
    def _redenen(r: CaseComparison, old_reg: ir.Regeling, new_reg: ir.Regeling, namen: dict[str, str],
                 beslissers: tuple[Decision, Decision]) -> list[str]:
        """Why the outcomes of one case changed, in words: the provisions whose applicability changed as
        ``engine.trace_diff`` says them (citations, no code names), then each changed begrip as a sentence of
        ``render.waarom.begrip_redenen`` instead of the trace's "begrip name: value -> value". Only the cases that
        change get here, so evaluating them once more with a trace costs little; ``beslissers`` are the two
        versions compiled with tracing once per table (compiling per case was a quarter of a full site build)."""
        a = evaluate(beslissers[0], r.case.feiten).trace
        b = evaluate(beslissers[1], r.case.feiten).trace
        assert a is not None and b is not None
        begrippen = begrip_redenen(old_reg, new_reg, a, b, namen)
        # trace_diff appends its begrip lines last: the rest are the provisions' own reasons.
        regels = [x for w in r.wijzigingen for x in w.redenen[:len(w.redenen) - len(begrippen)]]
        return list(dict.fromkeys([*(hoofdletter(x) + "." for x in regels), *begrippen]))

    def _gevolgen(self, data: SiteData, old_reg: ir.Regeling, new_reg: ir.Regeling) -> list[nodes.Node]:
        # Only the cases the stored results say change outcome or fail are compared again with a trace (all
        # cases in both versions was most of a renvooi page); the others compare_cases reports unchanged. What
        # they say is kept between builds by the working of both versions (``sitedata.bewaard``): a reworded
        # provision re-reads this page for its renvooi, not to evaluate the cases again.
        anders = data.andere_uitkomst(old_reg.versie, new_reg.versie)
        hoofd = tuple(self.hoofduitkomsten(new_reg))
        namen = versienamen({old_reg.versie: old_reg, new_reg.versie: new_reg})
        sleutel = data.gevolgen_sleutel(old_reg.versie, new_reg.versie, anders, hoofd, namen, len(data.cases))
        gevolgen: _Gevolgen = bewaard("gevolgen", sleutel,
                                      lambda: self._bereken_gevolgen(data, old_reg, new_reg, anders, hoofd, namen))
        kop = nodes.rubric("", "Gevolgen voor de casussen")
        text = f"{gevolgen.gewijzigd} van {len(data.cases)} casussen veranderen van uitkomst"
        if gevolgen.fouten:
            text += f", {gevolgen.fouten} met een fout"
        out: list[nodes.Node] = [kop, nodes.paragraph("", text + ".")]
        if not gevolgen.rijen:
            return out
        # One node with its texts as attributes and the case links as children (``nodes.gevolgentabel``: it was
        # most of the page's nodes, which every transform of Sphinx visits).
        tabel_ = gevolgentabel(classes=["rlz-gevolgen"], koppen=["Casus", "Wat verandert", "Beslist door", "Waarom"],
                               breedtes=[3, 3, 2, 4], rijen=[])
        for naam_, fout, wat, door, redenen_ in gevolgen.rijen:
            tabel_ += nodes.paragraph("", "", koppeling("casus", naam_, naam_))
            tabel_["rijen"].append(["fout", fout, ""] if fout is not None else [wat, door, list(redenen_)])
        out.append(tabel_)
        return out

    def _bereken_gevolgen(self, data: SiteData, old_reg: ir.Regeling, new_reg: ir.Regeling, anders: list[int],
                          hoofd_uitkomsten: tuple[str, ...], namen: dict[str, str]) -> _Gevolgen:
        results, _ = compare_cases(old_reg, new_reg, [data.cases[i] for i in anders])
        gewijzigd = [r for r in results if r.gewijzigd or r.fout is not None]
        rijen: list[tuple[str, str | None, str, str, tuple[str, ...]]] = []
        if gewijzigd:
            beslissers = (compile_regeling(old_reg, traced=True), compile_regeling(new_reg, traced=True))
        for r in gewijzigd:
            if r.fout is not None:
                rijen.append((r.case.naam, r.fout.message, "", "", ()))
                continue
            # The main outcomes (the others follow from the same rule); the deciding provisions once each.
            hoofd = [w for w in r.wijzigingen if w.outcome in hoofd_uitkomsten] or list(r.wijzigingen)
            # In the sentences of uitleg and the exports (render.waarom.verandering): one wording everywhere.
            wat = " ".join(verandering(old_reg, new_reg, w.outcome, w.oud, w.nieuw, namen) for w in hoofd)
            if len(hoofd) < len(r.wijzigingen):
                wat += f" (en {len(r.wijzigingen) - len(hoofd)} andere uitkomsten)"
            door = "; ".join(dict.fromkeys(w.nieuw_door.citeer() if w.nieuw_door else "de standaardwaarde"
                                           for w in r.wijzigingen))
            rijen.append((r.case.naam, None, wat, door,
                          tuple(self._redenen(r, old_reg, new_reg, namen, beslissers))))
        return _Gevolgen(sum(r.gewijzigd for r in results), sum(r.fout is not None for r in results), tuple(rijen))

