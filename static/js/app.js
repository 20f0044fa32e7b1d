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

  // WAI-ARIA comboboxes (Buku Tamu's Nama, the navbar's search): focus stays in the field;
  // ArrowDown/ArrowUp move through the list (aria-activedescendant), Enter chooses, Esc closes.
  // In Buku Tamu, after a choice the identity is filled in (HTMX) and focus moves on to Jenis
  // Pelayanan; in the search, Enter without a choice opens the full results page.
  function opsiSaran(input) {
    var wadah = document.getElementById(input.getAttribute("data-combobox-saran"));
    return wadah ? Array.prototype.slice.call(wadah.querySelectorAll("[role=option]")) : [];
  }
  function tandaiAktif(input, opsi, i) {
    opsi.forEach(function (o, j) { o.setAttribute("aria-selected", j === i ? "true" : "false"); });
    if (i >= 0) {
      input.setAttribute("aria-activedescendant", opsi[i].id);
      opsi[i].scrollIntoView({block: "nearest"});
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }
  function tutupSaran(input) {
    var wadah = document.getElementById(input.getAttribute("data-combobox-saran"));
    if (wadah) wadah.innerHTML = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }
  document.addEventListener("keydown", function (e) {
    var input = e.target.closest && e.target.closest("[data-combobox-saran]");
    if (!input) return;
    var opsi = opsiSaran(input);
    var i = opsi.findIndex(function (o) { return o.getAttribute("aria-selected") === "true"; });
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!opsi.length) return;
      e.preventDefault();
      var langkah = e.key === "ArrowDown" ? 1 : -1;
      tandaiAktif(input, opsi, i < 0 ? (langkah > 0 ? 0 : opsi.length - 1) : (i + langkah + opsi.length) % opsi.length);
    } else if (e.key === "Enter" && i >= 0) {
      e.preventDefault();  // choose the visitor, do not send the form
      opsi[i].click();
    } else if (e.key === "Enter" && input.getAttribute("aria-expanded") === "true" && !input.hasAttribute("data-combobox-kirim")) {
      e.preventDefault();  // the list is open: Enter is not yet "Simpan" (the search box sends its form instead)
    } else if (e.key === "Escape" && input.getAttribute("aria-expanded") === "true") {
      e.preventDefault();
      tutupSaran(input);
    }
  });
  document.addEventListener("htmx:afterSwap", function (e) {
    var target = e.detail.target;
    if (!target) return;
    var input = target.id && document.querySelector("[data-combobox-saran='" + target.id + "']");
    if (input) {
      // A late answer to earlier typing keeps the suggestion the officer had moved to.
      var aktif = input.getAttribute("aria-activedescendant");
      var opsiBaru = opsiSaran(input);
      input.setAttribute("aria-expanded", opsiBaru.length ? "true" : "false");
      tandaiAktif(input, opsiBaru, opsiBaru.findIndex(function (o) { return o.id === aktif; }));
    }
    if (target.id === "identitas") {
      // A visitor was chosen (or Pengunjung baru): carry on with the form, not from <body>.
      var berikut = document.querySelector("#form-buku-tamu input[name=jenis_layanan]");
      var nama = document.getElementById("id_nama");
      var dipilih = document.querySelector("#identitas input[name=pengunjung_id]");
      if (dipilih && dipilih.value && berikut) berikut.focus();
      else if (nama) nama.focus();
    }
  });
  document.addEventListener("focusout", function (e) {
    var input = e.target.closest && e.target.closest("[data-combobox-saran]");
    if (!input) return;
    // Leaving Nama for another field closes the list (a click on a suggestion still counts).
    window.setTimeout(function () {
      var wadah = document.getElementById(input.getAttribute("data-combobox-saran"));
      if (input.isConnected && document.activeElement !== input && wadah && !wadah.contains(document.activeElement) && !wadah.matches(":hover")) tutupSaran(input);
    }, 150);
  });

  // Messages: success and info close themselves after a few seconds; warnings and errors stay. A
  // message carrying Urungkan stays as long as the undo is allowed (data-batas-urungkan, seconds).
  var LAMA_PESAN_MS = 5000;
  function jadwalkanTutupPesan() {
    document.querySelectorAll("#pesan [data-tutup-otomatis]:not([data-terjadwal])").forEach(function (el) {
      el.setAttribute("data-terjadwal", "");
      var urungkan = el.querySelector("[data-batas-urungkan]");
      var lama = urungkan ? parseInt(urungkan.getAttribute("data-batas-urungkan"), 10) * 1000 : LAMA_PESAN_MS;
      window.setTimeout(function () {
        if (!el.isConnected) return;
        if (el.contains(document.activeElement)) {
          var utama = document.getElementById("konten");  // not to <body> with the message
          if (utama) utama.focus();
        }
        if (window.bootstrap) window.bootstrap.Alert.getOrCreateInstance(el).close();
        else el.remove();
      }, lama);
    });
  }
  document.addEventListener("DOMContentLoaded", jadwalkanTutupPesan);
  document.addEventListener("htmx:afterSettle", jadwalkanTutupPesan);
  document.addEventListener("htmx:oobAfterSwap", jadwalkanTutupPesan);

  // Every HTMX action: the button (or the form's buttons) is disabled until the answer comes,
  // and the progress bar at the top runs meanwhile. Polling (hx-trigger="every …": the queue,
  // the TV board) is not an action of the user and shows nothing.
  var sedangBerjalan = 0;
  function bilahKemajuan(langkah) {
    sedangBerjalan = Math.max(0, sedangBerjalan + langkah);
    var bilah = document.getElementById("kemajuan");
    if (bilah) bilah.classList.toggle("htmx-request", sedangBerjalan > 0);
  }
  function tombolUntuk(elt) {
    if (elt.tagName === "FORM") return Array.prototype.slice.call(elt.querySelectorAll("button, input[type=submit]"));
    return [elt];
  }
  document.addEventListener("htmx:beforeRequest", function (e) {
    var elt = e.detail.elt;
    if (!elt || (elt.getAttribute("hx-trigger") || "").indexOf("every") !== -1) return;
    e.detail.xhr.__bilah = true;
    bilahKemajuan(1);
    if (elt.hasAttribute("hx-disabled-elt")) return;
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
    if (e.detail.xhr && e.detail.xhr.__bilah) bilahKemajuan(-1);
    (e.detail.xhr && e.detail.xhr.__tombolSibuk || []).forEach(function (t) {
      if (t.tagName !== "A") t.disabled = false;
      else { t.removeAttribute("aria-disabled"); t.classList.remove("disabled"); }
      t.removeAttribute("aria-busy");
    });
  });

  // A full-page form (no HTMX) is sent once: its buttons show busy until the next page comes and a
  // second press does nothing. Marked rather than disabled, so that the pressed button's own value
  // (Buku Tamu's choice) still goes with the form. The server's one-time key is the guarantee
  // (pst_frontoffice.sekali); this spares the officer the "already saved" page.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (e.defaultPrevented || !form.matches || !form.matches("form[method=post], form[method=POST]")) return;
    if (form.hasAttribute("data-sedang-dikirim")) { e.preventDefault(); return; }
    form.setAttribute("data-sedang-dikirim", "");
    tombolUntuk(form).forEach(function (t) {
      t.setAttribute("aria-disabled", "true");
      t.setAttribute("aria-busy", "true");
      t.classList.add("disabled");
    });
  });
  // Back to a page kept by the browser: its forms can be sent again (the key decides what happens).
  window.addEventListener("pageshow", function (e) {
    if (!e.persisted) return;
    document.querySelectorAll("form[data-sedang-dikirim]").forEach(function (form) {
      form.removeAttribute("data-sedang-dikirim");
      tombolUntuk(form).forEach(function (t) {
        t.removeAttribute("aria-disabled");
        t.removeAttribute("aria-busy");
        t.classList.remove("disabled");
      });
    });
  });

  // Keys typed into new content before htmx wired it up (it does so in its settle step, a few
  // milliseconds after the content appears, longer on a busy computer) raised no request: an
  // officer who clicks Buku Tamu and types at once would get no suggestions. Once htmx listens,
  // a field typed into meanwhile announces its typing again: one whose value differs from what the
  // server sent, or one typed into and put back as it was (a space and Backspace after Nama was
  // filled from a chosen visitor opens the suggestions again, as it does once htmx listens).
  // A select htmx listens to (Loket on the Antrian tab) changed before it was wired likewise
  // announces its change once htmx listens.
  function belumDisiapkan(el) {
    return !(el["htmx-internal-data"] && el["htmx-internal-data"].initHash);
  }
  document.addEventListener("input", function (e) {
    var el = e.target;
    if (el.matches && el.matches("input[hx-get], input[hx-post]") && belumDisiapkan(el)) {
      el.diketikSebelumSiap = true;
    }
  }, true);
  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el.matches && el.matches("select[hx-get], select[hx-post]") && belumDisiapkan(el)) {
      el.diubahSebelumSiap = true;
    }
  }, true);
  function diDalam(root, pemilih) {  // root itself and everything in it that matches
    var semua = Array.prototype.slice.call(root.querySelectorAll(pemilih));
    if (root.matches && root.matches(pemilih)) semua.push(root);
    return semua;
  }
  // A folded panel whose content is fetched when it opens (data-isi-panel, hx-trigger "toggle"):
  // one opened before htmx was listening missed its toggle, so it is fetched now. (Not an hx-trigger
  // filter: those are evaluated JavaScript, which the pages' CSP refuses.)
  document.addEventListener("htmx:load", function (e) {
    var root = e.detail && e.detail.elt;
    if (!root || !root.querySelectorAll || !window.htmx) return;
    diDalam(root, "[data-isi-panel]").forEach(function (el) {
      var panel = el.closest("details");
      if (panel && panel.open) window.htmx.trigger(el, "buka-panel");
    });
  });
  document.addEventListener("htmx:load", function (e) {
    var root = e.detail && e.detail.elt;
    if (!root || !root.querySelectorAll) return;
    diDalam(root, "input[type=text], input[type=search], input[type=email], input[type=tel], input:not([type])").forEach(function (el) {
      if (el.value !== el.defaultValue || el.diketikSebelumSiap) {
        el.diketikSebelumSiap = false;
        el.dispatchEvent(new Event("input", {bubbles: true}));
      }
    });
    diDalam(root, "select[hx-get], select[hx-post]").forEach(function (el) {
      if (el.diubahSebelumSiap) {
        el.diubahSebelumSiap = false;
        el.dispatchEvent(new Event("change", {bubbles: true}));
      }
    });
  });

  // Date and time fields (pst_frontoffice.widgets) are text written 07/12/2026, 14.30 and
  // 07/12/2026 14.30, whatever the browser's language; here they get an Indonesian calendar.
  // Typing stays possible (allowInput): what the calendar cannot read is left as typed, and the
  // form says what is wrong with it. Before htmx keeps a page for Back, the calendars are taken
  // off, so that the page put back gets fresh ones.
  var BENTUK_ISIAN_WAKTU = {"tanggal": "d/m/Y", "jam": "H.i", "tanggal-jam": "d/m/Y H.i"};
  function bahasaKalender() {
    return Object.assign({}, window.flatpickr.l10ns.id, {
      scrollTitle: "Gulir untuk menambah", toggleTitle: "Klik untuk mengganti",
      yearAriaLabel: "Tahun", monthAriaLabel: "Bulan", hourAriaLabel: "Jam", minuteAriaLabel: "Menit",
      weekAbbreviation: "Mg", rangeSeparator: " s.d. ",
    });
  }
  // Read strictly: 31/13/2026 is no date (flatpickr's own reading would make it 31/01/2027).
  function bacaIsianWaktu(teks, bentuk) {
    var m = /^\s*(?:(\d{1,2})\/(\d{1,2})\/(\d{4}))?\s*(?:(\d{1,2})[.:](\d{2}))?\s*$/.exec(teks || "");
    var adaTanggal = bentuk.indexOf("d/m/Y") !== -1, adaJam = bentuk.indexOf("H.i") !== -1;
    if (!m || !!m[1] !== adaTanggal || !!m[4] !== adaJam) return undefined;
    var sekarang = new Date();
    var y = adaTanggal ? +m[3] : sekarang.getFullYear(), bl = adaTanggal ? +m[2] - 1 : sekarang.getMonth();
    var h = adaTanggal ? +m[1] : sekarang.getDate(), j = adaJam ? +m[4] : 0, mn = adaJam ? +m[5] : 0;
    var d = new Date(y, bl, h, j, mn);
    if (d.getFullYear() !== y || d.getMonth() !== bl || d.getDate() !== h || j > 23 || mn > 59) return undefined;
    return d;
  }
  function pasangKalender(root) {
    if (!window.flatpickr || !window.flatpickr.l10ns.id) return;
    diDalam(root, "input[data-isian-waktu]").forEach(function (el) {
      if (el._flatpickr || el.readOnly || el.disabled) return;
      var jenis = el.getAttribute("data-isian-waktu");
      if (!BENTUK_ISIAN_WAKTU[jenis]) return;
      var ketik = el.value;
      window.flatpickr(el, {
        locale: bahasaKalender(), dateFormat: BENTUK_ISIAN_WAKTU[jenis], allowInput: true,
        enableTime: jenis !== "tanggal", noCalendar: jenis === "jam", time_24hr: true,
        minuteIncrement: parseInt(el.getAttribute("data-menit-langkah") || "5", 10),
        ariaDateFormat: "l, j F Y", disableMobile: true, parseDate: bacaIsianWaktu,
        errorHandler: function () {},  // a typo is the form's to name, not the console's
        // What it cannot read (a typo, shown beside the form's error) is left as typed.
        onReady: function (_, __, fp) {
          if (ketik && !fp.selectedDates.length) fp.input.value = ketik;
          // Its clock reads 14.30 as the field does, not flatpickr's fixed 14:30.
          if (fp.timeContainer) fp.timeContainer.querySelectorAll(".flatpickr-time-separator").forEach(function (s) { s.textContent = "."; });
        },
      });
    });
  }
  // Typed text is read here, before flatpickr (capture on the document runs first): flatpickr would
  // empty a field it cannot read when it loses focus, and Enter would only close its calendar
  // instead of sending the form as in any other field.
  function isianWaktu(e) {
    var el = e.target;
    return el && el.matches && el.matches("input[data-isian-waktu]") && el._flatpickr ? el._flatpickr : null;
  }
  function tutupKalender(fp) {  // what was typed, read strictly and written day first (the browser sent its change)
    var terbaca = bacaIsianWaktu(fp.input.value, fp.config.dateFormat);
    if (terbaca) fp.setDate(terbaca, false);
    fp.close();
  }
  document.addEventListener("blur", function (e) {
    var fp = isianWaktu(e);
    if (!fp || (e.relatedTarget && fp.calendarContainer.contains(e.relatedTarget))) return;
    e.stopImmediatePropagation();
    tutupKalender(fp);
  }, true);
  document.addEventListener("keydown", function (e) {
    var fp = isianWaktu(e);
    if (!fp || e.key !== "Enter") return;
    e.stopImmediatePropagation();
    tutupKalender(fp);
  }, true);
  // Typing means the calendar is not wanted: it closes, not to cover the fields and buttons below
  // (a click on the field opens it again).
  document.addEventListener("input", function (e) {
    var fp = isianWaktu(e);
    if (fp && fp.isOpen) fp.close();
  }, true);
  document.addEventListener("htmx:load", function (e) {
    if (e.detail && e.detail.elt && e.detail.elt.querySelectorAll) pasangKalender(e.detail.elt);
  });
  document.addEventListener("htmx:beforeHistorySave", function () {
    document.querySelectorAll("input[data-isian-waktu]").forEach(function (el) {
      if (el._flatpickr) el._flatpickr.destroy();
    });
  });

  // After a tab switch: focus on the tab's heading, and the window title names the tab. An
  // officer who already clicked into the new tab (a field) keeps the focus there.
  document.addEventListener("htmx:afterSettle", function (e) {
    var area = document.getElementById("tab-area");
    if (!area || !e.detail.elt || (e.detail.elt !== area && e.detail.elt.id !== "tab-area")) return;
    if (!e.detail.requestConfig || e.detail.requestConfig.verb !== "get") return;
    var judul = area.querySelector("h1");
    var aktif = document.activeElement;
    var sudahDiIsi = aktif && aktif !== document.body && aktif !== judul && area.contains(aktif);
    if (judul && !sudahDiIsi) {
      judul.setAttribute("tabindex", "-1");
      judul.focus();
    }
    var tab = area.querySelector(".nav-tabs .nav-link.active, .nav-tabs [aria-current=page]");
    var nama = (tab || judul) ? (tab || judul).textContent.trim() : "";
    var akhiran = document.title.indexOf(" · ") !== -1 ? document.title.slice(document.title.indexOf(" · ")) : "";
    if (nama) document.title = nama + akhiran;
  });

  // Rating panel, a modal <dialog>: it opens once htmx has put the panel in; the browser keeps
  // focus inside while it is open; Esc or its close button closes it, and focus goes back to the
  // Rating button that opened it. An action inside (SKD Diisi, Buat Tautan SKD) redraws the panel
  // and focus stays on the panel, not on <body>.
  var pembukaRating = null;
  document.addEventListener("htmx:beforeRequest", function (e) {
    var dialog = document.getElementById("dialog-rating");
    var target = e.detail.target;
    if (!dialog || dialog.open || !target || target.id !== "panel-rating") return;
    var elt = e.detail.elt;
    pembukaRating = elt.tagName === "FORM" ? elt.querySelector("[type=submit]") : elt;
  });
  document.addEventListener("htmx:afterSwap", function (e) {
    if (!e.detail.target || e.detail.target.id !== "panel-rating") return;
    var dialog = document.getElementById("dialog-rating");
    var panel = document.getElementById("panel-rating");
    if (!dialog || !panel || !dialog.contains(panel)) return;
    tampilkanTombolLayarPenuh();
    if (!dialog.open) {
      dialog.showModal();
    } else if (!dialog.contains(document.activeElement) || document.activeElement === dialog) {
      panel.setAttribute("tabindex", "-1");
      panel.focus();
    }
  });
  document.addEventListener("close", function (e) {
    if (e.target.id !== "dialog-rating") return;
    tutupLayarPenuh(true);
    if (pembukaRating && pembukaRating.isConnected) pembukaRating.focus();
    pembukaRating = null;
  }, true);  // "close" does not bubble: listen while it travels down
  // The modal dialog makes the page inert, but Tab past its last control would still leave for
  // the browser's toolbar: it wraps around inside the dialog instead (and Shift+Tab backwards).
  var BISA_FOKUS = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Tab") return;
    var dialog = document.querySelector("dialog[open]");
    if (!dialog || !dialog.matches(":modal")) return;
    var daftar = Array.prototype.filter.call(dialog.querySelectorAll(BISA_FOKUS), function (el) {
      return el.getClientRects().length && !el.closest("[inert]");
    });
    if (!daftar.length) return;
    var pertama = daftar[0], terakhir = daftar[daftar.length - 1], aktif = document.activeElement;
    if (e.shiftKey && (aktif === pertama || aktif === dialog)) { e.preventDefault(); terakhir.focus(); }
    else if (!e.shiftKey && aktif === terakhir) { e.preventDefault(); pertama.focus(); }
  });
  document.addEventListener("cancel", function (e) {
    // Esc while the codes are full screen leaves full screen only; the next Esc closes the dialog.
    if (e.target.id === "dialog-rating" && document.querySelector(".tampil-penuh")) e.preventDefault();
  }, true);

  // "Tunjukkan ke pengunjung": both QR codes full screen, turned towards the visitor; Esc or
  // Tutup returns. Everything else in the dialog is inert meanwhile, so Tab stays on Tutup.
  function tampilkanTombolLayarPenuh() {
    document.querySelectorAll("[data-layar-penuh][hidden]").forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener("DOMContentLoaded", tampilkanTombolLayarPenuh);
  document.addEventListener("htmx:afterSettle", tampilkanTombolLayarPenuh);
  function aturLatarInert(wadah, inert) {
    for (var el = wadah; el && el.parentElement && el !== document.body; el = el.parentElement) {
      Array.prototype.forEach.call(el.parentElement.children, function (saudara) {
        if (saudara !== el && saudara.tagName !== "SCRIPT") saudara.inert = inert;
      });
      if (el.parentElement.tagName === "DIALOG") break;
    }
  }
  function tutupLayarPenuh(tanpaFokus) {
    var terbuka = document.querySelector(".tampil-penuh");
    if (!terbuka) return false;
    terbuka.classList.remove("tampil-penuh");
    aturLatarInert(terbuka, false);
    var pemicu = document.querySelector("[data-layar-penuh='" + terbuka.id + "']");
    var fokus = function () { if (pemicu && !tanpaFokus) pemicu.focus(); };
    if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().then(fokus, fokus);
    else fokus();
    return true;
  }
  document.addEventListener("click", function (e) {
    var buka = e.target.closest("[data-layar-penuh]");
    if (buka) {
      var wadah = document.getElementById(buka.getAttribute("data-layar-penuh"));
      if (!wadah) return;
      wadah.classList.add("tampil-penuh");
      aturLatarInert(wadah, true);
      if (wadah.requestFullscreen) wadah.requestFullscreen().catch(function () {});
      var tutup = wadah.querySelector("[data-tutup-layar-penuh]");
      if (tutup) tutup.focus();
    } else if (e.target.closest("[data-tutup-layar-penuh]")) {
      tutupLayarPenuh();
    }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && tutupLayarPenuh()) e.preventDefault();
  });
  document.addEventListener("fullscreenchange", function () { if (!document.fullscreenElement) tutupLayarPenuh(); });

  // An HTMX action the server refused or could not answer says so in the message area, and the
  // page with what was typed stays as it was: without this nothing at all happened on the screen.
  // A session that ended answers with the login page (the redirect is followed invisibly): it is
  // not swapped into the panel; the officer signs in again in another tab and repeats the action
  // here. A 413 brings the server's own message. Polling (the bell, the queue board) shows each
  // problem once per page, and a network message goes away when polling gets through again.
  var TEKS_GALAT = {
    sesi: "Sesi Anda sudah berakhir, jadi tindakan ini belum dijalankan. Masuk lagi di tab baru, lalu ulangi di halaman ini: isian Anda masih ada.",
    403: "Tindakan ini ditolak: akun Anda tidak berhak, atau halaman ini sudah terlalu lama terbuka. Muat ulang halaman, lalu coba lagi.",
    404: "Data yang diminta tidak ditemukan; mungkin sudah dihapus. Muat ulang halaman.",
    429: "Terlalu banyak permintaan dalam waktu singkat. Tunggu sebentar, lalu coba lagi.",
    server: "Terjadi kesalahan di server, jadi tindakan ini mungkin belum tersimpan. Isian Anda masih ada: coba lagi sebentar lagi.",
    lain: "Tindakan ini tidak berhasil. Muat ulang halaman, lalu coba lagi.",
    jaringan: "Server tidak dapat dihubungi. Periksa jaringan, lalu coba lagi: isian Anda masih ada."
  };
  var galatPolling = {};
  function olehPolling(elt) { return !!elt && (elt.getAttribute("hx-trigger") || "").indexOf("every") !== -1; }
  // One error in the message area, drawn like includes/messages.html draws one (laporan.js too).
  function pesanGalat(isi) {
    var area = document.getElementById("pesan");
    if (!area) return null;
    var el = document.createElement("div");
    el.className = "alert alert-danger alert-dismissible fade show shadow";
    el.setAttribute("role", "alert");
    isi.forEach(function (bagian) { el.appendChild(typeof bagian === "string" ? document.createTextNode(bagian) : bagian); });
    var tutup = document.createElement("button");
    tutup.type = "button";
    tutup.className = "btn-close";
    tutup.setAttribute("data-bs-dismiss", "alert");
    tutup.setAttribute("aria-label", "Tutup pesan");
    el.appendChild(tutup);
    area.appendChild(el);
    return el;
  }
  window.pstPesanGalat = pesanGalat;
  function tampilkanGalat(jenis, elt) {
    if (olehPolling(elt)) {
      if (galatPolling[jenis]) return;
      galatPolling[jenis] = true;
    }
    var lama = document.querySelector("#pesan [data-galat-htmx='" + jenis + "']");
    if (lama) lama.remove();
    var isi = [TEKS_GALAT[jenis] + " "];
    if (jenis === "sesi") {
      var masuk = document.createElement("a");
      masuk.href = document.body.getAttribute("data-url-login");
      masuk.target = "_blank";
      masuk.rel = "noopener";
      masuk.className = "alert-link";
      masuk.textContent = "Masuk lagi";
      isi.push(masuk);
    }
    var el = pesanGalat(isi);
    if (el) el.setAttribute("data-galat-htmx", jenis);
  }
  function jalurDari(url) {
    try { return new URL(url, window.location.href).pathname; } catch (galat) { return ""; }
  }
  document.addEventListener("htmx:beforeSwap", function (e) {
    var login = document.body.getAttribute("data-url-login");
    var xhr = e.detail.xhr;
    if (!login || !xhr || !xhr.responseURL || jalurDari(xhr.responseURL) !== login) return;
    if (e.detail.requestConfig && jalurDari(e.detail.requestConfig.path) === login) return;
    e.detail.shouldSwap = false;
    tampilkanGalat("sesi", e.detail.elt);
  });
  document.addEventListener("htmx:responseError", function (e) {
    var status = e.detail.xhr ? e.detail.xhr.status : 0;
    if (status === 413) return;
    var jenis = status === 403 || status === 404 || status === 429 ? status : status >= 500 ? "server" : "lain";
    tampilkanGalat(jenis, e.detail.elt);
  });
  document.addEventListener("htmx:sendError", function (e) { tampilkanGalat("jaringan", e.detail.elt); });
  document.addEventListener("htmx:afterRequest", function (e) {
    if (!e.detail.successful || !olehPolling(e.detail.elt) || !galatPolling.jaringan) return;
    galatPolling.jaringan = false;
    var lama = document.querySelector("#pesan [data-galat-htmx='jaringan']");
    if (lama) lama.remove();
  });

  // A field that gets focus is never hidden under a sticky footer (Simpan Buku Tamu).
  document.addEventListener("focusin", function (e) {
    var form = e.target.closest && e.target.closest("form");
    var kaki = form && form.querySelector(".simpan-lekat");
    if (!kaki || kaki.contains(e.target)) return;
    var lebih = e.target.getBoundingClientRect().bottom - kaki.getBoundingClientRect().top + 8;
    if (lebih > 0) window.scrollBy({top: lebih, behavior: "instant"});
  });
})();
