// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  // Buku Tamu: show the request-letter field only when a data request is ticked, and the
  // online channel only for online visits. Without JavaScript both simply stay visible.
  function perbaruiBlok(root) {
    var form = (root || document).querySelector("#form-buku-tamu");
    if (!form) return;
    var adaPermintaanData = form.querySelector("input[data-permintaan-data]:checked") !== null;
    var online = form.querySelector("input[name=sarana][value=online]:checked") !== null;
    var surat = form.querySelector("[data-tampil-jika=permintaan-data]");
    var kanal = form.querySelector("[data-tampil-jika=online]");
    if (surat) surat.hidden = !adaPermintaanData;
    if (kanal) kanal.hidden = !online;
  }

  document.addEventListener("change", function (e) {
    if (e.target.closest("#form-buku-tamu")) perbaruiBlok();
  });
  document.addEventListener("DOMContentLoaded", function () { perbaruiBlok(); });
  document.addEventListener("htmx:afterSettle", function () { perbaruiBlok(); });

  // Ask before an action that cannot be undone (buttons with data-konfirmasi="…").
  document.addEventListener("click", function (e) {
    var el = e.target.closest("[data-konfirmasi]");
    if (el && !window.confirm(el.getAttribute("data-konfirmasi"))) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);

  // Close the visitor suggestions when one is chosen.
  document.addEventListener("htmx:afterSwap", function (e) {
    if (e.detail.target && e.detail.target.id === "identitas") {
      var saran = document.getElementById("saran-pengunjung");
      if (saran) saran.innerHTML = "";
    }
  });

  // Messages: success and info close themselves after a few seconds; warnings and errors stay.
  var LAMA_PESAN_MS = 5000;
  function jadwalkanTutupPesan() {
    document.querySelectorAll("#pesan [data-tutup-otomatis]:not([data-terjadwal])").forEach(function (el) {
      el.setAttribute("data-terjadwal", "");
      window.setTimeout(function () {
        if (!el.isConnected) return;
        if (window.bootstrap) window.bootstrap.Alert.getOrCreateInstance(el).close();
        else el.remove();
      }, LAMA_PESAN_MS);
    });
  }
  document.addEventListener("DOMContentLoaded", jadwalkanTutupPesan);
  document.addEventListener("htmx:afterSettle", jadwalkanTutupPesan);
  document.addEventListener("htmx:oobAfterSwap", jadwalkanTutupPesan);

  // Every HTMX action: the button (or the form's buttons) is disabled until the answer comes;
  // the progress bar at the top (hx-indicator on <body>) runs meanwhile.
  function tombolUntuk(elt) {
    if (elt.tagName === "FORM") return Array.prototype.slice.call(elt.querySelectorAll("button, input[type=submit]"));
    return [elt];
  }
  document.addEventListener("htmx:beforeRequest", function (e) {
    var elt = e.detail.elt;
    if (!elt || elt.hasAttribute("hx-disabled-elt") || (elt.getAttribute("hx-trigger") || "").indexOf("every") !== -1) return;
    if (elt.tagName === "INPUT" || elt.tagName === "SELECT" || elt.tagName === "TEXTAREA") return;  // typing stays possible
    var daftar = tombolUntuk(elt).filter(function (t) { return !t.disabled && t.getAttribute("aria-disabled") !== "true"; });
    daftar.forEach(function (t) {
      if ("disabled" in t && t.tagName !== "A") t.disabled = true;
      else { t.setAttribute("aria-disabled", "true"); t.classList.add("disabled"); }
      t.setAttribute("aria-busy", "true");
    });
    e.detail.xhr.__tombolSibuk = daftar;
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    (e.detail.xhr && e.detail.xhr.__tombolSibuk || []).forEach(function (t) {
      if (t.tagName !== "A") t.disabled = false;
      else { t.removeAttribute("aria-disabled"); t.classList.remove("disabled"); }
      t.removeAttribute("aria-busy");
    });
  });

  // After a tab switch: focus on the tab's heading, and the window title names the tab.
  document.addEventListener("htmx:afterSettle", function (e) {
    var area = document.getElementById("tab-area");
    if (!area || !e.detail.elt || (e.detail.elt !== area && e.detail.elt.id !== "tab-area")) return;
    if (!e.detail.requestConfig || e.detail.requestConfig.verb !== "get") return;
    var judul = area.querySelector("h1");
    if (judul) {
      judul.setAttribute("tabindex", "-1");
      judul.focus();
    }
    var tab = area.querySelector(".nav-tabs .nav-link.active, .nav-tabs [aria-current=page]");
    var nama = (tab || judul) ? (tab || judul).textContent.trim() : "";
    var akhiran = document.title.indexOf(" · ") !== -1 ? document.title.slice(document.title.indexOf(" · ")) : "";
    if (nama) document.title = nama + akhiran;
  });

  // Rating panel: "Tunjukkan ke pengunjung" shows both QR codes full screen; Esc or Tutup returns.
  function tampilkanTombolLayarPenuh() {
    document.querySelectorAll("[data-layar-penuh][hidden]").forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener("DOMContentLoaded", tampilkanTombolLayarPenuh);
  document.addEventListener("htmx:afterSettle", tampilkanTombolLayarPenuh);
  function tutupLayarPenuh() {
    var terbuka = document.querySelector(".tampil-penuh");
    if (!terbuka) return;
    terbuka.classList.remove("tampil-penuh");
    var pemicu = document.querySelector("[data-layar-penuh='" + terbuka.id + "']");
    var fokus = function () { if (pemicu) pemicu.focus(); };
    if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().then(fokus, fokus);
    else window.setTimeout(fokus, 0);  // after the browser has left full screen
  }
  document.addEventListener("click", function (e) {
    var buka = e.target.closest("[data-layar-penuh]");
    if (buka) {
      var wadah = document.getElementById(buka.getAttribute("data-layar-penuh"));
      if (!wadah) return;
      wadah.classList.add("tampil-penuh");
      if (wadah.requestFullscreen) wadah.requestFullscreen().catch(function () {});
      var tutup = wadah.querySelector("[data-tutup-layar-penuh]");
      if (tutup) tutup.focus();
    } else if (e.target.closest("[data-tutup-layar-penuh]")) {
      tutupLayarPenuh();
    }
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") tutupLayarPenuh(); });
  document.addEventListener("fullscreenchange", function () { if (!document.fullscreenElement) tutupLayarPenuh(); });
})();
