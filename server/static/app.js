// Progressive enhancement for the evidence view: without this script every
// quotation is a link to its record and back; with it, choosing a quotation
// shows its record in a panel beside the text and marks the whole quotation.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var panel = document.getElementById("panel");
  if (!panel) return;

  function segments(q) {
    return document.querySelectorAll('.text a[data-q="' + q + '"]');
  }

  function show(q, focus) {
    var rec = document.getElementById("rec-" + q);
    if (!rec) return;
    document.querySelectorAll(".text a.active, .rec.active").forEach(function (el) {
      el.classList.remove("active");
    });
    segments(q).forEach(function (el) { el.classList.add("active"); });
    rec.classList.add("active");
    panel.textContent = "";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.textContent = "Close";
    close.addEventListener("click", hide);
    panel.appendChild(close);
    var copy = rec.cloneNode(true);
    copy.removeAttribute("id");
    copy.classList.remove("active");
    panel.appendChild(copy);
    panel.hidden = false;
    if (focus) panel.focus();
  }

  function hide() {
    var active = document.querySelector(".text a.active");
    panel.hidden = true;
    document.querySelectorAll(".text a.active, .rec.active").forEach(function (el) {
      el.classList.remove("active");
    });
    if (active) {
      var lead = document.getElementById(active.dataset.q);
      (lead || active).focus();
    }
  }

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest(".text a[data-q]");
    if (!a) return;
    ev.preventDefault();
    history.replaceState(null, "", "#" + a.dataset.q);
    show(a.dataset.q, true);
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && !panel.hidden) hide();
  });

  // A link from elsewhere (/articles/7#q12) lands on the quotation's span:
  // show its record too.
  var m = /^#(q\d+)$/.exec(location.hash);
  if (m) show(m[1], false);
})();

// A page sent before its totals and facets were counted (the server waits
// a moment, not for as long as a rare query over a large corpus takes)
// asks for itself again until they are, and swaps them in. Without this
// script the page says to reload.
(function () {
  "use strict";
  if (!document.querySelector("[data-counting][id]") || !window.fetch || !window.DOMParser) return;
  var tries = 0;
  function poll() {
    if (++tries > 30) return;
    fetch(location.href, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll("[data-counting][id]").forEach(function (el) {
          var next = doc.getElementById(el.id);
          if (next && !next.hasAttribute("data-counting")) el.replaceWith(document.importNode(next, true));
        });
        if (document.querySelector("[data-counting][id]")) setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 500);
})();
