// Kirim WA to the visitor: the link follows the message the officer edits. Loaded with the detail
// page (not with the letter panel that HTMX redraws), so it listens before the editor can appear.
(function () {
  "use strict";
  if (window.pstSuratWa) return;
  window.pstSuratWa = true;
  function ikuti(teks) {
    var tautan = document.getElementById(teks.getAttribute("data-wa-untuk"));
    if (!tautan) return;
    tautan.href = "https://wa.me/" + (tautan.getAttribute("data-nomor") || "") + "?text=" + encodeURIComponent(teks.value);
  }
  document.addEventListener("input", function (e) {
    var teks = e.target.closest("[data-wa-untuk]");
    if (teks) ikuti(teks);
  });
  // A message edited before this script ran (or restored by the browser) is followed too.
  document.querySelectorAll("[data-wa-untuk]").forEach(function (teks) {
    if (teks.value !== teks.defaultValue) ikuti(teks);
  });
})();
