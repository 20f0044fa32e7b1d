"""Form fields drawn as django-crispy-forms' Bootstrap 5 pack draws them, in Python.

`{{ field|as_crispy_field }}` renders crispy's field template with its includes, and the widget
through Django's own templates (one include per <option>): about 0.5 ms a field, 8.5 ms of a
service's page and 5.6 ms of Semua Layanan's folded filter. The same markup built here costs a
few dozen microseconds. `{{ field|medan }}` stands for `|as_crispy_field` and `{{ form|formulir }}`
for `|crispy` (the form's errors above its fields); tests/test_medan.py checks every form of the
app against crispy's own output. A widget this module does not know (a file input) is left to
crispy.
"""

import copy
from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field

from .widgets import render_pilihan

# Django's own templates of these widgets are <input> with its attributes (input.html): built here.
TEMPLATE_INPUT = {
    f"django/forms/widgets/{nama}.html"
    for nama in ("input", "text", "number", "email", "url", "password", "hidden", "date", "datetime", "time",
                 "search", "tel", "color", "checkbox")
}


def medan(bf):
    """One bound field as crispy's bootstrap5/field.html renders it (`|as_crispy_field`)."""
    if bf.is_hidden:
        return mark_safe(_input(bf, bf.field.widget)) if bf.field.widget.template_name in TEMPLATE_INPUT else str(bf)
    widget = bf.field.widget
    if isinstance(widget, forms.FileInput) or isinstance(widget, forms.MultiWidget):
        return as_crispy_field(bf)
    if isinstance(widget, forms.CheckboxInput):
        return _kotak_centang(bf)
    bagian = [f'<div id="div_{bf.auto_id}" class="mb-3{_kelas_tambahan(bf)}">']
    pilihan_ganda = isinstance(widget, (forms.CheckboxSelectMultiple, forms.RadioSelect))
    if bf.label:
        bagian.append(_label(bf))
    if pilihan_ganda:
        bagian.append(_pilihan_ganda(bf))
    else:
        if isinstance(widget, forms.Select):
            kelas = "form-select is-invalid" if bf.errors else "form-select"
        else:
            kelas = "form-control is-invalid" if bf.errors else "form-control"
        bagian.append(_widget(bf, kelas))
        bagian.append(_galat(bf))
        bagian.append(_bantuan(bf))
    if bf.label and bf.use_fieldset:
        bagian.append("</fieldset>")
    bagian.append("</div>")
    return mark_safe("\n".join(b for b in bagian if b))


def formulir(form):
    """A whole form as `{{ form|crispy }}` renders it: its non-field errors, then every field."""
    bagian = []
    galat = form.non_field_errors()
    if galat:
        butir = "".join(f"<li>{conditional_escape(g)}</li>" for g in galat)
        bagian.append(f'<div class="alert alert-block alert-danger"><ul class="m-0">{butir}</ul></div>')
    bagian += [medan(bf) for bf in form]
    return mark_safe("\n".join(bagian))


def _kelas_tambahan(bf):
    kelas = bf.css_classes()
    return f" {kelas}" if kelas else ""


def _label(bf):
    """The label (a legend in a fieldset for a group of checkboxes or radios), * when required."""
    wajib = bf.field.required
    bintang = '<span class="asteriskField">*</span>' if wajib else ""
    untuk = f' for="{escape(bf.id_for_label)}"' if bf.id_for_label else ""
    kelas = "form-label" + (" requiredField" if wajib else "")
    teks = conditional_escape(bf.label)
    if bf.use_fieldset:
        dijelaskan = f' aria-describedby="{escape(bf.aria_describedby)}"' if bf.aria_describedby else ""
        return f"<fieldset{dijelaskan}>\n<legend{untuk} class=\"{kelas} fs-6\">{teks}{bintang}</legend>"
    return f'<label{untuk} class="{kelas}">{teks}{bintang}</label>'


def _kelas_crispy(widget, tambahan):
    """The class attribute crispy gives a widget: its own, its class name, then `tambahan`."""
    nama = type(widget).__name__.lower()
    kelas = widget.attrs.get("class", "")
    if kelas:
        if kelas.find(nama) == -1:
            kelas += f" {nama}"
    else:
        kelas = nama
    for k in tambahan.split():
        if k not in kelas.split():
            kelas += f" {k}"
    return kelas


