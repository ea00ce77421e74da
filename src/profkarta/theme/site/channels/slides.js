(function () {
  "use strict";
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  var counter = document.querySelector(".counter");
  var current = 0;
  function show(n) {
    current = Math.max(0, Math.min(slides.length - 1, n));
    slides.forEach(function (s, k) { s.hidden = k !== current; });
    counter.textContent = (current + 1) + " / " + slides.length;
    try { history.replaceState(null, "", "#" + (current + 1)); } catch (e) { /* file:// in some browsers */ }
  }
  function full() {
    var d = document;
    if (d.fullscreenElement) { d.exitFullscreen(); } else if (d.documentElement.requestFullscreen) {
      d.documentElement.requestFullscreen().catch(function () {});
    }
  }
  var NEXT = ["ArrowRight", "ArrowDown", "PageDown", " ", "Spacebar", "Enter"];
  var PREV = ["ArrowLeft", "ArrowUp", "PageUp", "Backspace"];
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (NEXT.indexOf(e.key) >= 0) { show(current + 1); } else if (PREV.indexOf(e.key) >= 0) { show(current - 1); }
    else if (e.key === "Home") { show(0); } else if (e.key === "End") { show(slides.length - 1); }
    else if (e.code === "KeyF" || e.key === "f" || e.key === "F") { full(); } else { return; }
    e.preventDefault();
  });
  var x0 = null, y0 = null;
  document.addEventListener("touchstart", function (e) { x0 = e.touches[0].clientX; y0 = e.touches[0].clientY; }, {passive: true});
  document.addEventListener("touchend", function (e) {
    if (x0 === null) { return; }
    var dx = e.changedTouches[0].clientX - x0, dy = e.changedTouches[0].clientY - y0;
    if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) { show(current + (dx < 0 ? 1 : -1)); }
    x0 = null;
  });
  document.querySelector(".controls").addEventListener("click", function (e) {
    var go = e.target.getAttribute("data-go");
    if (go === "next") { show(current + 1); } else if (go === "prev") { show(current - 1); } else if (go === "full") { full(); }
  });
  var start = parseInt((location.hash || "#1").slice(1), 10);
  show(isNaN(start) ? 0 : start - 1);
}());
