// IKM page: one bar chart per SKM element (how many answered 1–4), Chart.js served from static/.
// Data comes from a json_script block, so no inline script is needed.
(function () {
  "use strict";
  var WARNA = ["#c0392b", "#e0a800", "#2e8b57", "#0b4f8a"];

  function gambar() {
    var el = document.getElementById("data-grafik-ikm");
    if (!el || typeof Chart === "undefined") return;
    JSON.parse(el.textContent).forEach(function (g) {
      var kanvas = document.getElementById(g.id);
      if (!kanvas) return;
      if (kanvas._grafik) kanvas._grafik.destroy();
      kanvas._grafik = new Chart(kanvas, {
        type: "bar",
        data: { labels: g.label, datasets: [{ label: "Responden", data: g.jumlah, backgroundColor: WARNA }] },
        options: {
          maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { font: { size: 11 } } } }
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", gambar);
})();
