// Kirim WA to the visitor: the link follows the message the officer edits. Loaded once.
(function () {
  "use strict";
  if (window.pstSuratWa) return;
  window.pstSuratWa = true;
  document.addEventListener("input", function (e) {
    var teks = e.target.closest("[data-wa-untuk]");
    if (!teks) return;
    var tautan = document.getElementById(teks.getAttribute("data-wa-untuk"));
    if (!tautan) return;
    tautan.href = "https://wa.me/" + (tautan.getAttribute("data-nomor") || "") + "?text=" + encodeURIComponent(teks.value);
  });
})();
