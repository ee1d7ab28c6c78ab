"""The parts of a provision's block that read the rules and the cases: the rule in plain Dutch (sentences
from ``render.rule_text``, every name by its label), the cases that exercise it per version, a worked
example (``render.explain``) and the bijlagen whose tables it reads."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes
from sphinx import addnodes

from .. import ir
from ..render.explain import explain
from ..render.rule_text import begrip_lezing, naam, regel_lezing, regels_van
from ..render.zinnen import Lezing
from ..span import ProvisionRef
from .basis import RegelingBasis, bepaling_koppeling
from .bouwstenen import LEGENDA, Cel, status, tabel, uitklapblok
from .sitedata import ZICHTBAAR, SiteData, tabel_uitkomsten

__all__ = ["RegelBlok"]


def lezing_nodes(lezing: Lezing, vid: str = "") -> list[nodes.Node]:
    """A reading as docutils nodes: a paragraph per sentence, a bullet list for its points; with ``vid``, the
    provisions a sentence cites (``Zin.verwijzingen``) are links to them in that version."""
    out: list[nodes.Node] = []
    for zin in lezing.zinnen:
        out.append(_met_koppelingen(zin.tekst, zin.verwijzingen if vid else (), vid))
        if zin.punten:
            lijst = nodes.bullet_list(classes=["rlz-voorwaarden"])
            for n, punt in enumerate(zin.punten):
                lijst += nodes.list_item("", nodes.paragraph("", punt + ("." if n == len(zin.punten) - 1 else ";")))
            out.append(lijst)
    return out


def _met_koppelingen(tekst: str, refs: Sequence[ProvisionRef], vid: str) -> nodes.paragraph:
    """A sentence as a paragraph, each citation of ``refs`` in it a link (the longest citation first, so
    "artikel 2.2, eerste lid" is not cut at "artikel 2.2")."""
    para = nodes.paragraph()
    rest = tekst
    citaten = sorted({r.citeer(): r for r in refs}.items(), key=lambda kv: -len(kv[0]))
    while citaten:
        hits = [(rest.find(c), c, r) for c, r in citaten if c in rest]
        if not hits:
            break
        at, citaat, ref = min(hits, key=lambda h: (h[0], -len(h[1])))
        if at:
            para += nodes.Text(rest[:at])
        para += bepaling_koppeling(ref, vid, citaat)
        rest = rest[at + len(citaat):]
    if rest:
        para += nodes.Text(rest)
    return para


class RegelBlok(RegelingBasis):
    """Mixin of the artikel directive: everything under a provision's formal rule."""

    _dubbel: bool
    _voorbeeld_getoond = False

    def gewone_taal(self, data: SiteData, reg: ir.Regeling, vid: str, ref: ProvisionRef) -> list[nodes.Node]:
        out: list[nodes.Node] = [nodes.paragraph("", "", nodes.strong("", "In gewone taal"), classes=["rlz-label"])]
        uitleg = nodes.container(classes=["rlz-uitleg"])
        for d in reg.definitions.values():
            if d.span.provision != ref:
                continue
            para = nodes.container(classes=["rlz-begrip"])
            para += lezing_nodes(begrip_lezing(reg, d))
            node_id = self.anker(para, f"{vid}-begrip-{d.name}")
            self.domain.note_object("begrip", d.name, node_id, versie=vid, rang=self.rang(data, vid),
                                    titel=f"{d.label or d.name} ({ref.citeer()}, {vid})", omschrijving=d.label,
                                    location=self.get_location(), waarschuw=not self._dubbel)
            uitleg += para
        for rules in regels_van(reg, ref):
            blok = nodes.container(classes=["rlz-regelzin"])
            blok += lezing_nodes(regel_lezing(reg, rules), vid)
            uitleg += blok
        out.append(uitleg)
        return out

    def casussen(self, data: SiteData, reg: ir.Regeling, vid: str, ref: ProvisionRef) -> list[nodes.Node]:
        gekozen = self.config.meerzorg_hoofduitkomsten
        # The rows this table shows (cases whose outcome differs between the versions, or that fail, first: those
        # are what a drafter looks for); the page's fingerprint holds exactly these (``SiteData.casussen_bij``).
        geraakt, getoond = data.getoonde_casussen(vid, ref, gekozen)
        out: list[nodes.Node] = [nodes.paragraph("", "", nodes.strong("", "Casussen"), classes=["rlz-label"])]
        if not geraakt:
            out.append(nodes.paragraph("", f"Geen casus raakt deze bepaling in versie {vid}.",
                                       classes=["rlz-onbedekt"]))
            return out
        toon = tabel_uitkomsten(reg, ref, gekozen)
        # This version and the one it amends: the comparison a reader of this page makes. All versions side by
        # side are on the case page (a column per version on every artikel page grew the site with the square
        # of the number of versions).
        basis = data.basis_van(vid)
        versies = [v for v in data.versie_ids if v in (vid, basis)]
        rows: list[list[Cel]] = []
        for i in getoond:
            case = data.cases[i]
            row: list[Cel] = [[self.domain.casusnaam(data.casus_id(i), case.naam)]]
            for other in versies:
                run = data.runs.get((i, other))
                if run is None:
                    row.append("—")
                    continue
                cel: list[nodes.Node] = [status(run.status), nodes.Text(" " + data.waarden(i, other, toon))]
                # Same outcome, but reached through another provision in that version: worth a note.
                if other != vid and data.waarden(i, other, toon) == data.waarden(i, vid, toon) \
                        and not data.raakt(i, other, ref):
                    cel.append(nodes.emphasis("", " (via andere bepaling)"))
                row.append(cel)
            rows.append(row)
        aantal = "1 casus raakt" if len(geraakt) == 1 else f"{len(geraakt)} casussen raken"
        namen = ", ".join(naam(reg, o) for o in toon)
        uitleg = nodes.paragraph("", f"{aantal} deze bepaling in versie {vid}; per versie {namen} ({LEGENDA}).",
                                 classes=["rlz-toelichting-tabel"])
        koppen, breedtes = ["Casus", *versies], [3] + [2] * len(versies)
        out += [uitleg, tabel(koppen, rows, classes=["rlz-casussen"], breedtes=breedtes)]
        if len(geraakt) > ZICHTBAAR:
            # The rest by count, with the index that lists them: a table (or a list of links) per lid and version
            # made the site several times its size.
            rest = nodes.paragraph("", f"Nog {len(geraakt) - ZICHTBAAR} casussen raken deze bepaling; alle casussen "
                                       "per artikel staan in ", classes=["rlz-meer"])
            rest += addnodes.pending_xref("", nodes.inline("", "de casussenindex"), refdomain="std", reftype="ref",
                                          reftarget="rlz-casussen", refexplicit=True, refwarn=True)
            rest += nodes.Text(".")
            out.append(rest)
        if "geen-voorbeeld" not in self.options and not self._voorbeeld_getoond:
            # One worked example per artikel page: it explains every outcome of the case, whichever lid it is
            # under (one per lid repeated the same explanation and was a tenth of the site).
            self._voorbeeld_getoond = True
            out.append(self._voorbeeld(data, reg, vid, getoond[0]))
        return out

    def _voorbeeld(self, data: SiteData, reg: ir.Regeling, vid: str, index: int) -> nodes.Node:
        case = data.cases[index]
        run = data.runs[index, vid]
        assert run.trace is not None
        tekst = explain(reg, case.feiten, run.trace, case.naam)
        code = nodes.literal_block(tekst, tekst, classes=["rlz-uitwerking"])
        code["language"] = "none"
        return uitklapblok(f"Uitgewerkt voorbeeld: {case.naam}", [code], classes=["rlz-voorbeeld"])

    def zie_ook(self, reg: ir.Regeling, vid: str, delen: Sequence[ir.Provision]) -> list[nodes.Node]:
        """Links to the bijlagen whose tables this artikel reads (e.g. the profile descriptions)."""
        refs = {p.ref for p in delen}
        exprs: list[ir.Expr] = [d.expr for d in reg.definitions.values() if d.span.provision in refs]
        for r in reg.rules:
            if r.provision in refs:
                exprs += [c.expr for c in r.conditions]
                exprs.append(r.value)
        gelezen = {e.table for x in exprs for e in ir.walk(x) if isinstance(e, (ir.Lookup, ir.InTable))}
        tabellen = sorted(t for t in gelezen if t in reg.tables)
        if not tabellen:
            return []
        para = nodes.paragraph("", "Dit artikel gebruikt ", classes=["rlz-zie-ook"])
        for n, name in enumerate(tabellen):
            if n:
                para += nodes.Text(", ")
            table = reg.tables[name]
            para += nodes.Text(f"de tabel {naam(reg, name)} in ")
            para += bepaling_koppeling(table.span.provision, vid)
        para += nodes.Text(".")
        return [para]
