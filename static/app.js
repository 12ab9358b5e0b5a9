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

// Ask form: offer similar existing questions while the title is typed (the form also shows
// them on a confirmation step without JavaScript; once shown here, that step is skipped).
(function () {
  "use strict";
  var form = document.querySelector("form.ask[data-similar]");
  if (!form || !window.fetch) { return; }
  var title = form.querySelector("#title");
  var box = document.getElementById("similar-live");
  var seen = document.getElementById("similar_seen");
  var timer = null, last = "";
  function show(items) {
    var list = box.querySelector("ul");
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = item.url; a.textContent = item.title; a.dir = "auto";
      li.appendChild(a);
      list.appendChild(li);
    });
    box.hidden = items.length === 0;
    if (items.length) { seen.value = "1"; }
  }
  title.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = title.value.trim();
      if (q.length < 8 || q === last) { return; }
      last = q;
      fetch(form.dataset.similar + "?title=" + encodeURIComponent(q), {credentials: "same-origin"})
        .then(function (r) { return r.ok ? r.json() : []; }).then(show).catch(function () {});
    }, 500);
  });
})();
