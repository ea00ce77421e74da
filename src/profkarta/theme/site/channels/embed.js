(function () {
  "use strict";
  // Tell the host page how tall the content is (it may resize its iframe); no cookies, no storage.
  var last = 0;
  function send() {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h === last || window.parent === window) { return; }
    last = h;
    window.parent.postMessage({type: "profkarta:height", height: h, page: location.pathname}, "*");
  }
  window.addEventListener("load", send);
  window.addEventListener("resize", send);
  if (window.ResizeObserver) { new ResizeObserver(send).observe(document.documentElement); }
  send();
}());
