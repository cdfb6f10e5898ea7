// Dates written by scripts (live messages, the viewer's own time) read as the pages' own (core/dates.py):
// day, month name, year and a 24-hour time, with the month names the site chose for Arabic
// (<meta name="kafaat-date-locale">, "ar-MA" for the Moroccan names).
window.KafaatDates = (function () {
  "use strict";
  var root = document.documentElement;
  var meta = document.querySelector('meta[name="kafaat-date-locale"]');
  var locale = (meta && meta.content) || root.lang || undefined;
  var language = (root.lang || "").slice(0, 2);
  var SEPARATORS = {ar: "، ", fr: " ", en: ", "};

  function format(value, options, timeZone) {
    if (timeZone) { options.timeZone = timeZone; }
    return new Intl.DateTimeFormat(locale, options).format(value);
  }
  function date(value, timeZone) {
    return format(value, {day: "numeric", month: "long", year: "numeric"}, timeZone);
  }
  function time(value, timeZone) {
    return format(value, {hour: "2-digit", minute: "2-digit", hourCycle: "h23"}, timeZone);
  }
  function dateTime(value, timeZone) {
    var separator = SEPARATORS[language] !== undefined ? SEPARATORS[language] : " ";
    return date(value, timeZone) + separator + time(value, timeZone);
  }
  return {date: date, time: time, dateTime: dateTime};
})();
