// Report charts (Chart.js, served from static/) and the print button. Data comes from a
// json_script block, so no inline script is needed.
(function () {
  "use strict";
  var BIRU = "#0b4f8a", HIJAU = "#2e8b57";
  var WARNA = ["#0b4f8a", "#2e8b57", "#e0a800", "#c0392b", "#6f42c1", "#17a2b8", "#6c757d", "#fd7e14"];

  function gambar() {
    var el = document.getElementById("data-grafik");
    if (!el || typeof Chart === "undefined") return;
    var data = JSON.parse(el.textContent);
    Chart.defaults.font.size = 14;  // readable on a projector
    var tren = document.getElementById("grafik-tren");
    if (tren) {
      if (tren._grafik) tren._grafik.destroy();
      tren._grafik = new Chart(tren, {
        type: "bar",
        data: {
          labels: data.tren.label,
          datasets: [
            { label: "Layanan", data: data.tren.layanan, backgroundColor: BIRU },
            { label: "Kunjungan", data: data.tren.kunjungan, backgroundColor: HIJAU }
          ]
        },
        options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    }
    var jenis = document.getElementById("grafik-jenis");
    if (jenis) {
      if (jenis._grafik) jenis._grafik.destroy();
      jenis._grafik = new Chart(jenis, {
        type: "doughnut",
        data: { labels: data.jenis.label, datasets: [{ data: data.jenis.jumlah, backgroundColor: WARNA }] },
        options: { maintainAspectRatio: false, animation: false, plugins: { legend: { position: "bottom" } } }
      });
    }
  }

  function aturForm() {
    var form = document.getElementById("form-periode");
    if (!form) return;
    var rentang = form.querySelector("[name=periode]").value === "rentang";
    form.querySelectorAll("[data-periode=rentang]").forEach(function (el) { el.hidden = !rentang; });
    form.querySelectorAll("[data-periode=tunggal]").forEach(function (el) { el.hidden = rentang; });
  }

  document.addEventListener("DOMContentLoaded", function () { gambar(); aturForm(); });
  document.addEventListener("htmx:afterSettle", gambar);
  document.addEventListener("change", function (e) { if (e.target.name === "periode") aturForm(); });
  document.addEventListener("click", function (e) {
    if (e.target.closest("[data-aksi=cetak]")) window.print();
  });
})();
