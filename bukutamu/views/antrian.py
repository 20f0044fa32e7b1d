"""Queue pages: the kiosk and ticket, the TV display (public), and the officers' Antrian tab."""

from django.contrib import messages
from django.core import signing
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pst_frontoffice import sekali
from pst_frontoffice.hari_kerja import KalenderKerja
from pst_frontoffice.htmx import TAB, render_halaman
from pst_frontoffice.navigasi import kembali_ke
from pst_frontoffice.qr import qr_svg
from pst_frontoffice.ratelimit import melebihi_batas
from pst_frontoffice.roles import petugas_diperlukan

from .. import antrian as aturan
from .. import pendaftaran as mandiri
from ..forms.antrian import AmbilNomorForm, JanjiTemuForm, jenis_untuk_antrian
from ..models import Antrian, Hari, JanjiTemu

BATAS_KIOS = 20  # presses per address per window: a queue of people on one tablet stays well below
JENDELA_KIOS = 60  # seconds
SALT_JANJI = "bukutamu.janji-temu"
DETIK_KEMBALI_KIOS = 15  # the number stays on screen this long, then the kiosk is ready for the next visitor
SESI_TIKET = "tiket_kios"  # the number this kiosk gave last: only its ticket prints the tracking code
# The one-time keys of the forms that create a ticket or an appointment (pst_frontoffice.sekali).
KIOS, JANJI_KIOS, AMBIL_MEJA, JANJI_MEJA = "kios", "janji_kios", "ambil_meja", "janji_meja"


def _lebar(request):
    """Ticket width in mm (the two common thermal rolls): the officer's choice on the ticket, else the
    office setting, which is what the kiosk prints on; visitors never see a choice."""
    pilihan = request.GET.get("lebar")
    return pilihan if pilihan in ("58", "80") else request.kantor.lebar_tiket


def _kios_terlalu_cepat(request):
    return melebihi_batas(request, "kios", batas=BATAS_KIOS, jendela=JENDELA_KIOS)


