"""The quick GOV.UK widgets (tracker/kit/widgets.py) write exactly what govuk-frontend-wtf's macros
write, for every field state a filter form has: so a page that uses them looks, validates and
reads the same to a screen reader as before."""

import pytest
from govuk_frontend_wtf import gov_form_base
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovSelect, GovTextInput
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict
from wtforms import BooleanField, Form, IntegerField, SelectField, StringField
from wtforms.validators import Length, NumberRange, Optional

from tracker.kit.forms import choices
from tracker.kit.widgets import QuickCheckbox, QuickSelect, QuickTextInput


def make_form(select_widget, input_widget, *, label="Owner", hint="", options=(), words=""):
    checkbox_widget = QuickCheckbox() if isinstance(select_widget, QuickSelect) else GovCheckboxInput()

    class Filters(Form):
        owner = SelectField(label, description=hint, widget=select_widget, default="")
        q = StringField(
            label, description=hint, widget=input_widget, validators=[Optional(), Length(max=20)]
        )
        days = IntegerField(
            "Number of days", widget=input_widget, validators=[Optional(), NumberRange(min=1)]
        )
        earlier = BooleanField(label, description=hint, widget=checkbox_widget)

    return Filters, choices([("", "Any")] + list(options))


FIELDS = ("owner", "q", "days", "earlier")


def render(select_widget, input_widget, formdata, params, **kwargs) -> list[str]:
    cls, options = make_form(select_widget, input_widget, **kwargs)
    form = cls(formdata=MultiDict(formdata))
    form.owner.choices = options
    form.validate()
    return [str(getattr(form, name)(params=dict(params.get(name, {})))) for name in FIELDS]


def render_both(formdata, params, **kwargs):
    """Each field as the macros write it and as the quick widgets do."""
    macros = render(GovSelect(), GovTextInput(), formdata, params, **kwargs)
    return macros, render(QuickSelect(), QuickTextInput(), formdata, params, **kwargs)


CASES = [
    ({}, {}),
    ({"owner": "2"}, {"owner": {"classes": "govuk-!-width-full"}}),
    ({"owner": "nonsense", "q": "x" * 30, "days": "0"}, {"q": {"spellcheck": False}}),
    ({"q": "a <b> & \"c\"", "days": "7"}, {"days": {"inputmode": "numeric", "classes": "govuk-input--width-4"}}),
    ({"q": "words"}, {"q": {"spellcheck": True, "attributes": {"data-x": "1 < 2"}}}),
    ({"earlier": "y"}, {"earlier": {"classes": "govuk-checkboxes--small"}}),
]


@pytest.mark.parametrize("formdata,params", CASES)
@pytest.mark.parametrize("hint", ["", "Choose an owner to list its leads"])
def test_quick_widgets_write_what_the_govuk_macros_write(app, monkeypatch, formdata, params, hint):
    options = [("1", "WYP & <partners>"), ("2", "Other")]
    with app.test_request_context():
        macros = render(GovSelect(), GovTextInput(), formdata, params, hint=hint, options=options)
        # Written without the macros at all.
        monkeypatch.setattr(gov_form_base, "render_template", None)
        quick = render(QuickSelect(), QuickTextInput(), formdata, params, hint=hint, options=options)
    assert quick == macros
    assert 'class="govuk-select' in quick[0] and 'type="checkbox"' in quick[3]


def test_a_select_with_no_choices_but_any_is_written_the_same(app):
    with app.test_request_context():
        macros, quick = render_both({}, {}, options=[])
    assert quick == macros


def test_parameters_the_quick_widgets_do_not_write_go_to_the_macro(app):
    params = {"owner": {"label": {"isPageHeading": True}}, "q": {"prefix": {"text": "£"}}}
    with app.test_request_context():
        macros, quick = render_both({}, params)
    assert quick == macros
    assert '<h1 class="govuk-label-wrapper">' in quick[0]
    assert "govuk-input__prefix" in quick[1]


text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12)


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=text, hint=text, option=text, chosen=text, words=text)
def test_any_text_is_escaped_as_the_macros_escape_it(app, label, hint, option, chosen, words):
    formdata = {"owner": chosen, "q": words, "days": words, "earlier": words}
    with app.test_request_context():
        macros, quick = render_both(
            formdata, {}, label=label, hint=hint, options=[(chosen, option), ("x", option)]
        )
    assert quick == macros
