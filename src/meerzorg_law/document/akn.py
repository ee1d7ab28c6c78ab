"""Akoma Ntoso 3.0 XML, registered as format ``akn``: a consolidated version as an ``act``, a wijzigingsregeling
as a ``bill`` whose Artikel I holds ``mod`` elements with ``quotedStructure`` / ``quotedText`` and whose meta
lists them as ``activeModifications``. FRBR identifiers follow the AKN naming convention
(``/akn/nl/act/regeling/rlz/nld@2027-01-01``); the herkomst of a provision is metadata: ``refersTo`` points to
a ``TLCConcept`` per kind and a ``TLCReference`` per source, and ``proprietary`` keeps its notes.

This format overrides ``TRANSFORMS``: it builds elements, not paragraphs. Text goes through ``xml_tekst``;
lxml escapes the rest. ``tests/document`` validates the output against the OASIS schema.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, ClassVar

from lxml import etree

from .build import term_id
from .formats import Format, register
from .model import (
    Act,
    Amendment,
    AmendmentArticle,
    AmendmentPart,
    Bron,
    Cite,
    DataChange,
    Herkomst,
    Mod,
    Provision,
    QuotedText,
    RowChange,
    Table,
    Toelichting,
)
from .tekst import xml_tekst
from .wording import MOD_TYPES

__all__ = ["AKN_NS", "MOD_TYPES", "AknFormat", "frbr_work"]

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
MZ_NS = "https://meerzorg-law.nl/ns/herkomst"  # our own vocabulary inside <proprietary>
_A = f"{{{AKN_NS}}}"

_ELEMENT = {"chapter": "chapter", "section": "section", "article": "article", "paragraph": "paragraph",
            "point": "point", "subpoint": "point", "definition": "point", "annex": "hcontainer"}
_NUM = {"chapter": "Hoofdstuk {n}", "section": "§ {n}", "article": "Artikel {n}", "paragraph": "{n}.",
        "point": "{n}.", "subpoint": "{n}", "annex": "Bijlage {n}"}


def frbr_work(versie: str, soort: str = "act") -> str:
    """The work URI: every version of the regeling is one work (``rlz``), a wijzigingsregeling its own."""
    naam = versie.split("-")[0] if soort == "act" else versie
    return f"/akn/nl/{soort}/regeling/{naam}"


def _el(parent: Any, tag: str, tekst: str = "", **attrs: str) -> Any:
    el = etree.SubElement(parent, _A + tag, {k.rstrip("_"): xml_tekst(v) for k, v in attrs.items()})
    if tekst:
        el.text = xml_tekst(tekst)
    return el


def _append(el: Any, tekst: str) -> None:
    """Text after the last child (or inside ``el`` when it has none)."""
    tekst = xml_tekst(tekst)
    if len(el):
        el[-1].tail = (el[-1].tail or "") + tekst
    else:
        el.text = (el.text or "") + tekst


def _slug(s: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in s)


@register("akn")
class AknFormat(Format):
    """``render`` gives the XML document as bytes (UTF-8, with declaration)."""

    def __init__(self, renvooi: bool = False, gemaakt: datetime.date | None = None) -> None:
        super().__init__(renvooi)
        self.gemaakt = gemaakt
        self.concepten: dict[str, str] = {}
        self.bronnen: dict[str, Bron] = {}
        self.herkomst: list[tuple[str, Herkomst]] = []
        self.mods: list[tuple[str, Mod]] = []
        self.prefix = ""
        self.uri = ""

    def render(self, node: object) -> bytes:
        root = etree.Element(_A + "akomaNtoso", nsmap={None: AKN_NS})
        self.TRANSFORMS[type(node)](self, node, root)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)  # type: ignore[no-any-return]

    @classmethod
    def als_tekst(cls, out: Any) -> str:
        return " ".join("".join(etree.fromstring(out).itertext()).split())

    # ---- meta ---------------------------------------------------------------------------------------
    def _meta(self, doc: Any, soort: str, versie: str, datum: datetime.date, naam: str) -> Any:
        meta = _el(doc, "meta")
        ident = _el(meta, "identification", source="#meerzorg")
        work = frbr_work(versie, soort)
        expr = f"{work}/nld@{datum.isoformat()}"
        self.uri = expr
        gemaakt = (self.gemaakt or datum).isoformat()
        for niveau, this, uri, datum_, auteur in (
                ("FRBRWork", f"{work}/!main", work, datum.isoformat(), "#minister"),
                ("FRBRExpression", f"{expr}/!main", expr, datum.isoformat(), "#minister"),
                ("FRBRManifestation", f"{expr}/!main.xml", f"{expr}.akn", gemaakt, "#meerzorg")):
            frbr = _el(ident, niveau)
            _el(frbr, "FRBRthis", value=this)
            _el(frbr, "FRBRuri", value=uri)
            if niveau == "FRBRWork":
                _el(frbr, "FRBRalias", value=naam, name="citeertitel")
            _el(frbr, "FRBRdate", date=datum_, name="geldig" if niveau != "FRBRManifestation" else "gemaakt")
            _el(frbr, "FRBRauthor", href=auteur)
            if niveau == "FRBRWork":
                _el(frbr, "FRBRcountry", value="nl")
                _el(frbr, "FRBRsubtype", value="ministeriele-regeling")
            if niveau == "FRBRExpression":
                _el(frbr, "FRBRlanguage", language="nld")
        return meta

    def _references(self, meta: Any, minister: str) -> None:
        if self.mods:
            analysis = _el(meta, "analysis", source="#meerzorg")
            active = _el(analysis, "activeModifications")
            for eid, m in self.mods:
                soort = MOD_TYPES[m.soort]
                if soort is None:
                    continue
                tm = _el(active, "textualMod", type=soort, eId=f"{eid}__tmod")
                _el(tm, "source", href=f"#{eid}")
                doel = next((p for p in m.zin if isinstance(p, Cite)), None)
                _el(tm, "destination", href=self._href(doel) if doel else "#")
        refs = _el(meta, "references", source="#meerzorg")
        _el(refs, "TLCOrganization", eId="meerzorg", href="/ontology/organization/meerzorg-law",
            showAs="meerzorg_law")
        _el(refs, "TLCRole", eId="minister", href="/ontology/role/nl/minister", showAs=minister or "De Minister")
        for soort, eid in sorted(self.concepten.items()):
            _el(refs, "TLCConcept", eId=eid, href=f"/ontology/concept/herkomst/{soort}", showAs=soort)
        for key, b in sorted(self.bronnen.items()):
            _el(refs, "TLCReference", eId=f"bron-{_slug(key)}", href=b.adres or f"/ontology/bron/{key}",
                showAs=b.titel, name="bron")
        if self.herkomst:
            prop = _el(meta, "proprietary", source="#meerzorg")
            lijst = etree.SubElement(prop, f"{{{MZ_NS}}}herkomsten", nsmap={"mz": MZ_NS})
            for eid, h in self.herkomst:
                etree.SubElement(lijst, f"{{{MZ_NS}}}herkomst", {
                    "bepaling": f"#{eid}", "soort": h.soort, "bronnen": " ".join(b.key for b in h.bronnen),
                    "noot": xml_tekst(h.noot)})

    def _href(self, c: Cite) -> str:
        r = c.ref
        eid = f"art_{r.artikel}" + (f"__para_{r.lid}" if r.lid else "") + (
            f"__point_{r.onderdeel}" if r.onderdeel else "") + (f"__subpoint_{r.subonderdeel.rstrip('°')}"
                                                                  if r.subonderdeel else "") + (
            f"__point_{term_id(r.begrip)}" if r.begrip else "")
        return f"{frbr_work(c.versie)}/~{eid}"

    def _refers(self, h: Herkomst | None, eid: str) -> dict[str, str]:
        if h is None:
            return {}
        self.herkomst.append((eid, h))
        self.concepten.setdefault(h.soort, f"herkomst-{_slug(h.soort)}")
        for b in h.bronnen:
            self.bronnen.setdefault(b.key, b)
        return {"refersTo": " ".join([f"#herkomst-{_slug(h.soort)}", *(f"#bron-{_slug(b.key)}" for b in h.bronnen)])}

    # ---- the regeling -------------------------------------------------------------------------------
    def act(self, a: Act, root: Any) -> None:
        doc = _el(root, "act", name="regeling", contains="singleVersion")
        meta = self._meta(doc, "act", a.versie, a.geldig_vanaf, a.titel)
        preface = _el(doc, "preface")
        p = _el(preface, "p")
        _el(p, "docTitle", a.titel)
        body = _el(doc, "body")
        for x in (*a.kinderen, *a.bijlagen):
            self.provision(x, body)
        self._references(meta, "")

    def provision(self, p: Provision, parent: Any) -> None:
        if p.status == "lapsed":
            return
        eid = f"{self.prefix}{p.eid}"
        attrs = {"eId": eid, **self._refers(p.herkomst, eid)}
        if p.soort == "annex":
            attrs["name"] = "bijlage"
        el = _el(parent, _ELEMENT[p.soort], **attrs)
        if p.soort == "definition":  # a begrip of a begrippenlijst has no number: "<def>term</def>: omschrijving"
            zin = _el(_el(el, "content"), "p")
            _el(zin, "def", p.nummer)
            _append(zin, f": {p.tekst}" if p.tekst else "")
            return
        _el(el, "num", _NUM[p.soort].format(n=p.nummer))
        if p.kop:
            _el(el, "heading", p.kop)
        kinderen = [k for k in p.kinderen if k.status != "lapsed"]
        if kinderen:
            if p.tekst:
                _el(_el(el, "intro"), "p", p.tekst)
            for k in kinderen:
                self.provision(k, el)
        else:
            content = _el(el, "content")
            if p.tekst:
                _el(content, "p", p.tekst)
            for t in p.tabellen:
                self.table(t, content)
            if not len(content):
                _el(content, "p")

    def table(self, t: Table, parent: Any) -> None:
        tabel = _el(parent, "table", eId=f"{self.prefix}tbl_{_slug(t.naam)}")
        kop = _el(tabel, "tr")
        for c in t.kolommen:
            _el(_el(kop, "th"), "p", c)
        for rij in t.rijen:
            tr = _el(tabel, "tr")
            for c in rij:
                _el(_el(tr, "td"), "p", c)

    # ---- the wijzigingsregeling ---------------------------------------------------------------------
    def amendment(self, a: Amendment, root: Any) -> None:
        doc = _el(root, "bill", name="wijzigingsregeling", contains="originalVersion")
        meta = self._meta(doc, "bill", a.versie, a.geldig_vanaf, a.citeertitel)
        preface = _el(doc, "preface")
        _el(_el(preface, "p"), "docTitle", a.titel)
        _el(_el(preface, "p"), "shortTitle", a.citeertitel)
        preamble = _el(doc, "preamble")
        _el(preamble, "p", a.ondertekening)
        if a.aanhef:
            _el(_el(_el(preamble, "citations"), "citation"), "p", a.aanhef)
        _el(_el(preamble, "formula", name="enactingFormula"), "p", "Besluit:")
        body = _el(doc, "body")
        for art in a.artikelen:
            self.article(art, body)
        conclusions = _el(doc, "conclusions")
        _el(conclusions, "p", a.slot)
        _el(_el(_el(conclusions, "blockContainer"), "p"), "signature").append(
            _role(a.ondertekening))
        self.toelichting(a.toelichting, doc)
        self._references(meta, a.ondertekening)

    def article(self, art: AmendmentArticle, body: Any) -> None:
        eid = f"art_{art.nummer}"
        el = _el(body, "article", eId=eid)
        _el(el, "num", f"Artikel {art.nummer}")
        if art.titel:
            _el(el, "heading", art.titel)
        if art.parts:
            if art.leden:
                intro = _el(el, "intro")
                for lid in art.leden:
                    _el(intro, "p", lid)
            for part in art.parts:
                self.part(part, el, eid)
        elif len(art.leden) > 1:
            for n, lid in enumerate(art.leden, 1):
                para = _el(el, "paragraph", eId=f"{eid}__para_{n}")
                _el(para, "num", f"{n}.")
                _el(_el(para, "content"), "p", lid)
        else:
            content = _el(el, "content")
            _el(content, "p", art.leden[0] if art.leden else "")

    def part(self, part: AmendmentPart, parent: Any, parent_eid: str = "") -> None:
        eid = f"{parent_eid}__point_{part.letter}"
        el = _el(parent, "point", eId=eid)
        _el(el, "num", part.letter)
        if len(part.mods) == 1 and not part.tekst:
            self.mod(part.mods[0], _el(_el(el, "content"), "p"), f"{eid}__mod_1")
            return
        if part.tekst:
            _el(_el(el, "intro"), "p", part.tekst)
        for n, m in enumerate(part.mods, 1):
            sub = _el(el, "point", eId=f"{eid}__point_{n}")
            _el(sub, "num", f"{n}.")
            self.mod(m, _el(_el(sub, "content"), "p"), f"{eid}__mod_{n}")

    def mod(self, m: Mod, p: Any, eid: str = "mod") -> None:
        el = _el(p, "mod", eId=eid)
        self.mods.append((eid, m))
        woorden = next((q for q in m.quoted if isinstance(q, QuotedText)), None)
        for deel in m.zin:
            if isinstance(deel, Cite):
                _el(el, "ref", deel.tekst, href=self._href(deel))
            elif woorden is not None and f"“{woorden.oud}”" in deel:
                self.quoted_text(woorden, el, deel)
            else:
                _append(el, deel)
        self.prefix = f"{eid}__qstr__"
        for n, q in enumerate(m.quoted, 1):
            if isinstance(q, Provision):
                self.provision(q, _el(el, "quotedStructure", eId=f"{eid}__qstr_{n}", startQuote="“",
                                      endQuote="”"))
            elif not isinstance(q, QuotedText):
                self.TRANSFORMS[type(q)](self, q, el)
        self.prefix = ""

    def quoted_text(self, q: QuotedText, el: Any, zin: str = "") -> None:
        voor, _, rest = zin.partition(f"“{q.oud}”")
        midden, _, na = rest.partition(f"“{q.nieuw}”")
        _append(el, voor)
        _el(el, "quotedText", q.oud, startQuote="“", endQuote="”")
        _append(el, midden)
        _el(el, "quotedText", q.nieuw, startQuote="“", endQuote="”")
        _append(el, na)

    def row_change(self, r: RowChange, el: Any) -> None:
        wat = {"luidt": "komt te luiden", "vervalt": "vervalt", "toegevoegd": "wordt toegevoegd"}[r.soort]
        _append(el, f" De rij {r.key} {wat}" + (": " if r.cellen else "."))
        if r.cellen:
            _el(el, "quotedText", " | ".join(r.cellen), startQuote="“", endQuote="”")
            _append(el, ".")

    def data_change(self, d: DataChange, el: Any) -> None:
        for z in d.zinnen:
            _append(el, " ")
            _el(el, "quotedText", z)

    def toelichting(self, t: Toelichting, doc: Any) -> None:
        """The toelichting as the bill's attachment: a ``doc`` named toelichting with its own FRBR."""
        att = _el(_el(doc, "attachments"), "attachment", eId="att_1")
        sub = _el(att, "doc", name="toelichting")
        meta = _el(sub, "meta")
        ident = _el(meta, "identification", source="#meerzorg")
        for niveau, suffix in (("FRBRWork", ""), ("FRBRExpression", ""), ("FRBRManifestation", ".xml")):
            frbr = _el(ident, niveau)
            _el(frbr, "FRBRthis", value=f"{self.uri}/toelichting{suffix}")
            _el(frbr, "FRBRuri", value=f"{self.uri}/toelichting")
            _el(frbr, "FRBRdate", date="2000-01-01" if self.gemaakt is None else self.gemaakt.isoformat(),
                name="gemaakt")
            _el(frbr, "FRBRauthor", href="#minister")
            if niveau == "FRBRWork":
                _el(frbr, "FRBRcountry", value="nl")
            if niveau == "FRBRExpression":
                _el(frbr, "FRBRlanguage", language="nld")
        main = _el(sub, "mainBody")
        for kop, alineas in (("Algemeen", t.algemeen), *t.artikelsgewijs):
            blok = _el(main, "hcontainer", name="toelichting", eId=f"att_1__hcontainer_{_slug(kop)}")
            _el(blok, "heading", kop)
            content = _el(blok, "content")
            for delen in alineas:
                p = _el(content, "p")
                for d in delen:
                    if isinstance(d, str):
                        _append(p, d)
                    else:
                        self.bronnen.setdefault(d.key, d)
                        _append(p, " ")
                        _el(p, "ref", d.titel, href=d.adres or f"/ontology/bron/{d.key}")
            if not len(content):
                _el(content, "p")

    TRANSFORMS: ClassVar[dict[type, Callable[..., Any]]] = {
        Act: act, Provision: provision, Table: table, Amendment: amendment, AmendmentArticle: article,
        AmendmentPart: part, Mod: mod, QuotedText: quoted_text, RowChange: row_change, DataChange: data_change,
        Toelichting: toelichting}


def _role(tekst: str) -> Any:
    el = etree.Element(_A + "role", refersTo="#minister")
    el.text = xml_tekst(tekst)
    return el
