"""``.. rlz:bewijzen::`` — per version the proved static checks and every eigenschap bewezen / geschonden
(verwacht), from ``verify.report`` (z3): the same results as ``meerzorg check`` and ``meerzorg eigenschappen``."""

from __future__ import annotations

from docutils import nodes

from ..render.lezingen import eigenschap_lezing, versienamen
from ..verify.report import CHECKS, property_proofs, static_results
from .basis import RegelingBasis
from .bouwstenen import Cel, tabel
from .regelblok import lezing_nodes

__all__ = ["BewijzenDirective"]

_UITLEG = ("Bewezen betekent: voor elke geldige cliënt, met elk feit binnen het bereik dat de gegevens noemen, "
           "uitgerekend door een SMT-solver (z3); dat is een bewijs, geen steekproef. Geschonden komt met een "
           "tegenvoorbeeld (meerzorg eigenschappen schrijft het als casus). Geschonden (verwacht): de eigenschap "
           "verklaart zelf dat zij in deze versie met opzet niet geldt, met de reden. Getoetst (alleen in meerzorg "
           "eigenschappen) betekent: veel gegenereerde gevallen zonder tegenvoorbeeld, geen bewijs.")


class BewijzenDirective(RegelingBasis):
    has_content = False

    def vinger(self) -> tuple[str, tuple[str, ...]]:
        return "werking", ()

    def bouw(self) -> list[nodes.Node]:
        data = self.data("regeling")
        if data is None:
            return []
        versions = {v: data.bundle.versions[v] for v in data.versie_ids}
        checks = static_results(versions)
        proofs = property_proofs(versions)
        namen = versienamen(data.bundle.versions)
        out: list[nodes.Node] = [nodes.paragraph("", _UITLEG)]
        for vid in versions:
            section = nodes.section(ids=[f"bewijzen-{vid}"])
            section += nodes.title("", vid)
            rows: list[list[Cel]] = []
            for code, label in CHECKS.items():
                found = checks[vid].get(code, [])
                rows.append([label, "bewezen" if not found else "; ".join(found)])
            section += tabel(["Controle (meerzorg check)", "Uitkomst"], rows, breedtes=[2, 3])
            prop_rows: list[list[Cel]] = []
            reg = versions[vid]
            ir_props = {p.name: p for p in reg.properties}
            for p in proofs[vid]:
                uitleg = p.verwacht if p.verwacht else p.toelichting
                # The property stated with all its conditions, in the words of every other reading.
                cel: list[nodes.Node] = [nodes.paragraph("", "", nodes.strong("", p.omschrijving))]
                if p.naam in ir_props:
                    cel += lezing_nodes(eigenschap_lezing(reg, ir_props[p.naam], namen))
                cel.append(nodes.paragraph("", "", nodes.literal("", p.naam)))
                prop_rows.append([nodes.container("", *cel, classes=["rlz-eigenschap"]), p.status, uitleg])
            if prop_rows:
                section += tabel(["Eigenschap", "Status", "Toelichting"], prop_rows, breedtes=[3, 1, 3])
            out.append(section)
        return out
