"""Paragraphs -> HTML for WeasyPrint (the PDF): the same text as the .docx, the renvooi with <del> and <ins>."""

from __future__ import annotations

from html import escape

from .model import Alinea, RenvooiAlinea

__all__ = ["html_document", "renvooi_html"]

_CSS = """
@page { size: A4; margin: 2.5cm 2cm; @bottom-center { content: counter(page); font-size: 8pt; } }
body { font-family: Verdana, "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.45; }
h1 { font-size: 13pt; } h2 { font-size: 10.5pt; margin: 1.2em 0 0.3em; }
p.citaat { margin-left: 1cm; } p.citaat2 { margin-left: 2cm; } p.klein { font-size: 8pt; }
table { border-collapse: collapse; font-size: 8pt; } td { border: 0.5pt solid #888; padding: 2pt 4pt; }
del { color: #b00; } ins { color: #060; }
"""


def _pagina(titel: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{escape(titel)}</title>'
            f"<style>{_CSS}</style></head><body>{body}</body></html>")


def _tag(stijl: str) -> tuple[str, str]:
    return {"titel": ("h1", ""), "kop": ("h2", "")}.get(stijl, ("p", f' class="{stijl}"'))


def html_document(alineas: list[Alinea]) -> str:
    delen: list[str] = []
    rijen: list[str] = []
    for a in [*alineas, Alinea("", "")]:
        if a.stijl == "tabelrij":
            rijen.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in a.tekst.split("\t")) + "</tr>")
            continue
        if rijen:
            delen.append("<table>" + "".join(rijen) + "</table>")
            rijen = []
        if a.stijl:
            tag, attr = _tag(a.stijl)
            delen.append(f"<{tag}{attr}>{escape(a.tekst)}</{tag}>")
    return _pagina(alineas[0].tekst if alineas else "", "\n".join(delen))


def renvooi_html(alineas: list[RenvooiAlinea]) -> str:
    delen = []
    for a in alineas:
        tag, attr = _tag(a.stijl)
        inhoud = "".join(escape(r.tekst) if r.soort == "gelijk" else
                         f"<{'ins' if r.soort == 'nieuw' else 'del'}>{escape(r.tekst)}"
                         f"</{'ins' if r.soort == 'nieuw' else 'del'}>" for r in a.runs)
        delen.append(f"<{tag}{attr}>{inhoud}</{tag}>")
    titel = alineas[0].nieuw() if alineas else ""
    return _pagina(f"{titel} (renvooi)", "\n".join(delen))
