// Chibo's own script: small touches on top of pages that work without it.
// No inline handlers anywhere (the Content-Security-Policy forbids them).
(function () {
  "use strict";

  // Buttons with data-confirm ask before submitting.
  document.addEventListener("click", function (e) {
    var b = e.target.closest("[data-confirm]");
    if (b && !window.confirm(b.getAttribute("data-confirm"))) {
      e.preventDefault();
      e.stopPropagation();
    }
  }, true);

  // Tree toggles: the first click loads the children (htmx), later clicks
  // fold and unfold them without asking the server again.
  document.addEventListener("click", function (e) {
    var t = e.target.closest(".tree .toggle[data-loaded]");
    if (!t) return;
    e.preventDefault();
    var ul = document.getElementById(t.getAttribute("aria-controls"));
    var open = t.getAttribute("aria-expanded") === "true";
    t.setAttribute("aria-expanded", open ? "false" : "true");
    t.textContent = open ? "▸" : "▾";
    if (ul) ul.hidden = open;
  });
  document.addEventListener("htmx:afterSwap", function (e) {
    var t = e.detail.requestConfig && e.detail.requestConfig.elt;
    if (t && t.classList && t.classList.contains("toggle")) {
      t.setAttribute("data-loaded", "1");
      t.setAttribute("aria-expanded", "true");
      t.textContent = "▾";
      t.removeAttribute("hx-get");
    }
  });

  // Close the menu when clicking elsewhere.
  document.addEventListener("click", function (e) {
    document.querySelectorAll("details.menu[open]").forEach(function (d) {
      if (!d.contains(e.target)) d.removeAttribute("open");
    });
  });
})();