def _halaman_kios(request, *, form_janji=None, status=200):
    jadwal, kalender = aturan.jadwal_layanan(), KalenderKerja()
    buka = aturan.sedang_buka(zona=request.kantor.tzinfo, jadwal=jadwal, kalender=kalender)
    form_janji = form_janji or _form_janji_kosong(jadwal=jadwal, kalender=kalender)
    return render(
        request, "bukutamu/antrian/kios.html",
        {"buka": buka, "jenis": jenis_untuk_antrian(), "form_janji": form_janji,
         "jadwal": [(Hari(h).label, b, t) for h, (b, t) in sorted(jadwal.items())]},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def kios(request):
    """The visitor's kiosk: one big button per service; outside hours, an appointment form."""
    if request.method == "GET":
        return _halaman_kios(request)
    if tujuan := sekali.sudah_disimpan(request.POST, KIOS):
        return redirect(tujuan)  # a second tap on the button: the same ticket
    if _kios_terlalu_cepat(request):
        messages.error(request, "Terlalu banyak permintaan dari perangkat ini. Tunggu sebentar lalu coba lagi.")
        return _halaman_kios(request, status=429)
    form = AmbilNomorForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Jenis layanan tidak tersedia. Pilih salah satu tombol.")
        return _halaman_kios(request, status=400)
    if not aturan.sedang_buka():
        messages.warning(request, "Saat ini di luar jam layanan. Silakan buat janji temu.")
        return _halaman_kios(request)
    try:
        with sekali.sekali(request.POST, KIOS) as klaim:
            tiket = aturan.ambil_nomor(jenis_layanan=form.cleaned_data["jenis_layanan"], sumber=Antrian.Sumber.KIOS)
            klaim.tujuan = f"{reverse('antrian:tiket', args=[tiket.pk])}?cetak=1&kios=1"
    except sekali.SudahDisimpan as e:
        return redirect(e.tujuan or "antrian:kios")
    except sekali.KunciTidakSah:
        messages.warning(request, "Tekan tombol layanan sekali lagi untuk mengambil nomor.")
        return _halaman_kios(request, status=400)
    request.session[SESI_TIKET] = tiket.pk
    return redirect(klaim.tujuan)


@require_POST
def buat_janji(request):
    """The kiosk's appointment form: for a time outside service hours, offered at any hour."""
    if tujuan := sekali.sudah_disimpan(request.POST, JANJI_KIOS):
        return redirect(tujuan)
    if _kios_terlalu_cepat(request):
        messages.error(request, "Terlalu banyak permintaan dari perangkat ini. Tunggu sebentar lalu coba lagi.")
        return _halaman_kios(request, form_janji=JanjiTemuForm(request.POST), status=429)
    form = JanjiTemuForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Janji temu belum tersimpan. Periksa isian yang ditandai merah.")
        return _halaman_kios(request, form_janji=form, status=400)
    try:
        with sekali.sekali(request.POST, JANJI_KIOS) as klaim:
            janji = JanjiTemu.objects.create(**form.cleaned_data)
            klaim.tujuan = f"{reverse('antrian:janji_tercatat')}?t={signing.dumps(janji.pk, salt=SALT_JANJI)}"
    except sekali.SudahDisimpan as e:
        return redirect(e.tujuan or "antrian:kios")
    except sekali.KunciTidakSah as e:
        messages.warning(request, str(e))
        return _halaman_kios(request, form_janji=form, status=400)
    return redirect(klaim.tujuan)


@require_GET
def janji_tercatat(request):
    """Confirmation of an appointment; the signed, short-lived link shows nobody else's."""
    try:
        pk = signing.loads(request.GET.get("t", ""), salt=SALT_JANJI, max_age=60 * 60)
        janji = JanjiTemu.objects.select_related("jenis_layanan").get(pk=pk)
    except (signing.BadSignature, JanjiTemu.DoesNotExist):
        janji = None
    return render(request, "bukutamu/antrian/janji_tercatat.html", {"janji": janji}, status=200 if janji else 404)


@require_GET
def tiket(request, pk):
    """The printable ticket (58 or 80 mm); it carries no personal data, and the tracking QR code only
    for the kiosk that took it or an officer. From the kiosk, the screen shows the number full size
    and counts down back to the start while the ticket prints."""
    antrian = get_object_or_404(Antrian.objects.select_related("jenis_layanan"), pk=pk)
    di_depan = Antrian.objects.filter(
        tanggal=antrian.tanggal, status=Antrian.Status.MENUNGGU, diambil__lt=antrian.diambil
    ).count() if antrian.status == Antrian.Status.MENUNGGU else None
    qr_lacak = None
    # Ticket numbers are easy to guess, the tracking token is not: the code is printed only by the
    # kiosk that just gave this number, or by an officer.
    if request.user.is_authenticated or request.session.get(SESI_TIKET) == antrian.pk:
        url_lacak = request.build_absolute_uri(reverse("layanan:lacak_antrian", args=[antrian.token]))
        qr_lacak = mark_safe(qr_svg(url_lacak, "Kode QR lacak layanan"))
    return render(request, "bukutamu/antrian/tiket.html", {
        "antrian": antrian, "di_depan": di_depan, "lebar": _lebar(request), "qr_lacak": qr_lacak,
        "cetak": request.GET.get("cetak") == "1", "dari_kios": request.GET.get("kios") == "1",
        "detik_kembali": DETIK_KEMBALI_KIOS,
    })


@require_GET
def layar(request):
    """The TV display; its board polls itself every few seconds (HTMX) and survives restarts."""
    sekarang = aturan.waktu_kantor(zona=request.kantor.tzinfo)
    # The clock is set from the server's time in milliseconds: whole seconds would leave it up to a
    # second behind, and the minute would turn late on the board.
    ctx = {**aturan.papan(sekarang.date()), "sekarang": sekarang, "jam_server_ms": round(sekarang.timestamp() * 1000)}
    return render_halaman(request, "bukutamu/antrian/layar.html", ctx, partial={"papan": "papan"})


# Officers ---------------------------------------------------------------------------------

def _loket(request):
    pilihan = request.GET.get("loket") or request.POST.get("loket")
    if pilihan and pilihan.isdigit() and 1 <= int(pilihan) <= aturan.JUMLAH_LOKET:
        request.session["loket_antrian"] = int(pilihan)
    return request.session.get("loket_antrian", 1)


def _form_janji_kosong(*, jadwal, kalender):
    slot = aturan.slot_janji_terdekat(jadwal=jadwal, kalender=kalender)
    return JanjiTemuForm(initial={"waktu": slot.replace(tzinfo=None) if slot else None})


def _halaman_petugas(request, *, form_janji=None, status=200):
    loket = _loket(request)
    zona = request.kantor.tzinfo
    tanggal = aturan.waktu_kantor(zona=zona).date()
    hari_ini = Antrian.objects.filter(tanggal=tanggal).select_related("jenis_layanan", "dipanggil_oleh")
    jadwal, kalender = aturan.jadwal_layanan(), KalenderKerja()
    ctx = {
        "tab": "antrian",
        "loket": loket,
        "pilihan_loket": range(1, aturan.JUMLAH_LOKET + 1),
        "sekarang": aturan.sedang_di_loket(loket=loket, tanggal=tanggal),
        "menunggu": hari_ini.filter(status=Antrian.Status.MENUNGGU).order_by("diambil", "id"),
        "dilewati": hari_ini.filter(status=Antrian.Status.DILEWATI).order_by("-dipanggil_pada", "-id"),
        "janji": aturan.janji_hari_ini(tanggal, zona=zona).select_related("pendaftaran"),
        "jenis": jenis_untuk_antrian(),
        "buka": aturan.sedang_buka(zona=zona, jadwal=jadwal, kalender=kalender),
        "form_janji": form_janji or _form_janji_kosong(jadwal=jadwal, kalender=kalender),
        "mandiri_belum_dicatat": mandiri.belum_dicatat_hari_ini(tanggal),
        "mandiri_kedaluwarsa": mandiri.kedaluwarsa_terakhir(tanggal),
    }
    return render_halaman(
        request, "bukutamu/antrian/petugas.html", ctx, partial={**TAB, "daftar-antrian": "daftar"}, status=status
    )


@petugas_diperlukan
@require_GET
def petugas(request):
    """The Antrian tab: call, call again, skip; waiting numbers and today's appointments."""
    return _halaman_petugas(request)


@petugas_diperlukan
@require_POST
def janji_meja(request):
    """Buat Janji Temu at the desk: a visitor (in person or on the phone) books a time outside service hours."""
    if (tujuan := sekali.sudah_disimpan(request.POST, JANJI_MEJA)) is not None:
        messages.info(request, sekali.PESAN_SUDAH)
        return redirect(tujuan or "antrian:petugas")
    form = JanjiTemuForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Janji temu belum tersimpan. Periksa isian yang ditandai merah.")
        return _halaman_petugas(request, form_janji=form, status=400)
    try:
        with sekali.sekali(request.POST, JANJI_MEJA) as klaim:
            janji = JanjiTemu.objects.create(**form.cleaned_data, diubah_oleh=request.user)
            klaim.tujuan = reverse("antrian:petugas")
    except sekali.SudahDisimpan as e:
        messages.info(request, sekali.PESAN_SUDAH)
        return redirect(e.tujuan or "antrian:petugas")
    except sekali.KunciTidakSah as e:
        messages.warning(request, str(e))
        return _halaman_petugas(request, form_janji=form, status=400)
    messages.success(request, f"Janji temu {janji.nama} tercatat untuk {aturan.teks_waktu_janji(janji.waktu)}.")
    return redirect("antrian:petugas")


@petugas_diperlukan
@require_POST
def panggil(request):
    """Panggil Berikutnya: the oldest waiting number comes to this counter; on to the Buku Tamu."""
    loket = _loket(request)
    antrian = aturan.panggil_berikutnya(petugas=request.user, loket=loket)
    if antrian is None:
        messages.info(request, "Tidak ada antrian yang menunggu.")
        return redirect("antrian:petugas")
    messages.success(request, f"Antrian {antrian.nomor} dipanggil ke loket {loket}.")
    return redirect(f"{reverse('bukutamu:buku_tamu')}?antrian={antrian.pk}")


@petugas_diperlukan
@require_POST
def panggil_ulang(request, pk):
    loket = _loket(request)
    try:
        antrian = aturan.panggil_ulang(antrian_id=pk, petugas=request.user, loket=loket)
    except aturan.AntrianTidakBisa as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"Antrian {antrian.nomor} dipanggil ulang ke loket {loket}.")
    return kembali_ke(request, "antrian:petugas")


