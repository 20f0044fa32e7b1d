"""The endpoint an office's worker posts its signed daily summaries to (province instance only)."""

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .. import penerimaan
from ..mode import hanya_provinsi


@csrf_exempt  # signed by the office's key instead; no cookie or session is involved
@require_POST
@hanya_provinsi
def terima(request):
    try:
        kantor, amplop = penerimaan.periksa(request)
    except penerimaan.Ditolak as e:
        penerimaan.catat_penolakan(request, e)
        return JsonResponse({"status": "ditolak", "alasan": e.teks, "kode": e.alasan.value}, status=e.status)
    hasil = penerimaan.simpan(kantor, amplop)
    return JsonResponse({"status": hasil, "tanggal": amplop["tanggal"].isoformat()})
