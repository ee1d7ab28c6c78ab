"""What every directive of the extension shares: the site data with its file dependencies, version checks,
anchors, and the small pieces every page shows (dates, version kind, badges, links to the official text).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from ..render.diagnostics import render_all
from ..render.waarden import datum
from ..span import ProvisionRef
from ..syntax.ast import Wijzigingsregeling
from .bouwstenen import koppeling
from .domain import RegelingDomain, bepaling_naam, volledige_naam
from .sitedata import SiteData, hoofduitkomsten, laad
from .vinger import vinger

if TYPE_CHECKING:
    from .. import ir

__all__ = ["RegelingBasis", "badge", "bepaling_koppeling", "datum", "versie_kort", "versie_soort", "versie_titel",
           "wetten_url"]

logger = logging.getLogger(__name__)


def badge(tekst: str, soort: str = "") -> nodes.inline:
    """A filled badge for a change or a version's kind: ``gewijzigd``, ``nieuw``, ``vervallen``, ``vernummerd``,
    ``voorstel``, ``variant`` … Its colour comes from ``meerzorg.css`` (``rlz-badge-<soort>``), chosen for a
    contrast of at least 4.5:1 and never the colour of a provenance mark (``herkomst.herkomst_badge``)."""
    return nodes.inline("", tekst, classes=["rlz-badge",
                                            f"rlz-badge-{soort or tekst}"])


WETTEN = "https://wetten.overheid.nl/"


def versie_soort(data: SiteData, vid: str) -> str:
    """``geldend`` (the regeling itself), ``voorstel`` (a wijzigingsregeling on it) or ``variant``.

    A wijzigingsregeling that has been enacted is written into the regeling itself, so one that still
    stands as an amendment in ``regeling/`` is a proposal."""
    v = next(x for x in data.bundle.catalog if x.id == vid)
    if v.variant:
        return "variant"
    return "voorstel" if v.basis else "geldend"


def wetten_url(reg: ir.Regeling, artikel: str, geldend: bool) -> str:
    """The artikel on wetten.overheid.nl by its BWB id (a JCI reference); with the version date when the
    version is the text in force, else the current official text."""
    if not reg.bron.startswith("BWBR"):
        return ""
    url = f"{WETTEN}jci1.3:c:{reg.bron}&artikel={artikel}"
    if geldend:
        dag = reg.geldig_vanaf.isoformat()
        url += f"&z={dag}&g={dag}"
    return url


def versie_titel(data: SiteData, vid: str) -> str:
    """A version as a reader knows it: the rules in force, the proposal, or the variant by its own name."""
    v = next(x for x in data.bundle.catalog if x.id == vid)
    soort = versie_soort(data, vid)
    if soort == "geldend":
        return f"De regels van nu (vanaf {datum(v.geldig_vanaf)})"
    doc = data.bundle.documents.get(vid)
    titel = doc.titel if isinstance(doc, Wijzigingsregeling) else ""
    kort = re.search(r"\(([^()]+)\)\s*$", titel)
    naam = kort.group(1) if kort else ""
    if soort == "voorstel":
        return f"Het voorstel vanaf {datum(v.geldig_vanaf)}" + (f": {naam}" if naam else "")
    naam = naam or titel or vid
    return naam[0].upper() + naam[1:] if naam.lower().startswith("variant") else f"Variant: {naam}"


def versie_kort(data: SiteData, vid: str) -> str:
    """A version in a table header or a sentence, by a short name a reader knows: ``Regels 2026``,
    ``Voorstel 2027``, ``Variant A``; a variant without a letter by what its id adds to its basis
    (``Variant 2026: directe zorg``). Never the id itself (issue 23: no code names in prose).

    >>> import re
    >>> bool(re.fullmatch(r"[A-Z]\\w+ .*", "Regels 2026"))
    True
    """
    v = next(x for x in data.bundle.catalog if x.id == vid)
    soort = versie_soort(data, vid)
    jaar = str(v.geldig_vanaf.year)
    if soort == "geldend":
        return f"Regels {jaar}"
    if soort == "voorstel":
        return f"Voorstel {jaar}"
    doc = data.bundle.documents.get(vid)
    titel = doc.titel if isinstance(doc, Wijzigingsregeling) else ""
    letter = re.search(r"\bvariant ([A-Z])\b", titel, flags=re.I)
    if letter:
        return f"Variant {letter.group(1).upper()}"
    rest = vid.removeprefix(v.basis).strip("-") if v.basis and vid.startswith(v.basis) else vid
    return f"Variant {jaar}: " + rest.replace("-", " ").replace("_", " ")


def bepaling_koppeling(ref: ProvisionRef, vid: str, tekst: str = "") -> nodes.Node:
    """A link to a provision in a version, showing its citation (or ``tekst``)."""
    if ref.bijlage:
        reftype = "bijlage"
    elif ref.lid or ref.onderdeel or ref.subonderdeel or ref.begrip:
        reftype = "lid"
    else:
        reftype = "artikel"
    return koppeling(reftype, volledige_naam(bepaling_naam(ref), vid), tekst or ref.citeer())


class RegelingBasis(SphinxDirective):
    """The site data, version checks and object notes every directive of the extension uses."""

    def bouw(self) -> list[nodes.Node]:
        raise NotImplementedError

    def vinger(self) -> tuple[str, tuple[str, ...]]:
        """What this directive shows, as a kind and its arguments (``sphinxext.vinger``): the page is read again
        only when the fingerprint of that changes. The default, ``alles``, is every file of the regeling and the
        cases."""
        return "alles", ()

    def run(self) -> list[nodes.Node]:
        result = self.bouw()
        for node in result:
            if isinstance(node, nodes.Element):
                # Legal text, case names and rules are shown exactly as written: no typographic quotes.
                node["support_smartquotes"] = False
        data = laad(self.config.meerzorg_regeling, self.config.meerzorg_casussen)
        soort, args = self.vinger() if not data.errors else ("alles", ())
        if not data.errors:
            # The indices are made from the domain's data, not a page: they need the versions' names too.
            self.domain.versienamen.update({v: versie_kort(data, v) for v in data.versie_ids})
        self.domain.note_pagina(soort, args, vinger(data, soort, args))
        return result

    def data(self, bestanden: str = "alles") -> SiteData | None:
        """The regeling and cases, or None (and a warning) on errors. Which inputs the page depends on is not
        a list of files but what it shows (:meth:`vinger`), checked at the start of every build."""
        data = laad(self.config.meerzorg_regeling, self.config.meerzorg_casussen)
        if data.errors:
            logger.warning("de regeling of de casussen bevatten fouten:\n%s", render_all(data.errors),
                           location=self.get_location(), type="rlz", subtype="invoer")
            return None
        return data

    def versie(self, data: SiteData, vid: str | None) -> str | None:
        """The version asked for (default: the first), or None and a warning if it does not exist."""
        ids = data.versie_ids
        if vid is None:
            return ids[0] if ids else None
        if vid not in ids:
            logger.warning("versie %s bestaat niet (versies: %s)", vid, ", ".join(ids),
                           location=self.get_location(), type="rlz", subtype="versie")
            return None
        return vid

    @property
    def domain(self) -> RegelingDomain:
        domain = self.env.domains["rlz"]
        assert isinstance(domain, RegelingDomain)
        return domain

    def rang(self, data: SiteData, vid: str) -> tuple[int, int, str]:
        """Sort key of a version for unversioned references: base regeling, other versions, variants."""
        v = next(x for x in data.bundle.catalog if x.id == vid)
        return (int(v.variant), int(bool(v.basis)), v.geldig_vanaf.isoformat())

    def anker(self, node: nodes.Element, term: str) -> str:
        """Give ``node`` a unique id made from ``term`` and register it with the document."""
        # Bundled version ids start with "rlz-" themselves: no "rlz-rlz-2026-…" anchors.
        node_id = make_id(self.env, self.state.document, "rlz", term.removeprefix("rlz-"))
        node["ids"].append(node_id)
        self.state.document.set_id(node)
        return node_id

    def hoofduitkomsten(self, reg: ir.Regeling) -> list[str]:
        """The outcomes shown in compact tables: ``meerzorg_hoofduitkomsten``, else the first two."""
        return hoofduitkomsten(reg, self.config.meerzorg_hoofduitkomsten)

    def voorstel_banner(self, data: SiteData, vid: str) -> list[nodes.Node]:
        """A version not in force says so at the top of each of its pages."""
        soort = versie_soort(data, vid)
        if soort == "geldend":
            return []
        v = next(x for x in data.bundle.catalog if x.id == vid)
        tekst = (f"Dit is een {soort}: versie {vid} is niet in werking. Zij bouwt voort op {v.basis} en zou "
                 f"gelden vanaf {datum(v.geldig_vanaf)}.")
        banner = nodes.container(classes=["rlz-voorstel-banner", "admonition", "warning"])
        banner += nodes.paragraph("", "", badge(soort), nodes.Text(" " + tekst))
        return [banner]
