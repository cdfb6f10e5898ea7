// The header's menus fold behind one button on narrow screens (CSS decides when). Without this script
// the button stays hidden and every menu shows: nothing depends on it.
(function () {
  "use strict";
  var header = document.querySelector("[data-site-header]");
  if (!header) { return; }
  var button = header.querySelector(".site-header__toggle");
  var panel = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!panel) { return; }

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  header.classList.add("site-header--folding");
  button.hidden = false;
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  // Escape closes the open menu and gives the focus back to its button.
  header.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
})();
