from .models import PengaturanKantor


def kantor(request):
    return {"kantor": getattr(request, "kantor", None) or PengaturanKantor.get()}
