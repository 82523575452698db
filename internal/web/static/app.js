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

// ---- Meeting quality (issue 4): score steppers, override reasons, sheet sum ----
(function () {
  "use strict";

  // The − and + beside each item's points work only with JavaScript, so
  // they are shown here; the number field works without them.
  document.querySelectorAll(".q-step[hidden]").forEach(function (b) { b.hidden = false; });

  // A computed item changed from the data's value needs a reason: its
  // field appears as soon as the points differ.
  function syncReason(input) {
    var box = document.getElementById(input.getAttribute("data-reason"));
    if (!box) return;
    var v = input.value.trim();
    if (v !== "" && v !== input.getAttribute("data-computed")) box.hidden = false;
    else if (!box.classList.contains("has-error")) box.hidden = true;
  }

  document.addEventListener("click", function (e) {
    var b = e.target.closest(".q-step");
    if (!b) return;
    var input = document.getElementById(b.getAttribute("data-for"));
    if (!input) return;
    var lo = parseInt(input.min || "0", 10), hi = parseInt(input.max || "0", 10);
    var v = parseInt(input.value, 10);
    if (isNaN(v)) v = 0;
    v = Math.min(hi, Math.max(lo, v + parseInt(b.getAttribute("data-step"), 10)));
    input.value = String(v);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });

  // The running sum of a score sheet's items, as the points are typed.
  function sheetSum(form) {
    var out = document.getElementById("sheet-sum");
    if (!out || !out.getAttribute("data-template")) return;
    var sum = 0;
    form.querySelectorAll("input[name$='.points']").forEach(function (i) {
      var n = parseInt(i.value, 10);
      if (!isNaN(n)) sum += n;
    });
    out.textContent = out.getAttribute("data-template").replace("{0}", sum.toLocaleString("vi-VN"));
  }

  document.addEventListener("input", function (e) {
    var t = e.target;
    if (!t.matches) return;
    if (t.matches("input[data-computed]")) syncReason(t);
    var sheet = t.closest("#sheet-form");
    if (sheet) sheetSum(sheet);
  });
})();
// ---- end of meeting quality ----

// === Oversight dashboards (issue 5) ===
(function () {
  "use strict";
  // A wide chart opens on its latest months: scroll its box to the end.
  function toEnd() {
    document.querySelectorAll(".chart-scroll[data-scroll-end]").forEach(function (b) {
      b.scrollLeft = b.scrollWidth;
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", toEnd);
  else toEnd();
  // Printing shows the tables folded under the charts.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.chart-data:not([open])").forEach(function (d) {
      d.setAttribute("open", "");
      d.setAttribute("data-print-opened", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-print-opened]").forEach(function (d) {
      d.removeAttribute("open");
      d.removeAttribute("data-print-opened");
    });
  });
})();
// === end oversight ===

