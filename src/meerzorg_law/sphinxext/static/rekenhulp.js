// The rekenhulp page: reads the form, decides every version with the generated rules (rekenhulp-regels.js,
// RK.versies) and shows per version the outcome, the hours and why. Builds the answer with textContent only;
// no eval, no inline handlers, nothing sent anywhere. A fragment (#leeftijd=14&...) fills the form and answers.
"use strict";
(function () {
  var RK = window.RK;
  var root = document.getElementById("rk");
  if (!RK || !RK.pagina || !root) return;
  root.hidden = false;
  var form = document.getElementById("rk-vragen");
  var antwoord = document.getElementById("rk-antwoord");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function invoer() {
    var out = {};
    new FormData(form).forEach(function (w, k) { if (String(w).trim() !== "") out[k] = String(w).trim(); });
    return out;
  }
  function vul(params) {
    form.reset();
    params.forEach(function (w, k) {
      var veld = form.elements.namedItem(k);
      if (!veld) return;
      if (veld instanceof RadioNodeList) {
        for (var i = 0; i < veld.length; i++) veld[i].checked = veld[i].value === w;
      } else veld.value = w;
    });
  }
  function toon(w, u) {
    if (u.soort === "bool") return w ? "ja" : "nee";
    if (u.soort === "enum") return u.waarden[w] || w;
    if (u.soort === "datum") return w.split("-").reverse().join("-");
    if (u.soort === "uren") return w + " uur";
    return String(w).replace(".", ",");
  }
  function label(v, feit) {
    var d = v.feiten[feit];
    return d && d.label ? d.label : feit;
  }
  function fout(v, f) {
    if (f.code === "R002") return "vul eerst in: " + label(v, f.gegevens.feit);
    if (f.code === "R010") return "de regels spreken elkaar tegen: " + f.gegevens.bepalingen.join(" en ");
    return "niet te bepalen (" + f.code + "): " + f.tekst;
  }

  function versie(p, gegeven) {
    var v = RK.versies[p.id];
    var s = el("section", "rk-versie rk-" + p.soort);
    s.appendChild(el("h3", "", p.titel));
    var l = RK.lees(v, gegeven);
    Object.keys(l.fouten).forEach(function (k) {
      s.appendChild(el("p", "rk-fout", label(v, k) + ": " + l.fouten[k]));
    });
    var r = RK.beslis(v, l.feiten);
    r.beperkingen.forEach(function (b) { s.appendChild(el("p", "rk-fout", "Dit kan niet: " + b)); });
    var lijst = el("dl", "rk-uitkomsten");
    p.uitkomsten.forEach(function (u, i) {
      var dt = el("dt", "", u.label.charAt(0).toUpperCase() + u.label.slice(1));
      var dd = Object.prototype.hasOwnProperty.call(r.waarden, u.naam)
        ? el("dd", (i === 0 ? "rk-hoofd rk-" + String(r.waarden[u.naam]) : "") +
          (["decimaal", "geheel", "uren"].indexOf(u.soort) >= 0 ? " rk-getal" : ""), toon(r.waarden[u.naam], u))
        : el("dd", "rk-fout", fout(v, r.fouten[u.naam]));
      lijst.appendChild(dt);
      lijst.appendChild(dd);
    });
    s.appendChild(lijst);
    var gezien = {}, waarom = el("ul", "rk-waarom");
    p.uitkomsten.forEach(function (u) {
      var i = r.spoor[u.naam];
      if (i === undefined || i < 0) return;
      var w = p.zinnen[p.waarom[i]];
      if (gezien[p.waarom[i]]) return;
      gezien[p.waarom[i]] = true;
      var li = el("li");
      li.appendChild(el("strong", "", w.bepaling));
      if (!w.redenen.length) {
        li.appendChild(document.createTextNode(" geldt altijd."));
      } else {
        li.appendChild(document.createTextNode(w.redenen.length === 1 ? ", want " + w.redenen[0] + "." : ", want:"));
        if (w.redenen.length > 1) {
          var ul = el("ul");
          w.redenen.forEach(function (r, k) { ul.appendChild(el("li", "", r + (k === w.redenen.length - 1 ? "." : ";"))); });
          li.appendChild(ul);
        }
      }
      waarom.appendChild(li);
    });
    if (waarom.childNodes.length) {
      var d = el("details", "rk-uitleg");
      d.appendChild(el("summary", "", "Waarom? De bepalingen die beslisten"));
      d.appendChild(waarom);
      s.appendChild(d);
    }
    return s;
  }

  // In short, first: per version the first outcome and the first number (meer zorg: ja, and how many hours).
  function kort(secties) {
    var ul = el("ul", "rk-kort");
    secties.forEach(function (s) {
      var li = el("li");
      li.appendChild(el("strong", "", s.querySelector("h3").textContent + ": "));
      var dds = s.querySelectorAll("dl.rk-uitkomsten > dd"), dts = s.querySelectorAll("dl.rk-uitkomsten > dt");
      var delen = [dts[0].textContent.toLowerCase() + ": " + dds[0].textContent];
      for (var i = 1; i < dds.length; i++) {
        if (dds[i].classList.contains("rk-getal")) {
          delen.push(dts[i].textContent.toLowerCase() + ": " + dds[i].textContent);
          break;
        }
      }
      li.appendChild(document.createTextNode(delen.join("; ")));
      ul.appendChild(li);
    });
    return ul;
  }

  function bereken() {
    var gegeven = invoer();
    antwoord.textContent = "";
    antwoord.appendChild(el("h2", "", "Uitkomst per versie van de regels"));
    var secties = RK.pagina.versies.map(function (p) { return versie(p, gegeven); });
    antwoord.appendChild(kort(secties));
    antwoord.appendChild(el("h2", "", "Per versie, met de reden"));
    secties.forEach(function (s) { antwoord.appendChild(s); });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    bereken();
    antwoord.scrollIntoView();
  });
  function uitFragment() {
    if (location.hash.length < 2) return;
    vul(new URLSearchParams(location.hash.slice(1)));
    bereken();
    antwoord.scrollIntoView();
  }
  window.addEventListener("hashchange", uitFragment);
  uitFragment();
})();
