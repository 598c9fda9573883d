"""GOV.UK select, text input and checkbox widgets that write govuk-frontend-wtf's HTML without
its macros.

govuk-frontend-wtf renders each field through a template that imports the GOV.UK Jinja macros
and calls one more macro per option; the register's thirteen filters cost a third of its page
time that way. These widgets take the same parameters (`GovSelect.map_gov_params`) and write the
same HTML, byte for byte (tests/test_widgets.py compares them), for the parameters a filter form
uses: a label, a hint, an error, classes and plain attributes. Any other parameter (a page
heading label, a prefix, HTML in place of text...) goes to the macro, as before.
"""

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovSelect, GovTextInput
from markupsafe import Markup, escape

# The parameters written here; any other sends the field to govuk-frontend-wtf's macro.
COMMON = {"id", "name", "label", "hint", "attributes", "classes", "errorMessage"}
SELECT_PARAMETERS = COMMON | {"items"}
INPUT_PARAMETERS = COMMON | {"value", "type", "spellcheck", "inputmode"}
CHECKBOX_PARAMETERS = {"name", "items", "hint", "classes"}


def _text(part, key: str = "text") -> str | None:
    """The one-line text of a label, hint or error part, or None if the macro must write it."""
    if not isinstance(part, dict) or set(part) - {key}:
        return None
    text = part.get(key)
    if not isinstance(text, str) or not text or "\n" in text or "\r" in text:
        return None
    return text


def _attributes(attributes) -> str | None:
    if not attributes:
        return ""
    if not isinstance(attributes, dict) or not all(isinstance(v, str) for v in attributes.values()):
        return None
    return "".join(f' {escape(name)}="{escape(value)}"' for name, value in attributes.items())


def _opening(params: dict) -> tuple[list[str], str, bool] | None:
    """The form group's opening, label, hint and error lines; the aria-describedby ids."""
    field_id = params.get("id") or params.get("name")
    label = _text(params.get("label"))
    hint = params.get("hint")
    error = params.get("errorMessage")
    hint_text = _text(hint) if hint else ""
    error_text = _text(error) if error else ""
    if not field_id or label is None or hint_text is None or error_text is None:
        return None
    field_id = escape(field_id)
    lines = [
        f'<div class="govuk-form-group{" govuk-form-group--error" if error else ""}">',
        f'  <label class="govuk-label" for="{field_id}">',
        f"    {escape(label)}",
        "  </label>",
    ]
    described_by = []
    if hint:
        described_by.append(f"{field_id}-hint")
        lines += [f'  <div id="{field_id}-hint" class="govuk-hint">', f"    {escape(hint_text)}", "  </div>"]
    if error:
        described_by.append(f"{field_id}-error")
        lines += [
            f'  <p id="{field_id}-error" class="govuk-error-message">',
            f'    <span class="govuk-visually-hidden">Error:</span> {escape(error_text)}',
            "  </p>",
        ]
    return lines, " ".join(described_by), bool(error)


class QuickSelect(GovSelect):
    """GovSelect, written in Python for the usual parameters."""

    def render(self, params):
        if set(params) - SELECT_PARAMETERS or not isinstance(params.get("classes", ""), str):
            return super().render(params)
        opening = _opening(params)
        attributes = _attributes(params.get("attributes"))
        if opening is None or attributes is None:
            return super().render(params)
        lines, described_by, error = opening
        field_id = escape(params.get("id") or params["name"])
        classes = "govuk-select" + (f" {escape(params['classes'])}" if params.get("classes") else "")
        classes += " govuk-select--error" if error else ""
        aria = f' aria-describedby="{described_by}"' if described_by else ""
        lines.append(
            f'  <select class="{classes}" id="{field_id}" name="{escape(params["name"])}"{aria}{attributes}>'
        )
        for item in params.get("items") or ():
            value = item["value"]
            if isinstance(value, bool):
                value = str(value).lower()
            selected = " selected" if item.get("selected") else ""
            lines.append(f'        <option value="{escape(value)}"{selected}>{escape(item["text"])}</option>')
        lines += ["  </select>", "</div>", ""]
        return Markup("\n".join(lines))


class QuickTextInput(GovTextInput):
    """GovTextInput, written in Python for the usual parameters."""

    def render(self, params):
        spellcheck = params.get("spellcheck")
        if (
            set(params) - INPUT_PARAMETERS
            or not isinstance(params.get("classes", ""), str)
            or spellcheck not in (None, True, False)
            or not isinstance(params.get("inputmode") or "", str)
        ):
            return super().render(params)
        opening = _opening(params)
        attributes = _attributes(params.get("attributes"))
        if opening is None or attributes is None:
            return super().render(params)
        lines, described_by, error = opening
        field_id = escape(params.get("id") or params["name"])
        classes = "govuk-input" + (f" {escape(params['classes'])}" if params.get("classes") else "")
        classes += " govuk-input--error" if error else ""
        parts = [
            f'<input class="{classes}" id="{field_id}" name="{escape(params["name"])}"',
            f' type="{escape(params.get("type") or "text")}"',
        ]
        if spellcheck is not None:
            parts.append(f' spellcheck="{str(spellcheck).lower()}"')
        if params.get("value") not in (None, False):
            parts.append(f' value="{escape(params["value"])}"')
        if described_by:
            parts.append(f' aria-describedby="{described_by}"')
        if params.get("inputmode"):
            parts.append(f' inputmode="{escape(params["inputmode"])}"')
        lines.append("  " + "".join(parts) + attributes + ">")
        lines += ["</div>", ""]
        return Markup("\n".join(lines))


class QuickCheckbox(GovCheckboxInput):
    """GovCheckboxInput (one checkbox, no fieldset), written in Python for the usual parameters."""

    def render(self, params):
        items = params.get("items") or []
        # govuk-frontend-wtf always passes a hint: with no description, an empty one, written.
        has_hint = bool(params.get("hint"))
        hint = "" if params.get("hint") == {"text": ""} else _text(params["hint"]) if has_hint else ""
        if (
            set(params) - CHECKBOX_PARAMETERS
            or not isinstance(params.get("classes", ""), str)
            or len(items) != 1
            or set(items[0]) - {"text", "value", "checked"}
            or not isinstance(items[0]["value"], str)
            or _text({"text": items[0].get("text")}) is None
            or hint is None
        ):
            return super().render(params)
        name = escape(params["name"])
        classes = "govuk-checkboxes" + (f" {escape(params['classes'])}" if params.get("classes") else "")
        checked = " checked" if items[0].get("checked") else ""
        lines = ["", '<div class="govuk-form-group">']
        if has_hint:
            lines += [f'  <div id="{name}-hint" class="govuk-hint">', f"    {escape(hint)}", "  </div>"]
        aria = f' aria-describedby="{name}-hint"' if has_hint else ""
        lines += [
            f'  <div class="{classes}" data-module="govuk-checkboxes">',
            '    <div class="govuk-checkboxes__item">',
            f'      <input class="govuk-checkboxes__input" id="{name}" name="{name}" type="checkbox"'
            f' value="{escape(items[0]["value"])}"{checked}{aria}>',
            f'      <label class="govuk-label govuk-checkboxes__label" for="{name}">',
            f"        {escape(items[0]['text'])}",
            "      </label>",
            "    </div>",
            "  </div>",
            "</div>",
            "",
        ]
        return Markup("\n".join(lines))
