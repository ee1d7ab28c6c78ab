"""The time budget of every proof, and Ctrl-C during one.

Every z3 check gets a time limit (``--bewijstijd`` or ``MEERZORG_BEWIJSTIJD``, in seconds; default 5). A check
that runs out answers ``unknown``; that is never a proof: ``beslis`` raises ``Onbeslist`` and the caller reports
"niet bewezen binnen N s" as its own status.

z3 catches SIGINT itself during a check and answers ``unknown`` as if it had run out, so Ctrl-C looked like an
answer (and a dead rule like a live one). Here z3's own handler is off (``ctrl_c``); Python's handler stays, and
a watcher thread woken by Python's signal wake-up descriptor interrupts the running check, after which Python
raises ``KeyboardInterrupt`` in the main thread as usual.
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the solver is imported only when something is proved (not for a cached result)
    import z3

__all__ = ["BEWIJSTIJD", "Onbeslist", "beslis", "check", "lees_seconden", "optimizer", "seconden", "solver", "stel_in"]

BEWIJSTIJD = "MEERZORG_BEWIJSTIJD"
_STANDAARD = 5.0
_ingesteld: float | None = None
_wachter_aan = False
_in_check = threading.Event()  # a check is running (the only time Ctrl-C interrupts z3)


class Onbeslist(Exception):
    """z3 gave no answer within the budget (or none at all): neither proved nor refuted."""

    def __init__(self, reden: str) -> None:
        super().__init__(reden)
        self.reden = reden


def lees_seconden(tekst: str, bron: str) -> float:
    """A positive number of seconds from the command line or the environment; ValueError in Dutch."""
    try:
        waarde = float(tekst.replace(",", "."))
    except ValueError:
        raise ValueError(f"{bron}: '{tekst}' is geen aantal seconden") from None
    if not math.isfinite(waarde) or waarde <= 0 or waarde > 86_400:
        raise ValueError(f"{bron}: '{tekst}' moet een aantal seconden groter dan 0 en hoogstens 86400 zijn")
    return waarde


def stel_in(waarde: float | None) -> None:
    """Set the budget for this process (None: back to the environment or the default)."""
    global _ingesteld
    _ingesteld = waarde


def seconden() -> float:
    """The budget of one check in seconds: ``stel_in``, else ``MEERZORG_BEWIJSTIJD``, else 5."""
    if _ingesteld is not None:
        return _ingesteld
    tekst = os.environ.get(BEWIJSTIJD, "").strip()
    return lees_seconden(tekst, BEWIJSTIJD) if tekst else _STANDAARD


def _toon(s: float) -> str:
    return f"{s:g}".replace(".", ",")


def _wachter() -> None:
    """Interrupt a running check on SIGINT (once per process, from the main thread only)."""
    import z3

    global _wachter_aan
    if _wachter_aan or threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        z3.set_param("ctrl_c", False)  # an embedding program handles SIGINT itself; only keep z3's hands off
        _wachter_aan = True
        return
    lezen, schrijven = os.pipe()
    os.set_blocking(schrijven, False)
    try:
        signal.set_wakeup_fd(schrijven, warn_on_full_buffer=False)
    except ValueError:
        os.close(lezen)
        os.close(schrijven)
        return
    ctx = z3.main_ctx()

    def lus() -> None:
        while True:
            with contextlib.suppress(OSError):
                # Only a running check: an interrupt of z3's context outside one stays, and every later check in
                # the process is cancelled or answers with a model of zeros. (The Ctrl-C itself reaches the main
                # thread as KeyboardInterrupt as usual.)
                if signal.SIGINT in os.read(lezen, 64) and _in_check.is_set():
                    ctx.interrupt()

    threading.Thread(target=lus, name="meerzorg-ctrl-c", daemon=True).start()
    z3.set_param("ctrl_c", False)
    _wachter_aan = True


def solver() -> z3.Solver:
    """A plain solver with the budget per check."""
    import z3

    _wachter()
    s = z3.SimpleSolver()
    s.set("timeout", max(1, int(seconden() * 1000)))
    return s


def optimizer() -> z3.Optimize:
    """An optimising solver with the budget per check."""
    import z3

    _wachter()
    s = z3.Optimize()
    s.set("timeout", max(1, int(seconden() * 1000)))
    return s


def check(s: z3.Solver | z3.Optimize, *aannames: z3.BoolRef) -> z3.CheckSatResult:
    """``s.check(*aannames)``, which Ctrl-C interrupts (``_wachter``)."""
    _in_check.set()
    try:
        return s.check(*aannames)
    finally:
        _in_check.clear()


def beslis(s: z3.Solver | z3.Optimize, *aannames: z3.BoolRef) -> bool:
    """True if satisfiable, False if proved unsatisfiable; ``Onbeslist`` if z3 gives no answer."""
    import z3

    result = check(s, *aannames)
    if result == z3.sat:
        return True
    if result == z3.unsat:
        return False
    waarom = s.reason_unknown()
    if waarom in ("timeout", "canceled", "max. resource limit exceeded"):
        raise Onbeslist(f"niet bewezen binnen {_toon(seconden())} s")
    raise Onbeslist(f"niet bewezen: z3 geeft geen antwoord ({waarom})")
