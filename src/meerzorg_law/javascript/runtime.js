// Rekenhulp runtime: default logic, exact BigInt arithmetic and the trace, for the versions that
// meerzorg_law.javascript generates from the IR. Written by hand once; the versions that use it are generated.
// No eval, no network, no globals besides RK: it runs in a browser under a strict CSP and in Node.
"use strict";
var RK = (function () {
  class Fout extends Error {
    constructor(code, tekst, gegevens) {
      super(tekst);
      this.code = code;
      this.gegevens = gegevens || {};
    }
  }

  const R = {
    Fout: Fout,
    versies: {},
    // Product with the engine's bound (R007): more than 45 digits before the comma is runaway arithmetic.
    mul: function (a, b, grens, plaats) {
      const p = a * b;
      if ((p < 0n ? -p : p) >= grens) {
        throw new Fout("R007", "de uitkomst van een vermenigvuldiging is te groot", { plaats: plaats });
      }
      return p;
    },
    rij: function (cellen, sleutel, tabel, plaats) {
      if (!Object.prototype.hasOwnProperty.call(cellen, sleutel)) {
        throw new Fout("R004", "tabel " + tabel + " heeft geen rij voor " + sleutel, { tabel: tabel, plaats: plaats });
      }
      return cellen[sleutel];
    },
    min: function () {
      let best = arguments[0];
      for (let i = 1; i < arguments.length; i++) if (arguments[i] < best) best = arguments[i];
      return best;
    },
    max: function () {
      let best = arguments[0];
      for (let i = 1; i < arguments.length; i++) if (best < arguments[i]) best = arguments[i];
      return best;
    },
    // Catala's decimal_round: floor((2q + 1) / 2), at a scale of `eenheid` units per one.
    afronden: function (x, eenheid) {
      const t = 2n * x + eenheid, n = 2n * eenheid;
      const q = t / n;
      return (t % n !== 0n && t < 0n) ? q - 1n : q;
    },
    jaar: function (datum) {
      return BigInt(parseInt(datum.slice(0, 4), 10));
    },
  };

  const heeft = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };

  // One evaluation: the facts, the value of each begrip and outcome once computed, and the trace.
  class Ctx {
    constructor(versie, feiten) {
      this.versie = versie;
      this.feiten = feiten;
      this.bekend = new Map();
      this.spoor = {};
    }
    f(naam) {
      if (!heeft(this.feiten, naam)) {
        throw new Fout("R002", "het feit '" + naam + "' is nodig maar ontbreekt", { feit: naam });
      }
      return this.feiten[naam];
    }
    k(naam) { return heeft(this.feiten, naam); }
    n(naam) {
      if (this.bekend.has(naam)) return this.bekend.get(naam);
      const v = this.versie;
      let w;
      if (heeft(v.namen, naam)) w = v.namen[naam](this);
      else w = uitkomst(this, naam);
      this.bekend.set(naam, w);
      return w;
    }
  }

  // A node's result: null when it does not apply, else [value, index of the rule that gave it].
  function knoop(c, n, naam) {
    if (n.w !== undefined) {
      for (let i = 0; i < n.w.length; i++) if (n.w[i][0](c) === n.w[i][1]) return null;
      return [n.v(c), n.r];
    }
    const w = kies(c, n.u, naam);
    return w !== null ? w : kies(c, n.l, naam);
  }

  // The one applicable node among equals; a second one is a conflict naming every node that applies.
  function kies(c, nodes, naam) {
    const gevonden = [];
    for (let i = 0; i < nodes.length; i++) {
      const r = knoop(c, nodes[i], naam);
      if (r === null) continue;
      gevonden.push(r);
      if (gevonden.length === 2) {
        for (let j = i + 1; j < nodes.length; j++) {
          try {
            const m = knoop(c, nodes[j], naam);
            if (m !== null) gevonden.push(m);
          } catch (e) {
            if (!(e instanceof Fout)) throw e;
          }
        }
        const bepalingen = gevonden.map(function (g) { return c.versie.regels[g[1]].bepaling; });
        throw new Fout("R010", "conflict voor '" + naam + "': " + bepalingen.join(" en ") +
          " zijn tegelijk van toepassing en geen van beide is een uitzondering op de ander",
          { uitkomst: naam, bepalingen: bepalingen });
      }
    }
    return gevonden.length ? gevonden[0] : null;
  }

  function uitkomst(c, naam) {
    const u = c.versie.uitkomsten[naam];
    const r = kies(c, u.boom, naam);
    if (r !== null) {
      c.spoor[naam] = r[1];
      return r[0];
    }
    if (u.std === null) {
      throw new Fout("R001", "geen regel van toepassing voor uitkomst '" + naam + "', en zij heeft geen standaardwaarde",
        { uitkomst: naam });
    }
    c.spoor[naam] = -1;
    return u.std(c);
  }

  // ---- facts in, values out ------------------------------------------------------------------------
  const GETAL = /^-?[0-9]+([.,][0-9]+)?$/;

  function eenheden(tekst, schaal) {
    const t = String(tekst).trim().replace(",", ".");
    if (!GETAL.test(t)) return null;
    const neg = t.startsWith("-");
    const [heel, deel0] = (neg ? t.slice(1) : t).split(".");
    const deel = (deel0 || "").replace(/0+$/, "");
    if (deel.length > schaal) return undefined;
    const n = BigInt(heel + deel.padEnd(schaal, "0"));
    return neg ? -n : n;
  }

  const UREN = /^(-?)([0-9]+):([0-9]{2})(?::([0-9]{2}))?$/;

  // Hours as seconds: "26:05", "6:31:15" (minutes and seconds 00-59) or decimal hours that come to whole seconds.
  function seconden(tekst) {
    const t = String(tekst).trim().replace(/ uur$/, "");
    const m = UREN.exec(t);
    if (m) {
      if (Number(m[3]) > 59 || Number(m[4] || 0) > 59) return null;
      const s = BigInt(m[2]) * 3600n + BigInt(m[3]) * 60n + BigInt(m[4] || 0);
      return m[1] ? -s : s;
    }
    const n = eenheden(t, 12);
    if (n === null || n === undefined || (n * 3600n) % (10n ** 12n) !== 0n) return null;
    return n * 3600n / (10n ** 12n);
  }

  // One fact: its value, null when it is not one, undefined when it has too many decimals.
  function waarde(d, x) {
    if (d.soort === "bool") return x === true || x === "true" || x === "ja" ? true : x === false || x === "false" || x === "nee" ? false : null;
    if (d.soort === "enum") return d.waarden.indexOf(String(x)) >= 0 ? String(x) : null;
    if (d.soort === "datum") return /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(String(x)) ? String(x) : null;
    if (d.soort === "uren") return seconden(x);
    return eenheden(x, d.schaal);
  }

  // The facts of a case as the form or a JSON line gives them (strings, booleans) -> runtime values.
  R.lees = function (versie, ruw) {
    const feiten = {}, fouten = {};
    for (const naam of Object.keys(ruw)) {
      const d = versie.feiten[naam], x = ruw[naam];
      if (d === undefined || x === null || x === "") continue;
      const w = waarde(d, x);
      if (w === undefined) fouten[naam] = "te veel cijfers achter de komma (ten hoogste " + d.schaal + ")";
      else if (w === null) fouten[naam] = "geen geldige waarde: " + String(x);
      else if (d.bereik && (w < waarde(d, d.bereik[0]) || w > waarde(d, d.bereik[1]))) {
        fouten[naam] = "buiten het bereik " + d.bereik[0] + " tot en met " + d.bereik[1];
      } else feiten[naam] = w;
    }
    return { feiten: feiten, fouten: fouten };
  };

  // A value as exact text: numbers as decimal strings ("32.6"), dates ISO, enums by name, booleans as such.
  R.tekst = function (w, soort, schaal) {
    if (typeof w !== "bigint") return w;
    if (soort === "uren") {  // as values.uren_text: 26:05, 32:36:15, -0:30
      const a = w < 0n ? -w : w, u = a / 3600n, m = (a % 3600n) / 60n, s = a % 60n;
      return (w < 0n ? "-" : "") + u + ":" + String(m).padStart(2, "0") + (s ? ":" + String(s).padStart(2, "0") : "");
    }
    if (soort === "geld") schaal = 2;
    if (soort !== "dec" && soort !== "geld") return w.toString();
    const neg = w < 0n, s = (neg ? -w : w).toString().padStart(schaal + 1, "0");
    const heel = s.slice(0, s.length - schaal), deel = s.slice(s.length - schaal).replace(/0+$/, "");
    return (neg ? "-" : "") + heel + (deel ? "." + deel : "");
  };

  // Decide the outcomes (default: all) for one case under one version: values, failures, trace.
  R.beslis = function (versie, feiten, namen) {
    const c = new Ctx(versie, feiten);
    const waarden = {}, fouten = {};
    for (const naam of namen || Object.keys(versie.uitkomsten)) {
      try {
        const w = c.n(naam), u = versie.uitkomsten[naam];
        waarden[naam] = R.tekst(w, u.soort, u.schaal);
      } catch (e) {
        if (!(e instanceof Fout)) throw e;
        fouten[naam] = { code: e.code, tekst: e.message, gegevens: e.gegevens };
      }
    }
    const geschonden = [];
    for (const b of versie.beperkingen) {
      if (b.feiten.every(function (f) { return heeft(feiten, f); })) {
        try { if (b.test(c) === false) geschonden.push(b.label || b.naam); } catch (e) { if (!(e instanceof Fout)) throw e; }
      }
    }
    return { waarden: waarden, fouten: fouten, spoor: c.spoor, beperkingen: geschonden };
  };

  return R;
})();
if (typeof module !== "undefined") module.exports = RK;
