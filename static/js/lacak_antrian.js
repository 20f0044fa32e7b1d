// The visitor's queue page, the one phone page with a script: while the number waits, the place in
// the queue is fetched again every few seconds and written in place. Focus and scroll stay where
// the visitor left them, and a screen reader hears the new place (role="status"). Nothing is asked
// while the phone is in a pocket (page hidden). Without this file, Perbarui reloads on request.
(function () {
  "use strict";
  var wadah = document.getElementById("status-antrian");
  var detik = wadah ? parseInt(wadah.getAttribute("data-perbarui"), 10) : 0;
  if (!detik || !window.fetch || !window.DOMParser) return;
  var jam = null;

  function salin(doc, id) {
    var lama = document.getElementById(id), baru = doc.getElementById(id);
    if (lama && baru && lama.innerHTML.trim() !== baru.innerHTML.trim()) lama.innerHTML = baru.innerHTML;
  }
  function berhenti() {
    if (jam) window.clearInterval(jam);
    jam = null;
  }
  function perbarui() {
    if (document.hidden) return;
    fetch(window.location.href, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) return null;  // busy or offline: keep showing the last place, try again later
      return r.text().then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        if (!doc.getElementById("status-antrian")) {
          // The number became a service: its own status page. Offer it; moving there is the visitor's choice.
          var posisi = document.getElementById("posisi-antrian");
          if (posisi) {
            posisi.textContent = "Layanan Anda sudah tercatat. ";
            var tautan = document.createElement("a");
            tautan.href = r.url;
            tautan.textContent = "Lihat status layanan";
            posisi.appendChild(tautan);
          }
          berhenti();
          return;
        }
        ["posisi-antrian", "layanan-antrian", "waktu-perbarui"].forEach(function (id) { salin(doc, id); });
        if (!doc.getElementById("status-antrian").hasAttribute("data-perbarui")) berhenti();  // served or skipped
      });
    }).catch(function () { return null; });
  }

  jam = window.setInterval(perbarui, detik * 1000);
  document.addEventListener("visibilitychange", function () { if (!document.hidden && jam) perbarui(); });
  document.addEventListener("click", function (e) {
    if (!e.target.closest("#tombol-perbarui")) return;
    e.preventDefault();  // the same, without leaving the page
    perbarui();
  });
})();
