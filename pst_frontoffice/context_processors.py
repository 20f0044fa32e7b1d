from django.conf import settings

from .models import PengaturanKantor


def kantor(request):
    # mode_provinsi: a province instance shows its own navbar (settings.PST_MODE).
    return {"kantor": getattr(request, "kantor", None) or PengaturanKantor.get(), "mode_provinsi": settings.MODE_PROVINSI}
