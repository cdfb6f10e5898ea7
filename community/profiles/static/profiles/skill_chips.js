// Skills as a tag input: Enter (or the "Add" button) turns what is typed into a chip, commas included,
// so that "BIM (Revit, Tekla)" stays one skill. Without this script the form offers one box per skill.
(function () {
  "use strict";
  function chip(list, name, value) {
    var item = document.createElement("li");
    item.className = "skill-chip";
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.name = name;
    box.value = value;
    box.checked = true;
    var text = document.createElement("bdi");
    text.textContent = value;
    label.appendChild(box);
    label.appendChild(document.createTextNode(" "));
    label.appendChild(text);
    item.appendChild(label);
    list.appendChild(item);
  }
  function setUp(root) {
    var name = root.getAttribute("data-name");
    var list = root.querySelector(".skill-chips__list");
    var inputs = root.querySelectorAll(".skill-chips__input");
    var input = inputs[0];
    for (var i = 1; i < inputs.length; i++) inputs[i].parentNode.removeChild(inputs[i]);
    function add() {
      var value = input.value.replace(/\s+/g, " ").trim();
      if (!value) return;
      var known = list.querySelectorAll("input[type=checkbox]");
      for (var k = 0; k < known.length; k++) {
        if (known[k].value.toLowerCase() === value.toLowerCase()) { known[k].checked = true; input.value = ""; return; }
      }
      chip(list, name, value);
      input.value = "";
    }
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); add(); }
    });
    input.form && input.form.addEventListener("submit", add);
  }
  document.querySelectorAll("[data-skill-chips]").forEach(setUp);
})();
