// Moved out of the page: the Content-Security-Policy allows no inline script.
document.querySelectorAll(".js-viewer-time").forEach(function (el) {
  var start = new Date(el.dataset.start);
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  el.textContent = (window.KafaatDates ? KafaatDates.dateTime(start) : start.toLocaleString(document.documentElement.lang)) + " (" + zone + ")";
});
