// Moved out of the page: the Content-Security-Policy allows no inline script.
document.querySelectorAll(".js-viewer-time").forEach(function (el) {
  var start = new Date(el.dataset.start);
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  el.textContent = new Intl.DateTimeFormat(document.documentElement.lang, {dateStyle: "full", timeStyle: "short"}).format(start) + " (" + zone + ")";
});
