/* profkarta: catalog filters, large QR code, copy link, accessible version. No external requests, no libraries. */
(function () {
  "use strict";
  var KEY = "pk-a11y";

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function plural(n, one, few, many) {
    var a = Math.abs(n) % 100, b = a % 10;
    if (b === 1 && a !== 11) return one;
    if (b >= 2 && b <= 4 && (a < 12 || a > 14)) return few;
    return many;
  }

  /* ---------- catalog filters (the list works without them) ---------- */
  function initCatalog() {
    var form = $(".pk-filters");
    var list = $("#pk-catalog-list");
    if (!form || !list || form.dataset.ready) return;
    form.dataset.ready = "1";
    form.hidden = false;
    var cards = $$(".pk-card", list);
    var count = $(".pk-count");
    var empty = $(".pk-empty");
    var fields = ["industry", "region", "cluster", "college", "group", "program"];
    var params = new URLSearchParams(window.location.search);
    fields.concat(["q"]).forEach(function (name) {
      var el = form.elements[name];
      if (el && params.get(name)) el.value = params.get(name);
    });
    function apply() {
      var shown = 0;
      var q = (form.elements.q.value || "").trim().toLowerCase().replace(/ё/g, "е");
      var words = q ? q.split(/\s+/) : [];
      cards.forEach(function (card) {
        var ok = fields.every(function (name) {
          if (!form.elements[name]) return true;
          var v = form.elements[name].value;
          return !v || card.getAttribute("data-" + name) === v;
        });
        if (ok && words.length) {
          var text = (card.getAttribute("data-text") || "").replace(/ё/g, "е");
          ok = words.every(function (w) { return text.indexOf(w.length > 4 ? w.slice(0, -2) : w) !== -1; });
        }
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = (shown === cards.length ? "Всего " : "Найдено ") + shown + " " + plural(shown, "карта", "карты", "карт");
      if (empty) empty.hidden = shown !== 0;
      var next = new URLSearchParams();
      fields.concat(["q"]).forEach(function (name) { var v = form.elements[name] && form.elements[name].value; if (v) next.set(name, v); });
      var url = window.location.pathname + (next.toString() ? "?" + next.toString() : "") + window.location.hash;
      window.history.replaceState(null, "", url);
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    $$(".pk-reset-inline").forEach(function (b) { b.addEventListener("click", function () { form.reset(); }); });
    apply();
  }

  /* ---------- large QR code for a projector or a phone ---------- */
  function initQr() {
    $$(".pk-qr").forEach(function (details) {
      if (details.dataset.ready) return;
      details.dataset.ready = "1";
      var summary = $("summary", details);
      var svg = $(".pk-qr-code svg", details);
      if (!summary || !svg || typeof HTMLDialogElement === "undefined") return;
      var dialog = document.createElement("dialog");
      dialog.className = "pk-qr-dialog";
      dialog.setAttribute("aria-label", "QR-код страницы");
      dialog.appendChild(svg.cloneNode(true));
      var caption = $(".pk-qr-caption .pk-url", details);
      var p = document.createElement("p");
      p.textContent = caption ? caption.textContent : window.location.href;
      dialog.appendChild(p);
      var close = document.createElement("button");
      close.type = "button";
      close.className = "pk-qr-close";
      close.textContent = "Закрыть";
      close.addEventListener("click", function () { dialog.close(); });
      dialog.appendChild(close);
      dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
      dialog.addEventListener("close", function () { summary.focus(); });
      document.body.appendChild(dialog);
      summary.setAttribute("role", "button");
      summary.setAttribute("aria-haspopup", "dialog");
      summary.addEventListener("click", function (e) {
        e.preventDefault();
        dialog.showModal();
        close.focus();
      });
    });
  }

  /* ---------- copy link ---------- */
  function initCopy() {
    $$("[data-pk-copy]").forEach(function (btn) {
      if (btn.dataset.ready) return;
      btn.dataset.ready = "1";
      btn.hidden = false;
      btn.addEventListener("click", function () {
        var url = btn.getAttribute("data-pk-copy");
        var status = $(".pk-copy-status", btn.closest(".pk-share") || document);
        function done(ok) { if (status) status.textContent = ok ? "Ссылка скопирована." : "Не удалось скопировать: выделите адрес в поле ниже."; }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(function () { done(true); }, function () { done(false); });
        } else {
          var input = $(".pk-url-input", btn.closest(".pk-share") || document);
          if (input) { input.select(); try { done(document.execCommand("copy")); } catch (e) { done(false); } } else { done(false); }
        }
      });
    });
  }

  /* ---------- accessible version («Версия для слабовидящих») ---------- */
  function load() { try { return JSON.parse(localStorage.getItem(KEY) || "null") || {}; } catch (e) { return {}; } }
  function save(s) { try { localStorage.setItem(KEY, JSON.stringify(s)); } catch (e) { /* private mode */ } }
  function paint(s) {
    var c = document.documentElement.classList;
    ["pk-a11y", "pk-a11y-noimg", "pk-a11y-size-1", "pk-a11y-size-2", "pk-a11y-size-3",
      "pk-a11y-scheme-bw", "pk-a11y-scheme-wb", "pk-a11y-scheme-blue"].forEach(function (k) { c.remove(k); });
    if (s.on) {
      c.add("pk-a11y", "pk-a11y-size-" + (s.size || 2), "pk-a11y-scheme-" + (s.scheme || "bw"));
      if (s.images === false) c.add("pk-a11y-noimg");
    }
    var panel = $("#pk-a11y-panel");
    var toggle = $(".pk-a11y-toggle");
    if (panel) panel.hidden = !s.on;
    if (toggle) { toggle.hidden = !!s.on; toggle.setAttribute("aria-expanded", s.on ? "true" : "false"); }
    $$("[data-pk-size]").forEach(function (b) { b.setAttribute("aria-pressed", String(String(s.size || 2) === b.getAttribute("data-pk-size"))); });
    $$("[data-pk-scheme]").forEach(function (b) { b.setAttribute("aria-pressed", String((s.scheme || "bw") === b.getAttribute("data-pk-scheme"))); });
    $$("[data-pk-images]").forEach(function (b) {
      var on = s.images !== false;
      b.setAttribute("aria-pressed", String(on));
      b.textContent = on ? "Показывать" : "Скрыты";
    });
  }
  function initA11y() {
    var bar = $(".pk-a11y-bar");
    if (!bar || bar.dataset.ready) return;
    bar.dataset.ready = "1";
    var s = load();
    paint(s);
    bar.addEventListener("click", function (e) {
      var b = e.target.closest("button");
      if (!b) return;
      if (b.getAttribute("data-pk-a11y") === "on") { s.on = true; }
      else if (b.getAttribute("data-pk-a11y") === "off") { s = { on: false }; }
      else if (b.hasAttribute("data-pk-size")) { s.size = Number(b.getAttribute("data-pk-size")); }
      else if (b.hasAttribute("data-pk-scheme")) { s.scheme = b.getAttribute("data-pk-scheme"); }
      else if (b.hasAttribute("data-pk-images")) { s.images = s.images === false; }
      save(s);
      paint(s);
      if (b.getAttribute("data-pk-a11y") === "on") { var first = $("[data-pk-size]", bar); if (first) first.focus(); }
      if (b.getAttribute("data-pk-a11y") === "off") { var t = $(".pk-a11y-toggle", bar); if (t) t.focus(); }
    });
  }

  // a wide table or code sample scrolls sideways inside its own box on a phone: keyboard users must reach it too
  function initScrollRegions() {
    $$(".md-typeset pre > code").forEach(function (code) {
      if (!code.hasAttribute("tabindex")) code.setAttribute("tabindex", "0");
    });
    $$(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.hasAttribute("tabindex")) return;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      var caption = $("caption", wrap);
      wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Таблица");
    });
  }
  function init() { initA11y(); initCatalog(); initQr(); initCopy(); initScrollRegions(); }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
