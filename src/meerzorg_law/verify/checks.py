"""Checked version -> proved static findings for every valid client, each with a witness client.

V001 (fout): two rules of equal rank can apply together (the engine's conflict, R010), naming both.
V002 (fout): an outcome can be left without a value (no rule and no standaard, a missing table row, ...).
V003 (waarschuwing): a rule that fires for no valid client (a dead provision).
V004 (waarschuwing): an exception whose removal changes no outcome for any valid client.
V005 (waarschuwing): one of the above that z3 did not decide within the time budget (``budget``): not proved,
  and never reported as proved.
Each is decided by z3 over the exact ranges of the facts, so "no finding" is a proof, not a sample.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import z3

from .. import ir
from ..diagnostics import Diagnostic, Severity
from ..span import Span
from ..values import Value, format_value
from .budget import BEWIJSTIJD, Onbeslist, beslis, solver
from .smt import NodeTerms, Translator, Universe, Unsupported, valid
from .universe import mk_and, mk_or
from .witness import find_client

__all__ = ["ONBESLIST", "Finding", "verify_version"]

ONBESLIST = "V005"


@dataclass(frozen=True, slots=True)
class Finding:
    """A diagnostic with the client that shows it (None for a finding about all clients). A V005 finding
    names in ``open`` the check (V001-V004) it leaves undecided."""

    versie: str
    diagnostic: Diagnostic
    getuige: dict[str, Value] | None
    open: str = ""


def _facts(feiten: Mapping[str, Value]) -> str:
    return ", ".join(f"{k} = {format_value(v)}" for k, v in feiten.items())


def verify_version(u: Universe, vid: str, useless: bool = True) -> list[Finding]:
    """All V001-V004 findings of version ``vid`` (without V004 when not ``useless``); a construct z3 cannot
    express gives one V009 warning."""
    reg = u.versions[vid]
    try:
        return _Verifier(u, vid, reg).run(useless)
    except Unsupported as e:
        return [Finding(vid, Diagnostic("V009", e.span, f"{vid}: niet bewezen: {e.what} is niet in de "
                                        "bewijzer uit te drukken", Severity.WAARSCHUWING), None)]


class _Verifier:
    def __init__(self, u: Universe, vid: str, reg: ir.Regeling) -> None:
        self.u, self.vid, self.reg = u, vid, reg
        self.tr = Translator(u, reg)
        self.outcomes = {name: self.tr.outcome(name) for name in reg.trees}
        self.solver = solver()
        # What the solver holds, as asked of ``u.antwoorden``: the validity of this version, and more in a push.
        self._grond: list[z3.BoolRef] = list(valid(u, [vid]))
        self.solver.add(*self._grond)
        self.open: list[Finding] = []
        self._models: list[z3.ModelRef] = []

    def possible(self, goal: z3.BoolRef) -> bool:
        """Whether some valid client meets ``goal``; ``Onbeslist`` when z3 does not say within the budget. Asked
        of z3 once per question over all versions (``Antwoorden``)."""
        vraag = [*self._grond, goal]
        found = self.u.antwoorden.get(vraag)
        if found is None:
            found = beslis(self.solver, goal)
            self.u.antwoorden.put(vraag, found)
        return bool(found)

    def live(self, goal: z3.BoolRef) -> bool:
        """``possible`` for a rule's "ever applies" (V003), which most rules do: a client z3 found for an earlier
        rule that already meets ``goal`` shows it without asking z3 again (the first ``meerzorg check`` asked
        once per rule). A found client is kept only after every constraint of validity evaluates to waar under
        it, completed (z3 fixes a value for each fact it left open, in the model itself), so a goal true under
        it is true for a valid client."""
        for m in self._models:
            if z3.is_true(m.eval(goal, model_completion=True)):
                return True
        vraag = [*self._grond, goal]
        found = self.u.antwoorden.get(vraag)
        if found is not None:
            return bool(found)
        found = beslis(self.solver, goal)
        self.u.antwoorden.put(vraag, found)
        if not found:
            return False
        m = self.solver.model()
        if z3.is_true(m.eval(mk_and(self._grond), model_completion=True)):  # what the solver holds, at once
            self._models = [m, *self._models[:_MODELS - 1]]
        return True

    def undecided(self, code: str, span: Span, wat: str, err: Onbeslist) -> None:
        """Record that ``wat`` (the claim of check ``code``) is neither proved nor refuted."""
        message = f"{self.vid}: {err.reden}: {wat} (meer tijd: --bewijstijd of {BEWIJSTIJD})"
        self.open.append(Finding(self.vid, Diagnostic(ONBESLIST, span, message, Severity.WAARSCHUWING), None, code))

    def witness(self, goal: z3.BoolRef) -> dict[str, Value] | None:
        found = find_client(self.u, [self.vid], [goal])
        return found[0] if found else None

    def run(self, useless: bool) -> list[Finding]:
        dead = self.dead()
        found = [*self.conflicts(), *self.gaps(), *dead,
                 *(self.useless({_rule_line(f) for f in dead}) if useless else [])]
        return [*found, *self.open]

    # (a) --------------------------------------------------------------------------------------------
    def conflicts(self) -> list[Finding]:
        """Per rank one incremental search for "two rules apply together", each pair found blocked, instead of
        a check per pair (n² checks for n rules of equal rank; 3,000 artikelen took 41 s). The pairs found are
        then reported in the order of the ranks, as the pairwise search did."""
        out: list[Finding] = []
        seen: set[tuple[int, int]] = set()
        for name, terms in self.outcomes.items():
            for rank in terms.ranks:
                if len(rank) < 2:
                    continue
                try:
                    pairs = self._pairs(rank)
                except Onbeslist as err:
                    first = rank[0][1][0]
                    self.undecided("V001", first.span, "of twee regels van gelijke rang als "
                                   f"{first.provision.citeer()} ('{name}') tegelijk van toepassing kunnen zijn", err)
                    continue
                for i, j in sorted(pairs):
                    (a, rules_a), (b, rules_b) = rank[i], rank[j]
                    goal = z3.And(a.applies, b.applies, a.ok, b.ok)
                    try:
                        found = find_client(self.u, [self.vid], [goal])
                    except Onbeslist as err:
                        self.undecided("V001", rules_a[0].span, f"of {rules_a[0].provision.citeer()} en "
                                       f"{rules_b[0].provision.citeer()} ('{name}') tegelijk van toepassing "
                                       "kunnen zijn", err)
                        continue
                    if found is None:
                        continue
                    client = found[0]
                    ra = self._applying(terms.leaves, rules_a, client)
                    rb = self._applying(terms.leaves, rules_b, client)
                    key = (min(ra.id, rb.id), max(ra.id, rb.id))
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append(self._conflict(name, ra, rb, client))
        return out

    def _pairs(self, rank: tuple[tuple[NodeTerms, tuple[ir.Rule, ...]], ...]) -> set[tuple[int, int]]:
        """Every pair (i, j) of members of ``rank`` that some valid client has applying together: searched per
        group of members that are not kept apart by their own text (``_apart``), each group on its own."""
        pairs: set[tuple[int, int]] = set()
        for groep in _apart(rank):
            if len(groep) > 1:
                pairs |= {(groep[i], groep[j]) for i, j in self._pairs_in([rank[k] for k in groep])}
        return pairs

    def _pairs_in(self, rank: list[tuple[NodeTerms, tuple[ir.Rule, ...]]]) -> set[tuple[int, int]]:
        """``_pairs`` of one group, by z3: one incremental search, each pair found blocked."""
        apply = [mk_and((t.applies, t.ok)) for t, _ in rank]
        vraag = [*self._grond, *apply]
        found = self.u.antwoorden.get(vraag)
        if isinstance(found, frozenset):
            return set(found)
        pairs: set[tuple[int, int]] = set()
        self.solver.push()
        try:
            self.solver.add(z3.Not(z3.AtMost(*apply, 1)))
            while beslis(self.solver):
                model = self.solver.model()
                on = [k for k, x in enumerate(apply) if z3.is_true(model.eval(x, model_completion=True))]
                new = [(i, j) for n, i in enumerate(on) for j in on[n + 1:] if (i, j) not in pairs]
                if not new:
                    break
                for i, j in new:
                    pairs.add((i, j))
                    self.solver.add(z3.Not(z3.And(apply[i], apply[j])))
        finally:
            self.solver.pop()
        self.u.antwoorden.put(vraag, frozenset(pairs))
        return pairs

    def _applying(self, leaves: dict[int, NodeTerms], rules: tuple[ir.Rule, ...],
                  client: dict[str, Value]) -> ir.Rule:
        """The rule of a node that applies to ``client`` (the deepest exception wins, as in evaluation)."""
        fixed = solver()
        fixed.add(*self._fix(client))
        for rule in rules:
            leaf = leaves.get(rule.id)
            if leaf is not None and beslis(fixed, leaf.applies):
                return rule
        return rules[0]

    def _fix(self, client: dict[str, Value]) -> list[z3.BoolRef]:
        out = []
        for name, f in self.reg.facts.items():
            t = self.u.fact(name)
            if name in client:
                out.append(t.val == self.u.const(client[name], f.type, f.span))
                if f.optioneel:
                    out.append(t.ok)
            elif f.optioneel:
                out.append(z3.Not(t.ok))
        return out

    def _conflict(self, outcome: str, a: ir.Rule, b: ir.Rule, client: dict[str, Value]) -> Finding:
        # The engine only for a finding (its witness evaluated): a proof that finds nothing does not load it.
        from ..engine.compile import EvaluationFailure
        from ..engine.interpret import interpret

        values = []
        for rule in (a, b):
            try:
                v = format_value(interpret(self.reg, {**client}, [rule.outcome])[rule.outcome])
            except EvaluationFailure:
                v = "?"
            values.append(v)
        pa, pb = a.provision.citeer(), b.provision.citeer()
        message = (f"{self.vid}: conflict voor '{outcome}': {pa} ({a.value_source}) en {pb} ({b.value_source}) "
                   f"kunnen tegelijk van toepassing zijn en geen van beide is een uitzondering op de ander; "
                   f"bijvoorbeeld: {_facts(client)}")
        return Finding(self.vid, Diagnostic("V001", a.span, message, related=((b.span, f"{pb} is ook van "
                                                                                      "toepassing"),)), client)

    # (b) --------------------------------------------------------------------------------------------
    def gaps(self) -> list[Finding]:
        """Per outcome: a valid client without conflicts for whom it gets no value. The "no conflict" constraints
        (one per rank, over every outcome) are the same for all outcomes, so they are added to the solver once
        (push/pop) and each outcome is one incremental check on top; before, each check carried them all again
        and the check grew with outcomes x rules (3,000 artikelen: 4.5 s of 6.8 s of proofs)."""
        no_conflict = [z3.AtMost(*[t.applies for t, _ in rank], 1)
                       for terms in self.outcomes.values() for rank in terms.ranks]
        out: list[Finding] = []
        open_: list[tuple[str, z3.BoolRef]] = []
        self.solver.push()
        grond = self._grond
        self._grond = [*grond, *no_conflict]
        try:
            self.solver.add(*no_conflict)
            for name, terms in self.outcomes.items():
                try:
                    if self.possible(z3.Not(terms.term.ok)):
                        open_.append((name, z3.And(z3.Not(terms.term.ok), *no_conflict)))
                except Onbeslist as err:
                    self.undecided("V002", self.reg.outcomes[name].span,
                                   f"of uitkomst '{name}' voor elke geldige cliënt bepaald is", err)
        finally:
            self.solver.pop()
            self._grond = grond
        for name, goal in open_:
            try:
                client = self.witness(goal)
            except Onbeslist as err:
                self.undecided("V002", self.reg.outcomes[name].span,
                               f"of uitkomst '{name}' voor elke geldige cliënt bepaald is", err)
                continue
            if client is None:
                continue
            from ..engine.compile import EvaluationFailure  # (the engine only for a finding: see _conflict)
            from ..engine.interpret import interpret

            try:
                interpret(self.reg, client, [name])
                why = "de uitkomst krijgt geen waarde"
            except EvaluationFailure as f:
                why = f.diagnostic.message
            decl = self.reg.outcomes[name]
            message = (f"{self.vid}: uitkomst '{name}' is niet voor elke geldige cliënt bepaald ({why}); "
                       f"bijvoorbeeld: {_facts(client)}")
            out.append(Finding(self.vid, Diagnostic("V002", decl.span, message), client))
        return out

    # (c) --------------------------------------------------------------------------------------------
    def dead(self) -> list[Finding]:
        out: list[Finding] = []
        done: set[int] = set()
        for rule in self.reg.rules:
            if rule.id in done:
                continue
            done.add(rule.id)
            leaf = self.outcomes[rule.outcome].leaves.get(rule.id)
            soort = "uitzondering" if rule.exception_to else "regel"
            try:
                if leaf is None or self.live(mk_and((leaf.applies, leaf.ok))):
                    continue
            except Onbeslist as err:
                self.undecided("V003", rule.span, f"of de {soort} van {rule.provision.citeer()} ooit van "
                               "toepassing is", err)
                continue
            message = (f"{self.vid}: de {soort} van {rule.provision.citeer()} is voor geen enkele geldige cliënt "
                       "van toepassing (dode bepaling)")
            out.append(Finding(self.vid, Diagnostic("V003", rule.span, message, Severity.WAARSCHUWING), None))
        return out

    # (d) --------------------------------------------------------------------------------------------
    def useless(self, dead: set[tuple[str, int]]) -> list[Finding]:
        """A dead exception (V003) trivially never matters: it is not reported twice."""
        out: list[Finding] = []
        done: set[int] = set()
        for rule in self.reg.rules:
            if rule.id in done or not rule.exception_to or (rule.span.file, rule.span.line) in dead:
                continue
            done.add(rule.id)
            without = Translator(self.u, self.reg, skip_rule=rule.id, like=self.tr)
            differs = []
            for name, terms in self.outcomes.items():
                other = without.outcome(name).term
                t = terms.term
                differs.append(mk_or((t.ok != other.ok, mk_and((t.ok, t.val != other.val)))))
            try:
                if self.possible(mk_or(differs)):
                    continue
            except Onbeslist as err:
                self.undecided("V004", rule.span, f"of de uitzondering van {rule.provision.citeer()} ooit een "
                               "uitkomst verandert", err)
                continue
            targets = " en ".join(p.citeer() for p in rule.exception_to)
            message = (f"{self.vid}: de uitzondering van {rule.provision.citeer()} (in afwijking van {targets}) "
                       "verandert voor geen enkele geldige cliënt een uitkomst")
            out.append(Finding(self.vid, Diagnostic("V004", rule.span, message, Severity.WAARSCHUWING), None))
        return out


def _apart(rank: tuple[tuple[NodeTerms, tuple[ir.Rule, ...]], ...]) -> list[list[int]]:
    """The members of a rank in groups such that members of different groups never apply together, read off
    the rules' own conditions: a single rule whose condition has the conjunct ``feit = c`` (an input fact, a
    constant) applies only when the fact has that value, so rules that pin one fact to different values are
    apart. The fact pinned by most members splits the rank by value; when any member does not pin it (an
    exception node, a rule without that conjunct), nothing is known and the rank is one group. Only ever
    separates what cannot apply together, so no conflict is missed: a rank of 300 rules "code = i" was one z3
    search whose cost grew with the square of its size (15,000 artikelen: 9 s), and is now 300 groups of one."""
    pins = [_pins(rules[0]) if len(rules) == 1 else {} for _, rules in rank]
    telling: dict[str, int] = {}
    for p in pins:
        for naam in p:
            telling[naam] = telling.get(naam, 0) + 1
    feit = max(telling, key=lambda f: telling[f], default=None)
    if feit is None or telling[feit] < len(rank):
        return [list(range(len(rank)))]
    soorten = {type(p[feit]).__name__ for p in pins}
    if len(soorten) > 1 or not soorten <= _CANONIEK:
        return [list(range(len(rank)))]
    groepen: dict[str, list[int]] = {}
    for k, p in enumerate(pins):
        groepen.setdefault(repr(p[feit]), []).append(k)
    return list(groepen.values())


# Value kinds whose repr is one string per value (mpz, normalised mpq, dates, text): equal repr, equal value.
_MODELS = 8  # the clients kept by _Verifier.live
_CANONIEK = {"str", "bool", "Integer", "Decimal", "Money", "Date"}


def _pins(rule: ir.Rule) -> dict[str, Value]:
    """The input facts ``rule`` applies only at one value of: conjuncts ``feit = c`` / ``c = feit`` of its
    conditions (not a ``tenzij``), also inside ``en``."""
    out: dict[str, Value] = {}

    def lees(e: ir.Expr) -> None:
        if isinstance(e, ir.BinOp) and e.op == "en":
            lees(e.left)
            lees(e.right)
        elif isinstance(e, ir.BinOp) and e.op == "=":
            for a, b in ((e.left, e.right), (e.right, e.left)):
                if isinstance(a, ir.Var) and a.kind == "invoer" and isinstance(b, ir.Const):
                    if a.name in out and out[a.name] != b.value:
                        return  # never applies; leave it to z3 (V003)
                    out[a.name] = b.value

    for c in rule.conditions:
        if not c.tenzij:
            lees(c.expr)
    return out


def _rule_line(f: Finding) -> tuple[str, int]:
    return f.diagnostic.span.file, f.diagnostic.span.line
