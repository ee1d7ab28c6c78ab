"""Shared for the attack tests: a tiny regeling whose labels, titels and teksten an attacker chooses."""

from __future__ import annotations

from pathlib import Path

SJABLOON = '''regeling "Aanval"
versie a-1
geldig vanaf 2026-01-01
gegevens
  enumeratie reden """{waardelabel}"""
    waarde ja """{waardelabel}"""
    waarde nee "nee"
  invoer uren: decimaal van 0 tot en met 168 """{invoerlabel}"""
  uitkomst recht: waar/onwaar standaard onwaar """{uitkomstlabel}"""
  uitkomst reden: reden standaard nee """{uitkomstlabel}"""
artikel 1 """{titel}"""
  lid 1
    tekst """{tekst}"""
    regel: recht is waar, reden is ja indien uren >= 10
bijlage A """{titel}"""
  tekst """{tekst}"""
'''


def regeling_tekst(label: str = "label", titel: str = "titel", tekst: str = "tekst") -> str:
    """The regeling with ``label`` on every fact, outcome and value, ``titel`` on the artikel and the bijlage."""
    return SJABLOON.format(waardelabel=label, invoerlabel=label, uitkomstlabel=label, titel=titel, tekst=tekst)


def schrijf_regeling(map_: Path, **kwargs: str) -> Path:
    map_.mkdir(parents=True, exist_ok=True)
    path = map_ / "aanval.rgl"
    path.write_text(regeling_tekst(**kwargs), encoding="utf-8")
    return path
