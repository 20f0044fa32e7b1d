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

  // Downloads: a report file takes a moment to make (about a second for Word). The button says
  // so and stays busy until the browser has the file; a failure is said in the message area
  // instead of opening an error page. Without JavaScript (or fetch) the link downloads as usual.
  var statusUnduh = null;
  function umumkan(teks) {
    if (!statusUnduh) {
      statusUnduh = document.createElement("div");
      statusUnduh.className = "visually-hidden";
      statusUnduh.setAttribute("role", "status");
      document.body.appendChild(statusUnduh);
    }
    statusUnduh.textContent = teks;
  }
  function sibuk(tautan, ya) {
    if (ya) {
      tautan.setAttribute("data-label", tautan.innerHTML);
      tautan.innerHTML = '<span class="spinner-border spinner-border-sm" aria-hidden="true"></span> Menyiapkan ' + tautan.getAttribute("data-unduh") + "…";
      tautan.setAttribute("aria-busy", "true");
      tautan.setAttribute("aria-disabled", "true");
      tautan.classList.add("disabled");
      umumkan("Menyiapkan berkas " + tautan.getAttribute("data-unduh") + "…");
    } else {
      tautan.innerHTML = tautan.getAttribute("data-label");
      tautan.removeAttribute("data-label");
      tautan.removeAttribute("aria-busy");
      tautan.removeAttribute("aria-disabled");
      tautan.classList.remove("disabled");
    }
  }
  function namaBerkas(header) {
    var m = /filename\*=UTF-8''([^;]+)/i.exec(header || "");
    if (m) return decodeURIComponent(m[1]);
    m = /filename="?([^";]+)"?/i.exec(header || "");
    return m ? m[1] : "laporan";
  }
  function gagalUnduh(tautan) {
    umumkan("");
    // app.js draws it in the message area, as every other error.
    if (window.pstPesanGalat) window.pstPesanGalat(["Berkas " + tautan.getAttribute("data-unduh") + " gagal dibuat. Coba lagi sebentar lagi."]);
  }
  document.addEventListener("click", function (e) {
    var tautan = e.target.closest("a[data-unduh]");
    if (!tautan || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    if (!window.fetch || !window.URL || !URL.createObjectURL) return;
    e.preventDefault();
    if (tautan.getAttribute("aria-busy") === "true") return;  // already on its way
    sibuk(tautan, true);
    fetch(tautan.href, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      var nama = namaBerkas(r.headers.get("Content-Disposition"));
      return r.blob().then(function (isi) {
        var simpan = document.createElement("a");
        simpan.href = URL.createObjectURL(isi);
        simpan.download = nama;
        simpan.hidden = true;
        document.body.appendChild(simpan);
        simpan.click();
        simpan.remove();
        window.setTimeout(function () { URL.revokeObjectURL(simpan.href); }, 60000);
        umumkan("Berkas " + nama + " siap.");
      });
    }).catch(function () { gagalUnduh(tautan); }).then(function () { sibuk(tautan, false); });
  });

  document.addEventListener("DOMContentLoaded", function () { gambar(); aturForm(); });
  document.addEventListener("htmx:afterSettle", gambar);
  document.addEventListener("change", function (e) { if (e.target.name === "periode") aturForm(); });
  document.addEventListener("click", function (e) {
    if (e.target.closest("[data-aksi=cetak]")) window.print();
  });
})();
