"""The Outbox page's filter."""

from django import forms

from pst_frontoffice.forms import FilterForm

from ..models import KanalPesan, Peristiwa, StatusPesan


class FilterOutboxForm(FilterForm):
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Semua status"), *StatusPesan.choices])
    kanal = forms.ChoiceField(label="Kanal", required=False, choices=[("", "Semua kanal"), *KanalPesan.choices])
    peristiwa = forms.ChoiceField(label="Peristiwa", required=False, choices=[("", "Semua peristiwa"), *Peristiwa.choices])
    q = forms.CharField(label="Penerima", required=False, max_length=100)

    kolom = {
        "status": "col-6 col-md-2", "kanal": "col-6 col-md-2", "peristiwa": "col-6 col-md-2", "q": "col-6 col-md-2",
        "dari": "col-6 col-md-2", "sampai": "col-6 col-md-2",
    }

    def saring(self, qs):
        data = self.data_sah()
        for medan in ("status", "kanal", "peristiwa"):
            if data.get(medan):
                qs = qs.filter(**{medan: data[medan]})
        if data.get("q"):
            qs = qs.filter(penerima__icontains=data["q"].strip())
        return self.saring_tanggal(qs, "dibuat", data)
