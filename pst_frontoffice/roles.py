"""Role checks for views: anonymous users go to login, a wrong role gets a 403 page."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from .models import Peran


def peran_diperlukan(*peran):
    """Allow the view only to logged-in users holding one of the roles."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not request.user.punya_peran(*peran):
                raise PermissionDenied("Halaman ini tidak tersedia untuk peran Anda.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


petugas_diperlukan = peran_diperlukan(Peran.PETUGAS, Peran.ADMIN)
staf_diperlukan = peran_diperlukan(Peran.PETUGAS, Peran.PIMPINAN, Peran.ADMIN)
pimpinan_diperlukan = peran_diperlukan(Peran.PIMPINAN, Peran.ADMIN)
admin_diperlukan = peran_diperlukan(Peran.ADMIN)
