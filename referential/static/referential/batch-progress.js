// Moved out of the page: the Content-Security-Policy allows no inline script.
(function () {
  var panel = document.querySelector("[data-progress-url]");
  if (!panel || !panel.hasAttribute("data-running") || !window.fetch) return;
  var bar = document.getElementById("import-progress");
  function poll() {
    fetch(panel.dataset.progressUrl, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) return;
        panel.querySelectorAll("[data-field]").forEach(function (node) {
          if (node.dataset.field in data) node.textContent = data[node.dataset.field];
        });
        bar.value = data.progress;
        bar.textContent = data.progress + " %";
        if (data.finished) {
          panel.querySelector("[data-when-finished]").hidden = false;
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  poll();
})();
