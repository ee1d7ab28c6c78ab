"""``.. rlz:rekenhulp::`` — the rekenhulp for clients and parents: plain questions, an answer per version.

The questions are the facts the outcomes of any version can read (``javascript.feiten_van``), asked by their
labels; the answers come from the rules compiled to JavaScript (``javascript.programma``), which
``schrijf_regels`` writes to ``_static/rekenhulp-regels.js`` after an HTML build, together with what the page
shows: each version's title, the labels of the outcomes and their values, and per rule why it decided, in the
sentences of ``render.rule_text`` (``_waarom``, the one place that uses them). The page itself only loads
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
from ..render.rule_text import uitdrukking
from ..render.waarden import datum
from ..syntax.ast import Wijzigingsregeling
from ..values import format_value
from .basis import RegelingBasis, versie_soort
from .sitedata import SiteData, laad_regeling

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

__all__ = ["RekenhulpDirective", "rekenhulp", "schrijf_regels", "versie_titel"]

logger = logging.getLogger(__name__)

REGELS = "rekenhulp-regels.js"
_ZONDER_JS = ("Deze rekenhulp rekent in uw eigen browser en heeft daarvoor JavaScript nodig; er wordt niets "
              "verstuurd. Zet JavaScript aan en laad de pagina opnieuw. Kan dat niet, kijk dan bij de Casussen "
              "(bijvoorbeeld een kind dat thuis opgroeit) of vraag het zorgkantoor.")


class rekenhulp(nodes.General, nodes.Element):  # docutils node classes are lower case
    """The form: ``vragen`` (one dict per fact), ``voorbeelden`` ((text, fragment) pairs), ``static`` (the
    relative path to ``_static/``)."""


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


def _vragen(data: SiteData) -> list[dict[str, Any]]:
    """One question per fact any version's outcomes read, in declaration order, by its label."""
    vragen: dict[str, dict[str, Any]] = {}
    for vid in data.versie_ids:
        reg = data.bundle.versions[vid]
        for name in feiten_van(reg):
            if name in vragen:
                continue
            f = reg.facts[name]
            label = f.label or name.replace("_", " ")
            vraag: dict[str, Any] = {"naam": name, "soort": f.type.kind, "vraag": label[0].upper() + label[1:],
                                     "optioneel": f.optioneel, "opties": []}
            if f.type.kind == "enum":
                e = reg.enums[f.type.enum]
                vraag["opties"] = [(w, _optie(w, lab)) for w, lab in zip(e.values, e.labels, strict=True)]
            if f.type.kind == "uren":
                vraag["hint"] = "in uren en minuten, bijvoorbeeld 12:30"
            if f.bereik is not None and f.type.kind in ("geheel", "decimaal", "uren"):
                lo, hi = (format_value(x) for x in f.bereik)
                vraag["hint"] = f"{vraag.get('hint', 'een getal')}, van {lo} tot en met {hi}" + (
                    ", bijvoorbeeld 12,5" if f.type.kind == "decimaal" else "")
            if f.optioneel:
                vraag["hint"] = "laat leeg als het niet van toepassing is of als u het niet weet"
            vragen[name] = vraag
    return list(vragen.values())


def _optie(waarde: str, label: str) -> str:
    """An enumeration value as an option: the code a letter shows (VG7) with its label, or the label alone."""
    return label if not label or "_" in waarde or waarde.islower() else f"{waarde}: {label}"


def _waarom(reg: ir.Regeling) -> tuple[list[int], list[dict[str, Any]]]:
    """Per rule (by its index in ``reg.rules``, as the trace names it) the index of its reason: the provision
    and, as sentences of ``render.rule_text``, what held when it decided (every condition, a ``tenzij`` one
    negated); once per rule, since a rule that sets five outcomes is one reason. The one place that asks the
    sentence generator for the rekenhulp."""
    redenen: list[dict[str, Any]] = []
    per_id: dict[int, int] = {}
    waarom = []
    for rule in reg.rules:
        if rule.id not in per_id:
            citaat = rule.provision.citeer()
            zinnen = [uitdrukking(reg, ir.Unary("niet", c.expr, c.expr.type, c.expr.span) if c.tenzij else c.expr)
                      for c in rule.conditions]
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
            if o.type.kind == "enum":
                e = reg.enums[o.type.enum]
                waarden = dict(zip(e.values, e.labels, strict=True))
            uitkomsten.append({"naam": name, "label": o.label or name.replace("_", " "), "soort": o.type.kind,
                               "waarden": waarden})
        waarom, zinnen = _waarom(reg)
        versies.append({"id": vid, "titel": versie_titel(data, vid), "soort": versie_soort(data, vid),
                        "geldig_vanaf": reg.geldig_vanaf.isoformat(), "uitkomsten": uitkomsten,
                        "waarom": waarom, "zinnen": zinnen})
    return {"versies": versies}


class RekenhulpDirective(RegelingBasis):
    has_content = False

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
    if v["soort"] == "bool":
        keuzes = "".join(f'<label><input type="radio" name="{naam}" value="{w}"> {t}</label>'
                         for w, t in (("ja", "ja"), ("nee", "nee")))
        return (f'<fieldset class="rk-vraag"><legend>{e(v["vraag"])}?</legend>{keuzes}{hint}</fieldset>')
    label = f'<label for="{a(veld)}">{e(v["vraag"])}</label>'
    if v["soort"] == "enum":
        opties = '<option value="">(kies)</option>' + "".join(
            f'<option value="{a(w)}">{e(t)}</option>' for w, t in v["opties"])
        control = f'<select id="{a(veld)}" name="{naam}"{described}>{opties}</select>'
    elif v["soort"] == "datum":
        control = f'<input type="date" id="{a(veld)}" name="{naam}"{described}>'
    else:  # uren are written with a colon (12:30), which a number keyboard lacks
        mode = {"geheel": ' inputmode="numeric"', "decimaal": ' inputmode="decimal"'}.get(v["soort"], "")
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
    """``build-finished``: the rules of every version and the page's texts as ``_static/rekenhulp-regels.js``."""
    if exception is not None or app.builder.format != "html":
        return
    data = laad_regeling(app.config.meerzorg_regeling)
    if data.errors:
        return
    try:
        tekst = (programma({vid: data.bundle.versions[vid] for vid in data.versie_ids})
                 + f"RK.pagina={js(_pagina(data))};\n")
    except NietOndersteund as err:
        logger.warning("de rekenhulp kan niet worden gemaakt: %s", err, type="rlz", subtype="rekenhulp")
        return
    try:
        write_text_atomic(Path(app.outdir) / "_static" / REGELS, tekst)
    except OutputError as err:
        logger.warning("%s", err, type="rlz", subtype="rekenhulp")
