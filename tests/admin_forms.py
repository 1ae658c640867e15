"""Turn an admin change or add page into the POST data its form would send, as a browser would."""

import datetime


def _add(data, name, value):
    if value is None:
        data[name] = ""
    elif isinstance(value, bool):
        if value:
            data[name] = "on"
    elif isinstance(value, (list, tuple)):
        data[name] = [str(v) for v in value]
    elif isinstance(value, datetime.datetime):
        data[name] = value.strftime("%Y-%m-%d %H:%M:%S")
    else:
        data[name] = str(value)


def admin_form_data(response, **changes):
    """The main form's and every inline formset's current values, with `changes` applied, plus "_save"."""
    context = response.context
    form = context["adminform"].form
    data = {}
    for name in form.fields:
        _add(data, name, form[name].value())
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            _add(data, f"{formset.prefix}-{name}", formset.management_form[name].value())
        for sub in formset.forms:
            for name in sub.fields:
                _add(data, sub.add_prefix(name), sub[name].value())
    data.update(changes)
    data["_save"] = "Save"
    return data
