// The officer's desk: focus after HTMX actions, keyboard shortcuts, the bell's polling and
// Tugaskan's bar. Progressive enhancements like app.js; every page works without them.

// After an HTMX action the focus stays in the part that changed, never on <body>: htmx itself puts
// it back on an element with the same id; otherwise the first field with an error, else the element
// the page marks data-fokus="<the part's id>" (the next step: the file field after a letter number,
// the status after Update), else the part's first control. A tab switch (its heading), polling
// and the message area are left alone.
(function () {
  "use strict";
  var BISA_FOKUS = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]";
  function fokusHilang() {
    var aktif = document.activeElement;
    return !aktif || aktif === document.body || !aktif.isConnected;
  }
  document.addEventListener("htmx:afterSettle", function (e) {
    var bagian = e.target;
    if (!bagian || !bagian.querySelector || !bagian.isConnected || !fokusHilang()) return;
    if (bagian.id === "tab-area" || bagian.id === "pesan" || bagian.closest("#pesan")) return;
    var pemicu = e.detail && e.detail.elt;
    if (pemicu && (pemicu.getAttribute("hx-trigger") || "").indexOf("every") !== -1) return;
    // data-fokus names the part it belongs to ("kelola", "surat"): a part holding another keeps its own.
    var tujuan = bagian.querySelector("[aria-invalid=true], .is-invalid") ||
      (bagian.id && bagian.querySelector("[data-fokus~='" + bagian.id + "']"));
    if (!tujuan) {
      tujuan = Array.prototype.slice.call(bagian.querySelectorAll(BISA_FOKUS)).find(function (el) {
        return el.offsetParent !== null && el.getAttribute("tabindex") !== "-1";
      });
    }
    if (!tujuan && bagian.matches(BISA_FOKUS)) tujuan = bagian;
    if (tujuan) {
      if (!tujuan.matches(BISA_FOKUS)) tujuan.setAttribute("tabindex", "-1");
      tujuan.focus();
    }
  });
  // A link to a service's Update (the lists' Update, the guide's button) lands in its status field.
  function keUpdate() {
    if (window.location.hash !== "#update") return;
    var status = document.querySelector("#form-update select");
    if (status) status.focus();
  }
  document.addEventListener("DOMContentLoaded", keUpdate);
  window.addEventListener("hashchange", keUpdate);
})();

// Keyboard shortcuts, whenever the cursor is not in a field: elements carry data-pintasan="key"
// (a field, or a button marked data-pintasan-fokus, gets the focus; anything else is clicked);
// "n" opens a new Buku Tamu with the cursor in Nama, "u" goes to Update's status, "?" lists them
// all (includes/pintasan.html).
(function () {
  "use strict";
  var fokusSetelahTab = null;
  function sedangMengetik(el) {
    return el && (el.isContentEditable || (el.closest && el.closest("input, textarea, select, [contenteditable]")));
  }
  function terlihat(el) {
    return el && el.getClientRects().length > 0;
  }
  function bukaBantuan() {
    var dialog = document.getElementById("dialog-pintasan");
    if (dialog && !dialog.open) dialog.showModal();
  }
  document.addEventListener("click", function (e) {
    var tutup = e.target.closest("[data-tutup-dialog]");
    if (tutup) tutup.closest("dialog").close();
  });
  document.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || sedangMengetik(e.target)) return;
    if (document.querySelector("dialog[open]")) return;  // the dialog keeps the keys (Esc closes it)
    var kunci = e.key;
    if (kunci === "?") {
      e.preventDefault();
      bukaBantuan();
      return;
    }
    if (e.shiftKey && kunci !== "/") return;  // "/" takes Shift on some keyboard layouts
    if (kunci === "n") {
      var nama = document.getElementById("id_nama");
      if (nama && terlihat(nama)) {
        e.preventDefault();
        nama.focus();
        return;
      }
      fokusSetelahTab = "#id_nama";
      kunci = "2";  // the Buku Tamu tab
    } else if (kunci === "u") {
      var status = document.querySelector("#form-update select");
      if (status) {
        e.preventDefault();
        status.scrollIntoView({block: "center"});
        status.focus();
      }
      return;
    }
    var sasaran = Array.prototype.slice.call(document.querySelectorAll("[data-pintasan]")).find(function (el) {
      return el.getAttribute("data-pintasan") === kunci && (terlihat(el) || el.closest(".navbar-collapse"));
    });
    if (!sasaran) {
      fokusSetelahTab = null;
      return;
    }
    e.preventDefault();
    if (sasaran.matches("input, select, textarea") || sasaran.hasAttribute("data-pintasan-fokus")) {
      sasaran.scrollIntoView({block: "center"});
      sasaran.focus();  // a form's button: the officer checks the fields, then Enter
    } else {
      sasaran.click();
    }
  });
  // A tab opened by "n" lands in its field rather than on its heading (see the tab handler above).
  document.addEventListener("htmx:afterSettle", function (e) {
    if (!fokusSetelahTab || !e.target || e.target.id !== "tab-area") return;
    var el = document.querySelector(fokusSetelahTab);
    fokusSetelahTab = null;
    if (el) el.focus();
  });
})();