// ==== Meetings: the secretary's month (web layer of internal/meetings) ====
// Everything here only enhances pages that work without it.
(function () {
  "use strict";

  // Roll call and votes: an answer that refuses (400, 409, 422) still
  // carries the row with its message beside it; show it.
  document.addEventListener("htmx:beforeSwap", function (e) {
    var s = e.detail.xhr && e.detail.xhr.status;
    if (s === 400 || s === 409 || s === 422) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });

  // Roll call: "Vắng có lý do" needs a reason. Until one is typed, do not
  // send the row; open the reason field instead (it is saved when left).
  document.addEventListener("htmx:confirm", function (e) {
    var t = e.detail.triggeringEvent && e.detail.triggeringEvent.target;
    if (!t || !t.matches || !t.matches('input[type=radio][value="vang_co_ly_do"]')) return;
    var row = t.closest(".roll-row");
    var reason = row && row.querySelector(".roll-reason input");
    if (reason && reason.value.trim() === "") {
      e.preventDefault();
      reason.focus();
    }
  });

  // Steppers (− / +) around the vote counts.
  document.querySelectorAll("input[data-stepper]").forEach(function (inp) {
    var wrap = document.createElement("div");
    wrap.className = "stepper";
    function button(text, delta, label) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "btn step-btn";
      b.textContent = text;
      b.setAttribute("aria-label", label || text);
      b.addEventListener("click", function () {
        var v = (parseInt(inp.value, 10) || 0) + delta;
        var max = parseInt(inp.getAttribute("data-max"), 10);
        if (!isNaN(max) && v > max) v = max;
        inp.value = Math.max(0, v);
        inp.dispatchEvent(new Event("input", { bubbles: true }));
      });
      return b;
    }
    inp.parentNode.insertBefore(wrap, inp);
    wrap.appendChild(button("−", -1, inp.getAttribute("data-less")));
    wrap.appendChild(inp);
    wrap.appendChild(button("+", 1, inp.getAttribute("data-more")));
  });

  // Copy a calendar address.
  document.querySelectorAll(".copy-btn").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () {
      var inp = document.getElementById(b.getAttribute("data-copy"));
      if (!inp) return;
      inp.select();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(inp.value);
      } else {
        document.execCommand("copy");
      }
      b.textContent = b.getAttribute("data-done") || b.textContent;
    });
  });

  // Minutes: pick a speaker by typing part of a name, diacritics optional.
  function enhanceSpeakers(root) {
    root.querySelectorAll(".speaker-input").forEach(function (inp) {
      inp.removeAttribute("list"); // our own list replaces the browser's
      inp.setAttribute("aria-autocomplete", "list");
    });
  }
  function closeSuggest(field) {
    var ul = field && field.querySelector(".suggest");
    if (ul) ul.remove();
  }
  var searchTimer = null;
  document.addEventListener("input", function (e) {
    var inp = e.target.closest && e.target.closest(".speaker-input");
    if (!inp) return;
    var hidden = document.getElementById(inp.getAttribute("data-member"));
    if (hidden && inp.getAttribute("data-picked") !== inp.value) hidden.value = "";
    clearTimeout(searchTimer);
    var q = inp.value.trim();
    var field = inp.closest(".speaker-field");
    if (q === "") { closeSuggest(field); return; }
    searchTimer = setTimeout(function () {
      fetch(inp.getAttribute("data-search") + "?q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (list) {
          closeSuggest(field);
          if (!list.length || inp.value.trim() !== q) return;
          var ul = document.createElement("ul");
          ul.className = "suggest";
          list.forEach(function (m) {
            var li = document.createElement("li");
            var b = document.createElement("button");
            b.type = "button";
            b.textContent = m.name;
            b.addEventListener("click", function () {
              inp.value = m.name;
              inp.setAttribute("data-picked", m.name);
              if (hidden) hidden.value = String(m.id);
              closeSuggest(field);
              inp.dispatchEvent(new Event("change", { bubbles: true }));
              var text = field.parentNode.querySelector("textarea");
              if (text) text.focus();
            });
            li.appendChild(b);
            ul.appendChild(li);
          });
          field.appendChild(ul);
        })
        .catch(function () {});
    }, 200);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") document.querySelectorAll(".suggest").forEach(function (ul) { ul.remove(); });
  });
  document.addEventListener("click", function (e) {
    if (!e.target.closest(".speaker-field")) document.querySelectorAll(".suggest").forEach(function (ul) { ul.remove(); });
  });

  // "Thêm ý kiến": one more speech row under the section.
  var tpl = document.getElementById("speech-tpl");
  if (tpl) {
    enhanceSpeakers(document);
    document.querySelectorAll(".add-speech").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () {
        var box = b.previousElementSibling;
        if (!box || !box.classList.contains("speeches")) return;
        var n = parseInt(box.getAttribute("data-next"), 10) || 0;
        var html = tpl.innerHTML.split("__P__").join(box.getAttribute("data-prefix") + n + ".")
          .split("__ID__").join(box.getAttribute("data-id") + "-" + n);
        box.setAttribute("data-next", String(n + 1));
        box.insertAdjacentHTML("beforeend", html);
        enhanceSpeakers(box);
        var inputs = box.querySelectorAll(".speaker-input");
        inputs[inputs.length - 1].focus();
      });
    });
  }

  // Minutes: save as one types (about 2 s after the last key), with the
  // version the editor started from; say when it was saved, or that it was
  // not and the text is still here; on a conflict, show the newer version
  // and let the writer choose.
  var form = document.querySelector("form[data-autosave]");
  if (!form) return;
  var status = document.getElementById("save-status");
  var conflictBox = document.getElementById("conflict-live");
  var timer = null, inflight = false, dirty = false, paused = false;
  function say(text, ok) {
    if (!status) return;
    status.textContent = text || "";
    status.className = "save-status " + (ok ? "is-ok" : "is-error");
  }
  function schedule(delay) {
    dirty = true;
    if (paused) return;
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  }
  function renderMissing(j) {
    var box = document.getElementById("missing");
    if (!box) return;
    box.textContent = "";
    box.classList.toggle("is-complete", !!j.complete);
    var p = document.createElement("p");
    if (j.complete) {
      p.className = "ok-line";
      p.textContent = "✓ " + box.getAttribute("data-complete");
      box.appendChild(p);
      return;
    }
    p.className = "missing-title";
    p.textContent = box.getAttribute("data-title");
    box.appendChild(p);
    var ul = document.createElement("ul");
    (j.missing || []).forEach(function (m) {
      var li = document.createElement("li");
      li.textContent = m;
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }
  // The state of each agenda item, as the core judged the saved minutes.
  function renderItems(j) {
    var missing = {};
    (j.missing_items || []).forEach(function (k) { missing[k] = true; });
    document.querySelectorAll("details.minutes-item[data-key]").forEach(function (d) {
      var st = d.querySelector(".item-state");
      if (!st) return;
      var written = Array.prototype.some.call(d.querySelectorAll("textarea, input[type=text]"), function (i) { return i.value.trim() !== ""; });
      var key = missing[d.getAttribute("data-key")] ? "missing" : (written ? "done" : "");
      st.className = "item-state" + (key ? " is-" + key : "");
      st.textContent = key ? st.getAttribute("data-" + key) : "";
    });
  }
  function showConflict(c) {
    paused = true;
    if (!conflictBox) return;
    conflictBox.querySelector("h3").textContent = (conflictBox.getAttribute("data-title") || "")
      .replace("{0}", c.updated_at || "").replace("{1}", c.updated_by || "");
    conflictBox.querySelector("pre").textContent = c.text || "";
    conflictBox.setAttribute("data-version", String(c.version));
    conflictBox.hidden = false;
    conflictBox.scrollIntoView({ block: "start" });
  }
  if (conflictBox) {
    conflictBox.addEventListener("click", function (e) {
      var b = e.target.closest("[data-conflict]");
      if (!b) return;
      if (b.getAttribute("data-conflict") === "reload") {
        window.location.reload();
        return;
      }
      form.elements.version.value = conflictBox.getAttribute("data-version");
      conflictBox.hidden = true;
      paused = false;
      dirty = true;
      save();
    });
  }
  function save() {
    if (paused || !dirty) return;
    if (inflight) { schedule(500); return; }
    dirty = false;
    inflight = true;
    say(form.getAttribute("data-saving"), true);
    fetch(form.action, {
      method: "POST", credentials: "same-origin", body: new URLSearchParams(new FormData(form)),
      headers: { "X-Chibo-Autosave": "1", "Accept": "application/json" }
    }).then(function (r) {
      return r.json().then(function (j) { return { ok: r.ok, j: j }; });
    }).then(function (res) {
      inflight = false;
      var j = res.j;
      if (res.ok) {
        form.elements.version.value = j.version;
        say(j.status, true);
        renderMissing(j);
        renderItems(j);
        return;
      }
      say(j.status, false);
      if (j.conflict) { showConflict(j.conflict); return; }
      dirty = true; // try again after the next change
    }).catch(function () {
      inflight = false;
      say(form.getAttribute("data-offline"), false);
      schedule(10000);
    });
  }
  form.addEventListener("input", function () { schedule(2000); });
  form.addEventListener("change", function () { schedule(2000); });
  form.addEventListener("submit", function () { clearTimeout(timer); paused = true; });
  window.addEventListener("beforeunload", function (e) {
    if (dirty && !paused) { save(); e.preventDefault(); }
  });
})();
// ==== end of meetings ====
