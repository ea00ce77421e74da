/* profkarta: Russian search for any word form, inside mkdocs-material's own search worker.
   Material turns each query word into a prefix ("сварщиками" → "сварщиками*") and lunr does not stem
   prefixes, so an inflected word would miss the stemmed index. Before material's handler sees a query,
   every Cyrillic word gets its stem added — by the very stemmer that built the index (lunr.ru, which the
   worker loads for `lang: ru`). Material's worker is loaded below from the path the page passed; this
   file sits beside it because material finds lunr relative to the worker's own address. */
(function () {
  "use strict";
  var SEARCH_QUERY = 2; // material's message type for a query (checked by a browser test on upgrade)
  function stem(word) {
    var w = word.toLowerCase().replace(/ё/g, "е");
    try {
      if (self.lunr && self.lunr.ru && self.lunr.ru.stemmer) {
        return String(self.lunr.ru.stemmer(new self.lunr.Token(w, {})));
      }
    } catch (e) { /* before setup, or a different lunr: the query goes as written */ }
    return w;
  }
  function rewrite(query) {
    if (/["+\-~^:*]/.test(query)) return query; // the reader wrote lunr syntax: leave it alone
    return query.split(/\s+/).map(function (word) {
      if (!/^[а-яё]{4,}$/i.test(word)) return word;
      var s = stem(word);
      return s && s !== word.toLowerCase() ? word + " " + s : word;
    }).join(" ");
  }
  self.addEventListener("message", function (ev) {
    var m = ev.data; // the same object material's listener receives next
    if (m && m.type === SEARCH_QUERY && typeof m.data === "string") m.data = rewrite(m.data);
  });
  var worker = new URL(self.location.href).searchParams.get("worker");
  if (worker && worker.charAt(0) === "/" && worker.charAt(1) !== "/") importScripts(worker); // same site only
})();
