"""``.. rlz:rekenhulp::`` — the rekenhulp for clients and parents: plain questions, an answer per version.

The questions are the facts the outcomes of any version can read (``javascript.feiten_van``), asked by their
labels; the answers come from the rules compiled to JavaScript (``javascript.programma``), which
``schrijf_regels`` writes to ``_static/rekenhulp-regels.js`` after an HTML build, together with what the page
shows: each version's title, the labels of the outcomes and their values, and per rule why it decided, in the
sentences of ``render.waarom`` (``_waarom``, the one place that uses them). The page itself only loads
that file and ``rekenhulp.js`` from ``_static``: nothing is sent anywhere, no external script or font.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import logging

from .. import ir
from ..escape import html
from ..javascript import NietOndersteund, feiten_van, js, programma
from ..output import OutputError, write_text_atomic
from ..render.waarom import redenen_van
from ..types import TypeKind
from ..values import format_value
from .basis import RegelingBasis, versie_soort, versie_titel
from .sitedata import SiteData, bewaard, laad_regeling

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

__all__ = ["RekenhulpDirective", "rekenhulp", "schrijf_regels", "versie_titel", "vraagzin"]

logger = logging.getLogger(__name__)

REGELS = "rekenhulp-regels.js"
_ZONDER_JS = ("Deze rekenhulp rekent in uw eigen browser en heeft daarvoor JavaScript nodig; er wordt niets "
              "verstuurd. Zet JavaScript aan en laad de pagina opnieuw. Kan dat niet, kijk dan bij de Casussen "
              "(bijvoorbeeld een kind dat thuis opgroeit) of vraag het zorgkantoor.")


class rekenhulp(nodes.General, nodes.Element):  # docutils node classes are lower case
    """The form: ``vragen`` (one dict per fact), ``voorbeelden`` ((text, fragment) pairs), ``static`` (the
    relative path to ``_static/``)."""


_WERKWOORD = re.compile(r"(.*?)\[([^\]]+)\]\s*(.*)")


def vraagzin(f: ir.FactDecl) -> str:
    """The question for a fact, made from the clause it declares (``zin``): a waar/onwaar fact with its verb in
    front ("Is het zorgprofiel het best passende zorgprofiel?"), any other by its noun phrase ("Wat is de leeftijd
    van de verzekerde?"); a fact without a clause by its label."""
    tekst = f.zin.tekst if f.zin is not None else ""
    m = _WERKWOORD.fullmatch(tekst)
    if m:
        werkwoord = m.group(2)
        return " ".join(w for w in (werkwoord[:1].upper() + werkwoord[1:], m.group(1).strip(), m.group(3).strip())
                        if w) + "?"
    if tekst:
        return f"Wat is {tekst}?"
    label = f.label or f.name.replace("_", " ")
    return label[:1].upper() + label[1:] + ("?" if f.type.kind is TypeKind.BOOL else "")


def _vragen(data: SiteData) -> list[dict[str, Any]]:
    """One question per fact any version's outcomes read, in declaration order (``vraagzin``), with its label
    and what to type as the hint."""
    vragen: dict[str, dict[str, Any]] = {}
    regs = [data.bundle.versions[vid] for vid in data.versie_ids]
    gelezen = {name for reg in regs for name in feiten_van(reg)}
    for reg in regs:
        for name in reg.facts:  # in declaration order: a fact only 2027 reads stays where 2026 declares it
            if name in vragen or name not in gelezen:
                continue
            f = reg.facts[name]
            hints = [f.label] if f.label and f.zin is not None and f.type.kind is not TypeKind.BOOL else []
            vraag: dict[str, Any] = {"naam": name, "soort": f.type.kind.value, "vraag": vraagzin(f),
                                     "optioneel": f.optioneel, "opties": []}
            if f.type.kind is TypeKind.ENUM:
                e = reg.enums[f.type.enum]
                vraag["opties"] = [(w, _optie(w, lab)) for w, lab in zip(e.values, e.labels, strict=True)]
            if f.type.kind is TypeKind.UREN:
                hints.append("in uren en minuten, bijvoorbeeld 12:30")
            if f.bereik is not None and f.type.kind in (TypeKind.GEHEEL, TypeKind.DECIMAAL, TypeKind.UREN):
                lo, hi = (format_value(x) for x in f.bereik)
                hints.append(f"van {lo} tot en met {hi}")
            if f.optioneel:
                hints.append("laat leeg als het niet van toepassing is of als u het niet weet")
            vraag["hint"] = "; ".join(hints)
            vragen[name] = vraag
    return list(vragen.values())


def _optie(waarde: str, label: str) -> str:
    """An enumeration value as an option: the code a letter shows (VG7) with its label, or the label alone."""
    return label if not label or "_" in waarde or waarde.islower() else f"{waarde}: {label}"


def _waarom(reg: ir.Regeling) -> tuple[list[int], list[dict[str, Any]]]:
    """Per rule (by its index in ``reg.rules``, as the trace names it) the index of its reason: the provision
    and, as sentences of ``render.waarom.redenen_van``, what held when it decided (every condition, a ``tenzij``
    one negated, one sentence per part of an "en"); once per rule, since a rule that sets five outcomes is one
    reason. The one place that asks the sentence generator for the rekenhulp."""
    redenen: list[dict[str, Any]] = []
    per_id: dict[int, int] = {}
    waarom = []
    for rule in reg.rules:
        if rule.id not in per_id:
            citaat = rule.provision.citeer()
            zinnen = list(redenen_van(reg, rule))
            per_id[rule.id] = len(redenen)
            redenen.append({"bepaling": citaat[:1].upper() + citaat[1:], "redenen": zinnen})
        waarom.append(per_id[rule.id])
    return waarom, redenen


def _pagina(data: SiteData) -> dict[str, Any]:
    """What the page shows besides the rules: titles, labels of outcomes and values, the why of each rule."""
    versies = []
    for vid in data.versie_ids:
        reg = data.bundle.versions[vid]
        uitkomsten = []
        for name, o in reg.outcomes.items():
            waarden = {}
            if o.type.kind is TypeKind.ENUM:
                e = reg.enums[o.type.enum]
                waarden = dict(zip(e.values, e.labels, strict=True))
            uitkomsten.append({"naam": name, "label": o.label or name.replace("_", " "), "soort": o.type.kind.value,
                               "waarden": waarden})
        waarom, zinnen = _waarom(reg)
        versies.append({"id": vid, "titel": versie_titel(data, vid), "soort": versie_soort(data, vid),
                        "geldig_vanaf": reg.geldig_vanaf.isoformat(), "uitkomsten": uitkomsten,
                        "waarom": waarom, "zinnen": zinnen})
    return {"versies": versies}


class RekenhulpDirective(RegelingBasis):
    has_content = False

    def vinger(self) -> tuple[str, tuple[str, ...]]:
        return "werking", ()

    def bouw(self) -> list[nodes.Node]:
        data = self.data("regeling")
        if data is None:
            return []
        node = rekenhulp()
        node["vragen"] = _vragen(data)
        node["voorbeelden"] = [(str(v["tekst"]), _fragment(v["feiten"]))
                               for v in self.config.meerzorg_rekenhulp_voorbeelden]
        node["static"] = "../" * self.env.docname.count("/") + "_static/"
        return [node]


def _fragment(feiten: dict[str, object]) -> str:
    """Facts as the part after ``#``: the browser never sends it to the server."""
    from urllib.parse import urlencode

    return "#" + urlencode({k: ("ja" if v is True else "nee" if v is False else str(v)) for k, v in feiten.items()})


# ---- HTML -------------------------------------------------------------------------------------------


def visit_rekenhulp(self: HTML5Translator, node: nodes.Element) -> None:
    e = a = html  # one escaping function for HTML text and attributes (quotes, control characters)
    out = [f'<noscript><p class="rk-zonder-js admonition warning">{e(_ZONDER_JS)}</p></noscript>',
           '<div class="rk" id="rk" hidden>']
    if node["voorbeelden"]:
        out.append('<p class="rk-voorbeelden">Probeer een voorbeeld:</p><ul class="rk-voorbeelden">')
        out += [f'<li><a class="rk-voorbeeld" href="{a(frag)}">{e(tekst)}</a></li>'
                for tekst, frag in node["voorbeelden"]]
        out.append("</ul>")
    out.append('<form id="rk-vragen" class="rk-vragen" autocomplete="off">')
    for v in node["vragen"]:
        out.append(_vraag_html(self, v))
    out.append('<p><button type="submit" class="rk-knop">Bereken</button></p></form>'
               '<div id="rk-antwoord" class="rk-antwoord" aria-live="polite"></div></div>')
    for script in (REGELS, "rekenhulp.js"):
        out.append(f'<script src="{a(node["static"] + script)}"></script>')
    self.body.append("".join(out))
    raise nodes.SkipNode


def _vraag_html(self: HTML5Translator, v: dict[str, Any]) -> str:
    e = a = html  # one escaping function for HTML text and attributes (quotes, control characters)
    veld = f"rk-{v['naam']}"
    hint = f'<span class="rk-hint" id="{a(veld)}-hint">{e(v["hint"])}</span>' if v.get("hint") else ""
    described = f' aria-describedby="{a(veld)}-hint"' if v.get("hint") else ""
    naam = a(v["naam"])
    soort = TypeKind(v["soort"])  # the page data keeps the kind's text for the page's script
    if soort is TypeKind.BOOL:
        keuzes = "".join(f'<label><input type="radio" name="{naam}" value="{w}"> {t}</label>'
                         for w, t in (("ja", "ja"), ("nee", "nee")))
        return (f'<fieldset class="rk-vraag"><legend>{e(v["vraag"])}</legend>{keuzes}{hint}</fieldset>')
    label = f'<label for="{a(veld)}">{e(v["vraag"])}</label>'
    if soort is TypeKind.ENUM:
        opties = '<option value="">(kies)</option>' + "".join(
            f'<option value="{a(w)}">{e(t)}</option>' for w, t in v["opties"])
        control = f'<select id="{a(veld)}" name="{naam}"{described}>{opties}</select>'
    elif soort is TypeKind.DATUM:
        control = f'<input type="date" id="{a(veld)}" name="{naam}"{described}>'
    else:  # uren are written with a colon (12:30), which a number keyboard lacks
        mode = {TypeKind.GEHEEL: ' inputmode="numeric"', TypeKind.DECIMAAL: ' inputmode="decimal"'}.get(soort, "")
        control = f'<input type="text"{mode} id="{a(veld)}" name="{naam}"{described}>'
    return f'<div class="rk-vraag">{label}{control}{hint}</div>'


def depart_rekenhulp(self: HTML5Translator, node: nodes.Element) -> None:
    pass


def alleen_html(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: other builders get a sentence instead of the form."""
    if app.builder.format == "html":
        return
    for node in list(doctree.findall(rekenhulp)):
        node.replace_self(nodes.paragraph("", "De rekenhulp staat op de website (HTML) van deze documentatie."))


def schrijf_regels(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the rules of every version and the page's texts as ``_static/rekenhulp-regels.js``;
    the text is kept between builds on the regeling's files (``sitedata.bewaard``): after a changed case or
    nothing changed it is not made again (0,1-0,25 s a build)."""
    if exception is not None or app.builder.format != "html":
        return
    data = laad_regeling(app.config.meerzorg_regeling)
    if data.errors:
        return
    try:
        tekst = str(bewaard("rekenhulp", data.bestanden_vinger(), lambda: (
            programma({vid: data.bundle.versions[vid] for vid in data.versie_ids})
            + f"RK.pagina={js(_pagina(data))};\n")))
    except NietOndersteund as err:
        logger.warning("de rekenhulp kan niet worden gemaakt: %s", err, type="rlz", subtype="rekenhulp")
        return
    try:
        write_text_atomic(Path(app.outdir) / "_static" / REGELS, tekst)
    except OutputError as err:
        logger.warning("%s", err, type="rlz", subtype="rekenhulp")
