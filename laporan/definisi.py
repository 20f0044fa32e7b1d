"""What each report figure counts and by which date: one line each, shown on the page and in the files.

Figures that sound alike but count different things (a complaint in the register against a
service of the kind Pengaduan; SKD links against data requests) are named apart here.
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
    "per_jenis": "Layanan yang dicatat pada periode ini per jenis; Selesai menurut status saat ini.",
    "per_sarana": "Layanan yang dicatat pada periode ini menurut sarana kunjungan (Langsung atau Online).",
    "per_petugas": "Layanan yang dicatat pada periode ini menurut petugas penanggung jawab.",
    "per_status": "Status saat ini dari layanan yang dicatat pada periode ini (Selesai termasuk yang ditutup otomatis).",
    "standar_waktu": (
        "Layanan yang tenggatnya jatuh pada periode ini: memenuhi bila selesai (atau, untuk layanan online, dijawab) "
        "sebelum tenggat; yang masih terbuka melewati tenggat dihitung tidak memenuhi; yang tenggatnya belum tiba "
        "dan yang dibatalkan tidak dihitung. Antrian: nomor yang diambil pada periode ini dan sudah dipanggil."
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
