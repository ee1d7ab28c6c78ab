"""Arrange the rules of each outcome into a default-logic tree from their "in afwijking van" citations.

An exception citing provision P outranks every rule for the same outcome in P (or inside P). A declared
test order (``rangorde``) ranks the same way without a citation: a rule in an earlier provision of the order
outranks the rules in every later one. Exceptions
with the same targets are siblings; target sets must nest or be disjoint (a laminar family, like Catala's
label tree). The result is checked to contain every rule exactly once.
"""

from __future__ import annotations

import graphlib
from collections import defaultdict

from .. import ir
from ..diagnostics import Diagnostic
from ..span import ProvisionRef

__all__ = ["build_trees"]


def build_trees(outcomes: dict[str, ir.OutcomeDecl], rules: list[ir.Rule], diags: list[Diagnostic],
                rangorden: tuple[ir.Rangorde, ...] = ()) -> dict[str, ir.OutcomeTree]:
    by_outcome: dict[str, list[ir.Rule]] = defaultdict(list)
    for r in rules:
        by_outcome[r.outcome].append(r)
    trees: dict[str, ir.OutcomeTree] = {}
    for name, decl in outcomes.items():
        own = by_outcome.get(name, [])
        if not own and decl.standaard is None:
            diags.append(Diagnostic("E271", decl.span, f"uitkomst '{name}' heeft geen standaard en geen enkele "
                                                       "regel bepaalt haar"))
        trees[name] = ir.OutcomeTree(name, _build_outcome(name, own, diags, rangorden), decl.standaard)
    return trees


def _voorrang(rule: ir.Rule, rangorden: tuple[ir.Rangorde, ...]) -> tuple[ProvisionRef, ...]:
    """The provisions a rule goes before by a declared order: those after the first entry holding it."""
    out: list[ProvisionRef] = []
    for r in rangorden:
        pos = next((i for i, ref in enumerate(r.volgorde) if ref.bevat(rule.provision)), None)
        if pos is not None:
            out += r.volgorde[pos + 1:]
    return tuple(out)


