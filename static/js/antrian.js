// Queue pages: ticket printing, the kiosk's countdown back to the start, the TV display's clock,
// reconnect notice and spoken calls (remembered). Every page works without this file (the display
// then needs a manual reload).
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

  // A thermal roll has no fixed page length: the printed page is as tall as the ticket. The width
  // sheet's @page gives a fallback height; here the measured one replaces it.
  var aturanHalaman = null;
  function ukurTiket() {
    var tiket = document.querySelector(".tiket");
    var lembar = Array.prototype.filter.call(document.styleSheets, function (s) {
      return s.href && /\/tiket-(58|80)[^/]*\.css/.test(s.href);
    })[0];
    if (!tiket || !lembar) return;
    var lebar = document.body.classList.contains("tiket-lebar-58") ? 58 : 80;
    var tinggiMm = Math.ceil(tiket.getBoundingClientRect().height * 25.4 / 96) + 1;
    if (aturanHalaman !== null) lembar.deleteRule(aturanHalaman);
    aturanHalaman = lembar.insertRule("@page { size: " + lebar + "mm " + tinggiMm + "mm; margin: 0; }", lembar.cssRules.length);
    document.body.setAttribute("data-tinggi-tiket-mm", tinggiMm);
  }
  window.addEventListener("beforeprint", ukurTiket);

  // Kiosk: after the ticket or appointment confirmation, count down and go back for the next visitor.
  function kembaliOtomatis() {
    var el = document.querySelector("[data-kembali-otomatis]");
    if (!el) return;
    var sisa = parseInt(el.getAttribute("data-kembali-otomatis"), 10) || 15;
    var tujuan = el.getAttribute("data-kembali-ke") || el.getAttribute("href");
    var angka = document.querySelector("[data-hitung-mundur]");
    if (!tujuan) return;
    var jam = window.setInterval(function () {
      sisa -= 1;
      if (angka) angka.textContent = String(Math.max(sisa, 0));
      if (sisa <= 0) {
        window.clearInterval(jam);
        window.location.assign(tujuan);
      }
    }, 1000);
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

  // TV display clock, in office time from the server (the TV computer's own clock and zone may be
  // anything): each poll of the board brings the server's time and the office's UTC offset, and the
  // clock ticks on from there.
  var HARI = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];
  var BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember"];
  var jamKantor = null; // {selisih: ms to add to Date.now() for UTC, offset: ms, zona: "WITA"}
  function dua(n) { return (n < 10 ? "0" : "") + n; }
  function ambilJamServer() {
    var papan = document.getElementById("papan");
    if (!papan || !papan.hasAttribute("data-jam-server-ms")) return;
    var server = parseInt(papan.getAttribute("data-jam-server-ms"), 10);
    var offset = parseInt(papan.getAttribute("data-jam-offset"), 10) * 1000;
    if (isNaN(server) || isNaN(offset)) return;
    jamKantor = { selisih: server - Date.now(), offset: offset, zona: papan.getAttribute("data-jam-zona") || "" };
    tikJam();
  }
  function tikJam() {
    var jam = document.querySelector("[data-jam]");
    if (!jam || !jamKantor) return;
    // The office's wall time read with the UTC getters: no dependence on the TV's own zone.
    var t = new Date(Date.now() + jamKantor.selisih + jamKantor.offset);
    jadwalkanTik(t.getTime());
    jam.textContent = HARI[t.getUTCDay()] + ", " + t.getUTCDate() + " " + BULAN[t.getUTCMonth()] + " " +
      t.getUTCFullYear() + " · " + dua(t.getUTCHours()) + "." + dua(t.getUTCMinutes()) +
      (jamKantor.zona ? " " + jamKantor.zona : "");
  }
  // One tick just after each whole second of office time, so the minute turns on the board when it
  // turns in the office, not up to a second later as with a free-running interval.
  var tikBerikut = null;
  function jadwalkanTik(ms) {
    if (tikBerikut) window.clearTimeout(tikBerikut);
    tikBerikut = window.setTimeout(tikJam, 1000 - (ms % 1000) + 5);
  }
  function jalankanJam() {
    if (!document.querySelector("[data-jam]")) return;
    ambilJamServer();
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
  // The choice is remembered on this TV (localStorage), so a reload or a power cut keeps it. A browser
  // may still hold speech back until someone touches the page: run the TV's browser in kiosk mode
  // with autoplay allowed (README, Antrian).
  var KUNCI_SUARA = "pst-layar-suara";
  var suaraAktif = false;
  function ingatSuara(aktif) {
    try { window.localStorage.setItem(KUNCI_SUARA, aktif ? "1" : "0"); } catch (e) { /* private mode */ }
  }
  function suaraDiingat() {
    try { return window.localStorage.getItem(KUNCI_SUARA) === "1"; } catch (e) { return false; }
  }
  function tampilkanSuara(tombol) {
    tombol.setAttribute("aria-pressed", suaraAktif ? "true" : "false");
    tombol.querySelector("span").textContent = suaraAktif ? "Suara aktif" : "Aktifkan suara";
  }
  function pulihkanSuara() {
    var tombol = document.querySelector("[data-aktifkan-suara]");
    if (!tombol || !suaraDiingat()) return;
    suaraAktif = true;
    tampilkanSuara(tombol);
  }
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
    ingatSuara(suaraAktif);
    tampilkanSuara(tombol);
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
      ambilJamServer();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    ukurTiket();
    cetakOtomatis();
    kembaliOtomatis();
    muatUlangBerkala();
    jalankanJam();
    pulihkanSuara();
    catatPanggilan(false);
  });
})();
