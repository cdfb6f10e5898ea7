// Long lists of checkboxes (e.g. the segment builder's countries): a box that filters the list as one
// types, and the "Chosen" line kept up to date. Progressive enhancement: without this script the list
// is all there, folded in its <details>, and works the same.
(function () {
  "use strict";

  function fold(text) {
    return (text || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f\u064b-\u065f\u0640]/g, "")
      .replace(/[أإآٱ]/g, "ا")
      .replace(/ى/g, "ي")
      .replace(/ة/g, "ه")
      .toLowerCase()
      .trim();
  }

  function options(list) {
    return Array.prototype.slice.call(list.querySelectorAll("input[type=checkbox]")).map(function (box) {
      var label = box.closest("label") || list.querySelector("label[for='" + box.id + "']");
      return { box: box, row: (label && label.parentElement) || box.parentElement, text: label ? label.textContent : "" };
    });
  }

  function refreshChosen(list, items) {
    var chosen = document.querySelector("[data-chosen-for='" + list.getAttribute("data-choice-filter") + "']");
    if (!chosen) return;
    var ul = chosen.querySelector("ul");
    ul.textContent = "";
    items.forEach(function (item) {
      if (!item.box.checked) return;
      var li = document.createElement("li");
      li.textContent = item.text.trim();
      ul.appendChild(li);
    });
    chosen.hidden = !ul.children.length;
  }

  document.querySelectorAll("[data-choice-filter]").forEach(function (list, index) {
    var items = options(list);
    var id = (list.getAttribute("data-choice-filter") || "choice-list-" + index) + "_filter";
    var field = document.createElement("div");
    field.className = "choice-list__filter";
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = list.getAttribute("data-filter-label");
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    // No name: the filter text is never sent with the form.
    field.appendChild(label);
    field.appendChild(input);
    list.parentNode.insertBefore(field, list);

    input.addEventListener("input", function () {
      var wanted = fold(input.value);
      items.forEach(function (item) {
        item.row.hidden = Boolean(wanted) && !item.box.checked && fold(item.text).indexOf(wanted) === -1;
      });
    });
    // Enter in the filter box must not submit the builder.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();
    });
    list.addEventListener("change", function () {
      refreshChosen(list, items);
    });
  });
})();