def _build_outcome(outcome: str, rules: list[ir.Rule], diags: list[Diagnostic],
                   rangorden: tuple[ir.Rangorde, ...] = ()) -> tuple[ir.Node, ...]:
    targets: dict[int, frozenset[int]] = {}
    index = {id(r): i for i, r in enumerate(rules)}
    for i, r in enumerate(rules):
        # Only a rule that goes before others (by a rangorde or as an exception) looks at the other rules: a
        # scan of all pairs made this n² (15,000 artikelen of one outcome each 300 rules: 20 s of the front end).
        voor = _voorrang(r, rangorden)
        ranked = frozenset(j for j, other in enumerate(rules)
                           if j != i and any(t.bevat(other.provision) for t in voor)) if voor else frozenset()
        hit = frozenset(j for j, other in enumerate(rules)
                        if j != i and any(t.bevat(other.provision) for t in r.exception_to)) \
            if r.exception_to else frozenset()
        if r.exception_to and not hit:
            cited = " en ".join(t.citeer() for t in r.exception_to)
            diags.append(Diagnostic("E272", r.span, f"deze regel wijkt af van {cited} voor '{outcome}', maar daar "
                                                    f"staat geen regel die '{outcome}' bepaalt"))
            continue
        if hit | ranked:
            targets[i] = hit | ranked
    if _exception_cycles(outcome, rules, targets, diags):
        return ()
    groups: dict[frozenset[int], list[int]] = defaultdict(list)
    for e, s in targets.items():
        groups[s].append(e)
    scopes = list(groups)
    for a in scopes:
        for b in scopes:
            if a is not b and a & b and not (a <= b or b <= a):
                ea, eb = rules[groups[a][0]], rules[groups[b][0]]
                diags.append(Diagnostic(
                    "E273", ea.span, f"de afwijkingen voor '{outcome}' overlappen gedeeltelijk: deze regel en die in "
                                     f"{eb.provision.citeer()} wijken elk af van een deel van dezelfde regels",
                    related=((eb.span, "andere afwijking"),)))
                return tuple(ir.Leaf(r) for r in rules)

    # An exception's targets may hold, next to other rules, a rule that is itself an exception to rules
    # outside them (a chain through another provision): then no ranking exists. Say what to cite as well.
    for scope in scopes:
        for other in scopes:
            inner = scope & frozenset(groups[other])
            if other != scope and inner and not scope <= frozenset(groups[other]) and not other <= scope:
                m = min(inner)
                exc, o = rules[groups[scope][0]], rules[min(other - scope)]
                cited = " en ".join(t.citeer() for t in exc.exception_to)
                diags.append(Diagnostic(
                    "E276", exc.span, f"deze regel wijkt voor '{outcome}' af van {cited}, maar daarin wijkt "
                                    f"{rules[m].provision.citeer()} af van {o.provision.citeer()}, dat erbuiten ligt: "
                                    f"wijk ook af van {o.provision.citeer()}",
                    related=((rules[m].span, "de afwijking binnen het doel"), (o.span, "de regel erbuiten"))))
                return tuple(ir.Leaf(r) for r in rules)

    def node_group(scope: frozenset[int], depth: int) -> ir.Node:
        return ir.Group(build(frozenset(groups[scope]), None, depth + 1), build(scope, scope, depth + 1))

    def build(items: frozenset[int], strict_of: frozenset[int] | None, depth: int) -> tuple[ir.Node, ...]:
        if depth > len(rules) + 2:
            raise _Cycle()
        inside = [s for s in scopes if s <= items and s != strict_of]
        owned = frozenset(e for s in inside for e in groups[s])
        # A group whose targets are themselves exceptions of another group here is built inside that one.
        kept = [s for s in inside if not any(s & frozenset(groups[h]) and not h <= s for h in inside if h != s)]
        maximal = [s for s in kept if not any(s < h for h in kept)]
        covered = frozenset().union(*maximal) if maximal else frozenset()
        nodes: list[ir.Node] = [node_group(s, depth) for s in maximal]
        nodes += [ir.Leaf(rules[i]) for i in sorted(items - covered - owned)]
        return tuple(nodes)

    try:
        result = build(frozenset(range(len(rules))), None, 0)
    except _Cycle:
        diags.append(Diagnostic("E274", rules[min(targets)].span, f"de afwijkingen voor '{outcome}' verwijzen in een "
                                                                  "kring naar elkaar"))
        return ()
    placed = sorted(index[id(r)] for r in _leaves(result))
    if placed != list(range(len(rules))):
        missing = [rules[i] for i in range(len(rules)) if placed.count(i) != 1]
        r = missing[0] if missing else rules[0]
        diags.append(Diagnostic("E275", r.span, f"kan de rangorde van de regels voor '{outcome}' niet bepalen "
                                                "(een afwijking van een afwijking die niet in haar doel ligt?)",
                                related=tuple((m.span, "deze regel") for m in missing[1:4])))
    return result


class _Cycle(Exception):
    pass


def _exception_cycles(outcome: str, rules: list[ir.Rule], targets: dict[int, frozenset[int]],
                      diags: list[Diagnostic]) -> bool:
    """One E274 per cycle of "in afwijking van" (each rule deviating from the next), found with graphlib;
    with a cycle there is no rank order at all, so nothing else about this outcome is reported."""
    graph = {i: set(hit) for i, hit in targets.items()}
    found_any = False
    while True:
        try:
            graphlib.TopologicalSorter(graph).prepare()
            return found_any
        except graphlib.CycleError as error:
            # graphlib lists each rule before a rule that deviates from it; reversed, each deviates from the next.
            found: list[int] = list(reversed(error.args[1][:-1]))
        start = found.index(min(found))
        cycle = found[start:] + found[:start]
        steps = list(zip(cycle, [*cycle[1:], cycle[0]], strict=True))
        zinnen = [f"{rules[a].provision.citeer()} wijkt af van {rules[b].provision.citeer()}" for a, b in steps]
        diags.append(Diagnostic(
            "E274", rules[cycle[0]].span, f"cyclus van afwijkingen voor '{outcome}': " + "; ".join(zinnen)
            + ": zo gaat geen van deze regels voor de andere",
            related=tuple((rules[a].span, zin) for (a, _), zin in zip(steps[1:], zinnen[1:], strict=True))))
        graph[steps[-1][0]].discard(steps[-1][1])
        found_any = True


def _leaves(nodes: tuple[ir.Node, ...]) -> list[ir.Rule]:
    return [r for n in nodes for r in ir.regels(n)]