// Polling that waits (data-jeda-tersembunyi: the bell): nothing is asked while the tab is hidden,
// and one refresh comes when it shows again; an open dropdown or a focused control inside is not
// redrawn under the officer's hand.
(function () {
  "use strict";
  document.addEventListener("htmx:beforeRequest", function (e) {
    var elt = e.detail.elt;
    if (!elt || !elt.hasAttribute || !elt.hasAttribute("data-jeda-tersembunyi")) return;
    var terbuka = elt.querySelector(".dropdown-menu.show");
    // htmx gives focus back to a control with an id (the bell's button) after the swap; others would lose it.
    var fokus = document.activeElement;
    if (document.hidden || terbuka || (elt.contains(fokus) && !fokus.id)) e.preventDefault();
  });
  // An answer that was already on its way when the officer opened the dropdown waits too; the bell
  // asks again once the dropdown closes, so no count is lost.
  document.addEventListener("htmx:beforeSwap", function (e) {
    var elt = e.detail.elt;
    if (!elt || !elt.hasAttribute || !elt.hasAttribute("data-jeda-tersembunyi")) return;
    if (elt.querySelector(".dropdown-menu.show")) e.detail.shouldSwap = false;
  });
  document.addEventListener("hidden.bs.dropdown", function (e) {
    var elt = e.target && e.target.closest ? e.target.closest("[data-jeda-tersembunyi]") : null;
    if (elt && window.htmx) window.htmx.trigger(elt, "segarkan");
  });
  document.addEventListener("visibilitychange", function () {
    if (document.hidden || !window.htmx) return;
    document.querySelectorAll("[data-jeda-tersembunyi]").forEach(function (el) { window.htmx.trigger(el, "segarkan"); });
  });
})();

// Tugaskan on Semua Layanan: the bar shows once a row is chosen and says how many; "pilih semua"
// in the header ticks the page's rows. Without JavaScript the bar simply stays.
(function () {
  "use strict";
  function perbaruiBilah() {
    document.querySelectorAll("[data-bilah-pilihan]").forEach(function (bilah) {
      var nama = bilah.getAttribute("data-bilah-pilihan");
      var kotak = Array.prototype.slice.call(document.querySelectorAll("input[type=checkbox][name='" + nama + "'][form='" + bilah.id + "']"));
      var dipilih = kotak.filter(function (k) { return k.checked; }).length;
      var semua = document.querySelector("[data-pilih-semua='" + nama + "']");
      if (semua) {
        semua.hidden = false;
        semua.checked = dipilih > 0 && dipilih === kotak.length;
        semua.indeterminate = dipilih > 0 && dipilih < kotak.length;
      }
      var teks = bilah.querySelector("[data-jumlah-dipilih]");
      if (teks) teks.textContent = dipilih + " layanan dipilih,";
      bilah.hidden = dipilih === 0;
    });
  }
  document.addEventListener("change", function (e) {
    var semua = e.target.closest && e.target.closest("[data-pilih-semua]");
    if (semua) {
      var nama = semua.getAttribute("data-pilih-semua");
      document.querySelectorAll("input[type=checkbox][name='" + nama + "']").forEach(function (k) { k.checked = semua.checked; });
    }
    if (semua || (e.target.matches && e.target.matches("input[type=checkbox][form]"))) perbaruiBilah();
  });
  document.addEventListener("DOMContentLoaded", perbaruiBilah);
  document.addEventListener("htmx:afterSettle", perbaruiBilah);
})();
