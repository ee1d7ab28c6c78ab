"""Writes docs/impact.rst (the impact tables) and docs/_static/impact.svg (the plot) from a seeded population.

    python benchmarks/impact_plot.py [--n 100000] [--seed 2026]

Needs the ``docs`` extra (matplotlib). Every version of the bundled regeling/ is compared with rlz-2026;
while regeling/ holds rlz-2026 alone, the test variant under tests/impact/data stands in. The same seed gives
the same page and the same image, byte for byte (the SVG carries no date and a fixed hash salt).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from meerzorg_law.impact.assumptions import load_assumptions  # noqa: E402
from meerzorg_law.impact.population import LEEFTIJDSGROEPEN, Population  # noqa: E402
from meerzorg_law.impact.report import ImpactReport, impact_report  # noqa: E402
from meerzorg_law.render.impact import impact_rst  # noqa: E402
from meerzorg_law.semantics.pipeline import load_bundle  # noqa: E402

BASIS = "rlz-2026"
IMAGE = "_static/impact.svg"

INTRO = """\
Impact van de versies
=====================

Wat verandert er voor wie? Een synthetische populatie van Wlz-cliënten voor wie meerzorg speelt, gaat door
{basis} en door elke andere versie van de meegeleverde regeling. Per cliënt telt één soort verandering:
*krijgt* (meerzorg onwaar naar waar), *verliest* (waar naar onwaar), een andere *grondslag*, andere *uren*
(zelfde grondslag, ander aantal uren meerzorg per week) of, bij een afwijzing in beide versies, een andere
*reden*. De uren per week zijn de optelling van ``meerzorg_uren_per_week`` over alle cliënten.

De populatie ({n} cliënten, seed {seed}, peildatum {peildatum}) volgt de aannames in het gegevensbestand
``regeling/populatie.toml``, waar elk aandeel met zijn herkomst staat en dat een opsteller kan aanpassen (of
vervangen met ``--populatie``): vooral VG (VG7 voorop), meestal in een instelling, EMB-kinderen (VG8) vaak thuis
met een pgb, uren rond de bekostigingsuren met de zone rond de 25%-drempel goed gevuld. Het aandeel met een
bijzondere zorgbehoefte hangt af van het referentiekader van de versie. De aantallen zijn die van de
steekproef, geen voorspelling van echte aantallen; de marges (±) zijn 95%-intervallen van de steekproef.

Opnieuw maken (met de extra ``docs``, voor matplotlib)::

    python benchmarks/impact_plot.py --n {n_arg} --seed {seed}

Of voor één paar versies op de opdrachtregel::

    meerzorg impact {basis} {voorbeeld} --n {n_arg} --seed {seed}

.. figure:: {image}
   :alt: Aandeel cliënten met meerzorg per leveringsvorm en verandering van de uren per leeftijdsgroep
   :figclass: rlz-breed-figuur

   Links: het aandeel cliënten met meerzorg per leveringsvorm, in {basis} en in elke andere versie. Rechts:
   hoeveel procent de uren meerzorg per week per leeftijdsgroep veranderen ten opzichte van {basis}.

"""


def _plot(reports: list[ImpactReport], path: Path) -> None:
    """Left: share of clients with meerzorg per leveringsvorm, before and under each version. Right: change of
    the meerzorg hours per week against the basis, per age group (where the home changes show)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matplotlib.rcParams["svg.hashsalt"] = "meerzorg"
    colours = ["#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    vormen = ["verblijf", "vpt", "mpt", "pgb"]
    width = 0.8 / (len(reports) + 1)
    base = {g.naam: g for g in reports[0].indelingen["leveringsvorm"]}
    xs = range(len(vormen))
    left.bar([x - 0.4 + width / 2 for x in xs], [base[v].aandeel(base[v].meerzorg_voor) for v in vormen], width,
             label=BASIS, color="#4c72b0")
    for i, r in enumerate(reports, start=1):
        groups = {g.naam: g for g in r.indelingen["leveringsvorm"]}
        left.bar([x - 0.4 + width / 2 + i * width for x in xs],
                 [groups[v].aandeel(groups[v].meerzorg_na) for v in vormen], width, label=r.nieuw,
                 color=colours[(i - 1) % len(colours)])
    left.set_xticks(list(xs), vormen)
    left.set_ylabel("% van de cliënten met meerzorg")
    left.set_title("Cliënten met meerzorg, per leveringsvorm")
    left.legend(frameon=False, fontsize="small")
    ages = list(LEEFTIJDSGROEPEN)
    width = 0.8 / len(reports)
    xs = range(len(ages))
    for i, r in enumerate(reports):
        groups = {g.naam: g for g in r.indelingen["leeftijdsgroep"]}
        change = [100.0 * float(groups[a].uren_na - groups[a].uren_voor) / float(groups[a].uren_voor)
                  if a in groups and groups[a].uren_voor else 0.0 for a in ages]
        right.bar([x - 0.4 + width / 2 + i * width for x in xs], change, width, label=r.nieuw,
                  color=colours[i % len(colours)])
    right.axhline(0, color="black", linewidth=0.8)
    right.set_xticks(list(xs), ages)
    right.set_xlabel("leeftijd (jaren)")
    right.set_ylabel(f"% verandering t.o.v. {BASIS}")
    right.set_title("Uren meerzorg per week, per leeftijdsgroep")
    for ax in (left, right):
        ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="svg", metadata={"Date": None})
    plt.close(fig)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=2026)
    args = p.parse_args()
    bundle = load_bundle(ROOT / "regeling")
    if not bundle.ok:
        print("de meegeleverde regeling heeft fouten; eerst `meerzorg check`", file=sys.stderr)
        return 2
    versions = dict(bundle.versions)
    others = [v for v in versions if v != BASIS]
    if not others:
        versions.update(load_bundle(ROOT / "regeling" / "rlz-2026.rgl", ROOT / "tests" / "impact" / "data").versions)
        others = ["rlz-2026-zonder-toezicht"]
    assumptions = dataclasses.replace(load_assumptions(ROOT / "regeling" / "populatie.toml"),
                                      path="regeling/populatie.toml")
    reports = [impact_report(versions[BASIS], versions[v],
                             Population(args.n, args.seed, assumptions, versions[BASIS], versions[v]))
               for v in others]
    docs = ROOT / "docs"
    _plot(reports, docs / IMAGE)
    page = INTRO.format(basis=BASIS, n=f"{args.n:,}".replace(",", "."), n_arg=args.n, seed=args.seed,
                        peildatum=assumptions.peildatum.isoformat(),
                        voorbeeld="rlz-2027" if "rlz-2027" in others else others[0], image=IMAGE)
    for r in reports:
        title = f"{BASIS} naar {r.nieuw}"
        page += f"{title}\n{'-' * len(title)}\n\n{impact_rst(r)}\n"
        if r.grondslag_overgangen or r.reden_overgangen:
            page += ".. list-table:: Overgangen (voor -> na)\n   :header-rows: 1\n\n   * - uitkomst\n" \
                    "     - voor\n     - na\n     - cliënten\n"
            for what, pairs in (("grondslag", r.grondslag_overgangen), ("reden", r.reden_overgangen)):
                for a, b, k in pairs:
                    page += f"   * - {what}\n     - {a}\n     - {b}\n     - {k:,}\n".replace(",", ".")
            page += "\n"
    (docs / "impact.rst").write_text(page, encoding="utf-8")
    print(f"geschreven: docs/impact.rst, docs/{IMAGE} ({', '.join(r.nieuw for r in reports)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
