import calendar
import datetime

from django import forms

from pst_frontoffice.forms import FilterForm
from pst_frontoffice.kalender import hari_ini
from pst_frontoffice.skm import UNSUR

from .models import PROFIL


class PenilaianForm(forms.Form):
    """The visitor's answers: nine elements on 1–4, an optional comment and complaint."""

    komentar = forms.CharField(label="Saran atau komentar (boleh dikosongkan)", required=False, max_length=1000,
                               widget=forms.Textarea(attrs={"rows": 3}))
    pengaduan = forms.CharField(label="Pengaduan (boleh dikosongkan)", required=False, max_length=2000,
                                widget=forms.Textarea(attrs={"rows": 3}),
                                help_text="Tulis bila ada yang ingin Anda adukan; pimpinan kantor akan membacanya.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for u in UNSUR:
            self.fields[u.field] = forms.TypedChoiceField(
                label=u.nama, coerce=int, choices=[(i, teks) for i, teks in enumerate(u.pilihan, start=1)],
                error_messages={"required": "Pilih salah satu jawaban.", "invalid_choice": "Pilih salah satu jawaban."},
            )
        for field, pertanyaan, pilihan in PROFIL:
            self.fields[field] = forms.ChoiceField(
                label=pertanyaan, required=False, choices=[("", "— tidak diisi —"), *pilihan.choices],
                error_messages={"invalid_choice": "Pilih salah satu pilihan, atau biarkan kosong."},
            )
        for nama in ("komentar", "pengaduan"):
            self.fields[nama].error_messages["max_length"] = "Terlalu panjang: paling banyak %(limit_value)d karakter (sekarang %(show_value)d)."

    def unsur(self):
        """Per element: the element, its bound field and its options with the chosen one marked."""
        for u in UNSUR:
            bf = self[u.field]
            dipilih = str(bf.value() or "")
            pilihan = [(str(i), teks, str(i) == dipilih) for i, teks in enumerate(u.pilihan, start=1)]
            yield u, bf, pilihan

    def profil(self):
        """The respondent's profile questions, each optional."""
        return [self[field] for field, _, _ in PROFIL]

    def data_profil(self):
        return {field: self.cleaned_data.get(field, "") for field, _, _ in PROFIL}


class PeriodeForm(FilterForm):
    """The IKM page's period: a quick period as on the report pages (the one holding today), or any dates."""

    PERIODE_CEPAT = {"hari": "Hari ini", "minggu": "Minggu ini", "bulan": "Bulan ini", "tahun": "Tahun ini"}

    periode = forms.ChoiceField(label="Periode", required=False, choices=[("", "Pilih tanggal"), *PERIODE_CEPAT.items()])

    def __init__(self, data=None, **kwargs):
        if data is not None and data.get("periode") in self.PERIODE_CEPAT:
            # Show the quick period's dates in the date fields, so they can be adjusted from there.
            data = data.copy()
            dari, sampai = self.rentang_cepat(data["periode"], hari_ini())
            data["dari"], data["sampai"] = dari.isoformat(), sampai.isoformat()
        awal, akhir = self.bawaan()
        kwargs.setdefault("initial", {"dari": awal, "sampai": akhir})
        super().__init__(data, **kwargs)
        for f in self.fields.values():
            f.error_messages["invalid"] = "Tanggal tidak valid; gunakan format hari-bulan-tahun."

    @staticmethod
    def bawaan():
        """This month so far, in the office's days."""
        hari = hari_ini()
        return hari.replace(day=1), hari

    @staticmethod
    def rentang_cepat(jenis, hari):
        """(first, last day) of the day, ISO week, month or year holding `hari`."""
        if jenis == "hari":
            return hari, hari
        if jenis == "minggu":
            senin = hari - datetime.timedelta(days=hari.weekday())
            return senin, senin + datetime.timedelta(days=6)
        if jenis == "bulan":
            return hari.replace(day=1), hari.replace(day=calendar.monthrange(hari.year, hari.month)[1])
        return datetime.date(hari.year, 1, 1), datetime.date(hari.year, 12, 31)

    def periode_cepat(self):
        """The quick period chosen, or '' when dates were typed."""
        return self.data_sah().get("periode", "") if self.is_bound else ""

    def rentang(self):
        """(dari, sampai): the quick period, the chosen dates, or this month so far."""
        awal_bulan, hari = self.bawaan()
        if not self.is_bound or not self.is_valid():
            return awal_bulan, hari
        if self.cleaned_data.get("periode"):
            return self.rentang_cepat(self.cleaned_data["periode"], hari)
        return self.cleaned_data.get("dari") or awal_bulan, self.cleaned_data.get("sampai") or hari
