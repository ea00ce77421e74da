/* profkarta: the offline kit (service worker, «Сохранить для показа без интернета») and the embed snippet's copy button. */
(function () {
  "use strict";
  var root;
  try {
    var cfg = JSON.parse(document.getElementById("__config").textContent);
    root = new URL(cfg.base.replace(/\/?$/, "/"), location.href).href;
  } catch (e) { return; }
  var offlineOk = "serviceWorker" in navigator && "caches" in window && window.isSecureContext;
  if (offlineOk) {
    navigator.serviceWorker.register(root + "sw.js", {scope: root}).catch(function () {});
  }

  function size(bytes) {
    if (bytes < 1024 * 1024) { return Math.max(1, Math.round(bytes / 1024)) + " КБ"; }
    return (bytes / 1024 / 1024).toFixed(1).replace(".", ",") + " МБ";
  }

  document.querySelectorAll("[data-pk-offline]").forEach(function (box) {
    var button = box.querySelector("button");
    var status = box.querySelector(".pk-offline-status");
    var bar = box.querySelector("progress");
    if (!offlineOk) {
      status.textContent = "Этот браузер не умеет сохранять страницы для показа без интернета: откройте сайт в Chrome, Яндекс Браузере или Safari по адресу https://.";
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      status.textContent = "Готовим список файлов…";
      fetch(new URL(box.getAttribute("data-pk-offline"), location.href).href, {cache: "no-cache"})
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (list) {
          return caches.open("pk-v1-saved").then(function (cache) {
            var done = 0, bytes = 0, failed = 0, files = list.files;
            bar.max = files.length; bar.value = 0; bar.hidden = false;
            function next(i) {
              if (i >= files.length) { return Promise.resolve(); }
              var url = new URL(files[i], root).href;
              return fetch(url, {cache: "no-cache"}).then(function (r) {
                if (!r.ok) { failed += 1; return; }
                return r.clone().blob().then(function (b) { bytes += b.size; return cache.put(url, r); });
              }).catch(function () { failed += 1; }).then(function () {
                done += 1; bar.value = done;
                status.textContent = "Сохранено " + done + " из " + files.length + " (" + size(bytes) + ")";
                return next(i + 1);
              });
            }
            return next(0).then(function () {
              bar.hidden = true;
              status.textContent = (failed ? "Сохранено с пропусками (" + failed + " не загрузилось). " : "Готово: ") +
                "сохранено файлов: " + (done - failed) + ", " + size(bytes) +
                ". Страницы карт и слайды кластера «" + list.title + "» откроются без интернета.";
              status.setAttribute("data-pk-saved", String(bytes));
              button.disabled = false;
              button.textContent = "Обновить сохранённое";
            });
          });
        })
        .catch(function () {
          status.textContent = "Не получилось сохранить: проверьте интернет и попробуйте ещё раз.";
          button.disabled = false;
        });
    });
  });

  document.querySelectorAll("[data-pk-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var field = document.getElementById(button.getAttribute("data-pk-copy"));
      var done = function () { button.textContent = "Скопировано"; };
      field.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand("copy"); done(); });
      } else { document.execCommand("copy"); done(); }
    });
  });
}());
