// Queue pages: ticket printing, the kiosk's return timer, the TV display's clock, reconnect notice
// and spoken calls. Every page works without this file (the display then needs a manual reload).
(function () {
  "use strict";

  // Ticket: print on the button, and once on arrival from the kiosk or the desk.
  document.addEventListener("click", function (e) {
    if (e.target.closest("[data-cetak]")) window.print();
  });
  function cetakOtomatis() {
    if (document.body.hasAttribute("data-cetak-otomatis")) {
      window.setTimeout(function () { window.print(); }, 300);
    }
  }

  // Kiosk: after the ticket or appointment confirmation, go back for the next visitor.
  function kembaliOtomatis() {
    var el = document.querySelector("[data-kembali-otomatis]");
    if (!el) return;
    var detik = parseInt(el.getAttribute("data-kembali-otomatis"), 10) || 15;
    var tujuan = el.getAttribute("data-kembali-ke") || el.getAttribute("href");
    if (tujuan) window.setTimeout(function () { window.location.assign(tujuan); }, detik * 1000);
  }

  // Kiosk: reload every few minutes (service hours start and end), unless someone is typing.
  var adaIsian = false;
  document.addEventListener("input", function () { adaIsian = true; });
  function muatUlangBerkala() {
    var el = document.querySelector("[data-muat-ulang]");
    if (!el) return;
    var detik = parseInt(el.getAttribute("data-muat-ulang"), 10) || 300;
    window.setInterval(function () {
      if (!adaIsian) window.location.reload();
    }, detik * 1000);
  }

  // TV display clock, in the display's own clock (the office's PC is set to office time).
  function jalankanJam() {
    var jam = document.querySelector("[data-jam]");
    if (!jam) return;
    var format = new Intl.DateTimeFormat("id-ID", { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
    function tik() { jam.textContent = format.format(new Date()); }
    tik();
    window.setInterval(tik, 15000);
  }

  // Reconnecting: HTMX keeps polling after a failed request; we only say so and clear it again.
  function statusSambungan(putus) {
    var el = document.getElementById("status-sambungan");
    if (el) el.hidden = !putus;
  }
  ["htmx:sendError", "htmx:responseError", "htmx:timeout"].forEach(function (nama) {
    document.addEventListener(nama, function (e) {
      if (e.detail.elt && e.detail.elt.id === "papan") statusSambungan(true);
    });
  });

  // Spoken calls (id-ID). Browsers allow speech only after a user gesture: the button.
  var suaraAktif = false;
  var sudahDiumumkan = new Set();
  function catatPanggilan(umumkan) {
    document.querySelectorAll("#papan [data-panggilan]").forEach(function (el) {
      var kunci = el.getAttribute("data-kunci");
      if (sudahDiumumkan.has(kunci)) return;
      sudahDiumumkan.add(kunci);
      if (umumkan && suaraAktif) ucapkan(el.getAttribute("data-teks"));
    });
  }
  function ucapkan(teks) {
    if (!("speechSynthesis" in window) || !teks) return;
    var ucapan = new SpeechSynthesisUtterance(teks);
    ucapan.lang = "id-ID";
    ucapan.rate = 0.9;
    var suara = window.speechSynthesis.getVoices().filter(function (v) { return /^id/i.test(v.lang); })[0];
    if (suara) ucapan.voice = suara;
    window.speechSynthesis.speak(ucapan);
  }
  document.addEventListener("click", function (e) {
    var tombol = e.target.closest("[data-aktifkan-suara]");
    if (!tombol) return;
    suaraAktif = !suaraAktif;
    tombol.setAttribute("aria-pressed", suaraAktif ? "true" : "false");
    tombol.querySelector("span").textContent = suaraAktif ? "Suara aktif" : "Aktifkan suara";
    if (suaraAktif) ucapkan("Suara panggilan antrian aktif.");
  });
  document.addEventListener("htmx:afterSwap", function (e) {
    if (e.detail.elt && e.detail.elt.id === "papan") {
      statusSambungan(false);
      catatPanggilan(true);
    }
  });
  // htmx swaps #papan with outerHTML: the event's element is the old one, so also listen for the new.
  document.addEventListener("htmx:afterSettle", function () {
    if (document.getElementById("papan")) {
      statusSambungan(false);
      catatPanggilan(true);
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    cetakOtomatis();
    kembaliOtomatis();
    muatUlangBerkala();
    jalankanJam();
    catatPanggilan(false);
  });
})();
