// Filter forms sit in <details open>: without JavaScript they stay open. On a phone, a panel whose
// filters are not in use starts closed, so the first results come before a screen of fields.
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 40rem)");
  function fold() {
    if (!narrow.matches) return;
    document.querySelectorAll("details[data-filters]:not([data-active])").forEach(function (panel) {
      panel.open = false;
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fold);
  else fold();
})();
