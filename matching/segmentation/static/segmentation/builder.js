// Live count for the segment builder. The form works without this script (submit to apply);
// with it, the count follows each change, and "Save" keeps the filters currently chosen.
(function () {
  "use strict";
  var form = document.getElementById("segment-filters");
  if (!form || !window.fetch) return;
  var output = document.getElementById("segment-count");
  var url = form.getAttribute("data-count-url");
  var timer = null;
  var controller = null;

  function query() {
    return new URLSearchParams(new FormData(form)).toString();
  }

  function refresh() {
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    output.setAttribute("aria-busy", "true");
    fetch(url + "?" + query(), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: controller ? controller.signal : undefined,
    })
      .then(function (response) {
        return response.ok ? response.json() : Promise.reject(response.status);
      })
      .then(function (data) {
        output.textContent = data.label;
        output.setAttribute("data-count", data.count);
      })
      .catch(function () {})
      .finally(function () {
        output.removeAttribute("aria-busy");
      });
  }

  form.addEventListener("change", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 250);
  });

  var save = document.getElementById("segment-save");
  if (save) {
    save.addEventListener("submit", function () {
      save.querySelectorAll("input[data-filter]").forEach(function (input) {
        input.remove();
      });
      new FormData(form).forEach(function (value, name) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        input.setAttribute("data-filter", "");
        save.appendChild(input);
      });
    });
  }
})();
