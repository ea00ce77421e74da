/* profkarta service worker: network first for everything, saved copies only when the network fails.
   It never breaks the online site: same-origin GET requests inside its scope only, errors are never
   stored, and any failure falls through to the network's own answer. */
"use strict";
var FORMAT = "pk-v1-";  // caches of another format are removed on activation
var SAVED = FORMAT + "saved";  // what «Сохранить для показа без интернета» stored (channels.js)
var BUILD = "__PK_BUILD__";  // this build: a new site version installs a new worker

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf("pk-") === 0 && n.indexOf(FORMAT) !== 0; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

function mine(request) {
  if (request.method !== "GET") { return false; }
  var url = new URL(request.url);
  return url.origin === self.location.origin && request.url.indexOf(self.registration.scope) === 0;
}

function saved(request, ignoreSearch) {
  return caches.open(SAVED).then(function (cache) { return cache.match(request, {ignoreSearch: ignoreSearch}); });
}

function refresh(request, response) {
  // a page that was saved is kept fresh whenever it is opened online; other pages are not stored
  if (!response || !response.ok || response.type !== "basic" || response.redirected) { return; }
  var copy = response.clone();
  caches.open(SAVED).then(function (cache) {
    return cache.match(request, {ignoreSearch: true}).then(function (old) {
      if (old) { return cache.put(request.url.split("?")[0], copy); }
    });
  }).catch(function () {});
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (!mine(request)) { return; }
  var page = request.mode === "navigate";
  if (page) {
    event.respondWith(fetch(request).then(function (response) {
      refresh(request, response);
      return response;
    }).catch(function (error) {
      return saved(request, true).then(function (hit) {
        if (hit) { return hit; }
        return saved(new URL("offline/", self.registration.scope).href, true).then(function (help) {
          if (help) { return help; }
          throw error;
        });
      });
    }));
    return;
  }
  // files too: network first (a new CSS never hides behind an old copy), the saved copy when offline
  event.respondWith(fetch(request).catch(function (error) {
    return saved(request, false).then(function (hit) {
      if (hit) { return hit; }
      throw error;
    });
  }));
});
