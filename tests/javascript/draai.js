// Differential test runner: one Node process for all cases. argv[2] is the generated program; stdin holds one
// JSON object per line, {"v": version id, "f": {fact: text}}; stdout gets one line per case, in order:
// {"w": {outcome: exact text}, "x": {outcome: [code, detail]}, "l": {fact: reading error}}.
"use strict";
const fs = require("fs");
const RK = require(process.argv[2]);
const lines = fs.readFileSync(0, "utf-8").split("\n");
const out = [];
for (const line of lines) {
  if (!line) continue;
  const g = JSON.parse(line);
  const v = RK.versies[g.v];
  const l = RK.lees(v, g.f);
  const r = RK.beslis(v, l.feiten);
  const x = {};
  for (const [k, f] of Object.entries(r.fouten)) {
    x[k] = [f.code, f.code === "R010" ? f.gegevens.bepalingen.slice().sort().join(" & ")
      : f.code === "R002" ? f.gegevens.feit : ""];
  }
  out.push(JSON.stringify({ w: r.waarden, x: x, l: l.fouten }));
}
fs.writeFileSync(1, out.join("\n") + "\n");
