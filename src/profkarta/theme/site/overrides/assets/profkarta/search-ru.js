/* profkarta: Russian search for any word form. mkdocs-material turns every query word into a prefix
   ("сварщика" → "сварщика*"), and lunr does not stem prefixes, so an inflected word would miss the stemmed
   index. Each Cyrillic word is sent together with its stem ("сварщиками" → "сварщиками сварщик"). */
(function () {
  "use strict";
  var NativeWorker = window.Worker;
  if (!NativeWorker) return;
  var ENDINGS = ["иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "иях", "ях", "ах", "ов", "ев",
    "ей", "ой", "ий", "ый", "ая", "яя", "ое", "ее", "ую", "юю", "ам", "ям", "ом", "ем", "ию", "ия", "ие", "ии",
    "ью", "а", "я", "ы", "и", "у", "ю", "е", "о", "ь"];
  function stem(word) {
    var w = word.toLowerCase().replace(/ё/g, "е");
    for (var i = 0; i < ENDINGS.length; i++) {
      var e = ENDINGS[i];
      if (w.length - e.length >= 4 && w.slice(-e.length) === e) return w.slice(0, -e.length);
    }
    return w;
  }
  function rewrite(query) {
    if (/["+\-~^:*]/.test(query)) return query; // the reader wrote lunr syntax: leave it alone
    return query.split(/\s+/).map(function (word) {
      if (!/^[а-яё]{5,}$/i.test(word)) return word;
      var s = stem(word);
      return s !== word.toLowerCase() ? word + " " + s : word;
    }).join(" ");
  }
  function Worker(url, options) {
    var worker = new NativeWorker(url, options);
    var post = worker.postMessage;
    worker.postMessage = function (message) {
      if (message && message.type === 2 && typeof message.data === "string") {
        message = { type: message.type, data: rewrite(message.data) };
      }
      return post.apply(worker, [message].concat(Array.prototype.slice.call(arguments, 1)));
    };
    return worker;
  }
  Worker.prototype = NativeWorker.prototype;
  window.Worker = Worker;
  window.pkSearchStem = stem;
})();
