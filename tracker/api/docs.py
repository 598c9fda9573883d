"""The API's description: /api/v1/openapi.json (generated from the code by flask-smorest) and
/api/v1/docs, a GOV.UK page rendered from that same document (no Swagger UI, nothing from a CDN),
so the page can never describe an API other than the one served.

Both are readable without signing in: they describe the API and hold no data.
"""

import copy
import re
from functools import cache

from flask import Blueprint, jsonify, render_template
from markdown_it import MarkdownIt
from markupsafe import Markup

from tracker.api import URL_PREFIX, api

bp = Blueprint("api_docs", __name__, url_prefix=URL_PREFIX)

METHODS = ("get", "post", "put", "patch", "delete")
# GOV.UK's classes for what the descriptions' Markdown makes.
GOVUK_CLASSES = {
    "<p>": '<p class="govuk-body">',
    "<ul>": '<ul class="govuk-list govuk-list--bullet">',
    "<ol>": '<ol class="govuk-list govuk-list--number">',
    "<a href=": '<a class="govuk-link" href=',
}


ETAG_HEADER = {
    "description": "The version read: send it back in If-Match to change the record, or in "
    "If-None-Match to be told 304 if nothing changed",
    "schema": {"type": "string"},
}
LINK_HEADER = {
    "description": 'The next page, as <address>; rel="next" (absent on the last page)',
    "schema": {"type": "string"},
}


def openapi_document() -> dict:
    """The document flask-smorest generates, with what the API adds to every answer (ETag on
    reads, Link on lists) and only the tags the operations use."""
    document = copy.deepcopy(api.spec.to_dict())
    used: dict[str, None] = {}  # in the order first met
    for item in document.get("paths", {}).values():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            used.update(dict.fromkeys(operation.get("tags", [])))
            ok = operation.get("responses", {}).get("200")
            if method == "get" and isinstance(ok, dict) and "content" in ok:
                headers = ok.setdefault("headers", {})
                headers["ETag"] = ETAG_HEADER
                schema = ok["content"].get("application/json", {}).get("schema", {})
                if schema.get("$ref", "").endswith("Page"):
                    headers["Link"] = LINK_HEADER
    document["tags"] = [{"name": tag} for tag in used]
    return document


@bp.get("/openapi.json")
def openapi_json():
    return jsonify(openapi_document())


@bp.get("/docs")
def docs():
    document = openapi_document()
    return render_template(
        "api/docs.html",
        title="API documentation",
        info=document["info"],
        description=markdown(document["info"].get("description", "")),
        groups=operation_groups(document),
        schemas=schema_tables(document),
    )


# From the document to what the page shows ----------------------------------------------------


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})  # the document's own text; no raw HTML


def markdown(text: str) -> Markup:
    html = _markdown().render(text or "")
    for plain, styled in GOVUK_CLASSES.items():
        html = html.replace(plain, styled)
    return Markup(html)


def anchor(*parts: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", "-".join(parts).lower()).strip("-")


def schema_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def describe(schema: dict | None) -> dict:
    """A schema as the page writes it: {"text": "list of Meeting", "link": "schema-meeting"}."""
    if not schema:
        return {"text": "any", "link": None}
    if "$ref" in schema:
        name = schema_name(schema["$ref"])
        return {"text": name, "link": anchor("schema", name)}
    if "anyOf" in schema or "oneOf" in schema:
        options = [describe(option) for option in schema.get("anyOf") or schema["oneOf"]]
        linked = next((option["link"] for option in options if option["link"]), None)
        return {"text": " or ".join(option["text"] for option in options), "link": linked}
    kinds = schema.get("type", "object")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    words = []
    link = None
    for kind in kinds:
        if kind == "array":
            item = describe(schema.get("items"))
            link = item["link"]
            words.append(f"list of {item['text']}")
        elif kind == "null":
            words.append("null")
        else:
            words.append(f"{kind} ({schema['format']})" if "format" in schema else kind)
    text = " or ".join(words)
    if "enum" in schema:
        text += ": one of " + ", ".join(str(value) for value in schema["enum"])
    return {"text": text, "link": link}


def limits(schema: dict) -> str:
    """The bounds a parameter or field has, in words."""
    said = []
    for key, words in (("minimum", "at least"), ("maximum", "at most"),
                       ("minLength", "at least {} characters"),
                       ("maxLength", "at most {} characters"), ("default", "default")):
        if key in schema:
            said.append(words.format(schema[key]) if "{}" in words else f"{words} {schema[key]}")
    return ", ".join(said)


def _resolve(document: dict, item: dict) -> dict:
    if "$ref" in item:
        kind, name = item["$ref"].split("/")[-2:]
        return document["components"][kind][name]
    return item


def operation_groups(document: dict) -> list[dict]:
    """The operations, grouped by their tag in the order first met, each with its parameters,
    body and answers."""
    groups: dict[str, list[dict]] = {}
    for path, item in document.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method, operation in item.items():
            if method not in METHODS:
                continue
            parameters = [_resolve(document, p) for p in [*shared, *operation.get("parameters", [])]]
            body = operation.get("requestBody", {}).get("content", {})
            responses = []
            for status, answer in operation.get("responses", {}).items():
                answer = _resolve(document, answer)
                content = answer.get("content", {})
                media_type, media = next(iter(content.items()), (None, {}))
                responses.append({
                    "status": "Any other" if status == "default" else status,
                    "description": answer.get("description", ""),
                    "media_type": media_type,
                    "schema": describe(media.get("schema")) if media_type else None,
                })
            groups.setdefault((operation.get("tags") or ["Other"])[0], []).append({
                "id": anchor(method, path),
                "method": method.upper(),
                "path": path,
                "summary": operation.get("summary", ""),
                "description": markdown(operation.get("description", "")),
                "parameters": [
                    {
                        "name": p["name"],
                        "in": p["in"],
                        "required": p.get("required", False),
                        "type": describe(p.get("schema")),
                        "limits": limits(p.get("schema", {})),
                        "description": p.get("description", ""),
                    }
                    for p in parameters
                ],
                "body": [
                    {"media_type": media_type, "schema": describe(media.get("schema"))}
                    for media_type, media in body.items()
                ],
                "responses": responses,
            })
    return [{"tag": tag, "id": anchor("tag", tag), "operations": ops} for tag, ops in groups.items()]


def schema_tables(document: dict) -> list[dict]:
    """Each named schema with its fields, for the page's last section."""
    tables = []
    for name, schema in sorted(document.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", []))
        tables.append({
            "name": name,
            "id": anchor("schema", name),
            "description": schema.get("description", ""),
            "fields": [
                {
                    "name": field,
                    "type": describe(spec),
                    "required": field in required,
                    "limits": limits(spec),
                    "description": spec.get("description", ""),
                }
                for field, spec in schema.get("properties", {}).items()
            ],
        })
    return tables
