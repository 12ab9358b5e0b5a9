// VFAC: progressive enhancement only; every page works without this file.
// Close an open menu (language, account) when the reader clicks elsewhere or presses Escape.
(function () {
  "use strict";
  function closeMenus(except) {
    document.querySelectorAll("details.menu[open]").forEach(function (d) {
      if (d !== except) { d.removeAttribute("open"); }
    });
  }
  document.addEventListener("click", function (e) {
    closeMenus(e.target.closest ? e.target.closest("details.menu") : null);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { closeMenus(null); }
  });
})();
