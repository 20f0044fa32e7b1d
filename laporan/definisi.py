"""What each report figure counts and by which date: one line each, shown on the page, in the files
and above the list behind each figure (laporan.rincian).

The conditions themselves are written once where the data lives, and every report, list, file,
daily summary and the dashboard use them: "Selesai", "Ditutup otomatis", "Dibatalkan" and
"belum selesai" in `layanan.models` (SELESAI, DITUTUP_OTOMATIS, DIBATALKAN, TERBUKA), the time
standards in `layanan.models.syarat_kepatuhan` (the rule in layanan/tenggat.py), the IKM in
`rating.ikm`. Figures that sound alike but count different things (a complaint in the register
against a service of the kind Pengaduan; SKD links against data requests) are named apart here.
"""

DEFINISI = {
    "layanan": "Layanan yang dicatat pada periode ini (satu per jenis layanan yang diminta), menurut waktu dicatat.",
    "kunjungan": "Kunjungan di Buku Tamu pada periode ini, menurut waktu kunjungan; satu kunjungan dapat meminta beberapa layanan.",
    "pengunjung": "Orang berbeda yang tercatat berkunjung pada periode ini.",
    "selesai": "Layanan periode ini yang diselesaikan petugas (status Selesai), tanpa yang ditutup otomatis.",
    "ditutup_otomatis": "Konsultasi online periode ini yang ditutup sistem karena pengunjung tidak menanggapi jawaban petugas.",
    "terbuka": "Layanan periode ini yang belum Selesai dan tidak Dibatalkan, menurut status saat ini.",
    "terlambat_terbuka": "Layanan yang tenggatnya jatuh pada periode ini dan sudah lewat, tetapi belum selesai maupun dijawab.",
    "tingkat_penyelesaian": "Layanan Selesai dan ditutup otomatis dibagi layanan periode ini yang tidak Dibatalkan.",
    "tren": "Layanan dan kunjungan per hari (per minggu bila periode lebih dari dua bulan), menurut waktu dicatat.",
    "dibatalkan": "Layanan periode ini yang Dibatalkan (dengan alasan).",
    "per_jenis": "Layanan yang dicatat pada periode ini per jenis; Selesai = diselesaikan petugas, tanpa yang ditutup otomatis.",
    "per_sarana": "Layanan yang dicatat pada periode ini menurut sarana kunjungan (Langsung atau Online).",
    "per_petugas": (
        "Layanan yang dicatat pada periode ini menurut petugas penanggung jawab saat ini; "
        "Selesai = diselesaikan petugas, tanpa yang ditutup otomatis."
    ),
    "per_status": "Status saat ini dari layanan yang dicatat pada periode ini; yang ditutup otomatis dihitung terpisah dari Selesai.",
    "standar_waktu": (
        "Layanan yang tenggatnya jatuh pada periode ini (tenggat hari kerja berakhir pada akhir hari itu): memenuhi bila "
        "diselesaikan petugas (atau, untuk layanan online, dijawab) paling lambat pada tenggat; terlambat bila tidak, "
        "termasuk yang masih terbuka melewati tenggat; yang tenggatnya belum tiba dan yang dibatalkan tidak dihitung. "
        "Antrian: nomor yang diambil pada periode ini dan sudah dipanggil."
    ),
    "kepuasan": "Penilaian SKM yang diisi pengunjung pada periode ini, menurut tanggal diisi; IKM = rata-rata NRR 9 unsur × 25.",
    "profil": "Profil responden SKM yang diisi pada periode ini; setiap pertanyaan profil boleh dikosongkan.",
    "skd": (
        "Permintaan data yang dicatat pada periode ini dan tautan SKD-nya: dibuat, dibuka, diisi; "
        "tingkat pengisian = SKD diisi dibagi permintaan data."
    ),
    "antrian": "Nomor antrian yang diambil pada periode ini; menunggu = dari nomor diambil sampai dipanggil.",
    "pengaduan": (
        "Pengaduan di register pengaduan yang diterima pada periode ini dari semua kanal (termasuk isian rating); "
        "berbeda dari layanan berjenis Pengaduan di Buku Tamu."
    ),
    "presensi": "Tugas piket terjadwal dan presensi petugas pada tanggal-tanggal periode ini.",
}

# The list behind each figure (laporan.rincian): its title and the definition shown above it.
RINCIAN = {
    "layanan": ("Layanan", "layanan"),
    "selesai": ("Layanan selesai", "selesai"),
    "ditutup_otomatis": ("Layanan ditutup otomatis", "ditutup_otomatis"),
    "terbuka": ("Layanan belum selesai", "terbuka"),
    "dibatalkan": ("Layanan dibatalkan", "dibatalkan"),
    "layanan_pengaduan": ("Layanan berjenis Pengaduan di Buku Tamu", "pengaduan"),
    "jatuh_tempo": ("Jatuh tempo", "standar_waktu"),
    "memenuhi": ("Memenuhi standar waktu", "standar_waktu"),
    "terlambat": ("Terlambat", "standar_waktu"),
    "terlambat_terbuka": ("Terlambat, masih terbuka", "terlambat_terbuka"),
    "skd_permintaan": ("Permintaan data (SKD)", "skd"),
    "skd_dibuat": ("Tautan SKD dibuat", "skd"),
    "skd_dibuka": ("SKD dibuka", "skd"),
    "skd_diisi": ("SKD Diisi", "skd"),
    "kunjungan": ("Kunjungan", "kunjungan"),
    "pengunjung": ("Pengunjung", "pengunjung"),
    "antrian_diambil": ("Nomor antrian diambil", "antrian"),
    "antrian_dipanggil": ("Nomor antrian dipanggil", "antrian"),
    "antrian_dilewati": ("Nomor antrian dilewati", "antrian"),
    "responden": ("Responden SKM", "kepuasan"),
    "pengaduan": ("Pengaduan di register", "pengaduan"),
    "pengaduan_dijawab": ("Pengaduan sudah dijawab", "pengaduan"),
    "pengaduan_selesai": ("Pengaduan selesai", "pengaduan"),
    "jadwal_tugas": ("Tugas piket terjadwal", "presensi"),
    "petugas_terjadwal": ("Petugas terjadwal", "presensi"),
    "presensi_hadir": ("Presensi (Absen Masuk)", "presensi"),
    "presensi_tanpa_pulang": ("Presensi tanpa Absen Pulang", "presensi"),
}
