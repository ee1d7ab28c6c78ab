"""The document model as HTML for WeasyPrint (the PDF), registered as format ``pdf``: the same text as the
.docx, the renvooi with <del> and <ins>. Every value goes through ``_e`` (html.escape)."""

from __future__ import annotations

import re
from html import escape
from typing import Any

from ..document.formats import Blok, Generator, Run, register

__all__ = ["HtmlFormat"]

_CSS = """
@page { size: A4; margin: 2.5cm 2cm; @bottom-center { content: counter(page); font-size: 8pt; } }
body { font-family: Verdana, "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.45; }
h1 { font-size: 13pt; } h2 { font-size: 10.5pt; margin: 1.2em 0 0.3em; } h3 { font-size: 9.5pt; }
p.d1 { margin-left: 1cm; } p.d2 { margin-left: 2cm; } p.d3 { margin-left: 3cm; }
p.klein, p.noot { font-size: 8pt; } p.citaatkop { font-weight: bold; } .pagina { page-break-before: always; }
table { border-collapse: collapse; font-size: 8pt; } td { border: 0.5pt solid #888; padding: 2pt 4pt; }
del { color: #b00; } ins { color: #060; }
"""


def _e(s: str) -> str:
    """The one escaping function of this format."""
    return escape(s, quote=True)


def _runs(runs: tuple[Run, ...]) -> str:
    out = []
    for r in runs:
        t = _e(r.tekst) + (f"<sup>{r.noot}</sup>" if r.noot else "")
        out.append(t if r.soort == "gelijk" else f"<{'ins' if r.soort == 'nieuw' else 'del'}>{t}"
                                                   f"</{'ins' if r.soort == 'nieuw' else 'del'}>")
    return "".join(out)


@register("pdf")
class HtmlFormat(Generator):
    """``render`` gives the HTML page; ``export.write.pdf_bytes`` turns it into a PDF."""

    def layout(self, blokken: list[Blok]) -> str:
        delen: list[str] = []
        pagina = False
        for b in blokken:
            if b.stijl == "pagina":
                pagina = True
                continue
            cls = " pagina" if pagina else ""
            pagina = False
            if b.stijl == "tabel":
                rijen = "".join("<tr>" + "".join(f"<td>{_runs(c)}</td>" for c in rij) + "</tr>" for rij in b.cellen)
                delen.append(f'<table class="{cls}">{rijen}</table>')
            elif b.stijl in ("titel", "kop"):
                tag = "h1" if b.stijl == "titel" else f"h{2 + min(b.diepte, 1)}"
                delen.append(f'<{tag} class="{cls}">{_runs(b.runs)}</{tag}>')
            else:
                delen.append(f'<p class="{_e(b.stijl)} d{b.diepte}{cls}">{_runs(b.runs)}</p>')
        titel = blokken[0].tekst() if blokken else ""
        return (f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{_e(titel)}</title>'
                f"<style>{_CSS}</style></head><body>{chr(10).join(delen)}</body></html>")

    @classmethod
    def als_tekst(cls, out: Any) -> str:
        from html import unescape
        return unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", str(out), flags=re.S)))