@petugas_diperlukan
@require_POST
def lewati(request, pk):
    try:
        antrian = aturan.lewati(antrian_id=pk, petugas=request.user)
    except aturan.AntrianTidakBisa as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"Antrian {antrian.nomor} dilewati.")
    return redirect("antrian:petugas")


@petugas_diperlukan
@require_POST
def ambil_di_meja(request):
    """Taking a number for a visitor at the desk: straight to the ticket, ready to print."""
    if tujuan := sekali.sudah_disimpan(request.POST, AMBIL_MEJA):
        return redirect(tujuan)  # pressed twice: the same ticket
    form = AmbilNomorForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Pilih jenis layanan yang tersedia.")
        return redirect("antrian:petugas")
    try:
        with sekali.sekali(request.POST, AMBIL_MEJA) as klaim:
            antrian = aturan.ambil_nomor(
                jenis_layanan=form.cleaned_data["jenis_layanan"], sumber=Antrian.Sumber.MEJA, oleh=request.user
            )
            klaim.tujuan = f"{reverse('antrian:tiket', args=[antrian.pk])}?lebar={_lebar(request)}&cetak=1"
    except sekali.SudahDisimpan as e:
        return redirect(e.tujuan or "antrian:petugas")
    except sekali.KunciTidakSah:
        messages.warning(request, "Nomor belum diambil: halaman ini sudah lama terbuka. Tekan tombolnya sekali lagi.")
        return redirect("antrian:petugas")
    return redirect(klaim.tujuan)


@petugas_diperlukan
@require_POST
def janji_hadir(request, pk):
    """An appointment's visitor arrived: they get a number like everyone else."""
    try:
        janji = aturan.janji_hadir(janji_id=pk, petugas=request.user)
    except aturan.AntrianTidakBisa as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"{janji.nama} hadir; nomor antrian {janji.antrian.nomor}.")
    return redirect("antrian:petugas")