def _widget(bf, tambahan):
    """The widget with crispy's classes, rendered as Django renders it (selects and inputs in Python)."""
    asli = bf.field.widget
    if bf.field.localize:
        asli.is_localized = True
    widget = copy.copy(asli)
    widget.attrs = {**asli.attrs, "class": _kelas_crispy(asli, tambahan)}
    if isinstance(widget, forms.Select):
        return render_pilihan(widget, bf.html_name, bf.value(), _attrs(bf, widget))
    if widget.template_name in TEMPLATE_INPUT:
        return _input(bf, widget)
    if isinstance(widget, forms.Textarea) and widget.template_name == "django/forms/widgets/textarea.html":
        attrs = bf.build_widget_attrs({}, widget)
        if bf.auto_id and "id" not in widget.attrs:
            attrs.setdefault("id", bf.auto_id)
        konteks = widget.get_context(bf.html_name, bf.value(), attrs)["widget"]
        isi = conditional_escape(konteks["value"]) if konteks["value"] else ""
        return f'<textarea name="{escape(konteks["name"])}"{flatatt(konteks["attrs"])}>\n{isi}</textarea>'
    return str(bf.as_widget(widget=widget))


def _attrs(bf, widget):
    """BoundField.as_widget's own steps, up to the widget's render."""
    attrs = bf.build_widget_attrs({}, widget)
    if bf.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bf.auto_id)
    return attrs


def _input(bf, widget):
    """An <input> as Django's input.html writes it (a filter bar's hidden fields went through the
    template engine at 0.2 ms each)."""
    konteks = widget.get_context(bf.html_name, bf.value(), _attrs(bf, widget))["widget"]
    isian = "" if konteks["value"] is None else f' value="{escape(str(konteks["value"]))}"'
    return f'<input type="{konteks["type"]}" name="{escape(konteks["name"])}"{isian}{flatatt(konteks["attrs"])}>'


def _galat(bf, tag="p"):
    """crispy's field_errors_block.html."""
    if not bf.errors:
        return ""
    butir = "".join(
        f'<{tag} id="error_{i}_{bf.auto_id}"><strong>{conditional_escape(g)}</strong></{tag}>'
        for i, g in enumerate(bf.errors, 1)
    )
    return f'<div id="{bf.errors.field_id}_error" class="invalid-feedback">{butir}</div>'


def _bantuan(bf):
    """crispy's help_text.html: the help text as written (it may hold markup, as crispy allows)."""
    if not bf.help_text:
        return ""
    ident = f'id="{bf.auto_id}_helptext" ' if bf.auto_id else ""
    return f'<div {ident}class="form-text">{bf.help_text}</div>'


def _pilihan_ganda(bf):
    """crispy's radio_checkbox_select.html: one form-check per choice, the errors after the last."""
    widget = bf.field.widget
    ident = widget.attrs.get("id") or bf.auto_id
    attrs = bf.build_widget_attrs({"id": ident} if ident else {})
    grup = widget.optgroups(bf.html_name, widget.format_value(bf.value()), attrs)
    salah = " is-invalid" if bf.errors else ""
    bagian = ["<div>"]
    for g, (label_grup, opsi, _) in enumerate(grup):
        if label_grup:
            bagian.append(f"<strong>{conditional_escape(label_grup)}</strong>")
        for i, o in enumerate(opsi):
            atribut = flatatt(o["attrs"])
            bagian.append(
                f'<div class="form-check">\n<input type="{o["type"]}" class="form-check-input{salah}"  '
                f'name="{escape(bf.html_name)}" value="{escape(str(o["value"]))}" {atribut}>\n'
                f'<label for="{escape(str(o["attrs"].get("id", "")))}" class="form-check-label">'
                f"{conditional_escape(o['label'])}</label>"
            )
            if bf.errors and i == len(opsi) - 1 and g == len(grup) - 1:
                bagian.append(_galat(bf))
            bagian.append("</div>")
    bagian.append("</div>")
    bagian.append(_bantuan(bf))
    return "\n".join(b for b in bagian if b)


def _kotak_centang(bf):
    """One checkbox: crispy puts it in a form-check inside a mb-3 block, its label after it."""
    wajib = bf.field.required
    bagian = [
        '<div class="mb-3">',
        f'<div id="div_{bf.auto_id}" class="form-check{_kelas_tambahan(bf)}">',
        _widget(bf, "form-check-input is-invalid" if bf.errors else "form-check-input"),
    ]
    bintang = '<span class="asteriskField">*</span>' if wajib else ""
    bagian.append(
        f'<label for="{escape(bf.id_for_label)}" class="form-check-label{" requiredField" if wajib else ""}">'
        f"{conditional_escape(bf.label)}{bintang}</label>"
    )
    bagian += [_galat(bf), _bantuan(bf), "</div>", "</div>"]
    return mark_safe("\n".join(b for b in bagian if b))
