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
})();
