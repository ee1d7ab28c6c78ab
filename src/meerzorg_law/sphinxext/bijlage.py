"""The page of a bijlage in one version: its text and tables; rows whose label is a description (the
zorgprofielen: aard en inhoud) get it in full, folded out per row. In a version that changes the bijlage,
a badge and the renvooi of its tables row by row behind the page's switch."""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging

from .. import ir
from ..render.waarden import toon
from ..span import ProvisionRef
from ..types import TypeKind
from .artikel import segmenten, tekst_of_renvooi
from .basis import RegelingBasis, badge, datum, versie_kort
from .bouwstenen import Cel, alineas, koppeling, tabel, uitklapblok
from .domain import bepaling_naam, volledige_naam
from .herkomst import herkomst_regel
from .nodes import schakelaar
from .versie import BADGE

__all__ = ["BijlageDirective"]

logger = logging.getLogger(__name__)


class BijlageDirective(RegelingBasis):
    """``.. rlz:bijlage:: A`` with ``:versie:``."""

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"versie": directives.unchanged_required}

    def vinger(self) -> tuple[str, tuple[str, ...]]:
        return "bijlage", (self.options.get("versie") or "", self.arguments[0])

    def bouw(self) -> list[nodes.Node]:
        data = self.data(bestanden="regeling")
        vid = self.versie(data, self.options.get("versie")) if data is not None else None
        if data is None or vid is None:
            return []
        reg = data.bundle.versions[vid]
        ref = ProvisionRef(bijlage=self.arguments[0])
        bijlage = reg.provision(ref)
        if bijlage is None:
            logger.warning("bijlage %s bestaat niet in versie %s", self.arguments[0], vid,
                           location=self.get_location(), type="rlz", subtype="bijlage")
            return []
        self.env.ref_context["rlz:versie"] = vid
        target = nodes.target()
        node_id = self.anker(target, f"{vid}-bijlage-{ref.bijlage}")
        self.domain.note_object("bijlage", bepaling_naam(ref), node_id, versie=vid, rang=self.rang(data, vid),
                                titel=f"bijlage {ref.bijlage} ({vid})", omschrijving=bijlage.titel,
                                location=self.get_location())
        basis = data.basis_van(vid)
        diff = data.renvooi(basis, vid).get(ref) if basis else None
        out: list[nodes.Node] = [target, *self.voorstel_banner(data, vid)]
        if bijlage.titel:  # a node, never reST text: a titel is the drafter's, and may hold any character
            out.append(nodes.paragraph("", "", nodes.strong("", " ".join(bijlage.titel.split()))))
        banner = nodes.paragraph("", "", classes=["rlz-banner"])
        if diff is not None:
            banner += [badge(BADGE.get(diff.soort, diff.soort)), nodes.Text(" ")]
        banner += [nodes.Text("Versie "), koppeling("versie", vid, vid, literal=True),
                   nodes.Text(f", geldig vanaf {datum(reg.geldig_vanaf)}.")]
        out.append(banner)
        if bijlage.herkomst is not None or reg.bronnen:
            out.append(herkomst_regel(bijlage.herkomst, reg.bronnen))
        breg = data.bundle.versions.get(basis) if basis else None
        if diff is None and breg is not None and breg.provision(ref) is not None:
            # Unchanged: the tables once, on the page of the version that set them (a bijlage of forty rows
            # with descriptions, repeated for every version, was a fifth of the site).
            out.append(nodes.paragraph("", "", nodes.Text(f"Deze bijlage is in versie {vid} ongewijzigd ten "
                                                          f"opzichte van {basis}: "),
                                       koppeling("bijlage", volledige_naam(bepaling_naam(ref), basis),
                                                 f"bijlage {ref.bijlage} in {basis}"), nodes.Text("."),
                                       classes=["rlz-ongewijzigd"]))
            return out
        if diff is not None:
            out.append(schakelaar(label="Renvooi tonen: wat deze versie wijzigt ten opzichte van "
                                        + versie_kort(data, basis)))
        if bijlage.tekst:
            wettekst = nodes.container(classes=["rlz-wettekst"])
            if diff is not None and diff.tekst_gewijzigd:
                wettekst += tekst_of_renvooi(alineas(bijlage.tekst), [nodes.paragraph("", "", *segmenten(diff.tekst))])
            else:
                wettekst += alineas(bijlage.tekst)
            out.append(wettekst)
        if bijlage.toelichting:
            out.append(uitklapblok("Toelichting", alineas(bijlage.toelichting, code=True),
                                   classes=["rlz-toelichting"]))
        tabellen: list[nodes.Node] = []
        for table in reg.tables.values():
            if table.span.provision == ref:
                tabellen += self._tabel(reg, vid, table)
        if diff is not None and diff.regels_oud != diff.regels_nieuw:
            # The tables row by row, deleted rows and values struck through, new ones underlined.
            rv = nodes.literal_block("rlz:renvooi", "", *segmenten(diff.regels), classes=["rlz-regel-renvooi"])
            out += tekst_of_renvooi(tabellen, [nodes.paragraph("", "De tabellen, rij voor rij:"), rv])
        else:
            out += tabellen
        return out

    def _tabel(self, reg: ir.Regeling, vid: str, table: ir.Table) -> list[nodes.Node]:
        enum = reg.enums.get(table.key_type.enum) if table.key_type.kind is TypeKind.ENUM else None
        beschreven = {k: v for k, v in table.row_labels.items() if "\n" in v.strip()}
        blokken: dict[str, nodes.Element] = {}
        for key, label in beschreven.items():
            titel, _, rest = label.strip().partition("\n\n")
            blok = uitklapblok([nodes.literal("", key), nodes.Text(f" · {' '.join(titel.split())}")],
                               alineas(rest), classes=["rlz-beschrijving"])
            self.anker(blok, f"{vid}-{table.name}-{key}")
            blokken[key] = blok
        out: list[nodes.Node] = [nodes.rubric("", f"Tabel: {table.label}" if table.label else
                                              f"Tabel {table.name.replace('_', ' ')}")]
        if table.herkomst is not None or reg.bronnen:
            out.append(herkomst_regel(table.herkomst, reg.bronnen))
        koppen = ["Code", "Omschrijving", *[c[2] or c[0].replace("_", " ") for c in table.columns]]
        rows: list[list[Cel]] = []
        for key, values in table.rows.items():
            label = table.row_labels.get(key, "").strip()
            titel = " ".join(label.partition("\n\n")[0].split())
            if not titel and enum is not None and key in enum.values:
                titel = enum.labels[enum.values.index(key)]
            sleutel: Cel = [nodes.literal("", key)]
            if key in blokken:
                sleutel = [nodes.reference("", "", nodes.literal("", key), internal=True,
                                           refid=blokken[key]["ids"][0])]
            rows.append([sleutel, titel, *[toon(v) for v in values]])
        out.append(tabel(koppen, rows, classes=["rlz-bijlage-tabel"], breedtes=[1, 5] + [1] * len(table.columns)))
        if beschreven:
            out.append(nodes.paragraph("", f"Beschrijving per rij ({len(beschreven)}): de aard en inhoud, zoals de "
                                           "bijlage die omschrijft.", classes=["rlz-label"]))
            out += blokken.values()
        return out
